// What the main phase leaves for the post phase (GITHUB_STATE → STATE_* variables).
import * as core from './util/runner-commands.js';

export const STATE = {
  /** Set first thing in main: its presence is how index.ts knows the post phase is running. */
  isPost: 'isPost',
  /** JSON list of registry hosts docker is logged in to. */
  registries: 'registries',
  skipLogout: 'skipLogout',
  /** The action's temporary directory (metadata file, reports), removed in post. */
  tempDir: 'tempDir',
} as const;

export interface PostState {
  registries: string[];
  skipLogout: boolean;
  tempDir?: string;
}

export function readPostState(get: (name: string) => string = core.getState): PostState {
  let registries: string[] = [];
  try {
    const parsed: unknown = JSON.parse(get(STATE.registries) || '[]');
    if (Array.isArray(parsed)) registries = parsed.filter((r): r is string => typeof r === 'string');
  } catch {
    registries = [];
  }
  return { registries, skipLogout: get(STATE.skipLogout) === 'true', tempDir: get(STATE.tempDir) || undefined };
}
