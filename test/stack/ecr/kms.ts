// AWS KMS, served by the ECR stand-in's process: AWS JSON 1.1 as @aws-sdk/client-kms sends it
// (POST / with `X-Amz-Target: TrentService.<Operation>`, reached through AWS_ENDPOINT_URL_KMS),
// SigV4 verified for `kms`. DescribeKey, GetPublicKey and Sign with real keys (kms-keys.ts,
// kms-sign.ts), CreateKey and CreateAlias. The call rules of the global scenario and of the key's
// own scenario apply as to ECR's operations (api.ts applyCallRules), and each call is in the
// call log with its key. https://docs.aws.amazon.com/kms/latest/APIReference/
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultDefaults, answer, applyCallRules, parseInput } from './api.ts';
import { EcrError, missingMember, validation } from './errors.ts';
import type { Input } from './input.ts';
import {
  KEY_SPECS,
  type KeySpec,
  type KeyUsage,
  type KmsKey,
  type KmsKeys,
  SIGNING_ALGORITHMS,
  aliasArn,
  isAsymmetric,
  notFound,
} from './kms-keys.ts';
import { signMessage } from './kms-sign.ts';
import { accountOf, verifySigV4 } from './sigv4.ts';
import type { Store } from './store.ts';

export const KMS_TARGET_PREFIX = 'TrentService.';
const KMS_FAULTS: FaultDefaults = { type: 'KMSInternalException', message: 'Internal service error (injected by the KMS stand-in).' };
const MAX_MESSAGE = 4096;
/** Every KeySpec KMS's model knows; the stand-in creates the ones in KEY_SPECS. */
const ALL_KEY_SPECS = [
  ...KEY_SPECS,
  'ECC_NIST_P521',
  'ECC_NIST_EDWARDS25519',
  'HMAC_224',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
];
const KEY_USAGES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'];

interface KmsContext {
  keys: KmsKeys;
  /** The caller's account (from its access key). */
  account: string;
  region: string;
  operation: string;
  /** The key the call turned out to be about, for the call log. */
  key?: KmsKey;
}

type KmsOperation = (input: Input, ctx: KmsContext) => Record<string, unknown>;

export class KmsApi {
  private readonly store: Store;
  private readonly keys: KmsKeys;
  private readonly secrets: ReadonlyMap<string, string>;

  constructor(store: Store, keys: KmsKeys, secrets: ReadonlyMap<string, string>) {
    this.store = store;
    this.keys = keys;
    this.secrets = secrets;
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.slice(KMS_TARGET_PREFIX.length) || '(none)';
    let input: Input = {};
    let accessKeyId: string | undefined;
    let ctx: KmsContext | undefined;
    let status = 200;
    let error: EcrError | undefined;
    let output: unknown;
    let answerDelay = 0;
    try {
      const identity = verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body }, this.secrets, 'kms');
      accessKeyId = identity.accessKeyId;
      input = parseInput(body);
      ctx = { keys: this.keys, account: accountOf(identity.accessKeyId), region: identity.region, operation };
      // The key's own call rules apply once the call names it (a key it cannot see has none).
      const named = input.KeyId ?? input.TargetKeyId;
      ctx.key = typeof named === 'string' ? this.keys.find(named, ctx.account, ctx.region) : undefined;
      answerDelay = await applyCallRules(
        this.store,
        [this.store.globalScenario, ...(ctx.key ? [ctx.key.scenario] : [])],
        operation,
        KMS_FAULTS,
      );
      const handler = req.method === 'POST' ? OPERATIONS[operation] : undefined;
      if (!handler) throw new EcrError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
      output = handler(input, ctx);
    } catch (err) {
      error = err instanceof EcrError ? err : new EcrError('KMSInternalException', String((err as Error)?.message ?? err), 500);
      if (!(err instanceof EcrError)) console.error(`[kms] ${operation} failed:`, err);
      status = error.status;
    }

    await answer(res, { requestId, status, error, output, delayMs: answerDelay });

    const given = input.KeyId ?? input.TargetKeyId;
    const keyId = ctx?.key?.keyId ?? (typeof given === 'string' ? given : undefined);
    this.store.logCall({
      time: new Date(started).toISOString(),
      requestId,
      operation,
      ...(keyId ? { keyId } : {}),
      ...(accessKeyId ? { accessKeyId } : {}),
      status,
      ...(error ? { error: error.type, message: error.message } : {}),
      durationMs: Date.now() - started,
      request: input,
    });
  }
}

