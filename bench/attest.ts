// Part 8: what `sbom: true` + `provenance: mode=max` add to examples/retail-api's cold and warm
// runs (issue 22), against buildx by hand with the same attestations. On a fresh BuildKit each:
//   (s)  the action with both attestations, cache: none, and (fs) by hand: docker login,
//        `docker buildx build --sbom … --provenance=mode=max --push` (BuildKit's own layout,
//        what one gets by hand), one DescribeImageScanFindings;
//   (a)  the action without attestations, cache: none (what they add: (s) − (a));
//   (sw) as (s) with cache: ecr, warm from the run before, and (fsw) by hand with the same cache flags.
// The by-hand runs push the attestations inside the index; the action's, beside it, as referrers
// (on the stack's registry front with the referrers API when the stack has one). After each
// action run the SHA tag's manifest is read: it must hold platform manifests only.
import {
  putRegistrySettings,
  putRepository,
  putRepositoryIn,
  registryManifest,
  registryPassword,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
} from '../test/e2e/stack.js';
import { actionRun, alternate, changedApp, floorRun, type ColdActionRun, type ColdFloorRun } from './cold.js';

export interface AttestResult {
  attested: ColdActionRun[];
  attestedFloor: ColdFloorRun[];
  plain: ColdActionRun[];
  warm: ColdActionRun[];
  warmFloor: ColdFloorRun[];
  /** Attestation manifests found in the SHA tag's manifest, per action run with attestations (0 expected). */
  attestationsInTag: number[];
  /** Referrers the registry lists for the tag's first platform manifest, per action run with attestations. */
  referrers: number[];
}

export async function measureAttestations(repeats: number, log: (m: string) => void): Promise<AttestResult> {
  const stack = stackEnv();
  if (!stack.PYTHON_BASE_IMAGE) throw new Error('the stack env has no PYTHON_BASE_IMAGE: run bash scripts/stack/start.sh');
  // BuildKit's default generator (docker/buildkit-syft-scanner), pulled through its docker.io
  // mirror by every fresh BuildKit, as on a runner; by hand the same.
  const repository = uniqueRepository('bench-attest');
  // By hand: the plain registry, its own repository of the default account (a repository is one
  // registry id's in the stand-in).
  const byHandRepository = uniqueRepository('bench-attest-hand');
  await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  await putRepository(byHandRepository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  // The action's runs go through the registry front that serves the referrers API (as ECR does),
  // where the stack has one: GetAuthorizationToken for this registry id answers the front.
  let registryId: string | undefined;
  if (stack.REFERRERS_REGISTRY) {
    registryId = uniqueRegistryId();
    await putRegistrySettings(registryId, { proxyEndpoint: `http://${stack.REFERRERS_REGISTRY}` });
    await putRepositoryIn(registryId, repository, { scanDelayMs: 0 });
  }
  // Through the front the action logs in to it only: the base image is read from it too (same storage).
  const where: Record<string, string> = registryId
    ? {
        'registry-id': registryId,
        'build-args': `BASE_IMAGE=${stack.PYTHON_BASE_IMAGE.replace(stack.REGISTRY, stack.REFERRERS_REGISTRY!)}`,
      }
    : {};
  const evidence: Record<string, string> = {
    sbom: 'true',
    provenance: 'mode=max',
    ...where,
  };
  const byHand = ['--sbom=true', '--provenance=mode=max'];
  let version = 1000;
  const next = () => changedApp((version += 1));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  log('part 8: warm-up: the action with attestations and cache: ecr (seeds buildcache-main)');
  const seed = await actionRun(repository, next(), 'ecr', 'main', 'attest warm-up', undefined, evidence);
  // By hand, warm: its own cache, seeded the same way.
  await floorRun(byHandRepository, next(), 'main', byHand);
  log(`part 8: warm-up took ${s(seed.total)}`);

  const result: AttestResult = {
    attested: [],
    attestedFloor: [],
    plain: [],
    warm: [],
    warmFloor: [],
    attestationsInTag: [],
    referrers: [],
  };
  const checkTag = async (sha: string) => {
    const tagged = await registryManifest(repository, sha);
    if (!tagged) throw new Error(`part 8: no SHA tag ${sha} in ${repository}`);
    const inside = (tagged.json.manifests ?? []).filter((m) => m.annotations?.['vnd.docker.reference.type'] !== undefined).length;
    result.attestationsInTag.push(inside);
    const platform = tagged.json.manifests?.[0]?.digest ?? tagged.digest;
    if (stack.REFERRERS_REGISTRY) {
      const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
      const answer = await fetch(`http://${stack.REFERRERS_REGISTRY}/v2/${repository}/referrers/${platform}`, {
        headers: { Authorization: `Basic ${auth}` },
      });
      result.referrers.push(((await answer.json()) as { manifests: unknown[] }).manifests.length);
    }
  };
  for (let i = 0; i < repeats; i += 1) {
    const [sRun, fs] = await alternate(
      i,
      () => actionRun(repository, next(), 'none', 'main', '(s) cold, attestations', undefined, evidence),
      () => floorRun(byHandRepository, next(), undefined, byHand),
    );
    await checkTag(sRun.sha);
    const a = await actionRun(repository, next(), 'none', 'main', '(a) cold, no attestations', undefined, where);
    const [sw, fsw] = await alternate(
      i,
      () => actionRun(repository, next(), 'ecr', 'main', '(sw) warm, attestations', undefined, evidence),
      () => floorRun(byHandRepository, next(), 'main', byHand),
    );
    await checkTag(sw.sha);
    result.attested.push(sRun);
    result.attestedFloor.push(fs);
    result.plain.push(a);
    result.warm.push(sw);
    result.warmFloor.push(fsw);
    log(
      `part 8: ${i + 1}/${repeats}: (s) ${s(sRun.total)}, by hand ${s(fs.total)}, (a) without ${s(a.total)}, ` +
        `(sw) warm ${s(sw.total)}, by hand ${s(fsw.total)}`,
    );
  }
  return result;
}
