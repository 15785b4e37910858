import { describe, expect, test } from '@jest/globals';
import { compareWithBase, describeDifference, ignoredBy, type CompareOptions } from '../../src/gate/compare.js';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import type { Finding } from '../../src/shared/finding.js';

const AMD = 'linux/amd64';
const ARM = 'linux/arm64';

function f(id: string, pkg: string | undefined, overrides: Partial<Finding> = {}): Finding {
  return {
    id,
    severity: 'HIGH',
    ...(pkg !== undefined ? { package: pkg } : {}),
    version: '1.0',
    fixAvailable: 'UNKNOWN',
    platform: AMD,
    ...overrides,
  };
}

/** "ID pkg platform" of each finding, for short expectations. */
const names = (findings: readonly Finding[]): string[] => findings.map((x) => `${x.id} ${x.package ?? '-'} ${x.platform}`);
const marks = (findings: ReadonlyArray<{ comparison: string }>): string[] => findings.map((x) => x.comparison);

describe('compareWithBase: marking head findings', () => {
  test.each<[string, Finding[], Finding[], string[], CompareOptions['basePlatforms']]>([
    ['same id and package → in-base', [f('CVE-1', 'openssl')], [f('CVE-1', 'openssl')], ['in-base'], [AMD]],
    [
      'same package at another version → in-base',
      [f('CVE-1', 'openssl', { version: '3.0.2' })],
      [f('CVE-1', 'openssl', { version: '3.0.1' })],
      ['in-base'],
      [AMD],
    ],
    ['same CVE in another package → new', [f('CVE-1', 'libssl3')], [f('CVE-1', 'openssl')], ['new'], [AMD]],
    ['another CVE in the same package → new', [f('CVE-2', 'openssl')], [f('CVE-1', 'openssl')], ['new'], [AMD]],
    ['ID in another case → in-base', [f('cve-2024-1', 'openssl')], [f('CVE-2024-1', 'openssl')], ['in-base'], [AMD]],
    ['ID with surrounding space → in-base', [f(' CVE-1 ', 'openssl')], [f('CVE-1', 'openssl')], ['in-base'], [AMD]],
    ['package name is matched exactly', [f('CVE-1', 'OpenSSL')], [f('CVE-1', 'openssl')], ['new'], [AMD]],
    ['no package on either side → in-base', [f('CVE-1', undefined)], [f('CVE-1', undefined)], ['in-base'], [AMD]],
    ['no package in head, one in base → new', [f('CVE-1', undefined)], [f('CVE-1', 'openssl')], ['new'], [AMD]],
    ['empty base → new', [f('CVE-1', 'openssl')], [], ['new'], [AMD]],
    [
      'severity changed since the base → still in-base',
      [f('CVE-1', 'openssl', { severity: 'CRITICAL' })],
      [f('CVE-1', 'openssl', { severity: 'MEDIUM' })],
      ['in-base'],
      [AMD],
    ],
    // Platforms both images have: only that platform's base findings count.
    [
      'shared platform: base has it on another platform only → new',
      [f('CVE-1', 'openssl', { platform: ARM })],
      [f('CVE-1', 'openssl', { platform: AMD })],
      ['new'],
      [AMD, ARM],
    ],
    [
      'shared platform: base has it on the same platform → in-base',
      [f('CVE-1', 'openssl', { platform: ARM })],
      [f('CVE-1', 'openssl', { platform: ARM })],
      ['in-base'],
      [AMD, ARM],
    ],
    // A platform the PR added: any base platform counts.
    [
      'added platform: base has it on another platform → in-base',
      [f('CVE-1', 'openssl', { platform: ARM })],
      [f('CVE-1', 'openssl', { platform: AMD })],
      ['in-base'],
      [AMD],
    ],
    [
      'added platform: base does not have it → new',
      [f('CVE-1', 'zlib', { platform: ARM })],
      [f('CVE-1', 'openssl', { platform: AMD })],
      ['new'],
      [AMD],
    ],
    // A platform of the base is known from its findings even when basePlatforms forgets it.
    [
      'base platform known from its findings',
      [f('CVE-1', 'openssl', { platform: ARM })],
      [f('CVE-1', 'openssl', { platform: AMD }), f('CVE-2', 'zlib', { platform: ARM })],
      ['new'],
      [],
    ],
  ])('%s', (_name, head, base, expected, basePlatforms) => {
    expect(marks(compareWithBase(head, base, { basePlatforms }).findings)).toEqual(expected);
  });

  test('keeps every field of an evaluated finding, in order', () => {
    const head: EvaluatedFinding[] = [
      { ...f('CVE-2', 'zlib'), blocking: false, ignored: { by: 'input', reason: 'listed in the ignore input' } },
      { ...f('CVE-1', 'openssl'), blocking: true, comparison: 'new' },
    ];
    const result = compareWithBase(head, [f('CVE-1', 'openssl')], { basePlatforms: [AMD] });
    expect(result.findings).toEqual([
      { ...head[0], comparison: 'new' },
      { ...head[1], comparison: 'in-base' },
    ]);
  });
});

