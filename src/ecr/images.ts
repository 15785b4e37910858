// Images in the repository: look up a tag, read a manifest, copy a manifest under a new tag,
// list tags. Thin wrappers: the client is passed in.
import { BatchGetImageCommand, DescribeImagesCommand, ListImagesCommand, PutImageCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { ACCEPTED_MEDIA_TYPES, isCacheArtifact } from '../shared/manifest.js';
import { errorName } from '../util/errors.js';
import { withRetry, type RetrySeams } from '../util/retry.js';
import { actionRetrySeams } from '../util/retry-defaults.js';
import { awsTransientCause } from '../util/transient.js';

type Client = Pick<ECRClient, 'send'>;

export interface ImageRef {
  repositoryName: string;
  registryId?: string;
}

export interface ExistingImage {
  digest: string;
  mediaType?: string;
  tags: string[];
}

export async function findImageByTag(client: Client, ref: ImageRef, tag: string): Promise<ExistingImage | undefined> {
  try {
    const response = await client.send(new DescribeImagesCommand({ ...ref, imageIds: [{ imageTag: tag }] }));
    const detail = response.imageDetails?.[0];
    if (!detail?.imageDigest) return undefined;
    // A build cache (cache: ecr) is never the image a tag is looked up for (skip-existing, the
    // base image): were a tag ever on one, the image is treated as absent.
    if (isCacheArtifact(detail.artifactMediaType)) return undefined;
    return { digest: detail.imageDigest, mediaType: detail.imageManifestMediaType, tags: detail.imageTags ?? [] };
  } catch (error) {
    if (errorName(error) === 'ImageNotFoundException') return undefined;
    throw error;
  }
}

export interface Manifest {
  digest: string;
  text: string;
  mediaType?: string;
}

export async function getManifest(client: Client, ref: ImageRef, digest: string): Promise<Manifest> {
  const response = await client.send(
    new BatchGetImageCommand({ ...ref, imageIds: [{ imageDigest: digest }], acceptedMediaTypes: ACCEPTED_MEDIA_TYPES }),
  );
  const image = response.images?.[0];
  if (!image?.imageManifest) {
    const failure = response.failures?.[0];
    throw new Error(
      `BatchGetImage found no manifest ${digest} in ${ref.repositoryName}${failure ? `: ${failure.failureCode} ${failure.failureReason ?? ''}`.trimEnd() : ''}.`,
    );
  }
  return { digest, text: image.imageManifest, mediaType: image.imageManifestMediaType };
}

/** The repository's manifests by digest, for the registry's own client (src/attest/push.ts). */
export function manifestReader(client: Client, ref: ImageRef) {
  return {
    repository: ref.repositoryName,
    get: (digest: string) => getManifest(client, ref, digest),
    getMany: (digests: string[]) => getManifests(client, ref, digests),
  };
}

/** Several manifests in one BatchGetImage call (at most 100), in the order asked; a missing one fails. */
export async function getManifests(client: Client, ref: ImageRef, digests: string[]): Promise<Manifest[]> {
  if (digests.length === 0) return [];
  const response = await client.send(
    new BatchGetImageCommand({
      ...ref,
      imageIds: digests.map((imageDigest) => ({ imageDigest })),
      acceptedMediaTypes: ACCEPTED_MEDIA_TYPES,
    }),
  );
  const found = new Map((response.images ?? []).map((image) => [image.imageId?.imageDigest, image]));
  return digests.map((digest) => {
    const image = found.get(digest);
    if (!image?.imageManifest) {
      const failure = response.failures?.find((f) => f.imageId?.imageDigest === digest);
      throw new Error(
        `BatchGetImage found no manifest ${digest} in ${ref.repositoryName}${failure ? `: ${failure.failureCode} ${failure.failureReason ?? ''}`.trimEnd() : ''}.`,
      );
    }
    return { digest, text: image.imageManifest, mediaType: image.imageManifestMediaType };
  });
}

/**
 * Writes `tag` on the manifest (PutImage), again after a transient error (src/util/retry.ts):
 * PutImage of the same manifest under the same tag is idempotent, and an attempt whose answer was
 * lost shows on the next one as ImageAlreadyExistsException.
 */
export async function putTag(
  client: Client,
  ref: ImageRef,
  manifest: Manifest,
  tag: string,
  seams: RetrySeams = actionRetrySeams,
): Promise<'written' | 'unchanged'> {
  const what = `ECR PutImage ${ref.repositoryName}:${tag}`;
  try {
    await withRetry({ ...seams, what, transient: awsTransientCause }, () =>
      client.send(
        new PutImageCommand({
          ...ref,
          imageManifest: manifest.text,
          imageManifestMediaType: manifest.mediaType,
          imageDigest: manifest.digest,
          imageTag: tag,
        }),
      ),
    );
    return 'written';
  } catch (error) {
    // The tag is already on this very manifest: a re-run (or a lost answer), nothing to do.
    if (errorName(error) === 'ImageAlreadyExistsException') return 'unchanged';
    throw error;
  }
}

/** Every tag in the repository with the digest it points at (all pages). */
export async function listTags(client: Client, ref: ImageRef): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListImagesCommand({ ...ref, filter: { tagStatus: 'TAGGED' }, maxResults: 1000, nextToken }));
    for (const id of page.imageIds ?? []) {
      if (id.imageTag && id.imageDigest) tags.set(id.imageTag, id.imageDigest);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return tags;
}

/**
 * The digest each tag names now, read the way a pull reads it (BatchGetImage by tag), where
 * ListImages may still show a tag where it was before its last move. A tag that is not there, or
 * whose read failed, is left out.
 */
export async function readTags(client: Client, ref: ImageRef, tags: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (tags.length === 0) return found;
  const response = await client.send(
    new BatchGetImageCommand({ ...ref, imageIds: tags.map((imageTag) => ({ imageTag })), acceptedMediaTypes: ACCEPTED_MEDIA_TYPES }),
  );
  for (const image of response.images ?? []) {
    const { imageTag, imageDigest } = image.imageId ?? {};
    if (imageTag && imageDigest) found.set(imageTag, imageDigest);
  }
  return found;
}
