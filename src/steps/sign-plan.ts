// Phase: the key that signs (signing: awskms://…), asked what it is before anything is built
// (kms:GetPublicKey, beside the repository lookup). Apart from src/steps/sign.ts, which signs
// after the verdict: that phase and the Sigstore libraries load while buildx builds, not on the
// way to the first API call.
import * as core from '../util/actions-core.js';
import { kmsRegion, type KmsKeyRef } from '../sign/kms-key.js';
import type { Signer } from '../sign/signer.js';
import type { Step } from './types.js';

/** The key's signer, made before anything is built (kms:GetPublicKey): undefined when no key signs. */
export async function planKeySigning(step: Step, ref: KmsKeyRef | undefined): Promise<Signer | undefined> {
  if (!ref) return undefined;
  const { createKmsClient, kmsSigner } = await import('../sign/kms.js');
  const client = await (step.deps.createKmsClient ?? ((region: string, key: KmsKeyRef) => createKmsClient(region, key)))(
    kmsRegion(ref, step.inputs.awsRegion),
    ref,
  );
  const signer = await kmsSigner(client, ref);
  core.info(`Signing with ${signer.name} (${signer.key}); cosign verifies with its public key.`);
  return signer;
}
