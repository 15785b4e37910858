// Pure: the verdict, decided once for the step, whatever the number of images. Each image's
// findings are judged on their own (decideImage: ignores → comparison with the base → gate),
// then the step's verdict is decided over all of them (decideStep): what fails, why, whether the
// step warns, what may be promoted and what is held back. One image named by `repository` is a
// step of one: its reason is the image's own. main.ts, the screenshots and the benchmark all
// call these, and nothing else decides.
//
// Promotion is all or nothing: no image gets its release tags or `latest` while another one of
// the step failed (a release is the set of images, not one of them).
import type { PlatformManifest } from '../shared/manifest.js';
import type { RuleResult } from './rules/types.js';
import type { PlatformScan } from '../shared/finding.js';
import { compareWithBase, ignoredBy, type Comparison } from './compare.js';
import type { ExpiredIgnore } from './evaluated.js';
import { applyIgnores, type IgnoreOptions } from './ignore.js';
import { decideGate, type GateDecision, type GateSettings } from './policy.js';

/** The base image's findings (compare: base), or why there are none: what the comparison reads. */
export type BaseFindings =
  | { available: false; note: string; baseSha?: string }
  | {
      available: true;
      baseSha: string;
      /** The manifest (or index) under the base commit's tag. */
      baseDigest: string;
      tag: string;
      platforms: PlatformManifest[];
      /** One complete scan per platform, in the order of `platforms`. */
      scans: PlatformScan[];
    };

export interface ImageInput {
  /** This image's scans, one per platform manifest. */
  scans: readonly PlatformScan[];
  /** The base image's findings, or why there are none; undefined when no comparison was asked for. */
  base?: BaseFindings;
  ignores: IgnoreOptions;
  /** The gate's settings; whether a base is available is the verdict's to say. */
  gate: Omit<GateSettings, 'baseAvailable'>;
}

export interface ImageVerdict {
  /** The gate: every finding (ignores and comparison applied, `blocking` set), pass or fail, why. */
  decision: GateDecision;
  /** Ignore-file entries past their date: they ignore nothing, and the caller warns. */
  expired: ExpiredIgnore[];
  /** Against the base image; undefined when no comparison was asked for. */
  comparison?: Comparison;
}

/** Why a tag of the image that failed is held back. */
export const HELD_BY_GATE = 'the gate failed';
/** Why a tag of the image that failed only its policy is held back. */
export const HELD_BY_POLICY = 'the policy failed';
/** Why a release tag was held back when the image's managed signature failed or did not come. */
export const HELD_BY_SIGNING = 'not signed';

/** One image's findings judged: the order is ignores → comparison → gate, so `new` leaves out what is ignored. */
export function decideImage(input: ImageInput): ImageVerdict {
  const ignores = applyIgnores(
    input.scans.flatMap((scan) => scan.findings),
    input.ignores,
  );
  const { base } = input;
  const compared = base?.available
    ? compareWithBase(
        ignores.findings,
        base.scans.flatMap((scan) => scan.findings),
        {
          basePlatforms: base.platforms.map((p) => p.platform),
          headScans: input.scans,
          isIgnored: ignoredBy(input.ignores),
        },
      )
    : undefined;
  const comparison: Comparison | undefined = base
    ? base.available && compared
      ? { available: true, baseSha: base.baseSha, baseDigest: base.baseDigest, fixed: compared.fixed, newCount: compared.newCount }
      : { available: false, baseSha: base.baseSha, note: base.available ? undefined : base.note, fixed: [], newCount: 0 }
    : undefined;
  const decision = decideGate(compared?.findings ?? ignores.findings, input.scans, {
    ...input.gate,
    baseAvailable: comparison?.available === true,
  });
  return { decision, expired: ignores.expired, ...(comparison ? { comparison } : {}) };
}

/** A rule at `fail` that found something: what the step's error names (rule, platform, what). */
export interface PolicyFailure {
  rule: string;
  /** The platform it was found on; absent for what is the build's (a build check). */
  platform?: string;
  message: string;
  /** More findings of the same rule on this image. */
  more: number;
}

/** One image of the step, as the step's verdict sees it. */
export interface StepImage {
  name: string;
  /** The image's gate; undefined when nothing was scanned (`skipped` says why). */
  decision?: Pick<GateDecision, 'verdict' | 'fails' | 'reason'>;
  /** The rules at `fail` that failed (the policy); empty or absent when none did. A failure fails the image as a blocking CVE does. */
  policyFailures?: readonly PolicyFailure[];
  /** ECR's managed signature failed or did not come in time: the step's words for it. A failure fails the image. */
  signingFailure?: string;
  /** Each platform's scan status (TIMEOUT, COMPLETE, FAILED, ...); empty when nothing was scanned. */
  statuses: readonly string[];
  /** Nothing was scanned: `push` false (built only) or `scan` false (pushed, not scanned). */
  skipped?: 'not-pushed' | 'scan-off';
  /** The tags promotion would write for this image after a pass. */
  promotions: ReadonlyArray<{ tag: string }>;
}

export type StepVerdictLabel = 'passed' | 'failed' | 'incomplete' | 'skipped';

