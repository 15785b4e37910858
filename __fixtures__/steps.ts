// A Step (src/steps/types.ts) for a phase's unit test: the inputs parsed as the action parses
// them (over an in-memory workspace), the event a push to main (or the one given), fakes for
// the ECR client, docker and time, and a real temporary directory for buildx's files.
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseEventFacts } from '../src/github/event.js';
import { loadInputs } from '../src/inputs/read.js';
import type { Dependencies, Step } from '../src/steps/types.js';
import { fakeEnvironment, inputSource } from './inputs.js';
import { WORKSPACE_FILES } from './pipeline.js';
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
