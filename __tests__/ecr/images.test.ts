import { describe, expect, test } from '@jest/globals';
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  ImageAlreadyExistsException,
  ImageNotFoundException,
  ImageTagAlreadyExistsException,
  ListImagesCommand,
  PutImageCommand,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { FakeEcrClient, awsError } from '../../__fixtures__/ecr-client.js';
import { digestOf, manifestText } from '../../__fixtures__/manifests/index.js';
import { fakeRetrySeams } from '../../__fixtures__/retry.js';
import { findImageByTag, getManifest, listTags, putTag, type Manifest } from '../../src/ecr/images.js';
import { ACCEPTED_MEDIA_TYPES } from '../../src/shared/manifest.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const REF = { repositoryName: 'mlops/retail-api', registryId: '123456789012' };
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

describe('findImageByTag', () => {
  test('found: digest, media type and tags', async () => {
    const fake = new FakeEcrClient().on(DescribeImagesCommand, () => ({
      imageDetails: [
        {
          registryId: '123456789012',
          repositoryName: 'mlops/retail-api',
          imageDigest: digestOf('9'),
          imageTags: [SHA, '1.4.0'],
          imageManifestMediaType: OCI_INDEX,
          imagePushedAt: new Date('2025-03-14T09:30:00Z'),
        },
      ],
    }));
    await expect(findImageByTag(fake.client, REF, SHA)).resolves.toEqual({
      digest: digestOf('9'),
      mediaType: OCI_INDEX,
      tags: [SHA, '1.4.0'],
    });
    expect(fake.inputsOf(DescribeImagesCommand)).toEqual([
      { repositoryName: 'mlops/retail-api', registryId: '123456789012', imageIds: [{ imageTag: SHA }] },
    ]);
  });

  test('found without tags or media type', async () => {
    const fake = new FakeEcrClient().on(DescribeImagesCommand, () => ({ imageDetails: [{ imageDigest: digestOf('9') }] }));
    await expect(findImageByTag(fake.client, REF, SHA)).resolves.toEqual({ digest: digestOf('9'), mediaType: undefined, tags: [] });
  });

  test.each<[string, FakeEcrClient]>([
    [
      'ImageNotFoundException',
      new FakeEcrClient().on(DescribeImagesCommand, () => {
        throw awsError(
          ImageNotFoundException,
          `The image with imageId {imageDigest:'null', imageTag:'${SHA}'} does not exist within the repository`,
        );
      }),
    ],
    ['no details', new FakeEcrClient().on(DescribeImagesCommand, () => ({ imageDetails: [] }))],
    ['a detail without a digest', new FakeEcrClient().on(DescribeImagesCommand, () => ({ imageDetails: [{ imageTags: [SHA] }] }))],
    [
      'a build cache (cache: ecr) under the tag',
      new FakeEcrClient().on(DescribeImagesCommand, () => ({
        imageDetails: [
          {
            imageDigest: digestOf('c'),
            imageTags: [SHA],
            imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
            artifactMediaType: 'application/vnd.buildkit.cacheconfig.v0',
          },
        ],
      })),
    ],
  ])('not found (%s) → undefined', async (_name, fake) => {
    await expect(findImageByTag(fake.client, REF, SHA)).resolves.toBeUndefined();
  });

  test('other errors pass through', async () => {
    const fake = new FakeEcrClient().on(DescribeImagesCommand, () => {
      throw awsError(RepositoryNotFoundException, 'The repository does not exist');
    });
    await expect(findImageByTag(fake.client, REF, SHA)).rejects.toThrow(new Error('The repository does not exist'));
  });
});

describe('getManifest', () => {
  test('reads the manifest by digest, accepting every manifest and index type', async () => {
    const text = manifestText('oci-index');
    const fake = new FakeEcrClient().on(BatchGetImageCommand, () => ({
      images: [
        {
          registryId: '123456789012',
          repositoryName: 'mlops/retail-api',
          imageId: { imageDigest: digestOf('9') },
          imageManifest: text,
          imageManifestMediaType: OCI_INDEX,
        },
      ],
      failures: [],
    }));
    await expect(getManifest(fake.client, REF, digestOf('9'))).resolves.toEqual({ digest: digestOf('9'), text, mediaType: OCI_INDEX });
    expect(fake.inputsOf(BatchGetImageCommand)).toEqual([
      {
        repositoryName: 'mlops/retail-api',
        registryId: '123456789012',
        imageIds: [{ imageDigest: digestOf('9') }],
        acceptedMediaTypes: [
          'application/vnd.oci.image.manifest.v1+json',
          'application/vnd.docker.distribution.manifest.v2+json',
          'application/vnd.oci.image.index.v1+json',
          'application/vnd.docker.distribution.manifest.list.v2+json',
        ],
      },
    ]);
    expect(ACCEPTED_MEDIA_TYPES).toHaveLength(4);
  });

  test.each<[string, object, string]>([
    [
      'a failure with a reason',
      {
        images: [],
        failures: [{ imageId: { imageDigest: digestOf('9') }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }],
      },
      `BatchGetImage found no manifest ${digestOf('9')} in mlops/retail-api: ImageNotFound Requested image not found.`,
    ],
    [
      'a failure without a reason',
      { images: [], failures: [{ failureCode: 'UnsupportedImageType' }] },
      `BatchGetImage found no manifest ${digestOf('9')} in mlops/retail-api: UnsupportedImageType.`,
    ],
    ['nothing at all', {}, `BatchGetImage found no manifest ${digestOf('9')} in mlops/retail-api.`],
    [
      'an image without a manifest',
      { images: [{ imageId: { imageDigest: digestOf('9') } }] },
      `BatchGetImage found no manifest ${digestOf('9')} in mlops/retail-api.`,
    ],
  ])('%s is an error naming the digest and repository', async (_name, response, message) => {
    const fake = new FakeEcrClient().on(BatchGetImageCommand, () => response);
    await expect(getManifest(fake.client, REF, digestOf('9'))).rejects.toThrow(new Error(message));
  });
});

