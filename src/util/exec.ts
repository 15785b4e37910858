// Running commands, behind one small type so I/O modules can be handed a fake in tests.
import { getExecOutput } from '@actions/exec';

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

export const runCommand: Runner = async (command, args, options) => {
  let pending = options.onStart;
  const started = () => {
    const callback = pending;
    pending = undefined;
    callback?.();
  };
  try {
    return await getExecOutput(command, args, {
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
