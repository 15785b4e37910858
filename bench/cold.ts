// Parts 6 and 7: examples/retail-api (FastAPI + scikit-learn, multi-stage, pip from PyPI in a
// RUN step) on a cold runner. Every build runs on a FRESH BuildKit (a new buildkitd with an
// empty state, as a GitHub-hosted runner starts every job), after a one-line change to the
// app's code (SERVICE_VERSION in app/main.py, copied by the runtime stage's last step):
//   (a) the action with `cache: none`, and (fa) the floor by hand for it: docker login,
//       `docker buildx build --push`, one DescribeImageScanFindings;
//   (r) a re-run of (a)'s commit (skip-existing reuses the image), on a fresh BuildKit too;
//   (b) the action with `cache: ecr`, warm from the run before (its own branch's cache tag),
//       and (fb) the floor for it, with the same cache flags (built by src/buildx/cache.ts, as
//       the action builds them);
//   (c) as (b), with the example's Dockerfile without `--link` on its runtime COPY steps: what
//       the example's `COPY --link` saves on a warm cache (its own branch and cache tag);
//   (e) the action with `cache: ecr` on a branch with no cache yet: (e) − (a) is what exporting
//       the cache adds to a build.
// All in one repository, scan on push completing at once. Each action run and its floor
// alternate which goes first.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { registryCacheFrom, registryCacheTo, cacheTag } from '../src/buildx/cache.js';
import { commitSha, type EventSpec } from '../test/e2e/harness.js';
import { exampleFiles } from '../test/e2e/retail-api.js';
import { putRepository, registryManifest, registryPassword, stackEnv, uniqueRepository } from '../test/e2e/stack.js';
import { describeUntilComplete } from './floor.js';
import { startFreshBuilder, type FreshBuilder } from './lib/buildkitd.js';
import { runProcess } from './lib/proc.js';
import { timedAction, type ActionRun } from './overhead.js';

export interface Steps {
  /** Build steps buildx reported (`#N [stage i/n] …`, FROM lines excluded). */
  total: number;
  /** Of those, the ones it reported CACHED. */
  cached: number;
}

export interface ColdActionRun extends ActionRun {
  steps: Steps;
}

export interface ColdFloorRun {
  login: number;
  buildPush: number;
  describe: number;
  total: number;
  steps: Steps;
}

export interface ColdResult {
  /** (a) and (fa). */
  noCache: ColdActionRun[];
  noCacheFloor: ColdFloorRun[];
  /** (r): (a)'s commit again. */
  rerun: ColdActionRun[];
  /** (b) and (fb). */
  cached: ColdActionRun[];
  floor: ColdFloorRun[];
  /** (c): (b) without COPY --link. */
  unlinked: ColdActionRun[];
  /** (e). */
  firstExport: ColdActionRun[];
}

/** Steps and cached steps in buildx's plain progress output. */
export function countSteps(log: string): Steps {
  const steps = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const step = /^#(\d+) \[[\w.-]+ +\d+\/\d+\] (.*)$/.exec(line.trim());
    if (step && !steps.has(step[1])) steps.set(step[1], step[2]);
    const hit = /^#(\d+) CACHED$/.exec(line.trim());
    if (hit) cached.add(hit[1]);
  }
  const counted = [...steps].filter(([, what]) => !what.startsWith('FROM '));
  return { total: counted.length, cached: counted.filter(([id]) => cached.has(id)).length };
}

/** The example with its one-line change: a new SERVICE_VERSION. */
export function changedApp(version: number): Record<string, string> {
  const files = exampleFiles();
  const main = files['app/main.py'];
  const next = main.replace(/^SERVICE_VERSION = ".*"$/m, `SERVICE_VERSION = "1.0.${version}"`);
  if (next === main) throw new Error('examples/retail-api/app/main.py has no SERVICE_VERSION line to change');
  return { ...files, 'app/main.py': next };
}

