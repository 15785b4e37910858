import { describe, expect, test } from '@jest/globals';
import { defaultLabels, mergeLabels } from '../../src/buildx/labels.js';

const NOW = new Date('2025-03-14T09:26:53.589Z');
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SOURCE: [string, string] = ['org.opencontainers.image.source', 'https://github.com/octo-org/retail-api'];
const REVISION: [string, string] = ['org.opencontainers.image.revision', SHA];
const CREATED: [string, string] = ['org.opencontainers.image.created', '2025-03-14T09:26:53.589Z'];

describe('defaultLabels', () => {
  test.each<[string, { serverUrl: string; owner?: string; repo?: string; sha: string }, Array<[string, string]>]>([
    [
      'source, revision and created',
      { serverUrl: 'https://github.com', owner: 'octo-org', repo: 'retail-api', sha: SHA },
      [SOURCE, REVISION, CREATED],
    ],
    [
      'GitHub Enterprise Server source',
      { serverUrl: 'https://ghe.example.com', owner: 'platform', repo: 'api', sha: SHA },
      [['org.opencontainers.image.source', 'https://ghe.example.com/platform/api'], REVISION, CREATED],
    ],
    ['no repository: no source', { serverUrl: 'https://github.com', sha: SHA }, [REVISION, CREATED]],
    ['no commit: no revision', { serverUrl: 'https://github.com', owner: 'octo-org', repo: 'retail-api', sha: '' }, [SOURCE, CREATED]],
  ])('%s', (_name, facts, labels) => {
    expect(defaultLabels(facts, NOW)).toEqual(labels);
  });
});

describe('mergeLabels', () => {
  test.each<[string, Array<[string, string]>, Array<[string, string]>]>([
    ['no user labels: the defaults', [], [SOURCE, REVISION, CREATED]],
    ['user labels first, defaults added', [['team', 'ml']], [['team', 'ml'], SOURCE, REVISION, CREATED]],
    [
      'the user wins on the same key',
      [
        ['org.opencontainers.image.source', 'https://github.com/octo-org/monorepo'],
        ['team', 'ml'],
      ],
      [['org.opencontainers.image.source', 'https://github.com/octo-org/monorepo'], ['team', 'ml'], REVISION, CREATED],
    ],
    [
      'every default overridden',
      [
        ['org.opencontainers.image.created', '2000-01-01T00:00:00Z'],
        ['org.opencontainers.image.revision', 'v1'],
        ['org.opencontainers.image.source', 's'],
      ],
      [
        ['org.opencontainers.image.created', '2000-01-01T00:00:00Z'],
        ['org.opencontainers.image.revision', 'v1'],
        ['org.opencontainers.image.source', 's'],
      ],
    ],
    [
      'an empty user value still wins',
      [['org.opencontainers.image.revision', '']],
      [['org.opencontainers.image.revision', ''], SOURCE, CREATED],
    ],
  ])('%s', (_name, user, merged) => {
    expect(mergeLabels(user, [SOURCE, REVISION, CREATED])).toEqual(merged);
  });
});
