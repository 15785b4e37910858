// The KMS stand-in's keys: real key pairs (crypto.generateKeyPairSync), their aliases, and how
// KMS names them (key id, key ARN, alias name, alias ARN). Keys live for the process's lifetime:
// the ECR stand-in's reset does not forget them (a test's key ids are its own, by construction).
import { type KeyObject, generateKeyPairSync, randomUUID } from 'node:crypto';
import { EcrError } from './errors.ts';
import { CURVES } from './kms-ecdsa.ts';
import { DEFAULT_ACCOUNT, type CallScenario } from './model.ts';

export const KEY_SPECS = [
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_SECG_P256K1',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'HMAC_256',
  'SYMMETRIC_DEFAULT',
] as const;
export type KeySpec = (typeof KEY_SPECS)[number];
export type KeyUsage = 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT' | 'GENERATE_VERIFY_MAC';

export const RSA_SIGNING_ALGORITHMS = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
];
/** Every SigningAlgorithm value KMS's model knows (the enum a request is checked against). */
export const SIGNING_ALGORITHMS = [...RSA_SIGNING_ALGORITHMS, 'ECDSA_SHA_256', 'ECDSA_SHA_384', 'ECDSA_SHA_512', 'SM2DSA'];

/** The operations a key's `denied` scenario may refuse (the ones that name a key). */
export const KEY_OPERATIONS = ['DescribeKey', 'GetPublicKey', 'Sign', 'CreateAlias'];

/** Per-key test behaviour (PUT /_admin/kms/keys/<keyId>/scenario). */
export interface KmsKeyScenario extends CallScenario {
  /** These operations on the key → AccessDeniedException (no identity-based policy allows them). */
  denied?: string[];
  /** The key is disabled: Sign and GetPublicKey → DisabledException; DescribeKey says so. */
  disabled?: boolean;
}

export interface KmsKey {
  keyId: string;
  arn: string;
  account: string;
  region: string;
  spec: KeySpec;
  usage: KeyUsage;
  /** SIGN_VERIFY keys: the algorithms Sign accepts (KMS's own list for the spec, or the override). */
  signingAlgorithms: string[];
  description: string;
  /** Epoch ms. */
  createdAt: number;
  privateKey?: KeyObject;
  publicKey?: KeyObject;
  scenario: KmsKeyScenario;
  /** Successful Sign calls. */
  signCount: number;
}

export interface NewKey {
  spec?: KeySpec;
  usage?: KeyUsage;
  account?: string;
  region?: string;
  description?: string;
  signingAlgorithms?: string[];
  scenario?: KmsKeyScenario;
}

const DEFAULT_REGION = 'us-east-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):([0-9]{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):([0-9]{12}):(alias\/.+)$/;

export const keyArn = (region: string, account: string, keyId: string) => `arn:aws:kms:${region}:${account}:key/${keyId}`;
export const aliasArn = (region: string, account: string, alias: string) => `arn:aws:kms:${region}:${account}:${alias}`;

export function isAsymmetric(spec: KeySpec): boolean {
  return spec.startsWith('ECC_') || spec.startsWith('RSA_');
}

/** The key usages KMS allows for a spec (the first is the admin API's default). */
export function usagesOf(spec: KeySpec): KeyUsage[] {
  if (spec.startsWith('RSA_')) return ['SIGN_VERIFY', 'ENCRYPT_DECRYPT'];
  if (spec.startsWith('ECC_')) return ['SIGN_VERIFY'];
  if (spec === 'HMAC_256') return ['GENERATE_VERIFY_MAC'];
  return ['ENCRYPT_DECRYPT'];
}

/** KMS's signing algorithms for a SIGN_VERIFY key of this spec. */
export function signingAlgorithmsOf(spec: KeySpec): string[] {
  if (spec.startsWith('RSA_')) return [...RSA_SIGNING_ALGORITHMS];
  if (spec === 'ECC_NIST_P384') return ['ECDSA_SHA_384'];
  if (spec === 'ECC_NIST_P256' || spec === 'ECC_SECG_P256K1') return ['ECDSA_SHA_256'];
  return [];
}

function generate(spec: KeySpec): { privateKey?: KeyObject; publicKey?: KeyObject } {
  if (spec.startsWith('RSA_')) {
    return generateKeyPairSync('rsa', { modulusLength: Number(spec.slice(4)), publicExponent: 0x10001 });
  }
  if (spec in CURVES) {
    const namedCurve = { ECC_NIST_P256: 'P-256', ECC_NIST_P384: 'P-384', ECC_SECG_P256K1: 'secp256k1' }[spec as keyof typeof CURVES];
    return generateKeyPairSync('ec', { namedCurve });
  }
  return {};
}

export class KmsKeys {
  readonly keys = new Map<string, KmsKey>();
  /** Alias ARN → key id. */
  readonly aliases = new Map<string, string>();

