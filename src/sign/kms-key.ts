// Pure: the KMS key a `signing: awskms://…` input names, in the forms cosign accepts
// (sigstore/sigstore pkg/signature/kms/aws: awskms://[ENDPOINT]/[ID|ALIAS|ARN]), and which
// signing algorithm the step uses for the key that kms:GetPublicKey describes. cosign verifies a
// `--key` PEM with ECDSA P-256 + SHA-256 or RSA PKCS#1 v1.5 + SHA-256; other keys would sign
// what nobody can verify, so they are refused before anything is built.
import { InputError } from '../util/errors.js';

export interface KmsKeyRef {
  /** The input as given (what reports and outputs name). */
  uri: string;
  /** KMS's KeyId: a key id, alias/…, or a key or alias ARN. */
  keyId: string;
  /** host[:port] from the URI (awskms://host/…), when given: the KMS endpoint. */
  endpoint?: string;
}

const UUID = '(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const ALIAS = 'alias/[a-zA-Z0-9/_-]+';
const ARN = `arn:aws(?:-us-gov|-cn)?:kms:[a-z0-9-]+:[0-9]{12}:(?:key/${UUID}|${ALIAS})`;
const KEY = new RegExp(`^(?:${UUID}|${ALIAS}|${ARN})$`, 'i');
const HOST = /^[a-zA-Z0-9.-]+(?::[0-9]{1,5})?$/;

const FORMS = 'awskms:///<key id>, awskms:///alias/<name>, awskms:///arn:aws:kms:<region>:<account>:key/<id> or …:alias/<name>';

/** `awskms://[endpoint]/<key>` → the key; one line naming the input and the forms accepted when it is not one. */
export function parseKmsKey(value: string): KmsKeyRef {
  const rest = value.slice('awskms://'.length);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const keyId = slash < 0 ? '' : rest.slice(slash + 1);
  if (keyId === '') throw new InputError(`Input "signing" is "${value}", which names no key; accepted: ${FORMS}.`);
  if (!KEY.test(keyId))
    throw new InputError(`Input "signing" names the KMS key "${keyId}", which is not a key id, alias or ARN; accepted: ${FORMS}.`);
  if (host !== '' && !HOST.test(host))
    throw new InputError(`Input "signing" names the KMS endpoint "${host}", which is not host[:port]; accepted: ${FORMS}.`);
  return { uri: value, keyId, ...(host !== '' ? { endpoint: host } : {}) };
}

/** The region KMS is asked in: a key or alias ARN's own (a key of another region), else the step's. */
export function kmsRegion(ref: Pick<KmsKeyRef, 'keyId'>, stepRegion: string): string {
  return /^arn:aws(?:-us-gov|-cn)?:kms:([a-z0-9-]+):/.exec(ref.keyId)?.[1] ?? stepRegion;
}

/** What GetPublicKey says of a key. */
export interface KmsKeyFacts {
  keyId: string;
  keySpec?: string;
  keyUsage?: string;
  signingAlgorithms: string[];
}

export type KmsAlgorithm = 'ECDSA_SHA_256' | 'RSASSA_PKCS1_V1_5_SHA_256';

/** The algorithm the step signs with, or the one line that says why this key cannot sign for cosign. */
export function signingAlgorithmOf(key: KmsKeyFacts, uri: string): KmsAlgorithm {
  const accepted =
    'accepted: an asymmetric SIGN_VERIFY key of spec ECC_NIST_P256 (ECDSA_SHA_256) or RSA_2048/3072/4096 allowing RSASSA_PKCS1_V1_5_SHA_256, which cosign verifies with the public key';
  const spec = key.keySpec ?? 'unknown';
  if (key.keyUsage !== undefined && key.keyUsage !== 'SIGN_VERIFY') {
    throw new InputError(`Input "signing": the KMS key ${uri} is for ${key.keyUsage} (spec ${spec}), not SIGN_VERIFY; ${accepted}.`);
  }
  if (spec === 'ECC_NIST_P256' && key.signingAlgorithms.includes('ECDSA_SHA_256')) return 'ECDSA_SHA_256';
  if (/^RSA_(2048|3072|4096)$/.test(spec) && key.signingAlgorithms.includes('RSASSA_PKCS1_V1_5_SHA_256'))
    return 'RSASSA_PKCS1_V1_5_SHA_256';
  const algorithms = key.signingAlgorithms.length > 0 ? key.signingAlgorithms.join(', ') : 'none';
  throw new InputError(`Input "signing": the KMS key ${uri} is ${spec} with signing algorithms ${algorithms}; ${accepted}.`);
}
