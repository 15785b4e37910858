// Part 11: what waiting for ECR's managed signing adds when ECR signs within the scan's time
// (issue 32). The toy image of part 2, scan on push completing 2 s after the push, each run in an
// account (registry id) of its own: (u) a registry without a signing configuration (the step
// reads it, finds none, waits for nothing) against (s) one whose rule matches the repository and
// signs 1 s after the push (the step waits for it beside the scan). Pairs alternate which goes
// first. Target: (s) / (u) ≤ 1.02, pair by pair: the wait for the signature hides in the scan's.
import { commitSha, pushEvent } from '../test/e2e/harness.js';
import { accountCredentials, putRepositoryIn, putSigningConfiguration, uniqueRegistryId, uniqueRepository } from '../test/e2e/stack.js';
import { alternate } from './cold.js';
import { freshFiles } from './floor.js';
import { timedAction, type ActionRun } from './overhead.js';

export interface SigningResult {
  unsigned: ActionRun[];
  signed: ActionRun[];
}

const SCAN_DELAY_MS = 2000;
const SIGNING_DELAY_MS = 1000;
const RELEASE = 'arn:aws:signer:us-east-1:111122223333:/signing-profiles/release_profile';

/** An account with one repository; `signs`: a signing configuration whose rule matches it. */
async function account(signs: boolean): Promise<{ registryId: string; repository: string }> {
  const registryId = uniqueRegistryId();
  const repository = uniqueRepository(signs ? 'bench-signed' : 'bench-unsigned');
  await putRepositoryIn(registryId, repository, { scanDelayMs: SCAN_DELAY_MS, signing: { delayMs: SIGNING_DELAY_MS } });
  if (signs) await putSigningConfiguration(registryId, [{ signingProfileArn: RELEASE }]);
  return { registryId, repository };
}

export async function measureSigning(pairs: number, builder: string, log: (m: string) => void): Promise<SigningResult> {
  const unsigned = await account(false);
  const signed = await account(true);
  const run = async (a: { registryId: string; repository: string }, what: string) => {
    const sha = commitSha();
    const timed = await timedAction({ repository: a.repository, 'registry-id': a.registryId, builder }, sha, freshFiles(), what, {
      event: pushEvent(sha),
      env: { AWS_ACCESS_KEY_ID: accountCredentials(a.registryId).accessKeyId },
    });
    const { log: text, ...timing } = timed;
    const waited = /Signed by ECR/.test(text);
    if (waited !== (a === signed)) throw new Error(`${what}: the step ${waited ? 'waited for' : 'did not wait for'} a signature`);
    return timing;
  };
  log('part 11: warm-up (one run each)');
  await run(unsigned, 'warm-up without signing');
  await run(signed, 'warm-up with signing');
  const result: SigningResult = { unsigned: [], signed: [] };
  for (let i = 0; i < pairs; i += 1) {
    const [u, s] = await alternate(
      i,
      () => run(unsigned, '(u) no signing configuration'),
      () => run(signed, '(s) signed 1 s after the push'),
    );
    result.unsigned.push(u);
    result.signed.push(s);
    log(`part 11: ${i + 1}/${pairs}: without ${Math.round(u.total)} ms, signed ${Math.round(s.total)} ms`);
  }
  return result;
}
