// The README's demo: runs the bundled action (dist/index.js) as the GitHub runner would, on a
// push event, building examples/hello-app and pushing it to the local stack, then prints the
// outputs and the job summary. Uses the same runner harness as the end-to-end tests.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, pushEvent, runAction } from '../test/e2e/harness.js';

const app = path.join(ROOT, 'examples', 'hello-app');
const files = Object.fromEntries(readdirSync(app).map((name) => [name, readFileSync(path.join(app, name), 'utf8')]));
const repository = process.env.DEMO_REPOSITORY ?? 'demo/hello-app';

const run = await runAction({
  inputs: { repository, 'create-repository': 'true', 'build-args': 'VERSION=1.0.0', ...JSON.parse(process.env.DEMO_INPUTS ?? '{}') },
  event: pushEvent(),
  files,
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
