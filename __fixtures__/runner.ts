// A fake Runner (src/util/exec.ts): records every call and answers from a function, so a test
// states what `docker …` printed and exited with, and then reads back what was run.
import { jest } from '@jest/globals';
import type { RunOptions, RunResult, Runner } from '../src/util/exec.js';

export type RunAnswer = (command: string, args: string[], options: RunOptions) => Partial<RunResult>;

export function fakeRunner(answer: RunAnswer = () => ({})): jest.Mock<Runner> {
  return jest.fn<Runner>(async (command, args, options) => {
    // As runCommand does: the process is started, then it answers.
    options.onStart?.();
    return { exitCode: 0, stdout: '', stderr: '', ...answer(command, args, options) };
  });
}

/** A runner that rejects, as getExecOutput does when the command cannot be started. */
export function throwingRunner(message: string): jest.Mock<Runner> {
  return jest.fn<Runner>(async () => {
    throw new Error(message);
  });
}
