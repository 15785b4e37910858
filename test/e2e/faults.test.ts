// Issue: "Faults, bad input and secrets: it keeps its word when things go wrong".
// Each case breaks one thing under a real run (registry, ECR API, GitHub API, credentials, the
// job itself) and checks: the result (never a pass when the gate could not decide, unless
// on-scan-incomplete: warn), the one ::error:: line, and that post still logged out and removed
// the action's temp dir. docs/reliability.md lists what each case showed.
import { afterEach, describe, expect, test } from '@jest/globals';
import { pullRequestEvent, pushEvent, releaseEvent, runAction, type RunResult, type RunSpec } from './harness.js';
import { CRITICAL, HIGH, findingsWorkspace } from './fixtures.js';
import {
  deleteRegistrySettings,
  ecrCalls,
  githubFault,
  prComments,
  putRegistrySettings,
  putRepository,
  putRepositoryIn,
  registryPushes,
  stackEnv,
  uniquePr,
  uniqueRegistryId,
  uniqueRepository,
} from './stack.js';
import {
  expectCleanedUp,
  freePort,
  killLeftovers,
  largeWorkspace,
  mainPhasePid,
  pidsWithArgs,
  retryWarnings,
  signalMainPhase,
  startOwnRegistry,
  theError,
  waitUntil,
  warnings,
  type OwnRegistry,
} from './faults-support.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A registry id of the case's own whose logins point at `proxyEndpoint`, with a repository in it. */
async function ownRegistryId(proxyEndpoint: string, repository: string, scenario: Record<string, unknown> = {}): Promise<string> {
  const registryId = uniqueRegistryId();
  await putRegistrySettings(registryId, { proxyEndpoint });
  cleanups.push(() => deleteRegistrySettings(registryId));
  await putRepositoryIn(registryId, repository, scenario);
  return registryId;
}

async function ownRegistry(): Promise<OwnRegistry> {
  const registry = await startOwnRegistry();
  cleanups.push(() => registry.kill());
  return registry;
}

/** A run on a fresh repository in the stack, scan quick unless the scenario says otherwise. */
async function scanRun(
  name: string,
  options: { scenario?: Record<string, unknown>; inputs?: Record<string, string>; findings?: string } & Partial<RunSpec> = {},
) {
  const repository = uniqueRepository(name);
  await putRepository(repository, { scenario: { scanDelayMs: 300, ...options.scenario } });
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${options.findings ?? ''}`, ...options.inputs },
    event: options.event ?? pushEvent(),
    files: options.files ?? findingsWorkspace(),
    ...(options.overrideEnv ? { overrideEnv: options.overrideEnv } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return { repository, run };
}

function expectFailed(run: RunResult): void {
  expect(run.main.exitCode).toBe(1);
}

describe('registry faults', () => {
  test('registry down before the push (login points at a dead port): fails naming the registry, pushes nothing', async () => {
    const repository = uniqueRepository('dead-registry');
    const dead = `127.0.0.1:${await freePort()}`;
    const registryId = await ownRegistryId(`http://${dead}`, repository);
    const run = await runAction({ inputs: { repository, 'registry-id': registryId }, event: pushEvent(), files: findingsWorkspace() });
    expectFailed(run);
    const error = theError(run);
    expect(error).toContain(dead);
    expect(error).toMatch(/connection refused|connect/i);
    // Connection refused is transient: three logins, a warning before each retry, then the last cause.
    expect(error).toMatch(/\(gave up after 3 attempts in \d+ s\)/);
    expect(retryWarnings(run)).toHaveLength(2);
    expect(run.main.log).not.toContain('buildx build');
    expect(run.outputs.digest).toBeUndefined();
    expect(await registryPushes(repository)).toEqual([]);
    expectCleanedUp(run, dead);
  });

  test('registry gone between login and push: the build fails naming the registry', async () => {
    const repository = uniqueRepository('gone-registry');
    const registry = await ownRegistry();
    // DescribeImages (the skip-existing look-up) comes after the login and before the build:
    // holding it gives the case a window to stop the registry in.
    const registryId = await ownRegistryId(registry.url, repository, { hangMs: { operations: ['DescribeImages'], count: 1, ms: 4000 } });
    const running = runAction({ inputs: { repository, 'registry-id': registryId }, event: pushEvent(), files: findingsWorkspace() });
    await waitUntil('the docker login to the own registry', () => registry.log().includes('"GET /v2/ HTTP/1.1" 200'), 60_000);
    await registry.kill();
    const run = await running;
    expectFailed(run);
    const error = theError(run);
    expect(error).toMatch(/buildx build failed/);
    expect(error).toContain(registry.host);
    expectCleanedUp(run, registry.host);
  });

  test('registry killed in the middle of the push, down for good: fails within the 2-minute retry budget naming the registry and the last cause; post still logs out', async () => {
    const repository = uniqueRepository('killed-push');
    const registry = await ownRegistry();
    const registryId = await ownRegistryId(registry.url, repository);
    const started = Date.now();
    const running = runAction({ inputs: { repository, 'registry-id': registryId }, event: pushEvent(), files: largeWorkspace() });
    await waitUntil('a blob upload to the own registry', () => registry.uploadStarted(repository), 120_000, 5);
    await registry.kill();
    const killedAt = Date.now() - started;
    const run = await running;
    expectFailed(run);
    const error = theError(run);
    expect(error).toMatch(/buildx build failed/);
    expect(error).toContain(registry.host);
    expect(error).toMatch(/connection refused .*\(gave up after \d attempts? in \d+ s/);
    // The retries stay within their 2-minute budget (the engine's own ~50 s included).
    expect(run.main.durationMs).toBeLessThan(killedAt + 125_000);
    expectCleanedUp(run, registry.host);
  }, 240_000);
});