export interface StepVerdict {
  /** failed over incomplete over passed; skipped when no image was scanned. */
  verdict: StepVerdictLabel;
  /** The step fails: an image's gate failed, or a scan was incomplete with on-scan-incomplete: fail. */
  fails: boolean;
  /** The step ends with a warning: a scan was incomplete with on-scan-incomplete: warn. */
  warns: boolean;
  /** One sentence: why the step failed, warned or passed. For one image from `repository`, the image's own. */
  reason: string;
  /** Every image's release tags may be written: no image failed. */
  mayPromote: boolean;
  /** Per image (by name), the tags held back and why; empty lists when nothing is held. */
  heldBack: Map<string, Array<{ tag: string; reason: string }>>;
  /** The images that failed, in the step's order. */
  failed: string[];
  /** The `scan-status` output: the first image's status that is not final (TIMEOUT, FAILED, ...), else the first's. */
  scanStatus: string;
}

export interface StepOptions {
  /** One image named by `repository`: the step's words are the image's. Several: the step's own. */
  layout: 'one' | 'several';
  /** scan-timeout, for the sentence that says a scan timed out. */
  scanTimeoutSeconds: number;
}

const FINAL = new Set(['COMPLETE', 'ACTIVE']);

const policyFails = (image: StepImage) => (image.policyFailures?.length ?? 0) > 0 || image.signingFailure !== undefined;
const gateFails = (image: StepImage) => image.decision?.fails === true;

export function decideStep(images: readonly StepImage[], options: StepOptions): StepVerdict {
  const failed = images.filter((image) => gateFails(image) || policyFails(image));
  const mayPromote = failed.length === 0;
  const failedNames = failed.map((image) => image.name);
  const heldBack = new Map<string, Array<{ tag: string; reason: string }>>();
  const byPolicyOnly = failed.every((image) => !gateFails(image));
  for (const image of images) {
    const own = gateFails(image)
      ? HELD_BY_GATE
      : (image.policyFailures?.length ?? 0) > 0
        ? HELD_BY_POLICY
        : image.signingFailure
          ? HELD_BY_SIGNING
          : undefined;
    const reason =
      own ?? (options.layout === 'one' ? HELD_BY_GATE : `${byPolicyOnly ? 'the policy' : 'the gate'} failed on ${names(failedNames)}`);
    heldBack.set(image.name, mayPromote ? [] : image.promotions.map((p) => ({ tag: p.tag, reason })));
  }
  const incomplete = images.filter((image) => image.decision?.verdict === 'incomplete' && !policyFails(image));
  const warns = failed.length === 0 && incomplete.length > 0;
  const labels = images.map((image) => (policyFails(image) ? 'failed' : (image.decision?.verdict ?? 'skipped')));
  const verdict: StepVerdictLabel = labels.includes('failed')
    ? 'failed'
    : labels.includes('incomplete')
      ? 'incomplete'
      : labels.every((label) => label === 'skipped')
        ? 'skipped'
        : 'passed';
  const statuses = images.map(imageStatus);
  const scanStatus = statuses.find((status) => !FINAL.has(status)) ?? statuses[0] ?? 'SKIPPED';
  const held = [...heldBack.values()].some((tags) => tags.length > 0);
  const reason =
    options.layout === 'one' && images.length === 1
      ? oneReason(images[0]!)
      : severalReason(images, { failed, incomplete, held, verdict, timeout: options.scanTimeoutSeconds });
  return { verdict, fails: failed.length > 0, warns, reason, mayPromote, heldBack, failed: failedNames, scanStatus };
}

/**
 * An image's scan status: its first platform's that is not final, else its first's; SKIPPED when
 * nothing was scanned, UNSUPPORTED_IMAGE when it had no platform manifest ECR could scan.
 */
function imageStatus(image: StepImage): string {
  if (image.statuses.length === 0) return image.decision ? 'UNSUPPORTED_IMAGE' : 'SKIPPED';
  return image.statuses.find((status) => !FINAL.has(status)) ?? image.statuses[0]!;
}

/** One image's sentence: its gate's, with its policy's failures after it (or alone when the gate passed or did not run). */
function oneReason(image: StepImage): string {
  const gate = image.decision?.reason ?? skippedReason([image], 'one');
  return withPolicyFailures(
    gate,
    { gateFails: gateFails(image), scanned: image.decision !== undefined },
    image.policyFailures ?? [],
    image.signingFailure,
  );
}

/**
 * An image's sentence with its policy's failures: the gate's, then the policy's ("The policy
 * failed too: …"); the policy's alone, before the gate's, when the gate passed or did not run.
 * The step's sentence (one image) and each image's report say it alike.
 */
export function withPolicyFailures(
  gate: string,
  image: { gateFails: boolean; scanned: boolean },
  failures: readonly PolicyFailure[],
  /** ECR's managed signature failed or did not come: said first. */
  signingFailure?: string,
): string {
  const sentence = withRuleFailures(gate, image, failures);
  return signingFailure ? `${signingFailure} ${sentence}` : sentence;
}

