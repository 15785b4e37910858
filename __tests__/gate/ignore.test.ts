import { describe, expect, test } from '@jest/globals';
import type { Finding } from '../../src/shared/finding.js';
import type { IgnoreEntry } from '../../src/gate/ignore-file.js';
import { applyIgnores, isExpired, utcDay, type IgnoreOptions } from '../../src/gate/ignore.js';
import { ignoredBy } from '../../src/gate/compare.js';
import type { VexOptions, VexStatement } from '../../src/gate/vex.js';

const finding = (id: string, overrides: Partial<Finding> = {}): Finding => ({
  id,
  severity: 'HIGH',
  package: 'openssl',
  version: '3.0.2',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
  ...overrides,
});
const none: IgnoreOptions = { ids: [], entries: [], ignoreUnfixed: false, today: '2024-06-15' };

describe('applyIgnores', () => {
  test('nothing to ignore: every finding kept, not blocking yet, nothing expired', () => {
    const result = applyIgnores([finding('CVE-1')], none);
    expect(result).toEqual({ findings: [{ ...finding('CVE-1'), blocking: false }], expired: [] });
    expect(result.findings[0]).not.toHaveProperty('ignored');
  });

  test.each([
    ['no date: ignores', undefined, true],
    ['expires tomorrow: ignores', '2024-06-16', true],
    ['expires today (its last day): ignores', '2024-06-15', true],
    ['expired yesterday: ignores nothing, listed', '2024-06-14', false],
    ['expired last year', '2023-12-31', false],
  ])('an ignore-file entry that %s', (_name, expires, ignores) => {
    const entry: IgnoreEntry = expires ? { id: 'CVE-1', reason: 'not reachable', expires } : { id: 'CVE-1', reason: 'not reachable' };
    const result = applyIgnores([finding('CVE-1'), finding('CVE-2')], { ...none, entries: [entry] });
    expect(result.findings[0].ignored).toEqual(
      ignores ? { by: 'file', reason: 'not reachable', ...(expires ? { expires } : {}) } : undefined,
    );
    expect(result.findings[1].ignored).toBeUndefined();
    expect(result.expired).toEqual(ignores ? [] : [{ id: 'CVE-1', reason: 'not reachable', expires, matched: 1 }]);
  });

  test('an expired entry counts what it would have matched, once per vulnerability in a package across platforms', () => {
    const findings = [
      finding('CVE-1', { platform: 'linux/amd64' }),
      finding('CVE-1', { platform: 'linux/arm64' }),
      finding('CVE-1', { package: 'libssl3' }),
      finding('CVE-2'),
    ];
    const result = applyIgnores(findings, {
      ...none,
      entries: [
        { id: 'CVE-1', reason: 'waiting on upstream', expires: '2024-01-31' },
        { id: 'CVE-9', reason: 'gone', expires: '2024-01-31' },
      ],
    });
    expect(result.expired).toEqual([
      { id: 'CVE-1', reason: 'waiting on upstream', expires: '2024-01-31', matched: 2 },
      { id: 'CVE-9', reason: 'gone', expires: '2024-01-31', matched: 0 },
    ]);
    expect(result.findings.every((f) => f.ignored === undefined)).toBe(true);
  });

  test('an expired entry does not hide an active one for the same ID', () => {
    const result = applyIgnores([finding('CVE-1')], {
      ...none,
      entries: [
        { id: 'CVE-1', reason: 'old', expires: '2024-01-01' },
        { id: 'CVE-1', reason: 'renewed', expires: '2024-12-31' },
      ],
    });
    expect(result.findings[0].ignored).toEqual({ by: 'file', reason: 'renewed', expires: '2024-12-31' });
    expect(result.expired.map((e) => e.reason)).toEqual(['old']);
  });

  test.each([
    ['the ignore input', { ids: ['CVE-1'] }, { by: 'input', reason: 'listed in the ignore input' }],
    ['the input, in another case and with spaces', { ids: ['  cve-1 '] }, { by: 'input', reason: 'listed in the ignore input' }],
    ['the file, in another case', { entries: [{ id: 'cve-1', reason: 'test image only' }] }, { by: 'file', reason: 'test image only' }],
    [
      'both: the file, which has a reason',
      { ids: ['CVE-1'], entries: [{ id: 'CVE-1', reason: 'test image only' }] },
      { by: 'file', reason: 'test image only' },
    ],
  ] as Array<[string, Partial<IgnoreOptions>, object]>)('ignored by %s', (_name, options, ignored) => {
    const [result] = applyIgnores([finding('CVE-1')], { ...none, ...options }).findings;
    expect(result.ignored).toEqual(ignored);
    expect(result.blocking).toBe(false);
  });

  test.each([
    ['NO', true, true],
    ['NO', false, false],
    ['PARTIAL', true, false],
    ['YES', true, false],
    ['UNKNOWN', true, false],
  ] as const)('fixAvailable %s with ignore-unfixed %s: ignored as unfixed %s', (fixAvailable, ignoreUnfixed, ignored) => {
    const [result] = applyIgnores([finding('CVE-1', { fixAvailable })], { ...none, ignoreUnfixed }).findings;
    expect(result.ignored).toEqual(ignored ? { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' } : undefined);
  });

  test('a listed ID wins over ignore-unfixed: its reason is the one reported', () => {
    const [result] = applyIgnores([finding('CVE-1', { fixAvailable: 'NO' })], { ...none, ids: ['CVE-1'], ignoreUnfixed: true }).findings;
    expect(result.ignored?.by).toBe('input');
  });

  test('keeps the comparison mark and re-decides a previous ignore', () => {
    const [result] = applyIgnores(
      [{ ...finding('CVE-1'), comparison: 'new' as const, ignored: { by: 'input' as const, reason: 'stale' }, blocking: true }],
      none,
    ).findings;
    expect(result).toEqual({ ...finding('CVE-1'), comparison: 'new', blocking: false });
  });
});

describe('applyIgnores: VEX statements, after the ignore file and input, before ignore-unfixed', () => {
  const statement = (overrides: Partial<VexStatement> = {}): VexStatement => ({
    source: { file: 'docs/vex.json', statement: 1, document: 'https://example.com/vex/1' },
    vulnerability: 'CVE-1',
    aliases: [],
    products: [{ id: 'team/api', subcomponents: [] }],
    status: 'not_affected',
    justification: 'component_not_present',
    ...overrides,
  });
  const vex = (...statements: VexStatement[]): VexOptions => ({ statements, image: { repository: 'team/api', platformDigests: {} } });
  const BY_VEX = {
    by: 'vex',
    reason: 'VEX docs/vex.json (statement 1): not_affected, component_not_present',
    vex: { file: 'docs/vex.json', statement: 1, document: 'https://example.com/vex/1', status: 'not_affected' },
  };

  test.each([
    ['a matching statement', {}, BY_VEX],
    ['the ignore file first', { entries: [{ id: 'CVE-1', reason: 'test image only' }] }, { by: 'file', reason: 'test image only' }],
    ['the ignore input first', { ids: ['cve-1'] }, { by: 'input', reason: 'listed in the ignore input' }],
    ['VEX before ignore-unfixed', { ignoreUnfixed: true }, BY_VEX],
  ] as Array<[string, Partial<IgnoreOptions>, object]>)('%s', (_name, options, ignored) => {
    const [result] = applyIgnores([finding('CVE-1', { fixAvailable: 'NO' })], { ...none, ...options, vex: vex(statement()) }).findings;
    expect(result.ignored).toEqual(ignored);
    expect(result.blocking).toBe(false);
  });

  test.each([
    ['affected', statement({ status: 'affected', justification: undefined })],
    ['under_investigation', statement({ status: 'under_investigation', justification: undefined })],
    ['another image', statement({ products: [{ id: 'team/web', subcomponents: [] }] })],
    ['another vulnerability', statement({ vulnerability: 'CVE-2' })],
  ])('%s: not ignored, and ignore-unfixed still applies', (_name, s) => {
    const findings = [finding('CVE-1'), finding('CVE-1', { fixAvailable: 'NO' })];
    const [kept, unfixed] = applyIgnores(findings, { ...none, ignoreUnfixed: true, vex: vex(s) }).findings;
    expect(kept.ignored).toBeUndefined();
    expect(unfixed.ignored?.by).toBe('unfixed');
  });

  test('no statements: as without VEX', () => {
    expect(applyIgnores([finding('CVE-1')], { ...none, vex: vex() })).toEqual(applyIgnores([finding('CVE-1')], none));
  });

  test("compare's ignoredBy (the base image's findings) applies the same statements", () => {
    const isIgnored = ignoredBy({ ...none, vex: vex(statement()) });
    expect(isIgnored(finding('CVE-1'))).toBe(true);
    expect(isIgnored(finding('CVE-2'))).toBe(false);
  });
});

describe('dates', () => {
  test('utcDay is the UTC date, whatever the local time zone', () => {
    expect(utcDay(new Date('2024-06-15T23:59:59-05:00'))).toBe('2024-06-16');
  });

  test('isExpired: the day after `expires`, not on it', () => {
    expect(isExpired({ id: 'x', reason: 'r', expires: '2024-06-15' }, '2024-06-15')).toBe(false);
    expect(isExpired({ id: 'x', reason: 'r', expires: '2024-06-15' }, '2024-06-16')).toBe(true);
    expect(isExpired({ id: 'x', reason: 'r' }, '2999-01-01')).toBe(false);
  });
});
