// Pure: a manifest or index (as BatchGetImage returns it) → its platform manifests.
// Attestation manifests (buildx provenance/SBOM) are skipped: they are not images to scan.

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;
export const INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
] as const;
export const ACCEPTED_MEDIA_TYPES = [...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES];

/**
 * The config media type of BuildKit's registry cache (cache: ecr, image-manifest=true): an OCI
 * image manifest that is not an image. DescribeImages reports it as `artifactMediaType`.
 */
export const CACHE_CONFIG_MEDIA_TYPE = 'application/vnd.buildkit.cacheconfig.v0';

export function isCacheArtifact(artifactMediaType: string | undefined): boolean {
  return artifactMediaType === CACHE_CONFIG_MEDIA_TYPE;
}

export interface PlatformManifest {
  platform: string;
  digest: string;
}

interface Descriptor {
  mediaType?: string;
  digest?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export function isIndex(mediaType: string | undefined, manifest: { manifests?: unknown }): boolean {
  if (mediaType && (INDEX_MEDIA_TYPES as readonly string[]).includes(mediaType)) return true;
  return Array.isArray(manifest.manifests);
}

export function platformName(platform: Descriptor['platform']): string {
  const part = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const os = part(platform?.os);
  const architecture = part(platform?.architecture);
  if (!os || !architecture) return 'unknown';
  return [os, architecture, part(platform?.variant)].filter(Boolean).join('/');
}

/**
 * Platform manifests of an image. For a single manifest, `singlePlatform` names its platform
 * (what was built); an index names its own.
 */
export function platformManifests(
  digest: string,
  manifestText: string,
  mediaType: string | undefined,
  singlePlatform: string,
): PlatformManifest[] {
  const manifest = JSON.parse(manifestText) as { mediaType?: string; manifests?: Descriptor[] };
  if (!isIndex(mediaType ?? manifest.mediaType, manifest)) return [{ platform: singlePlatform, digest }];
  const result: PlatformManifest[] = [];
  // ECR returns what was pushed: skip (never crash on) entries that are not descriptors.
  for (const entry of Array.isArray(manifest.manifests) ? (manifest.manifests as unknown[]) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const descriptor = entry as Descriptor;
    if (typeof descriptor.digest !== 'string' || descriptor.digest === '') continue;
    if (descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    const platform = platformName(descriptor.platform);
    if (platform === 'unknown' || /^unknown\/unknown(?:\/|$)/.test(platform)) continue;
    result.push({ platform, digest: descriptor.digest });
  }
  return result;
}

export function platformDigestsObject(manifests: PlatformManifest[]): Record<string, string> {
  return Object.fromEntries(manifests.map((m) => [m.platform, m.digest]));
}
