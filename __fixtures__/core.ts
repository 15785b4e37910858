// Typed stubs for the parts of @actions/core that src/ modules call directly. Used with
// jest.unstable_mockModule('@actions/core', () => core) before `await import(...)` of the
// module under test; everything else takes its I/O as arguments and needs no mock.
import { jest } from '@jest/globals';
import type * as core from '@actions/core';

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
