// The login and repositories phases, for one image and for three: one login whatever the number
// of images, every repository looked up side by side, each image's run with its tags planned.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import * as core from '../../__fixtures__/core.js';
import { emptyRegistry, fakeDocker, fakeEcr, imagesInputs, REGISTRY, repositoriesOf } from '../../__fixtures__/pipeline.js';
import { SHA, stepOf } from '../../__fixtures__/steps.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { logIn } = await import('../../src/steps/login.js');
const { lookUpRepositories, startLookups } = await import('../../src/steps/repositories.js');
const { BuilderQuery } = await import('../../src/steps/builder.js');

beforeEach(() => {
  jest.clearAllMocks();
});

describe.each([1, 3] as const)('login and repositories, %i image(s)', (count) => {
  test('one login; every repository looked up at once, once docker has started; each run planned', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const ecr = fakeEcr(registry);
    const docker = fakeDocker(registry);
    const step = stepOf(imagesInputs(count), { deps: { run: docker } });
    const builder = new BuilderQuery(undefined, docker);
    let started: ReturnType<typeof startLookups> | undefined;
    const login = await logIn(step, ecr.client, (host) => {
      started = startLookups(step, ecr.client, builder, host);
    });
    // The look-ups were asked while docker ran, all of them before any answer was awaited.
    expect(ecr.inputsOf(DescribeRepositoriesCommand)).toHaveLength(count);
    const images = await lookUpRepositories(step, ecr.client, login.registry, started!);

    expect(ecr.inputsOf(GetAuthorizationTokenCommand)).toHaveLength(1);
    expect(docker.mock.calls.map(([, args]) => args[0])).toEqual(['login']);
    expect(core.saveState).toHaveBeenCalledWith('registries', JSON.stringify([REGISTRY]));
    expect(images.map((image) => image.image)).toEqual(repositoriesOf(count).map((r) => `${REGISTRY}/${r}`));
    expect(images.map((image) => image.plan.candidate)).toEqual(repositoriesOf(count).map(() => SHA));
    expect(ecr.inputsOf(DescribeImagesCommand)).toHaveLength(count);
    await Promise.all(images.map((image) => expect(image.existing).resolves.toBeUndefined()));
    const found = core.info.mock.calls.map(([line]) => line).filter((line) => /ound shop\//.test(line));
    expect(found).toEqual(
      repositoriesOf(count).map((r) =>
        count === 1 ? `Found ${r}: scan-on-push on, tags MUTABLE.` : `${r.slice(5)}: Found ${r}: scan-on-push on, tags MUTABLE.`,
      ),
    );
    expect(core.group.mock.calls.map(([title]) => title)).toEqual([
      'Log in to Amazon ECR',
      count === 1 ? 'Repository shop/api' : 'Repositories (3)',
    ]);
  });

  test('a lifecycle policy is applied to every repository, said once', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const ecr = fakeEcr(registry).on(PutLifecyclePolicyCommand, () => ({}));
    const step = stepOf(imagesInputs(count));
    // As the inputs read it from the workspace (src/inputs/parse.ts).
    step.inputs.lifecyclePolicy = { path: '/ws/lifecycle.json', text: '{"rules":[{"rulePriority":1}]}' };
    const lookups = startLookups(step, ecr.client, { start: () => undefined }, REGISTRY);
    await lookUpRepositories(step, ecr.client, REGISTRY, lookups);

    expect(ecr.inputsOf(PutLifecyclePolicyCommand).map((i) => i.repositoryName)).toEqual(repositoriesOf(count));
    expect(core.info).toHaveBeenCalledWith(
      `Applied the lifecycle policy from /ws/lifecycle.json${count === 1 ? '' : ' to each repository'}.`,
    );
  });

  test('a lifecycle policy that expires untagged images warns once when a key signs: signatures are untagged too', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const ecr = fakeEcr(registry).on(PutLifecyclePolicyCommand, () => ({}));
    const step = stepOf(imagesInputs(count));
    step.inputs.lifecyclePolicy = {
      path: '/ws/lifecycle.json',
      text: '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged"},"action":{"type":"expire"}}]}',
    };
    step.inputs.signingKey = { uri: 'awskms:///alias/release', keyId: 'alias/release' };
    const lookups = startLookups(step, ecr.client, { start: () => undefined }, REGISTRY);
    await lookUpRepositories(step, ecr.client, REGISTRY, lookups);
    expect(core.warning).toHaveBeenCalledTimes(1);
    expect(core.warning).toHaveBeenCalledWith(
      expect.stringMatching(/expires untagged images: the signatures this step pushes beside the image/),
    );
  });

  test('a missing repository fails the phase, naming it and the registry', async () => {
    const registry = emptyRegistry(repositoriesOf(count).slice(1));
    const ecr = fakeEcr(registry);
    const step = stepOf(imagesInputs(count));
    const lookups = startLookups(step, ecr.client, { start: () => undefined }, REGISTRY);
    await expect(lookUpRepositories(step, ecr.client, REGISTRY, lookups)).rejects.toThrow(
      `Repository shop/api does not exist in registry ${REGISTRY}`,
    );
  });
});
