// Test doubles for the scan wait: fake time that only moves when every task is waiting, and an
// ECR client that answers from a script. No module mocking, no real sleeping.
import {
  DescribeImageScanFindingsCommand,
  ECRServiceException,
  StartImageScanCommand,
  type DescribeImageScanFindingsCommandOutput,
  type DescribeImageScanFindingsResponse,
  type ECRClient,
  type StartImageScanCommandOutput,
} from '@aws-sdk/client-ecr';
import { readFileSync } from 'node:fs';

/**
 * A clock and a sleep on fake time. Sleepers wake in time order, and time jumps to the next
 * wake-up only once nothing else can run (checked from a setImmediate, after all microtasks).
 */
export class FakeTime {
  private nowMs = 0;
  private sequence = 0;
  private pumping = false;
  private sleepers: Array<{ at: number; order: number; wake: () => void }> = [];

  readonly clock = { now: (): number => this.nowMs };

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const sleeper = { at: this.nowMs + Math.max(0, ms), order: this.sequence++, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          resolve();
        },
        { once: true },
      );
      this.pump();
    });

  /** Sleepers still waiting (none once a wait has ended cleanly). */
  get pending(): number {
    return this.sleepers.length;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      const next = [...this.sleepers].sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) return;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.nowMs = Math.max(this.nowMs, next.at);
      next.wake();
      if (this.sleepers.length > 0) this.pump();
    });
  }
}

/** A deterministic random() (a linear congruential generator), so jitter is reproducible. */
export function seededRandom(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export type Step =
  /** `tookMs`: fake time the call takes before it answers (0 by default). */
  | { reply: DescribeImageScanFindingsResponse; tookMs?: number }
  | { error: Error }
  /** A call that never answers: `honoursAbort` rejects once the signal aborts, as the SDK does. */
  | { hang: { honoursAbort: boolean } };

export interface DigestScript {
  /** Answers to DescribeImageScanFindings without a nextToken, in order; the last one repeats. */
  describe: Step[];
  /** Answers for a nextToken, in order; the last one repeats. */
  pages?: Record<string, Step[]>;
  /** Answers to StartImageScan; by default it succeeds. */
  start?: Step[];
  /** Answers to DescribeImageScanFindings once a StartImageScan has succeeded (instead of `describe`). */
  afterStart?: Step[];
}

export interface RecordedCall {
  at: number;
  command: 'DescribeImageScanFindings' | 'StartImageScan';
  repositoryName?: string;
  registryId?: string;
  digest?: string;
  tag?: string;
  nextToken?: string;
  maxResults?: number;
}

/** An ECR client whose answers come from a script per platform digest; it records every call. */
export class ScriptedEcr {
  readonly calls: RecordedCall[] = [];
  private readonly started = new Set<string>();

  constructor(
    private readonly script: Record<string, DigestScript>,
    private readonly time: FakeTime,
  ) {}

  /** The client as waitForFindings takes it (the SDK's overloaded `send`, answered by `answer`). */
  get client(): Pick<ECRClient, 'send'> {
    const send = async (command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> =>
      this.answer(command, options?.abortSignal);
    return { send } as unknown as Pick<ECRClient, 'send'>;
  }

  callsFor(digest: string, command: RecordedCall['command'] = 'DescribeImageScanFindings'): RecordedCall[] {
    return this.calls.filter((call) => call.digest === digest && call.command === command);
  }

  private async answer(
    command: unknown,
    signal: AbortSignal | undefined,
  ): Promise<DescribeImageScanFindingsCommandOutput | StartImageScanCommandOutput> {
    if (command instanceof DescribeImageScanFindingsCommand) {
      const { imageId, nextToken, maxResults, repositoryName, registryId } = command.input;
      const digest = imageId?.imageDigest;
      this.calls.push({
        at: this.time.clock.now(),
        command: 'DescribeImageScanFindings',
        repositoryName,
        registryId,
        digest,
        tag: imageId?.imageTag,
        nextToken,
        maxResults,
      });
      const script = this.scriptFor(digest);
      const first = digest !== undefined && this.started.has(digest) && script.afterStart ? script.afterStart : script.describe;
      const steps = nextToken === undefined ? first : script.pages?.[nextToken];
      if (!steps) throw new Error(`test script has no page ${nextToken} for ${digest}`);
      return { $metadata: {}, ...(await play(steps, signal, this.time)) };
    }
    if (command instanceof StartImageScanCommand) {
      const { imageId, repositoryName, registryId } = command.input;
      const digest = imageId?.imageDigest;
      this.calls.push({ at: this.time.clock.now(), command: 'StartImageScan', repositoryName, registryId, digest, tag: imageId?.imageTag });
      const steps = this.scriptFor(digest).start ?? [{ reply: { imageScanStatus: { status: 'IN_PROGRESS' } } }];
      const answer = await play(steps, signal, this.time);
      if (digest !== undefined) this.started.add(digest);
      return { $metadata: {}, ...answer };
    }
    throw new Error(`unexpected command ${String(command)}`);
  }

  private scriptFor(digest: string | undefined): DigestScript {
    const script = digest === undefined ? undefined : this.script[digest];
    if (!script) throw new Error(`test script has nothing for ${digest ?? 'a call without a digest'}`);
    return script;
  }
}

async function play(steps: Step[], signal: AbortSignal | undefined, time: FakeTime): Promise<DescribeImageScanFindingsResponse> {
  const step = steps.length > 1 ? steps.shift() : steps[0];
  if (!step) throw new Error('empty test script');
  if ('reply' in step) {
    if (step.tookMs) await time.sleep(step.tookMs);
    return step.reply;
  }
  if ('error' in step) throw step.error;
  return new Promise((_resolve, reject) => {
    if (!step.hang.honoursAbort) return;
    signal?.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })), { once: true });
  });
}

