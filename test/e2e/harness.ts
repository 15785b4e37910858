// Runs the bundled action exactly as the GitHub runner does: INPUT_* variables from
// action.yml's defaults plus the case's inputs, an event payload file, the GITHUB_OUTPUT /
// GITHUB_STATE / GITHUB_STEP_SUMMARY files, `node dist/index.js`, then the post phase with
// STATE_* variables. Nothing in src/ knows it is being tested.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { putPullHead, stackEnv, uniquePr } from './stack.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');

export interface EventSpec {
  name: string;
  payload?: Record<string, unknown>;
  /** GITHUB_SHA: for pull_request the merge commit, as on GitHub. */
  sha: string;
  ref?: string;
}

export interface RunSpec {
  inputs: Record<string, string>;
  event: EventSpec;
  /** Files of the workspace (the checked-out repository), path → content. */
  files: Record<string, string>;
  /** Extra environment for both phases (e.g. a secret env var for build secrets, proxies). */
  env?: Record<string, string>;
  /** Replace these environment variables (e.g. bad credentials). */
  overrideEnv?: Record<string, string | undefined>;
  githubToken?: string;
  /** Skip the post phase (to inspect what main left behind). */
  skipPost?: boolean;
  /** Kill main with this signal after the given ms (job cancellation). */
  killAfterMs?: { ms: number; signal: NodeJS.Signals };
  timeoutMs?: number;
  /** A Docker config directory whose buildx builders are added to the stack's (e.g. a fresh BuildKit). */
  buildersFrom?: string;
  /** The runner's config.json before the step (an empty object when not given). */
  dockerConfigJson?: Record<string, unknown>;
  /**
   * pull_request events: the head commit the GitHub stand-in gives the pull request when the
   * step reads it (default: the event's own head, as on GitHub when the run is current; another
   * commit makes this run one of an older head).
   */
  pullHead?: string;
}

export interface PhaseResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr, in arrival order. */
  log: string;
  durationMs: number;
}

export interface RunResult {
  main: PhaseResult;
  post?: PhaseResult;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  workspace: string;
  dockerConfig: string;
  runnerTemp: string;
  /** Every line both phases printed. */
  allOutput: string;
  /**
   * Files named by outputs (report, sarif), read between main and post as a later step of the
   * job would (upload-artifact, upload-sarif): the post phase removes the action's temp files.
   */
  artifacts: { report?: string; sarif?: string };
  /** Whether the report file still existed after the post phase. */
  reportSurvivedPost: boolean;
  token: string;
}

