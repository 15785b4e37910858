// Image operations: DescribeImages, ListImages, BatchGetImage, PutImage.
import type { OpContext, Operation } from './context.ts';
import { EcrError, invalidParameter, missingMember, validation } from './errors.ts';
import { imageDetail, isTagImmutable, resolveKnownImage } from './images.ts';
import {
  type Input,
  imageIdOf,
  isValidDigest,
  isValidTag,
  optArray,
  optObject,
  optString,
  paginate,
  repositoryOf,
  reqString,
} from './input.ts';
import type { ImageId, ImageRecord, Repository } from './model.ts';
import { MANIFEST_TYPES, isIndexType, mediaTypeOf, sha256Digest } from './registry-client.ts';

const TAG_STATUSES = ['TAGGED', 'UNTAGGED', 'ANY'];

function tagStatusOf(input: Input): string {
  const status = optString(optObject(input, 'filter') ?? {}, 'tagStatus') ?? 'ANY';
  if (!TAG_STATUSES.includes(status)) {
    throw validation(
      `Value '${status}' at 'filter.tagStatus' failed to satisfy constraint: Member must satisfy enum value set: [${TAG_STATUSES.join(', ')}]`,
    );
  }
  return status;
}

function imageIdsOf(input: Input): ImageId[] | undefined {
  const ids = optArray(input, 'imageIds');
  if (!ids) return undefined;
  if (ids.length < 1 || ids.length > 100) {
    throw validation(`Value at 'imageIds' failed to satisfy constraint: Member must have length between 1 and 100`);
  }
  return ids.map((v, i) => imageIdOf(v, `imageIds.${i + 1}.member`));
}

/** Known images of a repository, with their current tags from the registry. */
async function knownImagesWithTags(ctx: OpContext, repo: Repository, tagStatus: string) {
  const tagsByDigest = await ctx.registry.tagsByDigest(repo.name);
  return ctx.store
    .imagesOf(repo.name)
    .map((image) => ({ image, tags: tagsByDigest.get(image.digest) ?? [] }))
    .filter(({ tags }) => tagStatus === 'ANY' || (tagStatus === 'TAGGED') === tags.length > 0);
}

const describeImages: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const ids = imageIdsOf(input);
  const tagStatus = tagStatusOf(input);
  if (ids) {
    // The images first: resolving a tag asks the registry, which also checks the tag index.
    const images: ImageRecord[] = [];
    for (const id of ids) {
      const image = await resolveKnownImage(ctx, repo, id);
      if (!images.some((seen) => seen.digest === image.digest)) images.push(image);
    }
    const tagsByDigest = await ctx.registry.tagsByDigest(repo.name);
    const imageDetails = [];
    for (const image of images) {
      const detail = await imageDetail(ctx, repo, image, tagsByDigest.get(image.digest) ?? []);
      if (detail) imageDetails.push(detail);
    }
    return { imageDetails };
  }
  const all = await knownImagesWithTags(ctx, repo, tagStatus);
  const { page, nextToken } = paginate(all, input, `DescribeImages:${repo.name}:${tagStatus}`, 100, 1000);
  const imageDetails = [];
  for (const { image, tags } of page) {
    const detail = await imageDetail(ctx, repo, image, tags);
    if (detail) imageDetails.push(detail);
  }
  return { imageDetails, ...(nextToken ? { nextToken } : {}) };
};

const listImages: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const tagStatus = tagStatusOf(input);
  const ids: ImageId[] = [];
  for (const { image, tags } of await knownImagesWithTags(ctx, repo, tagStatus)) {
    if (tags.length === 0) ids.push({ imageDigest: image.digest });
    for (const tag of tags) ids.push({ imageDigest: image.digest, imageTag: tag });
  }
  const { page, nextToken } = paginate(ids, input, `ListImages:${repo.name}:${tagStatus}`, 100, 1000);
  return { imageIds: page, ...(nextToken ? { nextToken } : {}) };
};

