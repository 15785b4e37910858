// @actions/core without its OIDC client: the runner I/O every module uses (inputs, outputs,
// state, log commands, groups, the job summary).
//
// Why not `import * as core from '@actions/core'`: its index imports `oidc-utils.js` →
// `@actions/http-client` → undici, about 900 KiB of the 1 MiB start-up bundle, for
// `getIDToken`, which this action never calls (AWS credentials come from the job's
// environment). Parsing it cost ~20 ms of every start (docs/performance.md, part 1). The
// package's other modules do not import it, so this file takes the building blocks from them
// (by path: the package's `exports` lists only "."), and keeps, beside them, the few lines each
// function of core.js adds on top; names and behaviour are @actions/core 3's, so the code and
// its typed stubs (`__fixtures__/core.ts`) read the same. The GitHub comment (octokit) still
// uses @actions/http-client and undici, in a chunk loaded only when a comment is written.
import * as os from 'node:os';
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export * from './runner-commands.js';
export { summary } from '../../node_modules/@actions/core/lib/summary.js';

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  process.stdout.write(os.EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) {
    issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    return;
  }
  issueCommand('save-state', { name }, toCommandValue(value));
}
