// scripts/stack/uninstall.sh on a stack laid out in a temporary directory (the paths it uses
// can all be moved by environment variables): it stops the stack's processes, removes the
// state, buildkitd, the buildx plugin it built and its /etc/hosts line, and leaves everything
// else. The machine's live stack is never touched.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const UNINSTALL = path.join(ROOT, 'scripts', 'stack', 'uninstall.sh');

let dir: string;
let env: Record<string, string>;
let stackDir: string, libDir: string, pluginDir: string, hostsFile: string, calls: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'uninstall-'));
  stackDir = path.join(dir, 'var', 'ecr-bsp-stack');
  libDir = path.join(dir, 'lib', 'ecr-build-scan-push');
  pluginDir = path.join(dir, 'lib', 'docker', 'cli-plugins');
  hostsFile = path.join(dir, 'hosts');
  calls = path.join(dir, 'calls');
  const stubs = path.join(dir, 'stubs');
  mkdirSync(stubs);
  for (const name of ['apt-get', 'umount']) {
    writeFileSync(path.join(stubs, name), `#!/bin/sh\necho "${name} $*" >> '${calls}'\n`);
    chmodSync(path.join(stubs, name), 0o755);
  }
  env = {
    PATH: `${stubs}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    STACK_DIR: stackDir,
    STACK_LIB_DIR: libDir,
    DOCKER_CLI_PLUGIN_DIR: pluginDir,
    STACK_HOSTS_FILE: hostsFile,
  };

  // What install.sh and start.sh leave behind.
  mkdirSync(path.join(stackDir, 'pids'), { recursive: true });
  mkdirSync(path.join(stackDir, 'go', 'mod', 'example.com', 'm@v1'), { recursive: true });
  const cached = path.join(stackDir, 'go', 'mod', 'example.com', 'm@v1', 'go.mod');
  writeFileSync(cached, 'module example.com/m\n');
  chmodSync(cached, 0o444); // the Go module cache is read-only
  chmodSync(path.dirname(cached), 0o555);
  writeFileSync(path.join(stackDir, 'registry-password'), 'secret\n');
  mkdirSync(path.join(libDir, 'bin'), { recursive: true });
  writeFileSync(path.join(libDir, 'bin', 'buildkitd'), '');
  writeFileSync(path.join(libDir, 'installed-packages'), 'docker.io\nrunc\n');
  mkdirSync(pluginDir, { recursive: true });
  writeFileSync(path.join(pluginDir, 'docker-buildx'), '');
  writeFileSync(path.join(pluginDir, 'docker-buildx.version'), 'v0.36.1\n');
  writeFileSync(hostsFile, '127.0.0.1 localhost\n127.0.0.1 ecr.stack.test github.stack.test\n::1 localhost\n');
});

afterEach(() => {
  spawnSync('chmod', ['-R', 'u+w', dir]);
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A process standing in for one of the stack's, recorded as start.sh records it. Started by a
 * shell that exits at once, so it is not this process's child (a killed child would linger as a
 * zombie that `kill -0` still finds).
 */
function fakeService(name: string): number {
  const pid = Number(spawnSync('bash', ['-c', 'setsid sleep 300 > /dev/null 2>&1 < /dev/null & echo $!'], { encoding: 'utf8' }).stdout);
  writeFileSync(path.join(stackDir, 'pids', `${name}.pid`), `${pid}\n`);
  writeFileSync(path.join(stackDir, 'pids', `${name}.cmd`), 'sleep 300\n');
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function uninstall(...args: string[]) {
  return spawnSync('bash', [UNINSTALL, ...args], { encoding: 'utf8', env, timeout: 60_000 });
}

test('stops the stack, then removes what it put on the machine, and only that', () => {
  const pid = fakeService('registry');
  writeFileSync(path.join(pluginDir, 'docker-compose'), ''); // someone else's plugin
  const result = uninstall();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(alive(pid)).toBe(false);
  expect(existsSync(stackDir)).toBe(false);
  expect(existsSync(libDir)).toBe(false);
  expect(existsSync(path.join(pluginDir, 'docker-buildx'))).toBe(false);
  expect(existsSync(path.join(pluginDir, 'docker-compose'))).toBe(true);
  expect(readFileSync(hostsFile, 'utf8')).toBe('127.0.0.1 localhost\n::1 localhost\n');
  // The Debian packages stay without --packages, and the output says which and how to remove them.
  expect(existsSync(calls)).toBe(false);
  expect(result.stdout).toContain(
    'the Debian packages the stack installed stay: docker.io runc (apt-get remove docker.io runc removes them)',
  );
});

test('removes the plugin directories when the buildx plugin was all they held', () => {
  expect(uninstall().status).toBe(0);
  expect(existsSync(pluginDir)).toBe(false);
  expect(existsSync(path.dirname(pluginDir))).toBe(false);
});

test('leaves a buildx plugin it did not build (no .version stamp)', () => {
  rmSync(path.join(pluginDir, 'docker-buildx.version'));
  expect(uninstall().status).toBe(0);
  expect(existsSync(path.join(pluginDir, 'docker-buildx'))).toBe(true);
});

test('--packages also removes the Debian packages install.sh recorded, and only those', () => {
  const result = uninstall('--packages');
  expect(result.status).toBe(0);
  expect(readFileSync(calls, 'utf8')).toBe('apt-get remove -y -q docker.io runc\n');
});

test('a second run finds nothing to do and succeeds', () => {
  expect(uninstall().status).toBe(0);
  const again = uninstall();
  expect(again.status).toBe(0);
  expect(again.stdout).not.toContain('removed');
});

test('--packages without a record (an install older than it) removes no package and names the candidates', () => {
  rmSync(path.join(libDir, 'installed-packages'));
  const result = uninstall('--packages');
  expect(result.status).toBe(0);
  expect(existsSync(calls)).toBe(false);
  expect(result.stdout).toContain('no record of the Debian packages the stack installed: none removed');
});
