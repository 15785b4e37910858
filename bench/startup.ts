// Part 1: start-up. How long from spawning `node dist/index.js` until its first API call reaches
// the network, minus how long a bare `node -e 0` takes; and the size of the bundle.
//
// The "API" is a tiny HTTP server here, given to the SDK as AWS_ENDPOINT_URL_ECR: it notes when
// the first request arrives and answers AccessDeniedException (not retried), so the action
// stops right after. Bare node and the action are spawned alternately, after one warm-up each.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST_INDEX, NODE24, ROOT, runnerEnv } from './lib/env.js';

export interface StartupResult {
  /** spawn → first request at the server, per repeat (ms). */
  action: number[];
  /** spawn → exit of `node -e 0`, per repeat (ms). */
  bare: number[];
  /** action[i] - bare[i]. */
  overhead: number[];
  indexBytes: number;
  allJsBytes: number;
  jsFiles: Array<{ file: string; bytes: number }>;
  /** Where --cpu-prof wrote a profile of one extra run, when asked. */
  profile?: string;
}

class FirstRequest {
  private waiting: ((at: number) => void) | undefined;
  readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      const at = performance.now();
      this.waiting?.(at);
      this.waiting = undefined;
      request.resume();
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'benchmark: first call recorded' }));
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  next(): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

function exited(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now()));
  });
}

async function bareNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(NODE24, ['-e', '0'], { stdio: 'ignore' });
  return (await exited(child)) - started;
}

async function actionToFirstCall(first: FirstRequest, port: number, nodeArgs: string[] = []): Promise<number> {
  const { env, dir } = runnerEnv(
    { repository: 'bench/startup' },
    {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIABENCHSTARTUP0001',
      AWS_SECRET_ACCESS_KEY: 'bench-startup-secret',
      AWS_ENDPOINT_URL_ECR: `http://127.0.0.1:${port}`,
      // Never called on a push event; a port that answers, in case.
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
    },
  );
  const arrived = first.next();
  const started = performance.now();
  const child = spawn(NODE24, [...nodeArgs, DIST_INDEX], { cwd: env.GITHUB_WORKSPACE, env, stdio: 'ignore' });
  const done = exited(child);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const at = await Promise.race([arrived, done.then(() => Number.NaN)]);
  await done;
  clearTimeout(timeout);
  rmSync(dir, { recursive: true, force: true });
  if (Number.isNaN(at)) throw new Error('dist/index.js exited without calling the ECR endpoint (start-up benchmark)');
  return at - started;
}

export function bundleSizes(): Pick<StartupResult, 'indexBytes' | 'allJsBytes' | 'jsFiles'> {
  const dist = path.join(ROOT, 'dist');
  const jsFiles = readdirSync(dist)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, bytes: statSync(path.join(dist, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    indexBytes: statSync(DIST_INDEX).size,
    allJsBytes: jsFiles.reduce((sum, f) => sum + f.bytes, 0),
    jsFiles,
  };
}

export async function measureStartup(repeats: number, options: { profileDir?: string } = {}): Promise<StartupResult> {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run npm run bundle first`);
  const first = new FirstRequest();
  const port = await first.listen();
  try {
    // Warm the file cache for both, then alternate.
    await bareNode();
    await actionToFirstCall(first, port);
    const action: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      bare.push(await bareNode());
      action.push(await actionToFirstCall(first, port));
    }
    let profile: string | undefined;
    if (options.profileDir) {
      await actionToFirstCall(first, port, ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-interval=100']);
      profile = options.profileDir;
    }
    return { action, bare, overhead: action.map((a, i) => a - bare[i]), ...bundleSizes(), profile };
  } finally {
    first.server.close();
  }
}
