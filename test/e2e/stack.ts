// The local stack as the tests see it: the env file scripts/stack/start.sh writes, the real
// registry (read over its HTTP API), and the stand-ins' admin APIs.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface StackEnv {
  STACK_DIR: string;
  REGISTRY: string;
  AWS_ENDPOINT_URL_ECR: string;
  GITHUB_API_URL: string;
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  ECR_STANDIN_ADMIN: string;
  GITHUB_STANDIN_ADMIN: string;
  STACK_DOCKER_CONFIG: string;
  REMOTE_BUILDER: string;
  [name: string]: string;
}

let cached: StackEnv | undefined;

export function stackEnv(): StackEnv {
  if (cached) return cached;
  const dir = process.env.STACK_DIR || '/var/tmp/ecr-bsp-stack';
  const file = path.join(dir, 'env');
  if (!existsSync(file)) throw new Error(`The local stack is not running (no ${file}); start it with: bash scripts/stack/start.sh`);
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^['"]|['"]$/g, '');
  }
  cached = env as StackEnv;
  return cached;
}

export function registryPassword(): string {
  return readFileSync(path.join(stackEnv().STACK_DIR, 'registry-password'), 'utf8').trim();
}

/** A repository name no other case uses. */
export function uniqueRepository(prefix: string): string {
  return `e2e/${prefix}-${randomBytes(4).toString('hex')}`;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

async function registryFetch(pathname: string, init: RequestInit = {}): Promise<Response> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  return fetch(`http://${stackEnv().REGISTRY}${pathname}`, {
    ...init,
    headers: { Authorization: `Basic ${auth}`, Accept: MANIFEST_TYPES, ...(init.headers ?? {}) },
  });
}

export interface RegistryManifest {
  digest: string;
  mediaType: string;
  json: {
    mediaType?: string;
    manifests?: Array<{ digest: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }>;
    config?: { digest: string };
  };
}

/** The manifest a tag or digest resolves to in the real registry, or undefined. */
export async function registryManifest(repository: string, reference: string): Promise<RegistryManifest | undefined> {
  const response = await registryFetch(`/v2/${repository}/manifests/${reference}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`registry ${response.status} for ${repository}:${reference}`);
  return {
    digest: response.headers.get('docker-content-digest') ?? '',
    mediaType: response.headers.get('content-type') ?? '',
    json: (await response.json()) as RegistryManifest['json'],
  };
}

/** Writes a manifest under a tag (or digest) of the real registry; its digest. */
export async function putRegistryManifest(repository: string, reference: string, text: string, mediaType: string): Promise<string> {
  const response = await registryFetch(`/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    body: text,
    headers: { 'content-type': mediaType },
  });
  if (response.status !== 201) throw new Error(`registry ${response.status} for PUT ${repository}:${reference}: ${await response.text()}`);
  return response.headers.get('docker-content-digest') ?? '';
}

