import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  BatchGetImageCommand,
  ImageTagAlreadyExistsException,
  ListImagesCommand,
  PutImageCommand,
  type BatchGetImageCommandInput,
} from '@aws-sdk/client-ecr';
import { computeTagPlan } from '../../src/tags/plan.js';
import type { RepositoryInfo } from '../../src/ecr/repository.js';
import type { Manifest } from '../../src/ecr/images.js';
import { FakeEcrClient } from '../../__fixtures__/ecr-client.js';
import * as core from '../../__fixtures__/core.js';
import { emptyRegistry, fakeEcr, repositoriesOf } from '../../__fixtures__/pipeline.js';
import { imageRunOf, stepOf } from '../../__fixtures__/steps.js';
import { decideStep } from '../../src/gate/verdict.js';
import type { ImageRun, Session } from '../../src/steps/types.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { promoteImages, promoteTags } = await import('../../src/steps/promote.js');

beforeEach(() => {
  jest.clearAllMocks();
});

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

/** The images a BatchGetImage by tag finds in `tags` (tag → digest): where each tag points now. */
function tagReads(input: BatchGetImageCommandInput, tags: ReadonlyMap<string, string>) {
  return (input.imageIds ?? []).flatMap(({ imageTag }) => {
    const imageDigest = imageTag === undefined ? undefined : tags.get(imageTag);
    return imageDigest === undefined ? [] : [{ imageId: { imageTag, imageDigest }, imageManifest: '{"schemaVersion":2}' }];
  });
}

/**
 * An ECR holding `existing` tags, which PutImage moves; PutImage refuses to move a tag in an
 * immutable repository. BatchGetImage by digest answers with another manifest, so a read of the
 * candidate would be seen, not only fail.
 */
function ecr(existing: Record<string, string>, immutable: boolean): FakeEcrClient {
  const tags = new Map(Object.entries(existing));
  return new FakeEcrClient()
    .on(ListImagesCommand, () => ({ imageIds: [...tags].map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) }))
    .on(BatchGetImageCommand, (input) =>
      input.imageIds?.[0]?.imageTag !== undefined
        ? { images: tagReads(input, tags) }
        : { images: [{ imageId: { imageDigest: OLD }, imageManifest: '{"schemaVersion":2,"read":"again"}' }] },
    )
    .on(PutImageCommand, (input) => {
      if (immutable && input.imageTag && tags.has(input.imageTag)) {
        throw new ImageTagAlreadyExistsException({ message: `tag ${input.imageTag} exists`, $metadata: {} });
      }
      tags.set(input.imageTag!, input.imageDigest!);
      return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
    });
}

interface Row {
  /** Tags already in the repository → digest. */
  existing: Record<string, string>;
  mutability: RepositoryInfo['tagMutability'];
  release: string;
  prerelease?: boolean;
  /** What promoteTags returns: tags now on this image, tags held back, a warning. */
  written?: string[];
  heldBack?: string[];
  warning?: string;
  /** PutImage calls, by tag (refused ones too). */
  put?: string[];
  /** Or: it throws this. */
  error?: string;
}

