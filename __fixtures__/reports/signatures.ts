// Sample reports with ECR's managed signatures, as src/steps/signing.ts leaves them and
// src/steps/publish.ts puts them in the report: a multi-platform image signed on the index and
// each platform, a signature that failed, one that did not come within scan-timeout, a repository
// no rule matches, and a signature whose profile and reason are hostile text. Verdicts, reasons
// and held-back tags are what src/gate/verdict.ts makes of them.
import type { Report, ReportSignatures } from '../../src/report/model.js';
import { AMD64_DIGEST, ARM64_DIGEST, DIGEST, IMAGE, SHA, sampleReport } from './base.js';
import { HOSTILE_TEXT } from './policy.js';

export const SIGNING_PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release';
export const AUDIT_PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/audit';

const MULTI = [
  { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'COMPLETE' },
  { platform: 'linux/arm64', digest: ARM64_DIGEST, status: 'COMPLETE' },
];

/** A digest's statuses: one per profile, each `status`. */
export function statuses(status: string, ...profiles: string[]): ReportSignatures['digests'][number]['statuses'] {
  return (profiles.length > 0 ? profiles : [SIGNING_PROFILE]).map((signingProfileArn) => ({ signingProfileArn, status }));
}

/** A multi-platform image: the index and both platform manifests signed with `release`; tags promoted. */
export const signedReport: Report = sampleReport(
  { platforms: MULTI },
  {
    tags: [`${IMAGE}:${SHA}`, `${IMAGE}:1.2.3`, `${IMAGE}:latest`],
    signatures: {
      kind: 'managed',
      profiles: [SIGNING_PROFILE],
      outcome: 'signed',
      digests: [
        { digest: DIGEST, statuses: statuses('COMPLETE') },
        { digest: AMD64_DIGEST, statuses: statuses('COMPLETE') },
        { digest: ARM64_DIGEST, statuses: statuses('COMPLETE') },
      ],
    },
  },
);

const DENIED =
  'User: arn:aws:sts::123456789012:assumed-role/gha-push/GitHubActions is not authorized to perform: signer:SignPayload on resource: arn:aws:signer:us-east-1:123456789012:/signing-profiles/release';
const FAILED_PROBLEM = `ECR's managed signing failed: signing profile release failed on ${DIGEST}: AccessDeniedException (${DENIED}).`;

/** One platform; ECR could not sign it (the pushing role lacks signer:SignPayload): release tags held back. */
export const signingFailedReport: Report = sampleReport(
  {},
  {
    signatures: {
      kind: 'managed',
      profiles: [SIGNING_PROFILE],
      outcome: 'failed',
      problem: FAILED_PROBLEM,
      digests: [
        {
          digest: DIGEST,
          statuses: [{ signingProfileArn: SIGNING_PROFILE, status: 'FAILED', failureCode: 'AccessDeniedException', failureReason: DENIED }],
        },
      ],
    },
    heldBack: [
      { tag: '1.2.3', reason: 'not signed' },
      { tag: 'latest', reason: 'not signed' },
    ],
    verdict: 'failed',
    reason: `${FAILED_PROBLEM} No finding at or above CRITICAL.`,
    fails: true,
  },
);

const TIMEOUT_PROBLEM = `ECR's managed signature did not arrive within scan-timeout (600 s): still waiting for release on ${DIGEST}, release on ${ARM64_DIGEST}.`;

/** A multi-platform image whose index and arm64 manifest were still being signed at scan-timeout (on-scan-incomplete: fail). */
export const signingTimeoutReport: Report = sampleReport(
  { platforms: MULTI },
  {
    signatures: {
      kind: 'managed',
      profiles: [SIGNING_PROFILE],
      outcome: 'timeout',
      problem: TIMEOUT_PROBLEM,
      digests: [
        { digest: DIGEST, statuses: statuses('IN_PROGRESS') },
        { digest: AMD64_DIGEST, statuses: statuses('COMPLETE') },
        { digest: ARM64_DIGEST, statuses: statuses('IN_PROGRESS') },
      ],
    },
    heldBack: [{ tag: 'latest', reason: 'not signed' }],
    verdict: 'failed',
    reason: `${TIMEOUT_PROBLEM} No finding at or above CRITICAL.`,
    fails: true,
  },
);

/** The registry signs other repositories: no rule matches this one (signing: auto waited for nothing). */
export const signingNoneReport: Report = sampleReport(
  {},
  { tags: [`${IMAGE}:${SHA}`, `${IMAGE}:latest`], signatures: { kind: 'managed', profiles: [], outcome: 'none', digests: [] } },
);

const HOSTILE_PROFILE = `arn:aws:signer:us-east-1:123456789012:/signing-profiles/${HOSTILE_TEXT}`;

/** A profile name and a failure reason that try to be markup. */
export const signingHostileReport: Report = sampleReport(
  {},
  {
    signatures: {
      kind: 'managed',
      profiles: [HOSTILE_PROFILE],
      outcome: 'failed',
      problem: `ECR's managed signing failed: ${HOSTILE_TEXT}.`,
      digests: [
        {
          digest: DIGEST,
          statuses: [
            {
              signingProfileArn: HOSTILE_PROFILE,
              status: 'FAILED',
              failureCode: `Code|${HOSTILE_TEXT}`,
              failureReason: `a\nb ${HOSTILE_TEXT}`,
            },
          ],
        },
      ],
    },
    verdict: 'failed',
    reason: `ECR's managed signing failed. No finding at or above CRITICAL.`,
    fails: true,
  },
);

/** An index of `count` platforms, each manifest signed by both profiles (the index not signed). */
export function manyPlatformsSignedReport(count: number): Report {
  const platforms = Array.from({ length: count }, (_, i) => ({
    platform: `linux/variant-${i}`,
    digest: `sha256:${i.toString(16).padStart(64, 'c')}`,
    status: 'COMPLETE',
  }));
  return sampleReport(
    { platforms },
    {
      signatures: {
        kind: 'managed',
        profiles: [SIGNING_PROFILE, AUDIT_PROFILE],
        outcome: 'signed',
        digests: [
          { digest: DIGEST, statuses: [] },
          ...platforms.map((p) => ({ digest: p.digest, statuses: statuses('COMPLETE', SIGNING_PROFILE, AUDIT_PROFILE) })),
        ],
      },
    },
  );
}