/** DescribeKey's KeyMetadata (CreateKey's too). */
export function keyMetadata(key: KmsKey): Record<string, unknown> {
  const enabled = !key.scenario.disabled;
  return {
    AWSAccountId: key.account,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.createdAt / 1000,
    Enabled: enabled,
    Description: key.description,
    KeyUsage: key.usage,
    KeyState: enabled ? 'Enabled' : 'Disabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.spec,
    KeySpec: key.spec,
    MultiRegion: false,
    ...algorithms(key),
  };
}

function algorithms(key: KmsKey): Record<string, string[]> {
  if (key.usage === 'SIGN_VERIFY') return { SigningAlgorithms: key.signingAlgorithms };
  if (key.usage === 'GENERATE_VERIFY_MAC') return { MacAlgorithms: [`HMAC_SHA_${key.spec.slice(5)}`] };
  return { EncryptionAlgorithms: key.spec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] };
}

/** The key a call names (KeyId), once IAM lets the caller use it for this operation. */
function keyOf(input: Input, ctx: KmsContext, member = 'KeyId'): KmsKey {
  const given = reqString(input, member);
  if (given.length < 1 || given.length > 2048) {
    throw validation(
      `Value '${given}' at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length between 1 and 2048`,
    );
  }
  const key = ctx.keys.resolve(given, ctx.account, ctx.region);
  ctx.key = key;
  if (key.scenario.denied?.includes(ctx.operation)) throw accessDenied(ctx, key);
  return key;
}

function accessDenied(ctx: KmsContext, key: KmsKey): EcrError {
  const action = `kms:${ctx.operation}`;
  return new EcrError(
    'AccessDeniedException',
    `User: arn:aws:iam::${ctx.account}:user/standin is not authorized to perform: ${action} on resource: ${key.arn} because no identity-based policy allows the ${action} action`,
  );
}

function mustBeEnabled(key: KmsKey): void {
  if (key.scenario.disabled) throw new EcrError('DisabledException', `${key.arn} is disabled.`);
}

function lowerFirst(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function optString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EcrError('SerializationException', `Expected string for '${member}'`);
  return value;
}

function reqString(input: Input, member: string): string {
  const value = optString(input, member);
  if (value === undefined) throw missingMember(lowerFirst(member));
  return value;
}

