// The ECR API endpoint (POST / with X-Amz-Target, AWS JSON 1.1): signature check, the
// scenario's call rules (hang, throttle, faults), dispatch, error shaping and the call log.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep } from '../common/http.ts';
import type { OpContext, Operation } from './context.ts';
import { EcrError } from './errors.ts';
import type { Input } from './input.ts';
import type { CallScenario } from './model.ts';
import { imageOperations } from './ops-images.ts';
import { repositoryOperations } from './ops-repositories.ts';
import { scanOperations } from './ops-scans.ts';
import { signingOperations } from './ops-signing.ts';
import type { RegistryClient } from './registry-client.ts';
import type { Scanner } from './scans.ts';
import { accountOf, verifySigV4 } from './sigv4.ts';
import type { Store } from './store.ts';

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

const OPERATIONS: Record<string, Operation> = {
  ...repositoryOperations,
  ...imageOperations,
  ...scanOperations,
  ...signingOperations,
};

export class EcrApi {
  private readonly store: Store;
  private readonly registry: RegistryClient;
  private readonly scanner: Scanner;
  private readonly secrets: ReadonlyMap<string, string>;

  constructor(store: Store, registry: RegistryClient, scanner: Scanner, secrets: ReadonlyMap<string, string>) {
    this.store = store;
    this.registry = registry;
    this.scanner = scanner;
    this.secrets = secrets;
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target || '(none)';
    let input: Input = {};
    let accessKeyId: string | undefined;
    let status = 200;
    let error: EcrError | undefined;
    let output: unknown;
    /** Waited after the call is handled, before it is answered: what it saw is older than its answer. */
    let answerDelay = 0;
    try {
      const identity = verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, this.secrets, 'ecr');
      accessKeyId = identity.accessKeyId;
      input = parseInput(body);
      const handler = req.method === 'POST' && target.startsWith(TARGET_PREFIX) ? OPERATIONS[operation] : undefined;
      answerDelay = await this.applyCallRules(operation, input);
      if (!handler) throw new EcrError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
      const ctx: OpContext = {
        store: this.store,
        registry: this.registry,
        scanner: this.scanner,
        account: accountOf(identity.accessKeyId),
        region: identity.region,
        now: Date.now(),
      };
      output = await handler(input, ctx);
    } catch (err) {
      error = err instanceof EcrError ? err : new EcrError('ServerException', String((err as Error)?.message ?? err), 500);
      if (!(err instanceof EcrError)) console.error(`[ecr] ${operation} failed:`, err);
      status = error.status;
    }

    await answer(res, { requestId, status, error, output, delayMs: answerDelay });

    const repository = typeof input.repositoryName === 'string' ? input.repositoryName : undefined;
    this.store.logCall({
      time: new Date(started).toISOString(),
      requestId,
      operation,
      ...(repository ? { repository } : {}),
      ...(accessKeyId ? { accessKeyId } : {}),
      status,
      ...(error ? { error: error.type, message: error.message } : {}),
      durationMs: Date.now() - started,
      request: input,
    });
  }

  /**
   * Global rules first, then the named registry's, then the repository's (applyCallRules below).
   * Returns how long to wait once the call is handled, before answering.
   */
  private async applyCallRules(operation: string, input: Input): Promise<number> {
    const repo = typeof input.repositoryName === 'string' ? this.store.repositories.get(input.repositoryName) : undefined;
    const registryIds = [input.registryId, ...(Array.isArray(input.registryIds) ? input.registryIds : [])].filter(
      (id) => typeof id === 'string',
    );
    const registries = registryIds.flatMap((id) => this.store.registries.get(id)?.scenario ?? []);
    const scenarios: CallScenario[] = [this.store.globalScenario, ...registries, ...(repo ? [repo.scenario] : [])];
    return applyCallRules(this.store, scenarios, operation, ECR_FAULTS);
  }
}

/** What a fault rule without `type` answers: the service's modelled 500, and who injected it. */
export interface FaultDefaults {
  type: string;
  message: string;
}

const ECR_FAULTS: FaultDefaults = { type: 'ServerException', message: 'Internal service error (injected by the ECR stand-in).' };

/**
 * A call's rules from every scope that applies to it (`scenarios`, broadest first; every service
 * the process serves starts with the global scenario): latency, hang, then throttle, then faults.
 * Returns how long to wait once the call is handled, before answering: the second half of the
 * latency (a round trip: the request travels, then the answer does) and any hang with `after`.
 */
export async function applyCallRules(
  store: Store,
  scenarios: CallScenario[],
  operation: string,
  faults: FaultDefaults = ECR_FAULTS,
): Promise<number> {
  // The latency of a real service, the longest that any scope asks for, on every call: half
  // before the call is handled, half after.
  const latency = Math.max(0, ...scenarios.map((scenario) => scenario.latencyMs ?? 0));
  if (latency > 0) await sleep(latency / 2);
  let after = latency / 2;
  for (const scenario of scenarios) {
    if (!scenario.hangMs || !store.takeRule(scenario.hangMs, operation)) continue;
    if (scenario.hangMs.after) after += scenario.hangMs.ms;
    else await sleep(scenario.hangMs.ms);
  }
  for (const scenario of scenarios) {
    if (store.takeRule(scenario.throttle, operation)) throw new EcrError('ThrottlingException', 'Rate exceeded');
  }
  for (const scenario of scenarios) {
    const fault = scenario.faults;
    if (fault && store.takeRule(fault, operation)) {
      const status = fault.status ?? 500;
      const type = fault.type ?? (status === 503 ? 'ServiceUnavailableException' : faults.type);
      throw new EcrError(type, fault.message ?? faults.message, status);
    }
  }
  return after;
}

/**
 * An AWS JSON 1.1 answer, after `delayMs` (what the call saw is older than its answer): the
 * output, or the error as `{__type, message}` with x-amzn-ErrorType. ECR's and KMS's alike.
 */
export async function answer(
  res: ServerResponse,
  reply: { requestId: string; status: number; error?: EcrError; output?: unknown; delayMs: number },
): Promise<void> {
  if (reply.delayMs > 0) await sleep(reply.delayMs);
  const { error } = reply;
  const text = JSON.stringify(error ? { __type: error.type, message: error.message } : reply.output);
  res.writeHead(reply.status, {
    'content-type': CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(text)),
    'x-amzn-RequestId': reply.requestId,
    ...(error ? { 'x-amzn-ErrorType': error.type } : {}),
  });
  res.end(text);
}

export function parseInput(body: Buffer): Input {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EcrError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EcrError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return value as Input;
}
