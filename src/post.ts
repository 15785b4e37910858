// The post phase: log out of the registry and remove the action's temporary files.
// It warns and never fails the job: the job's result was decided in main.
import * as core from './util/runner-commands.js';
import { rmSync } from 'node:fs';
import { readPostState, type PostState } from './state.js';
import { dockerLogout } from './ecr/docker-logout.js';
import type { Runner } from './util/exec.js';
import { toMessage } from './util/errors.js';

/** `docker logout` only where a credential helper holds the login: @actions/exec is loaded then. */
const runWhenNeeded: Runner = async (command, args, options) => (await import('./util/exec.js')).runCommand(command, args, options);

export async function runPost(state: PostState = readPostState(), run: Runner = runWhenNeeded, dockerConfig?: string): Promise<void> {
  if (state.skipLogout) {
    if (state.registries.length > 0) core.info(`skip-logout is set: staying logged in to ${state.registries.join(', ')}.`);
  } else {
    for (const registry of state.registries) {
      try {
        const result = await dockerLogout(registry, run, dockerConfig);
        if (result.ok) core.info(`Logged out of ${registry}.`);
        else core.warning(`docker logout ${registry} failed: ${result.message}`);
      } catch (error) {
        core.warning(`docker logout ${registry} failed: ${toMessage(error)}`);
      }
    }
  }
  if (state.tempDir) {
    try {
      rmSync(state.tempDir, { recursive: true, force: true });
    } catch (error) {
      core.warning(`Could not remove ${state.tempDir}: ${toMessage(error)}`);
    }
  }
}
