import { describe, expect, test } from '@jest/globals';
import { fakeRunner } from '../../__fixtures__/runner.js';
import { dockerLogin, dockerLogout } from '../../src/ecr/docker-login.js';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const PASSWORD = 'eyJwYXlsb2FkIjoiQ1R4c2VjcmV0In0=';
const LOGIN = { registry: REGISTRY, username: 'AWS', password: PASSWORD };

describe('dockerLogin', () => {
  test('the password goes through standard input only', async () => {
    const run = fakeRunner(() => ({ stdout: 'Login Succeeded\n' }));
    await dockerLogin(LOGIN, run);
    expect(run.mock.calls).toEqual([
      [
        'docker',
        ['login', '--username', 'AWS', '--password-stdin', REGISTRY],
        { input: Buffer.from(PASSWORD), silent: true, ignoreReturnCode: true },
      ],
    ]);
    const [command, args, options] = run.mock.calls[0];
    expect(`${command} ${args.join(' ')}`).not.toContain(PASSWORD);
    expect(args).not.toContain('-p');
    expect(args).not.toContain('--password');
    expect(options.input?.toString('utf8')).toBe(PASSWORD);
    expect(options.env).toBeUndefined();
  });

  test.each<[string, { exitCode: number; stdout?: string; stderr?: string }, string]>([
    [
      'the last line of stderr',
      {
        exitCode: 1,
        stderr:
          'WARNING! Using --password via the CLI is insecure.\nError response from daemon: login attempt to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/ failed with status: 400 Bad Request\n',
      },
      `docker login to ${REGISTRY} failed: Error response from daemon: login attempt to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/ failed with status: 400 Bad Request`,
    ],
    [
      'stdout when stderr is empty',
      { exitCode: 1, stdout: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n' },
      `docker login to ${REGISTRY} failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock.`,
    ],
    ['no output', { exitCode: 1 }, `docker login to ${REGISTRY} failed: `],
  ])('a failure names the registry and gives %s', async (_name, answer, message) => {
    const run = fakeRunner(() => answer);
    const error = await dockerLogin(LOGIN, run).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toEqual(new Error(message));
    expect(String(error)).not.toContain(PASSWORD);
  });
});

describe('dockerLogout', () => {
  test.each<[string, { exitCode: number; stdout?: string; stderr?: string }, { ok: boolean; message: string }]>([
    [
      'logged out',
      { exitCode: 0, stdout: `Removing login credentials for ${REGISTRY}\n` },
      { ok: true, message: `Removing login credentials for ${REGISTRY}` },
    ],
    ['not logged in', { exitCode: 0, stdout: `Not logged in to ${REGISTRY}\n` }, { ok: true, message: `Not logged in to ${REGISTRY}` }],
    [
      'failed',
      { exitCode: 1, stderr: 'error getting credentials - err: exit status 1\n' },
      { ok: false, message: 'error getting credentials - err: exit status 1' },
    ],
  ])('%s', async (_name, answer, result) => {
    const run = fakeRunner(() => answer);
    await expect(dockerLogout(REGISTRY, run)).resolves.toEqual(result);
    expect(run.mock.calls).toEqual([['docker', ['logout', REGISTRY], { silent: true, ignoreReturnCode: true }]]);
  });
});
