// The KMS signer (src/sign/kms.ts) against a fake KMS holding real keys (node:crypto): what
// GetPublicKey makes of the key, what Sign is asked, the signature checked before it is used, the
// refusals as one line, a transient fault retried on fake time; and which endpoint is called.
import { describe, expect, test } from '@jest/globals';
import { DisabledException, KMSInternalException, KMSServiceException, NotFoundException } from '@aws-sdk/client-kms';
import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { FakeKms, KEY_ARN, ecKey, rsaKey, spkiDer, type FakeKmsKey } from '../../__fixtures__/kms-client.js';
import { fakeRetrySeams } from '../../__fixtures__/retry.js';
import { preAuthEncoding } from '../../src/sign/bundle.js';
import { createKmsClient, kmsEndpoint, kmsSigner } from '../../src/sign/kms.js';
import { parseKmsKey } from '../../src/sign/kms-key.js';
import { InputError } from '../../src/util/errors.js';
import { RetriesExhaustedError } from '../../src/util/retry.js';

const REF = parseKmsKey('awskms:///alias/release');
const PAE = preAuthEncoding(Buffer.from('{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1"}'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/** An error as the SDK throws it for a service error it has no class for (KMS's AccessDeniedException). */
function serviceError(name: string, message: string, status = 400): KMSServiceException {
  return new KMSServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message, $metadata: { httpStatusCode: status } });
}

async function signerOf(key: FakeKmsKey, seams = fakeRetrySeams()) {
  const kms = new FakeKms(key);
  const signer = await kmsSigner(kms.client, REF, seams);
  return { kms, signer, seams };
}

function expectOneLine(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toMatch(/[\r\n]/);
}

