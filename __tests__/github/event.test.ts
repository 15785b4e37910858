import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventPath, eventPayload, type EventFixture } from '../../__fixtures__/events/index.js';
import { commitUrl, parseEventFacts, readEventFacts, type EventFacts } from '../../src/github/event.js';

const MERGE_SHA = '9999999999999999999999999999999999999999';
const PUSH_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const BASE_TIP = 'f60718293a4b5c6d7e8f9012345678901234567a';

const RUNNER = {
  GITHUB_REPOSITORY: 'octo-org/retail-api',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '9876543210',
};

const COMMON = {
  owner: 'octo-org',
  repo: 'retail-api',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runUrl: 'https://github.com/octo-org/retail-api/actions/runs/9876543210',
  defaultBranch: 'main',
};

describe('parseEventFacts', () => {
  test.each<[string, Record<string, string>, EventFixture, EventFacts]>([
    [
      'push to a branch: GITHUB_SHA',
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/heads/main' },
      'push',
      { ...COMMON, eventName: 'push', sha: PUSH_SHA, ref: 'refs/heads/main', branch: 'main' },
    ],
    [
      'pull_request: the head commit, not the merge commit',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/pull/42/merge' },
      'pull-request',
      {
        ...COMMON,
        eventName: 'pull_request',
        sha: 'b2c3d4e5f60718293a4b5c6d7e8f901234567890',
        ref: 'refs/pull/42/merge',
        branch: 'feature/health',
        pullRequest: {
          number: 42,
          headSha: 'b2c3d4e5f60718293a4b5c6d7e8f901234567890',
          baseSha: 'c3d4e5f60718293a4b5c6d7e8f90123456789012',
          baseRef: 'main',
          fromFork: false,
        },
      },
    ],
    [
      'pull_request from a fork',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/pull/43/merge' },
      'pull-request-fork',
      {
        ...COMMON,
        eventName: 'pull_request',
        sha: 'd4e5f60718293a4b5c6d7e8f9012345678901234',
        ref: 'refs/pull/43/merge',
        branch: 'patch-1',
        pullRequest: {
          number: 43,
          headSha: 'd4e5f60718293a4b5c6d7e8f9012345678901234',
          baseSha: 'c3d4e5f60718293a4b5c6d7e8f90123456789012',
          baseRef: 'main',
          fromFork: true,
        },
      },
    ],
    [
      'pull_request_target: GITHUB_SHA is the base tip; the PR head is used',
      { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_SHA: BASE_TIP, GITHUB_REF: 'refs/heads/release/1.x' },
      'pull-request-target',
      {
        ...COMMON,
        eventName: 'pull_request_target',
        sha: 'e5f60718293a4b5c6d7e8f901234567890123456',
        ref: 'refs/heads/release/1.x',
        branch: 'deps',
        pullRequest: {
          number: 44,
          headSha: 'e5f60718293a4b5c6d7e8f901234567890123456',
          baseSha: BASE_TIP,
          baseRef: 'release/1.x',
          fromFork: true,
        },
      },
    ],
    [
      'release published',
      { GITHUB_EVENT_NAME: 'release', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/tags/v1.4.0' },
      'release-published',
      { ...COMMON, eventName: 'release', sha: PUSH_SHA, ref: 'refs/tags/v1.4.0', release: { tag: 'v1.4.0', prerelease: false } },
    ],
    [
      'prerelease published',
      { GITHUB_EVENT_NAME: 'release', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/tags/v2.0.0-rc.1' },
      'release-prerelease',
      { ...COMMON, eventName: 'release', sha: PUSH_SHA, ref: 'refs/tags/v2.0.0-rc.1', release: { tag: 'v2.0.0-rc.1', prerelease: true } },
    ],
    [
      'pushed v-tag',
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/tags/v1.4.0' },
      'push-tag',
      { ...COMMON, eventName: 'push', sha: PUSH_SHA, ref: 'refs/tags/v1.4.0', release: { tag: 'v1.4.0', prerelease: false } },
    ],
    [
      'pushed pre-release v-tag',
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/tags/v1.5.0-beta.2' },
      'push-tag',
      { ...COMMON, eventName: 'push', sha: PUSH_SHA, ref: 'refs/tags/v1.5.0-beta.2', release: { tag: 'v1.5.0-beta.2', prerelease: true } },
    ],
    [
      'a pull_request payload on another event is not a PR',
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/heads/main' },
      'pull-request',
      { ...COMMON, eventName: 'workflow_dispatch', sha: PUSH_SHA, ref: 'refs/heads/main', branch: 'main' },
    ],
    [
      'a release payload on a push is not a release',
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: PUSH_SHA, GITHUB_REF: 'refs/heads/main' },
      'release-published',
      { ...COMMON, eventName: 'push', sha: PUSH_SHA, ref: 'refs/heads/main', branch: 'main' },
    ],
  ])('%s', (_name, env, fixture, expected) => {
    expect(parseEventFacts({ ...RUNNER, ...env }, eventPayload(fixture))).toEqual(expected);
  });

  // cache: ecr keys its cache on these (src/buildx/cache.ts).
  test.each<[string, Record<string, string>, unknown, Pick<EventFacts, 'branch' | 'defaultBranch'>]>([
    [
      'a pushed branch with slashes',
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/login' },
      { repository: { default_branch: 'trunk' } },
      { branch: 'feature/login', defaultBranch: 'trunk' },
    ],
    [
      'a PR without head.ref: GITHUB_HEAD_REF',
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'fix/x' },
      { pull_request: { number: 7, head: { sha: 'h'.repeat(40) } } },
      { branch: 'fix/x', defaultBranch: undefined },
    ],
    [
      'a tag: no branch',
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
      { repository: { default_branch: 'main' } },
      { branch: undefined, defaultBranch: 'main' },
    ],
    [
      'default_branch not a string',
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
      { repository: { default_branch: 7 } },
      { branch: 'main', defaultBranch: undefined },
    ],
  ])('branch facts: %s', (_name, env, payload, expected) => {
    const facts = parseEventFacts({ ...RUNNER, ...env }, payload);
    expect({ branch: facts.branch, defaultBranch: facts.defaultBranch }).toEqual(expected);
  });

  const PR_ENV = { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/pull/7/merge' };
  test.each<[string, unknown, Pick<EventFacts, 'sha' | 'pullRequest'>]>([
    ['no payload', undefined, { sha: MERGE_SHA, pullRequest: undefined }],
    ['null payload', null, { sha: MERGE_SHA, pullRequest: undefined }],
    ['an array', [], { sha: MERGE_SHA, pullRequest: undefined }],
    ['pull_request not an object', { pull_request: 'x' }, { sha: MERGE_SHA, pullRequest: undefined }],
    ['no head', { pull_request: { number: 7 } }, { sha: MERGE_SHA, pullRequest: undefined }],
    ['head sha empty', { pull_request: { number: 7, head: { sha: '' } } }, { sha: MERGE_SHA, pullRequest: undefined }],
    ['head sha not a string', { pull_request: { number: 7, head: { sha: 42 } } }, { sha: MERGE_SHA, pullRequest: undefined }],
    [
      'no number: the head is still the commit',
      { pull_request: { head: { sha: 'h'.repeat(40) } } },
      { sha: 'h'.repeat(40), pullRequest: undefined },
    ],
    [
      'number from the event, no base, no repos',
      { number: 7, pull_request: { head: { sha: 'h'.repeat(40) } } },
      { sha: 'h'.repeat(40), pullRequest: { number: 7, headSha: 'h'.repeat(40), baseSha: undefined, baseRef: undefined, fromFork: false } },
    ],
    [
      'head repo deleted (null): not known to be a fork',
      {
        pull_request: {
          number: 7,
          head: { sha: 'h'.repeat(40), repo: null },
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'octo-org/retail-api' } },
        },
      },
      {
        sha: 'h'.repeat(40),
        pullRequest: { number: 7, headSha: 'h'.repeat(40), baseSha: 'b'.repeat(40), baseRef: 'main', fromFork: false },
      },
    ],
  ])('pull_request payload with %s does not crash', (_name, payload, expected) => {
    const facts = parseEventFacts(PR_ENV, payload);
    expect({ sha: facts.sha, pullRequest: facts.pullRequest }).toEqual(expected);
  });

  test.each<[string, unknown, EventFacts['release']]>([
    ['no release', {}, undefined],
    ['release without tag_name', { release: { prerelease: false } }, undefined],
    ['tag_name not a string', { release: { tag_name: 140 } }, undefined],
    ['prerelease missing means a release', { release: { tag_name: 'v1.0.0' } }, { tag: 'v1.0.0', prerelease: false }],
    [
      'prerelease "true" (a string) is not a boolean true',
      { release: { tag_name: 'v1.0.0', prerelease: 'true' } },
      { tag: 'v1.0.0', prerelease: false },
    ],
  ])('release payload with %s', (_name, payload, release) => {
    const facts = parseEventFacts({ ...RUNNER, GITHUB_EVENT_NAME: 'release', GITHUB_SHA: PUSH_SHA }, payload);
    expect(facts.release).toEqual(release);
  });

  test.each<[string, EventFacts['release']]>([
    ['refs/tags/v1.2.3', { tag: 'v1.2.3', prerelease: false }],
    ['refs/tags/1.2.3', { tag: '1.2.3', prerelease: false }],
    ['refs/tags/v1.2.3-rc.1', { tag: 'v1.2.3-rc.1', prerelease: true }],
    ['refs/tags/v1.2.3+build.7', { tag: 'v1.2.3+build.7', prerelease: false }],
    ['refs/tags/nightly', { tag: 'nightly', prerelease: false }],
    ['refs/heads/v1.2.3', undefined],
  ])('push of %s', (ref, release) => {
    const facts = parseEventFacts({ ...RUNNER, GITHUB_EVENT_NAME: 'push', GITHUB_SHA: PUSH_SHA, GITHUB_REF: ref }, {});
    expect(facts.release).toEqual(release);
  });

  test('an empty environment gives defaults, not a crash', () => {
    expect(parseEventFacts({}, {})).toEqual({
      eventName: '',
      sha: '',
      ref: '',
      owner: undefined,
      repo: undefined,
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: undefined,
    });
  });

  test('GitHub Enterprise Server URLs lose their trailing slashes', () => {
    const facts = parseEventFacts(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_SHA: PUSH_SHA,
        GITHUB_REPOSITORY: 'platform/api',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3//',
        GITHUB_RUN_ID: '12',
      },
      {},
    );
    expect(facts).toMatchObject({
      owner: 'platform',
      repo: 'api',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      runUrl: 'https://ghe.example.com/platform/api/actions/runs/12',
    });
  });
});

