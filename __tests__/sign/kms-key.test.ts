import { describe, expect, test } from '@jest/globals';
import { kmsRegion, parseKmsKey, signingAlgorithmOf } from '../../src/sign/kms-key.js';

const UUID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('parseKmsKey: the forms cosign accepts', () => {
  test.each([
    [`awskms:///${UUID}`, UUID, undefined],
    [`awskms:///mrk-${'a'.repeat(32)}`, `mrk-${'a'.repeat(32)}`, undefined],
    ['awskms:///alias/release-signing', 'alias/release-signing', undefined],
    [`awskms:///arn:aws:kms:us-east-2:111122223333:key/${UUID}`, `arn:aws:kms:us-east-2:111122223333:key/${UUID}`, undefined],
    ['awskms:///arn:aws:kms:us-east-2:111122223333:alias/release', 'arn:aws:kms:us-east-2:111122223333:alias/release', undefined],
    ['awskms:///arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/r', 'arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/r', undefined],
    ['awskms://localhost:4566/alias/x', 'alias/x', 'localhost:4566'],
  ])('%s', (uri, keyId, endpoint) => {
    expect(parseKmsKey(uri)).toEqual({ uri, keyId, ...(endpoint ? { endpoint } : {}) });
  });

  test.each([
    ['awskms://', /Input "signing" is "awskms:\/\/", which names no key; accepted: awskms:\/\/\/<key id>/],
    ['awskms:///', /names no key/],
    ['awskms://host', /names no key/],
    ['awskms:///release', /the KMS key "release", which is not a key id, alias or ARN/],
    ['awskms:///arn:aws:kms:us-east-1:1234:key/x', /not a key id, alias or ARN/],
    ['awskms://bad host/alias/x', /the KMS endpoint "bad host", which is not host\[:port\]/],
  ])('%s is one line naming the input and the forms', (uri, message) => {
    expect(() => parseKmsKey(uri)).toThrow(message);
    try {
      parseKmsKey(uri);
    } catch (error) {
      expect((error as Error).name).toBe('InputError');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('signingAlgorithmOf: what cosign can verify with the public key', () => {
  const key = (keySpec: string, signingAlgorithms: string[], keyUsage = 'SIGN_VERIFY') => ({
    keyId: 'k',
    keySpec,
    keyUsage,
    signingAlgorithms,
  });
  test.each([
    ['ECC_NIST_P256', ['ECDSA_SHA_256'], 'ECDSA_SHA_256'],
    ['RSA_2048', ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'], 'RSASSA_PKCS1_V1_5_SHA_256'],
    ['RSA_4096', ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_512'], 'RSASSA_PKCS1_V1_5_SHA_256'],
  ])('%s %j → %s', (spec, algorithms, expected) => {
    expect(signingAlgorithmOf(key(spec, algorithms), 'awskms:///alias/k')).toBe(expected);
  });

  test.each([
    ['ECC_NIST_P384', ['ECDSA_SHA_384'], 'SIGN_VERIFY', /is ECC_NIST_P384 with signing algorithms ECDSA_SHA_384; accepted: /],
    ['ECC_SECG_P256K1', ['ECDSA_SHA_256'], 'SIGN_VERIFY', /is ECC_SECG_P256K1/],
    ['RSA_2048', ['RSASSA_PSS_SHA_256'], 'SIGN_VERIFY', /RSA_2048 with signing algorithms RSASSA_PSS_SHA_256/],
    ['ECC_NIST_EDWARDS25519', ['ED25519_SHA_512'], 'SIGN_VERIFY', /ECC_NIST_EDWARDS25519/],
    ['SYMMETRIC_DEFAULT', [], 'ENCRYPT_DECRYPT', /is for ENCRYPT_DECRYPT \(spec SYMMETRIC_DEFAULT\), not SIGN_VERIFY/],
  ])('%s is refused in one line', (spec, algorithms, usage, message) => {
    expect(() => signingAlgorithmOf(key(spec, algorithms, usage), 'awskms:///alias/k')).toThrow(message);
  });
});

describe("kmsRegion: a key ARN's region, else the step's", () => {
  test.each([
    [`arn:aws:kms:eu-west-1:111122223333:key/${UUID}`, 'eu-west-1'],
    ['arn:aws:kms:ap-south-1:111122223333:alias/release', 'ap-south-1'],
    ['arn:aws-cn:kms:cn-north-1:111122223333:alias/release', 'cn-north-1'],
    ['alias/release', 'us-east-1'],
    [UUID, 'us-east-1'],
  ])('%s → %s', (keyId, region) => {
    expect(kmsRegion({ keyId }, 'us-east-1')).toBe(region);
  });
});
