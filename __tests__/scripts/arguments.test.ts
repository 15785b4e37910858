// Every script in scripts/ and scripts/stack/: `--help` prints its usage and exits 0; an unknown
// argument is one line on stderr and exit 2. Both before anything is done: the scripts run with
// their state directories pointed at an empty temporary one, and with commands that would
// change something (apt-get, npm, go, docker, dockerd, curl, kill, ...) replaced by stubs that
// record the call. So `stop.sh --help` here cannot stop the stack, even if it tried.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function scripts(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((name) => /\.(sh|ts)$/.test(name))
    .map((name) => `${dir}/${name}`);
}
const ALL = [...scripts('scripts'), ...scripts('scripts/stack')];

const sandbox = mkdtempSync(path.join(tmpdir(), 'script-args-'));
const stubs = path.join(sandbox, 'stubs');
const calls = path.join(sandbox, 'calls');
const stateDir = path.join(sandbox, 'state');
mkdirSync(stubs);
const STUBBED = [
  'apt-get',
  'dpkg',
  'npm',
  'npx',
  'go',
  'docker',
  'dockerd',
  'buildkitd',
  'docker-registry',
  'curl',
  'kill',
  'systemctl',
  'service',
  'chromium',
  'htpasswd',
  'umount',
];
for (const name of STUBBED) {
  const file = path.join(stubs, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> '${calls}'\nexit 1\n`);
  chmodSync(file, 0o755);
}
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function run(script: string, arg: string) {
  const command = script.endsWith('.ts') ? TSX : 'bash';
  return spawnSync(command, [path.join(ROOT, script), arg], {
    cwd: sandbox,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: `${stubs}:${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: sandbox,
      STACK_DIR: stateDir,
      STACK_LIB_DIR: path.join(stateDir, 'lib'),
      STACK_BIN_DIR: path.join(stateDir, 'bin'),
      DOCKER_CLI_PLUGIN_DIR: path.join(stateDir, 'plugins'),
      STACK_HOSTS_FILE: path.join(stateDir, 'hosts'),
    },
  });
}

function nothingDone(): void {
  expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
  expect(existsSync(stateDir)).toBe(false);
}

test('finds the scripts', () => {
  expect(ALL).toEqual(
    expect.arrayContaining([
      'scripts/demo.sh',
      'scripts/test.sh',
      'scripts/stack/start.sh',
      'scripts/stack/stop.sh',
      'scripts/stack/uninstall.sh',
    ]),
  );
});

describe.each(ALL)('%s', (script) => {
  test('--help prints the usage and does nothing else', () => {
    const result = run(script, '--help');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: /);
    nothingDone();
  });

  test('an unknown argument is one line on stderr and exit 2, nothing done', () => {
    const result = run(script, '--no-such-option');
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining("'--no-such-option'")]);
    nothingDone();
  });
});
