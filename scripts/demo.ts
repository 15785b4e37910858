// The README's demo: runs the bundled action (dist/index.js) as the GitHub runner would, on a
// push of this clone's HEAD, building examples/retail-api (FastAPI + scikit-learn, multi-stage,
// on the stack's Python base image, with the stack's remote BuildKit: its RUN steps install from
// PyPI) and pushing it to the local stack, then shows the run as a runner's log shows it
// (workflow commands interpreted, masks applied), the outputs and the job summary. Uses the same
// runner harness as the end-to-end tests. Run through scripts/demo.sh.
import { execFileSync } from 'node:child_process';
import { ROOT, commitSha, pushEvent, runAction } from '../test/e2e/harness.js';
import { exampleFiles, retailApiInputs } from '../test/e2e/retail-api.js';
import { stackEnv } from '../test/e2e/stack.js';
import { RunnerLog } from './lib/runner-log.js';

const USAGE = `Usage: npm run demo        (scripts/demo.sh installs and starts the stack, then runs this)

Runs dist/index.js on a push of this clone's HEAD and prints the run as a runner shows it.
Environment: DEMO_REPOSITORY, DEMO_INPUTS (JSON), DEMO_SHA.

Options:
  -h, --help   print this and exit
`;
for (const arg of process.argv.slice(2)) {
  if (arg === '-h' || arg === '--help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  console.error(`demo.ts: unknown argument '${arg}' (it takes none; try --help)`);
  process.exit(2);
}

/** The clone's HEAD, so a second demo of the same commit takes the re-run path; a random SHA outside a clone. */
function demoCommit(): { sha: string; from: string } {
  if (process.env.DEMO_SHA) return { sha: process.env.DEMO_SHA, from: 'DEMO_SHA' };
  try {
    const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^[0-9a-f]{40}$/.test(sha)) return { sha, from: "this clone's HEAD" };
  } catch {
    // not a git clone: a fresh commit SHA
  }
  return { sha: commitSha(), from: 'a random commit (not a git clone)' };
}

const repository = process.env.DEMO_REPOSITORY ?? 'demo/retail-api';
// Only the local stack's ECR stand-in reads this label: it gives the scan findings to report
// (HIGH and MEDIUM, under the default CRITICAL threshold). Real ECR ignores it.
const findings = 'CVE-2024-6232|HIGH|python3.11|3.11.2-6+deb12u2|3.11.2-6+deb12u4;CVE-2023-45853|MEDIUM|zlib1g|1:1.2.13.dfsg-1|';
const commit = demoCommit();

const rule = (title: string) => console.log(`\n──── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);
console.log(`Commit ${commit.sha} (${commit.from}); repository ${repository} on the local stack.`);
console.log('A second demo of the same commit finds the image and skips the build and the push.');

const run = await runAction({
  files: exampleFiles(),
  inputs: {
    repository,
    'create-repository': 'true',
    ...retailApiInputs(),
    labels: `ecr-standin.findings=${findings}`,
    ...JSON.parse(process.env.DEMO_INPUTS ?? '{}'),
  },
  event: pushEvent(commit.sha),
});

// What the runner masks before the step starts: the job's GITHUB_TOKEN and the secrets the
// workflow passes (here the stack's AWS secret key, as configure-aws-credentials masks it).
const log = new RunnerLog([run.token, stackEnv().AWS_SECRET_ACCESS_KEY]);
rule('Run ecr-build-scan-push');
console.log(log.render(run.main.log));
rule('Post Run ecr-build-scan-push');
console.log(run.post ? log.render(run.post.log) : '(none)');
rule('outputs');
for (const [name, value] of Object.entries(run.outputs)) console.log(log.mask(`${name}: ${value}`));
rule('job summary (GITHUB_STEP_SUMMARY)');
console.log(log.mask(run.summary.trimEnd()));
rule('result');
console.log(run.main.exitCode === 0 ? 'The step passed.' : `The step failed (exit ${run.main.exitCode}).`);
process.exitCode = run.main.exitCode ?? 1;