describe('readEventFacts', () => {
  test('reads the payload from GITHUB_EVENT_PATH', () => {
    const facts = readEventFacts({
      ...RUNNER,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_SHA: MERGE_SHA,
      GITHUB_EVENT_PATH: eventPath('pull-request-fork'),
    });
    expect(facts.sha).toBe('d4e5f60718293a4b5c6d7e8f9012345678901234');
    expect(facts.pullRequest?.fromFork).toBe(true);
  });

  test.each<[string, (dir: string) => string | undefined]>([
    ['no GITHUB_EVENT_PATH', () => undefined],
    ['a missing file', (dir) => path.join(dir, 'missing.json')],
    [
      'a file that is not JSON',
      (dir) => {
        const file = path.join(dir, 'event.json');
        writeFileSync(file, '{"pull_request": ');
        return file;
      },
    ],
  ])('%s gives GITHUB_SHA', (_name, eventFile) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'event-test-'));
    try {
      const file = eventFile(dir);
      const facts = readEventFacts({
        ...RUNNER,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_SHA: MERGE_SHA,
        ...(file ? { GITHUB_EVENT_PATH: file } : {}),
      });
      expect(facts.sha).toBe(MERGE_SHA);
      expect(facts.pullRequest).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('commitUrl', () => {
  test.each([
    ['a known repository', { owner: 'acme', repo: 'retail', sha: PUSH_SHA }, `https://github.com/acme/retail/commit/${PUSH_SHA}`],
    ['no repository', { owner: undefined, repo: undefined, sha: PUSH_SHA }, undefined],
    ['no commit', { owner: 'acme', repo: 'retail', sha: '' }, undefined],
    ['not a SHA', { owner: 'acme', repo: 'retail', sha: '../../settings' }, undefined],
  ])('%s', (_name, facts, expected) => {
    expect(commitUrl({ serverUrl: 'https://github.com', ...facts })).toBe(expected);
  });

  test('on a pull request it is the head commit, not the merge commit', () => {
    const facts = parseEventFacts(
      { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: MERGE_SHA },
      { pull_request: { number: 7, head: { sha: PUSH_SHA }, base: { sha: BASE_TIP } } },
    );
    expect(commitUrl(facts)).toBe(`https://github.com/octo-org/retail-api/commit/${PUSH_SHA}`);
  });
});
