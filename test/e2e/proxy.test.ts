// HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured for the AWS and GitHub calls, as
// self-hosted runners need — checked through a real tinyproxy of the case's own.
//
// @actions/http-client (the GitHub API, and the ECR client's choice of proxy) never proxies
// loopback hosts, so the stand-ins are reached as ecr.stack.test / github.stack.test, which
// scripts/stack/start.sh maps to 127.0.0.1 in /etc/hosts. The ECR stand-in verifies SigV4:
// a run that passes shows the signed Host header survived the proxy.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { pullRequestEvent, runAction, type RunResult } from './harness.js';
import { HIGH, findingsWorkspace } from './fixtures.js';
import { ecrCalls, prComments, putRepository, registryPushes, uniquePr, uniqueRepository } from './stack.js';
import { expectCleanedUp, freePort, startTinyproxy, theError, type OwnProxy } from './faults-support.js';

const ECR = 'http://ecr.stack.test:15001';
const GITHUB = 'http://github.stack.test:15002';

let proxy: OwnProxy;
beforeAll(async () => {
  proxy = await startTinyproxy();
});
afterAll(async () => {
  await proxy.stop();
});

/** tinyproxy's `Request` lines (one per proxied request or tunnel) that name this host. */
function proxied(log: string, host: string): string[] {
  return log.split('\n').filter((line) => /\bRequest \(file descriptor \d+\):/.test(line) && line.includes(host));
}

async function prRun(
  name: string,
  env: Record<string, string>,
): Promise<{ run: RunResult; repository: string; number: number; log: string }> {
  const repository = uniqueRepository(name);
  await putRepository(repository, { scenario: { scanDelayMs: 300 } });
  const number = uniquePr();
  const before = proxy.log().length;
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${HIGH}`, compare: 'none' },
    event: pullRequestEvent({ number }),
    files: findingsWorkspace(),
    env,
    overrideEnv: { AWS_ENDPOINT_URL_ECR: ECR, GITHUB_API_URL: GITHUB },
  });
  return { run, repository, number, log: proxy.log().slice(before) };
}

describe('proxy', () => {
  test('HTTP_PROXY / HTTPS_PROXY: the ECR and GitHub calls go through the proxy', async () => {
    const { run, repository, number, log } = await prRun('proxy', { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs.high).toBe('1');
    expect((await prComments('acme/retail', number)).length).toBe(1);
    const ecr = proxied(log, 'ecr.stack.test:15001');
    const github = proxied(log, 'github.stack.test:15002');
    // Every ECR call the stand-in saw for this repository came through the proxy (plus the login).
    expect(ecr.length).toBeGreaterThanOrEqual((await ecrCalls(repository)).length);
    expect(github.length).toBeGreaterThanOrEqual(1);
    expectCleanedUp(run);
  });

  test('lower-case http_proxy works as well', async () => {
    const { run, log } = await prRun('proxy-lower', { http_proxy: proxy.url, https_proxy: proxy.url });
    expect(run.main.exitCode).toBe(0);
    expect(proxied(log, 'ecr.stack.test:15001').length).toBeGreaterThan(0);
    expect(proxied(log, 'github.stack.test:15002').length).toBeGreaterThan(0);
  });

  test('NO_PROXY naming both hosts: nothing goes through the proxy', async () => {
    const { run, number, log } = await prRun('no-proxy', {
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'ecr.stack.test,github.stack.test',
    });
    expect(run.main.exitCode).toBe(0);
    expect((await prComments('acme/retail', number)).length).toBe(1);
    expect(proxied(log, 'ecr.stack.test')).toEqual([]);
    expect(proxied(log, 'github.stack.test')).toEqual([]);
    expectCleanedUp(run);
  });

  test('a proxy that is down: the step fails at the login, pushes nothing', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const { run, repository } = await prRun('proxy-down', { HTTP_PROXY: dead, HTTPS_PROXY: dead });
    expect(run.main.exitCode).toBe(1);
    const error = theError(run);
    expect(error).toMatch(/ECONNREFUSED/);
    // Which call failed, so a user knows to look at the proxy: the bare socket error does not say.
    expect(error).toMatch(/ECR|GetAuthorizationToken|log in/i);
    expect(await registryPushes(repository)).toEqual([]);
    expectCleanedUp(run);
  });
});
