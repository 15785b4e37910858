// ECDSA over a given digest, which Node's crypto cannot do (crypto.sign always hashes the message
// itself): what KMS's Sign with MessageType DIGEST needs. Plain BigInt arithmetic on short
// Weierstrass curves in Jacobian coordinates, the nonce k from RFC 6979 (deterministic, so no
// random source to get wrong), low-S, and the DER (X9.62) encoding KMS answers. Speed and
// constant time do not matter here: a test stand-in signs a few digests, with test keys.
import { createHmac, type KeyObject } from 'node:crypto';

export interface Curve {
  /** The name KMS gives the key spec, for messages. */
  name: string;
  p: bigint;
  a: bigint;
  b: bigint;
  n: bigint;
  gx: bigint;
  gy: bigint;
  /** The HMAC hash RFC 6979 uses for k: the hash the curve is signed with. */
  hash: 'sha256' | 'sha384';
}

const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P384_P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn;

export const CURVES = {
  ECC_NIST_P256: {
    name: 'ECC_NIST_P256',
    p: P256_P,
    a: P256_P - 3n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    hash: 'sha256',
  },
  ECC_NIST_P384: {
    name: 'ECC_NIST_P384',
    p: P384_P,
    a: P384_P - 3n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    hash: 'sha384',
  },
  ECC_SECG_P256K1: {
    name: 'ECC_SECG_P256K1',
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn,
    a: 0n,
    b: 7n,
    n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
    gx: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
    gy: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
    hash: 'sha256',
  },
} as const satisfies Record<string, Curve>;

/** A point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
interface Jacobian {
  x: bigint;
  y: bigint;
  z: bigint;
}

const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

function mod(value: bigint, m: bigint): bigint {
  const r = value % m;
  return r < 0n ? r + m : r;
}

/** The inverse of `value` mod the prime `m` (extended Euclid). */
export function invert(value: bigint, m: bigint): bigint {
  let [a, b] = [mod(value, m), m];
  let [x, y] = [1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b] = [b, a - q * b];
    [x, y] = [y, x - q * y];
  }
  if (a !== 1n) throw new Error('not invertible');
  return mod(x, m);
}

function double(c: Curve, P: Jacobian): Jacobian {
  if (P.z === 0n || P.y === 0n) return INFINITY;
  const { p } = c;
  const xx = mod(P.x * P.x, p);
  const yy = mod(P.y * P.y, p);
  const zz = mod(P.z * P.z, p);
  const s = mod(4n * P.x * yy, p);
  const m = mod(3n * xx + c.a * zz * zz, p);
  const x = mod(m * m - 2n * s, p);
  const y = mod(m * (s - x) - 8n * yy * yy, p);
  const z = mod(2n * P.y * P.z, p);
  return { x, y, z };
}

