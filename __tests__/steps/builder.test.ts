// The builder, asked at most once and only when something needs it; the attestations phase,
// which asks nothing when neither sbom nor provenance is on.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as core from '../../__fixtures__/core.js';
import { digestOf, emptyRegistry, fakeEcr, imagesInputs, indexOf, repositoriesOf } from '../../__fixtures__/pipeline.js';
import { fakeRunner } from '../../__fixtures__/runner.js';
import { imageRunOf, stepOf } from '../../__fixtures__/steps.js';
import type { ImageRun, Session } from '../../src/steps/types.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { BuilderQuery } = await import('../../src/steps/builder.js');
const { listAttestations } = await import('../../src/steps/attestations.js');

beforeEach(() => {
  jest.clearAllMocks();
});

const DOCKER_DRIVER = 'Name: default\nDriver: docker\n\nNodes:\nName: default\nPlatforms: linux/amd64, linux/386\n';

describe('BuilderQuery', () => {
  test('nothing asked, nothing run (a fresh build with cache: none)', () => {
    const run = fakeRunner(() => ({ stdout: DOCKER_DRIVER }));
    const builder = new BuilderQuery(undefined, run);
    expect(builder.asked).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  test('the driver and the platform asked: one inspect', async () => {
    const run = fakeRunner(() => ({ stdout: DOCKER_DRIVER }));
    const builder = new BuilderQuery('ci', run);
    builder.start();
    await expect(builder.platform()).resolves.toBe('linux/amd64');
    await expect(builder.info()).resolves.toEqual({ driver: 'docker', platform: 'linux/amd64' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![1]).toEqual(['buildx', 'inspect', 'ci']);
  });

  test('a failing inspect gives the fallback, never a rejection', async () => {
    const run = fakeRunner(() => {
      throw new Error('docker: not found');
    });
    await expect(new BuilderQuery('x', run).info()).resolves.toEqual({ platform: 'linux/amd64' });
  });
});

describe.each([1, 3] as const)('attestations, %i image(s)', (count) => {
  function runs(): ImageRun[] {
    return repositoriesOf(count).map((repository) => ({
      ...imageRunOf(repository),
      platforms: [{ platform: 'linux/amd64', digest: digestOf(`${repository}/amd64`) }],
      manifest: () => Promise.resolve({ digest: digestOf(repository), ...indexOf({ 'linux/amd64': digestOf(`${repository}/amd64`) }) }),
    }));
  }

  test('neither sbom nor provenance: nothing asked, no group', async () => {
    const ecr = fakeEcr(emptyRegistry(repositoriesOf(count)));
    const images = runs();
    await listAttestations(stepOf(imagesInputs(count)), { client: ecr.client } as Session, images);
    expect(ecr.sent).toEqual([]);
    expect(core.group).not.toHaveBeenCalled();
    expect(images.map((image) => image.attestations)).toEqual(images.map(() => undefined));
  });

  test('attestations: index: each image listed from its own index, in one group', async () => {
    const ecr = fakeEcr(emptyRegistry(repositoriesOf(count)));
    const images = runs();
    await listAttestations(
      stepOf({ ...imagesInputs(count), provenance: 'true', attestations: 'index' }),
      { client: ecr.client } as Session,
      images,
    );
    expect(core.group.mock.calls.map(([title]) => title)).toEqual(['Attestations']);
    expect(images.map((image) => image.attestations)).toEqual(images.map(() => ({ storage: 'index', list: [], missing: [] })));
  });
});
