// ECR managed signing (API of 2025-11-21): a registry's signing configuration, checked as ECR
// checks it, which of its rules match a repository, and the signing statuses
// DescribeImageSigningStatus reports for an image at a given moment, from the repository's
// scenario. https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html
import type { OpContext } from './context.ts';
import { EcrError, missingMember, validation } from './errors.ts';
import { wildcardMatch } from './images.ts';
import { type Input, optArray, optString } from './input.ts';
import type {
  ImageRecord,
  Repository,
  SigningConfiguration,
  SigningOperation,
  SigningRepositoryFilter,
  SigningRule,
  SigningScenario,
} from './model.ts';
import { isIndexType } from './registry-client.ts';

// API_SigningConfiguration / API_SigningRule / API_SigningRepositoryFilter.
export const MAX_SIGNING_RULES = 10;
export const MAX_REPOSITORY_FILTERS = 100;
const PROFILE_ARN = /^arn:aws(-[a-z]+)*:signer:[a-z0-9-]+:[0-9]{12}:\/signing-profiles\/[a-zA-Z0-9_]{2,}$/;
const MAX_PROFILE_ARN = 200;
const FILTER = /^(?:[a-z0-9*]+(?:[._-][a-z0-9*]+)*\/)*[a-z0-9*]+(?:[._-][a-z0-9*]+)*$/;
const MAX_FILTER = 256;
const FILTER_TYPES = ['WILDCARD_MATCH'];

/** BuildKit marks an index's attestation manifests with this annotation. */
const REFERENCE_TYPE = 'vnd.docker.reference.type';

/** The `signingConfiguration` member of PutSigningConfiguration, checked; ValidationException otherwise. */
export function parseSigningConfiguration(value: unknown, member = 'signingConfiguration'): SigningConfiguration {
  if (value === undefined || value === null) throw missingMember(member);
  if (typeof value !== 'object' || Array.isArray(value)) throw new EcrError('SerializationException', `Expected object for '${member}'`);
  const rulesValue = optArray(value as Input, 'rules');
  if (!rulesValue) throw missingMember(`${member}.rules`);
  if (rulesValue.length > MAX_SIGNING_RULES) {
    throw validation(
      `Value at '${member}.rules' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SIGNING_RULES}`,
    );
  }
  return { rules: rulesValue.map((rule, i) => parseRule(rule, `${member}.rules.${i + 1}.member`)) };
}

function parseRule(value: unknown, member: string): SigningRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EcrError('SerializationException', `Expected object for '${member}'`);
  }
  const rule = value as Input;
  const arn = optString(rule, 'signingProfileArn');
  if (arn === undefined) throw missingMember(`${member}.signingProfileArn`);
  if (arn.length > MAX_PROFILE_ARN) {
    throw validation(
      `Value '${arn}' at '${member}.signingProfileArn' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PROFILE_ARN}`,
    );
  }
  if (!PROFILE_ARN.test(arn)) {
    throw validation(
      `Value '${arn}' at '${member}.signingProfileArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PROFILE_ARN.source}`,
    );
  }
  const filtersValue = optArray(rule, 'repositoryFilters');
  if (filtersValue === undefined) return { signingProfileArn: arn };
  if (filtersValue.length < 1 || filtersValue.length > MAX_REPOSITORY_FILTERS) {
    throw validation(
      `Value at '${member}.repositoryFilters' failed to satisfy constraint: Member must have length between 1 and ${MAX_REPOSITORY_FILTERS}`,
    );
  }
  const repositoryFilters = filtersValue.map((filter, i) => parseFilter(filter, `${member}.repositoryFilters.${i + 1}.member`));
  return { signingProfileArn: arn, repositoryFilters };
}

function parseFilter(value: unknown, member: string): SigningRepositoryFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EcrError('SerializationException', `Expected object for '${member}'`);
  }
  const f = value as Input;
  const filterType = optString(f, 'filterType');
  if (filterType === undefined) throw missingMember(`${member}.filterType`);
  if (!FILTER_TYPES.includes(filterType)) {
    throw validation(
      `Value '${filterType}' at '${member}.filterType' failed to satisfy constraint: Member must satisfy enum value set: [${FILTER_TYPES.join(', ')}]`,
    );
  }
  const filter = optString(f, 'filter');
  if (filter === undefined) throw missingMember(`${member}.filter`);
  if (filter.length < 1 || filter.length > MAX_FILTER) {
    throw validation(
      `Value '${filter}' at '${member}.filter' failed to satisfy constraint: Member must have length between 1 and ${MAX_FILTER}`,
    );
  }
  if (!FILTER.test(filter)) {
    throw validation(
      `Value '${filter}' at '${member}.filter' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FILTER.source}`,
    );
  }
  return { filter, filterType: 'WILDCARD_MATCH' };
}

