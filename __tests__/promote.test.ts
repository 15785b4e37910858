import { describe, expect, test } from '@jest/globals';
import { BatchGetImageCommand, ImageTagAlreadyExistsException, ListImagesCommand, PutImageCommand } from '@aws-sdk/client-ecr';
import { promoteTags } from '../src/promote.js';
import { computeTagPlan } from '../src/tags.js';
import type { RepositoryInfo } from '../src/ecr/repository.js';
import type { Manifest } from '../src/ecr/images.js';
import { FakeEcrClient } from '../__fixtures__/ecr-client.js';

const SHA = 'b'.repeat(40);
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const DIGEST = `sha256:${'3'.repeat(64)}`;
const OLD = `sha256:${'4'.repeat(64)}`;
const MANIFEST: Manifest = { digest: DIGEST, text: '{"schemaVersion":2}', mediaType: 'application/vnd.oci.image.manifest.v1+json' };
const ref = { repositoryName: 'mlops/retail-api' };
const inputs: Parameters<typeof computeTagPlan>[1] = {
  shaTag: 'full',
  releaseTags: 'auto',
  latest: 'auto',
  tags: [],
  repository: 'mlops/retail-api',
};

function repository(tagMutability: RepositoryInfo['tagMutability']): RepositoryInfo {
  return { name: 'mlops/retail-api', registryId: '123456789012', scanOnPush: true, tagMutability, exclusions: [], created: false };
}

/** An ECR holding `existing` tags; PutImage refuses to move a tag in an immutable repository. */
function ecr(existing: Record<string, string>, immutable: boolean): FakeEcrClient {
  return new FakeEcrClient()
    .on(ListImagesCommand, () => ({ imageIds: Object.entries(existing).map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) }))
    .on(PutImageCommand, (input) => {
      if (immutable && input.imageTag && existing[input.imageTag]) {
        throw new ImageTagAlreadyExistsException({ message: `tag ${input.imageTag} exists`, $metadata: {} });
      }
      return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
    });
}

describe('promoteTags', () => {
  test('copies the manifest it is given under each tag, without reading it again', async () => {
    const fake = ecr({}, false);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, inputs, IMAGE);
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan, 'auto', MANIFEST);
    expect(result.written).toEqual(['1.2.3', '1.2', '1', 'latest']);
    expect(fake.inputsOf(BatchGetImageCommand)).toEqual([]);
    expect(fake.inputsOf(PutImageCommand).map((i) => [i.imageTag, i.imageDigest, i.imageManifest, i.imageManifestMediaType])).toEqual(
      ['1.2.3', '1.2', '1', 'latest'].map((tag) => [tag, DIGEST, MANIFEST.text, MANIFEST.mediaType]),
    );
  });

  test('an older patch release moves neither 1 nor latest', async () => {
    const fake = ecr({ '1.3.0': OLD, '1': OLD, latest: OLD }, false);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.9', prerelease: false } }, inputs, IMAGE);
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan, 'auto', MANIFEST);
    expect(result.written).toEqual(['1.2.9', '1.2']);
    expect(result.heldBack.map((h) => h.tag)).toEqual(['1', 'latest']);
  });

  test('an immutable repository: a floating tag that would move is a warning naming the exclusion filter', async () => {
    const fake = ecr({ '1.2.3': OLD, '1.2': OLD, '1': OLD, latest: OLD }, true);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.4', prerelease: false } }, inputs, IMAGE);
    const result = await promoteTags(fake.client, ref, repository('IMMUTABLE'), plan, 'auto', MANIFEST);
    expect(result.written).toEqual(['1.2.4']);
    expect(result.heldBack.map((h) => h.tag)).toEqual(['1.2', '1', 'latest']);
    expect(result.warnings[0]).toContain('exclusion filter "1.2"');
  });

  test('an immutable repository: a release tag already on another image is an error', async () => {
    const fake = ecr({ '1.2.3': OLD }, true);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.3', prerelease: true } }, inputs, IMAGE);
    await expect(promoteTags(fake.client, ref, repository('IMMUTABLE'), plan, 'auto', MANIFEST)).rejects.toThrow(
      `Tag "1.2.3" already exists in mlops/retail-api on ${OLD}`,
    );
  });

  test('a re-run: tags already on this image are written again by nobody', async () => {
    const fake = ecr({ '1.2.3': DIGEST, '1.2': DIGEST, '1': DIGEST, latest: DIGEST }, true);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, inputs, IMAGE);
    const result = await promoteTags(fake.client, ref, repository('IMMUTABLE'), plan, 'auto', MANIFEST);
    expect(result.written).toEqual(['1.2.3', '1.2', '1', 'latest']);
    expect(fake.inputsOf(PutImageCommand)).toEqual([]);
  });
});
