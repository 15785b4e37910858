// One retry rule for the calls a registry or GitHub hiccup can fail (docker login, the push,
// PutImage in promotion, the PR comment): at most 3 attempts with backoff, within 2 minutes,
// each retry a warning naming the attempt and the cause; what is permanent fails at once.
// See ../../docs/reliability.md ("Transient faults") and the action spec's "Transient faults".
//
// Time is injected (clock, sleep), as in scan/poll.ts, so the rule is tested on fake time.
// Own code rather than a library: the budget rule (no attempt started that the last one's
// length says cannot end in time) and the warnings are the point, and they are a few lines.
import { toMessage } from './errors.js';

export interface RetryOptions {
  /** What is tried, for messages: e.g. `docker login to 127.0.0.1:15000`. */
  what: string;
  /** Why `error` is worth another attempt, in a few words (its cause); undefined when it is permanent. */
  transient(error: unknown): string | undefined;
  clock: { now(): number };
  sleep(ms: number): Promise<void>;
  warn(message: string): void;
  /** Default 3. */
  attempts?: number;
  /** The whole time all attempts may take; default 2 minutes. */
  budgetMs?: number;
  /** The pause after attempt 1, 2, …; the last one repeats. Default 5 s, then 20 s: a registry away for
   * 25 s is ridden out, and a dead one fails well within the budget. */
  backoffMs?: readonly number[];
}

/** What a caller injects: time, and where each retry's warning goes. */
export type RetrySeams = Pick<RetryOptions, 'clock' | 'sleep' | 'warn'>;

export const RETRY_ATTEMPTS = 3;
export const RETRY_BUDGET_MS = 120_000;
export const RETRY_BACKOFF_MS: readonly number[] = [5_000, 20_000];

/** What the retry gave up on: the last error's message, with how many attempts it took. */
export class RetriesExhaustedError extends Error {
  override name = 'RetriesExhaustedError';
  constructor(
    message: string,
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Runs `attempt` until it succeeds, fails with a permanent error (thrown as it is), or the
 * attempts or the budget run out (a RetriesExhaustedError naming the last cause). Another
 * attempt starts only when the budget leaves room for the pause and for an attempt as long as
 * the last one: an attempt is never cut off, so the budget is kept by not starting one.
 */
export async function withRetry<T>(options: RetryOptions, attempt: (attempt: number) => Promise<T>): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? RETRY_ATTEMPTS);
  const budgetMs = options.budgetMs ?? RETRY_BUDGET_MS;
  const backoff = options.backoffMs ?? RETRY_BACKOFF_MS;
  const start = options.clock.now();
  for (let n = 1; ; n += 1) {
    const attemptStart = options.clock.now();
    try {
      return await attempt(n);
    } catch (error) {
      const cause = options.transient(error);
      if (cause === undefined) throw error;
      const now = options.clock.now();
      const pause = backoff[Math.min(n - 1, backoff.length - 1)] ?? 0;
      const elapsed = now - start;
      const seconds = `${Math.round(elapsed / 1000)} s`;
      if (n >= attempts) {
        throw new RetriesExhaustedError(`${toMessage(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds})`, n, {
          cause: error,
        });
      }
      if (elapsed + pause + (now - attemptStart) > budgetMs) {
        throw new RetriesExhaustedError(
          `${toMessage(error)} (gave up after ${n} attempt${n === 1 ? '' : 's'} in ${seconds}: another would not end within the ${Math.round(budgetMs / 1000)} s retry budget)`,
          n,
          { cause: error },
        );
      }
      options.warn(`${options.what}: attempt ${n} of ${attempts} failed (${cause}); retrying in ${Math.round(pause / 1000)} s.`);
      await options.sleep(pause);
    }
  }
}

/** Real time, for callers outside tests. */
export const realTime = {
  clock: { now: () => Date.now() },
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
