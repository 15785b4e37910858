// The only caller of core.setOutput. Outputs stay small: the full list of findings (and of the
// policy's findings) is in the report file.
import * as core from './util/actions-core.js';
import { attestationsObject, type Attestation } from './attest/layout.js';
import type { RuleVerdict } from './gate/rules/types.js';
import { cleanText, shorten } from './report/escape.js';
import type { StepReport } from './report/model.js';
import { platformDigestsObject, type PlatformManifest } from './shared/manifest.js';
import type { SeverityCounts } from './shared/severity.js';

export interface ActionOutputs {
  registry?: string;
  image?: string;
  digest?: string;
  platformDigests?: Record<string, string>;
  imageUri?: string;
  /** platform → attestation kind → the digest of its manifest. */
  attestations?: Record<string, Record<string, string>>;
  /** Full references that now point at this image. */
  tags?: string[];
  scanStatus?: string;
  counts?: SeverityCounts;
  ignored?: number;
  exploitable?: number;
  new?: number;
  fixed?: number;
  report?: string;
  sarif?: string;
  commentUrl?: string;
  /** With several images: each image's digest, reference and counts, by name. */
  digests?: Record<string, string>;
  imageUris?: Record<string, string>;
  findings?: Record<string, SeverityCounts>;
  /** With several images, by name: `platform-digests` and `attestations` as one image has them. */
  platformDigestsByImage?: Record<string, Record<string, string>>;
  attestationsByImage?: Record<string, Record<string, Record<string, string>>>;
  /** image name → rule → its verdict (and why, for a rule that is on); for one image too, keyed by its name. */
  policy?: Record<string, Record<string, PolicyOutput>>;
  /** image name → digest → its signatures, managed and by a key (an empty list: ECR does not sign that digest); for one image too, keyed by its name. */
  signatures?: Record<string, Record<string, SignatureOutput[]>>;
}

/** One signature of a digest in the `signatures` output: ECR's managed one, or one by a key. */
export type SignatureOutput = ManagedSignatureOutput | KeySignatureOutput;

/** ECR's managed signature of a digest, by one signing profile. */
export interface ManagedSignatureOutput {
  kind: 'managed';
  /** The signing profile's ARN. */
  profile: string;
  /** ECR's status: COMPLETE, IN_PROGRESS (not in time) or FAILED. */
  status: string;
}

/** A signature by a key (signing: awskms://…): a Sigstore bundle, pushed as a referrer of the digest. */
export interface KeySignatureOutput {
  kind: 'kms';
  /** The key's ARN. */
  key: string;
  /** The key as the `signing` input names it (awskms:///alias/release). */
  name: string;
  /** What the bundle signs: the image itself, or the statement of its SBOM or provenance. */
  what: 'image' | 'sbom' | 'provenance';
  /** The digest of the referrer manifest that carries the bundle. */
  referrer: string;
  /** The signed statement's predicate type. */
  predicateType: string;
  /** signed by this run, or reused: already there, by the same key. */
  status: 'signed' | 'reused';
}

/** One rule's outcome in the `policy` output. */
export interface PolicyOutput {
  verdict: RuleVerdict;
  /** Why (what failed, what was checked, why there is no data); absent for a rule that is off. */
  reason?: string;
}

/** A reason is one sentence; bounded so that many images' rules stay a small output. */
const POLICY_REASON_MAX = 500;

export function outputPairs(outputs: ActionOutputs): Array<[string, string]> {
  const pairs: Array<[string, string | undefined]> = [
    ['registry', outputs.registry],
    ['image', outputs.image],
    ['digest', outputs.digest],
    ['platform-digests', json(outputs.platformDigests ?? outputs.platformDigestsByImage)],
    ['attestations', json(outputs.attestations ?? outputs.attestationsByImage)],
    ['policy', json(outputs.policy)],
    ['signatures', json(outputs.signatures)],
    ['image-uri', outputs.imageUri],
    ['tags', outputs.tags?.join('\n')],
    ['scan-status', outputs.scanStatus],
    ['critical', outputs.counts && String(outputs.counts.CRITICAL)],
    ['high', outputs.counts && String(outputs.counts.HIGH)],
    ['medium', outputs.counts && String(outputs.counts.MEDIUM)],
    ['low', outputs.counts && String(outputs.counts.LOW)],
    ['informational', outputs.counts && String(outputs.counts.INFORMATIONAL)],
    ['undefined', outputs.counts && String(outputs.counts.UNDEFINED)],
    ['ignored', outputs.ignored?.toString()],
    ['exploitable', outputs.exploitable?.toString()],
    ['new', outputs.new?.toString()],
    ['fixed', outputs.fixed?.toString()],
    ['report', outputs.report],
    ['sarif', outputs.sarif],
    ['comment-url', outputs.commentUrl],
    ['digests', outputs.digests && JSON.stringify(outputs.digests)],
    ['image-uris', outputs.imageUris && JSON.stringify(outputs.imageUris)],
    ['findings', outputs.findings && JSON.stringify(outputs.findings)],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

function json(value: object | undefined): string | undefined {
  return value && JSON.stringify(value);
}

export function writeOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of outputPairs(outputs)) core.setOutput(name, value);
}

/** An image as the outputs see it. */
export interface OutputImage {
  name: string;
  /** registry/repository */
  image: string;
  digest?: string;
  platforms?: PlatformManifest[];
  attestations?: { list: Attestation[] };
  /** Full references that now point at this image. */
  tags: string[];
}

