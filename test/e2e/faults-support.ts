// Helpers for the fault, secret and proxy cases (faults.test.ts, secrets.test.ts,
// proxy.test.ts): a registry of the test's own that it can kill, per-registry-id settings in
// the ECR stand-in, signalling one run's main phase, and the checks every fault case repeats
// (one error line; post logged out and removed the temp dir).
import { expect } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE24, ROOT, workflowCommands, type RunResult } from './harness.js';
import { stackEnv } from './stack.js';

/** A 127.0.0.1 port nothing listens on (at the moment of asking). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

// ── A registry of the test's own ──────────────────────────────────────────────────────────

export interface OwnRegistry {
  /** host:port */
  host: string;
  url: string;
  pid: number;
  log(): string;
  /** Whether a blob upload to this repository has started (the push is under way). */
  uploadStarted(repository: string): boolean;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the registry again (same port, config and storage) after kill(); resolves once it answers. */
  restart(): Promise<void>;
}

/**
 * Debian's docker-registry on a free 127.0.0.1 port, with the stack's htpasswd (user AWS).
 * `shareStackStorage`: the stack registry's own storage and push notifications (its config,
 * another port), so the ECR stand-in sees what is pushed here and a run can go on to the scan;
 * the stack's registry process is never touched.
 */
export async function startOwnRegistry(options: { shareStackStorage?: boolean } = {}): Promise<OwnRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(dir, 'config.yml');
  let data = path.join(dir, 'data');
  if (options.shareStackStorage) {
    const stackConfig = readFileSync(path.join(stackEnv().STACK_DIR, 'registry-config.yml'), 'utf8');
    data = /rootdirectory:\s*(\S+)/.exec(stackConfig)?.[1] ?? '';
    if (!data) throw new Error('no rootdirectory in the stack registry config');
    writeFileSync(config, stackConfig.replace(/^(\s*addr:\s*).*$/m, `$1${host}`));
  } else {
    mkdirSync(data);
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log: {level: info, formatter: text}',
        `storage: {filesystem: {rootdirectory: ${data}}, maintenance: {uploadpurging: {enabled: false}}}`,
        `http: {addr: "${host}", secret: ${randomBytes(16).toString('hex')}}`,
        `auth: {htpasswd: {realm: e2e-own-registry, path: ${path.join(stackEnv().STACK_DIR, 'htpasswd')}}}`,
        '',
      ].join('\n'),
    );
  }
  const logFile = path.join(dir, 'registry.log');
  let exited = true;
  let gone: Promise<void> = Promise.resolve();
  let pid = 0;
  const spawnRegistry = () => {
    const fd = openSync(logFile, 'a');
    const child: ChildProcess = spawn('docker-registry', ['serve', config], { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    if (child.pid === undefined) throw new Error('docker-registry did not start');
    pid = child.pid;
    exited = false;
    gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  };
  const answers = async () => {
    await waitUntil(
      `docker-registry on ${host}`,
      async () => {
        if (exited) throw new Error(`docker-registry exited: ${registry.log()}`);
        try {
          return (await fetch(`http://${host}/v2/`)).status === 401;
        } catch {
          return false;
        }
      },
      15_000,
      100,
    );
  };
  const registry: OwnRegistry = {
    host,
    url: `http://${host}`,
    get pid() {
      return pid;
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    uploadStarted: (repository) => {
      const uploads = path.join(data, 'docker/registry/v2/repositories', repository, '_uploads');
      return existsSync(uploads) && readdirSync(uploads).length > 0;
    },
    kill: async () => {
      if (!exited) process.kill(pid, 'SIGKILL');
      await gone;
    },
    restart: async () => {
      if (!exited) throw new Error('restart() of a registry that is running');
      spawnRegistry();
      await answers();
    },
  };
  spawnRegistry();
  try {
    await answers();
  } catch (error) {
    await registry.kill();
    throw error;
  }
  return registry;
}

// ── A registry fault front of the test's own (test/stack/registry-front.ts) ────────────────

export interface FrontRule {
  kind: 'ping' | 'login' | 'manifest-put' | 'blob-upload' | 'blob-head' | 'other' | 'any';
  count?: number;
  forMs?: number;
  fail?: number | 'close' | 'reset';
  code?: string;
  message?: string;
  /** manifest-put only: PUTs whose body has (true) or lacks (false) a `subject` (an OCI 1.1 referrer). */
  subject?: boolean;
}

export interface FrontRequest {
  time: number;
  method: string;
  path: string;
  kind: FrontRule['kind'];
  status: number | 'closed' | 'reset' | 'upstream-error';
  fault: boolean;
}

export interface RegistryFront {
  /** host:port */
  host: string;
  url: string;
  setRules(rules: FrontRule[]): Promise<void>;
  requests(): Promise<FrontRequest[]>;
  stop(): Promise<void>;
}

/** A fault front on a free 127.0.0.1 port, in front of `upstream` (the stack's registry by default). */
export async function startRegistryFront(
  upstream = `http://${stackEnv().REGISTRY}`,
  options: { storage?: string } = {},
): Promise<RegistryFront> {
  const script = path.join(ROOT, 'test', 'stack', 'registry-front.ts');
  const storage = options.storage ? ['--storage', options.storage] : [];
  const child = spawn(NODE24, [script, '--upstream', upstream, '--port', '0', ...storage], { stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`registry-front exited (${code}) before listening`)));
  });
  const host = `127.0.0.1:${port}`;
  const admin = async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`http://${host}/_front/${pathname}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`front ${method} ${pathname}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    host,
    url: `http://${host}`,
    setRules: async (rules) => void (await admin('PUT', 'rules', { rules })),
    requests: async () => ((await admin('GET', 'log')) as { requests: FrontRequest[] }).requests,
    stop: async () => {
      if (!exited && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      await gone;
    },
  };
}

