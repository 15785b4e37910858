// Sample reports with signatures by a key (signing: awskms://…), as src/steps/sign.ts leaves them
// and src/steps/publish.ts puts them in the report: a multi-platform image whose index, platform
// manifests and attestations are signed (some already by an earlier run), signing that failed,
// signing skipped because the step failed first, an image signed both by ECR and by a key, a key
// and platform that are hostile text, and an index of many platforms. Verdicts and reasons are
// what src/report/assemble.ts makes of them.
import type { KeySignature, Report, ReportKeySignatures } from '../../src/report/model.js';
import { AMD64_DIGEST, ARM64_DIGEST, DIGEST, IMAGE, SHA, sampleReport } from './base.js';
import { HOSTILE_TEXT } from './policy.js';
import { failedReport } from './samples.js';
import { signedReport } from './signatures.js';

export const KEY_NAME = 'awskms:///alias/release';
export const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
export const SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
export const SPDX_PREDICATE = 'https://spdx.dev/Document';
export const SLSA_PREDICATE = 'https://slsa.dev/provenance/v1';

/** The referrer manifest that carries the `n`th bundle. */
export const referrer = (n: number): string => `sha256:${n.toString(16).padStart(64, 'e')}`;

const MULTI = [
  { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'COMPLETE' },
  { platform: 'linux/arm64', digest: ARM64_DIGEST, status: 'COMPLETE' },
];

/** The index and both platform manifests signed, and amd64's SBOM and provenance; arm64's manifest and amd64's provenance by an earlier run. */
export const KEY_SIGNATURES: KeySignature[] = [
  { digest: DIGEST, what: 'image', predicateType: SIGN_PREDICATE, referrer: referrer(1), reused: false },
  { digest: AMD64_DIGEST, what: 'image', platform: 'linux/amd64', predicateType: SIGN_PREDICATE, referrer: referrer(2), reused: false },
  { digest: ARM64_DIGEST, what: 'image', platform: 'linux/arm64', predicateType: SIGN_PREDICATE, referrer: referrer(3), reused: true },
  { digest: AMD64_DIGEST, what: 'sbom', platform: 'linux/amd64', predicateType: SPDX_PREDICATE, referrer: referrer(4), reused: false },
  { digest: AMD64_DIGEST, what: 'provenance', platform: 'linux/amd64', predicateType: SLSA_PREDICATE, referrer: referrer(5), reused: true },
];

/** Signatures by the release key: signed, with `list`. */
export function keySigned(list: KeySignature[] = KEY_SIGNATURES): ReportKeySignatures {
  return { kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'signed', list };
}

/** A multi-platform image signed by the release key: 5 signatures, 3 new, 2 already there. */
export const keySignedReport: Report = sampleReport(
  { platforms: MULTI },
  { tags: [`${IMAGE}:${SHA}`, `${IMAGE}:1.2.3`, `${IMAGE}:latest`], keySignatures: keySigned() },
);

export const KEY_DENIED = `Signing with ${KEY_NAME} failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/gha-push/GitHubActions is not authorized to perform: kms:Sign on resource: ${KEY_ARN}.`;

/** One platform; the key refused to sign (the role lacks kms:Sign): the image fails, its release tags held back. */
export const keySigningFailedReport: Report = sampleReport(
  {},
  {
    keySignatures: { kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'failed', problem: KEY_DENIED, list: [] },
    heldBack: [
      { tag: '1.2.3', reason: 'not signed' },
      { tag: 'latest', reason: 'not signed' },
    ],
    verdict: 'failed',
    reason: `${KEY_DENIED} No finding at or above CRITICAL.`,
    fails: true,
  },
);

/** The gate failed: the step stopped before signing. */
export const keySigningSkippedReport: Report = {
  ...failedReport,
  keySignatures: { kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'skipped', list: [] },
};

/** Signed by ECR (managed, on the index and each platform) and by the release key. */
export const bothSignedReport: Report = { ...signedReport, keySignatures: keySigned() };

/** A key name, ARN, platform and referrer that try to be markup. */
export const keySigningHostileReport: Report = sampleReport(
  {},
  {
    keySignatures: {
      kind: 'kms',
      name: `awskms:///alias/${HOSTILE_TEXT}`,
      key: `arn:aws:kms:us-east-1:123456789012:key/${HOSTILE_TEXT}`,
      outcome: 'signed',
      list: [
        {
          digest: DIGEST,
          what: 'image',
          platform: `linux/${HOSTILE_TEXT}`,
          predicateType: SIGN_PREDICATE,
          referrer: `sha256:${HOSTILE_TEXT}`,
          reused: false,
        },
      ],
    },
  },
);

/** An index of `count` platforms, each manifest signed with its SBOM and provenance: 1 + 3 × count signatures. */
export function manyPlatformsKeySignedReport(count: number): Report {
  const platforms = Array.from({ length: count }, (_, i) => ({
    platform: `linux/variant-${i}`,
    digest: `sha256:${i.toString(16).padStart(64, 'c')}`,
    status: 'COMPLETE',
  }));
  let n = 0;
  const list: KeySignature[] = [
    { digest: DIGEST, what: 'image', predicateType: SIGN_PREDICATE, referrer: referrer(++n), reused: false },
    ...platforms.flatMap((p) =>
      (
        [
          ['image', SIGN_PREDICATE],
          ['sbom', SPDX_PREDICATE],
          ['provenance', SLSA_PREDICATE],
        ] as const
      ).map(([what, predicateType]): KeySignature => ({
        digest: p.digest,
        what,
        platform: p.platform,
        predicateType,
        referrer: referrer(++n),
        reused: false,
      })),
    ),
  ];
  return sampleReport({ platforms }, { keySignatures: keySigned(list) });
}
