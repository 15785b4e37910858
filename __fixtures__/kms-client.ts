// A fake KMS client for src/sign/kms.ts: one asymmetric key, made with node:crypto, answered as
// KMS answers GetPublicKey (the DER SubjectPublicKeyInfo, the key spec, its algorithms) and Sign
// with MessageType DIGEST. An RSA signature is made over the digest received, exactly as KMS makes
// it (PKCS#1 v1.5 over SHA-256's DigestInfo). Node cannot sign a given digest with ECDSA, so for an
// EC key the test says first what it will have signed (`expect(pae)`), and the fake signs the
// message whose SHA-256 is the digest received: a digest it was not told of is an error.
import type { KMSClient } from '@aws-sdk/client-kms';
import { constants, createHash, generateKeyPairSync, privateEncrypt, sign, type KeyObject } from 'node:crypto';

export const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** ASN.1 DigestInfo's prefix for SHA-256 (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface FakeKmsKey {
  arn: string;
  keySpec: string;
  signingAlgorithms: string[];
  keyUsage?: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function ecKey(arn = KEY_ARN): FakeKmsKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { arn, keySpec: 'ECC_NIST_P256', signingAlgorithms: ['ECDSA_SHA_256'], keyUsage: 'SIGN_VERIFY', privateKey, publicKey };
}

export function rsaKey(arn = KEY_ARN): FakeKmsKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    arn,
    keySpec: 'RSA_2048',
    signingAlgorithms: ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384'],
    keyUsage: 'SIGN_VERIFY',
    privateKey,
    publicKey,
  };
}

/** The DER SubjectPublicKeyInfo, as GetPublicKey answers it. */
export function spkiDer(key: Pick<FakeKmsKey, 'publicKey'>): Buffer {
  return key.publicKey.export({ format: 'der', type: 'spki' });
}

type Operation = 'GetPublicKey' | 'Sign';

export class FakeKms {
  /** Every call, in order: the operation and its input. */
  readonly sent: Array<{ operation: string; input: Record<string, unknown> }> = [];
  /** What Sign answers instead of a signature, when set (a signature that does not verify). */
  signatureOverride: Buffer | undefined;
  private readonly messages = new Map<string, Buffer>();
  private readonly failures: Record<Operation, unknown[]> = { GetPublicKey: [], Sign: [] };

  readonly client: Pick<KMSClient, 'send'> = {
    send: ((command: { input: Record<string, unknown> }) => this.dispatch(command)) as unknown as KMSClient['send'],
  };

  constructor(readonly key: FakeKmsKey) {}

  /** An EC key can sign `message` (its SHA-256 digest) from now on. */
  expect(message: Buffer): this {
    this.messages.set(createHash('sha256').update(message).digest('hex'), message);
    return this;
  }

  /** The next calls of `operation` throw these errors, one each, before it answers again. */
  fail(operation: Operation, ...errors: unknown[]): this {
    this.failures[operation].push(...errors);
    return this;
  }

  inputsOf(operation: Operation): Array<Record<string, unknown>> {
    return this.sent.filter((s) => s.operation === operation).map((s) => s.input);
  }

  private async dispatch(command: { input: Record<string, unknown> }): Promise<unknown> {
    const operation = command.constructor.name.replace(/Command$/, '');
    this.sent.push({ operation, input: command.input });
    if (operation !== 'GetPublicKey' && operation !== 'Sign') throw new Error(`FakeKms: no answer for ${operation}`);
    const failure = this.failures[operation].shift();
    if (failure !== undefined) throw failure;
    return operation === 'GetPublicKey' ? this.publicKeyAnswer() : this.signAnswer(command.input);
  }

  private publicKeyAnswer() {
    const key = this.key;
    return {
      $metadata: { httpStatusCode: 200 },
      KeyId: key.arn,
      PublicKey: new Uint8Array(spkiDer(key)),
      KeySpec: key.keySpec,
      ...(key.keyUsage ? { KeyUsage: key.keyUsage } : {}),
      SigningAlgorithms: key.signingAlgorithms,
    };
  }

  private signAnswer(input: Record<string, unknown>) {
    if (input.MessageType !== 'DIGEST') throw new Error(`FakeKms: MessageType ${String(input.MessageType)}, not DIGEST`);
    const digest = Buffer.from(input.Message as Uint8Array);
    if (digest.length !== 32) throw new Error(`FakeKms: a digest of ${digest.length} bytes, not SHA-256's 32`);
    let signature: Buffer;
    if (this.signatureOverride) signature = this.signatureOverride;
    else if (this.key.keySpec.startsWith('RSA_')) {
      signature = privateEncrypt(
        { key: this.key.privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
    } else {
      const message = this.messages.get(digest.toString('hex'));
      if (!message) throw new Error(`FakeKms: asked to sign the digest ${digest.toString('hex')}, of no message the test expects`);
      signature = sign('sha256', message, { key: this.key.privateKey, dsaEncoding: 'der' });
    }
    return {
      $metadata: { httpStatusCode: 200 },
      KeyId: this.key.arn,
      Signature: new Uint8Array(signature),
      SigningAlgorithm: input.SigningAlgorithm,
    };
  }
}
