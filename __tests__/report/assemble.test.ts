import { describe, expect, test } from '@jest/globals';
import { buildReport, gateSettings, overallStatus, skippedReport, type ReportParts } from '../../src/report/assemble.js';
import { signingFailures } from '../../src/gate/signing.js';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import type { PlatformScan } from '../../src/shared/finding.js';
import { decideGate } from '../../src/gate/policy.js';
import { decideStep } from '../../src/gate/verdict.js';
import { policyOf } from '../../__fixtures__/reports/policy.js';
import { heading } from '../../src/report/markdown-parts.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const DIGEST = 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const GATE = { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false } as const;

const f = (
  id: string,
  severity: EvaluatedFinding['severity'],
  platform: string,
  overrides: Partial<EvaluatedFinding> = {},
): EvaluatedFinding => ({
  id,
  severity,
  package: 'openssl',
  version: '3.0.2',
  fixAvailable: 'YES',
  platform,
  blocking: false,
  ...overrides,
});
const scan = (platform: string, status: string, scanType?: PlatformScan['scanType']): PlatformScan => ({
  platform,
  digest: `sha256:${platform === 'linux/amd64' ? 'a'.repeat(64) : 'b'.repeat(64)}`,
  status,
  complete: status === 'COMPLETE' || status === 'ACTIVE',
  ...(scanType ? { scanType } : {}),
  findings: [],
  calls: 2,
});

