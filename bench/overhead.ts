// Parts 2 and 5: the whole action against the floor done by hand, and a re-run of the same SHA
// against the fresh run. Same builder, same context (fresh content every time, so no push is a
// cached one), scan-on-push completing at once (scanDelayMs 0), scan: true. Action and floor
// alternate which goes first.
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitSha, pushEvent, runAction, type EventSpec, type RunResult } from '../test/e2e/harness.js';
import { putRepository, uniqueRepository } from '../test/e2e/stack.js';
import { floorRun, freshFiles, type FloorRun } from './floor.js';
import { ROOT } from './lib/env.js';
import { commandTimes, mainPhases, readTrace } from './lib/phases.js';
import { callsOfRun } from './lib/stand-in.js';

const TRACE_HOOK = path.join(ROOT, 'bench', 'trace', 'stdout-times.cjs');

export interface ActionRun {
  /** main + post, as the harness timed them (spawn → close). */
  total: number;
  main: number;
  post: number;
  /** main's phases, from its own timed group lines. */
  phases: Record<string, number>;
  /** ms per command run (main and post), e.g. `docker login`, `post: docker logout`. */
  commands: Record<string, number>;
  /** ECR API calls the stand-in received during the run, by operation. */
  apiCalls: Record<string, number>;
}

export interface OverheadResult {
  action: ActionRun[];
  rerun: ActionRun[];
  floor: FloorRun[];
}

function check(run: RunResult, what: string): void {
  if (run.main.exitCode !== 0 || run.outputs['scan-status'] !== 'COMPLETE') {
    throw new Error(`${what}: exit ${run.main.exitCode}, scan-status ${run.outputs['scan-status']}\n${run.main.log.slice(-3000)}`);
  }
}

/** One run of the action through the e2e harness, timed; its run directory is removed after. */
export async function timedAction(
  inputs: Record<string, string>,
  sha: string,
  files: Record<string, string>,
  what: string,
  options: { event?: EventSpec; env?: Record<string, string> } = {},
): Promise<ActionRun & { log: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-trace-'));
  const trace = path.join(dir, 'trace');
  try {
    const since = Date.now();
    const run = await runAction({
      inputs,
      event: options.event ?? pushEvent(sha),
      files,
      env: { ...options.env, NODE_OPTIONS: `--require ${TRACE_HOOK}`, BENCH_TRACE_FILE: trace },
    });
    const until = Date.now();
    // The harness's run directory (workspace, runner temp, docker config): not needed any more.
    rmSync(path.dirname(run.workspace), { recursive: true, force: true });
    check(run, what);
    const [main = [], post = []] = readTrace(trace);
    const apiCalls: Record<string, number> = {};
    for (const call of await callsOfRun(inputs.repository, since, until)) apiCalls[call.operation] = (apiCalls[call.operation] ?? 0) + 1;
    const postCommands = Object.entries(commandTimes(post)).map(([name, ms]) => [`post: ${name}`, ms]);
    return {
      log: run.main.log,
      total: run.main.durationMs + (run.post?.durationMs ?? 0),
      main: run.main.durationMs,
      post: run.post?.durationMs ?? 0,
      phases: mainPhases(main),
      commands: { ...commandTimes(main), ...Object.fromEntries(postCommands) },
      apiCalls,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureOverhead(repeats: number, builder: string, log: (m: string) => void): Promise<OverheadResult> {
  const actionRepo = uniqueRepository('bench-action');
  const floorRepo = uniqueRepository('bench-floor');
  for (const repo of [actionRepo, floorRepo])
    await putRepository(repo, { scanOnPush: true, imageTagMutability: 'IMMUTABLE', scenario: { scanDelayMs: 0 } });
  const inputs = { repository: actionRepo, builder };

  const actionPair = async () => {
    const sha = commitSha();
    const files = freshFiles();
    const fresh = await timedAction(inputs, sha, files, 'fresh run');
    const again = await timedAction(inputs, sha, files, 're-run of the same SHA');
    if (!/skip-existing/.test(again.log)) throw new Error('the re-run did not reuse the image (no skip-existing line)');
    const strip = ({ log: _log, ...timing }: ActionRun & { log: string }): ActionRun => timing;
    return { fresh: strip(fresh), again: strip(again) };
  };

  log('part 2/5: warm-up (one action run, one re-run, one floor)');
  await actionPair();
  await floorRun(floorRepo, builder);

  const result: OverheadResult = { action: [], rerun: [], floor: [] };
  for (let i = 0; i < repeats; i += 1) {
    const floorFirst = i % 2 === 1;
    if (floorFirst) result.floor.push(await floorRun(floorRepo, builder));
    const { fresh, again } = await actionPair();
    result.action.push(fresh);
    result.rerun.push(again);
    if (!floorFirst) result.floor.push(await floorRun(floorRepo, builder));
    const f = result.floor[result.floor.length - 1];
    log(
      `part 2/5: ${i + 1}/${repeats}: action ${Math.round(fresh.total)} ms, re-run ${Math.round(again.total)} ms, floor ${Math.round(f.total)} ms`,
    );
  }
  return result;
}
