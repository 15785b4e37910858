// Issue 13, part 1: `cache: ecr` — BuildKit's registry cache kept in the image's own repository.
// The main case is the one users buy it for: a build on a fresh BuildKit (an empty state, as on
// a new GitHub-hosted runner) after a warm build runs none of its RUN steps and pushes the same
// layers. The fresh BuildKit is a buildkitd of this test's own (new state directory, its own
// 127.0.0.1 port) behind a buildx `remote` builder, started and stopped here by pid.
import { afterAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { pullRequestEvent, pushEvent, runAction, workflowCommands, type RunResult } from './harness.js';
import { findingsWorkspace } from './fixtures.js';
import { startFreshBuilder, type FreshBuilder } from './fresh-builder.js';
import { ecrCalls, putRepository, registryManifest, registryTags, stackEnv, uniqueRepository } from './stack.js';

const CACHE_CONFIG = 'application/vnd.buildkit.cacheconfig.v0';

/** A Dockerfile whose RUN steps take a while and are this test's own (no other cache has them). */
function runWorkspace(nonce: string): Record<string, string> {
  return {
    Dockerfile: [
      `FROM ${stackEnv().BASE_IMAGE}`,
      `RUN echo "dependencies ${nonce}" > /deps.txt && sleep 2`,
      `RUN echo "model ${nonce}" > /model.txt && sleep 1`,
      'COPY app.txt /app/app.txt',
      'USER 10001',
      '',
    ].join('\n'),
    'app.txt': `app ${nonce}\n`,
  };
}

/** Build steps of buildx's plain output (`#7 [2/3] RUN …`) that it reported `#7 CACHED`. */
function steps(log: string): Array<{ name: string; cached: boolean }> {
  const names = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const step = /^#(\d+) (\[\d+\/\d+\] .*)$/.exec(line);
    if (step) names.set(step[1], step[2]);
    const hit = /^#(\d+) CACHED$/.exec(line);
    if (hit) cached.add(hit[1]);
  }
  return [...names].map(([id, name]) => ({ name, cached: cached.has(id) }));
}

/** The `docker buildx build` command line the action ran (as @actions/exec echoes it). */
function buildCommand(run: RunResult): string {
  const line = run.main.stdout.split('\n').find((l) => l.startsWith('[command]') && l.includes(' buildx build '));
  if (!line) throw new Error('no buildx build command in the log');
  return line;
}

async function layers(repository: string, digest: string): Promise<string[]> {
  const manifest = await registryManifest(repository, digest);
  return ((manifest?.json as { layers?: Array<{ digest: string }> }).layers ?? []).map((l) => l.digest);
}

async function configMediaType(repository: string, tag: string): Promise<string | undefined> {
  const manifest = await registryManifest(repository, tag);
  return (manifest?.json.config as { mediaType?: string } | undefined)?.mediaType;
}

/** Digests the action asked ECR to scan or read findings of. */
async function scannedDigests(repository: string): Promise<string[]> {
  const response = await fetch(`${stackEnv().ECR_STANDIN_ADMIN}/calls?repository=${encodeURIComponent(repository)}`);
  const { calls } = (await response.json()) as { calls: Array<{ operation: string; request?: { imageId?: { imageDigest?: string } } }> };
  return calls
    .filter((c) => c.operation === 'DescribeImageScanFindings' || c.operation === 'StartImageScan')
    .map((c) => c.request?.imageId?.imageDigest ?? '?');
}

async function repositoryState(repository: string) {
  const response = await fetch(`${stackEnv().ECR_STANDIN_ADMIN}/repositories/${encodeURIComponent(repository)}`);
  return (await response.json()) as {
    imageTagMutability: string;
    imageTagMutabilityExclusionFilters: Array<{ filterType: string; filter: string }>;
  };
}

function cacheTo(image: string, tag: string): string {
  return `--cache-to type=registry,ref=${image}:${tag},mode=max,image-manifest=true,oci-mediatypes=true`;
}

