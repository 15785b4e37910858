// Part 12: what signing with a KMS key (signing: awskms://…, issue 32 point 8) adds to the whole
// action on part 2's toy image (FROM scratch + one fresh file), part 2's builder, scan on push
// completing at once, with `sbom: true` and `provenance: mode=max,version=v1` in both runs of a
// pair: (u) signing: off against (k) signing: awskms:///alias/<bench key>, a P-256 key of the
// stand-in's KMS made once at the start. (k) signs, once the gate passes and before promotion,
// the image's digest and the SBOM's and the provenance's statements, each a kms:Sign and a
// Sigstore bundle pushed as a referrer. Through the stack's registry front with the referrers API
// (as ECR serves it; parts 8 and 10 (r) do the same) when the stack has one. Pairs alternate
// which goes first, after one warm-up of each. Target: (k) / (u) ≤ 1.15, pair by pair.
//
// A part of its own rather than more of part 11 (bench/signing.ts): part 11 waits for ECR's
// managed signing on an image without attestations, each kind of run in an account of its own
// with a signing configuration; this one signs in the step, on an image with SBOM and provenance,
// through the referrers front, with a KMS key. They share nothing but part 2's toy image.
import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { commitSha, pushEvent, workflowCommands } from '../test/e2e/harness.js';
import {
  createKmsKey,
  kmsCalls,
  kmsKey,
  putRegistrySettings,
  putRepository,
  putRepositoryIn,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
} from '../test/e2e/stack.js';
import { alternate } from './cold.js';
import { freshFiles } from './floor.js';
import { DIST_INDEX } from './lib/env.js';
import { timedAction, type ActionRun } from './overhead.js';

export interface KmsSigningRun extends ActionRun {
  /** Successful kms:Sign calls of the run (the key's signCount before and after). */
  signs: number;
  /** KMS calls naming the key during the run (GetPublicKey, Sign, …). */
  kmsCalls: number;
}

export interface KmsSigningResult {
  /** (u): signing: off; (k): signing: awskms:///alias/…, pair by pair. */
  unsigned: KmsSigningRun[];
  signed: KmsSigningRun[];
  /** The key's URI, and the registry the runs pushed to. */
  key: string;
  registry: string;
}

/** The `Sign with awskms:///…` group's phase, under one name whatever the alias. */
function normalized(phases: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, ms] of Object.entries(phases)) {
    const key = name.startsWith('sign with ') ? 'sign' : name;
    out[key] = (out[key] ?? 0) + ms;
  }
  return out;
}

export async function measureKmsSigning(pairs: number, builder: string, log: (m: string) => void): Promise<KmsSigningResult> {
  const stack = stackEnv();
  const alias = `alias/bench-kms-${process.pid}-${Date.now().toString(36)}`;
  const key = await createKmsKey({ spec: 'ECC_NIST_P256', alias });
  const uri = `awskms:///${alias}`;
  const repository = uniqueRepository('bench-kms');
  let where: Record<string, string> = {};
  let registry = stack.REGISTRY;
  if (stack.REFERRERS_REGISTRY) {
    const registryId = uniqueRegistryId();
    await putRegistrySettings(registryId, { proxyEndpoint: `http://${stack.REFERRERS_REGISTRY}` });
    await putRepositoryIn(registryId, repository, { scanDelayMs: 0 });
    where = { 'registry-id': registryId };
    registry = stack.REFERRERS_REGISTRY;
  } else {
    await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  }
  log(`part 12: key ${key.keyId} (${uri}), repository ${repository} on ${registry}`);
  const inputs = { repository, builder, sbom: 'true', provenance: 'mode=max,version=v1', ...where };

  const run = async (signing: string, what: string): Promise<KmsSigningRun> => {
    // dist/ is rebuilt (rm -rf, then written) by `npm run bundle`: wait for it (a minute at most).
    for (let waited = 0; !existsSync(DIST_INDEX) && waited < 60_000; waited += 1000) await sleep(1000);
    const signsBefore = (await kmsKey(key.keyId)).signCount;
    const callsBefore = (await kmsCalls(key.keyId)).length;
    const sha = commitSha();
    const { log: text, ...timing } = await timedAction({ ...inputs, signing }, sha, freshFiles(), what, { event: pushEvent(sha) });
    const signs = (await kmsKey(key.keyId)).signCount - signsBefore;
    const calls = (await kmsCalls(key.keyId)).length - callsBefore;
    const errors = workflowCommands(text, 'error');
    if (errors.length > 0) throw new Error(`${what}: ${errors.join('\n')}\n${text.slice(-3000)}`);
    const line = /^.*Signed with awskms:\/\/\/.*$/m.exec(text)?.[0];
    if (signing === 'off') {
      if (line || signs > 0 || /Sign with /.test(text))
        throw new Error(`${what}: signed with signing: off (${signs} kms:Sign)\n${text.slice(-3000)}`);
    } else if (!line || !/SBOM/.test(line) || !/provenance/.test(line) || signs === 0) {
      throw new Error(
        `${what}: expected "Signed with ${uri}" naming the SBOM and the provenance (${signs} kms:Sign)\n${text.slice(-3000)}`,
      );
    }
    return { ...timing, phases: normalized(timing.phases), signs, kmsCalls: calls };
  };
  const unsigned = (what: string) => run('off', what);
  const signed = (what: string) => run(uri, what);

  const built = () => (existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0);
  log('part 12: warm-up (one run each)');
  await unsigned('warm-up, signing: off');
  const warm = await signed(`warm-up, signing: ${uri}`);
  log(
    `part 12: warm-up signed with ${warm.signs} kms:Sign, ${warm.kmsCalls} KMS calls, Sign group ${Math.round(warm.phases.sign ?? 0)} ms`,
  );
  const before = built();
  const result: KmsSigningResult = { unsigned: [], signed: [], key: uri, registry };
  for (let i = 0; i < pairs; i += 1) {
    const [u, k] = await alternate(
      i,
      () => unsigned('(u) signing: off'),
      () => signed(`(k) signing: ${uri}`),
    );
    result.unsigned.push(u);
    result.signed.push(k);
    log(
      `part 12: ${i + 1}/${pairs} (${i % 2 === 0 ? 'u' : 'k'} first): off ${Math.round(u.total)} ms, kms ${Math.round(k.total)} ms, ` +
        `${(k.total / u.total).toFixed(3)}× (+${Math.round(k.total - u.total)} ms; Sign group ${Math.round(k.phases.sign ?? 0)} ms, ${k.signs} kms:Sign)`,
    );
  }
  if (built() !== before) log('part 12: WARNING: dist/index.js was rebuilt during the pairs: they ran on two bundles');
  return result;
}
