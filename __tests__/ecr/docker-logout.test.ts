import { describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeRunner } from '../../__fixtures__/runner.js';
import { dockerConfigDir, dockerLogout, registryHostname } from '../../src/ecr/docker-logout.js';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const OTHER = '210987654321.dkr.ecr.us-west-2.amazonaws.com';
const AUTH = { auth: 'QVdTOnNlY3JldA==' };

function configDir(config: unknown | string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-config-'));
  writeFileSync(path.join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config, null, '\t'), { mode: 0o600 });
  return dir;
}

function readConfig(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
}

describe('dockerLogout: the login is in config.json (no credential helper)', () => {
  test('removes the registry, keeps every other entry and field, writes as docker does (tabs), runs no command', async () => {
    const dir = configDir({ auths: { [REGISTRY]: AUTH, [OTHER]: AUTH }, credHelpers: { 'ghcr.io': 'gh' }, psFormat: 'table {{.ID}}' });
    const run = fakeRunner();
    await expect(dockerLogout(REGISTRY, run, dir)).resolves.toEqual({ ok: true, message: `Removing login credentials for ${REGISTRY}` });
    expect(run).not.toHaveBeenCalled();
    expect(readConfig(dir)).toEqual({ auths: { [OTHER]: AUTH }, credHelpers: { 'ghcr.io': 'gh' }, psFormat: 'table {{.ID}}' });
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(
      `{\n\t"auths": {\n\t\t"${OTHER}": {\n\t\t\t"auth": "${AUTH.auth}"\n\t\t}\n\t},\n\t"credHelpers": {\n\t\t"ghcr.io": "gh"\n\t},\n\t"psFormat": "table {{.ID}}"\n}\n`,
    );
    // No temporary file left beside it.
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  test('also removes the http:// and https:// forms older clients saved', async () => {
    const dir = configDir({ auths: { [`https://${REGISTRY}`]: AUTH, [`http://${REGISTRY}`]: AUTH, [REGISTRY]: AUTH } });
    await dockerLogout(REGISTRY, fakeRunner(), dir);
    expect(readConfig(dir)).toEqual({ auths: {} });
  });

  test('keeps the file mode', async () => {
    const dir = configDir({ auths: { [REGISTRY]: AUTH } });
    chmodSync(path.join(dir, 'config.json'), 0o640);
    await dockerLogout(REGISTRY, fakeRunner(), dir);
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o640);
  });

  test('a symlinked config.json is edited where it points, and stays a link', async () => {
    const target = configDir({ auths: { [REGISTRY]: AUTH, [OTHER]: AUTH } });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-config-link-'));
    symlinkSync(path.join(target, 'config.json'), path.join(dir, 'config.json'));
    await dockerLogout(REGISTRY, fakeRunner(), dir);
    expect(readConfig(target)).toEqual({ auths: { [OTHER]: AUTH } });
    expect(readConfig(dir)).toEqual({ auths: { [OTHER]: AUTH } });
  });

  test.each<[string, string | undefined]>([
    ['no such registry in auths', JSON.stringify({ auths: { [OTHER]: AUTH } })],
    ['no auths at all', '{}'],
    ['no config.json', undefined],
  ])('%s: not logged in, nothing written', async (_name, text) => {
    const dir = text === undefined ? mkdtempSync(path.join(os.tmpdir(), 'docker-config-')) : configDir(text);
    const run = fakeRunner();
    await expect(dockerLogout(REGISTRY, run, dir)).resolves.toEqual({ ok: true, message: `Not logged in to ${REGISTRY}` });
    expect(run).not.toHaveBeenCalled();
    if (text !== undefined) expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(text);
    else expect(readdirSync(dir)).toEqual([]);
  });
});

describe('dockerLogout: docker logout runs where the file store is not what holds the login', () => {
  test.each<[string, unknown | string]>([
    ['a credsStore', { auths: { [REGISTRY]: {} }, credsStore: 'desktop' }],
    ['a credHelpers entry for the registry', { auths: {}, credHelpers: { [REGISTRY]: 'ecr-login' } }],
    ['a file docker did not write (not JSON)', '{"auths": '],
    ['auths that is not an object', { auths: [REGISTRY] }],
  ])('%s', async (_name, config) => {
    const dir = configDir(config);
    const before = readFileSync(path.join(dir, 'config.json'), 'utf8');
    const run = fakeRunner(() => ({ stdout: `Removing login credentials for ${REGISTRY}\n` }));
    await expect(dockerLogout(REGISTRY, run, dir)).resolves.toEqual({ ok: true, message: `Removing login credentials for ${REGISTRY}` });
    expect(run.mock.calls).toEqual([['docker', ['logout', REGISTRY], { silent: true, ignoreReturnCode: true }]]);
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });

  test.each<[string, { exitCode: number; stdout?: string; stderr?: string }, { ok: boolean; message: string }]>([
    ['not logged in', { exitCode: 0, stdout: `Not logged in to ${REGISTRY}\n` }, { ok: true, message: `Not logged in to ${REGISTRY}` }],
    [
      'failed',
      { exitCode: 1, stderr: 'error getting credentials - err: exit status 1\n' },
      { ok: false, message: 'error getting credentials - err: exit status 1' },
    ],
  ])('docker says %s', async (_name, answer, result) => {
    const dir = configDir({ credsStore: 'pass' });
    await expect(
      dockerLogout(
        REGISTRY,
        fakeRunner(() => answer),
        dir,
      ),
    ).resolves.toEqual(result);
  });
});

describe('where docker reads its config', () => {
  test('DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/runner/docker' })).toBe('/runner/docker');
    expect(dockerConfigDir({})).toBe(path.join(os.homedir(), '.docker'));
  });

  test.each([
    [REGISTRY, REGISTRY],
    [`https://${REGISTRY}`, REGISTRY],
    [`http://${REGISTRY}/v2/`, REGISTRY],
    ['127.0.0.1:15000', '127.0.0.1:15000'],
  ])('%s is %s in auths', (registry, host) => {
    expect(registryHostname(registry)).toBe(host);
  });
});