function add(c: Curve, P: Jacobian, Q: Jacobian): Jacobian {
  if (P.z === 0n) return Q;
  if (Q.z === 0n) return P;
  const { p } = c;
  const z1z1 = mod(P.z * P.z, p);
  const z2z2 = mod(Q.z * Q.z, p);
  const u1 = mod(P.x * z2z2, p);
  const u2 = mod(Q.x * z1z1, p);
  const s1 = mod(P.y * Q.z * z2z2, p);
  const s2 = mod(Q.y * P.z * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(c, P) : INFINITY;
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const h2 = mod(h * h, p);
  const h3 = mod(h * h2, p);
  const x = mod(r * r - h3 - 2n * u1 * h2, p);
  const y = mod(r * (u1 * h2 - x) - s1 * h3, p);
  const z = mod(h * P.z * Q.z, p);
  return { x, y, z };
}

/** k·G in affine coordinates (double-and-add). */
export function multiplyBase(c: Curve, k: bigint): { x: bigint; y: bigint } {
  let result = INFINITY;
  const G: Jacobian = { x: c.gx, y: c.gy, z: 1n };
  for (let bit = BigInt(k.toString(2).length - 1); bit >= 0n; bit--) {
    result = double(c, result);
    if ((k >> bit) & 1n) result = add(c, result, G);
  }
  if (result.z === 0n) throw new Error('k·G is the point at infinity');
  const zinv = invert(result.z, c.p);
  const zinv2 = mod(zinv * zinv, c.p);
  return { x: mod(result.x * zinv2, c.p), y: mod(result.y * zinv2 * zinv, c.p) };
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function toBytes(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** RFC 6979 bits2int: the leftmost qlen bits of `bytes`. */
function bits2int(c: Curve, bytes: Uint8Array): bigint {
  const excess = bytes.length * 8 - bitLength(c.n);
  const value = toBigInt(bytes);
  return excess > 0 ? value >> BigInt(excess) : value;
}

/** RFC 6979 §3.2: the deterministic nonces for private key `d` and digest `h1`, in order. */
function* rfc6979Nonces(c: Curve, d: bigint, h1: Uint8Array): Generator<bigint> {
  const rlen = Math.ceil(bitLength(c.n) / 8);
  const x = toBytes(d, rlen);
  const h = toBytes(mod(bits2int(c, h1), c.n), rlen);
  const hmac = (key: Buffer, ...data: Buffer[]) => createHmac(c.hash, key).update(Buffer.concat(data)).digest();
  const hlen = createHmac(c.hash, '').digest().length;
  let v = Buffer.alloc(hlen, 0x01);
  let k = Buffer.alloc(hlen, 0x00);
  k = hmac(k, v, Buffer.from([0x00]), x, h);
  v = hmac(k, v);
  k = hmac(k, v, Buffer.from([0x01]), x, h);
  v = hmac(k, v);
  for (;;) {
    let t = Buffer.alloc(0);
    while (t.length < rlen) {
      v = hmac(k, v);
      t = Buffer.concat([t, v]);
    }
    const candidate = bits2int(c, t);
    if (candidate >= 1n && candidate < c.n) yield candidate;
    k = hmac(k, v, Buffer.from([0x00]));
    v = hmac(k, v);
  }
}

export interface RawSignature {
  r: bigint;
  s: bigint;
}

/**
 * ECDSA of `digest` (already hashed; bits beyond the order's length are dropped, as the standard
 * says) with private scalar `d`. `lowS` (default) answers s ≤ n/2, which every verifier accepts.
 */
export function signDigestRaw(c: Curve, d: bigint, digest: Uint8Array, lowS = true): RawSignature {
  const e = mod(bits2int(c, digest), c.n);
  for (const k of rfc6979Nonces(c, d, digest)) {
    const r = mod(multiplyBase(c, k).x, c.n);
    if (r === 0n) continue;
    let s = mod(invert(k, c.n) * (e + r * d), c.n);
    if (s === 0n) continue;
    if (lowS && s > c.n >> 1n) s = c.n - s;
    return { r, s };
  }
  throw new Error('unreachable');
}

/** DER: SEQUENCE { INTEGER r, INTEGER s } (X9.62), as KMS's Sign answers. */
export function derSignature({ r, s }: RawSignature): Buffer {
  const integer = (value: bigint) => {
    let hex = value.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    let bytes = Buffer.from(hex, 'hex');
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02]), derLength(bytes.length), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes = toBytes(BigInt(length), Math.ceil(length.toString(16).length / 2));
  return Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
}

/** The private scalar of an EC private key. */
export function privateScalar(key: KeyObject): bigint {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new Error('not an EC private key');
  return toBigInt(Buffer.from(jwk.d, 'base64url'));
}

/** ECDSA of `digest` with an EC private key of `curve`, DER-encoded. */
export function signDigest(c: Curve, key: KeyObject, digest: Uint8Array): Buffer {
  return derSignature(signDigestRaw(c, privateScalar(key), digest));
}