  /** A new key with a real key pair (asymmetric specs) and KMS's defaults for the spec. */
  create(options: NewKey): KmsKey {
    const spec = options.spec ?? 'ECC_NIST_P256';
    const usage = options.usage ?? usagesOf(spec)[0]!;
    if (!usagesOf(spec).includes(usage)) throw invalidUsage(usage, spec);
    const signing = usage === 'SIGN_VERIFY' ? signingAlgorithmsOf(spec) : [];
    if (options.signingAlgorithms !== undefined) {
      const bad = options.signingAlgorithms.filter((algorithm) => !signing.includes(algorithm));
      if (bad.length > 0 || options.signingAlgorithms.length === 0) {
        throw new EcrError(
          'ValidationException',
          `signingAlgorithms of a ${spec} ${usage} key must be a non-empty list of ${signing.join(', ') || '(none)'}`,
        );
      }
    }
    const keyId = randomUUID();
    const account = options.account ?? DEFAULT_ACCOUNT;
    const region = options.region ?? DEFAULT_REGION;
    const key: KmsKey = {
      keyId,
      arn: keyArn(region, account, keyId),
      account,
      region,
      spec,
      usage,
      signingAlgorithms: options.signingAlgorithms ?? signing,
      description: options.description ?? '',
      createdAt: Date.now(),
      ...generate(spec),
      scenario: options.scenario ?? {},
      signCount: 0,
    };
    this.keys.set(keyId, key);
    return key;
  }

  /** Points an alias (`alias/…`) of the key's account and region at it; true if it named another key before. */
  setAlias(alias: string, key: KmsKey): boolean {
    const arn = aliasArn(key.region, key.account, alias);
    const before = this.aliases.get(arn);
    this.aliases.set(arn, key.keyId);
    return before !== undefined && before !== key.keyId;
  }

  /** The alias names pointing at a key. */
  aliasesOf(key: KmsKey): string[] {
    const prefix = `arn:aws:kms:${key.region}:${key.account}:`;
    return [...this.aliases]
      .filter(([arn, keyId]) => keyId === key.keyId && arn.startsWith(prefix))
      .map(([arn]) => arn.slice(prefix.length));
  }

  /**
   * The key a KeyId names, as KMS reads it for a caller of `account` in `region`: a key id or
   * alias name is the caller's own; a key or alias ARN may be another account's (KMS is regional:
   * an ARN of another region names nothing here). NotFoundException with KMS's messages.
   */
  resolve(keyIdOrAlias: string, account: string, region: string): KmsKey {
    const found = this.find(keyIdOrAlias, account, region);
    if (found) return found;
    throw notFound(keyIdOrAlias, account, region);
  }

  find(keyIdOrAlias: string, account: string, region: string): KmsKey | undefined {
    const keyArnMatch = KEY_ARN.exec(keyIdOrAlias);
    const aliasArnMatch = ALIAS_ARN.exec(keyIdOrAlias);
    let key: KmsKey | undefined;
    if (keyArnMatch) {
      const [, keyRegion, keyAccount, keyId] = keyArnMatch;
      key = this.keys.get(keyId!);
      return key && key.account === keyAccount && key.region === keyRegion && keyRegion === region ? key : undefined;
    }
    if (aliasArnMatch) {
      const [, aliasRegion, aliasAccount, alias] = aliasArnMatch;
      if (aliasRegion !== region) return undefined;
      const keyId = this.aliases.get(aliasArn(aliasRegion!, aliasAccount!, alias!));
      return keyId === undefined ? undefined : this.keys.get(keyId);
    }
    if (keyIdOrAlias.startsWith('alias/')) {
      const keyId = this.aliases.get(aliasArn(region, account, keyIdOrAlias));
      return keyId === undefined ? undefined : this.keys.get(keyId);
    }
    key = this.keys.get(keyIdOrAlias);
    return key && key.account === account && key.region === region ? key : undefined;
  }

  /** A key by id or key ARN, whatever its account (the admin API's look-up). */
  byIdOrArn(id: string): KmsKey | undefined {
    return this.keys.get(KEY_ARN.exec(id)?.[3] ?? id);
  }
}

export function invalidUsage(usage: string, spec: KeySpec): EcrError {
  return new EcrError('ValidationException', `KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
}

/** NotFoundException as KMS words it for each way of naming a key. */
export function notFound(keyIdOrAlias: string, account: string, region: string): EcrError {
  if (ALIAS_ARN.test(keyIdOrAlias)) return new EcrError('NotFoundException', `Alias ${keyIdOrAlias} is not found.`);
  if (keyIdOrAlias.startsWith('alias/')) {
    return new EcrError('NotFoundException', `Alias ${aliasArn(region, account, keyIdOrAlias)} is not found.`);
  }
  if (KEY_ARN.test(keyIdOrAlias)) return new EcrError('NotFoundException', `Key '${keyIdOrAlias}' does not exist`);
  if (UUID.test(keyIdOrAlias)) return new EcrError('NotFoundException', `Key '${keyArn(region, account, keyIdOrAlias)}' does not exist`);
  return new EcrError('NotFoundException', `Invalid keyId '${keyIdOrAlias}'`);
}
