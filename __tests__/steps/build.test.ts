// The build phase and the platforms phase, for one image and for three: reuse what exists
// (skip-existing), then one buildx run for the rest (build for one image from repository, one
// bake for a list); each candidate's platform manifests.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { BatchGetImageCommand } from '@aws-sdk/client-ecr';
import { readFileSync } from 'node:fs';
import * as core from '../../__fixtures__/core.js';
import {
  digestOf,
  emptyRegistry,
  fakeDocker,
  fakeEcr,
  imagesInputs,
  indexOf,
  REGISTRY,
  repositoriesOf,
  type FakeRegistry,
} from '../../__fixtures__/pipeline.js';
import { SHA, stepOf } from '../../__fixtures__/steps.js';
import type { ImageRun, Session, Step } from '../../src/steps/types.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { buildImages, buildOnly } = await import('../../src/steps/build.js');
const { resolvePlatforms } = await import('../../src/steps/platforms.js');
const { lookUpRepositories, startLookups } = await import('../../src/steps/repositories.js');
const { BuilderQuery } = await import('../../src/steps/builder.js');

beforeEach(() => {
  jest.clearAllMocks();
});

async function prepared(count: 1 | 3, registry: FakeRegistry, values: Record<string, string> = {}) {
  const ecr = fakeEcr(registry);
  const docker = fakeDocker(registry);
  const step: Step = stepOf({ ...imagesInputs(count), ...values }, { deps: { run: docker } });
  const session: Session = {
    client: ecr.client,
    login: { registry: REGISTRY, endpoint: `https://${REGISTRY}`, username: 'AWS', password: 'p' },
    builder: new BuilderQuery(undefined, docker),
  };
  const images: ImageRun[] = await lookUpRepositories(
    step,
    ecr.client,
    REGISTRY,
    startLookups(step, ecr.client, session.builder, REGISTRY),
  );
  return { ecr, docker, step, session, images };
}

/** The buildx runs that build (not the builder's inspect). */
const buildx = (docker: ReturnType<typeof fakeDocker>) =>
  docker.mock.calls.filter(([, args]) => args[0] === 'buildx' && args[1] !== 'inspect').map(([, args]) => args);

describe.each([1, 3] as const)('build and push, %i image(s)', (count) => {
  test('fresh images: one buildx run, each candidate the digest pushed under its SHA tag', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const { docker, step, session, images } = await prepared(count, registry);
    await buildImages(step, session, images);

    const runs = buildx(docker);
    expect(runs).toHaveLength(1);
    expect(runs[0]![1]).toBe(count === 1 ? 'build' : 'bake');
    if (count === 3) {
      const file = JSON.parse(readFileSync(runs[0]![runs[0]!.indexOf('--file') + 1]!, 'utf8')) as {
        target: Record<string, { tags: string[]; context: string }>;
      };
      expect(Object.keys(file.target)).toEqual(['api', 'worker', 'model']);
      expect(file.target.worker!.tags).toEqual([`${REGISTRY}/shop/worker:${SHA}`]);
      expect(file.target.worker!.context).toBe('services/worker');
      expect(core.info).toHaveBeenCalledWith('Building api, worker, model in one docker buildx bake.');
    }
    expect(images.map((image) => image.candidate)).toEqual(
      repositoriesOf(count).map((r) => ({
        digest: digestOf(r),
        mediaType: expect.any(String),
        platform: 'linux/amd64',
        reused: false,
        metadata: expect.objectContaining({ 'containerimage.descriptor': expect.any(Object) }),
      })),
    );
    expect(registry.repositories['shop/api']![SHA]).toBe(digestOf('shop/api'));
  });

  test('a re-run: what exists is reused, only the rest is built', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    registry.repositories['shop/api']![SHA] = digestOf('shop/api');
    const { docker, step, session, images } = await prepared(count, registry);
    await buildImages(step, session, images);

    expect(images[0]!.candidate).toMatchObject({ digest: digestOf('shop/api'), reused: true });
    const runs = buildx(docker);
    if (count === 1) {
      expect(runs).toEqual([]);
    } else {
      expect(runs).toHaveLength(1);
      expect(core.info).toHaveBeenCalledWith('Building worker, model in one docker buildx bake.');
      expect(core.info).toHaveBeenCalledWith(
        `api: ${REGISTRY}/shop/api:${SHA} already exists (${digestOf('shop/api')}): skipping build and push (skip-existing).`,
      );
    }
  });

  test('an existing SHA tag in an immutable repository without skip-existing fails before any build', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    registry.repositories['shop/api']![SHA] = digestOf('old');
    registry.immutable = ['shop/api'];
    const { docker, step, session, images } = await prepared(count, registry, { 'skip-existing': 'false' });
    await expect(buildImages(step, session, images)).rejects.toThrow(/Tag c{40} already exists in shop\/api .* pushing would fail/);
    expect(buildx(docker)).toEqual([]);
  });

  test('push: false: every image built in one buildx run with no output, nothing else', async () => {
    const registry = emptyRegistry([]);
    const docker = fakeDocker(registry);
    const step = stepOf({ ...imagesInputs(count), push: 'false' }, { deps: { run: docker } });
    await buildOnly(step);
    const runs = buildx(docker);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.join(' ')).not.toMatch(/--push|--tag|type=image/);
    expect(core.group.mock.calls[0]![0]).toBe(count === 1 ? 'Build (push: false)' : 'Build api, worker, model (push: false)');
  });
});

describe.each([1, 3] as const)('platform manifests, %i image(s)', (count) => {
  test('what buildx described is not read back; an index is read for its platforms', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    // The last image is a two-platform index.
    const last = repositoriesOf(count).at(-1)!;
    registry.manifests[digestOf(last)] = indexOf({ 'linux/amd64': digestOf('amd64'), 'linux/arm64': digestOf('arm64') });
    const { ecr, step, session, images } = await prepared(count, registry);
    await buildImages(step, session, images);
    await resolvePlatforms(session, images);

    expect(images.at(-1)!.platforms).toEqual([
      { platform: 'linux/amd64', digest: digestOf('amd64') },
      { platform: 'linux/arm64', digest: digestOf('arm64') },
    ]);
    for (const image of images.slice(0, -1))
      expect(image.platforms).toEqual([{ platform: 'linux/amd64', digest: image.candidate!.digest }]);
    expect(ecr.inputsOf(BatchGetImageCommand).map((i) => i.repositoryName)).toEqual([last]);
  });
});
