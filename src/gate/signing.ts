// Pure: ECR managed signing, as the step waits for it. Which signing profiles a registry's
// signing configuration applies to a repository (a rule with no filters: every repository; else
// any WILDCARD_MATCH filter matching the whole name, `*` any run of characters, `/` included),
// and, from DescribeImageSigningStatus's answers for each digest the step pushed, whether the
// image is signed, still being signed, or failed.
//
// Which digests of a multi-platform image ECR signs (the index, each platform manifest, or both)
// AWS's documentation does not say (https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html,
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageSigningStatus.html):
// every digest pushed is asked; each that lists a profile must reach COMPLETE, and each expected
// profile must be COMPLETE on at least one digest of the image.
import { wildcard } from './rules/wildcard.js';

export interface SigningRule {
  signingProfileArn: string;
  repositoryFilters?: Array<{ filter: string; filterType?: string }>;
}

export type SigningState = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

export interface SigningStatus {
  signingProfileArn: string;
  status: SigningState | string;
  failureCode?: string;
  failureReason?: string;
}

/** One digest's answer: its statuses (empty: ECR does not sign that digest). */
export interface DigestSigning {
  digest: string;
  statuses: SigningStatus[];
}

/** The distinct signing profiles of the rules that match the repository, in rule order. */
export function matchingProfiles(rules: readonly SigningRule[], repository: string): string[] {
  const profiles: string[] = [];
  for (const rule of rules) {
    const filters = rule.repositoryFilters ?? [];
    const matches = filters.length === 0 || filters.some((f) => wildcard(f.filter).test(repository));
    if (matches && !profiles.includes(rule.signingProfileArn)) profiles.push(rule.signingProfileArn);
  }
  return profiles;
}

export type ImageSigning =
  | { state: 'signed'; signed: Array<{ digest: string; profile: string }> }
  | { state: 'waiting'; waitingFor: string[] }
  | { state: 'failed'; failures: Array<{ digest: string; profile: string; code?: string; reason?: string }> };

/** Where an image's managed signatures stand, from each pushed digest's statuses. */
export function imageSigning(expected: readonly string[], digests: readonly DigestSigning[]): ImageSigning {
  const failures = digests.flatMap((d) =>
    d.statuses
      .filter((s) => s.status === 'FAILED')
      .map((s) => ({
        digest: d.digest,
        profile: s.signingProfileArn,
        ...(s.failureCode ? { code: s.failureCode } : {}),
        ...(s.failureReason ? { reason: s.failureReason } : {}),
      })),
  );
  if (failures.length > 0) return { state: 'failed', failures };
  const waitingFor: string[] = [];
  for (const d of digests) {
    for (const s of d.statuses) if (s.status !== 'COMPLETE') waitingFor.push(`${shortProfile(s.signingProfileArn)} on ${d.digest}`);
  }
  for (const profile of expected) {
    if (!digests.some((d) => d.statuses.some((s) => s.signingProfileArn === profile))) {
      waitingFor.push(`${shortProfile(profile)} (no digest has its status yet)`);
    }
  }
  if (waitingFor.length > 0) return { state: 'waiting', waitingFor };
  return {
    state: 'signed',
    signed: digests.flatMap((d) => d.statuses.map((s) => ({ digest: d.digest, profile: s.signingProfileArn }))),
  };
}

/** `arn:aws:signer:us-east-1:111122223333:/signing-profiles/release` → `release`. */
export function shortProfile(arn: string): string {
  return /\/signing-profiles\/([^/]+)$/.exec(arn)?.[1] ?? arn;
}

/** One line naming each failure: the profile, the digest, ECR's code and reason. */
export function signingFailureText(failures: Array<{ digest: string; profile: string; code?: string; reason?: string }>): string {
  return failures
    .map(
      (f) =>
        `signing profile ${shortProfile(f.profile)} failed on ${f.digest}${f.code ? `: ${f.code}` : ''}${f.reason ? ` (${f.reason})` : ''}`,
    )
    .join('; ');
}

/** An image's managed signatures: what was waited for and how it ended. */
export interface ImageSignatures {
  profiles: string[];
  digests: DigestSigning[];
  /** signed; failed (a FAILED status); timeout (not COMPLETE within the deadline). */
  outcome: 'signed' | 'failed' | 'timeout' | 'none';
  /** The step's words for a failure or a timeout. */
  problem?: string;
}

/**
 * An image's signature as the verdict counts it: its words when it failed, or did not come in
 * time and on-scan-incomplete is fail (a late one under warn is a warning, not a failure).
 */
export function signingFailureOf(
  signatures: Pick<ImageSignatures, 'outcome' | 'problem'> | undefined,
  onIncomplete: 'fail' | 'warn',
): string | undefined {
  if (!signatures || signatures.outcome === 'signed' || signatures.outcome === 'none') return undefined;
  if (signatures.outcome === 'timeout' && onIncomplete === 'warn') return undefined;
  return signatures.problem;
}

/**
 * An image's signatures by a key as the verdict counts them: its words when signing failed
 * (skipped is not a failure of its own: the step already failed for the reason that skipped it).
 */
export function keySigningFailureOf(
  signatures: { outcome: 'signed' | 'failed' | 'skipped'; problem?: string } | undefined,
): string | undefined {
  return signatures?.outcome === 'failed' ? (signatures.problem ?? 'signing with the key failed') : undefined;
}

/**
 * An image's signing failures as one sentence for the verdict (its `signingFailure`): the managed
 * signature's words, then the key's, each a sentence (ended with a period when it is not);
 * undefined when neither failed. The step's verdict for one image must be given the same, so
 * that its sentence and the image's report agree.
 */
export function signingFailures(managed: string | undefined, key: string | undefined): string | undefined {
  const sentences = [managed, key].filter((text): text is string => text !== undefined && text !== '');
  if (sentences.length === 0) return undefined;
  return sentences.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ');
}
