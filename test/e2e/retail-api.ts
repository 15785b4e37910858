// examples/retail-api as the e2e test, the demo and the benchmark use it: its files (a
// workspace for the harness), the inputs that build it on the stack, and running the pushed
// image on the stack's Docker engine (`docker run --network host`: the engine has no bridge).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { ROOT } from './harness.js';
import { registryPassword, stackEnv } from './stack.js';

const run = promisify(execFile);

export const RETAIL_API_DIR = path.join(ROOT, 'examples', 'retail-api');

/** Every file of an example directory, by path relative to it (what the harness writes into the workspace). */
export function exampleFiles(dir = RETAIL_API_DIR): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, 'utf8')];
      }),
  );
}

/**
 * The inputs that build it on the stack: the remote BuildKit (its RUN steps have the host's
 * network, so pip reaches PyPI; the engine's builder has no network) and the stack's base.
 */
export function retailApiInputs(): Record<string, string> {
  const stack = stackEnv();
  if (!stack.PYTHON_BASE_IMAGE) throw new Error('the stack env has no PYTHON_BASE_IMAGE: run bash scripts/stack/start.sh');
  return { builder: stack.REMOTE_BUILDER, 'build-args': `BASE_IMAGE=${stack.PYTHON_BASE_IMAGE}` };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningContainer {
  id: string;
  url: string;
  /** `docker inspect` of the container (parsed). */
  inspect(): Promise<{ State: { Health?: { Status: string } }; Config: { User: string } }>;
  stop(): Promise<void>;
}

/**
 * Pulls `image` into the stack's engine (logged in with a throwaway config: the engine trusts
 * 127.0.0.1:15000 over HTTP, `--insecure-registry` in start.sh) and runs it on a free port,
 * waiting until GET /health answers.
 */
export async function runOnEngine(image: string, timeoutMs = 120_000): Promise<RunningContainer> {
  const config = mkdtempSync(path.join(os.tmpdir(), 'retail-engine-'));
  const docker = (args: string[], input?: string) => {
    const child = run('docker', ['--config', config, ...args], { maxBuffer: 16 * 1024 * 1024 });
    if (input !== undefined) child.child.stdin?.end(input);
    return child;
  };
  try {
    await docker(['login', '--username', 'AWS', '--password-stdin', stackEnv().REGISTRY], registryPassword());
    await docker(['pull', '--quiet', image]);
    const port = await freePort();
    const { stdout } = await docker(['run', '--detach', '--network', 'host', '--env', `PORT=${port}`, image]);
    const id = stdout.trim();
    const url = `http://127.0.0.1:${port}`;
    const container: RunningContainer = {
      id,
      url,
      inspect: async () => JSON.parse((await docker(['inspect', id])).stdout)[0],
      stop: async () => {
        await docker(['rm', '--force', id]);
        rmSync(config, { recursive: true, force: true });
      },
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if ((await fetch(`${url}/health`)).ok) return container;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        const logs = await docker(['logs', id]).catch(() => ({ stdout: '', stderr: '' }));
        await container.stop();
        throw new Error(`${image} did not answer ${url}/health within ${timeoutMs} ms:\n${logs.stdout}${logs.stderr}`);
      }
      await sleep(250);
    }
  } catch (error) {
    rmSync(config, { recursive: true, force: true });
    throw error;
  }
}
