// The stand-ins can be as slow as the services they stand for (issue 30): a latency setting, off
// by default, scoped to what a test names, so that the windows real latency opens between a
// read and the writes decided on it show in end-to-end tests. Only lower bounds are checked
// (a delay that happened); the upper ones are generous, this machine being shared.
import { describe, expect, test } from '@jest/globals';
import { ECRClient, ListImagesCommand } from '@aws-sdk/client-ecr';
import { putGithubLatency, putRepository, stackEnv, uniquePr, uniqueRepository } from './stack.js';

const LATENCY_MS = 3000;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

function ecr(): ECRClient {
  const stack = stackEnv();
  return new ECRClient({
    region: stack.AWS_REGION,
    endpoint: stack.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
  });
}

function github(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stackEnv().GITHUB_API_URL}${path}`, {
    ...init,
    headers: { authorization: 'token ghs_standinlatency', 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

async function githubAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${stackEnv().GITHUB_STANDIN_ADMIN}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, json: await res.json() };
}

describe('GitHub stand-in: latency', () => {
  test('a rule for one pull request slows its requests and its comments, and nothing else', async () => {
    const [slow, other] = [uniquePr(), uniquePr()];
    const posted = await github(`/repos/acme/retail/issues/${slow}/comments`, { method: 'POST', body: JSON.stringify({ body: 'hello' }) });
    expect(posted.status).toBe(201);
    const comment = (await posted.json()) as { id: number };

    await putGithubLatency(slow, LATENCY_MS);
    try {
      for (const path of [
        `/repos/acme/retail/pulls/${slow}`,
        `/repos/acme/retail/issues/${slow}/comments`,
        `/repos/acme/retail/issues/comments/${comment.id}`,
      ]) {
        const { ms, value } = await timed(() => github(path));
        expect(value.status).toBe(200);
        expect(ms).toBeGreaterThanOrEqual(LATENCY_MS);
      }
      const { ms } = await timed(() => github(`/repos/acme/retail/pulls/${other}`));
      expect(ms).toBeLessThan(LATENCY_MS / 2);
    } finally {
      await putGithubLatency(slow, 0); // ms 0 removes the rule
    }
    const rules = (await githubAdmin('GET', '/latency')).json as { latencies: Array<{ issue?: number }> };
    expect(rules.latencies.filter((rule) => rule.issue === slow)).toEqual([]);
  }, 60_000);

  test('a rule that is not a latency is refused, naming what is accepted', async () => {
    const refused = await githubAdmin('PUT', '/latency', { ms: -1 });
    expect(refused.status).toBe(400);
    expect((refused.json as { error: string }).error).toContain('"ms": 0-60000');
  });
});

describe('ECR stand-in: latency', () => {
  test("a repository's latencyMs slows every call that names it, and no other repository's", async () => {
    const [slow, other] = [uniqueRepository('standin-latency'), uniqueRepository('standin-latency')];
    await putRepository(slow, { scenario: { latencyMs: LATENCY_MS } });
    await putRepository(other);
    const client = ecr();
    const list = (name: string) => timed(() => client.send(new ListImagesCommand({ repositoryName: name })));
    await list(other); // the client's connection, made
    const slowCall = await list(slow);
    expect(slowCall.value.imageIds).toEqual([]);
    expect(slowCall.ms).toBeGreaterThanOrEqual(LATENCY_MS);
    expect((await list(other)).ms).toBeLessThan(LATENCY_MS / 2);
  }, 60_000);

  test('latencyMs out of range is refused', async () => {
    const res = await fetch(`${stackEnv().ECR_STANDIN_ADMIN}/repositories/${uniqueRepository('standin-latency')}`, {
      method: 'PUT',
      body: JSON.stringify({ scenario: { latencyMs: 120_000 } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('scenario.latencyMs must be a number of ms from 0 to 60000');
  });
});
