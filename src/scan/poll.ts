// Waits for ECR's scan of each platform manifest (starting it when the repository does not scan
// on push) and reads its findings. I/O with everything passed in: the client, clock, sleep and
// randomness, so tests run on fake time. Its words are in poll-text.ts, its error
// classification in aws/errors.ts.
//
// Each platform manifest is polled BY DIGEST, never the index: ECR cannot scan an index.
// All platforms are waited on concurrently under one deadline, which nothing outlives: a call
// still pending at the deadline is aborted (and no longer awaited).
import {
  DescribeImageScanFindingsCommand,
  StartImageScanCommand,
  type DescribeImageScanFindingsCommandOutput,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { isRetryableAwsError } from '../aws/errors.js';
import type { ImageRef } from '../ecr/images.js';
import type { PlatformManifest } from '../shared/manifest.js';
import { errorName, isCredentialError, toMessage } from '../util/errors.js';
import {
  FINDINGS_READY,
  INCOMPLETE_STATUSES,
  PENDING_STATUSES,
  type Finding,
  type PlatformScan,
  type ScanType,
} from '../shared/finding.js';
import { normalizeFindings } from './normalize.js';
import { defaultDescription, describeLast, type Last } from './poll-text.js';
import { MIN_DELAY_MS, nextDelay } from './schedule.js';

export interface WaitOptions {
  client: Pick<ECRClient, 'send'>;
  ref: ImageRef;
  /** The platform manifests to wait on (one for a single-platform image). */
  platforms: PlatformManifest[];
  /** The repository scans on push; when false each platform's scan is started here. */
  scanOnPush: boolean;
  timeoutMs: number;
  clock: { now(): number };
  /**
   * Resolves after `ms`. When it also honours `signal` (resolving or rejecting once it aborts),
   * no timer outlives the wait; `sleepUntilAborted` does.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the schedule's jitter. */
  random(): number;
  log: { info(message: string): void; warning(message: string): void };
  /**
   * Waits for this repository's turn before each status check (src/scan/pace.ts), so that the
   * waits beside this one (other platforms, the base image) keep to one call a second together.
   */
  pace?: (signal: AbortSignal) => Promise<void>;
}

export const TIMEOUT = 'TIMEOUT';
/** With scan-on-push, how long ScanNotFoundException may last before we start the scan ourselves. */
export const SCAN_ON_PUSH_GRACE_MS = 15_000;
/** Under enhanced scanning, the pause between two complete reads that must agree. */
export const SETTLE_DELAY_MS = 3_000;
const PAGE_SIZE = 1000;
/** Statuses this action knows; 'UNKNOWN' stands for a response without one. */
const KNOWN_STATUSES: readonly string[] = [...FINDINGS_READY, ...INCOMPLETE_STATUSES, ...PENDING_STATUSES, 'UNKNOWN'];

/** The waiting platform's scans, in the order of `platforms`. Throws on credential/permission errors. */
export async function waitForFindings(options: WaitOptions): Promise<PlatformScan[]> {
  return new Wait(options).run();
}

/** A DescribeImageScanFindings or StartImageScan call that ran into the deadline. */
const DEADLINE = Symbol('deadline');
type Outcome<T> = T | typeof DEADLINE;

/** Whether a scan exists or is to be started: one state at a time. */
type Phase =
  /** Scan-on-push: the registry's own scan is awaited; `notFoundSince`, since ECR has said ScanNotFoundException. */
  | { kind: 'awaiting-scan'; notFoundSince?: number }
  /** A StartImageScan is due this round (scan-on-push off, no scan after the grace period, or a retry). */
  | { kind: 'starting' }
  /** StartImageScan was answered. `limitExceeded`: ECR's one manual scan a day was used, so a scan must already exist or there will be none. */
  | { kind: 'started'; limitExceeded: boolean };

interface Platform {
  platform: string;
  digest: string;
  calls: number;
  retries: number;
  last: Last;
  phase: Phase;
  /** Under enhanced scanning, the previous complete read, to compare with the next. */
  settling?: CompleteRead;
}

interface CompleteRead {
  status: string;
  description?: string;
  scanType: ScanType;
  findings: Finding[];
  /** Severity → count of ECR's findings as read (before one-per-package), for the cross-check and settling. */
  readCounts: Record<string, number>;
  reportedCounts?: Partial<Record<string, number>>;
  completedAt?: string;
}

class Wait {
  private readonly start: number;
  private readonly deadline: number;
  /** Aborted at the deadline, on a fatal error, or when every platform is done: ends calls and sleeps. */
  private readonly stop = new AbortController();
  private fatal: Error | undefined;

  constructor(private readonly options: WaitOptions) {
    this.start = options.clock.now();
    this.deadline = this.start + Math.max(0, options.timeoutMs);
  }

  async run(): Promise<PlatformScan[]> {
    // The deadline's own timer ends a call that hangs. Not awaited on purpose: the wait ends as
    // soon as every platform is done, whether or not the injected sleep honours the signal.
    void this.options.sleep(this.deadline - this.start, this.stop.signal).then(
      () => this.abort(),
      () => this.abort(),
    );
    try {
      const results = await Promise.allSettled(this.options.platforms.map(async (manifest) => this.waitForPlatform(manifest)));
      if (this.fatal) throw this.fatal;
      return results.map((result) => {
        if (result.status === 'fulfilled') return result.value;
        throw result.reason;
      });
    } finally {
      this.abort();
    }
  }

  private abort(): void {
    if (!this.stop.signal.aborted) this.stop.abort();
  }

  private async waitForPlatform(manifest: PlatformManifest): Promise<PlatformScan> {
    const state: Platform = {
      platform: manifest.platform,
      digest: manifest.digest,
      calls: 0,
      retries: 0,
      last: { kind: 'none' },
      phase: this.options.scanOnPush ? { kind: 'awaiting-scan' } : { kind: 'starting' },
    };
    try {
      for (;;) {
        const checkStarted = this.options.clock.now();
        const result = await this.check(state);
        if (result === DEADLINE) return this.timedOut(state);
        if (result !== undefined) return result;
        const delay = state.settling ? this.settleDelay() : nextDelay(this.waited(), this.remaining(), () => this.options.random());
        if (state.settling && delay === 0) return this.unsettled(state, state.settling);
        // The schedule runs from the start of the last check, so a call's own time does not widen the
        // gap; but the next check never starts less than MIN_DELAY_MS after this one ended, so ECR
        // never sees two checks less than a second apart (a call reaches it later than it starts:
        // signing, a new connection, a slow network).
        const took = this.options.clock.now() - checkStarted;
        const gap = delay > 0 ? Math.max(Math.min(MIN_DELAY_MS, delay), delay - took) : 0;
        if (!(await this.pause(gap))) return this.timedOut(state);
      }
    } catch (error) {
      // One platform's fatal error (credentials, an unexpected error) ends every platform's wait.
      this.fatal ??= error instanceof Error ? error : new Error(toMessage(error));
      this.abort();
      throw this.fatal;
    }
  }

  /** One round: start the scan if needed, then read its status (and findings). undefined: wait on. */
  private async check(state: Platform): Promise<Outcome<PlatformScan | undefined>> {
    if (state.phase.kind === 'starting') {
      const started = await this.startScan(state);
      if (started !== 'polled') return started;
    }
    if (!(await this.turn())) return DEADLINE;
    let first: DescribeImageScanFindingsCommandOutput | typeof DEADLINE;
    try {
      first = await this.describe(state);
    } catch (error) {
      return this.describeFailed(state, error);
    }
    if (first === DEADLINE) return DEADLINE;
    if (state.phase.kind === 'awaiting-scan') state.phase = { kind: 'awaiting-scan' };
    const status = first.imageScanStatus?.status ?? 'UNKNOWN';
    const description = first.imageScanStatus?.description;
    this.noteStatus(state, status, description);

    if ((FINDINGS_READY as readonly string[]).includes(status)) return this.readFindings(state, status, description, first);
    if ((INCOMPLETE_STATUSES as readonly string[]).includes(status)) {
      return this.result(state, { status, description: description ?? defaultDescription(status), complete: false });
    }
    // PENDING_STATUSES wait; so does a status this action does not know yet, until the deadline.
    return undefined;
  }

  /** 'polled' when polling should go on in this round; otherwise a final result, DEADLINE, or undefined (try again). */
  private async startScan(state: Platform): Promise<Outcome<PlatformScan | undefined | 'polled'>> {
    const { client, ref } = this.options;
    try {
      const done = await this.call(state, (abortSignal) =>
        client.send(new StartImageScanCommand({ ...ref, imageId: { imageDigest: state.digest } }), { abortSignal }),
      );
      if (done === DEADLINE) return DEADLINE;
      state.phase = { kind: 'started', limitExceeded: false };
      this.options.log.info(`${state.platform}: started ECR's scan of ${state.digest} (StartImageScan).`);
      return 'polled';
    } catch (error) {
      const name = errorName(error) ?? '';
      if (name === 'LimitExceededException') {
        // ECR allows one manual scan per image per day: if there is a scan, read it.
        state.phase = { kind: 'started', limitExceeded: true };
        this.options.log.info(
          `${state.platform}: StartImageScan hit ECR's limit of one manual scan per image per day; reading the existing scan.`,
        );
        return 'polled';
      }
      if (name === 'ValidationException') {
        // E.g. enhanced scanning, where Amazon Inspector scans by itself and manual scans are refused.
        state.phase = { kind: 'started', limitExceeded: false };
        this.options.log.info(`${state.platform}: StartImageScan was refused (${toMessage(error)}); waiting for the registry's own scan.`);
        return 'polled';
      }
      if (name === 'UnsupportedImageTypeException') {
        state.phase = { kind: 'started', limitExceeded: false };
        return this.result(state, {
          status: 'UNSUPPORTED_IMAGE',
          description: `ECR cannot scan this image: ${toMessage(error)}`,
          complete: false,
        });
      }
      if (name === 'ImageNotFoundException') {
        // Right after a push the image may not be visible yet: start again next round.
        state.last = { kind: 'error', name };
        return undefined;
      }
      return this.handleCommonError(state, error, 'ecr:StartImageScan');
    }
  }

  private async describeFailed(state: Platform, error: unknown): Promise<Outcome<PlatformScan | undefined>> {
    const name = errorName(error) ?? '';
    if (name === 'ScanNotFoundException') {
      if (state.phase.kind === 'started' && state.phase.limitExceeded) {
        return this.result(state, {
          status: 'LIMIT_EXCEEDED',
          description:
            'ECR allows one manual scan (StartImageScan) per image per day; that limit is used up for this image and no scan of it exists. Turn on scan-on-push for the repository, or run again tomorrow.',
          complete: false,
        });
      }
      const now = this.options.clock.now();
      state.last = { kind: 'error', name };
      if (state.phase.kind === 'awaiting-scan') {
        const since = (state.phase.notFoundSince ??= now);
        if (now - since > SCAN_ON_PUSH_GRACE_MS) {
          // Scan-on-push can be off at the registry level (a registry scanning configuration).
          this.options.log.info(
            `${state.platform}: no scan after ${Math.round((now - since) / 1000)} s despite scan-on-push; starting one.`,
          );
          // Until ECR answers for certain, the next rounds try again (e.g. after throttling).
          state.phase = { kind: 'starting' };
          const started = await this.startScan(state);
          if (started === DEADLINE) return DEADLINE;
          if (started !== 'polled') return started;
        }
      }
      return undefined;
    }
    if (name === 'ImageNotFoundException') {
      state.last = { kind: 'error', name };
      return undefined;
    }
    return this.handleCommonError(state, error, 'ecr:DescribeImageScanFindings');
  }

  /** Retryable errors wait for the next round; credential errors and anything unexpected throw. */
  private handleCommonError(state: Platform, error: unknown, action: string): undefined {
    const name = errorName(error) ?? 'Error';
    if (isCredentialError(error)) {
      throw new Error(
        `AWS credentials or permissions: ${action} on ${this.options.ref.repositoryName} (${state.platform}, ${state.digest}) was refused with ${name}: ${toMessage(error)}. Check that the credentials are valid and the role allows ${action}.`,
      );
    }
    if (isRetryableAwsError(error)) {
      state.retries += 1;
      state.last = { kind: 'error', name };
      return undefined;
    }
    throw new Error(
      `${action.replace('ecr:', '')} for ${state.platform} (${state.digest}) in ${this.options.ref.repositoryName} failed with ${name}: ${toMessage(error)}`,
    );
  }

  /** COMPLETE/ACTIVE: every page, normalized and cross-checked; under enhanced scanning, settled. */
  private async readFindings(
    state: Platform,
    status: string,
    description: string | undefined,
    first: DescribeImageScanFindingsCommandOutput,
  ): Promise<Outcome<PlatformScan | undefined>> {
    // Settling (enhanced): the counts are read again. When the first page reports the counts of
    // the last complete read, that read stands; paging through every finding again is not needed.
    const previous = state.settling;
    const reportedNow = first.imageScanFindings?.findingSeverityCounts;
    if (previous?.reportedCounts && reportedNow && sameCounts(positiveCounts(previous.reportedCounts), positiveCounts(reportedNow))) {
      return this.completed(state, previous);
    }
    // Counted page by page: a page is garbage once normalized, not held until the last one.
    const readCounts: Record<string, number> = {};
    let findingsRead = 0;
    const findings: Finding[] = [];
    let page: DescribeImageScanFindingsCommandOutput = first;
    let enhanced = status === 'ACTIVE';
    const tokens = new Set<string>();
    for (;;) {
      const scanned = page.imageScanFindings;
      enhanced ||= (scanned?.enhancedFindings?.length ?? 0) > 0;
      for (const finding of scanned?.findings ?? []) addSeverity(readCounts, finding);
      for (const finding of scanned?.enhancedFindings ?? []) addSeverity(readCounts, finding);
      findingsRead += (scanned?.findings?.length ?? 0) + (scanned?.enhancedFindings?.length ?? 0);
      findings.push(...normalizeFindings(scanned, state.platform));
      const token = page.nextToken;
      if (!token) break;
      if (tokens.has(token)) {
        this.options.log.warning(`${state.platform}: ECR repeated the page token ${token}; stopping at ${findingsRead} findings.`);
        break;
      }
      tokens.add(token);
      let next: Outcome<DescribeImageScanFindingsCommandOutput>;
      try {
        next = await this.describe(state, token);
      } catch (error) {
        // A page that cannot be read now: the next round reads every page again.
        return this.handleCommonError(state, error, 'ecr:DescribeImageScanFindings');
      }
      if (next === DEADLINE) return state.settling ? this.unsettled(state, state.settling) : DEADLINE;
      page = next;
    }

    const scanned = page.imageScanFindings ?? first.imageScanFindings;
    const read: CompleteRead = {
      status,
      description,
      scanType: enhanced ? 'ENHANCED' : 'BASIC',
      findings,
      readCounts,
      reportedCounts: scanned?.findingSeverityCounts,
      completedAt: toIso(scanned?.imageScanCompletedAt),
    };
    if (read.scanType === 'ENHANCED') {
      // Inspector keeps adding findings after the status turns ACTIVE: done once two reads agree.
      const previous = state.settling;
      state.settling = read;
      if (!previous || !sameCounts(previous.readCounts, read.readCounts)) return undefined;
    }
    return this.completed(state, read);
  }

  private completed(state: Platform, read: CompleteRead): PlatformScan {
    this.crossCheck(state, read);
    const { readCounts: _readCounts, ...rest } = read;
    const scan = this.result(state, { ...rest, complete: true });
    this.options.log.info(
      `${state.platform}: ${read.status}, ${read.findings.length} finding${read.findings.length === 1 ? '' : 's'} (${read.scanType.toLowerCase()} scanning, ${state.calls} call${state.calls === 1 ? '' : 's'}${state.retries > 0 ? `, ${state.retries} retried` : ''}).`,
    );
    return scan;
  }

  /** The deadline came while enhanced findings were still being compared: report the last read. */
  private unsettled(state: Platform, read: CompleteRead): PlatformScan {
    this.options.log.warning(
      `${state.platform}: enhanced scanning was still adding findings when scan-timeout ran out; reporting the last complete read.`,
    );
    return this.completed(state, read);
  }

  private crossCheck(state: Platform, read: CompleteRead): void {
    if (!read.reportedCounts) return;
    const reported = positiveCounts(read.reportedCounts);
    if (sameCounts(reported, read.readCounts)) return;
    this.options.log.warning(
      `${state.platform}: ECR reports ${formatCounts(reported)} but ${formatCounts(read.readCounts)} were read; the report counts the findings read.`,
    );
  }

  private timedOut(state: Platform): PlatformScan {
    if (state.settling) return this.unsettled(state, state.settling);
    const seconds = Math.round(this.waited() / 1000);
    const last = state.last;
    if (last.kind === 'status' && !KNOWN_STATUSES.includes(last.status)) {
      // An unknown status is reported as ECR said it, never as a crash.
      return this.result(state, {
        status: last.status,
        description: `ECR's scan status ${last.status} is not one this action knows, and it did not change within ${seconds} s${last.description ? ` (${trimPeriod(last.description)})` : ''}.`,
        complete: false,
      });
    }
    return this.result(state, {
      status: TIMEOUT,
      description: `No final scan status within ${seconds} s (scan-timeout); ${describeLast(last, state.retries)}.`,
      complete: false,
    });
  }

  private result(
    state: Platform,
    scan: Omit<PlatformScan, 'platform' | 'digest' | 'calls' | 'findings'> & { findings?: Finding[] },
  ): PlatformScan {
    const result: PlatformScan = { platform: state.platform, digest: state.digest, findings: [], ...scan, calls: state.calls };
    if (state.retries > 0) result.retries = state.retries;
    // After another platform's fatal error this platform was only cut short: nothing to say.
    if (!scan.complete && !this.fatal) this.options.log.warning(`${state.platform}: ${scan.status}: ${scan.description ?? ''}`);
    return result;
  }

  private noteStatus(state: Platform, status: string, description: string | undefined): void {
    const changed = state.last.kind !== 'status' || state.last.status !== status;
    state.last = { kind: 'status', status, description };
    if (!changed) return;
    if (KNOWN_STATUSES.includes(status)) {
      this.options.log.info(`${state.platform}: scan ${status}${description ? ` (${description})` : ''}.`);
    } else {
      this.options.log.warning(`${state.platform}: ECR's scan status ${status} is not one this action knows; waiting for it to change.`);
    }
  }

  private async describe(state: Platform, nextToken?: string): Promise<Outcome<DescribeImageScanFindingsCommandOutput>> {
    const { client, ref } = this.options;
    return this.call(state, (abortSignal) =>
      client.send(
        new DescribeImageScanFindingsCommand({ ...ref, imageId: { imageDigest: state.digest }, maxResults: PAGE_SIZE, nextToken }),
        { abortSignal },
      ),
    );
  }

  /** One API call, counted, that the deadline (or another platform's fatal error) cuts short. */
  private async call<T>(state: Platform, send: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
    if (this.stop.signal.aborted || this.remaining() <= 0) return DEADLINE;
    state.calls += 1;
    try {
      return await this.untilStopped(send(this.stop.signal));
    } catch (error) {
      // The SDK's AbortError once the deadline aborted the request.
      if (this.stop.signal.aborted) return DEADLINE;
      throw error;
    }
  }

  /**
   * `work`'s outcome, or DEADLINE as soon as the wait is stopped. One abort listener per call,
   * removed when it settles: a Promise.race against one promise that lives as long as the wait
   * keeps every result (each page read) reachable from that promise until the wait ends.
   */
  private async untilStopped<T>(work: Promise<T>): Promise<T | typeof DEADLINE> {
    const signal = this.stop.signal;
    let onAbort = (): void => undefined;
    // The executor runs at once: onAbort resolves `stopped` from here on.
    const stopped = new Promise<typeof DEADLINE>((resolve) => (onAbort = () => resolve(DEADLINE)));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([work, stopped]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** The repository's turn for a status check (no pacer: at once); false when the deadline came first. */
  private async turn(): Promise<boolean> {
    const pace = this.options.pace;
    if (!pace) return true;
    try {
      await this.untilStopped(pace(this.stop.signal));
    } catch {
      // A sleep that rejects when aborted: the wait is stopped, which the line below says.
    }
    return !this.stop.signal.aborted && this.remaining() > 0;
  }

  /** Sleeps; false when the deadline came first (or the wait was stopped). */
  private async pause(ms: number): Promise<boolean> {
    if (ms <= 0 || this.stop.signal.aborted) return false;
    await this.untilStopped(this.options.sleep(ms, this.stop.signal));
    return !this.stop.signal.aborted && this.remaining() > 0;
  }

  private settleDelay(): number {
    const delay = Math.floor(SETTLE_DELAY_MS * (1 - 0.1 * Math.min(1, Math.max(0, this.options.random()))));
    // Not worth starting a read the deadline would cut short: report what was read instead.
    return delay < this.remaining() ? delay : 0;
  }

  private waited(): number {
    return this.options.clock.now() - this.start;
  }

  private remaining(): number {
    return this.deadline - this.options.clock.now();
  }
}

function addSeverity(counts: Record<string, number>, finding: { severity?: string }): void {
  const severity = (finding.severity ?? 'UNDEFINED').toUpperCase();
  counts[severity] = (counts[severity] ?? 0) + 1;
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

function formatCounts(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${severity} ${n}`);
  return `${total} finding${total === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function toIso(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/** ECR's findingSeverityCounts without the zero and missing entries, for comparing. */
function positiveCounts(counts: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0),
  );
}