/** BatchGetImage reads the registry directly, like `docker pull` would. */
const batchGetImage: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const ids = imageIdsOf(input);
  if (!ids) throw missingMember('imageIds');
  const accepted = optArray(input, 'acceptedMediaTypes')?.map(String);
  const images = [];
  const failures: { imageId: ImageId; failureCode: string; failureReason: string }[] = [];
  const fail = (imageId: ImageId, failureCode: string, failureReason: string) => failures.push({ imageId, failureCode, failureReason });
  for (const id of ids) {
    if (id.imageDigest === undefined && id.imageTag === undefined) {
      fail(id, 'MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null');
      continue;
    }
    if (id.imageDigest !== undefined && !isValidDigest(id.imageDigest)) {
      fail(id, 'InvalidImageDigest', 'Invalid request parameters: image digest should satisfy the regex');
      continue;
    }
    if (id.imageTag !== undefined && !isValidTag(id.imageTag)) {
      fail(id, 'InvalidImageTag', 'Invalid request parameters: image tag should satisfy the regex');
      continue;
    }
    const manifest = await ctx.registry.getManifest(repo.name, id.imageTag ?? id.imageDigest!);
    if (!manifest) {
      fail(id, 'ImageNotFound', 'Requested image not found');
      continue;
    }
    if (id.imageDigest !== undefined && id.imageTag !== undefined && manifest.digest !== id.imageDigest) {
      fail(id, 'ImageTagDoesNotMatchDigest', 'Invalid request parameters: image tag digest mismatch');
      continue;
    }
    if (accepted && !accepted.includes(manifest.mediaType)) {
      fail(id, 'ImageNotFound', `Requested image not found: its manifest media type ${manifest.mediaType} is not in acceptedMediaTypes`);
      continue;
    }
    images.push({
      registryId: repo.registryId,
      repositoryName: repo.name,
      imageId: { imageDigest: manifest.digest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
      imageManifest: manifest.bytes.toString('utf8'),
      imageManifestMediaType: manifest.mediaType,
    });
  }
  return { images, failures };
};

/** PutImage writes the exact manifest bytes into the registry (under the tag, if any). */
const putImage: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const text = reqString(input, 'imageManifest');
  const bytes = Buffer.from(text, 'utf8');
  const digest = sha256Digest(bytes);
  const givenDigest = optString(input, 'imageDigest');
  if (givenDigest !== undefined && givenDigest !== digest) {
    throw new EcrError(
      'ImageDigestDoesNotMatchException',
      `The image digest '${givenDigest}' does not match the digest '${digest}' that Amazon ECR calculated for the image.`,
    );
  }
  const mediaType = optString(input, 'imageManifestMediaType') ?? mediaTypeOf(bytes);
  if (!MANIFEST_TYPES.includes(mediaType)) {
    throw invalidParameter('imageManifestMediaType', `Invalid media type '${mediaType}'`);
  }
  const tag = optString(input, 'imageTag');
  if (tag !== undefined && !isValidTag(tag)) {
    throw invalidParameter('imageTag', `Invalid tag '${tag}'`);
  }
  const id: ImageId = { imageDigest: digest, ...(tag !== undefined ? { imageTag: tag } : {}) };

  if (tag !== undefined) {
    const current = await ctx.registry.resolveTag(repo.name, tag);
    if (current === digest) throw imageAlreadyExists(repo, digest, tag);
    if (current !== undefined && isTagImmutable(repo, tag)) {
      throw new EcrError(
        'ImageTagAlreadyExistsException',
        `The image tag '${tag}' already exists in the '${repo.name}' repository and cannot be overwritten because the repository is immutable.`,
      );
    }
  } else if (await ctx.registry.getManifest(repo.name, digest)) {
    throw imageAlreadyExists(repo, digest, undefined);
  }

  const put = await ctx.registry.putManifest(repo.name, tag ?? digest, bytes, mediaType);
  if (!put.ok) {
    const codes = put.errors.map((e) => e.code);
    const detail = put.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
    if (codes.some((c) => c === 'MANIFEST_BLOB_UNKNOWN' || c === 'BLOB_UNKNOWN')) {
      throw isIndexType(mediaType)
        ? new EcrError(
            'ReferencedImagesNotFoundException',
            `The manifest list references images that do not exist in the repository: ${detail}`,
          )
        : new EcrError('LayersNotFoundException', `The image references layers that are not in the repository: ${detail}`);
    }
    if (put.status >= 400 && put.status < 500) throw invalidParameter('imageManifest', `Invalid manifest: ${detail}`);
    throw new EcrError('ServerException', `Registry PUT failed (HTTP ${put.status}): ${detail}`, 500);
  }
  // ECR knows the image at once; the registry's push notification follows and is logged.
  const image: ImageRecord = ctx.store.recordImage(repo.name, digest, mediaType, ctx.now);
  return {
    image: {
      registryId: repo.registryId,
      repositoryName: repo.name,
      imageId: id,
      imageManifest: text,
      imageManifestMediaType: image.mediaType,
    },
  };
};

function imageAlreadyExists(repo: Repository, digest: string, tag: string | undefined): EcrError {
  return new EcrError(
    'ImageAlreadyExistsException',
    `Image with digest '${digest}' and tag '${tag ?? 'null'}' already exists in the repository with name '${repo.name}' in registry with id '${repo.registryId}'`,
  );
}

export const imageOperations: Record<string, Operation> = {
  DescribeImages: describeImages,
  ListImages: listImages,
  BatchGetImage: batchGetImage,
  PutImage: putImage,
};
