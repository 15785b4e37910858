import { describe, expect, test } from '@jest/globals';
import { fakeRunner } from '../../__fixtures__/runner.js';
import { fakeRetrySeams } from '../../__fixtures__/retry.js';
import { dockerLogin } from '../../src/ecr/docker-login.js';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const PASSWORD = 'eyJwYXlsb2FkIjoiQ1R4c2VjcmV0In0=';
const LOGIN = { registry: REGISTRY, endpoint: `https://${REGISTRY}`, username: 'AWS', password: PASSWORD };

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

describe('dockerLogin: retries (messages as the Docker daemon printed them, __fixtures__/faults)', () => {
  const said = (status: string) => ({
    exitCode: 1,
    stderr: `Error response from daemon: login attempt to http://${REGISTRY}/v2/ failed with status: ${status}\n`,
  });
  const REFUSED = {
    exitCode: 1,
    stderr: `Error response from daemon: Get "http://${REGISTRY}/v2/": dial tcp 127.0.0.1:1: connect: connection refused\n`,
  };

  test('503 twice, then the registry answers: three logins, a warning per retry', async () => {
    const answers = [said('503 Service Unavailable'), said('503 Service Unavailable'), { stdout: 'Login Succeeded\n' }];
    const run = fakeRunner(() => answers.shift() ?? {});
    const seams = fakeRetrySeams();
    await dockerLogin(LOGIN, run, seams);
    expect(run).toHaveBeenCalledTimes(3);
    expect(seams.warnings).toEqual([
      `docker login to ${REGISTRY}: attempt 1 of 3 failed (503 Service Unavailable); retrying in 5 s.`,
      `docker login to ${REGISTRY}: attempt 2 of 3 failed (503 Service Unavailable); retrying in 20 s.`,
    ]);
    // The password goes through standard input on every attempt.
    for (const [, , options] of run.mock.calls) expect(options.input?.toString('utf8')).toBe(PASSWORD);
  });

  test('connection refused once: one retry', async () => {
    const answers = [REFUSED, {}];
    const run = fakeRunner(() => answers.shift() ?? {});
    const seams = fakeRetrySeams();
    await dockerLogin(LOGIN, run, seams);
    expect(run).toHaveBeenCalledTimes(2);
    expect(seams.warnings).toEqual([`docker login to ${REGISTRY}: attempt 1 of 3 failed (connection refused); retrying in 5 s.`]);
  });

  test('down for good: three attempts, then the last cause, naming the registry', async () => {
    const run = fakeRunner(() => REFUSED);
    const seams = fakeRetrySeams();
    await expect(dockerLogin(LOGIN, run, seams)).rejects.toThrow(
      new RegExp(`^docker login to ${REGISTRY.replace(/\./g, '\\.')} failed: .*connection refused \\(gave up after 3 attempts in 25 s\\)$`),
    );
    expect(run).toHaveBeenCalledTimes(3);
  });

  test('401 (wrong or expired password) fails at once, without a warning', async () => {
    const run = fakeRunner(() => said('401 Unauthorized'));
    const seams = fakeRetrySeams();
    await expect(dockerLogin(LOGIN, run, seams)).rejects.toThrow(/401 Unauthorized$/);
    expect(run).toHaveBeenCalledTimes(1);
    expect(seams.warnings).toEqual([]);
  });
});
