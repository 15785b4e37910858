// Paths and the environment the runner gives a JavaScript action, for the parts of the
// benchmark that spawn dist/index.js themselves (start-up) rather than through the e2e harness.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Node 24, as GitHub runs `using: node24` (the devDependency `node`). */
export const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
export const DIST_INDEX = path.join(ROOT, 'dist', 'index.js');

/** INPUT_* for action.yml's defaults plus `inputs`, by the runner's naming rule. */
export function inputEnv(inputs: Record<string, string>, token = 'ghs_bench'): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  const all: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) all[name] = String(input.default).replace('${{ github.token }}', token);
  }
  Object.assign(all, inputs);
  return Object.fromEntries(Object.entries(all).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}

export function commitSha(): string {
  return randomBytes(20).toString('hex');
}

/**
 * A runner-like environment for one main phase of a push event: the file commands, the event
 * payload and a workspace in a fresh directory. `extra` goes last (endpoints, credentials).
 */
export function runnerEnv(inputs: Record<string, string>, extra: Record<string, string>): { env: Record<string, string>; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-run-'));
  const sha = commitSha();
  const workspace = path.join(dir, 'workspace');
  const runnerTemp = path.join(dir, 'runner-temp');
  mkdirSync(workspace);
  mkdirSync(runnerTemp);
  // Inputs are validated up front: the Dockerfile must exist.
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  const files: Record<string, string> = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify({ ref: 'refs/heads/main', after: sha, repository: { full_name: 'acme/retail' } }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/retail',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'build',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    DOCKER_CONFIG: path.join(dir, 'docker-config'),
    ...files,
    ...inputEnv(inputs),
    ...extra,
  };
  return { env, dir };
}
