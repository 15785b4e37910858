// Retry seams on fake time (src/util/retry.ts): sleeps move the clock at once and are recorded,
// and so is every warning.
import type { RetrySeams } from '../src/util/retry.js';

export function fakeRetrySeams(): RetrySeams & { sleeps: number[]; warnings: string[] } {
  let now = 0;
  const sleeps: number[] = [];
  const warnings: string[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    warn: (message) => warnings.push(message),
    sleeps,
    warnings,
  };
}