/** The `::warning::` lines of a run that announce a retry. */
export function retryWarnings(run: RunResult): string[] {
  const retries = workflowCommands(run.main.log, 'warning').filter((line) => /attempt \d of \d failed/.test(line));
  if (process.env.FAULTS_OBSERVE) console.log(`retries: ${retries.join('\n')}`);
  return retries;
}

// ── A proxy of the test's own ───────────────────────────────────────────────────────────

export interface OwnProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  pid: number;
  /** tinyproxy's log: a `Request (file descriptor N): METHOD URL` line per proxied request. */
  log(): string;
  stop(): Promise<void>;
}

/** Debian's tinyproxy on a free 127.0.0.1 port, logging every request (LogLevel Connect). */
export async function startTinyproxy(): Promise<OwnProxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-proxy-'));
  const port = await freePort();
  const logFile = path.join(dir, 'tinyproxy.log');
  const config = path.join(dir, 'tinyproxy.conf');
  // No Allow, Deny or ConnectPort lines: every client and every CONNECT port is allowed.
  writeFileSync(
    config,
    [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 120', `LogFile "${logFile}"`, 'LogLevel Connect', 'MaxClients 100', ''].join('\n'),
  );
  const child = spawn('tinyproxy', ['-d', '-c', config], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('tinyproxy did not start');
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const proxy: OwnProxy = {
    url: `http://127.0.0.1:${port}`,
    pid,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      if (!exited) process.kill(pid, 'SIGTERM');
      await gone;
    },
  };
  try {
    await waitUntil(
      `tinyproxy on 127.0.0.1:${port}`,
      () => {
        if (exited) throw new Error(`tinyproxy exited: ${proxy.log()}`);
        return /Reloading config file finished|Setting the various signals/.test(proxy.log());
      },
      10_000,
      50,
    );
    await waitUntil(`tinyproxy listening on ${port}`, () => canConnect(port), 10_000, 50);
  } catch (error) {
    await proxy.stop();
    throw error;
  }
  return proxy;
}

async function canConnect(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// ── Processes of one run ──────────────────────────────────────────────────────────────────

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Pids whose command line contains every one of `parts` (NUL-separated argv joined by spaces). */
export function pidsWithArgs(...parts: string[]): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      const args = readProc(pid, 'cmdline').split('\0').join(' ');
      return parts.every((part) => args.includes(part));
    })
    .map(Number);
}

/** The main phase of the run whose `repository` input is this (its environment says so). */
export function mainPhasePid(repository: string): number | undefined {
  return pidsWithArgs('dist/index.js').find((pid) => {
    const env = readProc(String(pid), 'environ').split('\0');
    return env.includes(`INPUT_REPOSITORY=${repository}`) && !env.some((v) => v.startsWith('STATE_isPost='));
  });
}

/** Sends `signal` to that run's main phase, as the runner does when the job is cancelled. */
export function signalMainPhase(repository: string, signal: NodeJS.Signals): void {
  const pid = mainPhasePid(repository);
  if (pid === undefined) throw new Error(`no main phase running for ${repository}`);
  process.kill(pid, signal);
}

/**
 * Ends what the killed main phase left running (its `docker buildx build` for `repository`),
 * as the runner ends a cancelled step's process tree; each by its own pid.
 */
export function killLeftovers(repository: string): number[] {
  const pids = pidsWithArgs('buildx', repository);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return pids;
}

// ── Checks every fault case makes ────────────────────────────────────────────────────────
// FAULTS_OBSERVE=1 prints the error and warning lines they read (what docs/reliability.md quotes).

/** The one `::error::` line of the main phase (the test fails unless there is exactly one). */
export function theError(run: RunResult): string {
  const errors = workflowCommands(run.main.log, 'error');
  if (process.env.FAULTS_OBSERVE) console.log(`error: ${errors.join('\n')}`);
  expect(errors).toHaveLength(1);
  return errors[0];
}

export function warnings(run: RunResult): string {
  if (process.env.FAULTS_OBSERVE) console.log(`warnings: ${workflowCommands(run.main.log, 'warning').join('\n')}`);
  return workflowCommands(run.main.log, 'warning').join('\n');
}

export function dockerAuths(run: RunResult): Record<string, unknown> {
  const config = JSON.parse(readFileSync(path.join(run.dockerConfig, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> };
  return config.auths ?? {};
}

/** The post phase ran cleanly, left no login to `registry` and removed the action's temp dir. */
export function expectCleanedUp(run: RunResult, registry: string = stackEnv().REGISTRY): void {
  // The post log goes with the exit code, so a failure shows why.
  expect({ exitCode: run.post?.exitCode, log: run.post?.log }).toMatchObject({ exitCode: 0 });
  expect(workflowCommands(run.post?.log ?? '', 'error')).toEqual([]);
  expect(Object.keys(dockerAuths(run))).not.toContain(registry);
  expect(JSON.stringify(dockerAuths(run))).not.toContain('auth');
  expect(readdirSync(run.runnerTemp).filter((name) => name.startsWith('ecr-build-scan-push-'))).toEqual([]);
}

/** Several MB of incompressible files in separate layers, so a push takes a while. */
export function largeWorkspace(layers = 4, megabytes = 16): Record<string, string> {
  const files: Record<string, string> = {};
  const lines = ['FROM scratch'];
  for (let i = 0; i < layers; i++) {
    // base64 of random bytes: a string the harness can write, still incompressible enough.
    files[`blob-${i}.bin`] = randomBytes(megabytes * 1024 * 768).toString('base64');
    lines.push(`COPY blob-${i}.bin /blob-${i}.bin`);
  }
  files.Dockerfile = `${lines.join('\n')}\n`;
  return files;
}
