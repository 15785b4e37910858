// Typed stubs for the parts of @actions/core (through src/util/actions-core.ts) that src/ modules call directly. Used with
// jest.unstable_mockModule('../src/util/actions-core.js', () => core) before `await import(...)` of the
// module under test; everything else takes its I/O as arguments and needs no mock.
import { jest } from '@jest/globals';
import type * as core from '../src/util/actions-core.js';

export const debug = jest.fn<typeof core.debug>();
export const info = jest.fn<typeof core.info>();
export const warning = jest.fn<typeof core.warning>();
export const error = jest.fn<typeof core.error>();
export const setFailed = jest.fn<typeof core.setFailed>();
export const setOutput = jest.fn<typeof core.setOutput>();
export const setSecret = jest.fn<typeof core.setSecret>();
export const getInput = jest.fn<typeof core.getInput>();
export const getState = jest.fn<typeof core.getState>();
export const saveState = jest.fn<typeof core.saveState>();
/** Runs the group's function, as the runner's group does, without the log markers. */
export const group = jest.fn(async <T>(_name: string, fn: () => Promise<T>): Promise<T> => fn());

/** `core.summary`: what was added is kept in `summary.text`; write() keeps it there. */
export const summary = {
  text: '',
  addRaw: jest.fn((text: string, addEOL?: boolean) => {
    summary.text += addEOL ? `${text}\n` : text;
    return summary;
  }),
  write: jest.fn(async (_options?: { overwrite?: boolean }) => summary),
};
