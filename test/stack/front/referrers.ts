// The OCI 1.1 referrers API, as Amazon ECR serves it, over what distribution 2.8 (which has no
// such API) keeps on its filesystem storage. ECR implements the distribution spec's referrers
// API as written, so the spec is the behaviour to match:
//   https://docs.aws.amazon.com/AmazonECR/latest/userguide/images.html ("With Amazon ECR support
//     for OCI v1.1 ... reference artifacts that are defined by the OCI Referrers API")
//   https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-artifact-delete.html (oras discover)
//   https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-ecr-oci-image-distribution-version-1-1/
//   https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers
//     (200 with an image index, also for a subject with no referrers; artifactType from the
//     manifest, else its config's mediaType, omitted for an index without one; the manifest's
//     annotations; `?artifactType=` filter answered with `OCI-Filters-Applied: artifactType`;
//     400 for a malformed digest) and #pushing-manifests-with-subject (`OCI-Subject`).
//
// Storage layout (distribution's filesystem driver, under the registry's root directory):
//   docker/registry/v2/repositories/<name>/_manifests/revisions/sha256/<hex>/link
//     one per manifest in the repository (the link is gone once the manifest is deleted)
//   docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data   the manifest's bytes
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isObject } from '../common/http.ts';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** A repository name as the distribution spec allows it (also keeps paths inside the storage). */
const REPOSITORY_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** The digests the registry can hold; anything else is a malformed request (400). */
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;

export function isRepositoryName(name: string): boolean {
  return name.length <= 255 && REPOSITORY_NAME.test(name);
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** One entry of the referrers index. */
export interface ReferrerDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** What the referrers API needs of a stored manifest. */
export interface DescribedManifest {
  descriptor: ReferrerDescriptor;
  /** `subject.digest`, when the manifest has a valid one. */
  subject?: string;
}

/** The subject digest of a manifest's bytes, or undefined (no subject, or not a manifest). */
export function subjectDigest(bytes: Buffer): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  return isObject(json) ? subjectOf(json) : undefined;
}

function subjectOf(json: Record<string, unknown>): string | undefined {
  const subject = json.subject;
  return isObject(subject) && typeof subject.digest === 'string' && isDigest(subject.digest) ? subject.digest : undefined;
}

/** A stored manifest's descriptor as the referrers API lists it; undefined if it is not JSON. */
export function describeManifest(digest: string, bytes: Buffer): DescribedManifest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const isIndex = Array.isArray(json.manifests);
  const mediaType = typeof json.mediaType === 'string' && json.mediaType !== '' ? json.mediaType : isIndex ? OCI_INDEX : OCI_MANIFEST;
  const descriptor: ReferrerDescriptor = { mediaType, digest, size: bytes.length };
  const config = json.config;
  if (typeof json.artifactType === 'string' && json.artifactType !== '') descriptor.artifactType = json.artifactType;
  else if (isObject(config) && typeof config.mediaType === 'string') descriptor.artifactType = config.mediaType;
  const annotations = json.annotations;
  if (isObject(annotations) && Object.keys(annotations).length > 0) {
    descriptor.annotations = Object.fromEntries(Object.entries(annotations).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >;
  }
  return { descriptor, subject: subjectOf(json) };
}

/** The image index the referrers API answers with. */
export function referrersIndex(manifests: ReferrerDescriptor[]): { schemaVersion: 2; mediaType: string; manifests: ReferrerDescriptor[] } {
  return { schemaVersion: 2, mediaType: OCI_INDEX, manifests };
}

/** Referrers read from the registry's storage; parsed manifests cached by digest (immutable). */
export class StoredReferrers {
  private readonly v2: string;
  /** null: the blob is not a manifest the API can describe. */
  private readonly parsed = new Map<string, DescribedManifest | null>();

  constructor(rootDirectory: string) {
    this.v2 = path.join(rootDirectory, 'docker', 'registry', 'v2');
  }

  /**
   * The manifests in `repository` whose subject is `digest` (sorted by digest), filtered to the
   * given artifact types when there are any. An unknown repository or subject has none.
   * `repository` must have passed isRepositoryName.
   */
  async list(repository: string, digest: string, artifactTypes: string[] = []): Promise<ReferrerDescriptor[]> {
    // Manifests are addressed by their sha256 (the registry's canonical digest).
    const revisions = path.join(this.v2, 'repositories', repository, '_manifests', 'revisions', 'sha256');
    let entries: string[];
    try {
      entries = await readdir(revisions);
    } catch {
      return [];
    }
    const found = await Promise.all(entries.filter((hex) => SHA256_HEX.test(hex)).map((hex) => this.manifest(revisions, hex)));
    return found
      .filter((m): m is DescribedManifest => m !== undefined && m.subject === digest)
      .map((m) => m.descriptor)
      .filter((d) => artifactTypes.length === 0 || (d.artifactType !== undefined && artifactTypes.includes(d.artifactType)))
      .sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  }

  /** A manifest the repository still links (not deleted) and whose bytes are still stored. */
  private async manifest(revisions: string, hex: string): Promise<DescribedManifest | undefined> {
    const digest = `sha256:${hex}`;
    try {
      // A deleted manifest leaves its revision directory behind, without the link.
      if ((await readFile(path.join(revisions, hex, 'link'), 'utf8')).trim() !== digest) return undefined;
    } catch {
      return undefined;
    }
    const cached = this.parsed.get(digest);
    if (cached !== undefined) return cached ?? undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.v2, 'blobs', 'sha256', hex.slice(0, 2), hex, 'data'));
    } catch {
      return undefined; // garbage-collected, or mid-write: not cached, it may be pushed again
    }
    const described = describeManifest(digest, bytes) ?? null;
    this.parsed.set(digest, described);
    return described ?? undefined;
  }
}
