// The one Report model. Built once after the gate; every renderer (job summary, PR comment,
// JSON, SARIF) and the outputs read it, none of them recompute anything.
import type { EvaluatedFinding, ExpiredIgnore } from '../gate/evaluated.js';
import type { Comparison } from '../gate/compare.js';
import type { ScanType } from '../shared/finding.js';
import type { SeverityCounts, Threshold } from '../shared/severity.js';
import type { PolicySource, RuleResult } from '../gate/rules/types.js';

export type { Comparison };

export type Verdict = 'passed' | 'failed' | 'incomplete' | 'skipped';

export interface ReportAttestations {
  /** `referrers-api`, `referrers-tag` (a registry without the referrers API), `index` (inside the image index). */
  storage: 'referrers-api' | 'referrers-tag' | 'index';
  list: Array<{ kind: 'sbom' | 'provenance'; platform: string; digest: string; predicateType: string }>;
  /** Kinds asked for that a reused image lacks (it was built without them). */
  missing: string[];
}

/**
 * ECR's managed signatures: the signing profiles whose rules match the repository, each digest
 * pushed with its statuses (an empty list: ECR does not sign that digest), and how the wait ended.
 */
export interface ReportSignatures {
  kind: 'managed';
  profiles: string[];
  /** signed; failed (a FAILED status); timeout (not COMPLETE within scan-timeout); none (no rule matches the repository). */
  outcome: 'signed' | 'failed' | 'timeout' | 'none';
  /** The step's words for a failure or a timeout. */
  problem?: string;
  digests: Array<{
    digest: string;
    statuses: Array<{ signingProfileArn: string; status: string; failureCode?: string; failureReason?: string }>;
  }>;
}

/**
 * The image's signatures by a key (signing: awskms://…): each digest a tag names (the image
 * index and each platform manifest) and each attestation's statement, signed as cosign 3 does,
 * each a Sigstore bundle pushed as a referrer of its digest.
 */
export interface ReportKeySignatures {
  kind: 'kms';
  /** The key as the input names it (awskms:///alias/release). */
  name: string;
  /** The key's ARN, as KMS answered. */
  key: string;
  /** signed; failed (the step's words in `problem`); skipped (the step failed before signing: nothing signed). */
  outcome: 'signed' | 'failed' | 'skipped';
  problem?: string;
  list: KeySignature[];
}

export interface KeySignature {
  /** The digest signed: the image (index or manifest), or the platform manifest an attestation describes. */
  digest: string;
  /** What the bundle signs: the image itself (cosign's sign/v1 statement), or an attestation's statement. */
  what: 'image' | 'sbom' | 'provenance';
  platform?: string;
  predicateType: string;
  /** The referrer manifest that carries the bundle. */
  referrer: string;
  /** Already there, by the same key (a re-run): nothing was signed again. */
  reused: boolean;
}

/** The rules on how the image is built, as judged on it: every rule (off ones as `off`), in RULE_NAMES order. */
export interface ReportPolicy {
  /** Where the rules came from (policy-file, policy input; neither: the defaults). */
  source: PolicySource;
  results: RuleResult[];
  /** A rule at `fail` failed. */
  fails: boolean;
}

export interface PlatformReport {
  platform: string;
  digest: string;
  status: string;
  description?: string;
  /** Counts of findings not ignored, within this platform. */
  counts: SeverityCounts;
  ignored: number;
}

export interface Report {
  /** registry/repository */
  image: string;
  digest?: string;
  imageUri?: string;
  /** Full references that now point at this image. */
  tags: string[];
  /** Tags not written, and why (a failed gate, a newer release, an immutable repository). */
  heldBack: Array<{ tag: string; reason: string }>;
  build: 'built' | 'reused' | 'not-pushed';
  /**
   * SBOM and provenance (sbom, provenance): each attestation's kind, platform and manifest, and
   * how the registry finds them. Absent when neither was asked for. Never scanned, never counted.
   */
  attestations?: ReportAttestations;
  /** The policy's rules judged on the pushed image (absent when nothing was pushed). */
  policy?: ReportPolicy;
  /** ECR's managed signatures of the image, as awaited (absent when none were: signing off, or no configuration). */
  signatures?: ReportSignatures;
  /** The image's signatures by a key (signing: awskms://…); absent when no key signs. */
  keySignatures?: ReportKeySignatures;
  commit?: string;
  /** The commit's page on GitHub (`…/owner/repo/commit/<sha>`), for the link in the PR comment. */
  commitUrl?: string;
  scan: {
    /** Overall status: the worst platform status (COMPLETE/ACTIVE when all are), TIMEOUT or SKIPPED. */
    status: string;
    scanType?: ScanType;
    platforms: PlatformReport[];
  };
  gate: {
    threshold: Threshold;
    mode: 'all' | 'new';
    onIncomplete: 'fail' | 'warn';
    ignoreUnfixed: boolean;
    /** epss-threshold as the gate applied it: absent when unset or when it could not apply. */
    epssThreshold?: number;
    /** fail-on-exploitable as the gate applied it (enhanced scanning only). */
    failOnExploitable?: boolean;
  };
  verdict: Verdict;
  /**
   * A failed image whose scan did not fail it: what did (its heading says so, not "ECR scan
   * failed"). Absent when the scan's gate failed it, or it did not fail.
   */
  heldBy?: 'policy' | 'signing' | 'policy and signing';
  /** One sentence a user can act on: why it passed or failed. */
  reason: string;
  /** Step fails (a failed gate, or an incomplete scan with on-scan-incomplete: fail). */
  fails: boolean;
  /** Every finding on every platform, worst first; ignored ones marked. */
  findings: EvaluatedFinding[];
  /** Not ignored, each vulnerability in each package counted once across platforms. */
  counts: SeverityCounts;
  ignoredCount: number;
  /** With enhanced scanning: findings not ignored with a known exploit, counted as `counts` counts. */
  exploitableCount?: number;
  /** Why epss-threshold or fail-on-exploitable did not apply (basic scanning, Amazon Inspector refused), as warned. */
  riskNotes?: string[];
  expiredIgnores: ExpiredIgnore[];
  comparison?: Comparison;
  runUrl?: string;
  /** Path of the JSON report, where the full list is. */
  reportPath?: string;
  generatedAt: string;
}

/** One image of a step's report: its name (the key of the outputs and the JSON report) and its report. */
export interface ImageReport {
  name: string;
  report: Report;
}

/**
 * The step's report: its images' reports and the one verdict over them (src/gate/verdict.ts).
 * Every rendering (job summary, PR comment, JSON report, SARIF) reads this. `one`: one image
 * named by `repository`, rendered as one image's report (the layout, the JSON report's shape and
 * the comment key users parse stay as they are); `several`: an overview and a section per image.
 */
export interface StepReport {
  layout: 'one' | 'several';
  verdict: Verdict;
  fails: boolean;
  /** The step's one sentence. */
  reason: string;
  images: ImageReport[];
  runUrl?: string;
}
