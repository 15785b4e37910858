// Secrets stay secret across runs of several kinds: the registry password (and the base64
// token ECR hands out, which is what a Docker config stores), the GitHub token and a build
// secret never appear in anything the runs leave behind — logs, summary, outputs, report,
// SARIF, PR comment — except inside `::add-mask::` lines; no command line carries the password;
// and after post the Docker config holds no auth.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { pullRequestEvent, pushEvent, runAction, type RunResult, type RunSpec } from './harness.js';
import { CRITICAL, HIGH, findingsWorkspace } from './fixtures.js';
import { prComments, putRepository, registryPassword, stackEnv, uniquePr, uniqueRepository } from './stack.js';
import { dockerAuths, expectCleanedUp, pidsWithArgs } from './faults-support.js';

const NPM_TOKEN = `npm_${randomBytes(18).toString('hex')}`;

const base = () => stackEnv().BASE_IMAGE;
// Uses the secret without printing it: a Dockerfile that echoes a secret leaks it by itself.
const SECRET_DOCKERFILE = () =>
  `FROM ${base()}\nRUN --mount=type=secret,id=npm,required=true test -s /run/secrets/npm && echo npm token mounted\n`;
const SECRET_FAILING_DOCKERFILE = () =>
  `FROM ${base()}\nRUN --mount=type=secret,id=npm,required=true test "$(cat /run/secrets/npm)" = not-the-token\n`;

interface Kind {
  name: string;
  exitCode: number;
  spec: (repository: string, number: number) => Omit<RunSpec, 'inputs'> & { inputs: Record<string, string> };
}

const KINDS: Kind[] = [
  { name: 'push, scan passes', exitCode: 0, spec: () => ({ inputs: {}, event: pushEvent(), files: findingsWorkspace() }) },
  {
    name: 'pull request with a comment, SARIF',
    exitCode: 0,
    spec: (_r, number) => ({
      inputs: { 'build-args': `FINDINGS=${HIGH}`, compare: 'none', sarif: 'results.sarif' },
      event: pullRequestEvent({ number }),
      files: findingsWorkspace(),
    }),
  },
  {
    name: 'pull request, gate fails on a CRITICAL',
    exitCode: 1,
    spec: (_r, number) => ({
      inputs: { 'build-args': `FINDINGS=${CRITICAL}`, compare: 'none' },
      event: pullRequestEvent({ number }),
      files: findingsWorkspace(),
    }),
  },
  {
    name: 'build secret from env (remote builder)',
    exitCode: 0,
    spec: () => ({
      inputs: { builder: stackEnv().REMOTE_BUILDER, secrets: 'id=npm,env=NPM_TOKEN', 'no-cache': 'true' },
      event: pushEvent(),
      files: { Dockerfile: SECRET_DOCKERFILE() },
      env: { NPM_TOKEN },
    }),
  },
  {
    name: 'build secret, the RUN using it fails',
    exitCode: 1,
    spec: () => ({
      inputs: { builder: stackEnv().REMOTE_BUILDER, secrets: 'id=npm,env=NPM_TOKEN', 'no-cache': 'true' },
      event: pushEvent(),
      files: { Dockerfile: SECRET_FAILING_DOCKERFILE() },
      env: { NPM_TOKEN },
    }),
  },
  {
    name: 'a Dockerfile that does not parse',
    exitCode: 1,
    spec: () => ({
      inputs: { secrets: 'id=npm,env=NPM_TOKEN' },
      event: pushEvent(),
      files: { Dockerfile: 'FROM scratch\nNOT-AN-INSTRUCTION x\n' },
      env: { NPM_TOKEN },
    }),
  },
];

interface Observed {
  kind: Kind;
  run: RunResult;
  /** Everything the run left that a reader could see, each with where it came from. */
  texts: Array<[string, string]>;
  /** Command lines seen while the run ran that held the password. */
  commandLines: string[];
}

const observed: Observed[] = [];
let password = '';
let token = '';

