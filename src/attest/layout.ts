// Pure: BuildKit's image index with its attestations inside → the same image without them, and
// each attestation as its own OCI 1.1 artifact manifest whose subject is its platform manifest.
// Tested by a table (__tests__/attest/layout.test.ts).
//
// BuildKit's layout (docs.docker.com/build/metadata/attestations/attestation-storage/): one
// attestation manifest per platform in the index, annotated
// `vnd.docker.reference.type: attestation-manifest` and `vnd.docker.reference.digest: <platform
// manifest>`, its layers one in-toto statement each (`application/vnd.in-toto+json`, annotated
// `in-toto.io/predicate-type`). The artifact manifests written here reuse those layers as they
// are (the blobs BuildKit pushed) and the empty config of the OCI image spec's artifact guidance.
import { createHash } from 'node:crypto';
import { platformName } from '../shared/manifest.js';

export type AttestationKind = 'sbom' | 'provenance';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const IN_TOTO_LAYER = 'application/vnd.in-toto+json';
export const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';
export const CREATED_ANNOTATION = 'org.opencontainers.image.created';

/** The artifactType each kind is pushed with (and filtered by, `?artifactType=`). */
export const ARTIFACT_TYPES: Record<AttestationKind, string> = {
  sbom: 'application/spdx+json',
  provenance: 'application/vnd.in-toto+json',
};

/** The OCI image spec's empty descriptor: the config of an artifact that has none. */
export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
} as const;
export const EMPTY_CONFIG_BYTES = '{}';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: { os?: string; architecture?: string; variant?: string };
  artifactType?: string;
}

/** An attestation as the report and the outputs list it. */
export interface Attestation {
  kind: AttestationKind;
  platform: string;
  /** The manifest that holds it: an artifact manifest (referrers) or BuildKit's attestation manifest (index). */
  digest: string;
  predicateType: string;
}