describe('promoteTags', () => {
  test.each<[string, Row]>([
    [
      'a release in an empty repository: every tag written',
      {
        existing: {},
        mutability: 'MUTABLE',
        release: 'v1.2.3',
        written: ['1.2.3', '1.2', '1', 'latest'],
        heldBack: [],
        put: ['1.2.3', '1.2', '1', 'latest'],
      },
    ],
    [
      'an older patch release moves neither 1 nor latest',
      {
        existing: { '1.3.0': OLD, '1': OLD, latest: OLD },
        mutability: 'MUTABLE',
        release: 'v1.2.9',
        written: ['1.2.9', '1.2'],
        heldBack: ['1', 'latest'],
        put: ['1.2.9', '1.2'],
      },
    ],
    [
      'an immutable repository: a floating tag that would move is a warning naming the exclusion filter',
      {
        existing: { '1.2.3': OLD, '1.2': OLD, '1': OLD, latest: OLD },
        mutability: 'IMMUTABLE',
        release: 'v1.2.4',
        written: ['1.2.4'],
        heldBack: ['1.2', '1', 'latest'],
        warning: 'exclusion filter "1.2"',
        put: ['1.2.4', '1.2', '1', 'latest'],
      },
    ],
    [
      'an immutable repository: a release tag already on another image is an error',
      {
        existing: { '1.2.3': OLD },
        mutability: 'IMMUTABLE',
        release: 'v1.2.3',
        prerelease: true,
        error: `Tag "1.2.3" already exists in mlops/retail-api on ${OLD}`,
      },
    ],
    [
      'a re-run: tags already on this image are written again by nobody',
      {
        existing: { '1.2.3': DIGEST, '1.2': DIGEST, '1': DIGEST, latest: DIGEST },
        mutability: 'IMMUTABLE',
        release: 'v1.2.3',
        written: ['1.2.3', '1.2', '1', 'latest'],
        heldBack: [],
        put: [],
      },
    ],
  ])('%s', async (_name, row) => {
    const fake = ecr(row.existing, row.mutability !== 'MUTABLE');
    const plan = computeTagPlan({ sha: SHA, release: { tag: row.release, prerelease: row.prerelease ?? false } }, inputs, IMAGE);
    const promoting = promoteTags(fake.client, ref, repository(row.mutability), plan, 'auto', MANIFEST);
    if (row.error !== undefined) {
      await expect(promoting).rejects.toThrow(row.error);
      return;
    }
    const result = await promoting;
    expect(result.written).toEqual(row.written);
    expect(result.heldBack.map((h) => h.tag)).toEqual(row.heldBack);
    if (row.warning === undefined) expect(result.warnings).toEqual([]);
    else expect(result.warnings[0]).toContain(row.warning);
    expect(fake.inputsOf(PutImageCommand).map((i) => i.imageTag)).toEqual(row.put);
  });

  test('copies the manifest it is given under each tag, and never reads it again', async () => {
    const fake = ecr({}, false);
    const plan = computeTagPlan({ sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, inputs, IMAGE);
    await promoteTags(fake.client, ref, repository('MUTABLE'), plan, 'auto', MANIFEST);
    // The only read after the writes is where the floating tags point now, by tag.
    expect(fake.inputsOf(BatchGetImageCommand).map((input) => input.imageIds)).toEqual([
      [{ imageTag: '1.2' }, { imageTag: '1' }, { imageTag: 'latest' }],
    ]);
    expect(fake.inputsOf(PutImageCommand).map((i) => [i.imageTag, i.imageDigest, i.imageManifest, i.imageManifestMediaType])).toEqual(
      ['1.2.3', '1.2', '1', 'latest'].map((tag) => [tag, DIGEST, MANIFEST.text, MANIFEST.mediaType]),
    );
  });
});

describe('promoteTags: a release promoted at the same time as a higher one', () => {
  const OURS = MANIFEST.digest;
  const HIGHER = `sha256:${'5'.repeat(64)}`;
  const HIGHEST = `sha256:${'6'.repeat(64)}`;
  const plan = (tag: string) => computeTagPlan({ sha: SHA, release: { tag, prerelease: false } }, inputs, IMAGE);

  /** ListImages: empty when this run decides, then what the other run wrote meanwhile. */
  function racing(mutability: RepositoryInfo['tagMutability'], thirdRelease = false) {
    const tags = new Map<string, string>();
    let thirdLanded = false;
    const fake = new FakeEcrClient()
      .on(ListImagesCommand, (_input, call) => {
        if (call === 1) tags.set('1.5.1', HIGHER);
        return { imageIds: [...tags].map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) };
      })
      .on(BatchGetImageCommand, (input) => {
        if (input.imageIds?.[0]?.imageTag !== undefined) return { images: tagReads(input, tags) };
        // A third release, landing while this run repairs: its floating tags are written just
        // before this run's repairs, which put them back on 1.5.1.
        if (thirdRelease && !thirdLanded) for (const tag of ['1.5.2', '1.5', '1', 'latest']) tags.set(tag, HIGHEST);
        thirdLanded = thirdRelease;
        return {
          images: [
            { imageId: input.imageIds![0], imageManifest: '{"schemaVersion":2,"higher":true}', imageManifestMediaType: MANIFEST.mediaType },
          ],
        };
      })
      .on(PutImageCommand, (input) => {
        if (mutability === 'IMMUTABLE' && tags.has(input.imageTag!))
          throw new ImageTagAlreadyExistsException({ message: 'exists', $metadata: {} });
        tags.set(input.imageTag!, input.imageDigest!);
        return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
      });
    return { fake, tags };
  }

  test("the floating tags it wrote go back to the higher release's image, and it says so", async () => {
    const { fake, tags } = racing('MUTABLE');
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan('v1.5.0'), 'auto', MANIFEST);
    expect(Object.fromEntries(tags)).toEqual({ '1.5.0': OURS, '1.5': HIGHER, '1': HIGHER, latest: HIGHER, '1.5.1': HIGHER });
    expect(result.written).toEqual(['1.5.0']);
    expect(result.movedBack.map((m) => [m.tag, m.release])).toEqual([
      ['1.5', '1.5.1'],
      ['1', '1.5.1'],
      ['latest', '1.5.1'],
    ]);
    expect(result.heldBack).toEqual(
      ['1.5', '1', 'latest'].map((tag) => ({ tag, reason: expect.stringMatching(/^moved to 1\.5\.1: a newer release/) })),
    );
    // The higher release's manifest is copied, as its own tag names it.
    expect(fake.inputsOf(BatchGetImageCommand)[1]!.imageIds).toEqual([{ imageDigest: HIGHER }]);
  });

  test('a third release landing while it repairs: it reads the tags again after its repair, and follows the highest', async () => {
    const { fake, tags } = racing('MUTABLE', true);
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan('v1.5.0'), 'auto', MANIFEST);
    expect(Object.fromEntries(tags)).toEqual({
      '1.5.0': OURS,
      '1.5.1': HIGHER,
      '1.5.2': HIGHEST,
      '1.5': HIGHEST,
      '1': HIGHEST,
      latest: HIGHEST,
    });
    expect(result.movedBack.map((m) => [m.tag, m.release, m.digest])).toEqual([
      ['1.5', '1.5.2', HIGHEST],
      ['1', '1.5.2', HIGHEST],
      ['latest', '1.5.2', HIGHEST],
    ]);
    expect(result.heldBack.map((h) => h.reason)).toEqual(Array(3).fill(expect.stringMatching(/^moved to 1\.5\.2:/)));
    expect(fake.inputsOf(ListImagesCommand)).toHaveLength(4); // decide, repair, repair again, nothing left
  });

  test('an immutable repository: the floating tags were held back, nothing is repaired', async () => {
    const { fake, tags } = racing('IMMUTABLE');
    tags.set('latest', OLD);
    const result = await promoteTags(fake.client, ref, repository('IMMUTABLE'), plan('v1.5.0'), 'auto', MANIFEST);
    expect(result.movedBack).toEqual([]);
    expect(tags.get('latest')).toBe(OLD);
    expect(result.heldBack.find((h) => h.tag === 'latest')?.reason).toMatch(/^immutable repository/);
    expect(fake.inputsOf(BatchGetImageCommand)).toEqual([]);
  });

  test("the higher release: a lower release's writes landed after its own; the floating tags come back, and it says so", async () => {
    const LOWER = `sha256:${'7'.repeat(64)}`;
    const tags = new Map<string, string>();
    const fake = new FakeEcrClient()
      .on(ListImagesCommand, (_input, call) => {
        // 1.5.0's run decided before this one wrote, and wrote after it.
        if (call === 1) for (const tag of ['1.5.0', '1.5', '1', 'latest']) tags.set(tag, LOWER);
        return { imageIds: [...tags].map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) };
      })
      .on(BatchGetImageCommand, (input) => ({ images: tagReads(input, tags) }))
      .on(PutImageCommand, (input) => {
        tags.set(input.imageTag!, input.imageDigest!);
        return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
      });
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan('v1.5.1'), 'auto', MANIFEST);
    expect(Object.fromEntries(tags)).toEqual({ '1.5.0': LOWER, '1.5.1': OURS, '1.5': OURS, '1': OURS, latest: OURS });
    expect(result.written).toEqual(['1.5.1', '1.5', '1', 'latest']);
    expect(result.heldBack).toEqual([]);
    expect(result.restored.map((r) => [r.tag, r.release, r.overtook])).toEqual([
      ['1.5', '1.5.1', '1.5.0'],
      ['1', '1.5.1', '1.5.0'],
      ['latest', '1.5.1', '1.5.0'],
    ]);
    // Its own manifest is copied back, never read.
    expect(fake.inputsOf(BatchGetImageCommand).every((input) => input.imageIds!.every((id) => id.imageTag !== undefined))).toBe(true);
    expect(
      fake
        .inputsOf(PutImageCommand)
        .slice(4)
        .map((input) => [input.imageTag, input.imageDigest]),
    ).toEqual([
      ['1.5', OURS],
      ['1', OURS],
      ['latest', OURS],
    ]);
  });

  test('ListImages still shows the floating tags where the other run put them: where they point is read by tag', async () => {
    // The higher release is listed, and ListImages says its run already moved 1.5, 1 and latest;
    // in fact this run's writes landed after that run's, and the tags name this image.
    const listed = new Map([['1.5.1', HIGHER]]);
    const tags = new Map(listed);
    const fake = new FakeEcrClient()
      .on(ListImagesCommand, (_input, call) => {
        if (call === 1) for (const tag of ['1.5', '1', 'latest']) listed.set(tag, HIGHER);
        return { imageIds: [...(call === 0 ? new Map() : listed)].map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) };
      })
      .on(BatchGetImageCommand, (input) =>
        input.imageIds?.[0]?.imageTag !== undefined
          ? { images: tagReads(input, tags) }
          : { images: [{ imageId: input.imageIds![0], imageManifest: '{"schemaVersion":2,"higher":true}' }] },
      )
      .on(PutImageCommand, (input) => {
        tags.set(input.imageTag!, input.imageDigest!);
        return { image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } };
      });
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan('v1.5.0'), 'auto', MANIFEST);
    expect(result.movedBack.map((m) => m.tag)).toEqual(['1.5', '1', 'latest']);
    expect(['1.5', '1', 'latest'].map((tag) => tags.get(tag))).toEqual([HIGHER, HIGHER, HIGHER]);
  });

  test('a tag that no lower release names is not taken back (latest: true of another run)', async () => {
    const ELSEWHERE = `sha256:${'8'.repeat(64)}`;
    const tags = new Map<string, string>();
    const result = await promoteTags(
      new FakeEcrClient()
        .on(ListImagesCommand, (_input, call) => {
          if (call === 1) tags.set('latest', ELSEWHERE);
          return { imageIds: [...tags].map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })) };
        })
        .on(BatchGetImageCommand, (input) => ({ images: tagReads(input, tags) }))
        .on(PutImageCommand, (input) => {
          tags.set(input.imageTag!, input.imageDigest!);
          return {};
        }).client,
      ref,
      repository('MUTABLE'),
      plan('v1.5.2'),
      'auto',
      MANIFEST,
    );
    expect(result.restored).toEqual([]);
    expect(tags.get('latest')).toBe(ELSEWHERE);
  });

  test('the highest release promotes and repairs nothing', async () => {
    const { fake } = racing('MUTABLE');
    const result = await promoteTags(fake.client, ref, repository('MUTABLE'), plan('v1.5.2'), 'auto', MANIFEST);
    expect(result.written).toEqual(['1.5.2', '1.5', '1', 'latest']);
    expect(result.movedBack).toEqual([]);
  });
});