/** Samples every process's command line while `work` runs, keeping those that hold `secret`. */
async function watchCommandLines<T>(secret: string, work: Promise<T>): Promise<{ value: T; hits: string[] }> {
  const hits = new Set<string>();
  let done = false;
  const sampling = (async () => {
    while (!done) {
      for (const pid of pidsWithArgs(secret)) hits.add(String(pid));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    return { value: await work, hits: [...hits] };
  } finally {
    done = true;
    await sampling;
  }
}

beforeAll(async () => {
  password = registryPassword();
  token = Buffer.from(`AWS:${password}`).toString('base64');
  // All kinds at once: they share nothing but the stack.
  const runs = await watchCommandLines(
    password,
    Promise.all(
      KINDS.map(async (kind) => {
        const repository = uniqueRepository('secrets');
        await putRepository(repository, { scenario: { scanDelayMs: 300 } });
        const number = uniquePr();
        const spec = kind.spec(repository, number);
        const run = await runAction({ ...spec, inputs: { repository, ...spec.inputs } });
        const comments = spec.event.name === 'pull_request' ? await prComments('acme/retail', number) : [];
        return { kind, run, number, comments };
      }),
    ),
  );
  for (const { kind, run, comments } of runs.value) {
    observed.push({
      kind,
      run,
      commandLines: runs.hits,
      texts: [
        ['summary', run.summary],
        ['outputs', JSON.stringify(run.outputs)],
        ['report', run.artifacts.report ?? ''],
        ['sarif', run.artifacts.sarif ?? ''],
        ...comments.map((c): [string, string] => ['comment', c.body]),
      ],
    });
  }
}, 300_000);

afterAll(() => {
  observed.length = 0;
});

function secretsOf(o: Observed): Array<[string, string]> {
  return [
    ['registry password', password],
    ['registry token (base64 user:password)', token],
    ['GitHub token', o.run.token],
    ['build secret', NPM_TOKEN],
  ];
}

describe('secrets', () => {
  test.each(KINDS.map((kind) => [kind.name]))('%s: ends as expected', (name) => {
    const o = observed.find((x) => x.kind.name === name);
    expect(o?.run.main.exitCode).toBe(o?.kind.exitCode);
  });

  test.each(KINDS.map((kind) => [kind.name]))('%s: no secret in the log outside ::add-mask::', (name) => {
    const o = observed.find((x) => x.kind.name === name);
    if (!o) throw new Error(`no run for ${name}`);
    const leaks = secretsOf(o).flatMap(([what, secret]) =>
      o.run.allOutput
        .split('\n')
        .filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))
        .map((line) => `${what}: ${line.slice(0, 200)}`),
    );
    expect(leaks).toEqual([]);
  });

  test.each(KINDS.map((kind) => [kind.name]))('%s: no secret in summary, outputs, report, SARIF or comment', (name) => {
    const o = observed.find((x) => x.kind.name === name);
    if (!o) throw new Error(`no run for ${name}`);
    const leaks = secretsOf(o).flatMap(([what, secret]) =>
      o.texts.filter(([, text]) => text.includes(secret)).map(([where]) => `${what} in ${where}`),
    );
    expect(leaks).toEqual([]);
  });

  test.each(KINDS.map((kind) => [kind.name]))('%s: post logged out (no auth in the Docker config) and removed temp files', (name) => {
    const o = observed.find((x) => x.kind.name === name);
    if (!o) throw new Error(`no run for ${name}`);
    expect(JSON.stringify(dockerAuths(o.run))).not.toContain(token);
    expectCleanedUp(o.run);
  });

  test('the masks were set: password and token before use, the GitHub token too', () => {
    for (const o of observed.filter((x) => x.kind.exitCode === 0)) {
      const masks = o.run.main.log.split('\n').filter((line) => line.startsWith('::add-mask::'));
      expect(masks).toContain(`::add-mask::${password}`);
      expect(masks).toContain(`::add-mask::${token}`);
      expect(masks).toContain(`::add-mask::${o.run.token}`);
    }
  });

  test('no process had the registry password on its command line', () => {
    expect(observed[0]?.commandLines).toEqual([]);
  });

  test('the comment was written (the PR kinds reached the GitHub API)', async () => {
    const pr = observed.find((x) => x.kind.name.startsWith('pull request with a comment'));
    expect(pr?.texts.some(([where]) => where === 'comment')).toBe(true);
  });
});