describe('compareWithBase: newCount', () => {
  test.each<[string, Array<Finding & { ignored?: EvaluatedFinding['ignored'] }>, number]>([
    ['one per vulnerability and package, however many platforms', [f('CVE-1', 'openssl'), f('CVE-1', 'openssl', { platform: ARM })], 1],
    ['IDs in another case are the same vulnerability', [f('CVE-1', 'openssl'), f('cve-1', 'openssl', { platform: ARM })], 1],
    ['the same CVE in two packages counts twice', [f('CVE-1', 'openssl'), f('CVE-1', 'libssl3')], 2],
    [
      'ignored new findings do not count',
      [f('CVE-1', 'openssl'), { ...f('CVE-2', 'zlib'), ignored: { by: 'file', reason: 'not reachable' } }],
      1,
    ],
    ['in-base findings do not count', [f('CVE-9', 'glibc'), f('CVE-1', 'openssl')], 1],
  ])('%s', (_name, head, expected) => {
    expect(
      compareWithBase(head, [f('CVE-9', 'glibc'), f('CVE-9', 'glibc', { platform: ARM })], { basePlatforms: [AMD, ARM] }).newCount,
    ).toBe(expected);
  });
});

describe('compareWithBase: fixed', () => {
  test.each<[string, Finding[], Finding[], CompareOptions, string[]]>([
    [
      'gone from the head → fixed',
      [],
      [f('CVE-1', 'openssl')],
      { basePlatforms: [AMD], headScans: [{ platform: AMD, complete: true }] },
      ['CVE-1 openssl linux/amd64'],
    ],
    [
      'still in the head at another version → not fixed',
      [f('CVE-1', 'openssl', { version: '2' })],
      [f('CVE-1', 'openssl')],
      { basePlatforms: [AMD] },
      [],
    ],
    ['head ID in another case → not fixed', [f('cve-1', 'openssl')], [f('CVE-1', 'openssl')], { basePlatforms: [AMD] }, []],
    [
      'moved to another package → fixed (and new in the other)',
      [f('CVE-1', 'libssl3')],
      [f('CVE-1', 'openssl')],
      { basePlatforms: [AMD] },
      ['CVE-1 openssl linux/amd64'],
    ],
    [
      'gone from one shared platform only → fixed there',
      [f('CVE-1', 'openssl', { platform: AMD })],
      [f('CVE-1', 'openssl', { platform: AMD }), f('CVE-1', 'openssl', { platform: ARM })],
      {
        basePlatforms: [AMD, ARM],
        headScans: [
          { platform: AMD, complete: true },
          { platform: ARM, complete: true },
        ],
      },
      ['CVE-1 openssl linux/arm64'],
    ],
    [
      'on every platform → listed once',
      [],
      [f('CVE-1', 'openssl', { platform: ARM }), f('CVE-1', 'openssl', { platform: AMD })],
      {
        basePlatforms: [AMD, ARM],
        headScans: [
          { platform: AMD, complete: true },
          { platform: ARM, complete: true },
        ],
      },
      ['CVE-1 openssl linux/amd64'],
    ],
    [
      'dropped platform, still on another → not fixed',
      [f('CVE-1', 'openssl', { platform: AMD })],
      [f('CVE-1', 'openssl', { platform: ARM })],
      { basePlatforms: [AMD, ARM], headScans: [{ platform: AMD, complete: true }] },
      [],
    ],
    [
      'dropped platform, gone everywhere → fixed',
      [f('CVE-2', 'zlib', { platform: AMD })],
      [f('CVE-1', 'openssl', { platform: ARM })],
      { basePlatforms: [AMD, ARM], headScans: [{ platform: AMD, complete: true }] },
      ['CVE-1 openssl linux/arm64'],
    ],
    [
      'a clean head platform, known from headScans → fixed there',
      [f('CVE-1', 'openssl', { platform: AMD })],
      [f('CVE-1', 'openssl', { platform: AMD }), f('CVE-1', 'openssl', { platform: ARM })],
      {
        basePlatforms: [AMD, ARM],
        headScans: [
          { platform: AMD, complete: true },
          { platform: ARM, complete: true },
        ],
      },
      ['CVE-1 openssl linux/arm64'],
    ],
    [
      'a clean head platform without headScans counts as dropped → not fixed',
      [f('CVE-1', 'openssl', { platform: AMD })],
      [f('CVE-1', 'openssl', { platform: AMD }), f('CVE-1', 'openssl', { platform: ARM })],
      { basePlatforms: [AMD, ARM] },
      [],
    ],
    [
      'head scan incomplete on that platform → not fixed',
      [],
      [f('CVE-1', 'openssl', { platform: ARM })],
      {
        basePlatforms: [AMD, ARM],
        headScans: [
          { platform: AMD, complete: true },
          { platform: ARM, complete: false },
        ],
      },
      [],
    ],
    [
      'dropped platform while another head scan is incomplete → not fixed',
      [],
      [f('CVE-1', 'openssl', { platform: ARM })],
      { basePlatforms: [ARM], headScans: [{ platform: AMD, complete: false }] },
      [],
    ],
    [
      'ignored base findings are not listed',
      [],
      [f('CVE-1', 'openssl'), f('CVE-2', 'zlib')],
      { basePlatforms: [AMD], headScans: [{ platform: AMD, complete: true }], isIgnored: (x) => x.id === 'CVE-2' },
      ['CVE-1 openssl linux/amd64'],
    ],
    [
      'worst first, then by ID',
      [],
      [f('CVE-3', 'a', { severity: 'LOW' }), f('CVE-2', 'b', { severity: 'CRITICAL' }), f('CVE-1', 'c', { severity: 'LOW' })],
      { basePlatforms: [AMD], headScans: [{ platform: AMD, complete: true }] },
      ['CVE-2 b linux/amd64', 'CVE-1 c linux/amd64', 'CVE-3 a linux/amd64'],
    ],
  ])('%s', (_name, head, base, options, expected) => {
    expect(names(compareWithBase(head, base, options).fixed)).toEqual(expected);
  });

  test('ignoredBy applies the same ignores as the head: input, file, unfixed, not expired entries', () => {
    const isIgnored = ignoredBy({
      ids: ['cve-1'],
      entries: [
        { id: 'CVE-2', reason: 'not reachable' },
        { id: 'CVE-3', reason: 'was accepted', expires: '2024-12-31' },
      ],
      ignoreUnfixed: true,
      today: '2025-01-15',
    });
    const base = [
      f('CVE-1', 'a'),
      f('CVE-2', 'b'),
      f('CVE-3', 'c'),
      f('CVE-4', 'd', { fixAvailable: 'NO' }),
      f('CVE-5', 'e', { fixAvailable: 'YES' }),
    ];
    expect(
      names(compareWithBase([], base, { basePlatforms: [AMD], headScans: [{ platform: AMD, complete: true }], isIgnored }).fixed),
    ).toEqual(['CVE-3 c linux/amd64', 'CVE-5 e linux/amd64']);
  });
});