export function reply(response: DescribeImageScanFindingsResponse): Step {
  return { reply: response };
}

export function status(value: string, description?: string): Step {
  return { reply: { imageScanStatus: { status: value, ...(description ? { description } : {}) } } as DescribeImageScanFindingsResponse };
}

/** An error as the SDK throws it: modelled or not, it carries the service's error name. */
export function awsError(name: string, options: { fault?: 'client' | 'server'; httpStatusCode?: number; message?: string } = {}): Step {
  return {
    error: new ECRServiceException({
      name,
      $fault: options.fault ?? 'client',
      $metadata: { httpStatusCode: options.httpStatusCode ?? 400 },
      message: options.message ?? `${name} (from the test script)`,
    }),
  };
}

export function networkError(code: string): Step {
  return { error: Object.assign(new Error(`connect ${code} 52.46.1.1:443`), { code }) };
}

const DATE_FIELDS = new Set([
  'imageScanCompletedAt',
  'vulnerabilitySourceUpdatedAt',
  'firstObservedAt',
  'lastObservedAt',
  'updatedAt',
  'vendorCreatedAt',
  'vendorUpdatedAt',
  'pushedAt',
]);

/** A recorded DescribeImageScanFindings response (CLI JSON), with timestamps as the SDK gives them (Date). */
export function loadFixture(name: string): DescribeImageScanFindingsResponse {
  const text = readFileSync(new URL(`../../__fixtures__/ecr/${name}`, import.meta.url), 'utf8');
  return JSON.parse(text, (key, value: unknown) =>
    DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as DescribeImageScanFindingsResponse;
}

/** The fixture as an answer, optionally with another nextToken (or none). */
export function page(name: string, changes: Partial<DescribeImageScanFindingsResponse> = {}): Step {
  return reply({ ...loadFixture(name), ...changes });
}

export const BASIC_TOKEN = 'ukD72mdD/mC8b5xV3susmJzzaTgp3hKwR9nRUW1yZZ6dBc7ZH4';
export const ENHANCED_TOKEN = 'eyJlbmNyeXB0ZWREYXRhIjpbMTIsMzQsNTYsNzhdfQ==';

export interface CapturedLog {
  info: string[];
  warning: string[];
  log: { info(message: string): void; warning(message: string): void };
}

export function captureLog(): CapturedLog {
  const info: string[] = [];
  const warning: string[] = [];
  return { info, warning, log: { info: (m) => info.push(m), warning: (m) => warning.push(m) } };
}