/** The same files with the Dockerfile's `COPY --link` turned into plain `COPY`. */
export function withoutLink(files: Record<string, string>): Record<string, string> {
  const dockerfile = files.Dockerfile;
  const plain = dockerfile.replace(/^COPY --link /gm, 'COPY ');
  if (plain === dockerfile) throw new Error('examples/retail-api/Dockerfile has no COPY --link step');
  return { ...files, Dockerfile: plain };
}

export function branchPush(branch: string, sha = commitSha()): EventSpec {
  const ref = `refs/heads/${branch}`;
  return { name: 'push', sha, ref, payload: { ref, after: sha, repository: { full_name: 'acme/retail', default_branch: branch } } };
}

async function onFreshBuilder<T>(work: (builder: FreshBuilder) => Promise<T>): Promise<T> {
  const builder = await startFreshBuilder();
  try {
    return await work(builder);
  } finally {
    await builder.stop();
  }
}

export async function actionRun(
  repository: string,
  files: Record<string, string>,
  cache: 'none' | 'ecr',
  branch: string,
  what: string,
  sha = commitSha(),
  /** More inputs (part 8: sbom, provenance). */
  extra: Record<string, string> = {},
): Promise<ColdActionRun & { sha: string }> {
  return onFreshBuilder(async (builder) => {
    const event = branchPush(branch, sha);
    const run = await timedAction(
      { repository, builder: builder.name, cache, 'build-args': `BASE_IMAGE=${stackEnv().PYTHON_BASE_IMAGE}`, ...extra },
      event.sha,
      files,
      what,
      { event, env: { BUILDX_CONFIG: builder.buildxConfig } },
    );
    const { log, ...timing } = run;
    if (what.startsWith('(r)') && !/skip-existing/.test(log)) throw new Error(`${what}: the re-run did not reuse the image`);
    return { ...timing, steps: countSteps(log), sha };
  });
}

/**
 * The floor for (a) (no `branch`: no cache flags) or for (b) (the cache flags of `branch`): what
 * the action does for this build, by hand.
 */
/**
 * What one describes by hand: the tag, unless it names an index with attestations inside
 * (BuildKit's layout with --sbom/--provenance), which ECR refuses to scan (UNSUPPORTED_IMAGE):
 * then its first platform manifest, as `docker buildx imagetools inspect` shows it.
 */
async function scannableReference(repository: string, tag: string): Promise<string> {
  const tagged = await registryManifest(repository, tag);
  const manifests = tagged?.json.manifests ?? [];
  if (!manifests.some((m) => m.annotations?.['vnd.docker.reference.type'] !== undefined)) return tag;
  const platform = manifests.find((m) => m.annotations?.['vnd.docker.reference.type'] === undefined);
  if (!platform) throw new Error(`${repository}:${tag} holds attestations only`);
  return platform.digest;
}

