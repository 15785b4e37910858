import { describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CACHE_EXCLUSION_FILTER,
  cacheTag,
  creationWithCache,
  isCacheTag,
  planEcrCache,
  type CachePlanInput,
} from '../../src/buildx/cache.js';
import { buildRequest } from '../../src/steps/build.js';
import { buildxArgs } from '../../src/buildx/argv.js';
import { isCacheArtifact } from '../../src/shared/manifest.js';
import { computeTagPlan, moveFloatingTags } from '../../src/tags/plan.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { parseEventFacts } from '../../src/github/event.js';
import type { RepositoryInfo } from '../../src/ecr/repository.js';
import { fakeEnvironment, inputSource } from '../../__fixtures__/inputs.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const from = (tag: string) => ['--cache-from', `type=registry,ref=${IMAGE}:${tag}`];
const to = (tag: string) => ['--cache-to', `type=registry,ref=${IMAGE}:${tag},mode=max,image-manifest=true,oci-mediatypes=true`];

type Event =
  | 'push main'
  | 'push feature/login'
  | 'pull_request feature/login'
  | 'pull_request from a fork'
  | 'release'
  | 'push tag'
  | 'push, no default branch';

/** Event payloads as GitHub sends them (repository.default_branch on every event). */
function facts(event: Event) {
  const repository = { full_name: 'acme/retail', default_branch: 'main' };
  const env = { GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/retail' };
  const pr = (fork: boolean) => ({
    number: 7,
    head: { sha: SHA, ref: 'feature/login', repo: { full_name: fork ? 'someone/retail' : 'acme/retail' } },
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/retail' } },
  });
  switch (event) {
    case 'push main':
      return parseEventFacts({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, { repository });
    case 'push feature/login':
      return parseEventFacts({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/login' }, { repository });
    case 'pull_request feature/login':
      return parseEventFacts(
        { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
        { pull_request: pr(false), repository },
      );
    case 'pull_request from a fork':
      return parseEventFacts(
        { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
        { pull_request: pr(true), repository },
      );
    case 'release':
      return parseEventFacts(
        { ...env, GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v1.2.3' },
        { release: { tag_name: 'v1.2.3', prerelease: false }, repository },
      );
    case 'push tag':
      return parseEventFacts({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3' }, { repository });
    case 'push, no default branch':
      return parseEventFacts(
        { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/login' },
        { repository: { full_name: 'acme/retail' } },
      );
  }
}

function repo(tagMutability: RepositoryInfo['tagMutability'], exclusions: string[] = []): RepositoryInfo {
  return { name: 'mlops/retail-api', registryId: '123456789012', scanOnPush: true, tagMutability, exclusions, created: false };
}

interface Row {
  event: Event;
  repository?: RepositoryInfo;
  driver?: string;
  /** Inputs besides repository and cache: ecr (e.g. the user's cache-from / cache-to). */
  inputs?: Record<string, string>;
  /** The cache flags of the argv, in order. */
  argv: string[];
  /** Each warning, by a part of it. */
  warnings: string[];
}

const MUTABLE = repo('MUTABLE');
const IMMUTABLE = repo('IMMUTABLE');
const IMMUTABLE_EXCLUDED = repo('IMMUTABLE_WITH_EXCLUSION', ['latest', CACHE_EXCLUSION_FILTER]);
const IMMUTABLE_OTHER_EXCLUSION = repo('IMMUTABLE_WITH_EXCLUSION', ['latest']);
const MUTABLE_EXCEPT_CACHE = repo('MUTABLE_WITH_EXCLUSION', ['buildcache-*']);
const MUTABLE_EXCEPT_RELEASES = repo('MUTABLE_WITH_EXCLUSION', ['v*']);
const IMMUTABLE_WARNING = 'cannot be written: this build reads the cache and does not export it';
const DOCKER_WARNING = 'docker/setup-buildx-action';

/** The `--cache-from` / `--cache-to` pairs of an argv, in order. */
function cacheFlags(argv: string[]): string[] {
  return argv.flatMap((arg, i) => (arg === '--cache-from' || arg === '--cache-to' ? [arg, argv[i + 1]] : []));
}

describe('cache: ecr → buildx argv and warnings', () => {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'cache-test-'));

  test.each<[string, Row]>([
    [
      'push to the default branch: reads and writes its tag',
      {
        event: 'push main',
        repository: MUTABLE,
        driver: 'remote',
        argv: [...from('buildcache-main'), ...to('buildcache-main')],
        warnings: [],
      },
    ],
    [
      'push to another branch: its own tag, then the default branch’s; writes its own',
      {
        event: 'push feature/login',
        repository: MUTABLE,
        driver: 'docker-container',
        argv: [...from('buildcache-feature-login'), ...from('buildcache-main'), ...to('buildcache-feature-login')],
        warnings: [],
      },
    ],
    [
      'pull request: the head branch, then the default branch',
      {
        event: 'pull_request feature/login',
        repository: MUTABLE,
        driver: 'remote',
        argv: [...from('buildcache-feature-login'), ...from('buildcache-main'), ...to('buildcache-feature-login')],
        warnings: [],
      },
    ],
    [
      'pull request from a fork: reads, never writes',
      {
        event: 'pull_request from a fork',
        repository: MUTABLE,
        driver: 'remote',
        argv: [...from('buildcache-feature-login'), ...from('buildcache-main')],
        warnings: [],
      },
    ],
    [
      'release: reads the default branch’s cache, writes none',
      { event: 'release', repository: MUTABLE, driver: 'remote', argv: from('buildcache-main'), warnings: [] },
    ],
    [
      'pushed tag: reads the default branch’s cache, writes none',
      { event: 'push tag', repository: IMMUTABLE, driver: 'remote', argv: from('buildcache-main'), warnings: [] },
    ],
    [
      'no default branch in the payload: its own tag only',
      {
        event: 'push, no default branch',
        repository: MUTABLE,
        driver: 'remote',
        argv: [...from('buildcache-feature-login'), ...to('buildcache-feature-login')],
        warnings: [],
      },
    ],
    [
      'IMMUTABLE: reads only, one warning',
      { event: 'push main', repository: IMMUTABLE, driver: 'remote', argv: from('buildcache-main'), warnings: [IMMUTABLE_WARNING] },
    ],
    [
      'IMMUTABLE_WITH_EXCLUSION buildcache-*: writes',
      {
        event: 'push feature/login',
        repository: IMMUTABLE_EXCLUDED,
        driver: 'remote',
        argv: [...from('buildcache-feature-login'), ...from('buildcache-main'), ...to('buildcache-feature-login')],
        warnings: [],
      },
    ],
    [
      'IMMUTABLE_WITH_EXCLUSION without a cache filter: reads only, warns',
      {
        event: 'push main',
        repository: IMMUTABLE_OTHER_EXCLUSION,
        driver: 'remote',
        argv: from('buildcache-main'),
        warnings: [IMMUTABLE_WARNING],
      },
    ],
    [
      'MUTABLE_WITH_EXCLUSION that freezes buildcache-*: reads only, warns',
      {
        event: 'push main',
        repository: MUTABLE_EXCEPT_CACHE,
        driver: 'remote',
        argv: from('buildcache-main'),
        warnings: [IMMUTABLE_WARNING],
      },
    ],
    [
      'MUTABLE_WITH_EXCLUSION of other tags: writes',
      {
        event: 'push main',
        repository: MUTABLE_EXCEPT_RELEASES,
        driver: 'remote',
        argv: [...from('buildcache-main'), ...to('buildcache-main')],
        warnings: [],
      },
    ],
    [
      'docker driver: reads only, one warning',
      { event: 'push main', repository: MUTABLE, driver: 'docker', argv: from('buildcache-main'), warnings: [DOCKER_WARNING] },
    ],
    [
      'docker driver and IMMUTABLE: both said',
      {
        event: 'push main',
        repository: IMMUTABLE,
        driver: 'docker',
        argv: from('buildcache-main'),
        warnings: [IMMUTABLE_WARNING, DOCKER_WARNING],
      },
    ],
    [
      'driver unknown (inspect failed): writes, buildx says if it cannot',
      { event: 'push main', repository: MUTABLE, argv: [...from('buildcache-main'), ...to('buildcache-main')], warnings: [] },
    ],
    [
      'the user’s cache-from / cache-to come first, ours are added',
      {
        event: 'push main',
        repository: MUTABLE,
        driver: 'remote',
        inputs: { 'cache-from': 'type=gha\ntype=local,src=/tmp/cache', 'cache-to': 'type=gha,mode=max' },
        argv: [
          '--cache-from',
          'type=gha',
          '--cache-from',
          'type=local,src=/tmp/cache',
          ...from('buildcache-main'),
          '--cache-to',
          'type=gha,mode=max',
          ...to('buildcache-main'),
        ],
        warnings: [],
      },
    ],
    [
      'the user’s cache-to kept on a docker-driver build that drops ours',
      {
        event: 'push main',
        repository: MUTABLE,
        driver: 'docker',
        inputs: { 'cache-to': 'type=inline' },
        argv: [...from('buildcache-main'), '--cache-to', 'type=inline'],
        warnings: [DOCKER_WARNING],
      },
    ],
    [
      'cache: none adds nothing',
      {
        event: 'push main',
        repository: MUTABLE,
        driver: 'remote',
        inputs: { cache: 'none', 'cache-from': 'type=gha' },
        argv: ['--cache-from', 'type=gha'],
        warnings: [],
      },
    ],
  ])('%s', async (_name, row) => {
    const step = parseInputs(
      inputSource({ repository: 'mlops/retail-api', 'aws-region': 'us-east-1', cache: 'ecr', ...row.inputs }),
      fakeEnvironment({ files: { Dockerfile: 'FROM scratch\n' } }),
    );
    const event = facts(row.event);
    const input: CachePlanInput = {
      image: IMAGE,
      branch: event.branch,
      defaultBranch: event.defaultBranch,
      fromFork: event.pullRequest?.fromFork === true,
      repository: row.repository ?? MUTABLE,
      driver: row.driver,
    };
    const plan = step.cache === 'ecr' ? planEcrCache(input) : { from: [], to: [], warnings: [] };
    const argv = buildxArgs(
      buildRequest({ inputs: step, facts: event, tempDir }, step.images[0]!, { output: { kind: 'none' }, cache: plan }),
    );
    expect(cacheFlags(argv)).toEqual(row.argv);
    expect(plan.warnings).toHaveLength(row.warnings.length);
    row.warnings.forEach((part, i) => expect(plan.warnings[i]).toContain(part));
  });

  test('the immutable warning names the tag, the repository and the filter that would allow it', () => {
    const plan = planEcrCache({
      image: IMAGE,
      branch: 'main',
      defaultBranch: 'main',
      fromFork: false,
      repository: IMMUTABLE,
      driver: 'remote',
    });
    expect(plan.warnings).toEqual([
      'cache: ecr: repository mlops/retail-api is IMMUTABLE, so the cache tag buildcache-main, which moves on every build, cannot be written: ' +
        'this build reads the cache and does not export it. To keep a cache, make the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "buildcache-*".',
    ]);
    expect(plan.writeTag).toBeUndefined();
  });

  test('a release says why nothing is written; a written tag is named', () => {
    expect(planEcrCache({ image: IMAGE, defaultBranch: 'main', fromFork: false, repository: MUTABLE }).notes).toEqual([
      'cache: ecr: a tag or release build reads the default branch’s cache and writes none.',
    ]);
    expect(planEcrCache({ image: IMAGE, branch: 'dev', defaultBranch: 'main', fromFork: false, repository: MUTABLE }).writeTag).toBe(
      'buildcache-dev',
    );
  });
});

describe('cacheTag', () => {
  const long = 'feature/'.padEnd(200, 'x');
  test.each<[string, string, string]>([
    ['a plain branch', 'main', 'buildcache-main'],
    ['slashes become dashes', 'feature/login', 'buildcache-feature-login'],
    ['case is kept (Docker and ECR tags allow it)', 'Release/V2', 'buildcache-Release-V2'],
    ['a run of other characters is one dash', 'fix/#12 crash@start', 'buildcache-fix-12-crash-start'],
    ['dots, dashes and underscores stay', 'v1.2_hotfix-3', 'buildcache-v1.2_hotfix-3'],
    ['non-ASCII becomes a dash', 'café', 'buildcache-caf-'],
  ])('%s', (_name, branch, tag) => {
    expect(cacheTag(branch)).toBe(tag);
  });

  test('a long branch is cut to 128 characters and ends with a hash of the whole name', () => {
    const a = cacheTag(`${long}a`);
    const b = cacheTag(`${long}b`);
    expect(a).toHaveLength(128);
    expect(a).toMatch(/^buildcache-feature-x+-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(cacheTag(`${long}a`)).toBe(a);
  });

  test('every tag is a valid Docker tag and is recognised as a cache tag', () => {
    for (const branch of ['main', 'feature/login', long, 'a/b/c/d', '---', 'ü'.repeat(300)]) {
      const tag = cacheTag(branch);
      expect(tag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
      expect(isCacheTag(tag)).toBe(true);
    }
    expect(isCacheTag('a1b2c3d')).toBe(false);
    expect(isCacheTag('latest')).toBe(false);
  });

  test('a cache manifest is known by its config media type', () => {
    expect(isCacheArtifact('application/vnd.buildkit.cacheconfig.v0')).toBe(true);
    expect(isCacheArtifact('application/vnd.oci.image.config.v1+json')).toBe(false);
    expect(isCacheArtifact(undefined)).toBe(false);
  });
});

describe('cache tags and the rest of the repository', () => {
  test('promotion: cache tags are never read as versions, so latest still moves', () => {
    const facts = parseEventFacts(
      { GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v1.0.0' },
      { release: { tag_name: 'v1.0.0' } },
    );
    const plan = computeTagPlan(
      facts,
      { shaTag: 'full', releaseTags: 'auto', latest: 'auto', tags: [], repository: 'mlops/retail-api' },
      IMAGE,
    );
    const existing = ['buildcache-main', 'buildcache-v9.0.0', cacheTag('v9.0.0'), '0.9.0'];
    expect(moveFloatingTags(plan, existing, 'auto').held).toEqual([]);
  });
});

describe('creationWithCache', () => {
  test.each<[string, RepositoryInfo['tagMutability'], string[], RepositoryInfo['tagMutability'], string[], boolean]>([
    ['IMMUTABLE becomes IMMUTABLE_WITH_EXCLUSION buildcache-*', 'IMMUTABLE', [], 'IMMUTABLE_WITH_EXCLUSION', ['buildcache-*'], true],
    [
      'IMMUTABLE_WITH_EXCLUSION gets buildcache-* added',
      'IMMUTABLE_WITH_EXCLUSION',
      ['latest'],
      'IMMUTABLE_WITH_EXCLUSION',
      ['latest', 'buildcache-*'],
      true,
    ],
    [
      'IMMUTABLE_WITH_EXCLUSION that already lets it move: unchanged',
      'IMMUTABLE_WITH_EXCLUSION',
      ['build*'],
      'IMMUTABLE_WITH_EXCLUSION',
      ['build*'],
      false,
    ],
    ['MUTABLE: unchanged', 'MUTABLE', [], 'MUTABLE', [], false],
    [
      'MUTABLE_WITH_EXCLUSION: unchanged (its filters are the user’s choice)',
      'MUTABLE_WITH_EXCLUSION',
      ['v*'],
      'MUTABLE_WITH_EXCLUSION',
      ['v*'],
      false,
    ],
  ])('%s', (_name, tagMutability, tagMutabilityExclusions, mutability, exclusions, noted) => {
    const result = creationWithCache({ tagMutability, tagMutabilityExclusions });
    expect([result.tagMutability, result.tagMutabilityExclusions]).toEqual([mutability, exclusions]);
    expect(result.note !== undefined).toBe(noted);
  });
});
