// The floor: the least work that pushes an image and reads its scan, done by hand with the same
// builder — one `docker login --password-stdin`, one `docker buildx build --push`, then
// DescribeImageScanFindings with @aws-sdk/client-ecr until the scan is COMPLETE (once, when the
// scan completes at once and the stand-in has heard of the push).
import { DescribeImageScanFindingsCommand } from '@aws-sdk/client-ecr';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { registryPassword, stackEnv } from '../test/e2e/stack.js';
import { runProcess } from './lib/proc.js';
import { standInClient } from './lib/stand-in.js';

/** The image both the action and the floor build: FROM scratch, one small file that changes every time. */
export const DOCKERFILE = 'FROM scratch\nCOPY app.txt /app.txt\n';

export function freshFiles(): Record<string, string> {
  return { Dockerfile: DOCKERFILE, 'app.txt': `benchmark ${randomUUID()}\n` };
}

export interface PushedByHand {
  tag: string;
  /** ms per step. */
  login: number;
  buildPush: number;
  /** performance.now() right after the push. */
  pushedAt: number;
}

/** A fresh DOCKER_CONFIG knowing the stack's builders (as the e2e harness gives the action), and a context. */
function workspace(): { dir: string; config: string; context: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  const config = path.join(dir, 'docker-config');
  const context = path.join(dir, 'context');
  mkdirSync(config);
  mkdirSync(context);
  const builders = path.join(stackEnv().STACK_DOCKER_CONFIG, 'buildx');
  if (existsSync(builders)) cpSync(builders, path.join(config, 'buildx'), { recursive: true });
  writeFileSync(path.join(config, 'config.json'), '{}\n');
  for (const [file, content] of Object.entries(freshFiles())) writeFileSync(path.join(context, file), content);
  return { dir, config, context };
}

/** docker login + docker buildx build --push, timed step by step. */
export async function pushByHand(repository: string, builder: string, tag = randomUUID().replace(/-/g, '')): Promise<PushedByHand> {
  const stack = stackEnv();
  const { dir, config, context } = workspace();
  const env = { ...process.env, DOCKER_CONFIG: config };
  try {
    const t0 = performance.now();
    await runProcess('docker', ['login', '--username', 'AWS', '--password-stdin', stack.REGISTRY], { env, input: registryPassword() });
    const t1 = performance.now();
    await runProcess(
      'docker',
      ['buildx', 'build', '--builder', builder, '--provenance=false', '--push', '--tag', `${stack.REGISTRY}/${repository}:${tag}`, context],
      { env },
    );
    const t2 = performance.now();
    return { tag, login: t1 - t0, buildPush: t2 - t1, pushedAt: t2 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOT_YET = new Set(['ScanNotFoundException', 'ImageNotFoundException']);

/**
 * DescribeImageScanFindings by tag until COMPLETE, `periodMs` apart (the floor asks again at
 * once: 20 ms, only if the stand-in has not yet heard of the push). Returns the calls made.
 */
/** `reference` is a tag or a `sha256:` digest. */
export async function describeUntilComplete(repository: string, reference: string, periodMs: number, timeoutMs = 120_000): Promise<number> {
  const imageId = reference.startsWith('sha256:') ? { imageDigest: reference } : { imageTag: reference };
  const client = standInClient();
  const deadline = performance.now() + timeoutMs;
  for (let calls = 1; ; calls += 1) {
    let status: string | undefined;
    try {
      const out = await client.send(new DescribeImageScanFindingsCommand({ repositoryName: repository, imageId }));
      status = out.imageScanStatus?.status;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (!NOT_YET.has(name)) throw error;
    }
    if (status === 'COMPLETE' || status === 'ACTIVE') return calls;
    if (status && status !== 'IN_PROGRESS' && status !== 'PENDING') throw new Error(`scan of ${repository} ${reference} ended ${status}`);
    if (performance.now() > deadline) throw new Error(`scan of ${repository} ${reference} not complete after ${timeoutMs} ms`);
    await sleep(periodMs);
  }
}

export interface FloorRun {
  login: number;
  buildPush: number;
  describe: number;
  describeCalls: number;
  total: number;
}

export async function floorRun(repository: string, builder: string): Promise<FloorRun> {
  const pushed = await pushByHand(repository, builder);
  const calls = await describeUntilComplete(repository, pushed.tag, 20);
  const describe = performance.now() - pushed.pushedAt;
  return {
    login: pushed.login,
    buildPush: pushed.buildPush,
    describe,
    describeCalls: calls,
    total: pushed.login + pushed.buildPush + describe,
  };
}
