// A Step (src/steps/types.ts) for a phase's unit test: the inputs parsed as the action parses
// them (over an in-memory workspace), the event a push to main (or the one given), fakes for
// the ECR client, docker and time, and a real temporary directory for buildx's files.
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEventFacts } from '../src/github/event.js';
import { loadInputs } from '../src/inputs/read.js';
import type { Dependencies, ImageRun, Step } from '../src/steps/types.js';
import { computeTagPlan } from '../src/tags/plan.js';
import { fakeEnvironment, inputSource } from './inputs.js';
import { digestOf, REGISTRY, WORKSPACE_FILES } from './pipeline.js';
import { fakeRunner } from './runner.js';

export const SHA = 'c'.repeat(40);

export function stepOf(
  values: Record<string, string>,
  options: { deps?: Partial<Dependencies>; env?: Record<string, string>; payload?: object } = {},
): Step {
  const inputs = loadInputs(inputSource({ 'aws-region': 'us-east-1', ...values }), fakeEnvironment({ files: WORKSPACE_FILES }));
  const facts = parseEventFacts(
    {
      GITHUB_SHA: SHA,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '7',
      ...options.env,
    },
    options.payload ?? { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
  );
  const deps: Dependencies = {
    createClient: () => Promise.reject(new Error('the test passes its client to the phase')),
    run: fakeRunner(),
    clock: { now: () => 0 },
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    ...options.deps,
  };
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'steps-test-'));
  return { inputs, facts, deps, progress: { phase: 'starting', published: false }, tempDir, workspace: tempDir };
}

/**
 * One image's run as the phases before the one under test leave it: its repository found
 * (mutable, scan on push), its tags planned for `release` (or a push), its candidate pushed as
 * digestOf(repository). `name`: the image's name (for one image from `repository`, the repository).
 */
export function imageRunOf(repository: string, options: { name?: string; release?: string } = {}): ImageRun {
  const image = `${REGISTRY}/${repository}`;
  return {
    spec: {
      name: options.name ?? repository.slice(repository.lastIndexOf('/') + 1),
      repository,
      context: '.',
      file: 'Dockerfile',
      buildArgs: [],
      platforms: [],
    },
    image,
    ref: { repositoryName: repository },
    repository: {
      name: repository,
      registryId: '123456789012',
      scanOnPush: true,
      tagMutability: 'MUTABLE',
      exclusions: [],
      created: false,
    },
    plan: computeTagPlan(
      { sha: SHA, ...(options.release ? { release: { tag: options.release, prerelease: false } } : {}) },
      { shaTag: 'full', releaseTags: 'auto', latest: 'auto', tags: [], repository },
      image,
    ),
    candidate: { digest: digestOf(repository), reused: false },
  };
}
