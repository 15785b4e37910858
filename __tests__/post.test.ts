import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../__fixtures__/core.js';
import { fakeRunner, throwingRunner } from '../__fixtures__/runner.js';

// post.ts logs through @actions/core; its runner and state are passed in.
jest.unstable_mockModule('../src/util/runner-commands.js', () => core);
const { runPost } = await import('../src/post.js');

const EAST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const WEST = '210987654321.dkr.ecr.us-west-2.amazonaws.com';

beforeEach(() => {
  jest.clearAllMocks();
});

/** A Docker config directory whose config.json is `config`. */
function dockerConfig(config: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-config-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

const LOGGED_IN = { auths: { [EAST]: { auth: 'QVdTOmE=' }, [WEST]: { auth: 'QVdTOmI=' }, 'ghcr.io': { auth: 'eDp5' } } };
/** Where a credential helper holds the logins, so `docker logout` runs. */
const HELPER = { auths: { [EAST]: {}, [WEST]: {} }, credsStore: 'pass' };

function tempDirWithFiles(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecr-build-scan-push-'));
  writeFileSync(path.join(dir, 'build-metadata.json'), '{}');
  mkdirSync(path.join(dir, 'reports'));
  writeFileSync(path.join(dir, 'reports', 'report.json'), '{}');
  return dir;
}

describe('runPost', () => {
  test('logs out of every registry from the Docker config, without running docker, and removes the temp dir', async () => {
    const tempDir = tempDirWithFiles();
    const config = dockerConfig(LOGGED_IN);
    const run = fakeRunner();
    await runPost({ registries: [EAST, WEST], skipLogout: false, tempDir }, run, config);
    expect(run).not.toHaveBeenCalled();
    expect(JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8'))).toEqual({ auths: { 'ghcr.io': { auth: 'eDp5' } } });
    expect(core.info.mock.calls).toEqual([[`Logged out of ${EAST}.`], [`Logged out of ${WEST}.`]]);
    expect(core.warning).not.toHaveBeenCalled();
    expect(existsSync(tempDir)).toBe(false);
  });

  test('a credential helper: docker logout for every registry', async () => {
    const run = fakeRunner((_command, args) => ({ stdout: `Removing login credentials for ${args[1]}\n` }));
    await runPost({ registries: [EAST, WEST], skipLogout: false }, run, dockerConfig(HELPER));
    expect(run.mock.calls.map(([command, args]) => [command, ...args])).toEqual([
      ['docker', 'logout', EAST],
      ['docker', 'logout', WEST],
    ]);
    expect(core.info.mock.calls).toEqual([[`Logged out of ${EAST}.`], [`Logged out of ${WEST}.`]]);
    expect(core.warning).not.toHaveBeenCalled();
  });

  test('skip-logout stays logged in and says so, and still removes the temp dir', async () => {
    const tempDir = tempDirWithFiles();
    const run = fakeRunner();
    await runPost({ registries: [EAST], skipLogout: true, tempDir }, run, dockerConfig(LOGGED_IN));
    expect(run).not.toHaveBeenCalled();
    expect(core.info.mock.calls).toEqual([[`skip-logout is set: staying logged in to ${EAST}.`]]);
    expect(existsSync(tempDir)).toBe(false);
  });

  test('skip-logout without a login says nothing', async () => {
    const run = fakeRunner();
    await runPost({ registries: [], skipLogout: true }, run);
    expect(run).not.toHaveBeenCalled();
    expect(core.info).not.toHaveBeenCalled();
  });

  test('main never logged in: nothing to do', async () => {
    const run = fakeRunner();
    await runPost({ registries: [], skipLogout: false }, run);
    expect(run).not.toHaveBeenCalled();
    expect(core.info).not.toHaveBeenCalled();
    expect(core.warning).not.toHaveBeenCalled();
  });

  test('a failing logout only warns, and the next registry is still logged out', async () => {
    const run = fakeRunner((_command, args) =>
      args[1] === EAST
        ? { exitCode: 1, stderr: 'error getting credentials - err: exit status 1\n' }
        : { stdout: 'Removing login credentials\n' },
    );
    await expect(runPost({ registries: [EAST, WEST], skipLogout: false }, run, dockerConfig(HELPER))).resolves.toBeUndefined();
    expect(core.warning.mock.calls).toEqual([[`docker logout ${EAST} failed: error getting credentials - err: exit status 1`]]);
    expect(core.info.mock.calls).toEqual([[`Logged out of ${WEST}.`]]);
    expect(core.setFailed).not.toHaveBeenCalled();
  });

  test('docker that cannot be run only warns', async () => {
    const tempDir = tempDirWithFiles();
    const run = throwingRunner('Unable to locate executable file: docker');
    await expect(runPost({ registries: [EAST], skipLogout: false, tempDir }, run, dockerConfig(HELPER))).resolves.toBeUndefined();
    expect(core.warning.mock.calls).toEqual([[`docker logout ${EAST} failed: Unable to locate executable file: docker`]]);
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(existsSync(tempDir)).toBe(false);
  });

  test('a temp dir that is already gone is fine', async () => {
    const tempDir = path.join(os.tmpdir(), 'ecr-build-scan-push-already-removed');
    await expect(runPost({ registries: [], skipLogout: false, tempDir }, fakeRunner())).resolves.toBeUndefined();
    expect(core.warning).not.toHaveBeenCalled();
  });
});
