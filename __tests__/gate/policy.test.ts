import { describe, expect, test } from '@jest/globals';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import type { PlatformScan } from '../../src/shared/finding.js';
import { countByPlatform, countFindings, countIgnored, decideGate, worstFirst, type GateSettings } from '../../src/gate/policy.js';
import type { Severity, Threshold } from '../../src/shared/severity.js';

const f = (id: string, severity: Severity, overrides: Partial<EvaluatedFinding> = {}): EvaluatedFinding => ({
  id,
  severity,
  package: 'openssl',
  version: '3.0.1',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
  blocking: false,
  ...overrides,
});
const scan = (platform: string, status = 'COMPLETE', description?: string): PlatformScan => ({
  platform,
  digest: `sha256:${platform.replace(/\W/g, '')}`,
  status,
  ...(description ? { description } : {}),
  complete: status === 'COMPLETE' || status === 'ACTIVE',
  findings: [],
  calls: 1,
});
const AMD = [scan('linux/amd64')];
const settings: GateSettings = { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', baseAvailable: false };

describe('decideGate: thresholds', () => {
  const mixed = [
    f('CVE-C', 'CRITICAL'),
    f('CVE-H', 'HIGH'),
    f('CVE-M', 'MEDIUM'),
    f('CVE-L', 'LOW'),
    f('CVE-I', 'INFORMATIONAL'),
    f('CVE-U', 'UNDEFINED'),
  ];
  test.each([
    ['CRITICAL', ['CVE-C']],
    ['HIGH', ['CVE-C', 'CVE-H']],
    ['MEDIUM', ['CVE-C', 'CVE-H', 'CVE-M']],
    ['LOW', ['CVE-C', 'CVE-H', 'CVE-M', 'CVE-L']],
    // UNDEFINED (and Inspector's UNTRIAGED) never fails.
    ['INFORMATIONAL', ['CVE-C', 'CVE-H', 'CVE-M', 'CVE-L', 'CVE-I']],
    ['NONE', []],
  ] as Array<[Threshold, string[]]>)('at %s, blocking: %j', (threshold, blocking) => {
    const decision = decideGate(mixed, AMD, { ...settings, threshold });
    expect(decision.blocking.map((x) => x.id)).toEqual(blocking);
    expect(decision.findings.filter((x) => x.blocking).map((x) => x.id)).toEqual(blocking);
    expect(decision.verdict).toBe(blocking.length > 0 ? 'failed' : 'passed');
    expect(decision.fails).toBe(blocking.length > 0);
  });

  test('NONE says findings are reported and never fail', () => {
    expect(
      decideGate([f('CVE-C', 'CRITICAL'), f('CVE-X', 'LOW', { ignored: { by: 'input', reason: 'x' } })], AMD, {
        ...settings,
        threshold: 'NONE',
      }).reason,
    ).toBe('severity-threshold is NONE: 1 finding reported (1 ignored), none fails the gate.');
  });

  test('ignored findings never block', () => {
    const decision = decideGate([f('CVE-C', 'CRITICAL', { ignored: { by: 'file', reason: 'not reachable' } })], AMD, settings);
    expect(decision).toMatchObject({ verdict: 'passed', fails: false, reason: 'No findings at or above CRITICAL (1 ignored).' });
  });
});

describe('decideGate: the reason', () => {
  test('a failure names the worst findings with package, version and platform, and the count', () => {
    const decision = decideGate(
      [f('CVE-2024-0002', 'CRITICAL', { package: 'zlib', version: '1.2.11' }), f('CVE-2024-0001', 'CRITICAL'), f('CVE-2024-0003', 'HIGH')],
      AMD,
      settings,
    );
    expect(decision.reason).toBe(
      '2 findings at or above CRITICAL: CVE-2024-0001 (openssl 3.0.1, linux/amd64), CVE-2024-0002 (zlib 1.2.11, linux/amd64).',
    );
    expect(decision.blocking.map((x) => x.id)).toEqual(['CVE-2024-0001', 'CVE-2024-0002']);
  });

  test('names at most five, then "and N more"; worst first', () => {
    const findings = [
      ...Array.from({ length: 6 }, (_, i) => f(`CVE-2024-100${i}`, 'HIGH', { package: `pkg${i}` })),
      f('CVE-2023-9999', 'CRITICAL', { package: 'curl', version: '7.88.1' }),
    ];
    const { reason } = decideGate(findings, AMD, { ...settings, threshold: 'HIGH' });
    expect(reason).toBe(
      '7 findings at or above HIGH: CVE-2023-9999 (curl 7.88.1, linux/amd64), CVE-2024-1000 (pkg0 3.0.1, linux/amd64), CVE-2024-1001 (pkg1 3.0.1, linux/amd64), CVE-2024-1002 (pkg2 3.0.1, linux/amd64), CVE-2024-1003 (pkg3 3.0.1, linux/amd64) and 2 more.',
    );
  });

  test('one vulnerability in one package on two platforms is named once, with both platforms', () => {
    const { reason, blocking } = decideGate(
      [f('CVE-1', 'CRITICAL'), f('CVE-1', 'CRITICAL', { platform: 'linux/arm64' })],
      [scan('linux/amd64'), scan('linux/arm64')],
      settings,
    );
    expect(reason).toBe('1 finding at or above CRITICAL: CVE-1 (openssl 3.0.1, linux/amd64, linux/arm64).');
    expect(blocking).toHaveLength(2);
  });

  test('a finding without a package', () => {
    expect(decideGate([f('CVE-1', 'CRITICAL', { package: undefined, version: undefined })], AMD, settings).reason).toBe(
      '1 finding at or above CRITICAL: CVE-1 (linux/amd64).',
    );
  });

  test.each([
    [[], 'No findings at or above CRITICAL.'],
    [[f('CVE-H', 'HIGH'), f('CVE-L', 'LOW')], 'No findings at or above CRITICAL (2 below it).'],
  ])('a pass says what was below the threshold', (findings, reason) => {
    expect(decideGate(findings, AMD, settings).reason).toBe(reason);
  });
});

describe('decideGate: gate new', () => {
  const findings = [f('CVE-NEW', 'CRITICAL', { comparison: 'new' }), f('CVE-OLD', 'CRITICAL', { comparison: 'in-base' })];

  test('with a base image, only new findings block', () => {
    const decision = decideGate(findings, AMD, { ...settings, mode: 'new', baseAvailable: true });
    expect(decision.blocking.map((x) => x.id)).toEqual(['CVE-NEW']);
    expect(decision.reason).toBe('1 new finding at or above CRITICAL: CVE-NEW (openssl 3.0.1, linux/amd64).');
  });

  test('with a base image and only old findings, it passes and says they were already there', () => {
    const decision = decideGate([findings[1]], AMD, { ...settings, mode: 'new', baseAvailable: true });
    expect(decision).toMatchObject({
      verdict: 'passed',
      reason: 'No new findings at or above CRITICAL against the base image (1 already in the base).',
    });
  });

  test('without a base image it falls back to all, and says so', () => {
    const decision = decideGate(findings, AMD, { ...settings, mode: 'new', baseAvailable: false });
    expect(decision.blocking.map((x) => x.id)).toEqual(['CVE-NEW', 'CVE-OLD']);
    expect(decision.reason).toMatch(
      /^2 findings at or above CRITICAL \(gate: new found no base image to compare with, so every finding counts\): /,
    );
  });

  test('without a base image, a pass also says so', () => {
    expect(decideGate([], AMD, { ...settings, mode: 'new' }).reason).toBe(
      'No findings at or above CRITICAL; gate: new found no base image to compare with, so every finding counted.',
    );
  });

  test('gate all ignores the comparison', () => {
    expect(decideGate(findings, AMD, { ...settings, baseAvailable: true }).blocking).toHaveLength(2);
  });
});

describe('decideGate: incomplete scans', () => {
  const timedOut = scan('linux/arm64', 'TIMEOUT', 'No final scan status within 600 s (scan-timeout); the last status was IN_PROGRESS.');

  test.each([
    [
      'fail',
      true,
      'The scan of linux/arm64 (TIMEOUT: No final scan status within 600 s (scan-timeout); the last status was IN_PROGRESS) did not complete, so the gate cannot decide; raise scan-timeout, or set on-scan-incomplete: warn to accept an incomplete scan.',
    ],
    [
      'warn',
      false,
      'The scan of linux/arm64 (TIMEOUT: No final scan status within 600 s (scan-timeout); the last status was IN_PROGRESS) did not complete, so the gate cannot decide; on-scan-incomplete is warn, so the step does not fail.',
    ],
  ] as const)('on-scan-incomplete: %s', (onIncomplete, fails, reason) => {
    const decision = decideGate([f('CVE-H', 'HIGH')], [scan('linux/amd64'), timedOut], { ...settings, onIncomplete });
    expect(decision).toMatchObject({ verdict: 'incomplete', fails, reason });
  });

  test('an unsupported image does not suggest a longer timeout', () => {
    const { reason } = decideGate(
      [],
      [scan('linux/amd64', 'UNSUPPORTED_IMAGE', 'UnsupportedImageError: The operating system and/or package manager are not supported.')],
      settings,
    );
    expect(reason).toBe(
      'The scan of linux/amd64 (UNSUPPORTED_IMAGE: UnsupportedImageError: The operating system and/or package manager are not supported) did not complete, so the gate cannot decide; set on-scan-incomplete: warn to accept an incomplete scan.',
    );
  });

  test('blocking findings fail the gate even when another platform is incomplete', () => {
    const decision = decideGate([f('CVE-C', 'CRITICAL')], [scan('linux/amd64'), timedOut], { ...settings, onIncomplete: 'warn' });
    expect(decision).toMatchObject({ verdict: 'failed', fails: true });
    expect(decision.reason).toBe(
      '1 finding at or above CRITICAL: CVE-C (openssl 3.0.1, linux/amd64); the scan of linux/arm64 (TIMEOUT) also did not complete.',
    );
  });

  test('no platform scanned at all is incomplete', () => {
    expect(decideGate([], [], settings)).toMatchObject({ verdict: 'incomplete', fails: true });
  });
});

describe('counting', () => {
  const findings = [
    f('CVE-1', 'CRITICAL', { platform: 'linux/amd64' }),
    f('CVE-1', 'CRITICAL', { platform: 'linux/arm64' }),
    f('CVE-1', 'CRITICAL', { platform: 'linux/arm64', package: 'libssl3' }),
    f('CVE-2', 'HIGH', { platform: 'linux/arm64' }),
    f('CVE-3', 'LOW', { platform: 'linux/amd64', ignored: { by: 'input', reason: 'x' } }),
    f('CVE-3', 'LOW', { platform: 'linux/arm64', ignored: { by: 'input', reason: 'x' } }),
    f('CVE-4', 'UNDEFINED', { platform: 'linux/amd64' }),
  ];

  test('countFindings: not ignored, each vulnerability in each package once across platforms', () => {
    expect(countFindings(findings)).toEqual({ CRITICAL: 2, HIGH: 1, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 1 });
  });

  test('countIgnored counts the same way', () => {
    expect(countIgnored(findings)).toBe(1);
  });

  test('countByPlatform counts within each platform', () => {
    expect(countByPlatform(findings)).toEqual({
      'linux/amd64': { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 1 },
      'linux/arm64': { CRITICAL: 2, HIGH: 1, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 },
    });
  });

  test('worstFirst: severity, then id, package, platform', () => {
    const sorted = [...findings].sort(worstFirst).map((x) => `${x.severity} ${x.id} ${x.package} ${x.platform}`);
    expect(sorted).toEqual([
      'CRITICAL CVE-1 libssl3 linux/arm64',
      'CRITICAL CVE-1 openssl linux/amd64',
      'CRITICAL CVE-1 openssl linux/arm64',
      'HIGH CVE-2 openssl linux/arm64',
      'LOW CVE-3 openssl linux/amd64',
      'LOW CVE-3 openssl linux/arm64',
      'UNDEFINED CVE-4 openssl linux/amd64',
    ]);
  });
});

describe('decideGate: risk (epss-threshold, fail-on-exploitable)', () => {
  const risk: GateSettings = { ...settings, epssThreshold: 0.1, failOnExploitable: true };

  test('a CRITICAL under the EPSS threshold is held back and said so; the pass names the threshold', () => {
    const decision = decideGate([f('CVE-C', 'CRITICAL', { epss: 0.02 }), f('CVE-H', 'HIGH')], AMD, { ...settings, epssThreshold: 0.1 });
    expect(decision.verdict).toBe('passed');
    expect(decision.findings.map((x) => [x.id, x.blocking, x.heldBack])).toEqual([
      ['CVE-C', false, 'epss'],
      ['CVE-H', false, undefined],
    ]);
    expect(decision.reason).toBe('No findings at or above CRITICAL with EPSS ≥ 10 % (1 held back by EPSS below 10 %, 1 below it).');
    expect(decision.heldBackByEpss.map((x) => x.id)).toEqual(['CVE-C']);
  });

  test('a CRITICAL at or over it fails; the reason says what the gate used', () => {
    const decision = decideGate([f('CVE-C', 'CRITICAL', { epss: 0.5 }), f('CVE-D', 'CRITICAL', { package: 'zlib' })], AMD, {
      ...settings,
      epssThreshold: 0.1,
    });
    expect(decision.blocking.map((x) => x.id)).toEqual(['CVE-C', 'CVE-D']);
    expect(decision.reason).toBe(
      '2 findings at or above CRITICAL with EPSS ≥ 10 % (or no score): CVE-C (openssl 3.0.1, linux/amd64), CVE-D (zlib 3.0.1, linux/amd64).',
    );
  });

  test('a LOW with a known exploit fails only with fail-on-exploitable, marked as such', () => {
    const low = f('CVE-L', 'LOW', { exploitAvailable: 'YES' });
    expect(decideGate([low], AMD, settings).verdict).toBe('passed');
    const decision = decideGate([low], AMD, risk);
    expect(decision.blocking).toEqual([{ ...low, blocking: true, blockedBy: 'exploit' }]);
    expect(decision.reason).toBe('1 finding with a known exploit: CVE-L (openssl 3.0.1, linux/amd64).');
  });

  test('both kinds together', () => {
    const decision = decideGate([f('CVE-C', 'CRITICAL'), f('CVE-L', 'LOW', { exploitAvailable: 'YES' })], AMD, risk);
    expect(decision.reason).toMatch(/^2 findings at or above CRITICAL with EPSS ≥ 10 % \(or no score\) or with a known exploit: /);
  });

  test('a pass under fail-on-exploitable says no exploit was found either', () => {
    expect(decideGate([f('CVE-H', 'HIGH', { exploitAvailable: 'NO' })], AMD, risk).reason).toBe(
      'No findings at or above CRITICAL with EPSS ≥ 10 % and none with a known exploit (1 below it).',
    );
  });

  test('a re-evaluation drops an earlier mark', () => {
    const earlier = f('CVE-C', 'CRITICAL', { epss: 0.02, heldBack: 'epss' });
    expect(decideGate([earlier], AMD, settings).findings[0]).not.toHaveProperty('heldBack');
  });

  test('gate: new — a held-back new finding and one in the base are told apart', () => {
    const decision = decideGate(
      [f('CVE-N', 'CRITICAL', { comparison: 'new', epss: 0.01 }), f('CVE-B', 'CRITICAL', { comparison: 'in-base' })],
      AMD,
      { ...settings, mode: 'new', baseAvailable: true, epssThreshold: 0.1 },
    );
    expect(decision.reason).toBe(
      'No new findings at or above CRITICAL with EPSS ≥ 10 % against the base image (1 held back by EPSS below 10 %, 1 already in the base).',
    );
  });
});