// The phase: promotion for one image and for three, all or nothing, as the step's verdict says.

function runsOf(count: 1 | 3): ImageRun[] {
  return repositoriesOf(count).map((repository) => {
    const run = imageRunOf(repository, { release: 'v2.0.0', ...(count === 1 ? { name: repository } : {}) });
    const digest = run.candidate!.digest;
    return {
      ...run,
      manifest: () => Promise.resolve({ digest, text: '{"schemaVersion":2}', mediaType: 'application/vnd.oci.image.manifest.v1+json' }),
    };
  });
}

describe.each([1, 3] as const)('promotion, %i image(s)', (count) => {
  const inputs: Record<string, string> =
    count === 1
      ? { repository: 'shop/api' }
      : {
          images: '- {name: api, repository: shop/api}\n- {name: worker, repository: shop/worker}\n- {name: model, repository: shop/model}',
        };

  test('every image passed: each gets its release tags, by copying its manifest', async () => {
    const ecr = fakeEcr(emptyRegistry(repositoriesOf(count)));
    const images = runsOf(count);
    const verdict = decideStep(
      images.map((image) => ({
        name: image.spec.name,
        decision: { verdict: 'passed', fails: false, reason: 'ok' },
        statuses: ['COMPLETE'],
        promotions: image.plan.promotions,
      })),
      { layout: count === 1 ? 'one' : 'several', scanTimeoutSeconds: 600 },
    );
    await promoteImages(stepOf(inputs), { client: ecr.client } as Session, images, verdict);

    expect(ecr.inputsOf(PutImageCommand).map((i) => `${i.repositoryName}:${i.imageTag}`)).toEqual(
      repositoriesOf(count).flatMap((r) => ['2.0.0', '2.0', '2', 'latest'].map((tag) => `${r}:${tag}`)),
    );
    expect(images.map((image) => image.promoted?.written)).toEqual(images.map(() => ['2.0.0', '2.0', '2', 'latest']));
  });

  test('one image failed: no image gets any tag, each says which image held it back', async () => {
    const ecr = fakeEcr(emptyRegistry(repositoriesOf(count)));
    const images = runsOf(count);
    const verdict = decideStep(
      images.map((image, i) => ({
        name: image.spec.name,
        decision:
          i === images.length - 1
            ? { verdict: 'failed' as const, fails: true, reason: 'CVE' }
            : { verdict: 'passed' as const, fails: false, reason: 'ok' },
        statuses: ['COMPLETE'],
        promotions: image.plan.promotions,
      })),
      { layout: count === 1 ? 'one' : 'several', scanTimeoutSeconds: 600 },
    );
    await promoteImages(stepOf(inputs), { client: ecr.client } as Session, images, verdict);

    expect(ecr.inputsOf(PutImageCommand)).toEqual([]);
    expect(images.at(-1)!.promoted?.heldBack.map((h) => h.reason)).toEqual([
      'the gate failed',
      'the gate failed',
      'the gate failed',
      'the gate failed',
    ]);
    if (count === 3) {
      expect(images[0]!.promoted?.heldBack[0]).toEqual({ tag: '2.0.0', reason: 'the gate failed on "model"' });
      expect(core.info).toHaveBeenCalledWith('api: held back 2.0.0: the gate failed on "model".');
    }
  });
});
