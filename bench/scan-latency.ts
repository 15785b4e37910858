// Part 3: how soon the action notices a finished scan, and how often it asks meanwhile, against
// a fixed 5-second poll written here with the SDK. The stand-in completes each scan
// `scanDelayMs` after the push; its call log says when each DescribeImageScanFindings arrived.
//
//   completed = scan start (the push, GET /_admin/scans) + scanDelayMs — the stand-in's own rule
//   noticed   = arrival of the last DescribeImageScanFindings call (the one that read COMPLETE:
//               0 findings, one page, and neither waiter calls again after it)
//   latency   = noticed - completed
//   calls/s   = (calls - 1) / (noticed - first call): the mean rate between calls while waiting
//   waited    = completed - first call (0 at least): how long the waiter had waited when the
//               scan completed
//   bound     = max(1 s, 10% of waited): the poll schedule's own promise (src/scan/schedule.ts:
//               "a scan that has finished is noticed within max(1 s, 10% of the time waited so
//               far)"), written out here so that the target does not move with the code
//   latency / bound is the target (≤ 1, the worst run deciding): a ratio to a bound measured in
//   the same run, not a number of seconds
//
// The fixed poll starts at a random point of its 5-second period after the push (uniform), as a
// loop that is not in step with the scan would; otherwise 10 s and 30 s, multiples of 5 s, would
// be noticed at once every time.
//
// For each repeat the three waits run at once, each with its fixed-poll twin beside it (timers,
// not CPU, decide these figures; running them together keeps the part short).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { commitSha } from '../test/e2e/harness.js';
import { putRepository, uniqueRepository } from '../test/e2e/stack.js';
import { describeUntilComplete, freshFiles, pushByHand } from './floor.js';
import { scans, timedCalls } from './lib/stand-in.js';
import { timedAction } from './overhead.js';

export const SCAN_DELAYS_MS = [2_000, 10_000, 30_000];
export const FIXED_POLL_MS = 5_000;
/** The poll schedule's promise: noticed within max(BOUND_FLOOR_MS, BOUND_SHARE × time waited). */
export const BOUND_FLOOR_MS = 1_000;
export const BOUND_SHARE = 0.1;

export interface Noticing {
  delayMs: number;
  latencyMs: number;
  /** completed - first call (0 at least). */
  waitedMs: number;
  /** max(1 s, 10% of waitedMs). */
  boundMs: number;
  calls: number;
  callsPerSecond: number;
}

export interface LatencyResult {
  action: Record<number, Noticing[]>;
  fixed: Record<number, Noticing[]>;
}

async function noticing(repository: string, delayMs: number): Promise<Noticing> {
  const [calls, scanList] = await Promise.all([timedCalls(repository), scans(repository)]);
  const describes = calls.filter((c) => c.operation === 'DescribeImageScanFindings').map((c) => Date.parse(c.time));
  const scan = scanList[0];
  if (!scan || describes.length === 0) throw new Error(`${repository}: no scan or no DescribeImageScanFindings call in the stand-in's log`);
  if (scanList.length > 1) throw new Error(`${repository}: ${scanList.length} scans; expected one push`);
  const first = describes[0];
  const noticed = describes[describes.length - 1];
  const completed = scan.startedAt + delayMs;
  if (noticed < completed - 50)
    throw new Error(`${repository}: the last DescribeImageScanFindings came ${completed - noticed} ms before the scan completed`);
  const waitedMs = Math.max(0, completed - first);
  return {
    delayMs,
    latencyMs: noticed - completed,
    waitedMs,
    boundMs: Math.max(BOUND_FLOOR_MS, BOUND_SHARE * waitedMs),
    calls: describes.length,
    callsPerSecond: describes.length > 1 ? (describes.length - 1) / ((noticed - first) / 1000) : 0,
  };
}

async function actionWait(delayMs: number, builder: string): Promise<Noticing> {
  const repository = uniqueRepository(`bench-wait-${delayMs / 1000}s`);
  await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: delayMs } });
  await timedAction({ repository, builder }, commitSha(), freshFiles(), `action waiting ${delayMs} ms`);
  return noticing(repository, delayMs);
}

async function fixedPollWait(delayMs: number, builder: string): Promise<Noticing> {
  const repository = uniqueRepository(`bench-fixed-${delayMs / 1000}s`);
  await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: delayMs } });
  const pushed = await pushByHand(repository, builder, randomUUID().replace(/-/g, ''));
  await sleep(Math.floor(Math.random() * FIXED_POLL_MS));
  await describeUntilComplete(repository, pushed.tag, FIXED_POLL_MS);
  return noticing(repository, delayMs);
}

export async function measureScanLatency(repeats: number, builder: string, log: (m: string) => void): Promise<LatencyResult> {
  const result: LatencyResult = { action: {}, fixed: {} };
  for (const delay of SCAN_DELAYS_MS) {
    result.action[delay] = [];
    result.fixed[delay] = [];
  }
  for (let i = 0; i < repeats; i += 1) {
    const started = Date.now();
    await Promise.all(
      SCAN_DELAYS_MS.map(async (delay) => {
        const [action, fixed] = await Promise.all([actionWait(delay, builder), fixedPollWait(delay, builder)]);
        result.action[delay].push(action);
        result.fixed[delay].push(fixed);
      }),
    );
    const line = SCAN_DELAYS_MS.map((d) => {
      const a = result.action[d][i];
      const f = result.fixed[d][i];
      return `${d / 1000} s: action +${a.latencyMs} ms (bound ${Math.round(a.boundMs)} ms)/${a.calls} calls, fixed +${f.latencyMs} ms/${f.calls} calls`;
    }).join('; ');
    log(`part 3: ${i + 1}/${repeats} (${Math.round((Date.now() - started) / 1000)} s): ${line}`);
  }
  return result;
}
