// The one small interface a signer is to the pipeline: a KMS key today (src/sign/kms.ts); a
// keyless signer (GitHub's OIDC token and Fulcio) would be another implementation of it, giving a
// certificate where this gives a public key's hint.
import { createHash } from 'node:crypto';

/** The public key's hint, as cosign writes it: base64 of SHA-256 of the DER SubjectPublicKeyInfo. */
export function keyHint(spkiDer: Buffer): string {
  return createHash('sha256').update(spkiDer).digest('base64');
}

export interface Signer {
  /** How reports and outputs name it: the input as given (awskms:///alias/release). */
  readonly name: string;
  /** The kind in reports and outputs. */
  readonly kind: 'kms';
  /** The key itself (its ARN), once resolved. */
  readonly key: string;
  /** The bundle's verificationMaterial.publicKey.hint: base64 SHA-256 of the DER public key. */
  readonly hint: string;
  /** The public key (PEM), to check what it signed and to find its own earlier signatures. */
  readonly publicKeyPem: string;
  /** The signature of `pae` (DSSE's pre-authentication encoding), as cosign's verifier checks it. */
  sign(pae: Buffer): Promise<Buffer>;
  /** Whether `signature` is this key's over `pae` (a signature found in the registry, or one just made). */
  verify(pae: Buffer, signature: Buffer): boolean;
}