/**
 * The distinct signing profiles whose rules match a repository, in rule order: a rule matches
 * when it has no filters or any filter matches the whole name (`*` = any run of characters,
 * `/` included).
 */
export function matchingProfiles(config: SigningConfiguration | undefined, repository: string): string[] {
  const profiles: string[] = [];
  for (const rule of config?.rules ?? []) {
    const filters = rule.repositoryFilters ?? [];
    const matches = filters.length === 0 || filters.some((f) => wildcardMatch(f.filter, repository));
    if (matches && !profiles.includes(rule.signingProfileArn)) profiles.push(rule.signingProfileArn);
  }
  return profiles;
}

/** Which operations a `denied` setting refuses. */
export function deniedOperations(denied: SigningScenario['denied']): readonly SigningOperation[] {
  if (denied === true) return ['GetSigningConfiguration', 'DescribeImageSigningStatus'];
  return Array.isArray(denied) ? denied : [];
}

/** IAM's refusal, as AWS words it (a registry-level action has no resource in the message). */
export function accessDenied(ctx: OpContext, operation: SigningOperation, resourceArn?: string): EcrError {
  const action = `ecr:${operation}`;
  return new EcrError(
    'AccessDeniedException',
    `User: arn:aws:sts::${ctx.account}:assumed-role/ecr-standin/test is not authorized to perform: ${action}${resourceArn ? ` on resource: ${resourceArn}` : ''} because no identity-based policy allows the ${action} action`,
  );
}

/** Whether the registry's settings refuse `operation` for calls on this registry id. */
export function registryDenies(ctx: OpContext, registryId: string, operation: SigningOperation): boolean {
  return deniedOperations(ctx.store.registries.get(registryId)?.signing?.denied).includes(operation);
}

export interface SigningStatus {
  signingProfileArn: string;
  status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
  failureCode?: string;
  failureReason?: string;
}

/** What DescribeImageSigningStatus reports for an image at `ctx.now`. */
export async function signingStatuses(ctx: OpContext, repo: Repository, image: ImageRecord): Promise<SigningStatus[]> {
  const profiles = image.signingProfiles ?? [];
  if (profiles.length === 0) return [];
  const scenario = repo.scenario.signing ?? {};
  const role = await roleOf(ctx, repo, image);
  const digests = scenario.digests ?? 'both';
  const signed = role === 'standalone' || (role === 'index' && digests !== 'platforms') || (role === 'platform' && digests !== 'index');
  if (!signed) return [];
  const elapsed = ctx.now - image.pushedAt;
  return profiles.map((signingProfileArn): SigningStatus => {
    if (scenario.never || elapsed < (scenario.delayMs ?? 0)) return { signingProfileArn, status: 'IN_PROGRESS' };
    const failed = scenario.failed;
    if (failed && (failed.signingProfileArn === undefined || failed.signingProfileArn === signingProfileArn)) {
      return { signingProfileArn, status: 'FAILED', failureCode: failed.code, failureReason: failed.reason };
    }
    return { signingProfileArn, status: 'COMPLETE' };
  });
}

type Role = 'index' | 'platform' | 'standalone' | 'unsigned';

/**
 * What the manifest is, decided when asked: an index; a platform manifest of an index ECR knows
 * in the repository; a manifest no index refers to (a single-platform image); or something ECR
 * does not sign — a referrer ("Signatures cannot be signed": a manifest with a `subject`) or an
 * index's attestation manifest (not an image).
 */
async function roleOf(ctx: OpContext, repo: Repository, image: ImageRecord): Promise<Role> {
  if (isIndexType(image.mediaType)) return 'index';
  const manifest = await ctx.registry.getManifest(repo.name, image.digest);
  if (manifest && (JSON.parse(manifest.bytes.toString('utf8')) as { subject?: unknown }).subject !== undefined) return 'unsigned';
  let role: Role = 'standalone';
  for (const other of ctx.store.imagesOf(repo.name)) {
    if (!isIndexType(other.mediaType)) continue;
    const index = await ctx.registry.getManifest(repo.name, other.digest);
    if (!index) continue;
    const entries = ((JSON.parse(index.bytes.toString('utf8')) as { manifests?: unknown }).manifests ?? []) as {
      digest?: string;
      annotations?: Record<string, string>;
    }[];
    const entry = entries.find((e) => e.digest === image.digest);
    if (!entry) continue;
    if (entry.annotations?.[REFERENCE_TYPE] === 'attestation-manifest') return 'unsigned';
    role = 'platform';
  }
  return role;
}
