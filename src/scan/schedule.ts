// Pure: when to ask ECR about a scan again.
//
// The goal (checked by the benchmark): a scan that has finished is noticed within
// max(1 s, 10% of the time waited so far), with about one call per second at most.
// The first check is immediate (a re-run's scan is often complete already); after that the
// delay is that bound itself, so the wait backs off as it grows long.
//
// Jitter keeps concurrent waits (platforms, matrix legs) from asking in lockstep once the
// delays grow. It is 10% wide, taken off the bound rather than spread around it (a delay past
// the bound would break the goal above), and never below 1 s (which would break "one call per
// second"): at the floor the delay is exactly 1 s.

/** Shortest delay between two checks: the "1 s" of the goal. */
export const MIN_DELAY_MS = 1000;
/** Share of the time waited so far that the delay grows to. */
export const GROWTH = 0.1;
/** Width of the jitter, as a share of the delay. */
export const JITTER = 0.1;

/**
 * Milliseconds to wait before the next check, given the time waited so far and the time left
 * before the deadline. Never more than the time left; 0 means the deadline has come.
 * `random` returns a number in [0, 1), as Math.random does.
 */
export function nextDelay(waitedMs: number, remainingMs: number, random: () => number): number {
  if (!(remainingMs > 0)) return 0;
  const bound = Math.max(MIN_DELAY_MS, GROWTH * Math.max(0, waitedMs));
  const delay = Math.max(MIN_DELAY_MS, Math.floor(bound * (1 - JITTER * unit(random()))));
  return Math.min(delay, remainingMs);
}

/**
 * The times (ms after the start) at which a wait of `timeoutMs` would check, each call taking
 * `callMs`: what waitForFindings does when the scan never finishes. For the benchmark and tests.
 */
export function pollSchedule(timeoutMs: number, random: () => number, callMs = 0): number[] {
  const checks: number[] = [];
  let now = 0;
  while (now < timeoutMs) {
    checks.push(now);
    now += callMs;
    const delay = nextDelay(now, timeoutMs - now, random);
    if (delay <= 0) break;
    now += delay;
  }
  return checks;
}

function unit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