describe('kmsSigner: GetPublicKey before the build', () => {
  test.each([
    ['ECC_NIST_P256', ecKey],
    ['RSA_2048', rsaKey],
  ])('%s: the key is the ARN KMS answers, the hint is base64 SHA-256 of the DER, the PEM is the public key', async (_spec, make) => {
    const key = make();
    const { kms, signer } = await signerOf(key);
    expect(kms.inputsOf('GetPublicKey')).toEqual([{ KeyId: 'alias/release' }]);
    expect(signer.name).toBe('awskms:///alias/release');
    expect(signer.kind).toBe('kms');
    expect(signer.key).toBe(KEY_ARN);
    expect(signer.hint).toBe(createHash('sha256').update(spkiDer(key)).digest('base64'));
    expect(signer.publicKeyPem).toBe(key.publicKey.export({ format: 'pem', type: 'spki' }).toString());
    expect(signer.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    // Nothing is signed until asked.
    expect(kms.inputsOf('Sign')).toEqual([]);
  });

  test('a P-384 key is refused before the build, as signingAlgorithmOf says (InputError), and nothing is signed', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const kms = new FakeKms({
      arn: KEY_ARN,
      keySpec: 'ECC_NIST_P384',
      signingAlgorithms: ['ECDSA_SHA_384'],
      keyUsage: 'SIGN_VERIFY',
      privateKey,
      publicKey,
    });
    const error = await kmsSigner(kms.client, REF, fakeRetrySeams()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'Input "signing": the KMS key awskms:///alias/release is ECC_NIST_P384 with signing algorithms ECDSA_SHA_384; accepted: an asymmetric SIGN_VERIFY key of spec ECC_NIST_P256 (ECDSA_SHA_256) or RSA_2048/3072/4096 allowing RSASSA_PKCS1_V1_5_SHA_256, which cosign verifies with the public key.',
    );
    expect(kms.inputsOf('Sign')).toEqual([]);
  });

  test('an ENCRYPT_DECRYPT key is refused (InputError naming its usage)', async () => {
    const key = { ...rsaKey(), keyUsage: 'ENCRYPT_DECRYPT', signingAlgorithms: [] };
    const error = await signerOf(key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/is for ENCRYPT_DECRYPT \(spec RSA_2048\), not SIGN_VERIFY/);
  });

  test('AccessDeniedException → one line (InputError) naming kms:GetPublicKey and the key', async () => {
    const kms = new FakeKms(ecKey()).fail(
      'GetPublicKey',
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: kms:GetPublicKey',
      ),
    );
    const error = await kmsSigner(kms.client, REF, fakeRetrySeams()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expectOneLine(error);
    expect((error as Error).message).toBe(
      'KMS refused kms:GetPublicKey on alias/release (AccessDeniedException): allow kms:GetPublicKey on the key for this role (docs/iam-policy.json), or name another key in signing.',
    );
    expect(kms.inputsOf('GetPublicKey')).toHaveLength(1);
  });

  test('NotFoundException → InputError "KMS has no key", one line', async () => {
    const kms = new FakeKms(ecKey()).fail(
      'GetPublicKey',
      new NotFoundException({ message: 'Alias arn:aws:kms:us-east-1:123456789012:alias/release is not found.', $metadata: {} }),
    );
    const error = await kmsSigner(kms.client, REF, fakeRetrySeams()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expectOneLine(error);
    expect((error as Error).message).toBe(
      'Input "signing": KMS has no key alias/release (NotFoundException) in this account and region: Alias arn:aws:kms:us-east-1:123456789012:alias/release is not found.',
    );
  });

  test('DisabledException → InputError "cannot sign"', async () => {
    const kms = new FakeKms(ecKey()).fail('GetPublicKey', new DisabledException({ message: 'key is disabled', $metadata: {} }));
    const error = await kmsSigner(kms.client, REF, fakeRetrySeams()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('Input "signing": the KMS key alias/release cannot sign (DisabledException): key is disabled');
  });

  test('a transient fault on GetPublicKey is retried once, with one warning', async () => {
    const seams = fakeRetrySeams();
    const kms = new FakeKms(ecKey()).fail(
      'GetPublicKey',
      new KMSInternalException({ message: 'internal error', $metadata: { httpStatusCode: 500 } }),
    );
    const signer = await kmsSigner(kms.client, REF, seams);
    expect(signer.key).toBe(KEY_ARN);
    expect(kms.inputsOf('GetPublicKey')).toHaveLength(2);
    expect(seams.warnings).toEqual([
      'KMS GetPublicKey alias/release: attempt 1 of 3 failed (KMSInternalException, HTTP 500); retrying in 5 s.',
    ]);
  });

  test('no public key in the answer is one line', async () => {
    const kms = new FakeKms(ecKey());
    const client = {
      send: async (command: unknown) => {
        const answer = (await kms.client.send(command as never)) as unknown as Record<string, unknown>;
        return { ...answer, PublicKey: undefined };
      },
    } as unknown as typeof kms.client;
    await expect(kmsSigner(client, REF, fakeRetrySeams())).rejects.toThrow(
      'KMS GetPublicKey answered no public key for awskms:///alias/release.',
    );
  });
});

describe('sign: KMS Sign with MessageType DIGEST over SHA-256 of the PAE', () => {
  test('ECDSA P-256: Sign is asked for ECDSA_SHA_256 over sha256(pae); the signature verifies over the PAE', async () => {
    const key = ecKey();
    const { kms, signer, seams } = await signerOf(key);
    kms.expect(PAE);
    const signature = await signer.sign(PAE);
    expect(kms.inputsOf('Sign')).toEqual([
      { KeyId: 'alias/release', Message: sha256(PAE), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' },
    ]);
    expect(verify('sha256', PAE, { key: key.publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(verify('sha256', PAE, { key: signer.publicKeyPem, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(seams.warnings).toEqual([]);
    // The signer checks signatures with the key's public key: its own, not another payload's.
    expect(signer.verify(PAE, signature)).toBe(true);
    expect(signer.verify(Buffer.concat([PAE, Buffer.from(' ')]), signature)).toBe(false);
  });

  test('RSA 2048: Sign is asked for RSASSA_PKCS1_V1_5_SHA_256 over sha256(pae); the signature verifies', async () => {
    const key = rsaKey();
    const { kms, signer } = await signerOf(key);
    const signature = await signer.sign(PAE);
    const [input] = kms.inputsOf('Sign');
    expect(input).toEqual({
      KeyId: 'alias/release',
      Message: sha256(PAE),
      MessageType: 'DIGEST',
      SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
    });
    expect(Buffer.from(input!.Message as Uint8Array).equals(sha256(PAE))).toBe(true);
    expect(verify('sha256', PAE, key.publicKey, signature)).toBe(true);
  });

  test('a signature that does not verify with the public key is an error, and nothing else happens', async () => {
    const key = ecKey();
    const { kms, signer, seams } = await signerOf(key);
    kms.signatureOverride = Buffer.from('3006020101020101', 'hex');
    const error = await signer.sign(PAE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InputError);
    expectOneLine(error);
    expect((error as Error).message).toBe(
      "KMS signed with awskms:///alias/release, but the signature does not verify with the key's public key (GetPublicKey): nothing was pushed.",
    );
    // No retry, no second call, no warning.
    expect(kms.inputsOf('Sign')).toHaveLength(1);
    expect(seams.warnings).toEqual([]);
  });

  test("another key's signature does not verify either", async () => {
    const key = rsaKey();
    const { kms, signer } = await signerOf(key);
    const other = await signerOf(rsaKey());
    kms.signatureOverride = await other.signer.sign(PAE);
    await expect(signer.sign(PAE)).rejects.toThrow(/does not verify/);
  });

  test('AccessDeniedException on Sign → one line naming kms:Sign and the key ARN (not an InputError), the SDK error its cause', async () => {
    const { kms, signer, seams } = await signerOf(ecKey());
    const denied = serviceError(
      'AccessDeniedException',
      `User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: kms:Sign on resource: ${KEY_ARN}`,
    );
    kms.fail('Sign', denied);
    const error = await signer.sign(PAE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InputError);
    expectOneLine(error);
    expect((error as Error).message).toBe(
      `KMS refused kms:Sign on ${KEY_ARN} (AccessDeniedException): allow kms:Sign on the key for this role (docs/iam-policy.json), or name another key in signing.`,
    );
    expect((error as Error).cause).toBe(denied);
    expect(kms.inputsOf('Sign')).toHaveLength(1);
    expect(seams.warnings).toEqual([]);
  });

  test('KMSInvalidStateException on Sign (a key pending deletion) → "cannot sign", naming the ARN', async () => {
    const { kms, signer } = await signerOf(ecKey());
    kms.fail('Sign', serviceError('KMSInvalidStateException', `${KEY_ARN} is pending deletion.`));
    await expect(signer.sign(PAE)).rejects.toThrow(
      `Input "signing": the KMS key ${KEY_ARN} cannot sign (KMSInvalidStateException): ${KEY_ARN} is pending deletion.`,
    );
  });

  test('a transient fault (KMSInternalException, HTTP 500) once, then success: one retry warning, the signature', async () => {
    const key = ecKey();
    const { kms, signer, seams } = await signerOf(key);
    kms.expect(PAE);
    kms.fail(
      'Sign',
      Object.assign(new Error('internal'), { name: 'KMSInternalException', $fault: 'server', $metadata: { httpStatusCode: 500 } }),
    );
    const signature = await signer.sign(PAE);
    expect(verify('sha256', PAE, { key: key.publicKey, dsaEncoding: 'der' }, signature)).toBe(true);
    expect(kms.inputsOf('Sign')).toHaveLength(2);
    expect(seams.warnings).toEqual([
      'KMS Sign with alias/release: attempt 1 of 3 failed (KMSInternalException, HTTP 500); retrying in 5 s.',
    ]);
    expect(seams.sleeps).toEqual([5_000]);
  });

  test('a transient fault every time: given up after 3 attempts, naming the cause', async () => {
    const { kms, signer, seams } = await signerOf(ecKey());
    const fault = () => new KMSInternalException({ message: 'internal error', $metadata: { httpStatusCode: 500 } });
    kms.fail('Sign', fault(), fault(), fault());
    const error = await signer.sign(PAE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as Error).message).toBe('internal error (gave up after 3 attempts in 25 s)');
    expect(kms.inputsOf('Sign')).toHaveLength(3);
    expect(seams.warnings).toHaveLength(2);
  });
});

describe('kmsEndpoint: what the SDK will call', () => {
  test.each<[string, string, Record<string, string | undefined>, string]>([
    [
      'the URI names one: it wins',
      'awskms://localhost:4566/alias/x',
      { AWS_ENDPOINT_URL_KMS: 'http://kms:1', AWS_ENDPOINT_URL: 'http://all:2' },
      'https://localhost:4566/',
    ],
    [
      'AWS_ENDPOINT_URL_KMS',
      'awskms:///alias/x',
      { AWS_ENDPOINT_URL_KMS: 'http://127.0.0.1:4000', AWS_ENDPOINT_URL: 'http://all:2' },
      'http://127.0.0.1:4000/',
    ],
    ['else AWS_ENDPOINT_URL', 'awskms:///alias/x', { AWS_ENDPOINT_URL: 'http://all:2' }, 'http://all:2/'],
    [
      'an empty AWS_ENDPOINT_URL_KMS is none',
      'awskms:///alias/x',
      { AWS_ENDPOINT_URL_KMS: '', AWS_ENDPOINT_URL: 'http://all:2' },
      'http://all:2/',
    ],
    ["else the region's", 'awskms:///alias/x', {}, 'https://kms.eu-west-1.amazonaws.com/'],
  ])('%s', (_name, uri, env, url) => {
    expect(kmsEndpoint('eu-west-1', parseKmsKey(uri), env).toString()).toBe(url);
  });

  test('a China region: .com.cn', () => {
    expect(kmsEndpoint('cn-north-1', parseKmsKey('awskms:///alias/x'), {}).toString()).toBe('https://kms.cn-north-1.amazonaws.com.cn/');
  });

  test("createKmsClient: the URI's endpoint is the client's; else the SDK's own", async () => {
    const withEndpoint = await createKmsClient('us-east-1', parseKmsKey('awskms://kms.internal:8443/alias/x'), {});
    const endpoint = await withEndpoint.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('https://kms.internal:8443');
    withEndpoint.destroy();
    const plain = await createKmsClient('us-east-1', parseKmsKey('awskms:///alias/x'), {});
    expect(plain.config.endpoint).toBeUndefined();
    expect(await plain.config.region()).toBe('us-east-1');
    plain.destroy();
  });
});
