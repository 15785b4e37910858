// KMS's Sign with real keys: ECDSA (any of the key's curves, DER-encoded, over the message's
// hash or a given digest: kms-ecdsa.ts), RSASSA-PKCS1-v1_5 and RSASSA-PSS (salt as long as the
// hash, as KMS uses) over the message or a given digest.
import { constants, createHash, privateEncrypt, randomBytes, sign } from 'node:crypto';
import { EcrError } from './errors.ts';
import { CURVES, signDigest } from './kms-ecdsa.ts';
import type { KmsKey } from './kms-keys.ts';

type Hash = 'sha256' | 'sha384' | 'sha512';

/** DigestInfo (RFC 8017 §9.2) before the digest, per hash. */
const DIGEST_INFO: Record<Hash, Buffer> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};
const HASH_LENGTH: Record<Hash, number> = { sha256: 32, sha384: 48, sha512: 64 };

function hashOf(algorithm: string): Hash {
  const bits = /_SHA_(256|384|512)$/.exec(algorithm)?.[1];
  if (!bits) throw new EcrError('UnsupportedOperationException', `The KMS stand-in cannot sign with ${algorithm}.`);
  return `sha${bits}` as Hash;
}

/**
 * The signature of `message` (RAW: the message; DIGEST: its hash, which must be as long as the
 * algorithm's) with the key's private key. The caller has checked that the key lists `algorithm`.
 */
export function signMessage(key: KmsKey, algorithm: string, message: Buffer, messageType: 'RAW' | 'DIGEST'): Buffer {
  const hash = hashOf(algorithm);
  if (messageType === 'DIGEST' && message.length !== HASH_LENGTH[hash]) {
    throw new EcrError('ValidationException', `Digest is invalid length for algorithm ${algorithm}.`);
  }
  const privateKey = key.privateKey;
  if (!privateKey) throw new EcrError('UnsupportedOperationException', `${key.arn} has no private key to sign with.`);
  const digest = messageType === 'DIGEST' ? message : createHash(hash).update(message).digest();

  if (algorithm.startsWith('ECDSA_')) {
    const curve = CURVES[key.spec as keyof typeof CURVES];
    if (!curve) throw new EcrError('UnsupportedOperationException', `The KMS stand-in cannot sign with a ${key.spec} key.`);
    return signDigest(curve, privateKey, digest);
  }
  if (algorithm.startsWith('RSASSA_PKCS1_V1_5_')) {
    if (messageType === 'RAW') return sign(hash, message, { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
    return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO[hash], digest]));
  }
  if (algorithm.startsWith('RSASSA_PSS_')) {
    const saltLength = HASH_LENGTH[hash];
    if (messageType === 'RAW') return sign(hash, message, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
    const modulusBits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
    const encoded = emsaPssEncode(hash, digest, modulusBits - 1, saltLength);
    const block = Buffer.concat([Buffer.alloc(Math.ceil(modulusBits / 8) - encoded.length), encoded]);
    return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
  }
  throw new EcrError('UnsupportedOperationException', `The KMS stand-in cannot sign with ${algorithm}.`);
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of a message hash, MGF1 with the same hash. */
function emsaPssEncode(hash: Hash, mHash: Buffer, emBits: number, saltLength: number): Buffer {
  const hLen = HASH_LENGTH[hash];
  const emLen = Math.ceil(emBits / 8);
  if (emLen < hLen + saltLength + 2) throw new EcrError('ValidationException', 'The key is too short for RSASSA-PSS with this hash.');
  const salt = randomBytes(saltLength);
  const h = createHash(hash)
    .update(Buffer.concat([Buffer.alloc(8), mHash, salt]))
    .digest();
  const db = Buffer.concat([Buffer.alloc(emLen - saltLength - hLen - 2), Buffer.from([0x01]), salt]);
  const mask = mgf1(hash, h, emLen - hLen - 1);
  for (let i = 0; i < db.length; i++) db[i] = db[i]! ^ mask[i]!;
  db[0] = db[0]! & (0xff >> (8 * emLen - emBits));
  return Buffer.concat([db, h, Buffer.from([0xbc])]);
}

function mgf1(hash: Hash, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * HASH_LENGTH[hash] < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(
      createHash(hash)
        .update(Buffer.concat([seed, c]))
        .digest(),
    );
  }
  return Buffer.concat(blocks).subarray(0, length);
}
