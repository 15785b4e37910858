// Reports with thousands of findings, generated: for the size limits (summary 1 MiB, comment
// 65,536 characters, SARIF 10 MB) and the truncated goldens. Deterministic.
import type { Report } from '../../src/report/model.js';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import { SEVERITIES } from '../../src/shared/severity.js';
import { AMD64_DIGEST, ARM64_DIGEST, finding, sampleReport } from './base.js';

export interface ManyOptions {
  /** Characters of description per finding. */
  descriptionLength?: number;
  platforms?: string[];
}

export function manyFindings(count: number, options: ManyOptions = {}): EvaluatedFinding[] {
  const platforms = options.platforms ?? ['linux/amd64', 'linux/arm64'];
  const length = options.descriptionLength ?? 300;
  const findings: EvaluatedFinding[] = [];
  for (let n = 0; n < count; n += 1) {
    const severity = SEVERITIES[Math.floor((n * SEVERITIES.length) / count)] ?? 'UNDEFINED';
    const id = `CVE-2024-${String(10000 + Math.floor(n / platforms.length)).padStart(5, '0')}`;
    findings.push(
      finding({
        id,
        severity,
        package: `libexample-${Math.floor(n / platforms.length) % 997}-dev`,
        version: `1.${n % 50}.${n % 7}-0ubuntu0.22.04.${n % 3}`,
        fixedIn: n % 3 === 0 ? undefined : `1.${n % 50}.${(n % 7) + 1}-0ubuntu0.22.04.1`,
        fixAvailable: n % 3 === 0 ? 'NO' : 'YES',
        title: `${id}: a generated vulnerability for size tests`,
        description: `Generated finding ${n}. `.padEnd(length, 'lorem ipsum dolor sit amet '),
        platform: platforms[n % platforms.length] ?? 'linux/amd64',
        blocking: severity === 'CRITICAL' || severity === 'HIGH',
        ignored: n % 10 === 9 ? { by: 'file', reason: `Generated ignore ${n}`, expires: '2099-01-01' } : undefined,
      }),
    );
  }
  return findings.map((f) => (f.ignored ? { ...f, blocking: false } : f));
}

export function largeReport(count: number, options: ManyOptions = {}): Report {
  const findings = manyFindings(count, options);
  const platforms = (options.platforms ?? ['linux/amd64', 'linux/arm64']).map((platform, i) => ({
    platform,
    digest: i % 2 === 0 ? AMD64_DIGEST : ARM64_DIGEST,
    status: 'COMPLETE',
  }));
  return sampleReport(
    { findings, platforms },
    {
      gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false },
      verdict: 'failed',
      reason: `${findings.filter((f) => f.blocking).length} findings at or above HIGH are not ignored.`,
      fails: true,
    },
  );
}

/** A large report compared with a base: half the findings new, and as many fixed. */
export function largeComparedReport(count: number): Report {
  const findings = manyFindings(count).map((f, n): EvaluatedFinding => ({ ...f, comparison: n % 2 === 0 ? 'new' : 'in-base' }));
  const fixed = manyFindings(count, { descriptionLength: 50 }).map((f) => ({ ...f, id: f.id.replace('2024', '2019') }));
  return sampleReport(
    {
      findings,
      platforms: [
        { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'COMPLETE' },
        { platform: 'linux/arm64', digest: ARM64_DIGEST, status: 'COMPLETE' },
      ],
      comparison: { available: true, baseSha: 'f'.repeat(40), fixed, newCount: count / 2 },
    },
    { verdict: 'failed', fails: true, reason: 'Many new findings.' },
  );
}