/** GitHub's file-command format: `name<<DELIM\nvalue\nDELIM` (or plain `name=value`). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      result[name] = value.join('\n');
    } else {
      const at = line.indexOf('=');
      if (at > 0) result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

function actionDefaults(token: string): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default === undefined) continue;
    defaults[name] = String(input.default).replace('${{ github.token }}', token);
  }
  return defaults;
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  // The runner's rule: INPUT_ + name upper-cased, spaces to underscores (hyphens stay).
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}

function runPhase(env: Record<string, string>, cwd: string, spec: RunSpec): Promise<PhaseResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [path.join(ROOT, 'dist', 'index.js')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      log += chunk.toString();
    });
    const timeout = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs ?? 240_000);
    const killer =
      spec.killAfterMs && env.STATE_isPost === undefined
        ? setTimeout(() => child.kill(spec.killAfterMs?.signal), spec.killAfterMs.ms)
        : undefined;
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timeout);
      if (killer) clearTimeout(killer);
      resolve({ exitCode, signal, stdout, stderr, log, durationMs: Date.now() - started });
    });
  });
}

export function commitSha(): string {
  return randomBytes(20).toString('hex');
}

export async function runAction(spec: RunSpec): Promise<RunResult> {
  const stack = stackEnv();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-run-'));
  const workspace = path.join(dir, 'workspace');
  const runnerTemp = path.join(dir, 'runner-temp');
  const dockerConfig = path.join(dir, 'docker-config');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(dockerConfig, { recursive: true });
  // The runner's Docker config: empty, but with the stack's buildx builders known.
  const builders = path.join(stack.STACK_DOCKER_CONFIG, 'buildx');
  if (existsSync(builders)) cpSync(builders, path.join(dockerConfig, 'buildx'), { recursive: true });
  if (spec.buildersFrom) {
    const instances = path.join(spec.buildersFrom, 'buildx', 'instances');
    cpSync(instances, path.join(dockerConfig, 'buildx', 'instances'), { recursive: true });
  }
  writeFileSync(path.join(dockerConfig, 'config.json'), `${JSON.stringify(spec.dockerConfigJson ?? {}, null, '\t')}\n`);
  for (const [file, content] of Object.entries(spec.files)) {
    const full = path.join(workspace, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(spec.event.payload ?? {}));
  // On GitHub the pull request's head is this run's commit, unless a newer push came since.
  const pull =
    spec.event.name === 'pull_request'
      ? (spec.event.payload?.pull_request as { number?: number; head?: { sha?: string } } | undefined)
      : undefined;
  if (pull?.number !== undefined && (spec.pullHead ?? pull.head?.sha)) await putPullHead(pull.number, (spec.pullHead ?? pull.head?.sha)!);

  const token = spec.githubToken ?? `ghs_${randomUUID().replace(/-/g, '')}`;
  const base: Record<string, string> = {
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
    GITHUB_API_URL: stack.GITHUB_API_URL,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'build',
    GITHUB_EVENT_NAME: spec.event.name,
    GITHUB_SHA: spec.event.sha,
    GITHUB_REF: spec.event.ref ?? 'refs/heads/main',
    DOCKER_CONFIG: dockerConfig,
    AWS_REGION: stack.AWS_REGION,
    AWS_ACCESS_KEY_ID: stack.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: stack.AWS_SECRET_ACCESS_KEY,
    AWS_ENDPOINT_URL_ECR: stack.AWS_ENDPOINT_URL_ECR,
    // Amazon Inspector (epss-threshold) is served by the ECR stand-in; an env file written
    // before it was added lacks the line, and the action must never reach the real service.
    AWS_ENDPOINT_URL_INSPECTOR2: stack.AWS_ENDPOINT_URL_INSPECTOR2 || stack.AWS_ENDPOINT_URL_ECR,
    // AWS KMS (signing: awskms://…) too.
    AWS_ENDPOINT_URL_KMS: stack.AWS_ENDPOINT_URL_KMS || stack.AWS_ENDPOINT_URL_ECR,
    ...files,
    ...inputEnv({ ...actionDefaults(token), ...spec.inputs }),
    ...spec.env,
  };
  for (const [name, value] of Object.entries(spec.overrideEnv ?? {})) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }

  const main = await runPhase(base, workspace, spec);
  const state = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'));
  const mainOutputs = parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  const artifacts: RunResult['artifacts'] = {};
  for (const name of ['report', 'sarif'] as const) {
    const file = mainOutputs[name];
    if (file && existsSync(file)) artifacts[name] = readFileSync(file, 'utf8');
  }
  let post: PhaseResult | undefined;
  if (!spec.skipPost) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
    // The runner gives the post phase a fresh GITHUB_STATE / GITHUB_OUTPUT.
    writeFileSync(files.GITHUB_STATE, '');
    post = await runPhase({ ...base, ...stateEnv }, workspace, spec);
  }
  const outputs = parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  return {
    main,
    post,
    outputs,
    state,
    summary,
    workspace,
    dockerConfig,
    runnerTemp,
    allOutput: main.log + (post?.log ?? ''),
    token,
    artifacts,
    reportSurvivedPost: mainOutputs.report ? existsSync(mainOutputs.report) : false,
  };
}

/** A push event on main for a fresh commit. */
export function pushEvent(sha = commitSha()): EventSpec {
  return {
    name: 'push',
    sha,
    ref: 'refs/heads/main',
    payload: { ref: 'refs/heads/main', after: sha, repository: { full_name: 'acme/retail', default_branch: 'main' } },
  };
}

/** A pull_request event: GITHUB_SHA is the merge commit, the image must be tagged with the head. */
export function pullRequestEvent(opts: { head?: string; base?: string; number?: number; fork?: boolean } = {}): EventSpec {
  const head = opts.head ?? commitSha();
  // A pull request of its own unless a case names one: cases run side by side, and the head a
  // pull request reports decides whose report its comment shows.
  const number = opts.number ?? uniquePr();
  return {
    name: 'pull_request',
    sha: commitSha(), // the merge commit
    ref: `refs/pull/${number}/merge`,
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { sha: head, ref: 'feature', repo: { full_name: opts.fork ? 'someone/retail' : 'acme/retail' } },
        base: { sha: opts.base ?? commitSha(), ref: 'main', repo: { full_name: 'acme/retail' } },
      },
      repository: { full_name: 'acme/retail', default_branch: 'main' },
    },
  };
}

export function releaseEvent(tag: string, opts: { prerelease?: boolean; sha?: string } = {}): EventSpec {
  const sha = opts.sha ?? commitSha();
  return {
    name: 'release',
    sha,
    ref: `refs/tags/${tag}`,
    payload: {
      action: 'published',
      release: { tag_name: tag, prerelease: opts.prerelease ?? false, draft: false },
      repository: { full_name: 'acme/retail', default_branch: 'main' },
    },
  };
}

/** Lines of `::command::` workflow commands in a phase's output. */
export function workflowCommands(log: string, command: string): string[] {
  return log.split('\n').filter((line) => line.startsWith(`::${command}`));
}
