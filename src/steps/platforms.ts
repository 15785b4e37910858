// Phase: each candidate's platform manifests (what ECR scans: never an index) and its manifest
// (the one ECR serves under the digest), which promotion copies under the other tags. An index
// is read at once (its entries are the platforms); a single-platform image that buildx described
// (digest, media type, platform) is not read until a promotion needs it, which most runs (a
// branch push, a pull request) do not.
import { getManifest, type Manifest } from '../ecr/images.js';
import { isIndex, platformManifests, type PlatformManifest } from '../shared/manifest.js';
import type { ImageRun, Session } from './types.js';

export async function resolvePlatforms(session: Session, images: ImageRun[]): Promise<void> {
  await Promise.all(
    images.map(async (image) => {
      const resolved = await platformsOf(session, image);
      image.manifest = resolved.manifest;
      image.platforms = resolved.platforms;
    }),
  );
}

async function platformsOf(
  session: Session,
  image: ImageRun,
): Promise<{ manifest: () => Promise<Manifest>; platforms: PlatformManifest[] }> {
  const { client, builder } = session;
  const { candidate, ref, spec } = image;
  if (!candidate) throw new Error(`internal: ${spec.name} has no candidate image`);
  if (candidate.attested) {
    const { manifest, platforms } = candidate.attested;
    return { manifest: () => Promise.resolve(manifest), platforms };
  }
  // A single manifest needs its platform named. buildx says it for what it pushed; for a reused
  // image (skip-existing) only the builder's default can, so it is asked alongside the read.
  const named = spec.platforms.length === 1 ? spec.platforms[0] : candidate.platform;
  const known = candidate.mediaType !== undefined && !isIndex(candidate.mediaType, {});
  if (known && named !== undefined && !candidate.reused) {
    let read: Promise<Manifest> | undefined;
    return {
      manifest: () => (read ??= getManifest(client, ref, candidate.digest)),
      platforms: [{ platform: named, digest: candidate.digest }],
    };
  }
  const early = named === undefined && (known || candidate.mediaType === undefined) ? builder.platform() : undefined;
  const manifest = await getManifest(client, ref, candidate.digest);
  const mediaType = manifest.mediaType ?? candidate.mediaType;
  const single = isIndex(mediaType, JSON.parse(manifest.text) as { manifests?: unknown })
    ? 'unknown'
    : (named ?? (await (early ?? builder.platform())));
  return { manifest: () => Promise.resolve(manifest), platforms: platformManifests(candidate.digest, manifest.text, mediaType, single) };
}
