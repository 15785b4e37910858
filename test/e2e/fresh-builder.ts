// A fresh BuildKit, as a new GitHub-hosted runner has: a buildkitd of the test's own with a
// new, empty state directory on a free 127.0.0.1 port, and a buildx `remote` builder for it in
// a Docker config of its own (handed to runAction as `buildersFrom`). Started and stopped by
// pid; nothing of the stack's own buildkitd (15003) is touched. Configured as
// scripts/stack/start.sh configures the stack's (OCI worker, host network, plain-HTTP registry).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { stackEnv } from './stack.js';

const BUILDKITD = process.env.STACK_BUILDKITD || '/usr/local/lib/ecr-build-scan-push/bin/buildkitd';
const HOST = '127.0.0.1';

export interface FreshBuilder {
  /** The buildx builder's name. */
  name: string;
  /** Docker config directory holding only this builder (no credentials). */
  config: string;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startFreshBuilder(): Promise<FreshBuilder> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-buildkit-'));
  const root = path.join(dir, 'state');
  const config = path.join(dir, 'docker-config');
  const port = await freePort();
  const registry = stackEnv().REGISTRY;
  const toml = path.join(dir, 'buildkitd.toml');
  writeFileSync(
    toml,
    [
      `root = "${root}"`,
      '[worker.oci]',
      '  enabled = true',
      '  snapshotter = "auto"',
      '[worker.containerd]',
      '  enabled = false',
      `[registry."${registry}"]`,
      '  http = true',
      '  insecure = true',
      '',
    ].join('\n'),
  );
  const log = path.join(dir, 'buildkitd.log');
  const out = openSync(log, 'a');
  const child = spawn(
    BUILDKITD,
    ['--config', toml, '--addr', `tcp://${HOST}:${port}`, '--oci-worker=true', '--containerd-worker=false', '--oci-worker-net=host'],
    { stdio: ['ignore', out, out], env: { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}` } },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${BUILDKITD}`);

  const stop = async () => {
    // By pid, the one this function started: SIGTERM, then SIGKILL if it lingers.
    if (!(await exited(child, 0))) {
      process.kill(pid, 'SIGTERM');
      if (!(await exited(child, 15_000))) process.kill(pid, 'SIGKILL');
      await exited(child, 5_000);
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A snapshot mount buildkitd did not release: left in the temp directory.
    }
  };

  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await accepts(port))) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
    await stop();
    throw new Error(`buildkitd did not listen on ${HOST}:${port}:\n${tail}`);
  }

  const name = `fresh-${randomBytes(4).toString('hex')}`;
  mkdirSync(config);
  writeFileSync(path.join(config, 'config.json'), '{}\n');
  execFileSync('docker', ['buildx', 'create', '--name', name, '--driver', 'remote', `tcp://${HOST}:${port}`], {
    env: { ...process.env, DOCKER_CONFIG: config },
    stdio: 'pipe',
  });
  return { name, config, pid, stop };
}