function parts(findings: EvaluatedFinding[], scans: PlatformScan[]): ReportParts {
  return {
    image: IMAGE,
    digest: DIGEST,
    tags: [`${IMAGE}:0123456789abcdef0123456789abcdef01234567`],
    heldBack: [{ tag: 'latest', reason: 'the gate failed' }],
    build: 'built',
    commit: '0123456789abcdef0123456789abcdef01234567',
    scans,
    decision: decideGate(findings, scans, { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', baseAvailable: false }),
    ignores: { expired: [{ id: 'CVE-OLD', reason: 'was unreachable', expires: '2024-01-31', matched: 1 }] },
    gate: GATE,
    runUrl: 'https://github.com/acme/retail-api/actions/runs/42',
    reportPath: '/tmp/ecr-build-scan-push/report.json',
    generatedAt: '2024-06-15T12:00:00.000Z',
  };
}

describe('buildReport', () => {
  const findings = [
    f('CVE-L', 'LOW', 'linux/amd64'),
    f('CVE-C', 'CRITICAL', 'linux/arm64'),
    f('CVE-C', 'CRITICAL', 'linux/amd64'),
    f('CVE-H', 'HIGH', 'linux/amd64', { package: 'zlib' }),
    f('CVE-H', 'HIGH', 'linux/amd64', { package: 'curl', ignored: { by: 'input', reason: 'listed in the ignore input' } }),
    f('CVE-I', 'INFORMATIONAL', 'linux/arm64', { ignored: { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' } }),
  ];
  const scans = [scan('linux/amd64', 'COMPLETE', 'BASIC'), scan('linux/arm64', 'COMPLETE', 'BASIC')];
  const report = buildReport(parts(findings, scans));

  test('image, tags, gate and verdict as given', () => {
    expect(report).toMatchObject({
      image: IMAGE,
      digest: DIGEST,
      imageUri: `${IMAGE}@${DIGEST}`,
      tags: [`${IMAGE}:0123456789abcdef0123456789abcdef01234567`],
      heldBack: [{ tag: 'latest', reason: 'the gate failed' }],
      build: 'built',
      commit: '0123456789abcdef0123456789abcdef01234567',
      gate: GATE,
      verdict: 'failed',
      fails: true,
      runUrl: 'https://github.com/acme/retail-api/actions/runs/42',
      reportPath: '/tmp/ecr-build-scan-push/report.json',
      generatedAt: '2024-06-15T12:00:00.000Z',
      expiredIgnores: [{ id: 'CVE-OLD', reason: 'was unreachable', expires: '2024-01-31', matched: 1 }],
    });
    expect(report.reason).toBe(
      '2 findings at or above HIGH: CVE-C (openssl 3.0.2, linux/amd64, linux/arm64), CVE-H (zlib 3.0.2, linux/amd64).',
    );
    expect(report).not.toHaveProperty('comparison');
  });

  test('every finding, worst first (severity, id, package, platform), blocking marked', () => {
    expect(
      report.findings.map(
        (x) => `${x.severity} ${x.id} ${x.package} ${x.platform} ${x.blocking ? 'blocking' : x.ignored ? 'ignored' : '-'}`,
      ),
    ).toEqual([
      'CRITICAL CVE-C openssl linux/amd64 blocking',
      'CRITICAL CVE-C openssl linux/arm64 blocking',
      'HIGH CVE-H curl linux/amd64 ignored',
      'HIGH CVE-H zlib linux/amd64 blocking',
      'LOW CVE-L openssl linux/amd64 -',
      'INFORMATIONAL CVE-I openssl linux/arm64 ignored',
    ]);
  });

  test('counts once across platforms; per platform within the platform', () => {
    expect(report.counts).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, INFORMATIONAL: 0, UNDEFINED: 0 });
    expect(report.ignoredCount).toBe(2);
    expect(report.scan).toEqual({
      status: 'COMPLETE',
      scanType: 'BASIC',
      platforms: [
        {
          platform: 'linux/amd64',
          digest: scans[0].digest,
          status: 'COMPLETE',
          counts: { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, INFORMATIONAL: 0, UNDEFINED: 0 },
          ignored: 1,
        },
        {
          platform: 'linux/arm64',
          digest: scans[1].digest,
          status: 'COMPLETE',
          counts: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 },
          ignored: 1,
        },
      ],
    });
  });

  test('a platform without findings has zero counts; the comparison is carried', () => {
    const comparison = { available: true, baseSha: 'f'.repeat(40), baseDigest: DIGEST, fixed: [], newCount: 0 };
    const built = buildReport({ ...parts([], scans), comparison });
    expect(built.scan.platforms.map((p) => p.counts.CRITICAL)).toEqual([0, 0]);
    expect(built).toMatchObject({ verdict: 'passed', fails: false, comparison });
  });

  test('a scan that did not complete carries its description to its platform', () => {
    const timedOut = {
      ...scan('linux/arm64', 'TIMEOUT'),
      description: 'No final scan status within 600 s (scan-timeout); the last status was IN_PROGRESS.',
    };
    const built = buildReport(parts([], [scans[0], timedOut]));
    expect(built.scan.status).toBe('TIMEOUT');
    expect(built.scan.platforms[1]).toMatchObject({ status: 'TIMEOUT', description: timedOut.description });
    expect(built.verdict).toBe('incomplete');
  });
});

describe('overallStatus', () => {
  test.each([
    ['all complete', ['COMPLETE', 'COMPLETE'], 'COMPLETE'],
    ['all active (enhanced)', ['ACTIVE', 'ACTIVE'], 'ACTIVE'],
    ['one timed out', ['COMPLETE', 'TIMEOUT'], 'TIMEOUT'],
    ['the first that is not complete', ['FAILED', 'TIMEOUT'], 'FAILED'],
    ['an unknown status', ['COMPLETE', 'QUEUED'], 'QUEUED'],
    ['no platform at all', [], 'UNSUPPORTED_IMAGE'],
  ])('%s', (_name, statuses, expected) => {
    expect(overallStatus(statuses.map((status, i) => scan(i === 0 ? 'linux/amd64' : 'linux/arm64', status)))).toBe(expected);
  });
});

describe('skippedReport', () => {
  const base = { image: IMAGE, tags: [] as string[], gate: GATE, generatedAt: '2024-06-15T12:00:00.000Z' };

  test.each([
    ['not-pushed', 'not-pushed', /^push is false: the image was built but not pushed/],
    ['scan-off', 'built', /^scan is false: the image was pushed but ECR's findings were not read/],
  ] as const)('%s: status SKIPPED, verdict skipped, the step does not fail', (skipped, build, reason) => {
    const report = skippedReport({
      ...base,
      skipped,
      build,
      ...(skipped === 'scan-off' ? { digest: DIGEST, platforms: [{ platform: 'linux/amd64', digest: DIGEST }] } : {}),
    });
    expect(report).toMatchObject({ verdict: 'skipped', fails: false, findings: [], ignoredCount: 0, heldBack: [] });
    expect(report.scan.status).toBe('SKIPPED');
    expect(report.reason).toMatch(reason);
    expect(report.counts).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 });
    if (skipped === 'scan-off') {
      expect(report.imageUri).toBe(`${IMAGE}@${DIGEST}`);
      expect(report.scan.platforms).toEqual([
        { platform: 'linux/amd64', digest: DIGEST, status: 'SKIPPED', counts: report.counts, ignored: 0 },
      ]);
    } else {
      expect(report).not.toHaveProperty('imageUri');
      expect(report.scan.platforms).toEqual([]);
    }
  });
});

describe('gateSettings', () => {
  test('from the inputs', () => {
    expect(gateSettings({ severityThreshold: 'MEDIUM', gate: 'new', onScanIncomplete: 'warn', ignoreUnfixed: true })).toEqual({
      threshold: 'MEDIUM',
      mode: 'new',
      onIncomplete: 'warn',
      ignoreUnfixed: true,
    });
  });
});

describe('a failing policy fails the image', () => {
  const ROOT = { message: 'runs as root: the image config sets no user', platform: 'linux/amd64' };
  const failing = policyOf(
    {
      'non-root': { level: 'fail', verdict: 'fail', reason: ROOT.message, findings: [ROOT, { ...ROOT, platform: 'linux/arm64' }] },
      'build-checks': {
        level: 'warn',
        verdict: 'warn',
        reason: 'UndefinedVar: …',
        findings: [{ message: 'UndefinedVar: …', id: 'UndefinedVar' }],
      },
    },
    { file: '.ecr-policy.yml', inline: false },
  );
  const warning = policyOf(
    { 'build-checks': { level: 'warn', verdict: 'warn', reason: 'UndefinedVar: …', findings: [{ message: 'UndefinedVar: …' }] } },
    { inline: false },
  );
  const scans = [scan('linux/amd64', 'COMPLETE', 'BASIC')];
  // What the step says of one image with these failures (src/gate/verdict.ts): the report says the same.
  const stepReason = (decision: { verdict: 'passed' | 'failed' | 'incomplete'; fails: boolean; reason: string } | undefined) =>
    decideStep(
      [
        {
          name: 'api',
          ...(decision ? { decision } : { skipped: 'scan-off' as const }),
          policyFailures: [{ rule: 'non-root', platform: 'linux/amd64', message: ROOT.message, more: 1 }],
          statuses: decision ? ['COMPLETE'] : [],
          promotions: [],
        },
      ],
      { layout: 'one', scanTimeoutSeconds: 600 },
    ).reason;

  test('CVEs pass, a rule at fail fails: verdict failed, fails, and the reason names the rule and platform', () => {
    const report = buildReport({ ...parts([], scans), policy: failing });
    expect(report).toMatchObject({ verdict: 'failed', fails: true, policy: failing });
    expect(report.reason).toBe(
      'The policy failed: non-root (linux/amd64): runs as root: the image config sets no user (and 1 more). No findings at or above HIGH.',
    );
    expect(report.reason).toBe(stepReason(parts([], scans).decision));
  });

  test('CVEs fail too: the gate first, then the policy', () => {
    const base = parts([f('CVE-C', 'CRITICAL', 'linux/amd64')], scans);
    const report = buildReport({ ...base, policy: failing });
    expect(report.verdict).toBe('failed');
    expect(report.reason).toBe(`${base.decision.reason} The policy failed too: non-root (linux/amd64): ${ROOT.message} (and 1 more).`);
    expect(report.reason).toBe(stepReason(base.decision));
  });

  test('not scanned (scan: false): failed on the policy alone', () => {
    const report = skippedReport({ ...parts([], scans), skipped: 'scan-off', policy: failing });
    expect(report).toMatchObject({ verdict: 'failed', fails: true });
    expect(report.reason).toBe(`The policy failed: non-root (linux/amd64): ${ROOT.message} (and 1 more).`);
    expect(report.reason).toBe(stepReason(undefined));
  });

  test.each([
    ['a warning', warning],
    ['no policy', undefined],
  ])('%s changes nothing', (_name, policy) => {
    const plain = buildReport(parts([], scans));
    const report = buildReport({ ...parts([], scans), ...(policy ? { policy } : {}) });
    expect({ verdict: report.verdict, fails: report.fails, reason: report.reason }).toEqual({
      verdict: plain.verdict,
      fails: plain.fails,
      reason: plain.reason,
    });
    const skipped = skippedReport({ ...parts([], scans), skipped: 'scan-off', ...(policy ? { policy } : {}) });
    expect(skipped).toMatchObject({ verdict: 'skipped', fails: false });
  });
});

describe("a managed signature that failed or did not come fails the image's report, in the step's words", () => {
  const scans = [scan('linux/amd64', 'COMPLETE')];
  const failed = {
    kind: 'managed' as const,
    profiles: ['arn:aws:signer:us-east-1:123456789012:/signing-profiles/release'],
    outcome: 'failed' as const,
    problem: `ECR's managed signing failed: signing profile release failed on ${DIGEST}: REVOKED (revoked).`,
    digests: [],
  };

  test('failed: the report fails, its reason the one decideStep gives the step for one image', () => {
    const base = parts([], scans);
    const report = buildReport({ ...base, signatures: failed });
    expect(report).toMatchObject({ verdict: 'failed', fails: true });
    const step = decideStep(
      [{ name: 'x', decision: base.decision, signingFailure: failed.problem, statuses: ['COMPLETE'], promotions: [] }],
      { layout: 'one', scanTimeoutSeconds: 600 },
    );
    expect(report.reason).toBe(step.reason);
    expect(report.reason).toBe(`${failed.problem} ${base.decision.reason}`);
  });

  test('a timeout fails it with on-scan-incomplete: fail, not with warn; signed passes', () => {
    const timeout = {
      ...failed,
      outcome: 'timeout' as const,
      problem: "ECR's managed signature did not arrive within scan-timeout (600 s).",
    };
    expect(buildReport({ ...parts([], scans), signatures: timeout }).fails).toBe(true);
    expect(buildReport({ ...parts([], scans), gate: { ...GATE, onIncomplete: 'warn' }, signatures: timeout }).fails).toBe(false);
    expect(buildReport({ ...parts([], scans), signatures: { ...failed, outcome: 'signed', problem: undefined } }).fails).toBe(false);
  });
});

describe("signing with a key that failed fails the image's report, in the step's words", () => {
  const scans = [scan('linux/amd64', 'COMPLETE')];
  const key = {
    kind: 'kms' as const,
    name: 'awskms:///alias/release',
    key: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    list: [],
  };
  const problem = 'Signing with awskms:///alias/release failed: AccessDeniedException: not authorized to perform kms:Sign.';
  const failed = { ...key, outcome: 'failed' as const, problem };
  const managed = {
    kind: 'managed' as const,
    profiles: ['arn:aws:signer:us-east-1:123456789012:/signing-profiles/release'],
    outcome: 'failed' as const,
    problem: `ECR's managed signing failed: signing profile release failed on ${DIGEST}: REVOKED (revoked).`,
    digests: [],
  };

  test('failed: the report fails with the problem in its reason, the one decideStep gives the step for one image; the signatures kept', () => {
    const base = parts([], scans);
    const report = buildReport({ ...base, keySignatures: failed });
    expect(report).toMatchObject({ verdict: 'failed', fails: true, keySignatures: failed });
    expect(report.reason).toBe(`${problem} ${base.decision.reason}`);
    const step = decideStep(
      [{ name: 'x', decision: base.decision, signingFailure: signingFailures(undefined, problem), statuses: ['COMPLETE'], promotions: [] }],
      { layout: 'one', scanTimeoutSeconds: 600 },
    );
    expect(report.reason).toBe(step.reason);
  });

  test('a gate that failed too: both in the reason, the key first', () => {
    const findings = [f('CVE-C', 'CRITICAL', 'linux/amd64', { blocking: true })];
    const base = parts(findings, scans);
    const report = buildReport({ ...base, keySignatures: failed });
    expect(report).toMatchObject({ verdict: 'failed', fails: true });
    expect(report.reason).toBe(`${problem} ${base.decision.reason}`);
  });

  test('both a managed signature and the key failed: both said, the managed one first', () => {
    const report = buildReport({ ...parts([], scans), signatures: managed, keySignatures: failed });
    expect(report.reason.startsWith(`${managed.problem} ${problem} `)).toBe(true);
    expect(report.fails).toBe(true);
  });

  test('not scanned (scan: false): a failed key still fails the report', () => {
    const report = skippedReport({ ...parts([], scans), skipped: 'scan-off', keySignatures: failed });
    expect(report).toMatchObject({ verdict: 'failed', fails: true });
    expect(report.reason.startsWith(problem)).toBe(true);
  });

  test('signed or skipped (the step failed before signing) adds no failure of its own', () => {
    const base = parts([], scans);
    const signed = buildReport({ ...base, keySignatures: { ...key, outcome: 'signed' } });
    expect(signed).toMatchObject({ verdict: base.decision.verdict, fails: false, reason: base.decision.reason });
    expect(signed.keySignatures).toEqual({ ...key, outcome: 'signed' });
    const skipped = buildReport({ ...base, keySignatures: { ...key, outcome: 'skipped' } });
    expect(skipped).toMatchObject({ fails: false, reason: base.decision.reason });
    expect(buildReport(base)).not.toHaveProperty('keySignatures');
  });
});

describe('signingFailures', () => {
  test.each([
    [undefined, undefined, undefined],
    ['Managed failed.', undefined, 'Managed failed.'],
    [undefined, 'signing with the key failed', 'signing with the key failed.'],
    ['Managed failed.', 'Key failed!', 'Managed failed. Key failed!'],
    ['', '', undefined],
  ])('%p and %p: %p', (managed, key, expected) => {
    expect(signingFailures(managed, key)).toBe(expected);
  });
});

describe("the heading of an image its scan did not fail names what did, not 'ECR scan failed'", () => {
  const scans = [scan('linux/amd64', 'COMPLETE')];
  const root = { message: 'runs as root: the image config sets no user', platform: 'linux/amd64' };
  const failing = policyOf({ 'non-root': { level: 'fail', verdict: 'fail', reason: root.message, findings: [root] } }, { inline: false });
  const failedKey = {
    kind: 'kms' as const,
    name: 'awskms:///alias/release',
    key: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    outcome: 'failed' as const,
    problem: 'Signing with awskms:///alias/release failed: AccessDeniedException.',
    list: [],
  };
  const critical = [f('CVE-C', 'CRITICAL', 'linux/amd64', { blocking: true })];

  test.each([
    ['the policy alone', () => buildReport({ ...parts([], scans), policy: failing }), 'policy', '## ❌ Policy failed: '],
    ['signing alone', () => buildReport({ ...parts([], scans), keySignatures: failedKey }), 'signing', '## ❌ Signing failed: '],
    [
      'both',
      () => buildReport({ ...parts([], scans), policy: failing, keySignatures: failedKey }),
      'policy and signing',
      '## ❌ Policy and signing failed: ',
    ],
    [
      'not scanned, the policy',
      () => skippedReport({ ...parts([], scans), skipped: 'scan-off', policy: failing }),
      'policy',
      '## ❌ Policy failed: ',
    ],
    ['the scan failed it too', () => buildReport({ ...parts(critical, scans), policy: failing }), undefined, '## ❌ ECR scan failed: '],
    ['the scan alone', () => buildReport(parts(critical, scans)), undefined, '## ❌ ECR scan failed: '],
    ['passed', () => buildReport(parts([], scans)), undefined, '## ✅ ECR scan passed: '],
  ])('%s', (_name, build, heldBy, title) => {
    const report = build();
    expect(report.heldBy).toBe(heldBy);
    expect(heading(2, report).startsWith(title)).toBe(true);
  });
});
