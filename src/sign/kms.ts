// The KMS signer: `signing: awskms:///<key>` (cosign's form). Before anything is built,
// kms:GetPublicKey says what the key is (an unusable key, a refusal or an unknown key is one line
// then); each signature is kms:Sign with MessageType DIGEST over SHA-256 of what is signed (as
// cosign's KMS signer does), retried on a transient fault, and checked with the public key
// before it is pushed. AWS_ENDPOINT_URL_KMS / AWS_ENDPOINT_URL are honoured by the SDK; an
// endpoint in the URI (awskms://host:port/…) wins, as it does for cosign.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { nameOperationInErrors, requestHandlerFor } from '../aws/http.js';
import { errorName, InputError, toMessage } from '../util/errors.js';
import { withRetry, type RetrySeams } from '../util/retry.js';
import { actionRetrySeams } from '../util/retry-defaults.js';
import { awsTransientCause } from '../util/transient.js';
import { signingAlgorithmOf, type KmsAlgorithm, type KmsKeyRef } from './kms-key.js';
import { keyHint, type Signer } from './signer.js';

export type KmsClient = Pick<KMSClient, 'send'>;

/** The URL the SDK will call: the URI's endpoint, else the SDK's own precedence. */
export function kmsEndpoint(region: string, ref: Pick<KmsKeyRef, 'endpoint'>, env: Record<string, string | undefined>): URL {
  if (ref.endpoint) return new URL(`https://${ref.endpoint}`);
  const configured = env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(configured || `https://kms.${region}.${suffix}`);
}

export async function createKmsClient(
  region: string,
  ref: KmsKeyRef,
  env: Record<string, string | undefined> = process.env,
): Promise<KMSClient> {
  const endpoint = kmsEndpoint(region, ref, env);
  const client = new KMSClient({
    region,
    customUserAgent: 'ecr-build-scan-push',
    requestHandler: await requestHandlerFor(endpoint),
    ...(ref.endpoint ? { endpoint: endpoint.toString() } : {}),
  });
  nameOperationInErrors(client, 'KMS');
  return client;
}

/** The key, asked once before the build: a signer, or one line saying why the key cannot sign. */
export async function kmsSigner(client: KmsClient, ref: KmsKeyRef, seams: RetrySeams = actionRetrySeams): Promise<Signer> {
  let answer;
  try {
    answer = await withRetry({ ...seams, what: `KMS GetPublicKey ${ref.keyId}`, transient: awsTransientCause }, () =>
      client.send(new GetPublicKeyCommand({ KeyId: ref.keyId })),
    );
  } catch (error) {
    throw refusal(error, 'kms:GetPublicKey', ref);
  }
  const key = answer.KeyId ?? ref.keyId;
  const algorithm = signingAlgorithmOf(
    { keyId: key, keySpec: answer.KeySpec, keyUsage: answer.KeyUsage, signingAlgorithms: answer.SigningAlgorithms ?? [] },
    ref.uri,
  );
  if (!answer.PublicKey) throw new Error(`KMS GetPublicKey answered no public key for ${ref.uri}.`);
  const der = Buffer.from(answer.PublicKey);
  const publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
  const verifies = (pae: Buffer, signature: Buffer) => verify('sha256', pae, { key: publicKey, dsaEncoding: 'der' }, signature);
  return {
    name: ref.uri,
    kind: 'kms',
    key,
    hint: keyHint(der),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (pae) => signWithKms(client, ref, key, algorithm, verifies, pae, seams),
    verify: verifies,
  };
}

async function signWithKms(
  client: KmsClient,
  ref: KmsKeyRef,
  key: string,
  algorithm: KmsAlgorithm,
  verifies: (pae: Buffer, signature: Buffer) => boolean,
  pae: Buffer,
  seams: RetrySeams,
): Promise<Buffer> {
  const digest = createHash('sha256').update(pae).digest();
  let answer;
  try {
    answer = await withRetry({ ...seams, what: `KMS Sign with ${ref.keyId}`, transient: awsTransientCause }, () =>
      client.send(new SignCommand({ KeyId: ref.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: algorithm })),
    );
  } catch (error) {
    throw refusal(error, 'kms:Sign', ref, key);
  }
  const signature = Buffer.from(answer.Signature ?? []);
  // A signature the public key does not verify would be pushed for nobody to verify.
  if (!verifies(pae, signature)) {
    throw new Error(
      `KMS signed with ${ref.uri}, but the signature does not verify with the key's public key (GetPublicKey): nothing was pushed.`,
    );
  }
  return signature;
}

/** A refused or failed KMS call as one line naming the permission and the key. */
function refusal(error: unknown, permission: 'kms:Sign' | 'kms:GetPublicKey', ref: KmsKeyRef, key = ref.keyId): Error {
  const name = errorName(error);
  const before = permission === 'kms:GetPublicKey';
  const make = (message: string) => (before ? new InputError(message) : new Error(message, { cause: error }));
  if (name === 'AccessDeniedException') {
    return make(
      `KMS refused ${permission} on ${key} (AccessDeniedException): allow ${permission} on the key for this role (docs/iam-policy.json), or name another key in signing.`,
    );
  }
  if (name === 'NotFoundException')
    return make(`Input "signing": KMS has no key ${ref.keyId} (NotFoundException) in this account and region: ${toMessage(error)}`);
  if (name === 'DisabledException' || name === 'KMSInvalidStateException')
    return make(`Input "signing": the KMS key ${key} cannot sign (${name}): ${toMessage(error)}`);
  return error instanceof Error ? error : new Error(toMessage(error));
}