function optEnum(input: Input, member: string, values: readonly string[]): string | undefined {
  const value = optString(input, member);
  if (value !== undefined && !values.includes(value)) {
    throw validation(
      `Value '${value}' at '${lowerFirst(member)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    );
  }
  return value;
}

function reqEnum(input: Input, member: string, values: readonly string[]): string {
  const value = optEnum(input, member, values);
  if (value === undefined) throw missingMember(lowerFirst(member));
  return value;
}

/** A blob member (base64 in JSON). */
function reqBlob(input: Input, member: string, max: number): Buffer {
  const value = input[member];
  if (value === undefined || value === null) throw missingMember(lowerFirst(member));
  if (typeof value !== 'string') throw new EcrError('SerializationException', `Expected blob (base64 string) for '${member}'`);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 1 || bytes.length > max) {
    throw validation(
      `Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length ${bytes.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`,
    );
  }
  return bytes;
}

function dryRun(input: Input): void {
  if (input.DryRun === true) {
    throw new EcrError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.');
  }
}

const describeKey: KmsOperation = (input, ctx) => ({ KeyMetadata: keyMetadata(keyOf(input, ctx)) });

const getPublicKey: KmsOperation = (input, ctx) => {
  const key = keyOf(input, ctx);
  mustBeEnabled(key);
  if (!isAsymmetric(key.spec) || !key.publicKey) {
    throw new EcrError(
      'UnsupportedOperationException',
      `${key.arn} key usage is ${key.usage} which is not valid for GetPublicKey: it is a ${key.spec} key, and only asymmetric KMS keys have a public key.`,
    );
  }
  return {
    KeyId: key.arn,
    PublicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    CustomerMasterKeySpec: key.spec,
    KeySpec: key.spec,
    KeyUsage: key.usage,
    ...(key.usage === 'SIGN_VERIFY' ? { SigningAlgorithms: key.signingAlgorithms } : algorithms(key)),
  };
};

const signOperation: KmsOperation = (input, ctx) => {
  // The model's checks first, as KMS answers them before it looks at the key.
  const message = reqBlob(input, 'Message', MAX_MESSAGE);
  const messageType = (optEnum(input, 'MessageType', ['RAW', 'DIGEST', 'EXTERNAL_MU']) ?? 'RAW') as 'RAW' | 'DIGEST' | 'EXTERNAL_MU';
  const algorithm = reqEnum(input, 'SigningAlgorithm', SIGNING_ALGORITHMS);
  const key = keyOf(input, ctx);
  mustBeEnabled(key);
  if (key.usage !== 'SIGN_VERIFY') {
    throw new EcrError('InvalidKeyUsageException', `${key.arn} key usage is ${key.usage} which is not valid for Sign.`);
  }
  if (!key.signingAlgorithms.includes(algorithm)) {
    throw new EcrError(
      'InvalidKeyUsageException',
      `Signing algorithm ${algorithm} is not valid for ${key.arn} (${key.spec}; its signing algorithms: ${key.signingAlgorithms.join(', ')}).`,
    );
  }
  if (messageType === 'EXTERNAL_MU') throw new EcrError('ValidationException', 'MessageType EXTERNAL_MU is only valid for ML-DSA keys.');
  dryRun(input);
  const signature = signMessage(key, algorithm, message, messageType);
  key.signCount++;
  return { KeyId: key.arn, Signature: signature.toString('base64'), SigningAlgorithm: algorithm };
};

const createKey: KmsOperation = (input, ctx) => {
  const spec = (optEnum(input, 'KeySpec', ALL_KEY_SPECS) ??
    optEnum(input, 'CustomerMasterKeySpec', ALL_KEY_SPECS) ??
    'SYMMETRIC_DEFAULT') as KeySpec;
  const usage = (optEnum(input, 'KeyUsage', KEY_USAGES) ?? 'ENCRYPT_DECRYPT') as KeyUsage;
  const description = optString(input, 'Description') ?? '';
  const origin = optEnum(input, 'Origin', ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']) ?? 'AWS_KMS';
  if (!(KEY_SPECS as readonly string[]).includes(spec)) {
    throw new EcrError('UnsupportedOperationException', `The KMS stand-in does not create ${spec} keys (it does ${KEY_SPECS.join(', ')}).`);
  }
  if (origin !== 'AWS_KMS' || input.MultiRegion === true) {
    throw new EcrError('UnsupportedOperationException', 'The KMS stand-in creates single-Region keys of origin AWS_KMS only.');
  }
  dryRun(input);
  const key = ctx.keys.create({ spec, usage, description, account: ctx.account, region: ctx.region });
  ctx.key = key;
  return { KeyMetadata: keyMetadata(key) };
};

const createAlias: KmsOperation = (input, ctx) => {
  const alias = reqString(input, 'AliasName');
  if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(alias) || alias.length > 256) {
    throw validation(
      `Value '${alias}' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^alias/[a-zA-Z0-9/_-]+$`,
    );
  }
  if (alias.startsWith('alias/aws/')) throw new EcrError('NotAuthorizedException', `Cannot create alias with prefix 'alias/aws/'`);
  const target = reqString(input, 'TargetKeyId');
  if (target.startsWith('alias/') || target.includes(':alias/')) {
    throw new EcrError('ValidationException', 'TargetKeyId must be a key ID or key ARN, not an alias.');
  }
  const key = keyOf(input, ctx, 'TargetKeyId');
  if (key.account !== ctx.account) throw notFound(target, ctx.account, ctx.region);
  const arn = aliasArn(ctx.region, ctx.account, alias);
  if (ctx.keys.aliases.has(arn)) throw new EcrError('AlreadyExistsException', `An alias with the name ${arn} already exists`);
  dryRun(input);
  ctx.keys.setAlias(alias, key);
  return {};
};

const OPERATIONS: Record<string, KmsOperation> = {
  DescribeKey: describeKey,
  GetPublicKey: getPublicKey,
  Sign: signOperation,
  CreateKey: createKey,
  CreateAlias: createAlias,
};
