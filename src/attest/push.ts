// attestations: referrers. BuildKit pushed its image index (untagged, by digest) with the
// attestation manifests inside; this reads it apart and writes, from the blobs BuildKit pushed:
//   - each attestation as its own artifact manifest, `subject` = its platform manifest, untagged;
//   - the registry's referrers tag for each subject, where the registry has no referrers API;
//   - the image the tags will point at: the index without the attestation manifests (several
//     platforms), or the one platform manifest itself, as a build without attestations has.
// The tags are written afterwards by the caller, so a refused attestation leaves them as they were.
// attestations: index keeps BuildKit's layout; only listed here (attestationsOfIndex).
import type { Manifest } from '../ecr/images.js';
import { isIndex, type PlatformManifest } from '../shared/manifest.js';
import {
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  OCI_INDEX,
  OCI_MANIFEST,
  attestationsInManifest,
  attestationsInReferrers,
  mergeReferrersIndex,
  referrerManifests,
  referrersTag,
  splitIndex,
  type Attestation,
  type AttestationKind,
  type ReferrerManifest,
} from './layout.js';
import type { Registry } from './registry.js';

/** The repository's manifests by digest (ECR's BatchGetImage: src/ecr/images.ts manifestReader). */
export interface ManifestReader {
  /** The repository's name, for the registry's own API and messages. */
  repository: string;
  get(digest: string): Promise<Manifest>;
  /** Several, in one call, in the order asked. */
  getMany(digests: string[]): Promise<Manifest[]>;
}

/** How the registry finds an image's attestations. */
export type ReferrerStorage = 'referrers-api' | 'referrers-tag' | 'index';

export interface AttestedImage {
  /** What the tags point at (attestation-free). */
  manifest: Manifest;
  platforms: PlatformManifest[];
  attestations: Attestation[];
  storage: ReferrerStorage;
  /** BuildKit's own index, left untagged in the repository. */
  buildkitIndex: string;
}

export interface PushOptions {
  manifests: ManifestReader;
  registry: Pick<Registry, 'putManifest' | 'getManifest' | 'referrers' | 'hasBlob' | 'putBlob'>;
  /** The digest buildx pushed (its metadata file's containerimage.digest). */
  pushed: string;
  /** org.opencontainers.image.created of the artifact manifests. */
  created: string;
  log: (message: string) => void;
}

export async function pushAttestationsBeside(options: PushOptions): Promise<AttestedImage> {
  const { manifests, registry, pushed, log } = options;
  const repository = manifests.repository;
  const index = await manifests.get(pushed);
  if (!isIndex(index.mediaType, JSON.parse(index.text) as { manifests?: unknown })) {
    throw new Error(`buildx pushed ${pushed}, a single manifest, where an image index with attestations was expected.`);
  }
  const split = splitIndex(index.text);
  if (split.images.length === 0) throw new Error(`The image index ${pushed} has no platform manifest.`);
  const single = split.images.length === 1 ? split.images[0] : undefined;

  // One BatchGetImage: every attestation manifest, and the platform manifest of a single-platform image.
  const wanted = [...split.attestations.map((a) => a.descriptor.digest), ...(single ? [single.descriptor.digest] : [])];
  const read = await manifests.getMany(wanted);
  const byDigest = new Map(read.map((manifest) => [manifest.digest, manifest]));
  const platformOf = new Map(split.images.map((image) => [image.descriptor.digest, image]));

  const referrers: ReferrerManifest[] = [];
  for (const attestation of split.attestations) {
    const subject = platformOf.get(attestation.subject);
    if (!subject) continue; // an attestation of something that is not in this index
    const text = byDigest.get(attestation.descriptor.digest)!.text;
    referrers.push(...referrerManifests(text, subject.descriptor, subject.platform, options.created));
  }

  let storage: ReferrerStorage = 'referrers-api';
  if (referrers.length > 0) {
    storage = await pushReferrers(registry, repository, referrers, log);
    log(
      `Pushed ${referrers.length} attestation${referrers.length === 1 ? '' : 's'} beside the image (${describe(referrers)}), ` +
        (storage === 'referrers-api'
          ? "found with the registry's referrers API."
          : 'listed under the referrers tag sha256-<platform digest>: this registry has no referrers API.'),
    );
  }

  let manifest: Manifest;
  if (single) {
    manifest = byDigest.get(single.descriptor.digest)!;
  } else {
    const clean = split.withoutAttestations;
    await registry.putManifest(repository, clean.digest, clean.text, clean.mediaType);
    manifest = { digest: clean.digest, text: clean.text, mediaType: clean.mediaType };
  }
  return {
    manifest,
    platforms: split.images.map((image) => ({ platform: image.platform, digest: image.descriptor.digest })),
    attestations: referrers.map(({ kind, platform, digest, predicateType }) => ({ kind, platform, digest, predicateType })),
    storage,
    buildkitIndex: pushed,
  };
}

/** An artifact manifest to push beside its subject: its bytes and digest, its descriptor for a referrers tag. */
export type Referrer = Pick<ReferrerManifest, 'digest' | 'text' | 'subject' | 'descriptor'>;

/**
 * Pushes artifact manifests (attestations, signatures) by digest beside their subjects, whose
 * layers are in the repository already: the empty config first when it is not, then each
 * manifest. A registry that answers no OCI-Subject and has no referrers API gets the referrers
 * tag (OCI distribution spec 1.1, "Pushing Manifests with Subject"). Says which it was.
 */