export async function registryTags(repository: string): Promise<string[]> {
  const response = await registryFetch(`/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags?: string[] | null };
  return body.tags ?? [];
}

/** The image config (labels, architecture) of a platform manifest. */
export async function imageConfig(
  repository: string,
  manifestDigest: string,
): Promise<{ architecture: string; config: { Labels?: Record<string, string> } }> {
  const manifest = await registryManifest(repository, manifestDigest);
  const configDigest = manifest?.json.config?.digest;
  if (!configDigest) throw new Error(`${manifestDigest} has no config`);
  const response = await registryFetch(`/v2/${repository}/blobs/${configDigest}`);
  return (await response.json()) as { architecture: string; config: { Labels?: Record<string, string> } };
}

// ── The ECR stand-in's admin API (test/stack/README.md) ─────────────────────────────────

export interface RepositorySettings {
  scanOnPush?: boolean;
  imageTagMutability?: 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';
  exclusions?: string[];
  scenario?: Record<string, unknown>;
}

async function admin<T>(base: string, method: string, pathname: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates (or replaces) a repository in the ECR stand-in, with its scan scenario. */
export async function putRepository(name: string, settings: RepositorySettings = {}): Promise<void> {
  // Most repositories scan on push; the stand-in's default is ECR's (off).
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'PUT', `/repositories/${encodeURIComponent(name)}`, { scanOnPush: true, ...settings });
}

/** A registry id (12 digits) no other case uses: calls naming it are this case's alone. */
export function uniqueRegistryId(): string {
  return `9${Array.from(randomBytes(11), (b) => String(b % 10)).join('')}`;
}

/** GetAuthorizationToken for this registry id answers `proxyEndpoint`; `scenario` rules apply to calls naming it. */
export async function putRegistrySettings(
  registryId: string,
  settings: { proxyEndpoint?: string; scenario?: Record<string, unknown>; signing?: { denied?: boolean | string[] } },
): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'PUT', `/registries/${registryId}`, settings);
}

export async function deleteRegistrySettings(registryId: string): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'DELETE', `/registries/${registryId}`);
}

/** A repository in the given registry id (putRepository's is the default account's): a repository is one registry id's. */
export async function putRepositoryIn(registryId: string, name: string, scenario: Record<string, unknown> = {}): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'PUT', `/repositories/${encodeURIComponent(name)}`, { registryId, scanOnPush: true, scenario });
}

// ── ECR managed signing (test/stack/README.md, "Managed signing") ──────────────────────

/** A signing rule as PutSigningConfiguration takes it. */
export interface SigningRule {
  signingProfileArn: string;
  repositoryFilters?: Array<{ filter: string; filterType: 'WILDCARD_MATCH' }>;
}

/** A repository's `scenario.signing`: how ECR's signing of its images goes. */
export interface SigningScenario {
  /** IN_PROGRESS until this long after the push, then COMPLETE (default 0). */
  delayMs?: number;
  /** FAILED with these after delayMs (for one profile, or every one). */
  failed?: { code: string; reason: string; signingProfileArn?: string };
  /** IN_PROGRESS forever. */
  never?: boolean;
  /** DescribeImageSigningStatus on this repository → AccessDeniedException (a list: those operations). */
  denied?: boolean | string[];
  /** Which digests of a multi-platform image get a status (default both). */
  digests?: 'index' | 'platforms' | 'both';
}

const DEFAULT_ACCOUNT = '123456789012';

/**
 * Credentials of another account for the ECR stand-in (AKIA<registryId>TEST, the stack's secret):
 * calls that name no registry, such as GetSigningConfiguration, are about that account's registry.
 */
export function accountCredentials(registryId: string): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `AKIA${registryId}TEST`, secretAccessKey: stackEnv().AWS_SECRET_ACCESS_KEY };
}

/**
 * Sets a registry's signing configuration (the caller's account 123456789012 by default) through
 * the admin API, checked as PutSigningConfiguration checks it. Images ECR learns of afterwards are
 * signed by the profiles whose rules match their repository.
 */
export async function putSigningConfiguration(registryId: string | undefined, rules: SigningRule[]): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'PUT', `/signing/${registryId ?? DEFAULT_ACCOUNT}`, { rules });
}

export async function deleteSigningConfiguration(registryId?: string): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'DELETE', `/signing/${registryId ?? DEFAULT_ACCOUNT}`);
}

export interface EcrCall {
  operation: string;
  repository?: string;
  error?: string;
}

/** Every ECR API call the stand-in received for this repository. */
export async function ecrCalls(repository: string): Promise<EcrCall[]> {
  const body = await admin<{ calls: EcrCall[] } | EcrCall[]>(
    stackEnv().ECR_STANDIN_ADMIN,
    'GET',
    `/calls?repository=${encodeURIComponent(repository)}`,
  );
  return Array.isArray(body) ? body : body.calls;
}

export interface PushEvent {
  digest: string;
  mediaType: string;
  tag?: string;
}

/** Manifest pushes the registry notified for this repository. */
export async function registryPushes(repository: string): Promise<PushEvent[]> {
  const body = await admin<{ pushes: PushEvent[] } | PushEvent[]>(
    stackEnv().ECR_STANDIN_ADMIN,
    'GET',
    `/pushes?repository=${encodeURIComponent(repository)}`,
  );
  return Array.isArray(body) ? body : body.pushes;
}

// ── The GitHub stand-in's admin API ─────────────────────────────────────────────────────

export interface StoredComment {
  id: number;
  body: string;
  html_url?: string;
  user?: { login: string; type?: string };
}

/** Comments on an issue or PR, as the GitHub stand-in holds them. */
export async function prComments(repo: string, issue: number): Promise<StoredComment[]> {
  const body = await admin<{ comments: StoredComment[] } | StoredComment[]>(
    stackEnv().GITHUB_STANDIN_ADMIN,
    'GET',
    `/comments?repo=${encodeURIComponent(repo)}&issue=${issue}`,
  );
  return Array.isArray(body) ? body : body.comments;
}

/** Sets the head commit the GitHub stand-in reports for pull request `number` of acme/retail. */
export async function putPullHead(number: number, sha: string): Promise<void> {
  await admin(stackEnv().GITHUB_STANDIN_ADMIN, 'PUT', '/pulls', {
    repo: 'acme/retail',
    number,
    head: { sha, ref: 'feature', repo: { full_name: 'acme/retail' } },
  });
}

/** Every request about pull request `number` of acme/retail (its comments too) waits `ms`: GitHub's own latency. */
export async function putGithubLatency(number: number, ms: number): Promise<void> {
  await admin(stackEnv().GITHUB_STANDIN_ADMIN, 'PUT', '/latency', { repo: 'acme/retail', issue: number, ms });
}

/** A PR number no other case uses. */
export function uniquePr(): number {
  return 1000 + Math.floor(Math.random() * 1_000_000);
}

/** Registers a token with the GitHub stand-in (e.g. a read-only fork token). */
export async function putToken(token: string, user: { login: string; type: 'Bot' | 'User'; write: boolean }): Promise<void> {
  await admin(stackEnv().GITHUB_STANDIN_ADMIN, 'PUT', '/tokens', { [token]: user });
}

/** Makes the GitHub stand-in fail matching requests (status, count, or hang). */
export async function githubFault(fault: {
  paths?: string;
  methods?: string[];
  count: number;
  status?: number;
  hangMs?: number;
}): Promise<void> {
  await admin(stackEnv().GITHUB_STANDIN_ADMIN, 'POST', '/faults', fault);
}

// ── AWS KMS, served by the ECR stand-in (test/stack/README.md, "AWS KMS") ──────────────

/** Where the action reaches KMS: AWS_ENDPOINT_URL_KMS, which is the ECR stand-in's port. */
export function kmsEndpoint(): string {
  const stack = stackEnv();
  return stack.AWS_ENDPOINT_URL_KMS || stack.AWS_ENDPOINT_URL_ECR;
}

export type KmsKeySpec =
  'ECC_NIST_P256' | 'ECC_NIST_P384' | 'ECC_SECG_P256K1' | 'RSA_2048' | 'RSA_3072' | 'RSA_4096' | 'HMAC_256' | 'SYMMETRIC_DEFAULT';

/** A KMS key's scenario: refused operations, disabled, and call rules as in a repository scenario. */
export interface KmsKeyScenario {
  /** These operations on the key → AccessDeniedException ('DescribeKey', 'GetPublicKey', 'Sign', 'CreateAlias'). */
  denied?: string[];
  /** Sign and GetPublicKey → DisabledException; DescribeKey says Disabled. */
  disabled?: boolean;
  throttle?: { operations?: string[]; count?: number };
  faults?: { operations?: string[]; count?: number; status?: number; type?: string; message?: string };
  hangMs?: { operations?: string[]; count?: number; ms: number; after?: boolean };
  latencyMs?: number;
}

export interface KmsKeyOptions {
  /** Default ECC_NIST_P256. */
  spec?: KmsKeySpec;
  /** RSA keys may be ENCRYPT_DECRYPT; the default is SIGN_VERIFY for RSA and ECC keys. */
  usage?: 'SIGN_VERIFY' | 'ENCRYPT_DECRYPT' | 'GENERATE_VERIFY_MAC';
  /** `alias/<name>`, in the key's account and region (an alias in use moves to the new key). */
  alias?: string;
  /** Default 123456789012 (the test credentials' account). */
  account?: string;
  /** Default us-east-1. */
  region?: string;
  description?: string;
  /** Instead of KMS's list for the spec, e.g. ['RSASSA_PSS_SHA_256'] for a PSS-only RSA key. */
  signingAlgorithms?: string[];
  scenario?: KmsKeyScenario;
}

export interface CreatedKmsKey {
  keyId: string;
  arn: string;
  aliasArn?: string;
  /** SubjectPublicKeyInfo PEM; '' for keys without a public key (HMAC_256, SYMMETRIC_DEFAULT). */
  publicKeyPem: string;
  spec: KmsKeySpec;
  keyUsage: string;
  signingAlgorithms: string[];
}

/** A KMS key with a real key pair in the stand-in (kept for the stand-in's lifetime). */
export async function createKmsKey(options: KmsKeyOptions = {}): Promise<CreatedKmsKey> {
  const key = await admin<Omit<CreatedKmsKey, 'publicKeyPem'> & { publicKeyPem?: string }>(
    stackEnv().ECR_STANDIN_ADMIN,
    'POST',
    '/kms/keys',
    options,
  );
  return { ...key, publicKeyPem: key.publicKeyPem ?? '' };
}

/** Replaces a key's scenario (its rule counts start from zero). */
export async function putKmsKeyScenario(keyId: string, scenario: KmsKeyScenario): Promise<void> {
  await admin(stackEnv().ECR_STANDIN_ADMIN, 'PUT', `/kms/keys/${encodeURIComponent(keyId)}/scenario`, scenario);
}

export interface KmsKeyState {
  keyId: string;
  arn: string;
  account: string;
  region: string;
  spec: KmsKeySpec;
  keyUsage: string;
  signingAlgorithms: string[];
  aliases: string[];
  aliasArns: string[];
  publicKeyPem?: string;
  /** Successful Sign calls. */
  signCount: number;
  scenario: KmsKeyScenario;
  scenarioRuleUses: { throttle: number; faults: number; hangMs: number };
}

/** A key as the stand-in holds it (by key id or key ARN). */
export async function kmsKey(keyId: string): Promise<KmsKeyState> {
  return admin<KmsKeyState>(stackEnv().ECR_STANDIN_ADMIN, 'GET', `/kms/keys/${encodeURIComponent(keyId)}`);
}

export interface KmsCall {
  operation: string;
  keyId?: string;
  status: number;
  error?: string;
  message?: string;
  request?: Record<string, unknown>;
}

/** The KMS calls that named this key (by any of its names), failed ones too, oldest first. */
export async function kmsCalls(keyId: string, operation?: string): Promise<KmsCall[]> {
  const query = `keyId=${encodeURIComponent(keyId)}${operation ? `&operation=${encodeURIComponent(operation)}` : ''}`;
  return (await admin<{ calls: KmsCall[] }>(stackEnv().ECR_STANDIN_ADMIN, 'GET', `/calls?${query}`)).calls;
}

/** An alias name no other case uses. */
export function uniqueKmsAlias(prefix: string): string {
  return `alias/e2e/${prefix}-${randomBytes(4).toString('hex')}`;
}
