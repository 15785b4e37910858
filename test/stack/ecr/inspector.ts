// Amazon Inspector's ListFindings, served by the ECR stand-in's process (its path, POST
// /findings/list, cannot clash with ECR's POST /): REST-JSON as @aws-sdk/client-inspector2
// sends it (reached through AWS_ENDPOINT_URL_INSPECTOR2), SigV4 verified for `inspector2`.
// It serves the same findings the ECR stand-in's enhanced scans show, with the EPSS scores
// and exploit details the image's labels give (findings.ts), paginated with nextToken.
// https://docs.aws.amazon.com/inspector/v2/APIReference/API_ListFindings.html
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject } from '../common/http.ts';
import { EcrError } from './errors.ts';
import { inspectorFinding } from './findings.ts';
import type { Repository } from './model.ts';
import type { RegistryClient } from './registry-client.ts';
import type { Scanner } from './scans.ts';
import { verifySigV4 } from './sigv4.ts';
import type { Store } from './store.ts';

export const LIST_FINDINGS_PATH = '/findings/list';
const DEFAULT_MAX_RESULTS = 50;
const MAX_RESULTS = 100;

type Filter = { comparison?: unknown; value?: unknown };

export class InspectorApi {
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
    let request: Record<string, unknown> = {};
    let repository: string | undefined;
    let accessKeyId: string | undefined;
    let status = 200;
    let error: EcrError | undefined;
    let output: unknown;
    try {
      const identity = verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
        this.secrets,
        'inspector2',
      );
      accessKeyId = identity.accessKeyId;
      if (req.method !== 'POST') throw new EcrError('ValidationException', `${req.method} ${LIST_FINDINGS_PATH} is not an operation`);
      request = parseRequest(body);
      const criteria = isObject(request.filterCriteria) ? request.filterCriteria : {};
      const names = equalsValues(criteria.ecrImageRepositoryName);
      repository = names[0];
      output = await this.listFindings(request, criteria, names, identity.region, started);
    } catch (err) {
      error = err instanceof EcrError ? err : new EcrError('InternalServerException', String((err as Error)?.message ?? err), 500);
      if (!(err instanceof EcrError)) console.error('[inspector] ListFindings failed:', err);
      status = error.status;
    }
    // REST-JSON errors: the status, x-amzn-ErrorType, and {"message"} (the SDK reads either).
    const text = JSON.stringify(error ? { __type: error.type, message: error.message } : output);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-amzn-RequestId': requestId,
      ...(error ? { 'x-amzn-ErrorType': error.type } : {}),
    });
    res.end(text);
    this.store.logCall({
      time: new Date(started).toISOString(),
      requestId,
      operation: 'ListFindings',
      ...(repository ? { repository } : {}),
      ...(accessKeyId ? { accessKeyId } : {}),
      status,
      ...(error ? { error: error.type, message: error.message } : {}),
      durationMs: Date.now() - started,
      request,
    });
  }

  private async listFindings(
    request: Record<string, unknown>,
    criteria: Record<string, unknown>,
    names: string[],
    region: string,
    now: number,
  ) {
    const digests = new Set(equalsValues(criteria.ecrImageHash));
    const registries = new Set(equalsValues(criteria.ecrImageRegistry));
    const repos = names
      .map((name) => this.store.repositories.get(name))
      .filter((repo): repo is Repository => repo !== undefined && (registries.size === 0 || registries.has(repo.registryId)));
    for (const repo of repos) {
      const rules = repo.scenario.inspector ?? {};
      if (rules.accessDenied) {
        throw new EcrError(
          'AccessDeniedException',
          `User: arn:aws:sts::${repo.registryId}:assumed-role/ecr-standin/test is not authorized to perform: inspector2:ListFindings on resource: arn:aws:inspector2:${region}:${repo.registryId}:/findings/list`,
          403,
        );
      }
      if (rules.fault) throw new EcrError('InternalServerException', 'Internal service error (injected by the Inspector stand-in).', 500);
    }

    const all: unknown[] = [];
    for (const repo of repos) {
      // Basic scanning is not Inspector's: it has no findings for such a repository.
      if (repo.scenario.scanType !== 'ENHANCED') continue;
      const tagsByDigest = await this.registry.tagsByDigest(repo.name);
      for (const image of this.store.imagesOf(repo.name)) {
        if (digests.size > 0 && !digests.has(image.digest)) continue;
        const scan = this.store.scan(repo.name, image.digest);
        if (!scan) continue;
        const view = await this.scanner.view(repo, scan, now);
        if (view.hidden || view.completedAt === undefined || !view.findings || !view.facts) continue;
        const context = {
          accountId: repo.registryId,
          region,
          repository: repo.name,
          digest: image.digest,
          tags: tagsByDigest.get(image.digest) ?? [],
          pushedAt: image.pushedAt,
          observedAt: view.completedAt,
          facts: view.facts,
        };
        all.push(...view.findings.map((spec) => inspectorFinding(spec, context)));
      }
    }

    const maxResults = intIn(request.maxResults, 1, MAX_RESULTS) ?? DEFAULT_MAX_RESULTS;
    const pageSize = Math.min(maxResults, ...repos.map((repo) => repo.scenario.inspector?.pageSize ?? Infinity));
    const scope = JSON.stringify(criteria);
    const offset = decodeOffset(request.nextToken, scope);
    const page = all.slice(offset, offset + pageSize);
    const end = offset + page.length;
    return {
      findings: page,
      ...(end < all.length ? { nextToken: Buffer.from(JSON.stringify({ scope, offset: end })).toString('base64url') } : {}),
    };
  }
}

function parseRequest(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) return value;
  } catch {
    // fall through
  }
  throw new EcrError('ValidationException', 'The request body is not a JSON object.');
}

/** The values of EQUALS filters on one field (several filters on a field match any). */
function equalsValues(filters: unknown): string[] {
  if (!Array.isArray(filters)) return [];
  return (filters as Filter[]).filter((f) => f.comparison === 'EQUALS' && typeof f.value === 'string').map((f) => f.value as string);
}

function intIn(value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EcrError('ValidationException', `maxResults must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function decodeOffset(token: unknown, scope: string): number {
  if (token === undefined || token === null || token === '') return 0;
  try {
    const state = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { scope?: string; offset?: number };
    if (state.scope === scope && typeof state.offset === 'number') return state.offset;
  } catch {
    // fall through
  }
  throw new EcrError('ValidationException', 'The nextToken is not valid for this request.');
}
