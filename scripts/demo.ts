// The README's demo: runs the bundled action (dist/index.js) as the GitHub runner would, on a
// push event, building examples/retail-api (FastAPI + scikit-learn, multi-stage, on the stack's
// Python base image, with the stack's remote BuildKit: its RUN steps install from PyPI) and pushing
// it to the local stack, then prints the outputs and the job summary. Uses the same runner
// harness as the end-to-end tests.
import { pushEvent, runAction } from '../test/e2e/harness.js';
import { exampleFiles, retailApiInputs } from '../test/e2e/retail-api.js';

const repository = process.env.DEMO_REPOSITORY ?? 'demo/retail-api';
// Only the local stack's ECR stand-in reads this label: it gives the scan findings to report
// (HIGH and MEDIUM, under the default CRITICAL threshold). Real ECR ignores it.
const findings = 'CVE-2024-6232|HIGH|python3.11|3.11.2-6+deb12u2|3.11.2-6+deb12u4;CVE-2023-45853|MEDIUM|zlib1g|1:1.2.13.dfsg-1|';

const run = await runAction({
  files: exampleFiles(),
  inputs: {
    repository,
    'create-repository': 'true',
    ...retailApiInputs(),
    labels: `ecr-standin.findings=${findings}`,
    ...JSON.parse(process.env.DEMO_INPUTS ?? '{}'),
  },
  event: pushEvent(),
});

const rule = (title: string) => console.log(`\n──── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);
rule('action log (main phase)');
console.log(run.main.log.trimEnd());
rule('post phase');
console.log(run.post?.log.trimEnd() ?? '(none)');
rule('outputs');
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value}`);
rule('job summary (GITHUB_STEP_SUMMARY)');
console.log(run.summary.trimEnd());
rule('result');
console.log(run.main.exitCode === 0 ? 'The step passed.' : `The step failed (exit ${run.main.exitCode}).`);
process.exitCode = run.main.exitCode ?? 1;
