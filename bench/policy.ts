// Part 10: what the strict policy (docs/policies/strict.yml, issue 31) adds to a run, paired in
// one invocation, each pair alternating which goes first:
//   (t) part 2's whole action (main + post) on a toy image the strict policy can judge fully: FROM
//       the stack's busybox base pinned by digest, COPY app.txt (fresh content every run), USER
//       10001, HEALTHCHECK; the same builder as part 2 (the stack's remote BuildKit), no sbom or
//       provenance (as part 2), so `licenses` and `attestations` are set to warn there;
//   (r) examples/retail-api's warm run: a fresh BuildKit each, cache: ecr warm from the run before,
//       sbom: true and provenance: mode=max in both runs (as part 8's (sw)), the base pinned by
//       digest, the strict policy exactly as test/e2e/policy.test.ts runs it (every rule passes).
// "Without" is every rule off (`build-checks: off`, `non-root: off`, the defaults' two rules; the
// others are off by default): the action then reads nothing for the policy (src/steps/policy.ts,
// policyOff). "With" is strict.yml as the workspace's .ecr-policy.yml plus an inline `policy`
// naming the stack's registry as the allowed bases' (and, for (t), licenses and attestations at
// warn). Every run must exit 0 with the scan COMPLETE; with the policy, its output must say what
// is expected of every rule.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { commitSha, pushEvent, runAction, type EventSpec } from '../test/e2e/harness.js';
import {
  putRegistryManifest,
  putRegistrySettings,
  putRepository,
  putRepositoryIn,
  registryPassword,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
} from '../test/e2e/stack.js';
import { alternate, branchPush, changedApp, countSteps, type Steps } from './cold.js';
import { freshFiles } from './floor.js';
import { startFreshBuilder } from './lib/buildkitd.js';
import { DIST_INDEX, ROOT } from './lib/env.js';
import { commandTimes, mainPhases, readTrace } from './lib/phases.js';
import { callsOfRun } from './lib/stand-in.js';
import type { ActionRun } from './overhead.js';

const TRACE_HOOK = path.join(ROOT, 'bench', 'trace', 'stdout-times.cjs');
const STRICT = readFileSync(path.join(ROOT, 'docs', 'policies', 'strict.yml'), 'utf8');
/** Every rule off: the defaults' two rules turned off, the others off by default. */
export const EVERY_RULE_OFF = 'build-checks: off\nnon-root: off';

export interface PolicyActionRun extends ActionRun {
  /** Output `policy` for the run's one image: rule → verdict. */
  verdicts: Record<string, string>;
  steps: Steps;
}

export interface PolicyResult {
  /** (t): the toy image, every rule off / the strict policy, pair by pair. */
  toyOff: PolicyActionRun[];
  toyStrict: PolicyActionRun[];
  /** (r): examples/retail-api, warm, sbom + provenance, every rule off / the strict policy. */
  retailOff: PolicyActionRun[];
  retailStrict: PolicyActionRun[];
}

type PolicyOutput = Record<string, Record<string, { verdict: string; reason?: string }>>;

/**
 * One run of the action through the e2e harness, timed as part 2's timedAction does (main + post,
 * the phases from its group lines), also returning its `policy` output. Throws with the log's
 * tail unless it exits 0 with the scan COMPLETE.
 */
