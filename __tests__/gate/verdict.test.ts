import { describe, expect, test } from '@jest/globals';
import type { BaseFindings } from '../../src/scan/base.js';
import type { Finding, PlatformScan } from '../../src/shared/finding.js';
import { decideVerdict, HELD_BY_GATE, type VerdictInput } from '../../src/gate/verdict.js';

const f = (id: string, severity: Finding['severity'], pkg = 'openssl'): Finding => ({
  id,
  severity,
  package: pkg,
  version: '1.0',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
});
const scan = (findings: Finding[], digest = `sha256:${'a'.repeat(64)}`): PlatformScan => ({
  platform: 'linux/amd64',
  digest,
  status: 'COMPLETE',
  complete: true,
  scanType: 'BASIC',
  findings,
  calls: 1,
});
const base = (findings: Finding[]): BaseFindings => ({
  available: true,
  baseSha: 'b'.repeat(40),
  baseDigest: `sha256:${'b'.repeat(64)}`,
  tag: 'b'.repeat(40),
  platforms: [{ platform: 'linux/amd64', digest: `sha256:${'b'.repeat(64)}` }],
  scans: [scan(findings, `sha256:${'b'.repeat(64)}`)],
});

function input(overrides: Partial<VerdictInput>): VerdictInput {
  return {
    scans: [scan([])],
    ignores: { ids: [], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail' },
    promotions: [{ tag: '1.4.0' }, { tag: 'latest' }],
    ...overrides,
  };
}

describe('decideVerdict: what may be promoted', () => {
  test.each([
    ['a blocking finding', [f('CVE-1', 'CRITICAL')], true],
    ['findings below the threshold only', [f('CVE-1', 'MEDIUM')], false],
    ['no findings', [], false],
  ])('%s', (_name, findings, fails) => {
    const verdict = decideVerdict(input({ scans: [scan(findings)] }));
    expect(verdict.decision.fails).toBe(fails);
    expect(verdict.mayPromote).toBe(!fails);
    expect(verdict.heldBack).toEqual(fails ? ['1.4.0', 'latest'].map((tag) => ({ tag, reason: HELD_BY_GATE })) : []);
  });

  test('an incomplete scan with on-scan-incomplete: fail holds the tags back; with warn it promotes', () => {
    const timedOut = { ...scan([]), status: 'TIMEOUT', complete: false };
    expect(decideVerdict(input({ scans: [timedOut] })).mayPromote).toBe(false);
    expect(decideVerdict(input({ scans: [timedOut], gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'warn' } })).mayPromote).toBe(
      true,
    );
  });

  test('an ignored finding does not block', () => {
    const verdict = decideVerdict(
      input({
        scans: [scan([f('CVE-1', 'CRITICAL')])],
        ignores: { ids: ['cve-1'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
      }),
    );
    expect(verdict.mayPromote).toBe(true);
    expect(verdict.decision.findings[0].ignored?.by).toBe('input');
  });
});

describe('decideVerdict: the comparison with the base image', () => {
  const newGate = { threshold: 'HIGH', mode: 'new', onIncomplete: 'fail' } as const;

  test('a finding already in the base does not fail gate: new; what the base had and this image has not is fixed', () => {
    const verdict = decideVerdict(
      input({ scans: [scan([f('CVE-1', 'HIGH')])], base: base([f('CVE-1', 'HIGH'), f('CVE-2', 'HIGH', 'zlib')]), gate: newGate }),
    );
    expect(verdict.mayPromote).toBe(true);
    expect(verdict.comparison).toMatchObject({ available: true, baseSha: 'b'.repeat(40), newCount: 0 });
    expect(verdict.comparison?.fixed.map((x) => x.id)).toEqual(['CVE-2']);
    expect(verdict.decision.findings[0].comparison).toBe('in-base');
  });

  test('a new finding fails gate: new and is counted', () => {
    const verdict = decideVerdict(input({ scans: [scan([f('CVE-3', 'HIGH')])], base: base([f('CVE-1', 'HIGH')]), gate: newGate }));
    expect(verdict.mayPromote).toBe(false);
    expect(verdict.comparison).toMatchObject({ newCount: 1 });
  });

  test('a base ignored by the same ignores is not called fixed', () => {
    const verdict = decideVerdict(
      input({
        base: base([f('CVE-9', 'HIGH')]),
        gate: newGate,
        ignores: { ids: ['CVE-9'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
      }),
    );
    expect(verdict.comparison?.fixed).toEqual([]);
  });

  test('no base to compare with: gate: new counts every finding, and the note is kept', () => {
    const note = 'No image for the base commit bbbbbbb in mlops/retail-api: comparison skipped (gate: new falls back to all).';
    const verdict = decideVerdict(
      input({ scans: [scan([f('CVE-1', 'HIGH')])], base: { available: false, baseSha: 'b'.repeat(40), note }, gate: newGate }),
    );
    expect(verdict.mayPromote).toBe(false);
    expect(verdict.comparison).toEqual({ available: false, baseSha: 'b'.repeat(40), note, fixed: [], newCount: 0 });
  });

  test('no comparison asked for: none in the verdict', () => {
    expect(decideVerdict(input({})).comparison).toBeUndefined();
  });
});

describe('decideVerdict: risk (epss-threshold, fail-on-exploitable)', () => {
  const risky = [
    { ...f('CVE-LOWEPSS', 'CRITICAL'), epss: 0.02 },
    { ...f('CVE-HIGHEPSS', 'CRITICAL', 'zlib'), epss: 0.5 },
    { ...f('CVE-EXPLOIT', 'LOW', 'bash'), exploitAvailable: 'YES' as const },
  ];

  test('the held-back finding is listed as such, the others fail, promotion is held', () => {
    const verdict = decideVerdict(
      input({
        scans: [scan(risky)],
        gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', epssThreshold: 0.1, failOnExploitable: true },
      }),
    );
    expect(verdict.decision.blocking.map((x) => [x.id, x.blockedBy])).toEqual([
      ['CVE-HIGHEPSS', undefined],
      ['CVE-EXPLOIT', 'exploit'],
    ]);
    expect(verdict.decision.heldBackByEpss.map((x) => x.id)).toEqual(['CVE-LOWEPSS']);
    expect(verdict.mayPromote).toBe(false);
  });

  test('an ignored exploit does not fail, and the rest passes: promotion goes ahead', () => {
    const verdict = decideVerdict(
      input({
        scans: [scan(risky.filter((x) => x.id !== 'CVE-HIGHEPSS'))],
        ignores: { ids: ['CVE-EXPLOIT'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
        gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', epssThreshold: 0.1, failOnExploitable: true },
      }),
    );
    expect(verdict.decision.fails).toBe(false);
    expect(verdict.mayPromote).toBe(true);
    expect(verdict.decision.heldBackByEpss.map((x) => x.id)).toEqual(['CVE-LOWEPSS']);
  });
});
