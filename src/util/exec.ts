// Running commands, behind one small type so I/O modules can be handed a fake in tests.
import { getExecOutput } from '@actions/exec';
import { which } from '@actions/io';

export interface RunOptions {
  input?: Buffer;
  /** Do not echo the command's output to the log. */
  silent?: boolean;
  ignoreReturnCode?: boolean;
  env?: Record<string, string>;
  cwd?: string;
  /**
   * Called once, when the command's process is being started (else when the run ends, so a
   * caller waiting on it is never left waiting): work that would delay the start can follow it.
   */
  onStart?: () => void;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Runner = (command: string, args: string[], options: RunOptions) => Promise<RunResult>;

const located = new Map<string, Promise<string>>();

/**
 * The command's path on PATH, looked up once per process: given a bare name, @actions/exec
 * stats every PATH entry on every run (~1-2 ms, between docker login's token and its start).
 * Calling it early starts the look-up. When nothing is found the name is kept, so exec reports
 * a missing command as it always has.
 */
export function locate(command: string): Promise<string> {
  if (command.includes('/') || command.includes('\\')) return Promise.resolve(command);
  let found = located.get(command);
  if (!found) {
    found = which(command, false).then(
      (file) => file || command,
      () => command,
    );
    located.set(command, found);
  }
  return found;
}

export const runCommand: Runner = async (command, args, options) => {
  const tool = await locate(command);
  let pending = options.onStart;
  const started = () => {
    const callback = pending;
    pending = undefined;
    callback?.();
  };
  try {
    return await getExecOutput(tool, args, {
      input: options.input,
      silent: options.silent,
      ignoreReturnCode: options.ignoreReturnCode,
      env: options.env,
      cwd: options.cwd,
      // @actions/exec has no spawn event; its first debug line ("exec tool: <path>") is written
      // once the tool is found, right before it spawns.
      ...(pending ? { listeners: { debug: started } } : {}),
    });
  } finally {
    started();
  }
};

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
