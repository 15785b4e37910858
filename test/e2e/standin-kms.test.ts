// The KMS stand-in (served by the ECR stand-in's process, AWS_ENDPOINT_URL_KMS), driven with the real
// @aws-sdk/client-kms: keys made through the admin API, then DescribeKey, GetPublicKey and Sign,
// and the signatures checked with node:crypto against the key's public key: ECDSA P-256 over a
// message and over a digest, RSA PKCS#1 v1.5 and PSS. Then KMS's errors (a foreign algorithm, an
// unknown key, IAM's refusal, a disabled key, a bad signature) and the call rules (faults retried
// by the SDK's default retry, the global scenario), and the real CreateKey and CreateAlias.
import { describe, expect, test } from '@jest/globals';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  GetPublicKeyCommand,
  KMSClient,
  type KeyMetadata,
  SignCommand,
  type SignCommandInput,
} from '@aws-sdk/client-kms';
import { constants, createHash, createPublicKey, verify } from 'node:crypto';
import {
  accountCredentials,
  createKmsKey,
  kmsCalls,
  kmsEndpoint,
  kmsKey,
  putKmsKeyScenario,
  stackEnv,
  uniqueKmsAlias,
  uniqueRegistryId,
} from './stack.js';

/** A client of the stand-in's KMS: the test credentials (or another account's), no retries unless asked. */
function kms(options: { credentials?: { accessKeyId: string; secretAccessKey: string }; maxAttempts?: number } = {}): KMSClient {
  const stack = stackEnv();
  return new KMSClient({
    region: stack.AWS_REGION,
    endpoint: kmsEndpoint(),
    credentials: options.credentials ?? { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
    maxAttempts: options.maxAttempts ?? 1,
  });
}

const client = kms();

interface SdkError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

/** The error a call fails with (it must fail). */
async function failure(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('the call succeeded');
}

const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
const MESSAGE = Buffer.from('{"critical":{"image":{"docker-manifest-digest":"sha256:0123"}}}');

async function sign(input: Partial<SignCommandInput> & { KeyId: string }, on = client) {
  const out = await on.send(new SignCommand({ Message: MESSAGE, SigningAlgorithm: 'ECDSA_SHA_256', ...input }));
  return { ...out, signature: Buffer.from(out.Signature ?? []) };
}

async function describeKey(keyId: string, on = client): Promise<KeyMetadata> {
  return (await on.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

describe('keys, public keys and signatures', () => {
  test('a P-256 key with an alias: GetPublicKey is the admin API public key, DescribeKey by every name', async () => {
    const alias = uniqueKmsAlias('p256');
    const key = await createKmsKey({ alias, description: 'release signing' });
    expect(key.arn).toBe(`arn:aws:kms:us-east-1:123456789012:key/${key.keyId}`);
    expect(key.aliasArn).toBe(`arn:aws:kms:us-east-1:123456789012:${alias}`);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const pub = await client.send(new GetPublicKeyCommand({ KeyId: alias }));
    expect(pub).toMatchObject({
      KeyId: key.arn,
      KeySpec: 'ECC_NIST_P256',
      CustomerMasterKeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(Buffer.from(pub.PublicKey!).equals(der(key.publicKeyPem))).toBe(true);
    const spki = createPublicKey({ key: Buffer.from(pub.PublicKey!), format: 'der', type: 'spki' });
    expect(spki.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');

    for (const name of [key.keyId, key.arn, alias, key.aliasArn!]) {
      const metadata = await describeKey(name);
      expect(metadata).toMatchObject({
        AWSAccountId: '123456789012',
        KeyId: key.keyId,
        Arn: key.arn,
        Enabled: true,
        KeyUsage: 'SIGN_VERIFY',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        KeySpec: 'ECC_NIST_P256',
        CustomerMasterKeySpec: 'ECC_NIST_P256',
        SigningAlgorithms: ['ECDSA_SHA_256'],
        Description: 'release signing',
      });
      // Epoch seconds on the wire: the SDK makes a Date of it.
      expect(Math.abs(metadata.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(await kmsKey(key.keyId)).toMatchObject({
      keyId: key.keyId,
      arn: key.arn,
      spec: 'ECC_NIST_P256',
      aliases: [alias],
      signCount: 0,
    });
  });

  test('ECDSA_SHA_256 over the message (RAW) and over its SHA-256 (DIGEST) verify with node:crypto', async () => {
    const key = await createKmsKey({ alias: uniqueKmsAlias('sign') });
    const ecdsa = { key: key.publicKeyPem, dsaEncoding: 'der' } as const;
    const raw = await sign({ KeyId: key.aliasArn! });
    expect(raw).toMatchObject({ KeyId: key.arn, SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(raw.signature[0]).toBe(0x30); // DER SEQUENCE { r, s }
    expect(verify('sha256', MESSAGE, ecdsa, raw.signature)).toBe(true);
    expect(verify('sha256', Buffer.from('another message'), ecdsa, raw.signature)).toBe(false);

    const digest = await sign({ KeyId: key.keyId, Message: sha256(MESSAGE), MessageType: 'DIGEST' });
    // The digest's signature is the message's: what a verifier of the message checks.
    expect(verify('sha256', MESSAGE, ecdsa, digest.signature)).toBe(true);

    const wrongLength = await failure(sign({ KeyId: key.keyId, Message: Buffer.alloc(31), MessageType: 'DIGEST' }));
    expect(wrongLength).toMatchObject({ name: 'ValidationException', message: 'Digest is invalid length for algorithm ECDSA_SHA_256.' });

    expect((await kmsKey(key.keyId)).signCount).toBe(2);
    const signs = await kmsCalls(key.keyId, 'Sign');
    expect(signs.map((call) => [call.status, call.error])).toEqual([
      [200, undefined],
      [200, undefined],
      [400, 'ValidationException'],
    ]);
    expect(signs[0]!.request).toMatchObject({ KeyId: key.aliasArn, Message: MESSAGE.toString('base64') });
  });

  test('RSA_2048: PKCS#1 v1.5 over a digest, PSS over the message and a digest; a PSS-only key refuses PKCS#1', async () => {
    const key = await createKmsKey({ spec: 'RSA_2048' });
    const digest = sha256(MESSAGE);
    const pkcs1 = await sign({ KeyId: key.arn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' });
    expect(pkcs1.signature).toHaveLength(256);
    expect(verify('sha256', MESSAGE, { key: key.publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, pkcs1.signature)).toBe(true);

    const pss = { key: key.publicKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    for (const input of [{ Message: MESSAGE }, { Message: digest, MessageType: 'DIGEST' as const }]) {
      const out = await sign({ KeyId: key.keyId, SigningAlgorithm: 'RSASSA_PSS_SHA_256', ...input });
      expect(verify('sha256', MESSAGE, pss, out.signature)).toBe(true);
    }
    expect((await client.send(new GetPublicKeyCommand({ KeyId: key.keyId }))).SigningAlgorithms).toEqual([
      'RSASSA_PSS_SHA_256',
      'RSASSA_PSS_SHA_384',
      'RSASSA_PSS_SHA_512',
      'RSASSA_PKCS1_V1_5_SHA_256',
      'RSASSA_PKCS1_V1_5_SHA_384',
      'RSASSA_PKCS1_V1_5_SHA_512',
    ]);

    const pssOnly = await createKmsKey({ spec: 'RSA_2048', signingAlgorithms: ['RSASSA_PSS_SHA_256'] });
    expect((await client.send(new GetPublicKeyCommand({ KeyId: pssOnly.keyId }))).SigningAlgorithms).toEqual(['RSASSA_PSS_SHA_256']);
    const refused = await failure(
      sign({ KeyId: pssOnly.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' }),
    );
    expect(refused.name).toBe('InvalidKeyUsageException');
  });

  test('keys without a public key, and the specs the action refuses, as KMS describes them', async () => {
    const hmac = await createKmsKey({ spec: 'HMAC_256' });
    expect(hmac.publicKeyPem).toBe('');
    expect((await failure(client.send(new GetPublicKeyCommand({ KeyId: hmac.keyId })))).name).toBe('UnsupportedOperationException');
    expect((await failure(sign({ KeyId: hmac.keyId }))).name).toBe('InvalidKeyUsageException');
    const symmetric = await createKmsKey({ spec: 'SYMMETRIC_DEFAULT' });
    expect((await failure(client.send(new GetPublicKeyCommand({ KeyId: symmetric.keyId })))).name).toBe('UnsupportedOperationException');
    expect(await describeKey(symmetric.keyId)).toMatchObject({
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    });
    for (const [spec, algorithm, curve] of [
      ['ECC_SECG_P256K1', 'ECDSA_SHA_256', 'secp256k1'],
      ['ECC_NIST_P384', 'ECDSA_SHA_384', 'secp384r1'],
    ] as const) {
      const key = await createKmsKey({ spec });
      const pub = await client.send(new GetPublicKeyCommand({ KeyId: key.keyId }));
      expect(pub).toMatchObject({ KeySpec: spec, SigningAlgorithms: [algorithm] });
      const spki = createPublicKey({ key: Buffer.from(pub.PublicKey!), format: 'der', type: 'spki' });
      expect(spki.asymmetricKeyDetails?.namedCurve).toBe(curve);
    }
  });
});

describe("KMS's errors", () => {
  test('a signing algorithm the key does not have → InvalidKeyUsageException', async () => {
    const key = await createKmsKey();
    const err = await failure(sign({ KeyId: key.keyId, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
    expect(err).toMatchObject({ name: 'InvalidKeyUsageException', $metadata: { httpStatusCode: 400 } });
    expect(err.message).toContain(key.arn);
    const unknown = await failure(sign({ KeyId: key.keyId, SigningAlgorithm: 'ECDSA_P256' as 'ECDSA_SHA_256' }));
    expect(unknown.name).toBe('ValidationException');
  });

  test('an unknown key, alias, or a key of another account named by id → NotFoundException', async () => {
    const uuid = '0b7e2a4c-1d3f-4e5a-9b6c-7d8e9f0a1b2c';
    expect(await failure(client.send(new GetPublicKeyCommand({ KeyId: uuid })))).toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:123456789012:key/${uuid}' does not exist`,
    });
    const alias = uniqueKmsAlias('missing');
    expect(await failure(sign({ KeyId: alias }))).toMatchObject({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:us-east-1:123456789012:${alias} is not found.`,
    });
    // A key of another account: by its ARN (cross-account use), not by its id or the caller's alias.
    const account = uniqueRegistryId();
    const foreignAlias = uniqueKmsAlias('foreign');
    const foreign = await createKmsKey({ account, alias: foreignAlias });
    expect(foreign.arn).toBe(`arn:aws:kms:us-east-1:${account}:key/${foreign.keyId}`);
    expect((await client.send(new GetPublicKeyCommand({ KeyId: foreign.arn }))).KeyId).toBe(foreign.arn);
    expect((await client.send(new GetPublicKeyCommand({ KeyId: foreign.aliasArn }))).KeyId).toBe(foreign.arn);
    expect((await failure(client.send(new GetPublicKeyCommand({ KeyId: foreign.keyId })))).name).toBe('NotFoundException');
    expect((await failure(client.send(new GetPublicKeyCommand({ KeyId: foreignAlias })))).name).toBe('NotFoundException');
    // The key's own account sees it by its id and alias.
    const own = kms({ credentials: accountCredentials(account) });
    expect(await describeKey(foreignAlias, own)).toMatchObject({ KeyId: foreign.keyId, AWSAccountId: account });
  });

  test("a key's scenario: Sign denied → AccessDeniedException naming kms:Sign and the key; disabled → DisabledException", async () => {
    const key = await createKmsKey({ alias: uniqueKmsAlias('denied'), scenario: { denied: ['Sign'] } });
    const denied = await failure(sign({ KeyId: key.aliasArn! }));
    expect(denied).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    expect(denied.message).toBe(
      `User: arn:aws:iam::123456789012:user/standin is not authorized to perform: kms:Sign on resource: ${key.arn} because no identity-based policy allows the kms:Sign action`,
    );
    // Only Sign: the public key is still readable.
    expect((await client.send(new GetPublicKeyCommand({ KeyId: key.keyId }))).KeyId).toBe(key.arn);

    await putKmsKeyScenario(key.keyId, { denied: ['GetPublicKey', 'DescribeKey'] });
    expect((await failure(client.send(new GetPublicKeyCommand({ KeyId: key.keyId })))).message).toContain('kms:GetPublicKey on resource');
    expect((await failure(describeKey(key.keyId))).name).toBe('AccessDeniedException');
    expect((await sign({ KeyId: key.aliasArn! })).KeyId).toBe(key.arn);

    await putKmsKeyScenario(key.keyId, { disabled: true });
    expect(await failure(sign({ KeyId: key.aliasArn! }))).toMatchObject({ name: 'DisabledException', message: `${key.arn} is disabled.` });
    expect(await describeKey(key.keyId)).toMatchObject({ Enabled: false, KeyState: 'Disabled' });
    expect(await kmsKey(key.keyId)).toMatchObject({ scenario: { disabled: true }, signCount: 1 });
  });

  test('SigV4 is checked: a wrong secret, an unknown access key, no signature', async () => {
    const key = await createKmsKey();
    const stack = stackEnv();
    const wrongSecret = await failure(
      describeKey(
        key.keyId,
        kms({ credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00' } }),
      ),
    );
    expect(wrongSecret).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
    expect(wrongSecret.message).toMatch(/signature we calculated does not match/);
    const unknownKey = kms({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: stack.AWS_SECRET_ACCESS_KEY } });
    expect((await failure(describeKey(key.keyId, unknownKey))).name).toBe('UnrecognizedClientException');
    const unsigned = await fetch(`${kmsEndpoint()}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.DescribeKey' },
      body: JSON.stringify({ KeyId: key.keyId }),
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});

describe('call rules and the real operations', () => {
  test("faults injected on a key's Sign: 2 × 500 KMSInternalException, retried by the SDK's default retry, then signed", async () => {
    const key = await createKmsKey({ scenario: { faults: { operations: ['Sign'], count: 2 } } });
    const retrying = kms({ maxAttempts: 3 });
    const out = await sign({ KeyId: key.keyId }, retrying);
    expect(out.$metadata.attempts).toBe(3);
    expect(verify('sha256', MESSAGE, { key: key.publicKeyPem, dsaEncoding: 'der' }, out.signature)).toBe(true);
    const calls = await kmsCalls(key.keyId, 'Sign');
    expect(calls.map((call) => [call.status, call.error])).toEqual([
      [500, 'KMSInternalException'],
      [500, 'KMSInternalException'],
      [200, undefined],
    ]);
    expect(await kmsKey(key.keyId)).toMatchObject({ signCount: 1, scenarioRuleUses: { faults: 2 } });

    // Throttling: retried too; GetPublicKey is not touched by a Sign rule.
    await putKmsKeyScenario(key.keyId, { throttle: { operations: ['Sign'], count: 1 } });
    expect((await client.send(new GetPublicKeyCommand({ KeyId: key.keyId }))).KeyId).toBe(key.arn);
    expect((await sign({ KeyId: key.keyId }, retrying)).$metadata.attempts).toBe(2);
  });

  test('the global scenario applies to KMS operations; CreateKey and CreateAlias as KMS answers them', async () => {
    const admin = stackEnv().ECR_STANDIN_ADMIN;
    const before = (await (await fetch(`${admin}/scenario`)).json()) as Record<string, unknown>;
    const created = (await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Description: 'sdk' })))
      .KeyMetadata!;
    expect(created).toMatchObject({ SigningAlgorithms: ['ECDSA_SHA_256'], KeyManager: 'CUSTOMER', Description: 'sdk' });
    const alias = uniqueKmsAlias('created');
    const createAlias = () => client.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: created.KeyId }));
    // A rule for CreateAlias only (an operation no other suite calls), restored straight after.
    const put = await fetch(`${admin}/scenario`, {
      method: 'PUT',
      body: JSON.stringify({ ...before, faults: { operations: ['CreateAlias'], count: 1, status: 503 } }),
    });
    expect(put.status).toBe(200);
    let first: SdkError;
    try {
      first = await failure(createAlias());
    } finally {
      await fetch(`${admin}/scenario`, { method: 'PUT', body: JSON.stringify(before) });
    }
    expect(first).toMatchObject({ name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
    await createAlias();
    expect((await failure(createAlias())).name).toBe('AlreadyExistsException');
    expect((await client.send(new GetPublicKeyCommand({ KeyId: alias }))).KeyId).toBe(created.Arn);
    expect((await failure(client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256' })))).message).toBe(
      'KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256',
    );
  });
});