/**
 * What the images give the outputs, as far as the step got: one image's outputs as they always
 * were (`one`), or each keyed by image name (`several`).
 */
export function imageOutputs(layout: 'one' | 'several', registry: string, images: readonly OutputImage[]): ActionOutputs {
  const outputs: ActionOutputs = { registry, tags: images.flatMap((image) => image.tags) };
  const pushed = images.filter((image): image is OutputImage & { digest: string } => image.digest !== undefined);
  if (layout === 'one') {
    const [image] = images;
    if (!image) return outputs;
    outputs.image = image.image;
    if (image.digest === undefined) return outputs;
    outputs.digest = image.digest;
    outputs.imageUri = `${image.image}@${image.digest}`;
    if (image.platforms) outputs.platformDigests = platformDigestsObject(image.platforms);
    if (image.platforms) outputs.attestations = attestationsObject(image.attestations?.list ?? []);
    return outputs;
  }
  if (pushed.length === 0) return outputs;
  outputs.digests = Object.fromEntries(pushed.map((image) => [image.name, image.digest]));
  outputs.imageUris = Object.fromEntries(pushed.map((image) => [image.name, `${image.image}@${image.digest}`]));
  const resolved = pushed.filter((image) => image.platforms !== undefined);
  if (resolved.length > 0) {
    outputs.platformDigestsByImage = Object.fromEntries(resolved.map((image) => [image.name, platformDigestsObject(image.platforms!)]));
    outputs.attestationsByImage = Object.fromEntries(
      resolved.map((image) => [image.name, attestationsObject(image.attestations?.list ?? [])]),
    );
  }
  return outputs;
}

/** What the step's report gives the outputs: the scan's status and the counts (one image), or the counts by image name (several). */
export function reportOutputs(report: StepReport, scanStatus: string): ActionOutputs {
  const outputs: ActionOutputs = { scanStatus };
  const policy = policyOutput(report);
  if (policy) outputs.policy = policy;
  const signatures = signaturesOutput(report);
  if (signatures) outputs.signatures = signatures;
  if (report.layout === 'one' && report.images.length === 1) {
    const image = report.images[0]!.report;
    if (image.verdict !== 'skipped') {
      outputs.counts = image.counts;
      outputs.ignored = image.ignoredCount;
      outputs.exploitable = image.exploitableCount;
    }
    if (image.comparison?.available) {
      outputs.new = image.comparison.newCount;
      outputs.fixed = image.comparison.fixed.length;
    }
    return outputs;
  }
  outputs.findings = Object.fromEntries(
    report.images.filter(({ report: image }) => image.verdict !== 'skipped').map(({ name, report: image }) => [name, image.counts]),
  );
  return outputs;
}

/**
 * The `policy` output: each image judged (by its name, as `digests` keys it; one image from
 * `repository` by its repository) → every rule → its verdict, with the reason for a rule that is
 * on. Undefined when no image was judged (nothing pushed).
 */
export function policyOutput(report: StepReport): Record<string, Record<string, PolicyOutput>> | undefined {
  const judged = report.images.filter(({ report: image }) => image.policy !== undefined);
  if (judged.length === 0) return undefined;
  return Object.fromEntries(
    judged.map(({ name, report: image }) => [
      name,
      Object.fromEntries(
        image.policy!.results.map((result) => [
          result.rule,
          result.verdict === 'off'
            ? { verdict: result.verdict }
            : { verdict: result.verdict, reason: shorten(cleanText(result.reason), POLICY_REASON_MAX) },
        ]),
      ),
    ]),
  );
}

/**
 * The `signatures` output: each image with signatures awaited or made (by its name, as `policy`
 * keys it) → each digest → its signatures: ECR's managed ones first, one per signing profile with
 * ECR's status (`{kind: 'managed', profile, status}`), then those by a key, one per bundle
 * (`{kind: 'kms', key, name, what, referrer, predicateType, status: 'signed' | 'reused'}`); a
 * digest both sign lists both. An image no rule matches, and an image whose key signing failed or
 * was skipped before it signed anything, maps to `{}`: present, so a reader sees it was attempted.
 * Undefined when no image has either.
 */
export function signaturesOutput(report: StepReport): Record<string, Record<string, SignatureOutput[]>> | undefined {
  const signed = report.images.filter(({ report: image }) => image.signatures !== undefined || image.keySignatures !== undefined);
  if (signed.length === 0) return undefined;
  return Object.fromEntries(
    signed.map(({ name, report: image }) => {
      const digests = new Map<string, SignatureOutput[]>();
      const add = (digest: string, signatures: SignatureOutput[]) => digests.set(digest, [...(digests.get(digest) ?? []), ...signatures]);
      for (const { digest, statuses } of image.signatures?.digests ?? []) {
        add(
          digest,
          statuses.map((s): SignatureOutput => ({ kind: 'managed', profile: s.signingProfileArn, status: s.status })),
        );
      }
      const byKey = image.keySignatures;
      if (byKey) {
        for (const s of byKey.list) {
          const status = s.reused ? ('reused' as const) : ('signed' as const);
          add(s.digest, [
            { kind: 'kms', key: byKey.key, name: byKey.name, what: s.what, referrer: s.referrer, predicateType: s.predicateType, status },
          ]);
        }
      }
      return [name, Object.fromEntries(digests)];
    }),
  );
}
