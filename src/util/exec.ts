// Running commands, behind one small type so I/O modules can be handed a fake in tests.
import { getExecOutput } from '@actions/exec';

export interface RunOptions {
  input?: Buffer;
  /** Do not echo the command's output to the log. */
  silent?: boolean;
  ignoreReturnCode?: boolean;
  env?: Record<string, string>;
  cwd?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Runner = (command: string, args: string[], options: RunOptions) => Promise<RunResult>;

export const runCommand: Runner = (command, args, options) =>
  getExecOutput(command, args, {
    input: options.input,
    silent: options.silent,
    ignoreReturnCode: options.ignoreReturnCode,
    env: options.env,
    cwd: options.cwd,
  });

/** A command that ran and failed: `reason` is the line of its output that says why. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}
