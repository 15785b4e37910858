// Risk-based gating samples (issue 14): enhanced findings with EPSS scores and known exploits,
// decided by the real gate (decideGate) and assembled by the real buildReport, so the goldens
// show what a run with epss-threshold: 0.1 and fail-on-exploitable: true writes.
import { buildReport } from '../../src/report/assemble.js';
import type { Report } from '../../src/report/model.js';
import type { Finding, PlatformScan } from '../../src/shared/finding.js';
import { inspectorWarning } from '../../src/inspector/findings.js';
import { decideGate } from '../../src/gate/policy.js';
import { AMD64_DIGEST, GENERATED_AT, IMAGE, RUN_URL, SHA } from './base.js';

const nvd = (id: string) => `https://nvd.nist.gov/vuln/detail/${id}`;
const f = (finding: Omit<Finding, 'platform' | 'uri'>): Finding => ({ ...finding, uri: nvd(finding.id), platform: 'linux/amd64' });

export const RISK_FINDINGS: Finding[] = [
  f({
    id: 'CVE-2024-2961',
    severity: 'CRITICAL',
    package: 'libc6',
    version: '2.35-0ubuntu3.6',
    fixedIn: '2.35-0ubuntu3.7',
    fixAvailable: 'YES',
    score: 9.8,
    cvss: { baseScore: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1', source: 'NVD' },
    exploitAvailable: 'YES',
    lastKnownExploitAt: '2024-05-29T16:26:40.000Z',
    epss: 0.4521,
  }),
  f({
    id: 'CVE-2023-45853',
    severity: 'CRITICAL',
    package: 'zlib1g',
    version: '1:1.2.11.dfsg-2ubuntu9.2',
    fixAvailable: 'NO',
    score: 9.8,
    cvss: { baseScore: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1', source: 'NVD' },
    exploitAvailable: 'NO',
    epss: 0.0032,
  }),
  f({
    id: 'CVE-2024-6387',
    severity: 'HIGH',
    package: 'openssh-server',
    version: '1:8.9p1-3ubuntu0.6',
    fixedIn: '1:8.9p1-3ubuntu0.10',
    fixAvailable: 'YES',
    score: 8.1,
    cvss: { baseScore: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1', source: 'NVD' },
    exploitAvailable: 'YES',
    lastKnownExploitAt: '2024-07-02T06:00:00.000Z',
    epss: 0.9233,
  }),
  f({
    id: 'CVE-2022-3715',
    severity: 'MEDIUM',
    package: 'bash',
    version: '5.1-6ubuntu1',
    fixedIn: '5.1-6ubuntu1.1',
    fixAvailable: 'YES',
    score: 6.6,
    cvss: { baseScore: 7.8, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', version: '3.1', source: 'NVD' },
    exploitAvailable: 'NO',
    epss: 0.0011,
  }),
  f({
    id: 'CVE-2023-29383',
    severity: 'LOW',
    package: 'login',
    version: '1:4.8.1-2ubuntu2.1',
    fixedIn: '1:4.8.1-2ubuntu2.2',
    fixAvailable: 'YES',
    score: 3.3,
    cvss: { baseScore: 3.3, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N', version: '3.1', source: 'NVD' },
    exploitAvailable: 'YES',
    epss: 0.0005,
  }),
  f({ id: 'CVE-2024-26458', severity: 'UNDEFINED', package: 'libkrb5-3', version: '1.19.2-2ubuntu0.3', fixAvailable: 'NO' }),
];

function riskReport(findings: Finding[], gate: { epssThreshold?: number; failOnExploitable: boolean }, riskNotes: string[] = []): Report {
  const scans: PlatformScan[] = [
    { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'ACTIVE', complete: true, scanType: 'ENHANCED', findings, calls: 2 },
  ];
  const decision = decideGate(
    findings.map((finding) => ({ ...finding, blocking: false })),
    scans,
    { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', baseAvailable: false, ...gate },
  );
  return buildReport({
    image: IMAGE,
    digest: AMD64_DIGEST,
    tags: [`${IMAGE}:${SHA}`],
    heldBack: decision.fails ? [{ tag: 'latest', reason: 'the gate failed' }] : [],
    build: 'built',
    commit: SHA,
    gate: {
      threshold: 'CRITICAL',
      mode: 'all',
      onIncomplete: 'fail',
      ignoreUnfixed: false,
      ...gate,
      failOnExploitable: gate.failOnExploitable || undefined,
    },
    runUrl: RUN_URL,
    generatedAt: GENERATED_AT,
    scans,
    decision,
    ignores: { expired: [] },
    riskNotes,
  });
}

/** epss-threshold: 0.1 and fail-on-exploitable: true, Amazon Inspector answered. */
export const riskReportSample: Report = riskReport(RISK_FINDINGS, { epssThreshold: 0.1, failOnExploitable: true });

/** The same, but Amazon Inspector refused ListFindings: no EPSS, the gate on severity (and exploits). */
export const riskRefusedReport: Report = riskReport(
  RISK_FINDINGS.map(({ epss: _epss, lastKnownExploitAt: _seen, ...rest }) => rest),
  { failOnExploitable: true },
  [
    inspectorWarning(
      Object.assign(
        new Error(
          'User: arn:aws:sts::123456789012:assumed-role/github-ecr-push/GitHubActions is not authorized to perform: inspector2:ListFindings',
        ),
        { name: 'AccessDeniedException' },
      ),
    ),
  ],
);