describe('ECR API faults', () => {
  test('500s on DescribeImageScanFindings, more than the SDK retries but fewer than the poll absorbs: still passes', async () => {
    const { run, repository } = await scanRun('ecr-500-some', {
      findings: HIGH,
      scenario: { faults: { operations: ['DescribeImageScanFindings'], count: 5, status: 500 } },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('COMPLETE');
    expect(run.outputs.high).toBe('1');
    const faults = (await ecrCalls(repository)).filter((c) => c.error === 'ServerException');
    expect(faults).toHaveLength(5);
    expectCleanedUp(run);
  });

  test('500s forever: fails as incomplete (TIMEOUT) with a message naming the error, never a pass', async () => {
    const { run } = await scanRun('ecr-500-all', {
      scenario: { faults: { operations: ['DescribeImageScanFindings'], status: 500 } },
      inputs: { 'scan-timeout': '15' },
    });
    expectFailed(run);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(theError(run)).toMatch(/ServerException/);
    expect(theError(run)).toMatch(/did not complete|scan-timeout|TIMEOUT/i);
    expectCleanedUp(run);
  });

  test('503s forever with on-scan-incomplete: warn passes with a warning', async () => {
    const { run } = await scanRun('ecr-503-warn', {
      scenario: { faults: { operations: ['DescribeImageScanFindings'], status: 503 } },
      inputs: { 'scan-timeout': '10', 'on-scan-incomplete': 'warn' },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(warnings(run)).toMatch(/ServiceUnavailableException/);
    expectCleanedUp(run);
  });

  test('a throttling storm longer than the retries: TIMEOUT failure that says it was throttled', async () => {
    const { run } = await scanRun('throttle-storm', {
      scenario: { throttle: { operations: ['DescribeImageScanFindings'], count: 100_000 } },
      inputs: { 'scan-timeout': '10' },
    });
    expectFailed(run);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(theError(run)).toMatch(/throttl/i);
    expectCleanedUp(run);
  });

  test('the same storm with on-scan-incomplete: warn passes with a warning that says throttled', async () => {
    const { run } = await scanRun('throttle-warn', {
      scenario: { throttle: { operations: ['DescribeImageScanFindings'], count: 100_000 } },
      inputs: { 'scan-timeout': '10', 'on-scan-incomplete': 'warn' },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(warnings(run)).toMatch(/throttl/i);
    expectCleanedUp(run);
  });

  test('DescribeImageScanFindings hangs (10 min): the step ends at scan-timeout, not at the hang', async () => {
    const { run } = await scanRun('hang-scan', {
      scenario: { hangMs: { operations: ['DescribeImageScanFindings'], ms: 600_000 } },
      inputs: { 'scan-timeout': '20' },
    });
    expectFailed(run);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(theError(run)).toMatch(/scan-timeout|did not complete|TIMEOUT/i);
    expect(run.main.durationMs).toBeLessThan(90_000);
    expectCleanedUp(run);
  });

  test('GetAuthorizationToken hangs (10 min): the login fails within the client timeouts, with a clear message', async () => {
    const repository = uniqueRepository('hang-login');
    // Scoped to a registry id of this case's own: other cases' logins are not held.
    const registryId = uniqueRegistryId();
    await putRegistrySettings(registryId, { scenario: { hangMs: { operations: ['GetAuthorizationToken'], ms: 600_000 } } });
    cleanups.push(() => deleteRegistrySettings(registryId));
    // The harness kills main at 170 s: a step still hanging then is what this case catches.
    const run = await runAction({
      inputs: { repository, 'registry-id': registryId },
      event: pushEvent(),
      files: findingsWorkspace(),
      timeoutMs: 170_000,
    });
    expect(run.main.signal).toBeNull();
    expectFailed(run);
    const error = theError(run);
    expect(error).toMatch(/ECR|GetAuthorizationToken|log in/i);
    expect(error).toMatch(/time/i);
    expect(run.main.durationMs).toBeLessThan(150_000);
    expect(await registryPushes(repository)).toEqual([]);
    expectCleanedUp(run);
  }, 280_000);

  test('BatchGetImage hangs (10 min) when a release promotion reads the manifest: the step fails within the client timeouts', async () => {
    // A single-platform build that buildx described is read back only to be copied under the
    // release tags (a branch push does not read it at all).
    const repository = uniqueRepository('hang-manifest');
    await putRepository(repository, { scenario: { hangMs: { operations: ['BatchGetImage'], ms: 600_000 } } });
    const run = await runAction({
      inputs: { repository, 'severity-threshold': 'NONE' },
      event: releaseEvent('v2.0.0'),
      files: findingsWorkspace(),
      timeoutMs: 170_000,
    });
    expect(run.main.signal).toBeNull();
    expectFailed(run);
    const error = theError(run);
    expect(error).toMatch(/time/i);
    expect(error).toMatch(/BatchGetImage/); // what timed out
    expect(run.main.durationMs).toBeLessThan(150_000);
    expectCleanedUp(run);
  }, 280_000);
});

describe('bad credentials', () => {
  test.each([
    ['a wrong secret key', { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' }],
    ['an unknown access key', { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' }],
    ['no credentials at all', { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_EC2_METADATA_DISABLED: 'true' }],
  ])('%s: the message is about AWS credentials, nothing is pushed', async (_name, overrideEnv) => {
    const { run, repository } = await scanRun('bad-creds', { overrideEnv });
    expectFailed(run);
    expect(theError(run)).toMatch(/AWS credentials/i);
    expect(await registryPushes(repository)).toEqual([]);
    expect(run.main.log).not.toContain('buildx build');
    expectCleanedUp(run);
  });
});

describe('GitHub API faults on the PR comment: a warning, the scan decides', () => {
  const comments = (number: number) => `^/repos/acme/retail/issues/${number}/comments$`;

  test('5xx on every comment write, with a CRITICAL finding: fails on the finding, warns about the comment', async () => {
    const number = uniquePr();
    await githubFault({ paths: comments(number), methods: ['POST'], count: 100, status: 502 });
    const { run } = await scanRun('gh-5xx', { findings: CRITICAL, event: pullRequestEvent({ number }), inputs: { compare: 'none' } });
    expectFailed(run);
    expect(theError(run)).toContain('CVE-2024-0001');
    expect(warnings(run)).toMatch(/comment.*502|502.*comment/i);
    expect(await prComments('acme/retail', number)).toEqual([]);
    expectCleanedUp(run);
  });

  test('5xx on listing the comments, clean image: passes with a warning', async () => {
    const number = uniquePr();
    await githubFault({ paths: comments(number), methods: ['GET'], count: 100, status: 500 });
    const { run } = await scanRun('gh-list-5xx', { event: pullRequestEvent({ number }), inputs: { compare: 'none' } });
    expect(run.main.exitCode).toBe(0);
    expect(warnings(run)).toMatch(/comment/i);
    expectCleanedUp(run);
  });

  test('the comment write hangs: passes with a warning after the request timeout', async () => {
    const number = uniquePr();
    await githubFault({ paths: comments(number), methods: ['POST'], count: 1, hangMs: 120_000 });
    const { run } = await scanRun('gh-hang', { findings: HIGH, event: pullRequestEvent({ number }), inputs: { compare: 'none' } });
    expect(run.main.exitCode).toBe(0);
    expect(warnings(run)).toMatch(/timed out/i);
    expect(run.main.durationMs).toBeLessThan(90_000);
    expectCleanedUp(run);
  });

  test('422 on the comment: passes with a warning that GitHub refused it', async () => {
    const number = uniquePr();
    await githubFault({ paths: comments(number), methods: ['POST'], count: 100, status: 422 });
    const { run } = await scanRun('gh-422', { event: pullRequestEvent({ number }), inputs: { compare: 'none' } });
    expect(run.main.exitCode).toBe(0);
    expect(warnings(run)).toMatch(/refused/i);
    expectCleanedUp(run);
  });
});

describe('the job cancelled (SIGTERM)', () => {
  test('during the build (RUN sleep on the remote builder): post still logs out and removes temp files', async () => {
    const repository = uniqueRepository('cancel-build');
    await putRepository(repository);
    const files = { Dockerfile: `FROM ${stackEnv().BASE_IMAGE}\nRUN sleep 120\n` };
    cleanups.push(async () => killLeftovers(repository));
    const running = runAction({ inputs: { repository, builder: stackEnv().REMOTE_BUILDER }, event: pushEvent(), files });
    await waitUntil('the build to start', () => pidsWithArgs('buildx', 'build', repository).length > 0, 120_000, 100);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // into RUN sleep
    signalMainPhase(repository, 'SIGTERM');
    const run = await running;
    expect(run.main.signal).toBe('SIGTERM');
    expect(run.main.log).toContain('Build and push');
    killLeftovers(repository); // the runner ends the step's process tree
    expectCleanedUp(run);
    expect(await registryPushes(repository)).toEqual([]);
  });

  test('during the scan wait: post still logs out and removes temp files', async () => {
    const repository = uniqueRepository('cancel-scan');
    await putRepository(repository, { scenario: { neverCompletes: true } });
    const running = runAction({ inputs: { repository }, event: pushEvent(), files: findingsWorkspace() });
    await waitUntil(
      'the scan wait to poll',
      async () => (await ecrCalls(repository)).some((c) => c.operation === 'DescribeImageScanFindings'),
      120_000,
      200,
    );
    expect(mainPhasePid(repository)).toBeDefined();
    signalMainPhase(repository, 'SIGTERM');
    const run = await running;
    expect(run.main.signal).toBe('SIGTERM');
    expect(run.main.log).toContain("Wait for ECR's scan");
    expect(run.state.tempDir).toBeDefined();
    expectCleanedUp(run);
  });
});
