import { describe, expect, test } from '@jest/globals';
import { DescribeImagesCommand, ImageNotFoundException } from '@aws-sdk/client-ecr';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildAndPush, imageInputs, type Inputs } from '../src/image.js';
import { parseInputs } from '../src/inputs/parse.js';
import { computeTagPlan } from '../src/tags/plan.js';
import type { RepositoryInfo } from '../src/ecr/repository.js';
import { parseEventFacts } from '../src/github/event.js';
import { FakeEcrClient } from '../__fixtures__/ecr-client.js';
import { fakeRunner } from '../__fixtures__/runner.js';
import { fakeEnvironment, inputSource } from '../__fixtures__/inputs.js';

const SHA = 'a'.repeat(40);
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const EXISTING = `sha256:${'1'.repeat(64)}`;
const PUSHED = `sha256:${'2'.repeat(64)}`;
const facts = parseEventFacts({ GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'acme/retail' }, {});
const ref = { repositoryName: 'mlops/retail-api' };

function inputs(values: Record<string, string> = {}): Inputs {
  const step = parseInputs(
    inputSource({ repository: 'mlops/retail-api', 'aws-region': 'us-east-1', ...values }),
    fakeEnvironment({ files: { Dockerfile: 'FROM scratch\n' } }),
  );
  return imageInputs(step, step.images[0]!);
}

function repository(tagMutability: RepositoryInfo['tagMutability']): RepositoryInfo {
  return { name: 'mlops/retail-api', registryId: '123456789012', scanOnPush: true, tagMutability, exclusions: [], created: false };
}

/** An ECR whose DescribeImages knows the SHA tag (or not). */
function ecr(existing: boolean): FakeEcrClient {
  return new FakeEcrClient().on(DescribeImagesCommand, () => {
    if (!existing) throw new ImageNotFoundException({ message: 'not found', $metadata: {} });
    return { imageDetails: [{ imageDigest: EXISTING, imageTags: [SHA] }] };
  });
}

/** A buildx that writes its metadata file, as the real one does. */
function buildx() {
  return fakeRunner((_command, args) => {
    const file = args[args.indexOf('--metadata-file') + 1];
    writeFileSync(file, JSON.stringify({ 'containerimage.digest': PUSHED }));
    return {};
  });
}

describe('buildAndPush', () => {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'image-test-'));

  test('the SHA tag exists and skip-existing is on: reused, nothing built', async () => {
    const run = buildx();
    const values = inputs();
    const result = await buildAndPush({
      client: ecr(true).client,
      ref,
      repository: repository('IMMUTABLE'),
      inputs: values,
      facts,
      plan: computeTagPlan(facts, values, IMAGE),
      image: IMAGE,
      tempDir,
      run,
    });
    expect(result).toEqual({ digest: EXISTING, mediaType: undefined, reused: true });
    expect(run).not.toHaveBeenCalled();
  });

  test('the SHA tag exists, skip-existing off, immutable repository: an error naming the tag, the digest and what to do', async () => {
    const run = buildx();
    const values = inputs({ 'skip-existing': 'false' });
    await expect(
      buildAndPush({
        client: ecr(true).client,
        ref,
        repository: repository('IMMUTABLE'),
        inputs: values,
        facts,
        plan: computeTagPlan(facts, values, IMAGE),
        image: IMAGE,
        tempDir,
        run,
      }),
    ).rejects.toThrow(new RegExp(`Tag ${SHA} already exists in mlops/retail-api on ${EXISTING}.*skip-existing: true`));
    expect(run).not.toHaveBeenCalled();
  });

  test('skip-existing off in a mutable repository: builds again over the tag', async () => {
    const run = buildx();
    const values = inputs({ 'skip-existing': 'false' });
    const result = await buildAndPush({
      client: ecr(true).client,
      ref,
      repository: repository('MUTABLE'),
      inputs: values,
      facts,
      plan: computeTagPlan(facts, values, IMAGE),
      image: IMAGE,
      tempDir,
      run,
    });
    expect(result.digest).toBe(PUSHED);
    expect(result.reused).toBe(false);
  });

  test.each([
    ['full', ['--tag', `${IMAGE}:${SHA}`, '--push']],
    ['short', ['--tag', `${IMAGE}:${SHA.slice(0, 7)}`, '--push']],
    ['false', ['--output', `type=image,name=${IMAGE},push-by-digest=true,name-canonical=true,push=true`]],
  ])('a new commit with sha-tag %s is built and pushed as the candidate', async (shaTag, expected) => {
    const run = buildx();
    const values = inputs({ 'sha-tag': shaTag });
    const result = await buildAndPush({
      client: ecr(false).client,
      ref,
      repository: repository('IMMUTABLE'),
      inputs: values,
      facts,
      plan: computeTagPlan(facts, values, IMAGE),
      image: IMAGE,
      tempDir,
      run,
    });
    expect(result).toEqual({ digest: PUSHED, mediaType: undefined, platform: undefined, reused: false });
    const args = run.mock.calls[0][1];
    expect(args.join(' ')).toContain(expected.join(' '));
  });
});
