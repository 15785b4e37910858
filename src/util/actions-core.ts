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
import type { AnnotationProperties, InputOptions } from '@actions/core';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export { summary } from '../../node_modules/@actions/core/lib/summary.js';
export type { AnnotationProperties, InputOptions };

export function getInput(name: string, options?: InputOptions): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return options?.trimWhitespace === false ? value : value.trim();
}

export function getBooleanInput(name: string, options?: InputOptions): boolean {
  const value = getInput(name, options);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
      'Support boolean input list: `true | True | TRUE | false | False | FALSE`',
  );
}

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

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function info(message: string): void {
  process.stdout.write(message + os.EOL);
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup');
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}
