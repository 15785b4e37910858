// Phase: log in to Amazon ECR, once for the step, whatever the number of images. The token is
// asked before the group opens; docker logs in with it through standard input; the state the
// post phase reads (which registry to log out of) is saved before docker runs, so a job cancelled
// in the middle of the login is still logged out.
import * as core from '../util/actions-core.js';
import { getRegistryLogin, type RegistryLogin } from '../ecr/auth.js';
import { dockerLogin } from '../ecr/docker-login.js';
import { STATE } from '../state.js';
import { background } from '../util/promises.js';
import type { EcrClient, Step } from './types.js';

/**
 * `started` is called with the registry once docker's process has started (after its synchronous
 * spawn, not inside it): the look-ups that need no docker login start then, beside it.
 */
export async function logIn(step: Step, client: EcrClient, started: (registry: string) => void = () => undefined): Promise<RegistryLogin> {
  const { inputs, deps } = step;
  step.progress.phase = 'logging in to Amazon ECR';
  // Asked before the group opens; a retry's warning is written inside it (after a round trip).
  const asked = background(getRegistryLogin(client, inputs.registryId, (secret) => core.setSecret(secret)));
  return core.group('Log in to Amazon ECR', async () => {
    const credentials = await asked;
    core.saveState(STATE.registries, JSON.stringify([credentials.registry]));
    core.saveState(STATE.skipLogout, String(inputs.skipLogout));
    await dockerLogin(credentials, deps.run, undefined, () => started(credentials.registry));
    core.info(`Logged in to ${credentials.registry}.`);
    return credentials;
  });
}