export async function floorRun(
  repository: string,
  files: Record<string, string>,
  branch?: string,
  /** The attestation flags (part 8), in place of --provenance=false. */
  attestations: string[] = ['--provenance=false'],
): Promise<ColdFloorRun> {
  const stack = stackEnv();
  return onFreshBuilder(async (builder) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-cold-floor-'));
    try {
      const config = path.join(dir, 'docker-config');
      const context = path.join(dir, 'context');
      mkdirSync(config);
      writeFileSync(path.join(config, 'config.json'), '{}\n');
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(context, file)), { recursive: true });
        writeFileSync(path.join(context, file), content);
      }
      const env = { ...process.env, DOCKER_CONFIG: config, BUILDX_CONFIG: builder.buildxConfig };
      const image = `${stack.REGISTRY}/${repository}`;
      const tag = randomUUID().replace(/-/g, '');
      const t0 = performance.now();
      await runProcess('docker', ['login', '--username', 'AWS', '--password-stdin', stack.REGISTRY], { env, input: registryPassword() });
      const t1 = performance.now();
      const built = await runProcess(
        'docker',
        [
          'buildx',
          'build',
          '--builder',
          builder.name,
          '--progress',
          'plain',
          '--file',
          path.join(context, 'Dockerfile'),
          '--build-arg',
          `BASE_IMAGE=${stack.PYTHON_BASE_IMAGE}`,
          ...(branch === undefined
            ? []
            : ['--cache-from', registryCacheFrom(image, cacheTag(branch)), '--cache-to', registryCacheTo(image, cacheTag(branch))]),
          ...attestations,
          '--tag',
          `${image}:${tag}`,
          '--push',
          context,
        ],
        { env },
      );
      const t2 = performance.now();
      await describeUntilComplete(repository, await scannableReference(repository, tag), 20);
      const t3 = performance.now();
      return { login: t1 - t0, buildPush: t2 - t1, describe: t3 - t2, total: t3 - t0, steps: countSteps(built.stderr) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** `first` and `second` one after the other, the order swapped on odd repeats. */
export async function alternate<A, B>(i: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  if (i % 2 === 0) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

export async function measureColdRunner(repeats: number, log: (m: string) => void): Promise<ColdResult> {
  if (!stackEnv().PYTHON_BASE_IMAGE) throw new Error('the stack env has no PYTHON_BASE_IMAGE: run bash scripts/stack/start.sh');
  const repository = uniqueRepository('bench-retail');
  await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  let version = 0;
  const next = () => changedApp((version += 1));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const UNLINKED = 'bench-no-link';

  log(
    'part 6/7: warm-up: the action with cache: ecr on fresh builders (seeds buildcache-main, and buildcache-bench-no-link without --link)',
  );
  const seed = await actionRun(repository, next(), 'ecr', 'main', 'cold warm-up');
  const seedUnlinked = await actionRun(repository, withoutLink(next()), 'ecr', UNLINKED, 'cold warm-up without --link');
  log(`part 6/7: warm-up took ${s(seed.total)} and ${s(seedUnlinked.total)}`);

  const result: ColdResult = { noCache: [], noCacheFloor: [], rerun: [], cached: [], floor: [], unlinked: [], firstExport: [] };
  for (let i = 0; i < repeats; i += 1) {
    const files = next();
    const [a, fa] = await alternate(
      i,
      () => actionRun(repository, files, 'none', 'main', '(a) cold, no cache'),
      () => floorRun(repository, next()),
    );
    result.noCache.push(a);
    result.noCacheFloor.push(fa);
    const r = await actionRun(repository, files, 'none', 'main', '(r) re-run of (a)', a.sha);
    result.rerun.push(r);
    const e = await actionRun(repository, next(), 'ecr', `bench-export-${randomUUID().slice(0, 8)}`, '(e) cold, first export');
    result.firstExport.push(e);
    // (b), (fb) and (c) read the cache the run before wrote; each writes it again for the next.
    const [b, fb] = await alternate(
      i,
      () => actionRun(repository, next(), 'ecr', 'main', '(b) cold, cache: ecr'),
      () => floorRun(repository, next(), 'main'),
    );
    result.cached.push(b);
    result.floor.push(fb);
    const c = await actionRun(repository, withoutLink(next()), 'ecr', UNLINKED, '(c) cold, cache: ecr, no --link');
    result.unlinked.push(c);
    log(
      `part 6/7: ${i + 1}/${repeats}: (a) no cache ${s(a.total)}, floor ${s(fa.total)}, (r) re-run ${s(r.total)}, ` +
        `(e) first export ${s(e.total)}, (b) cache: ecr ${s(b.total)} (${b.steps.cached}/${b.steps.total} steps cached), floor ${s(fb.total)}, ` +
        `(c) without --link ${s(c.total)} (${c.steps.cached}/${c.steps.total} cached)`,
    );
  }
  return result;
}
