// At most one DescribeImageScanFindings call per second to a repository, whatever the number of
// waits asking it: each platform of a multi-platform image is a wait of its own, and so is each
// platform of a pull request's base image (same repository), and ECR sees them together.
// A wait takes its turn before each status check (the first page of a read); the pages of a
// finished scan's findings follow their first at once (they read one final result).
import { MIN_DELAY_MS } from './schedule.js';

export class CallPacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly clock: { now(): number },
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
    private readonly intervalMs = MIN_DELAY_MS,
  ) {}

  /**
   * Resolves when a call to `key` (a repository) may start: at once when none started within
   * `intervalMs`, else at the next free turn, which this call then holds. A stopped wait's
   * `signal` ends the sleep early; the turn stays taken (a second later is only one call less).
   */
  async turn(key: string, signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next.get(key) ?? now);
    this.next.set(key, at + this.intervalMs);
    if (at > now) await this.sleep(at - now, signal);
  }
}

/** The key of a repository's turns: its registry and name. */
export function repositoryKey(ref: { repositoryName: string; registryId?: string }): string {
  return `${ref.registryId ?? ''}/${ref.repositoryName}`;
}
