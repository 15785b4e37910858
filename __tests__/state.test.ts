import { describe, expect, test } from '@jest/globals';
import { STATE, readPostState, type PostState } from '../src/state.js';

const EAST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

describe('readPostState', () => {
  test.each<[string, Record<string, string>, PostState]>([
    ['nothing saved (main failed early)', {}, { registries: [], skipLogout: false, tempDir: undefined }],
    [
      'a login, a temp dir',
      { registries: JSON.stringify([EAST]), skipLogout: 'false', tempDir: '/home/runner/work/_temp/ecr-build-scan-push-x1' },
      { registries: [EAST], skipLogout: false, tempDir: '/home/runner/work/_temp/ecr-build-scan-push-x1' },
    ],
    [
      'skip-logout',
      { registries: JSON.stringify([EAST]), skipLogout: 'true' },
      { registries: [EAST], skipLogout: true, tempDir: undefined },
    ],
    ['registries not JSON', { registries: EAST }, { registries: [], skipLogout: false, tempDir: undefined }],
    ['registries not a list', { registries: JSON.stringify({ host: EAST }) }, { registries: [], skipLogout: false, tempDir: undefined }],
    ['non-strings dropped', { registries: JSON.stringify([EAST, 7, null]) }, { registries: [EAST], skipLogout: false, tempDir: undefined }],
  ])('%s', (_name, saved, state) => {
    expect(readPostState((name) => saved[name] ?? '')).toEqual(state);
  });

  test('state names are the ones main saves', () => {
    expect(STATE).toEqual({ isPost: 'isPost', registries: 'registries', skipLogout: 'skipLogout', tempDir: 'tempDir' });
  });
});
