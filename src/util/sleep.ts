// A sleep on real time that an AbortSignal ends early: what the scan wait's deadline, and every
// pause inside it, wait with (WaitOptions.sleep); tests pass fake time instead.
import { setTimeout as timer } from 'node:timers/promises';

/** Resolves after `ms`, or as soon as `signal` aborts, without error. */
export async function sleepUntilAborted(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await timer(ms, undefined, { signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