describe('describeDifference', () => {
  const sev = (severity: Finding['severity'], id: string, pkg = 'openssl', platform = AMD): Finding => f(id, pkg, { severity, platform });

  test.each<[string, Finding[], Finding[], string]>([
    ['nothing either way', [], [], 'has the same findings'],
    ['adds only', [sev('CRITICAL', 'CVE-1'), sev('CRITICAL', 'CVE-2')], [], 'adds 2 CRITICAL, fixes nothing'],
    ['fixes only', [], [sev('MEDIUM', 'CVE-1')], 'adds nothing, fixes 1 MEDIUM'],
    [
      'both',
      [sev('CRITICAL', 'CVE-1'), sev('CRITICAL', 'CVE-2')],
      [1, 2, 3, 4, 5].map((n) => sev('HIGH', `CVE-${n}`, 'glibc')),
      'adds 2 CRITICAL, fixes 5 HIGH',
    ],
    [
      'severities worst first',
      [sev('LOW', 'CVE-1'), sev('CRITICAL', 'CVE-2'), sev('MEDIUM', 'CVE-3')],
      [sev('UNDEFINED', 'CVE-4'), sev('HIGH', 'CVE-5')],
      'adds 1 CRITICAL, 1 MEDIUM and 1 LOW, fixes 1 HIGH and 1 UNDEFINED',
    ],
    [
      'each vulnerability in each package once across platforms',
      [sev('HIGH', 'CVE-1', 'openssl', AMD), sev('HIGH', 'cve-1', 'openssl', ARM)],
      [],
      'adds 1 HIGH, fixes nothing',
    ],
    [
      'the same CVE in two packages counts twice',
      [sev('HIGH', 'CVE-1', 'openssl'), sev('HIGH', 'CVE-1', 'libssl3')],
      [],
      'adds 2 HIGH, fixes nothing',
    ],
  ])('%s', (_name, added, fixed, expected) => {
    expect(describeDifference(added, fixed)).toBe(expected);
  });

  test('ignored new findings are left out', () => {
    const ignored: EvaluatedFinding = {
      ...f('CVE-1', 'openssl'),
      blocking: false,
      comparison: 'new',
      ignored: { by: 'input', reason: 'listed in the ignore input' },
    };
    expect(describeDifference([ignored], [])).toBe('has the same findings');
  });

  test('works on compareWithBase output', () => {
    const result = compareWithBase(
      [f('CVE-1', 'openssl', { severity: 'CRITICAL' }), f('CVE-9', 'glibc')],
      [f('CVE-9', 'glibc'), f('CVE-5', 'zlib', { severity: 'MEDIUM' })],
      { basePlatforms: [AMD], headScans: [{ platform: AMD, complete: true }] },
    );
    expect(
      describeDifference(
        result.findings.filter((x) => x.comparison === 'new'),
        result.fixed,
      ),
    ).toBe('adds 1 CRITICAL, fixes 1 MEDIUM');
    expect(result.newCount).toBe(1);
  });
});