describe('putTag', () => {
  const MANIFEST: Manifest = { digest: digestOf('9'), text: manifestText('oci-index'), mediaType: OCI_INDEX };

  test('copies the manifest under the tag (PutImage), not a push', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, (input) => ({
      image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } },
    }));
    await expect(putTag(fake.client, REF, MANIFEST, '1.4.0')).resolves.toBe('written');
    expect(fake.inputsOf(PutImageCommand)).toEqual([
      {
        repositoryName: 'mlops/retail-api',
        registryId: '123456789012',
        imageManifest: MANIFEST.text,
        imageManifestMediaType: OCI_INDEX,
        imageDigest: digestOf('9'),
        imageTag: '1.4.0',
      },
    ]);
  });

  test('ImageAlreadyExistsException (the tag is already on this manifest) → unchanged', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, () => {
      throw awsError(ImageAlreadyExistsException, "Image with digest '…' and tag '1.4.0' already exists in the repository");
    });
    await expect(putTag(fake.client, REF, MANIFEST, '1.4.0')).resolves.toBe('unchanged');
  });

  test('ImageTagAlreadyExistsException (immutable tag on another image) passes through', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, () => {
      throw awsError(
        ImageTagAlreadyExistsException,
        "The image tag 'latest' already exists in the 'mlops/retail-api' repository and cannot be overwritten because the tag is immutable.",
      );
    });
    await expect(putTag(fake.client, REF, MANIFEST, 'latest')).rejects.toThrow(
      "The image tag 'latest' already exists in the 'mlops/retail-api' repository and cannot be overwritten because the tag is immutable.",
    );
  });
});

describe('putTag: retries', () => {
  const MANIFEST: Manifest = { digest: digestOf('9'), text: manifestText('oci-index'), mediaType: OCI_INDEX };
  const serverError = () =>
    Object.assign(new Error('Internal service error'), { name: 'ServerException', $fault: 'server', $metadata: { httpStatusCode: 500 } });

  test('a 500, then success: written, one warning naming the tag and the cause', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, (_input, call) => {
      if (call === 0) throw serverError();
      return {};
    });
    const seams = fakeRetrySeams();
    await expect(putTag(fake.client, REF, MANIFEST, '1.4.0', seams)).resolves.toBe('written');
    expect(fake.inputsOf(PutImageCommand)).toHaveLength(2);
    expect(seams.warnings).toEqual([
      'ECR PutImage mlops/retail-api:1.4.0: attempt 1 of 3 failed (ServerException, HTTP 500); retrying in 5 s.',
    ]);
  });

  test('an attempt whose answer was lost: the next one finds the tag already there → unchanged', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, (_input, call) => {
      if (call === 0) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} });
      throw awsError(ImageAlreadyExistsException, 'already exists');
    });
    await expect(putTag(fake.client, REF, MANIFEST, '1.4.0', fakeRetrySeams())).resolves.toBe('unchanged');
  });

  test('an immutable tag fails on the first attempt', async () => {
    const fake = new FakeEcrClient().on(PutImageCommand, () => {
      throw awsError(ImageTagAlreadyExistsException, 'immutable');
    });
    const seams = fakeRetrySeams();
    await expect(putTag(fake.client, REF, MANIFEST, 'latest', seams)).rejects.toThrow('immutable');
    expect(fake.inputsOf(PutImageCommand)).toHaveLength(1);
    expect(seams.warnings).toEqual([]);
  });
});

describe('listTags', () => {
  test('follows nextToken through every page', async () => {
    const pages: Record<string, object> = {
      first: {
        imageIds: [
          { imageDigest: digestOf('1'), imageTag: '1.2.3' },
          { imageDigest: digestOf('1'), imageTag: '1.2' },
        ],
        nextToken: 'page-2',
      },
      'page-2': {
        imageIds: [{ imageDigest: digestOf('2'), imageTag: '1.3.0' }, { imageDigest: digestOf('3') }],
        nextToken: 'page-3',
      },
      'page-3': { imageIds: [{ imageDigest: digestOf('2'), imageTag: 'latest' }, { imageTag: 'no-digest' }] },
    };
    const fake = new FakeEcrClient().on(ListImagesCommand, (input) => pages[input.nextToken ?? 'first']);
    const tags = await listTags(fake.client, REF);
    expect([...tags]).toEqual([
      ['1.2.3', digestOf('1')],
      ['1.2', digestOf('1')],
      ['1.3.0', digestOf('2')],
      ['latest', digestOf('2')],
    ]);
    const page = { repositoryName: 'mlops/retail-api', registryId: '123456789012', filter: { tagStatus: 'TAGGED' }, maxResults: 1000 };
    expect(fake.inputsOf(ListImagesCommand)).toEqual([
      { ...page, nextToken: undefined },
      { ...page, nextToken: 'page-2' },
      { ...page, nextToken: 'page-3' },
    ]);
  });

  test('an empty repository', async () => {
    const fake = new FakeEcrClient().on(ListImagesCommand, () => ({ imageIds: [] }));
    await expect(listTags(fake.client, REF)).resolves.toEqual(new Map());
    expect(fake.commandNames()).toEqual(['ListImagesCommand']);
  });
});
