// Pure: buildx's --metadata-file → the pushed digest and media type.
import { toMessage } from '../util/errors.js';

export interface BuildResult {
  /** Digest of the pushed manifest or index. */
  digest: string;
  mediaType?: string;
  /** The platform of a single-platform image, when the builder says (the docker driver does not). */
  platform?: string;
  /** The metadata as buildx wrote it (its provenance and build checks, when asked for: the policy reads them). */
  raw: Record<string, unknown>;
}

export function parseBuildMetadata(text: string): BuildResult {
  let data: Record<string, unknown>;
  try {
    data = (JSON.parse(text) ?? {}) as Record<string, unknown>;
  } catch {
    throw new Error('buildx wrote a metadata file that is not JSON.');
  }
  const descriptor = data['containerimage.descriptor'] as
    { digest?: unknown; mediaType?: unknown; platform?: { os?: unknown; architecture?: unknown; variant?: unknown } } | undefined;
  const digest = data['containerimage.digest'] ?? descriptor?.digest;
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new Error('buildx wrote no image digest (containerimage.digest) in its metadata file.');
  }
  const mediaType = typeof descriptor?.mediaType === 'string' ? descriptor.mediaType : undefined;
  const platform = descriptor?.platform;
  const platformName =
    typeof platform?.os === 'string' && typeof platform.architecture === 'string'
      ? [platform.os, platform.architecture, typeof platform.variant === 'string' ? platform.variant : undefined].filter(Boolean).join('/')
      : undefined;
  return { digest, mediaType, platform: platformName, raw: data };
}

/**
 * `docker buildx bake`'s --metadata-file: one build's metadata per target, keyed by the target's
 * name → each target's result, read as a single build's is.
 */
export function parseBakeMetadata(text: string, targets: string[]): Map<string, BuildResult> {
  let data: Record<string, unknown>;
  try {
    data = (JSON.parse(text) ?? {}) as Record<string, unknown>;
  } catch {
    throw new Error('buildx bake wrote a metadata file that is not JSON.');
  }
  const results = new Map<string, BuildResult>();
  for (const target of targets) {
    const entry = data[target];
    if (entry === undefined || entry === null || typeof entry !== 'object') {
      throw new Error(`buildx bake wrote no metadata for the image "${target}".`);
    }
    try {
      results.set(target, parseBuildMetadata(JSON.stringify(entry)));
    } catch (error) {
      throw new Error(`${toMessage(error).replace(/\.$/, '')} for the image "${target}".`, { cause: error });
    }
  }
  return results;
}