export async function pushReferrers(
  registry: Pick<Registry, 'hasBlob' | 'putBlob' | 'putManifest' | 'referrers' | 'getManifest'>,
  repository: string,
  referrers: Referrer[],
  log: (m: string) => void,
): Promise<ReferrerStorage> {
  if (referrers.length === 0) return 'referrers-api';
  if (!(await registry.hasBlob(repository, EMPTY_CONFIG.digest)))
    await registry.putBlob(repository, EMPTY_CONFIG.digest, EMPTY_CONFIG_BYTES);
  // One after the other: a registry that refuses artifact manifests is asked once.
  let processed = true;
  for (const r of referrers) {
    const put = await registry.putManifest(repository, r.digest, r.text, OCI_MANIFEST);
    processed &&= put.subjectProcessed;
  }
  if (processed || (await registry.referrers(repository, referrers[0]!.subject.digest)).supported) {
    return 'referrers-api';
  }
  await writeReferrersTags(registry, repository, referrers, log);
  return 'referrers-tag';
}

/**
 * A subject's referrers list: the referrers API's, or its referrers tag's where the registry has
 * no referrers API (undefined when the tag is not there either).
 */
export async function referrersOf(
  registry: Pick<Registry, 'referrers' | 'getManifest'>,
  repository: string,
  digest: string,
): Promise<{ text?: string; storage: ReferrerStorage }> {
  const answer = await registry.referrers(repository, digest);
  if (answer.supported) return { text: answer.text, storage: 'referrers-api' };
  const tagged = await registry.getManifest(repository, referrersTag(digest), [OCI_INDEX]);
  return { ...(tagged ? { text: tagged } : {}), storage: 'referrers-tag' };
}

/**
 * For a registry without the referrers API: each subject's referrers tag (sha256-<hex>) lists the
 * referrers pushed for it, beside what it listed already (OCI 1.1 distribution spec).
 */
async function writeReferrersTags(
  registry: Pick<Registry, 'getManifest' | 'putManifest'>,
  repository: string,
  referrers: Array<Pick<ReferrerManifest, 'subject' | 'descriptor'>>,
  log: (m: string) => void,
) {
  const bySubject = new Map<string, Array<Pick<ReferrerManifest, 'subject' | 'descriptor'>>>();
  for (const referrer of referrers) bySubject.set(referrer.subject.digest, [...(bySubject.get(referrer.subject.digest) ?? []), referrer]);
  for (const [subject, list] of bySubject) {
    const tag = referrersTag(subject);
    const existing = await registry.getManifest(repository, tag, [OCI_INDEX]);
    const merged = mergeReferrersIndex(
      existing,
      list.map((r) => r.descriptor),
    );
    if (merged.changed) await registry.putManifest(repository, tag, merged.text, OCI_INDEX);
    else log(`The referrers tag ${tag} already lists these attestations.`);
  }
}

/**
 * A reused image's attestations (skip-existing): the referrers API's list for each platform
 * manifest, or the referrers tag's where the registry has none.
 */
export async function discoverAttestations(
  registry: Pick<Registry, 'referrers' | 'getManifest'>,
  repository: string,
  platforms: PlatformManifest[],
): Promise<{ attestations: Attestation[]; storage: ReferrerStorage }> {
  const attestations: Attestation[] = [];
  let storage: ReferrerStorage = 'referrers-api';
  for (const platform of platforms) {
    // A registry without the referrers API says so once: the other platforms go to their tags.
    const answer = storage === 'referrers-api' ? await registry.referrers(repository, platform.digest) : undefined;
    if (answer?.supported) {
      attestations.push(...attestationsInReferrers(answer.text, platform.platform));
      continue;
    }
    storage = 'referrers-tag';
    const tagged = await registry.getManifest(repository, referrersTag(platform.digest), [OCI_INDEX]);
    if (tagged) attestations.push(...attestationsInReferrers(tagged, platform.platform));
  }
  return { attestations, storage };
}

/** attestations: index: the attestation manifests inside the image's own index, read for the report. */
export async function attestationsOfIndex(reader: ManifestReader, indexText: string): Promise<Attestation[]> {
  const split = splitIndex(indexText);
  const platformOf = new Map(split.images.map((image) => [image.descriptor.digest, image.platform]));
  const manifests = await reader.getMany(split.attestations.map((a) => a.descriptor.digest));
  return split.attestations.flatMap((attestation, i) =>
    attestationsInManifest(manifests[i]!.text, attestation.descriptor.digest, platformOf.get(attestation.subject) ?? 'unknown'),
  );
}

/** The kinds asked for that a list lacks, per platform (a reused image built without them). */
export function missingKinds(attestations: Attestation[], platforms: PlatformManifest[], wanted: AttestationKind[]): string[] {
  const missing: string[] = [];
  for (const platform of platforms) {
    for (const kind of wanted) {
      if (!attestations.some((a) => a.platform === platform.platform && a.kind === kind)) missing.push(`${kind} for ${platform.platform}`);
    }
  }
  return missing;
}

function describe(referrers: ReferrerManifest[]): string {
  const kinds = [...new Set(referrers.map((r) => r.kind))].join(' and ');
  const platforms = [...new Set(referrers.map((r) => r.platform))];
  return `${kinds} for ${platforms.length === 1 ? platforms[0] : `${platforms.length} platforms`}`;
}
