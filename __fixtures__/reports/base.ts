// Building blocks for the sample reports: a finding with defaults, and a report whose counts
// are derived from its findings the way the model documents them (so samples cannot disagree
// with themselves).
import type { Comparison, PlatformReport, Report } from '../../src/report/model.js';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import { emptyCounts, type SeverityCounts } from '../../src/shared/severity.js';

export const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
export const IMAGE = `${REGISTRY}/mlops/retail-api`;
export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const BASE_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
export const DIGEST = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
export const AMD64_DIGEST = 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const ARM64_DIGEST = 'sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
export const RUN_URL = 'https://github.com/acme/retail/actions/runs/42';
export const GENERATED_AT = '2025-01-15T12:00:00.000Z';

export function finding(overrides: Partial<EvaluatedFinding> & Pick<EvaluatedFinding, 'id' | 'severity'>): EvaluatedFinding {
  return {
    package: 'openssl',
    version: '3.0.2-0ubuntu1.10',
    fixAvailable: 'UNKNOWN',
    uri: `https://nvd.nist.gov/vuln/detail/${overrides.id}`,
    platform: 'linux/amd64',
    blocking: false,
    ...overrides,
  };
}

/** Not ignored; each vulnerability in each package once. */
export function countFindings(findings: readonly EvaluatedFinding[]): SeverityCounts {
  const counts = emptyCounts();
  const seen = new Set<string>();
  for (const f of findings) {
    const key = `${f.id}\u0000${f.package ?? ''}`;
    if (f.ignored || seen.has(key)) continue;
    seen.add(key);
    counts[f.severity] += 1;
  }
  return counts;
}

export interface SampleOptions {
  findings?: EvaluatedFinding[];
  platforms?: Array<Omit<PlatformReport, 'counts' | 'ignored'>>;
  comparison?: Comparison;
  scanStatus?: string;
  scanType?: 'BASIC' | 'ENHANCED';
}

/** A report with counts derived from `findings`; anything else can be overridden. */
export function sampleReport(
  options: SampleOptions,
  overrides: Partial<Omit<Report, 'scan' | 'findings' | 'counts' | 'ignoredCount' | 'comparison'>> = {},
): Report {
  const findings = options.findings ?? [];
  const status = options.scanStatus ?? 'COMPLETE';
  const platforms = (options.platforms ?? [{ platform: 'linux/amd64', digest: DIGEST, status }]).map((p) => {
    const own = findings.filter((f) => f.platform === p.platform);
    return { ...p, counts: countFindings(own), ignored: own.filter((f) => f.ignored).length };
  });
  const ignoredKeys = new Set(findings.filter((f) => f.ignored).map((f) => `${f.id}\u0000${f.package ?? ''}`));
  return {
    image: IMAGE,
    digest: DIGEST,
    imageUri: `${IMAGE}@${DIGEST}`,
    tags: [`${IMAGE}:${SHA}`],
    heldBack: [],
    build: 'built',
    commit: SHA,
    commitUrl: `https://github.com/acme/retail/commit/${SHA}`,
    scan: { status, scanType: platforms.length > 0 ? (options.scanType ?? 'BASIC') : undefined, platforms },
    gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false },
    verdict: 'passed',
    reason: 'No finding at or above CRITICAL.',
    fails: false,
    findings,
    counts: countFindings(findings),
    ignoredCount: ignoredKeys.size,
    expiredIgnores: [],
    comparison: options.comparison,
    runUrl: RUN_URL,
    reportPath: '/home/runner/work/_temp/ecr-build-scan-push/report.json',
    generatedAt: GENERATED_AT,
    ...overrides,
  };
}