describe('cache: ecr', () => {
  const fresh: FreshBuilder[] = [];
  afterAll(async () => {
    for (const builder of fresh) await builder.stop();
  });

  test('a fresh BuildKit after a warm build: RUN steps CACHED from ECR, the same layers pushed; the cache tag is not scanned, not in tags, not taken for the image by skip-existing', async () => {
    const repository = uniqueRepository('cache');
    await putRepository(repository, { imageTagMutability: 'MUTABLE', scenario: { scanDelayMs: 200 } });
    const image = `${stackEnv().REGISTRY}/${repository}`;
    const files = runWorkspace(randomBytes(6).toString('hex'));

    // 1. The warm build, on the default branch: runs every step and writes buildcache-main.
    const push = pushEvent();
    const main = await runAction({ inputs: { repository, cache: 'ecr', builder: stackEnv().REMOTE_BUILDER }, event: push, files });
    expect(main.main.exitCode).toBe(0);
    expect(buildCommand(main)).toContain(cacheTo(image, 'buildcache-main'));
    const warmSteps = steps(main.main.stdout).filter((s) => s.name.includes(' RUN '));
    expect(warmSteps.map((s) => s.cached)).toEqual([false, false]);
    expect(await configMediaType(repository, 'buildcache-main')).toBe(CACHE_CONFIG);

    // 2. A pull request's head branch on a brand-new BuildKit: its own cache does not exist yet,
    //    the default branch's does.
    const builder = await startFreshBuilder();
    fresh.push(builder);
    const pr = pullRequestEvent();
    const head = (pr.payload?.pull_request as { head: { sha: string } }).head.sha;
    const cold = await runAction({
      inputs: { repository, cache: 'ecr', builder: builder.name, comment: 'false' },
      event: pr,
      files,
      buildersFrom: builder.config,
    });
    expect(cold.main.exitCode).toBe(0);
    const command = buildCommand(cold);
    expect(command).toContain(`--cache-from type=registry,ref=${image}:buildcache-feature`);
    expect(command).toContain(`--cache-from type=registry,ref=${image}:buildcache-main`);
    expect(command).toContain(cacheTo(image, 'buildcache-feature'));
    expect(cold.main.stdout).toContain(`#0 building with "${builder.name}" instance using remote driver`);
    const coldSteps = steps(cold.main.stdout).filter((s) => s.name.includes(' RUN '));
    for (const line of cold.main.stdout.split('\n').filter((l) => / RUN |CACHED$|importing cache manifest/.test(l)))
      console.log(`cold runner: ${line}`);
    expect(coldSteps).toHaveLength(2);
    expect(coldSteps.every((s) => s.cached)).toBe(true);
    expect(await layers(repository, cold.outputs.digest)).toEqual(await layers(repository, main.outputs.digest));
    expect(await configMediaType(repository, 'buildcache-feature')).toBe(CACHE_CONFIG);

    // The cache manifests are never the image: not in tags, not scanned, not in the report.
    const caches = [
      (await registryManifest(repository, 'buildcache-main'))?.digest,
      (await registryManifest(repository, 'buildcache-feature'))?.digest,
    ];
    expect(cold.outputs.tags).toBe(`${image}:${head}`);
    expect(main.outputs.tags).toBe(`${image}:${push.sha}`);
    for (const run of [main, cold]) {
      expect(run.outputs.tags).not.toContain('buildcache');
      expect(run.summary).not.toContain('buildcache');
      expect(run.artifacts.report ?? '').not.toContain('buildcache');
      expect(run.outputs['scan-status']).toBe('COMPLETE');
    }
    const scanned = await scannedDigests(repository);
    expect(scanned.length).toBeGreaterThan(0);
    for (const digest of caches) expect(scanned).not.toContain(digest);

    // 3. A re-run of the same commit: skip-existing finds the image, not a cache manifest.
    const rerun = await runAction({
      inputs: { repository, cache: 'ecr', builder: builder.name, comment: 'false' },
      event: pr,
      files,
      buildersFrom: builder.config,
    });
    expect(rerun.main.exitCode).toBe(0);
    expect(rerun.main.stdout).toContain('skipping build and push (skip-existing)');
    expect(rerun.outputs.digest).toBe(cold.outputs.digest);
    expect(rerun.outputs.tags).toBe(`${image}:${head}`);
    expect(caches).not.toContain(rerun.outputs.digest);
  });

  test('an IMMUTABLE repository without an exclusion: one warning naming the tag and buildcache-*, the build passes, no cache tag written', async () => {
    const repository = uniqueRepository('cache-immutable');
    await putRepository(repository, { imageTagMutability: 'IMMUTABLE', scenario: { scanDelayMs: 200 } });
    const image = `${stackEnv().REGISTRY}/${repository}`;
    const run = await runAction({
      inputs: { repository, cache: 'ecr', builder: stackEnv().REMOTE_BUILDER },
      event: pushEvent(),
      files: findingsWorkspace(),
    });
    expect(run.main.exitCode).toBe(0);
    const warnings = workflowCommands(run.main.stdout, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('buildcache-main');
    expect(warnings[0]).toContain('IMMUTABLE_WITH_EXCLUSION with the exclusion filter "buildcache-*"');
    const command = buildCommand(run);
    expect(command).toContain(`--cache-from type=registry,ref=${image}:buildcache-main`);
    expect(command).not.toContain('--cache-to');
    expect(await registryTags(repository)).not.toContain('buildcache-main');
  });

  test('create-repository with tag-mutability IMMUTABLE: created IMMUTABLE_WITH_EXCLUSION buildcache-*, and the cache tag written', async () => {
    const repository = uniqueRepository('cache-created');
    const image = `${stackEnv().REGISTRY}/${repository}`;
    const run = await runAction({
      inputs: { repository, cache: 'ecr', 'create-repository': 'true', builder: stackEnv().REMOTE_BUILDER, scan: 'false' },
      event: pushEvent(),
      files: findingsWorkspace(),
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.stdout).toContain('creating the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "buildcache-*"');
    const state = await repositoryState(repository);
    expect(state.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION');
    expect(state.imageTagMutabilityExclusionFilters).toEqual([{ filterType: 'WILDCARD', filter: 'buildcache-*' }]);
    expect(workflowCommands(run.main.stdout, 'warning')).toEqual([]);
    expect(buildCommand(run)).toContain(cacheTo(image, 'buildcache-main'));
    expect(await configMediaType(repository, 'buildcache-main')).toBe(CACHE_CONFIG);
    expect(run.outputs.tags).not.toContain('buildcache');
  });

  test('the docker driver: reads the cache, skips the export, one warning naming docker/setup-buildx-action', async () => {
    const repository = uniqueRepository('cache-docker');
    await putRepository(repository, { imageTagMutability: 'MUTABLE', scenario: { scanDelayMs: 200 } });
    const image = `${stackEnv().REGISTRY}/${repository}`;
    // No builder input: the runner's current builder, the engine's own (docker driver).
    const run = await runAction({ inputs: { repository, cache: 'ecr', scan: 'false' }, event: pushEvent(), files: findingsWorkspace() });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.stdout).toContain('using docker driver');
    const warnings = workflowCommands(run.main.stdout, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('docker/setup-buildx-action');
    const command = buildCommand(run);
    expect(command).toContain(`--cache-from type=registry,ref=${image}:buildcache-main`);
    expect(command).not.toContain('--cache-to');
    expect(run.main.stdout).toContain(`importing cache manifest from ${image}:buildcache-main`);
    expect(await registryTags(repository)).not.toContain('buildcache-main');
    expect((await ecrCalls(repository)).map((c) => c.operation)).not.toContain('DescribeImageScanFindings');
  });
});