function withRuleFailures(gate: string, image: { gateFails: boolean; scanned: boolean }, failures: readonly PolicyFailure[]): string {
  if (failures.length === 0) return gate;
  const policy = policyText(failures);
  if (image.gateFails) return `${gate} The policy failed too: ${policy}.`;
  return `The policy failed: ${policy}.${image.scanned ? ` ${gate}` : ''}`;
}

/** The rules that failed on an image, as the verdict names them: each rule's first finding, and how many more. */
export function policyFailures(results: readonly RuleResult[]): PolicyFailure[] {
  return results
    .filter((result) => result.verdict === 'fail')
    .map((result) => {
      const first = result.findings[0];
      return {
        rule: result.rule,
        ...(first?.platform ? { platform: first.platform } : {}),
        message: first?.message ?? result.reason,
        more: Math.max(0, result.findings.length - 1),
      };
    });
}

/** How many failures of a policy the sentence names before "and N more". */
const POLICY_NAMED = 3;

/** `non-root (linux/amd64): runs as root: the image sets no USER; max-size (linux/arm64): … and 2 more` */
export function policyText(failures: readonly PolicyFailure[]): string {
  const named = failures.slice(0, POLICY_NAMED).map((f) => {
    const more = f.more > 0 ? ` (and ${f.more} more)` : '';
    return `${f.rule}${f.platform ? ` (${f.platform})` : ''}: ${f.message}${more}`;
  });
  const rest = failures.length - named.length;
  return `${named.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}

function severalReason(
  images: readonly StepImage[],
  step: { failed: StepImage[]; incomplete: StepImage[]; held: boolean; verdict: StepVerdictLabel; timeout: number },
): string {
  const total = images.length;
  const promoted = step.held ? ': no image was promoted' : '';
  if (step.failed.length > 0) {
    const byGate = step.failed.filter((image) => image.decision?.verdict === 'failed');
    const byScan = step.failed.filter((image) => gateFails(image) && image.decision?.verdict !== 'failed');
    const byPolicy = step.failed.filter(policyFails);
    if (byScan.length === 0 && byPolicy.length === 0)
      return `${step.failed.length} of ${total} images failed the gate (${names(byGate.map((i) => i.name))})${promoted}.`;
    const parts = [
      ...(byGate.length > 0 ? [`the gate failed on ${names(byGate.map((i) => i.name))}`] : []),
      ...byPolicy.flatMap((image) => [
        ...((image.policyFailures?.length ?? 0) > 0 ? [`the policy failed on "${image.name}" (${policyText(image.policyFailures!)})`] : []),
        ...(image.signingFailure ? [`"${image.name}" is not signed (${image.signingFailure.replace(/\.$/, '')})`] : []),
      ]),
      ...scanProblems(byScan, step.timeout).map((problem) => `${problem} (on-scan-incomplete: fail)`),
    ];
    return `${step.failed.length} of ${total} images failed: ${parts.join('; ')}${promoted}.`;
  }
  if (step.incomplete.length > 0) {
    const passed = total - step.incomplete.length;
    return `${passed} of ${total} images passed the gate; ${scanProblems(step.incomplete, step.timeout).join('; ')}, which on-scan-incomplete: warn accepts.`;
  }
  if (step.verdict === 'skipped') return skippedReason(images, 'several');
  return `All ${total} images passed the gate.`;
}

/** What went wrong with the scans of these images: `ECR's scan of "api" timed out (scan-timeout: 600 s)`, grouped by status. */
function scanProblems(images: readonly StepImage[], timeout: number): string[] {
  const byStatus = new Map<string, string[]>();
  for (const image of images) {
    const key = image.statuses.length === 0 ? 'NONE' : imageStatus(image);
    byStatus.set(key, [...(byStatus.get(key) ?? []), image.name]);
  }
  return [...byStatus].map(([status, list]) => {
    const which = `ECR's scan of ${names(list)}`;
    if (status === 'TIMEOUT') return `${which} timed out (no final status within scan-timeout: ${timeout} s)`;
    if (status === 'NONE')
      return `${list.length === 1 ? 'no platform manifest' : 'no platform manifests'} of ${names(list)} could be scanned`;
    return `${which} ended ${status}`;
  });
}

/** Why an image's gate did not run, as its report and a step of one say it. */
export const SKIPPED_REASONS: Record<'not-pushed' | 'scan-off', string> = {
  'not-pushed': 'push is false: the image was built but not pushed, so nothing was scanned and the gate did not run.',
  'scan-off': "scan is false: the image was pushed but ECR's findings were not read, so the gate did not run.",
};

function skippedReason(images: readonly StepImage[], layout: StepOptions['layout']): string {
  const notPushed = images.some((image) => image.skipped === 'not-pushed');
  if (layout === 'one') return SKIPPED_REASONS[notPushed ? 'not-pushed' : 'scan-off'];
  return notPushed
    ? `push is false: ${images.length} images built, none pushed or scanned.`
    : `scan is false: ${images.length} images pushed, none scanned, so the gate did not run.`;
}

function names(list: readonly string[]): string {
  return list.map((name) => `"${name}"`).join(', ');
}
