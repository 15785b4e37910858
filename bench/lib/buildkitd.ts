// A fresh BuildKit, as a GitHub-hosted runner starts every job with: a new buildkitd process
// with an empty state directory on a free 127.0.0.1 port (configured as the stack's, OCI worker,
// host network, the local registry over HTTP), and a buildx `remote` builder for it in a
// BUILDX_CONFIG of its own. Started and stopped by pid; the state directory is removed after.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../test/e2e/retail-api.js';
import { stackEnv } from '../../test/e2e/stack.js';
import { runProcess } from './proc.js';

const BUILDKITD = process.env.STACK_BUILDKITD ?? '/usr/local/lib/ecr-build-scan-push/bin/buildkitd';

export interface FreshBuilder {
  /** The buildx builder's name (the action's `builder` input). */
  name: string;
  /** BUILDX_CONFIG that knows it (and the stack's builders). */
  buildxConfig: string;
  addr: string;
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let counter = 0;

export async function startFreshBuilder(): Promise<FreshBuilder> {
  const stack = stackEnv();
  // Under the stack's directory (not /tmp): the overlay snapshots need a real filesystem.
  const dir = mkdtempSync(path.join(stack.STACK_DIR, 'bench-buildkit-'));
  const port = await freePort();
  const addr = `tcp://127.0.0.1:${port}`;
  const config = path.join(dir, 'buildkitd.toml');
  writeFileSync(
    config,
    [
      `root = "${path.join(dir, 'state')}"`,
      '[grpc]',
      `  address = ["${addr}"]`,
      '[worker.oci]',
      '  enabled = true',
      '  snapshotter = "auto"',
      '[worker.containerd]',
      '  enabled = false',
      `[registry."${stack.REGISTRY}"]`,
      '  http = true',
      '  insecure = true',
      // The registry with the referrers API, and Docker Hub's stand-in as the docker.io mirror
      // (BuildKit's default SBOM generator), as the stack's own buildkitd has them.
      ...[stack.REFERRERS_REGISTRY, stack.HUB_MIRROR]
        .filter(Boolean)
        .flatMap((host) => [`[registry."${host}"]`, '  http = true', '  insecure = true']),
      ...(stack.HUB_MIRROR ? ['[registry."docker.io"]', `  mirrors = ["${stack.HUB_MIRROR}"]`] : []),
      '',
    ].join('\n'),
  );
  const logFile = path.join(dir, 'buildkitd.log');
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    BUILDKITD,
    ['--config', config, '--addr', addr, '--oci-worker=true', '--containerd-worker=false', '--oci-worker-net=host'],
    { stdio: ['ignore', fd, fd], env: { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}` } },
  );
  closeSync(fd);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
      if (!exited) child.kill('SIGKILL');
      for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; !(await listening(port)); i += 1) {
      if (exited) throw new Error(`buildkitd exited at start:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      if (i > 150) throw new Error(`buildkitd did not listen on ${addr} within 30 s`);
      await sleep(200);
    }
    const buildxConfig = path.join(dir, 'buildx');
    const stackBuildx = path.join(stack.STACK_DOCKER_CONFIG, 'buildx');
    if (existsSync(stackBuildx)) cpSync(stackBuildx, buildxConfig, { recursive: true });
    else mkdirSync(buildxConfig);
    counter += 1;
    const name = `bench-fresh-${process.pid}-${counter}`;
    const env = { ...process.env, BUILDX_CONFIG: buildxConfig };
    await runProcess('docker', ['buildx', 'create', '--name', name, '--driver', 'remote', addr], { env });
    await runProcess('docker', ['buildx', 'inspect', '--bootstrap', name], { env });
    return { name, buildxConfig, addr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
