// What the benchmark reads from the stack beyond test/e2e/stack.ts's helpers: the ECR stand-in's
// call log with times, its scans with their start times, and an SDK client for "by hand" calls.
// Contract: test/stack/README.md (GET /_admin/calls, GET /_admin/scans).
import { ECRClient } from '@aws-sdk/client-ecr';
import { stackEnv } from '../../test/e2e/stack.js';

export interface TimedCall {
  /** ISO time the request arrived at the stand-in. */
  time: string;
  operation: string;
  repository?: string;
  status: number;
  error?: string;
  durationMs: number;
  request?: { imageId?: { imageDigest?: string; imageTag?: string }; nextToken?: string; repositoryNames?: string[] };
}

export interface ScanState {
  repository: string;
  digest: string;
  /** Epoch ms the scan started (the push, for scan-on-push). */
  startedAt: number;
  status: string;
}

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(`${stackEnv().ECR_STANDIN_ADMIN}${pathname}`);
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function timedCalls(repository: string): Promise<TimedCall[]> {
  const body = await getJson<{ calls: TimedCall[] }>(`/calls?repository=${encodeURIComponent(repository)}`);
  return body.calls;
}

/**
 * A run's calls: those naming the repository, DescribeRepositories listing it, and every
 * GetAuthorizationToken in the time window (it names no repository; tests running at the same
 * time against the same stand-in would add theirs).
 */
export async function callsOfRun(repository: string, since: number, until: number): Promise<TimedCall[]> {
  const body = await getJson<{ calls: TimedCall[] }>(`/calls?since=${since}`);
  return body.calls.filter((call) => {
    const at = Date.parse(call.time);
    if (at < since || at > until) return false;
    return (
      call.repository === repository ||
      call.request?.repositoryNames?.includes(repository) === true ||
      call.operation === 'GetAuthorizationToken'
    );
  });
}

export async function scans(repository: string): Promise<ScanState[]> {
  const body = await getJson<{ scans: ScanState[] }>(`/scans?repository=${encodeURIComponent(repository)}`);
  return body.scans;
}

let client: ECRClient | undefined;

/** An ECR client for the stand-in, as the action's is configured (same endpoint and credentials). */
export function standInClient(): ECRClient {
  const stack = stackEnv();
  client ??= new ECRClient({
    region: stack.AWS_REGION,
    endpoint: stack.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
  });
  return client;
}