async function timedRun(
  inputs: Record<string, string>,
  event: EventSpec,
  files: Record<string, string>,
  what: string,
  env: Record<string, string> = {},
): Promise<PolicyActionRun> {
  // dist/ is rebuilt (rm -rf, then written) by `npm run bundle`: a run that would start while it
  // is missing waits for it (a minute at most) rather than failing.
  for (let waited = 0; !existsSync(DIST_INDEX) && waited < 60_000; waited += 1000) await sleep(1000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-trace-'));
  const trace = path.join(dir, 'trace');
  try {
    const since = Date.now();
    const run = await runAction({
      inputs,
      event,
      files,
      env: { ...env, NODE_OPTIONS: `--require ${TRACE_HOOK}`, BENCH_TRACE_FILE: trace },
    });
    const until = Date.now();
    rmSync(path.dirname(run.workspace), { recursive: true, force: true });
    if (run.main.exitCode !== 0 || run.outputs['scan-status'] !== 'COMPLETE') {
      throw new Error(`${what}: exit ${run.main.exitCode}, scan-status ${run.outputs['scan-status']}\n${run.main.log.slice(-3000)}`);
    }
    const output = JSON.parse(run.outputs.policy ?? '{}') as PolicyOutput;
    const mine = output[inputs.repository] ?? Object.values(output)[0] ?? {};
    const verdicts = Object.fromEntries(Object.entries(mine).map(([rule, { verdict }]) => [rule, verdict]));
    const [main = [], post = []] = readTrace(trace);
    const apiCalls: Record<string, number> = {};
    for (const call of await callsOfRun(inputs.repository, since, until)) apiCalls[call.operation] = (apiCalls[call.operation] ?? 0) + 1;
    const postCommands = Object.entries(commandTimes(post)).map(([name, ms]) => [`post: ${name}`, ms]);
    return {
      total: run.main.durationMs + (run.post?.durationMs ?? 0),
      main: run.main.durationMs,
      post: run.post?.durationMs ?? 0,
      phases: mainPhases(main),
      commands: { ...commandTimes(main), ...Object.fromEntries(postCommands) },
      apiCalls,
      verdicts,
      steps: countSteps(run.main.log),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws unless every rule in `expected` has that verdict, and (every rule off) none is on. */
function expectVerdicts(run: PolicyActionRun, expected: Record<string, string> | 'off', what: string): void {
  const wrong =
    expected === 'off'
      ? Object.entries(run.verdicts).filter(([, verdict]) => verdict !== 'off')
      : Object.entries(expected).filter(([rule, verdict]) => run.verdicts[rule] !== verdict);
  if (wrong.length > 0 || (expected !== 'off' && Object.keys(run.verdicts).length === 0)) {
    throw new Error(`${what}: policy output ${JSON.stringify(run.verdicts)}, expected ${JSON.stringify(expected)}`);
  }
}

/** A manifest's digest as the registry holds it, byte for byte (test/e2e/policy.test.ts's rawManifest). */
async function rawManifest(repository: string, reference: string): Promise<{ text: string; mediaType: string; digest: string }> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const response = await fetch(`http://${stackEnv().REGISTRY}/v2/${repository}/manifests/${reference}`, {
    headers: {
      Authorization: `Basic ${auth}`,
      Accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  if (!response.ok) throw new Error(`registry ${response.status} for ${repository}:${reference}`);
  return {
    text: await response.text(),
    mediaType: response.headers.get('content-type') ?? '',
    digest: response.headers.get('docker-content-digest') ?? '',
  };
}

const TOY_EXPECTED = {
  'non-root': 'pass',
  healthcheck: 'pass',
  'base-images': 'pass',
  'base-fresh': 'pass',
  'max-size': 'pass',
  'build-checks': 'pass',
};
const RETAIL_EXPECTED = { ...TOY_EXPECTED, licenses: 'pass', attestations: 'pass' };

/** (t): the toy image, part 2's way, every rule off against the strict policy. */
async function measureToy(pairs: number, builder: string, log: (m: string) => void): Promise<Pick<PolicyResult, 'toyOff' | 'toyStrict'>> {
  const stack = stackEnv();
  // The busybox base under a tag of the benchmark's own (strict's base-images: a base named
  // `latest` is always a finding), a copy of base/busybox:latest; named by digest.
  const source = await rawManifest('base/busybox', 'latest');
  await putRegistryManifest('base/busybox', 'bench-policy', source.text, source.mediaType);
  const dockerfile = [
    `FROM ${stack.REGISTRY}/base/busybox:bench-policy@${source.digest}`,
    'COPY app.txt /app.txt',
    'USER 10001',
    'HEALTHCHECK CMD ["/app"]',
    '',
  ].join('\n');
  const repository = uniqueRepository('bench-policy');
  await putRepository(repository, { scanOnPush: true, imageTagMutability: 'IMMUTABLE', scenario: { scanDelayMs: 0 } });
  const strictPolicy = [
    `base-images: { level: fail, allowed: ["${stack.REGISTRY}/base/*"], pinned: true }`,
    'licenses: warn',
    'attestations: warn',
  ].join('\n');
  const files = () => ({ ...freshFiles(), Dockerfile: dockerfile });
  const off = async (what: string) => {
    const run = await timedRun({ repository, builder, policy: EVERY_RULE_OFF }, pushEvent(commitSha()), files(), what);
    expectVerdicts(run, 'off', what);
    return run;
  };
  const strict = async (what: string) => {
    const run = await timedRun(
      { repository, builder, policy: strictPolicy },
      pushEvent(commitSha()),
      { ...files(), '.ecr-policy.yml': STRICT },
      what,
    );
    expectVerdicts(run, TOY_EXPECTED, what);
    return run;
  };

  log('part 10 (t): warm-up (one run each, every rule off and strict)');
  const warm = await strict('(t) warm-up, strict');
  log(`part 10 (t): strict verdicts ${JSON.stringify(warm.verdicts)}`);
  await off('(t) warm-up, every rule off');

  const result: Pick<PolicyResult, 'toyOff' | 'toyStrict'> = { toyOff: [], toyStrict: [] };
  for (let i = 0; i < pairs; i += 1) {
    const [o, s] = await alternate(
      i,
      () => off('(t) every rule off'),
      () => strict('(t) strict'),
    );
    result.toyOff.push(o);
    result.toyStrict.push(s);
    log(
      `part 10 (t): ${i + 1}/${pairs}: off ${Math.round(o.total)} ms, strict ${Math.round(s.total)} ms ` +
        `(Policy group ${Math.round(s.phases.policy ?? 0)} ms)`,
    );
  }
  return result;
}

/** (r): examples/retail-api, warm, sbom + provenance mode=max, on a fresh BuildKit each. */
async function measureRetail(pairs: number, log: (m: string) => void): Promise<Pick<PolicyResult, 'retailOff' | 'retailStrict'>> {
  const stack = stackEnv();
  if (!stack.PYTHON_BASE_IMAGE) throw new Error('the stack env has no PYTHON_BASE_IMAGE: run bash scripts/stack/start.sh');
  const basePath = stack.PYTHON_BASE_IMAGE.slice(stack.REGISTRY.length + 1); // base/python:3.11-bookworm
  const [baseRepository, baseTagName] = basePath.split(':') as [string, string];
  const { digest } = await rawManifest(baseRepository, baseTagName);
  const repository = uniqueRepository('bench-policy-retail');
  await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  // As part 8: through the registry front with the referrers API (as ECR serves it) where the
  // stack has one; the base is read from it too (same storage), and allowed from it.
  let registry = stack.REGISTRY;
  let where: Record<string, string> = {};
  if (stack.REFERRERS_REGISTRY) {
    const registryId = uniqueRegistryId();
    await putRegistrySettings(registryId, { proxyEndpoint: `http://${stack.REFERRERS_REGISTRY}` });
    await putRepositoryIn(registryId, repository, { scanDelayMs: 0 });
    registry = stack.REFERRERS_REGISTRY;
    where = { 'registry-id': registryId };
  }
  const inputs = {
    repository,
    cache: 'ecr',
    'build-args': `BASE_IMAGE=${registry}/${basePath}@${digest}`,
    sbom: 'true',
    provenance: 'mode=max',
    ...where,
  };
  const strictPolicy = `base-images: { level: fail, allowed: ["${registry}/base/*"], pinned: true }`;
  let version = 2000;
  const next = () => changedApp((version += 1));
  const onFresh = async (policy: string, files: Record<string, string>, what: string) => {
    const builder = await startFreshBuilder();
    try {
      const event = branchPush('main');
      return await timedRun({ ...inputs, builder: builder.name, policy }, event, files, what, { BUILDX_CONFIG: builder.buildxConfig });
    } finally {
      await builder.stop();
    }
  };
  const off = async (what: string) => {
    const run = await onFresh(EVERY_RULE_OFF, next(), what);
    expectVerdicts(run, 'off', what);
    return run;
  };
  const strict = async (what: string) => {
    const run = await onFresh(strictPolicy, { ...next(), '.ecr-policy.yml': STRICT }, what);
    expectVerdicts(run, RETAIL_EXPECTED, what);
    return run;
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  log('part 10 (r): warm-up: the strict run with cache: ecr on a fresh BuildKit (seeds buildcache-main)');
  const seed = await strict('(r) warm-up, strict');
  log(`part 10 (r): warm-up took ${s(seed.total)}`);

  const result: Pick<PolicyResult, 'retailOff' | 'retailStrict'> = { retailOff: [], retailStrict: [] };
  for (let i = 0; i < pairs; i += 1) {
    const [o, st] = await alternate(
      i,
      () => off('(r) warm, every rule off'),
      () => strict('(r) warm, strict'),
    );
    result.retailOff.push(o);
    result.retailStrict.push(st);
    log(
      `part 10 (r): ${i + 1}/${pairs}: off ${s(o.total)} (${o.steps.cached}/${o.steps.total} cached), ` +
        `strict ${s(st.total)} (${st.steps.cached}/${st.steps.total} cached, Policy group ${Math.round(st.phases.policy ?? 0)} ms)`,
    );
  }
  return result;
}

export async function measurePolicy(
  toyPairs: number,
  retailPairs: number,
  builder: string,
  log: (m: string) => void,
): Promise<PolicyResult> {
  const built = () => (existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0);
  const before = built();
  const toy = await measureToy(toyPairs, builder, log);
  if (built() !== before) log('part 10: WARNING: dist/index.js was rebuilt during (t): its pairs ran on two bundles');
  const between = built();
  const retail = await measureRetail(retailPairs, log);
  if (built() !== between) log('part 10: WARNING: dist/index.js was rebuilt during (r): its pairs ran on two bundles');
  return { ...toy, ...retail };
}
