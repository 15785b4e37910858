import { describe, expect, test } from '@jest/globals';
import { computeTagPlan, floatingRepairs, moveFloatingTags, reduceExtraTag } from '../../src/tags/plan.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
type PlanInputs = Parameters<typeof computeTagPlan>[1];
type PlanFacts = Parameters<typeof computeTagPlan>[0];
const base: PlanInputs = { shaTag: 'full', releaseTags: 'auto', latest: 'auto', tags: [], repository: 'mlops/retail-api' };

describe('computeTagPlan', () => {
  test.each([
    ['push to a branch', { sha: SHA }, {}, SHA, []],
    ['short sha', { sha: SHA }, { shaTag: 'short' }, SHA.slice(0, 7), []],
    ['no sha tag', { sha: SHA }, { shaTag: 'false' }, undefined, []],
    ['release', { sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, {}, SHA, ['1.2.3', '1.2', '1', 'latest']],
    ['prerelease by flag', { sha: SHA, release: { tag: 'v1.2.3', prerelease: true } }, {}, SHA, ['1.2.3']],
    ['prerelease by version', { sha: SHA, release: { tag: 'v2.0.0-rc.1', prerelease: false } }, {}, SHA, ['2.0.0-rc.1']],
    [
      'build metadata dropped',
      { sha: SHA, release: { tag: 'v1.2.3+build.5', prerelease: false } },
      {},
      SHA,
      ['1.2.3', '1.2', '1', 'latest'],
    ],
    ['non-semver tag as it is', { sha: SHA, release: { tag: 'nightly', prerelease: false } }, {}, SHA, ['nightly']],
    ['release tags off', { sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, { releaseTags: 'none' }, SHA, []],
    ['latest forced', { sha: SHA }, { latest: 'true' }, SHA, ['latest']],
    ['latest never', { sha: SHA, release: { tag: 'v1.2.3', prerelease: false } }, { latest: 'false' }, SHA, ['1.2.3', '1.2', '1']],
    ['extra tags, full refs reduced', { sha: SHA }, { tags: ['edge', `${IMAGE}:main`] }, SHA, ['edge', 'main']],
  ] as Array<[string, PlanFacts, Partial<PlanInputs>, string | undefined, string[]]>)(
    '%s',
    (_name, facts, overrides, candidate, promotions) => {
      const plan = computeTagPlan(facts, { ...base, ...overrides }, IMAGE);
      expect(plan.candidate).toBe(candidate);
      expect(plan.promotions.map((p) => p.tag)).toEqual(promotions);
    },
  );

  test('a missing commit SHA names sha-tag', () => {
    expect(() => computeTagPlan({ sha: '' }, base, IMAGE)).toThrow(/Input "sha-tag"/);
  });
});

describe('reduceExtraTag', () => {
  test('another image is an error naming the input', () => {
    expect(() => reduceExtraTag('ghcr.io/other/app:1', IMAGE, 'mlops/retail-api')).toThrow(/Input "tags".*another image/);
  });
});

describe('moveFloatingTags', () => {
  const plan = (tag: string) => computeTagPlan({ sha: SHA, release: { tag, prerelease: false } }, base, IMAGE);
  test.each([
    ['first release', 'v1.2.3', [], ['1.2.3', '1.2', '1', 'latest'], []],
    ['newer patch', 'v1.2.5', ['1.2.3', '1.3.0'], ['1.2.5', '1.2'], ['1', 'latest']],
    ['old line patch', 'v1.1.9', ['1.2.3', '1.1.8'], ['1.1.9', '1.1'], ['1', 'latest']],
    ['re-run of the highest', 'v1.2.3', ['1.2.3', '1.2', '1', 'latest'], ['1.2.3', '1.2', '1', 'latest'], []],
    ['prereleases do not count', 'v1.2.3', ['1.3.0-rc.1'], ['1.2.3', '1.2', '1', 'latest'], []],
  ] as Array<[string, string, string[], string[], string[]]>)('%s', (_name, tag, existing, write, held) => {
    const result = moveFloatingTags(plan(tag), existing, 'auto');
    expect(result.write.map((p) => p.tag)).toEqual(write);
    expect(result.held.map((p) => p.tag)).toEqual(held);
  });
});

describe('floatingRepairs: floating tags move forward only, whatever overlaps', () => {
  const plan = (tag: string) => computeTagPlan({ sha: SHA, release: { tag, prerelease: false } }, base, IMAGE);
  const OURS = `sha256:${'1'.repeat(64)}`;
  const HIGHER = `sha256:${'2'.repeat(64)}`;
  const OTHER = `sha256:${'3'.repeat(64)}`;
  const LOWER = `sha256:${'4'.repeat(64)}`;
  test.each<[string, string, string[], Record<string, string>, string, Array<string[]>]>([
    [
      'a higher patch promoted meanwhile takes back 1.5, 1 and latest',
      'v1.5.0',
      ['1.5.0', '1.5', '1', 'latest'],
      { '1.5.0': OURS, '1.5': OURS, '1': OURS, latest: OURS, '1.5.1': HIGHER },
      'auto',
      [
        ['1.5', '1.5.1', HIGHER],
        ['1', '1.5.1', HIGHER],
        ['latest', '1.5.1', HIGHER],
      ],
    ],
    [
      'a higher minor takes 1 and latest, not 1.5',
      'v1.5.0',
      ['1.5.0', '1.5', '1', 'latest'],
      { '1.5.0': OURS, '1.5': OURS, '1': OURS, latest: OURS, '1.6.0': HIGHER },
      'auto',
      [
        ['1', '1.6.0', HIGHER],
        ['latest', '1.6.0', HIGHER],
      ],
    ],
    [
      'a higher major takes only latest',
      'v1.5.0',
      ['1.5.0', '1.5', '1', 'latest'],
      { '1.5.0': OURS, '1.5': OURS, '1': OURS, latest: OURS, 'v2.0.0': HIGHER },
      'auto',
      [['latest', 'v2.0.0', HIGHER]],
    ],
    [
      'nothing higher: nothing moves',
      'v1.5.1',
      ['1.5.1', '1.5', '1', 'latest'],
      { '1.5.1': OURS, '1.5.0': OTHER, latest: OURS },
      'auto',
      [],
    ],
    [
      'already repaired by the other run: nothing to write',
      'v1.5.0',
      ['1.5.0', '1.5', '1', 'latest'],
      { '1.5.0': OURS, '1.5': HIGHER, '1': HIGHER, latest: HIGHER, '1.5.1': HIGHER },
      'auto',
      [],
    ],
    [
      'a higher prerelease does not count',
      'v1.5.0',
      ['1.5.0', '1.5', '1', 'latest'],
      { '1.5.0': OURS, '1.5': OURS, latest: OURS, '1.6.0-rc.1': HIGHER },
      'auto',
      [],
    ],
    ['latest: true is not floating: it stays on this image', 'v1.5.0', ['1.5.0', 'latest'], { latest: OURS, '1.6.0': HIGHER }, 'true', []],
    [
      'only the tags this run wrote are repaired',
      'v1.5.0',
      ['1.5.0', '1.5'],
      { '1.5.0': OURS, '1.5': OURS, '1.5.1': HIGHER, latest: OTHER },
      'auto',
      [['1.5', '1.5.1', HIGHER]],
    ],
    [
      "the highest release: a lower release's write landed after its own, the tag comes back",
      'v1.5.1',
      ['1.5.1', '1.5', '1', 'latest'],
      { '1.5.1': OURS, '1.5.0': LOWER, '1.5': LOWER, '1': OURS, latest: LOWER },
      'auto',
      [
        ['1.5', '1.5.1', OURS, '1.5.0'],
        ['latest', '1.5.1', OURS, '1.5.0'],
      ],
    ],
    [
      'the highest release: a tag on an image no lower release names stays (latest: true of another run)',
      'v1.5.1',
      ['1.5.1', '1.5', '1', 'latest'],
      { '1.5.1': OURS, '1.5.0': LOWER, '1.5': OURS, '1': OURS, latest: OTHER },
      'auto',
      [],
    ],
    [
      'the highest release: a lower release of another line does not count for 1.5',
      'v1.5.1',
      ['1.5.1', '1.5'],
      { '1.5.1': OURS, '1.4.9': LOWER, '1.5': LOWER },
      'auto',
      [],
    ],
    [
      'the highest release: a lower prerelease does not count',
      'v1.5.1',
      ['1.5.1', 'latest'],
      { '1.5.1': OURS, '1.5.0-rc.1': LOWER, latest: LOWER },
      'auto',
      [],
    ],
  ])('%s', (_name, release, written, tagsNow, latest, expected) => {
    const repairs = floatingRepairs(plan(release), written, new Map(Object.entries(tagsNow)), latest as 'auto' | 'true', OURS);
    expect(
      repairs.map((r) => (r.overtook === undefined ? [r.tag, r.release, r.digest] : [r.tag, r.release, r.digest, r.overtook])),
    ).toEqual(expected);
  });
});
