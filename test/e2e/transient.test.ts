// Issue 15: a registry hiccup does not fail the job. Each case makes one fault in the stack —
// through a registry fault front of its own (test/stack/registry-front.ts) in front of the
// stack's registry, or a registry process of its own that it stops and starts again — and
// shows the outcome: transient faults retried (a `::warning::` per retry, the same image under
// the same tag), permanent ones failing on the first attempt. docs/reliability.md lists what
// each case showed ("Transient faults").
import { afterEach, describe, expect, test } from '@jest/globals';
import { pullRequestEvent, pushEvent, runAction, workflowCommands, type RunResult } from './harness.js';
import { HIGH, findingsWorkspace } from './fixtures.js';
import {
  deleteRegistrySettings,
  githubFault,
  prComments,
  putRegistrySettings,
  putRepositoryIn,
  registryManifest,
  registryPushes,
  stackEnv,
  uniquePr,
  uniqueRegistryId,
  uniqueRepository,
} from './stack.js';
import {
  expectCleanedUp,
  largeWorkspace,
  retryWarnings,
  startOwnRegistry,
  startRegistryFront,
  theError,
  waitUntil,
  type FrontRule,
  type RegistryFront,
} from './faults-support.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A registry id of the case's own whose logins (GetAuthorizationToken's proxyEndpoint) point at `endpoint`. */
async function ownRegistryId(endpoint: string, repository: string): Promise<string> {
  const registryId = uniqueRegistryId();
  await putRegistrySettings(registryId, { proxyEndpoint: endpoint });
  cleanups.push(() => deleteRegistrySettings(registryId));
  await putRepositoryIn(registryId, repository, { scanDelayMs: 300 });
  return registryId;
}

async function front(): Promise<RegistryFront> {
  const started = await startRegistryFront();
  cleanups.push(() => started.stop());
  return started;
}

interface FrontRun {
  repository: string;
  front: RegistryFront;
  run: RunResult;
}

/** A run whose registry is reached through a fault front with these rules. */
async function runThroughFront(
  name: string,
  rules: FrontRule[],
  /** The workspace's files; a function gets the front's host:port (e.g. to pull a base image through it). */
  options: { builder?: string; files?: Record<string, string> | ((frontHost: string) => Record<string, string>) } = {},
): Promise<FrontRun> {
  const repository = uniqueRepository(name);
  const fault = await front();
  const registryId = await ownRegistryId(fault.url, repository);
  await fault.setRules(rules);
  const run = await runAction({
    inputs: { repository, 'registry-id': registryId, ...(options.builder ? { builder: options.builder } : {}) },
    event: pushEvent(),
    files: typeof options.files === 'function' ? options.files(fault.host) : (options.files ?? findingsWorkspace()),
  });
  if (process.env.FAULTS_OBSERVE) console.log(`${name}: main ${run.main.durationMs} ms, exit ${run.main.exitCode}`);
  return { repository, front: fault, run };
}

function expectPassed(run: RunResult): void {
  // The log goes with the exit code, so a failure shows why.
  expect({ exitCode: run.main.exitCode, errors: workflowCommands(run.main.log, 'error') }).toEqual({ exitCode: 0, errors: [] });
}

/** The image the run reports is the one under its tag in the registry, and every manifest push of the repository was that digest. */
async function expectOneImage(repository: string, run: RunResult): Promise<void> {
  const digest = run.outputs.digest;
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  const tag = (run.outputs.tags ?? '').split(/[\n,]/)[0]?.split(':').pop() ?? '';
  expect((await registryManifest(repository, tag))?.digest).toBe(digest);
  const pushes = await registryPushes(repository);
  expect(pushes.length).toBeGreaterThan(0);
  expect(new Set(pushes.map((p) => p.digest))).toEqual(new Set([digest]));
  // Every attempt that got as far as exporting built the same manifest.
  const exported = new Set([...run.main.log.matchAll(/exporting manifest (sha256:[0-9a-f]{64})/g)].map((m) => m[1]));
  if (exported.size > 0) expect(exported).toEqual(new Set([digest]));
}

/** The build output after the first retry warning: the second attempt's. */
function afterFirstRetry(run: RunResult): string {
  const at = run.main.log.indexOf(retryWarnings(run)[0] ?? '\0');
  expect(at).toBeGreaterThan(-1);
  return run.main.log.slice(at);
}

describe('transient registry faults: retried, the job passes', () => {
  test('docker login answered 503 twice, then OK: passes, one warning per retry', async () => {
    const { run, front: fault } = await runThroughFront('login-503', [{ kind: 'login', count: 2, fail: 503 }]);
    expectPassed(run);
    const retries = retryWarnings(run);
    expect(retries).toEqual([
      expect.stringMatching(/docker login to 127\.0\.0\.1:\d+: attempt 1 of 3 failed \(503 Service Unavailable\); retrying in 5 s\.$/),
      expect.stringMatching(/docker login to 127\.0\.0\.1:\d+: attempt 2 of 3 failed \(503 Service Unavailable\); retrying in 20 s\.$/),
    ]);
    expect((await fault.requests()).filter((r) => r.kind === 'login' && r.fault)).toHaveLength(2);
    expectCleanedUp(run, fault.host);
  });

  test('docker login: the connection reset once, then OK: passes, one warning', async () => {
    const { run, front: fault } = await runThroughFront('login-reset', [{ kind: 'login', count: 1, fail: 'reset' }]);
    expectPassed(run);
    expect(retryWarnings(run)).toEqual([
      expect.stringMatching(/docker login to 127\.0\.0\.1:\d+: attempt 1 of 3 failed \(connection reset\)/),
    ]);
    expectCleanedUp(run, fault.host);
  });

  test("manifest PUTs answered 503 for 12 s (longer than BuildKit's own ~7 s): passes, same digest, the steps CACHED on the retry", async () => {
    const {
      run,
      repository,
      front: fault,
    } = await runThroughFront('manifest-503', [{ kind: 'manifest-put', forMs: 12_000, fail: 503 }], {
      builder: stackEnv().REMOTE_BUILDER,
    });
    expectPassed(run);
    const retries = retryWarnings(run);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toMatch(
      /docker buildx build pushing 127\.0\.0\.1:\d+\/e2e\/manifest-503-\w+:\w+: attempt 1 of 3 failed \(503 Service Unavailable\)/,
    );
    // The retry is an upload: the builder's cache answers every step.
    expect(afterFirstRetry(run)).toMatch(/#\d+ CACHED/);
    await expectOneImage(repository, run);
    const manifestPuts = (await fault.requests()).filter((r) => r.kind === 'manifest-put');
    expect(manifestPuts.filter((r) => r.fault).length).toBeGreaterThanOrEqual(4); // BuildKit's own retries, then ours
    expect(manifestPuts.filter((r) => !r.fault).map((r) => r.status)).toContain(201);
    expectCleanedUp(run, fault.host);
  });

  test('blob uploads answered 503 for 20 s (longer than the builder retries by itself): passes', async () => {
    const {
      run,
      repository,
      front: fault,
    } = await runThroughFront('blob-503', [{ kind: 'blob-upload', forMs: 20_000, fail: 503 }], {
      builder: stackEnv().REMOTE_BUILDER,
    });
    expectPassed(run);
    expect(retryWarnings(run).length).toBeGreaterThanOrEqual(1);
    expect(retryWarnings(run)[0]).toMatch(/attempt 1 of 3 failed \(503 Service Unavailable\)/);
    await expectOneImage(repository, run);
    expectCleanedUp(run, fault.host);
  });

  test('blob uploads answered 429 TOOMANYREQUESTS for 8 s (the Docker engine does not retry a 429): passes', async () => {
    const { run, repository, front: fault } = await runThroughFront('blob-429', [{ kind: 'blob-upload', forMs: 8_000, fail: 429 }]);
    expectPassed(run);
    expect(retryWarnings(run)).toEqual([
      expect.stringMatching(/attempt 1 of 3 failed \(429 Too Many Requests\)/),
      expect.stringMatching(/attempt 2 of 3 failed \(429 Too Many Requests\)/),
    ]);
    await expectOneImage(repository, run);
    expectCleanedUp(run, fault.host);
  });

  test('the registry process stopped for 15 s in the middle of the push, then started again: passes', async () => {
    const repository = uniqueRepository('registry-restart');
    // A second registry process on the stack's storage: the shared registry is never stopped.
    const registry = await startOwnRegistry({ shareStackStorage: true });
    cleanups.push(() => registry.kill());
    const registryId = await ownRegistryId(registry.url, repository);
    const running = runAction({
      inputs: { repository, 'registry-id': registryId, builder: stackEnv().REMOTE_BUILDER },
      event: pushEvent(),
      files: largeWorkspace(),
    });
    await waitUntil('a blob upload to the registry', () => registry.uploadStarted(repository), 120_000, 5);
    await registry.kill();
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await registry.restart();
    const run = await running;
    expectPassed(run);
    expect(retryWarnings(run).length).toBeGreaterThanOrEqual(1);
    expect(retryWarnings(run)[0]).toMatch(/docker buildx build pushing .*: attempt 1 of 3 failed \(/);
    await expectOneImage(repository, run);
    expectCleanedUp(run, registry.host);
  }, 240_000);
});

describe('permanent faults: fail on the first attempt, no retry warning', () => {
  test('an immutable tag (the registry answers the manifest PUT with TAG_INVALID, as ECR does)', async () => {
    const message = 'The image tag already exists in the repository and cannot be overwritten because the repository is immutable.';
    const { run, front: fault } = await runThroughFront('immutable', [
      { kind: 'manifest-put', count: 100, fail: 400, code: 'TAG_INVALID', message },
    ]);
    expect(run.main.exitCode).toBe(1);
    expect(theError(run)).toMatch(/cannot be overwritten because the repository is immutable/);
    expect(retryWarnings(run)).toEqual([]);
    expect((await fault.requests()).filter((r) => r.kind === 'manifest-put')).toHaveLength(1);
    expectCleanedUp(run, fault.host);
  });

  test('denied credentials at the push (403 DENIED: the role may not upload layers)', async () => {
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ecr:InitiateLayerUpload because no identity-based policy allows the ecr:InitiateLayerUpload action';
    const { run, front: fault } = await runThroughFront('denied-push', [
      { kind: 'blob-upload', count: 100, fail: 403, code: 'DENIED', message },
    ]);
    expect(run.main.exitCode).toBe(1);
    expect(theError(run)).toMatch(/denied: User: .* is not authorized to perform: ecr:InitiateLayerUpload/);
    expect(retryWarnings(run)).toEqual([]);
    expectCleanedUp(run, fault.host);
  });

  test('denied credentials at the login (401)', async () => {
    const { run, front: fault } = await runThroughFront('denied-login', [
      { kind: 'login', count: 100, fail: 401, code: 'UNAUTHORIZED', message: 'authentication required' },
    ]);
    expect(run.main.exitCode).toBe(1);
    expect(theError(run)).toMatch(/docker login to 127\.0\.0\.1:\d+ failed: .*401 Unauthorized/);
    expect(retryWarnings(run)).toEqual([]);
    expect((await fault.requests()).filter((r) => r.kind === 'login')).toHaveLength(1);
    expect(run.main.log).not.toContain('buildx build');
    expectCleanedUp(run, fault.host);
  });

  test('a RUN step that exits 1', async () => {
    // The base image is pulled through the front too: the run is logged in to the front only.
    const base = stackEnv().BASE_IMAGE.replace(stackEnv().REGISTRY, '');
    const files = (frontHost: string) => ({ Dockerfile: `FROM ${frontHost}${base}\nRUN exit 1\n` });
    const { run, front: fault } = await runThroughFront('run-exit', [], { builder: stackEnv().REMOTE_BUILDER, files });
    expect(run.main.exitCode).toBe(1);
    expect(theError(run)).toMatch(/did not complete successfully: exit code: 1/);
    expect(retryWarnings(run)).toEqual([]);
    expect(run.main.log.match(/load build definition from Dockerfile/g)).toHaveLength(1);
    expectCleanedUp(run, fault.host);
  });
});

describe('GitHub', () => {
  test('502 to the comment PATCH once: the comment is written once, one warning', async () => {
    const repository = uniqueRepository('gh-patch-502');
    const registryId = await ownRegistryId(`http://${stackEnv().REGISTRY}`, repository);
    const number = uniquePr();
    const runOn = (findings: string) =>
      runAction({
        inputs: { repository, 'registry-id': registryId, 'build-args': `FINDINGS=${findings}`, compare: 'none' },
        event: pullRequestEvent({ number }),
        files: findingsWorkspace(),
      });
    expectPassed(await runOn(''));
    const [comment] = await prComments('acme/retail', number);
    expect(comment).toBeDefined();
    await githubFault({ paths: `^/repos/acme/retail/issues/comments/${comment.id}$`, methods: ['PATCH'], count: 1, status: 502 });
    const run = await runOn(HIGH);
    expectPassed(run);
    expect(retryWarnings(run)).toEqual([
      expect.stringMatching(
        new RegExp(`GitHub: updating comment ${comment.id} on pull request #${number} in acme/retail: attempt 1 of 3 failed \\(502 `),
      ),
    ]);
    const comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('CVE-2024-0002');
    const patches = await githubCalls('PATCH', `/issues/comments/${comment.id}$`);
    expect(patches.map((c) => c.status)).toEqual([502, 200]);
    expectCleanedUp(run);
  });
});

async function githubCalls(method: string, path: string): Promise<Array<{ status: number }>> {
  const response = await fetch(`${stackEnv().GITHUB_STANDIN_ADMIN}/calls?method=${method}&path=${encodeURIComponent(path)}`);
  return ((await response.json()) as { calls: Array<{ status: number }> }).calls;
}
