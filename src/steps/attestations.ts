// Phase: each image's attestations (sbom, provenance), for the report and the `attestations`
// output: those just pushed beside it, those a reused image already has (the referrers API, or
// the referrers tag), or those inside its index (attestations: index). Nothing when neither is
// asked for.
import * as core from '../util/actions-core.js';
import type { Attestation, AttestationKind } from '../attest/layout.js';
import type { Inputs } from '../inputs/types.js';
import type { ReportAttestations } from '../report/model.js';
import { manifestReader } from '../ecr/images.js';
import { isIndex } from '../shared/manifest.js';
import { labelFor } from './label.js';
import type { ImageRun, Session, Step } from './types.js';

/** The attestation kinds the inputs ask for (sbom, provenance). */
export function attestationKinds(inputs: Pick<Inputs, 'sbom' | 'provenance'>): AttestationKind[] {
  return [...(inputs.sbom ? (['sbom'] as const) : []), ...(inputs.provenance !== 'false' ? (['provenance'] as const) : [])];
}

/** Attestations pushed beside the image (OCI referrers) rather than inside its index. */
export function attestsBeside(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attestations'>): boolean {
  return inputs.attestations === 'referrers' && attestationKinds(inputs).length > 0;
}

export async function listAttestations(step: Step, session: Session, images: ImageRun[]): Promise<void> {
  if (attestationKinds(step.inputs).length === 0) return;
  await core.group('Attestations', async () => {
    for (const image of images) image.attestations = await attestationsOf(step, session, image);
  });
}

async function attestationsOf(step: Step, session: Session, image: ImageRun): Promise<ReportAttestations> {
  const { inputs } = step;
  const { candidate, platforms, ref } = image;
  if (!candidate || !platforms || !image.manifest)
    throw new Error(`internal: ${image.spec.name} has no candidate image to list attestations of`);
  const say = labelFor(inputs, image);
  const kinds = attestationKinds(inputs);
  const push = await import('../attest/push.js');
  let found: { attestations: Attestation[]; storage: ReportAttestations['storage'] };
  if (candidate.attested) found = candidate.attested;
  else if (inputs.attestations === 'referrers') {
    const { Registry } = await import('../attest/registry.js');
    found = await push.discoverAttestations(new Registry(session.login), ref.repositoryName, platforms);
  } else {
    const manifest = await image.manifest();
    const index = isIndex(manifest.mediaType, JSON.parse(manifest.text) as { manifests?: unknown });
    found = {
      attestations: index ? await push.attestationsOfIndex(manifestReader(session.client, ref), manifest.text) : [],
      storage: 'index',
    };
  }
  const missing = candidate.reused ? push.missingKinds(found.attestations, platforms, kinds) : [];
  if (missing.length > 0) {
    const them = missing.length === 1 ? 'it' : 'them';
    core.warning(
      say(
        `skip-existing reused ${candidate.digest}, which has no ${missing.join(', ')}: it was built without ${them}. Push a new commit to get ${them}.`,
      ),
    );
  }
  for (const a of found.attestations) core.info(say(`${a.kind} for ${a.platform}: ${a.digest}`));
  return { storage: found.storage, list: found.attestations, missing };
}
