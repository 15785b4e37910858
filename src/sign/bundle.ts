// Pure: what cosign 3 writes for a signature, so that `cosign verify --key` and
// `cosign verify-attestation --key` find and check what the step signs. A DSSE envelope over an
// in-toto statement (for the image itself, predicate type https://sigstore.dev/cosign/sign/v1,
// subject = the signed digest; for an attestation, its own statement) in a Sigstore bundle v0.3
// with the public key's hint and no transparency-log entry, pushed as one layer of an OCI 1.1
// artifact manifest whose subject is the signed manifest (cosign: pkg/oci/remote/write.go
// WriteAttestationNewBundleFormat). The bundle comes from @sigstore/bundle; the DSSE signature
// carries no `keyid`: cosign's DSSE verifier skips a signature whose keyid is not its own.
import { createHash } from 'node:crypto';
import { BUNDLE_V03_MEDIA_TYPE, bundleToJSON, toDSSEBundle } from '@sigstore/bundle';
import { dsse } from '@sigstore/core';
import { EMPTY_CONFIG, OCI_MANIFEST, type Descriptor } from '../attest/layout.js';

export const BUNDLE_MEDIA_TYPE = BUNDLE_V03_MEDIA_TYPE;
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/** cosign's predicate type for an image signature (cosign pkg/types/predicate.go). */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
export const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content';
export const BUNDLE_PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';
const CREATED_ANNOTATION = 'org.opencontainers.image.created';

/** The statement cosign signs for an image: its digest, no name, no predicate. */
export function imageSignatureStatement(digest: string): Buffer {
  const [algorithm, hex] = digest.split(':') as [string, string];
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { [algorithm]: hex }, annotations: {} }],
      predicateType: COSIGN_SIGN_PREDICATE,
      predicate: {},
    }),
  );
}

/** What is signed: DSSE's pre-authentication encoding of the payload. */
export function preAuthEncoding(payload: Buffer): Buffer {
  return dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload);
}

export { keyHint } from './signer.js';

/** The bundle's JSON text: the statement, its signature, the key's hint. */
export function bundleText(statement: Buffer, signature: Buffer, hint: string): string {
  const bundle = toDSSEBundle({ artifact: statement, artifactType: IN_TOTO_PAYLOAD_TYPE, signature });
  bundle.verificationMaterial.content = { $case: 'publicKey', publicKey: { hint } };
  const json = bundleToJSON(bundle) as { dsseEnvelope?: { signatures?: Array<{ keyid?: string }> } };
  for (const entry of json.dsseEnvelope?.signatures ?? []) delete entry.keyid;
  return JSON.stringify(json);
}

export interface SignatureManifest {
  /** The artifact manifest's bytes, digest and descriptor (for a referrers tag). */
  text: string;
  digest: string;
  descriptor: Descriptor;
  /** The bundle, the manifest's one layer. */
  bundle: { text: string; digest: string; size: number };
}

/** The OCI artifact manifest that carries a bundle, `subject` = the signed manifest, as cosign writes it. */
export function signatureManifest(bundle: string, subject: Descriptor, predicateType: string, created: string): SignatureManifest {
  const bundleBytes = Buffer.from(bundle);
  const layer = { mediaType: BUNDLE_MEDIA_TYPE, size: bundleBytes.length, digest: sha256(bundleBytes) };
  const annotations = {
    [BUNDLE_CONTENT_ANNOTATION]: 'dsse-envelope',
    [BUNDLE_PREDICATE_ANNOTATION]: predicateType,
    [CREATED_ANNOTATION]: created,
  };
  const text = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: EMPTY_CONFIG.mediaType, size: EMPTY_CONFIG.size, digest: EMPTY_CONFIG.digest, artifactType: BUNDLE_MEDIA_TYPE },
    layers: [layer],
    annotations,
    subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
    artifactType: BUNDLE_MEDIA_TYPE,
  });
  const digest = sha256(Buffer.from(text));
  return {
    text,
    digest,
    descriptor: { mediaType: OCI_MANIFEST, digest, size: Buffer.byteLength(text), artifactType: BUNDLE_MEDIA_TYPE, annotations },
    bundle: { text: bundle, digest: layer.digest, size: layer.size },
  };
}

/** A bundle read back (a re-run's): its key hint, payload and signature, or undefined when it is not a DSSE bundle. */
export function readBundle(text: string): { hint?: string; payload: Buffer; signature: Buffer; payloadType: string } | undefined {
  try {
    const json = JSON.parse(text) as {
      mediaType?: string;
      verificationMaterial?: { publicKey?: { hint?: string } };
      dsseEnvelope?: { payload?: string; payloadType?: string; signatures?: Array<{ sig?: string }> };
    };
    const envelope = json.dsseEnvelope;
    const sig = envelope?.signatures?.[0]?.sig;
    if (!envelope?.payload || !envelope.payloadType || !sig) return undefined;
    return {
      ...(json.verificationMaterial?.publicKey?.hint ? { hint: json.verificationMaterial.publicKey.hint } : {}),
      payload: Buffer.from(envelope.payload, 'base64'),
      signature: Buffer.from(sig, 'base64'),
      payloadType: envelope.payloadType,
    };
  } catch {
    return undefined;
  }
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