export function kindOfPredicate(predicateType: string | undefined): AttestationKind | undefined {
  if (!predicateType) return undefined;
  if (/^https:\/\/spdx\.dev\/Document(?:\/|$)/.test(predicateType)) return 'sbom';
  if (/^https:\/\/slsa\.dev\/provenance\//.test(predicateType)) return 'provenance';
  return undefined;
}

export function sha256Digest(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The OCI 1.1 referrers tag schema's tag for a subject: `sha256:<hex>` → `sha256-<hex>`. */
export function referrersTag(subjectDigest: string): string {
  return subjectDigest.replace(':', '-');
}

export interface SplitIndex {
  /** The platform manifests, in the index's order. */
  images: Array<{ platform: string; descriptor: Descriptor }>;
  /** BuildKit's attestation manifests, each with the digest of the platform manifest it describes. */
  attestations: Array<{ descriptor: Descriptor; subject: string }>;
  /** The index with the attestation manifests left out: its bytes (to push) and digest. */
  withoutAttestations: { text: string; digest: string; mediaType: string };
}

/**
 * Splits an image index into its platform manifests and its attestation manifests. The index
 * without them keeps every other field and entry as it was, in the same order, so that it is
 * what BuildKit writes for the same build without attestations.
 */
export function splitIndex(text: string): SplitIndex {
  const index = JSON.parse(text) as { mediaType?: string; manifests?: unknown };
  if (!Array.isArray(index.manifests)) throw new Error('The pushed image is not an image index: no manifests list.');
  const images: SplitIndex['images'] = [];
  const attestations: SplitIndex['attestations'] = [];
  const kept: unknown[] = [];
  for (const entry of index.manifests as unknown[]) {
    const descriptor = asDescriptor(entry);
    if (!descriptor) {
      kept.push(entry);
      continue;
    }
    const annotations = descriptor.annotations ?? {};
    if (annotations['vnd.docker.reference.type'] === 'attestation-manifest') {
      const subject = annotations['vnd.docker.reference.digest'];
      if (subject) attestations.push({ descriptor, subject });
      continue;
    }
    kept.push(entry);
    images.push({ platform: platformName(descriptor.platform), descriptor });
  }
  // Written as BuildKit writes it (Go's MarshalIndent, two spaces, no final newline), so that
  // the bytes, and the digest, are those of the same build without attestations.
  const indent = /^\{\r?\n( +)"/.exec(text)?.[1]?.length;
  const rewritten = JSON.stringify({ ...index, manifests: kept }, null, indent);
  return {
    images,
    attestations,
    withoutAttestations: { text: rewritten, digest: sha256Digest(rewritten), mediaType: index.mediaType ?? OCI_INDEX },
  };
}

/** One artifact manifest to push: its kind, platform, bytes and descriptor. */
export interface ReferrerManifest extends Attestation {
  text: string;
  descriptor: Descriptor;
  subject: Descriptor;
}

/**
 * BuildKit's attestation manifest for one platform → one artifact manifest per attestation in
 * it (an SBOM, a provenance), each with `subject` = the platform manifest and the kind's
 * artifactType. Statements of other predicate types are left where they are.
 */
export function referrerManifests(
  attestationManifestText: string,
  subject: Descriptor,
  platform: string,
  created: string,
): ReferrerManifest[] {
  const subjectDescriptor = { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
  return statements(attestationManifestText).map(({ layer, kind, predicateType }) => {
    const annotations = { [CREATED_ANNOTATION]: created, [PREDICATE_TYPE_ANNOTATION]: predicateType };
    // Field order as the OCI image spec lists it (and as Go's encoder writes it).
    const text = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: ARTIFACT_TYPES[kind],
      config: EMPTY_CONFIG,
      layers: [layer],
      subject: subjectDescriptor,
      annotations,
    });
    const digest = sha256Digest(text);
    const descriptor: Descriptor = {
      mediaType: OCI_MANIFEST,
      digest,
      size: Buffer.byteLength(text, 'utf8'),
      annotations,
      artifactType: ARTIFACT_TYPES[kind],
    };
    return { kind, platform, digest, predicateType, text, descriptor, subject: subjectDescriptor };
  });
}

/**
 * The attestations an index-layout attestation manifest holds (attestations: index): each
 * statement's kind, listed under the attestation manifest's digest.
 */
export function attestationsInManifest(attestationManifestText: string, digest: string, platform: string): Attestation[] {
  return statements(attestationManifestText).map(({ kind, predicateType }) => ({ kind, platform, digest, predicateType }));
}

/** The in-toto statement layers of an attestation manifest whose predicate is one of this action's kinds. */
export function statements(attestationManifestText: string): Array<{ layer: Descriptor; kind: AttestationKind; predicateType: string }> {
  const manifest = JSON.parse(attestationManifestText) as { layers?: unknown };
  const result: Array<{ layer: Descriptor; kind: AttestationKind; predicateType: string }> = [];
  for (const entry of Array.isArray(manifest.layers) ? (manifest.layers as unknown[]) : []) {
    const layer = asDescriptor(entry);
    if (!layer || layer.mediaType !== IN_TOTO_LAYER) continue;
    const predicateType = layer.annotations?.[PREDICATE_TYPE_ANNOTATION] ?? '';
    const kind = kindOfPredicate(predicateType);
    if (kind) result.push({ layer, kind, predicateType });
  }
  return result;
}

/**
 * A referrers list (the referrers API's answer, or the referrers tag's index) → the attestations
 * of this action's kinds in it. The kind is read from the predicate-type annotation, else from
 * the artifactType.
 */
export function attestationsInReferrers(indexText: string, platform: string): Attestation[] {
  const index = JSON.parse(indexText) as { manifests?: unknown };
  const result: Attestation[] = [];
  for (const entry of Array.isArray(index.manifests) ? (index.manifests as unknown[]) : []) {
    const descriptor = asDescriptor(entry);
    if (!descriptor) continue;
    const predicateType = descriptor.annotations?.[PREDICATE_TYPE_ANNOTATION] ?? '';
    // Without the annotation only an SBOM's artifactType says its kind (in-toto is any statement).
    const kind = kindOfPredicate(predicateType) ?? (descriptor.artifactType === ARTIFACT_TYPES.sbom ? 'sbom' : undefined);
    if (kind) result.push({ kind, platform, digest: descriptor.digest, predicateType });
  }
  return result;
}

/**
 * The referrers tag's index with `added` in it (OCI 1.1 distribution spec, "referrers tag
 * schema"): the existing entries kept, the new ones appended, none twice. `changed` is false
 * when every one was there already (a re-run: nothing to write).
 */
export function mergeReferrersIndex(existingText: string | undefined, added: Descriptor[]): { text: string; changed: boolean } {
  const existing = existingText ? (JSON.parse(existingText) as { manifests?: unknown }) : undefined;
  const manifests = Array.isArray(existing?.manifests) ? [...(existing.manifests as unknown[])] : [];
  const known = new Set(manifests.map((entry) => asDescriptor(entry)?.digest).filter(Boolean));
  let changed = existing === undefined;
  for (const descriptor of added) {
    if (known.has(descriptor.digest)) continue;
    manifests.push(descriptor);
    known.add(descriptor.digest);
    changed = true;
  }
  return { text: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }), changed };
}

/** The `attestations` output: platform → kind → digest (the first of a kind, when a platform has more). */
export function attestationsObject(attestations: Attestation[]): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const attestation of attestations) {
    const platform = (result[attestation.platform] ??= {});
    platform[attestation.kind] ??= attestation.digest;
  }
  return result;
}

export function asDescriptor(entry: unknown): Descriptor | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const value = entry as Partial<Descriptor>;
  if (typeof value.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(value.digest)) return undefined;
  if (typeof value.mediaType !== 'string' || typeof value.size !== 'number') return undefined;
  return value as Descriptor;
}
