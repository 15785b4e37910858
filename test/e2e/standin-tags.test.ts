// The ECR stand-in's view of tags: it keeps an index of the registry's tags between calls (one
// full read per repository, not a HEAD per tag on every DescribeImages), so that index must follow
// every way a tag changes: a push by tag, a push moving a tag, PutImage, a manifest deleted in the
// registry, and a change whose notification never came.
import { describe, expect, test } from '@jest/globals';
import { DescribeImagesCommand, ECRClient, ListImagesCommand, PutImageCommand, type ImageIdentifier } from '@aws-sdk/client-ecr';
import { createHash, randomUUID } from 'node:crypto';
import { putRepository, registryPassword, stackEnv, uniqueRepository } from './stack.js';
import { waitUntil } from './faults-support.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

function client(): ECRClient {
  const stack = stackEnv();
  return new ECRClient({
    region: stack.AWS_REGION,
    endpoint: stack.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
  });
}

function registry(pathname: string, init: RequestInit = {}): Promise<Response> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const url = pathname.startsWith('http') ? pathname : `http://${stackEnv().REGISTRY}${pathname}`;
  return fetch(url, { ...init, redirect: 'manual', headers: { Authorization: `Basic ${auth}`, ...(init.headers ?? {}) } });
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** An image with no layers and a config of its own, its manifest not yet pushed. */
async function newImage(repository: string): Promise<{ digest: string; bytes: Buffer }> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { id: randomUUID() } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const started = await registry(`/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  expect(started.status).toBe(202);
  const location = new URL(started.headers.get('location') ?? '', `http://${stackEnv().REGISTRY}`);
  location.searchParams.set('digest', sha256(config));
  const put = await registry(location.toString(), { method: 'PUT', body: config, headers: { 'content-type': 'application/octet-stream' } });
  expect(put.status).toBe(201);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [],
    }),
  );
  return { digest: sha256(bytes), bytes };
}

async function pushTag(repository: string, tag: string, image: { bytes: Buffer }): Promise<void> {
  const res = await registry(`/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: image.bytes,
    headers: { 'content-type': OCI_MANIFEST },
  });
  expect(res.status).toBe(201);
}

/** The tags DescribeImages gives the image, or undefined when it answers ImageNotFoundException. */
async function tagsOf(repository: string, imageId: ImageIdentifier): Promise<string[] | undefined> {
  try {
    const out = await client().send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [imageId] }));
    return [...(out.imageDetails?.[0]?.imageTags ?? [])].sort();
  } catch (error) {
    if (error instanceof Error && error.name === 'ImageNotFoundException') return undefined;
    throw error;
  }
}

/** Until DescribeImages gives `expected` (the registry's notifications arrive a little after the write). */
async function expectTags(repository: string, imageId: ImageIdentifier, expected: string[] | undefined): Promise<void> {
  let last: string[] | undefined;
  await waitUntil(
    `DescribeImages ${JSON.stringify(imageId)} → ${JSON.stringify(expected)} (last ${JSON.stringify(last)})`,
    async () => JSON.stringify((last = await tagsOf(repository, imageId))) === JSON.stringify(expected),
    10_000,
    50,
  );
  expect(last).toEqual(expected);
}

describe('ECR stand-in: DescribeImages tags follow the registry', () => {
  test('a push, a tag moved by a push, PutImage, a manifest deleted in the registry', async () => {
    const repository = uniqueRepository('standin-tags');
    await putRepository(repository, { imageTagMutability: 'MUTABLE' });
    const a = await newImage(repository);
    const b = await newImage(repository);

    await pushTag(repository, 'one', a);
    await expectTags(repository, { imageTag: 'one' }, ['one']);
    // The index is read now; from here on every change goes through it.
    await pushTag(repository, 'two', b);
    await expectTags(repository, { imageTag: 'two' }, ['two']);
    expect(await tagsOf(repository, { imageDigest: a.digest })).toEqual(['one']);

    // `two` moves from b to a: b is left with no tag.
    await pushTag(repository, 'two', a);
    await expectTags(repository, { imageDigest: a.digest }, ['one', 'two']);
    expect(await tagsOf(repository, { imageDigest: b.digest })).toEqual([]);

    // PutImage writes through the stand-in: seen at once, no notification needed.
    await client().send(
      new PutImageCommand({
        repositoryName: repository,
        imageTag: 'three',
        imageManifest: b.bytes.toString('utf8'),
        imageManifestMediaType: OCI_MANIFEST,
      }),
    );
    expect(await tagsOf(repository, { imageDigest: b.digest })).toEqual(['three']);

    // Deleting a's manifest in the registry removes its tags (and ECR forgets the image).
    const deleted = await registry(`/v2/${repository}/manifests/${a.digest}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    await expectTags(repository, { imageTag: 'one' }, undefined);
    expect(await tagsOf(repository, { imageDigest: b.digest })).toEqual(['three']);
  }, 60_000);

  test('a tag asked for by name is right at once after a push, before its notification is in', async () => {
    const repository = uniqueRepository('standin-tags');
    await putRepository(repository, { imageTagMutability: 'MUTABLE' });
    const a = await newImage(repository);
    const b = await newImage(repository);
    await pushTag(repository, 'one', a);
    await pushTag(repository, 'keep', b);
    await expectTags(repository, { imageTag: 'one' }, ['one']);
    await expectTags(repository, { imageTag: 'keep' }, ['keep']);

    // Resolving a tag asks the registry, and an index that disagrees with it is dropped: so a
    // notification that is late (or lost with a registry restart) leaves no stale tag behind.
    await pushTag(repository, 'one', b);
    expect(await tagsOf(repository, { imageTag: 'one' })).toEqual(['keep', 'one']);
    expect(await tagsOf(repository, { imageDigest: a.digest })).toEqual([]);
  }, 60_000);
});

describe('ECR stand-in: a late answer tells what was true when the call arrived', () => {
  test('hangMs with after: ListImages answered late does not see a tag written meanwhile; the next one does', async () => {
    const repository = uniqueRepository('standin-late');
    await putRepository(repository, {
      imageTagMutability: 'MUTABLE',
      scenario: { hangMs: { operations: ['ListImages'], count: 1, ms: 1500, after: true } },
    });
    const a = await newImage(repository);
    await pushTag(repository, 'one', a);
    await expectTags(repository, { imageTag: 'one' }, ['one']);

    const tags = async () =>
      ((await client().send(new ListImagesCommand({ repositoryName: repository }))).imageIds ?? []).map((id) => id.imageTag).sort();
    const started = Date.now();
    const late = tags();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Written while the first ListImages is on its way back.
    await client().send(
      new PutImageCommand({
        repositoryName: repository,
        imageTag: 'two',
        imageManifest: a.bytes.toString('utf8'),
        imageManifestMediaType: OCI_MANIFEST,
      }),
    );
    expect(await late).toEqual(['one']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await tags()).toEqual(['one', 'two']);
  }, 60_000);
});
