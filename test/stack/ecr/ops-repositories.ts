// Registry- and repository-level operations: GetAuthorizationToken, DescribeRepositories,
// CreateRepository, lifecycle policies, scanning configuration.
import type { OpContext, Operation } from './context.ts';
import { EcrError, invalidParameter, lifecyclePolicyNotFound, repositoryAlreadyExists, repositoryNotFound, validation } from './errors.ts';
import { type Input, optArray, optObject, optString, paginate, registryIdOf, repositoryOf, reqString, seconds } from './input.ts';
import { type ExclusionFilter, type Repository, type Scenario, TAG_MUTABILITIES, type TagMutability } from './model.ts';
import { scansOnPush } from './store.ts';

const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** The Repository shape ECR returns; its URI points at the local registry. */
export function repositoryJson(repo: Repository, ctx: OpContext) {
  return {
    repositoryArn: `arn:aws:ecr:${ctx.region}:${repo.registryId}:repository/${repo.name}`,
    registryId: repo.registryId,
    repositoryName: repo.name,
    repositoryUri: `${ctx.registry.host}/${repo.name}`,
    createdAt: seconds(repo.createdAt),
    imageTagMutability: repo.imageTagMutability,
    ...(repo.imageTagMutabilityExclusionFilters.length > 0
      ? { imageTagMutabilityExclusionFilters: repo.imageTagMutabilityExclusionFilters }
      : {}),
    imageScanningConfiguration: { scanOnPush: repo.scanOnPush },
    encryptionConfiguration: repo.encryptionConfiguration,
  };
}

/**
 * Builds a repository from CreateRepository-style settings (also used by the admin API),
 * with ECR's validation.
 */
export function newRepository(name: string, settings: Input, registryId: string, now: number, scenario: Scenario = {}): Repository {
  if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
    throw invalidParameter('repositoryName', `must satisfy regular expression '${REPOSITORY_NAME.source.slice(1, -1)}'`);
  }
  const mutability = (optString(settings, 'imageTagMutability') ?? 'MUTABLE') as TagMutability;
  if (!TAG_MUTABILITIES.includes(mutability)) {
    throw validation(
      `Value '${mutability}' at 'imageTagMutability' failed to satisfy constraint: Member must satisfy enum value set: [${TAG_MUTABILITIES.join(', ')}]`,
    );
  }
  const filters = (optArray(settings, 'imageTagMutabilityExclusionFilters') ?? []).map(exclusionFilter);
  const withExclusion = mutability.endsWith('_WITH_EXCLUSION');
  if (withExclusion && filters.length === 0) {
    throw invalidParameter('imageTagMutabilityExclusionFilters', `Exclusion filters are required when imageTagMutability is ${mutability}`);
  }
  if (!withExclusion && filters.length > 0) {
    throw invalidParameter(
      'imageTagMutabilityExclusionFilters',
      `Exclusion filters are only allowed with IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION`,
    );
  }
  if (filters.length > 5) throw invalidParameter('imageTagMutabilityExclusionFilters', 'At most 5 exclusion filters are allowed');
  const scanning = optObject(settings, 'imageScanningConfiguration');
  const scanOnPush = scanning?.scanOnPush ?? settings.scanOnPush ?? false;
  if (typeof scanOnPush !== 'boolean') throw new EcrError('SerializationException', "Expected boolean for 'scanOnPush'");
  const encryption = optObject(settings, 'encryptionConfiguration') ?? { encryptionType: 'AES256' };
  const encryptionType = optString(encryption, 'encryptionType') ?? 'AES256';
  if (!['AES256', 'KMS', 'KMS_DSSE'].includes(encryptionType)) {
    throw validation(
      `Value '${encryptionType}' at 'encryptionConfiguration.encryptionType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]`,
    );
  }
  const kmsKey = optString(encryption, 'kmsKey');
  const lifecyclePolicyText = optString(settings, 'lifecyclePolicyText');
  if (lifecyclePolicyText !== undefined) validateLifecyclePolicy(lifecyclePolicyText);
  return {
    name,
    registryId,
    createdAt: now,
    scanOnPush,
    imageTagMutability: mutability,
    imageTagMutabilityExclusionFilters: filters,
    encryptionConfiguration: { encryptionType, ...(kmsKey ? { kmsKey } : {}) },
    ...(lifecyclePolicyText !== undefined ? { lifecyclePolicyText } : {}),
    scenario,
  };
}

function exclusionFilter(value: unknown): ExclusionFilter {
  const v = (value ?? {}) as Input;
  const filterType = optString(v, 'filterType') ?? 'WILDCARD';
  const filter = reqString(v, 'filter');
  if (filterType !== 'WILDCARD') {
    throw validation(
      `Value '${filterType}' at 'imageTagMutabilityExclusionFilters.member.filterType' failed to satisfy constraint: Member must satisfy enum value set: [WILDCARD]`,
    );
  }
  if (!/^[0-9a-zA-Z._*-]{1,128}$/.test(filter)) {
    throw validation(
      `Value '${filter}' at 'imageTagMutabilityExclusionFilters.member.filter' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z._*-]{1,128}`,
    );
  }
  return { filterType: 'WILDCARD', filter };
}

/** ECR's lifecycle policy rules, checked enough to catch malformed policies in tests. */
export function validateLifecyclePolicy(text: string): void {
  const fail = (why: string): never => {
    throw invalidParameter('LifecyclePolicyText', `Lifecycle policy validation failure: ${why}`);
  };
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (err) {
    fail(`Could not map policyString into LifecyclePolicy. ${(err as Error).message}`);
  }
  const rules = (policy as { rules?: unknown })?.rules;
  if (!Array.isArray(rules) || rules.length === 0) fail('object has missing required properties (["rules"])');
  const priorities = new Set<number>();
  for (const rule of rules as Input[]) {
    const priority = rule.rulePriority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) fail('rulePriority must be an integer >= 1');
    if (priorities.has(priority as number)) fail(`rulePriority ${priority} is used more than once`);
    priorities.add(priority as number);
    const sel = (rule.selection ?? {}) as Input;
    if (!['tagged', 'untagged', 'any'].includes(sel.tagStatus as string)) fail('selection.tagStatus must be tagged, untagged or any');
    if (sel.tagStatus === 'tagged' && !Array.isArray(sel.tagPrefixList) && !Array.isArray(sel.tagPatternList)) {
      fail('tagPrefixList or tagPatternList is required when tagStatus is tagged');
    }
    if (!['imageCountMoreThan', 'sinceImagePushed'].includes(sel.countType as string)) {
      fail('selection.countType must be imageCountMoreThan or sinceImagePushed');
    }
    if (typeof sel.countNumber !== 'number' || !Number.isInteger(sel.countNumber) || sel.countNumber < 1) {
      fail('selection.countNumber must be an integer >= 1');
    }
    if (sel.countType === 'sinceImagePushed' && sel.countUnit !== 'days') fail("countUnit must be 'days' with sinceImagePushed");
    if ((rule.action as Input | undefined)?.type !== 'expire') fail("action.type must be 'expire'");
  }
}

// One entry per registry id asked for, as ECR answers; a registry id with a proxyEndpoint
// override (PUT /_admin/registries/<id>) points at another registry, e.g. a test's own.
const getAuthorizationToken: Operation = async (input, ctx) => {
  const authorizationToken = Buffer.from(`AWS:${ctx.registry.password()}`).toString('base64');
  const expiresAt = seconds(ctx.now + TOKEN_LIFETIME_MS);
  const ids = (optArray(input, 'registryIds') ?? []).map(String);
  const entry = (id?: string) => ({
    authorizationToken,
    expiresAt,
    proxyEndpoint: (id === undefined ? undefined : ctx.store.registries.get(id)?.proxyEndpoint) ?? ctx.registry.baseUrl,
  });
  return { authorizationData: ids.length > 0 ? ids.map(entry) : [entry()] };
};

const describeRepositories: Operation = async (input, ctx) => {
  const registryId = registryIdOf(input, ctx.account);
  const names = optArray(input, 'repositoryNames');
  if (names) {
    const repositories = names.map((name) => {
      const repo = ctx.store.repositories.get(String(name));
      if (!repo || repo.registryId !== registryId) throw repositoryNotFound(String(name), registryId);
      return repositoryJson(repo, ctx);
    });
    return { repositories };
  }
  const all = [...ctx.store.repositories.values()].filter((r) => r.registryId === registryId);
  const { page, nextToken } = paginate(all, input, `DescribeRepositories:${registryId}`, 100, 1000);
  return { repositories: page.map((r) => repositoryJson(r, ctx)), ...(nextToken ? { nextToken } : {}) };
};

const createRepository: Operation = async (input, ctx) => {
  const name = reqString(input, 'repositoryName');
  const registryId = registryIdOf(input, ctx.account);
  if (ctx.store.repositories.has(name)) throw repositoryAlreadyExists(name, registryId);
  const repo = newRepository(name, input, registryId, ctx.now);
  ctx.store.repositories.set(name, repo);
  return { repository: repositoryJson(repo, ctx) };
};

const putLifecyclePolicy: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const text = reqString(input, 'lifecyclePolicyText');
  if (text.length < 100 || text.length > 30720) {
    throw validation(`Value at 'lifecyclePolicyText' failed to satisfy constraint: Member must have length between 100 and 30720`);
  }
  validateLifecyclePolicy(text);
  repo.lifecyclePolicyText = text;
  return { registryId: repo.registryId, repositoryName: repo.name, lifecyclePolicyText: text };
};

const getLifecyclePolicy: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  if (repo.lifecyclePolicyText === undefined) throw lifecyclePolicyNotFound(repo.name, repo.registryId);
  return { registryId: repo.registryId, repositoryName: repo.name, lifecyclePolicyText: repo.lifecyclePolicyText };
};

const putImageScanningConfiguration: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const config = optObject(input, 'imageScanningConfiguration');
  const scanOnPush = config?.scanOnPush;
  if (typeof scanOnPush !== 'boolean') {
    throw validation("Value null at 'imageScanningConfiguration.scanOnPush' failed to satisfy constraint: Member must not be null");
  }
  repo.scanOnPush = scanOnPush;
  return { registryId: repo.registryId, repositoryName: repo.name, imageScanningConfiguration: { scanOnPush } };
};

/** Per-repository scan settings as ECR reports them (enhanced = Inspector, continuous). */
const batchGetRepositoryScanningConfiguration: Operation = async (input, ctx) => {
  const names = (optArray(input, 'repositoryNames') ?? []).map(String);
  const scanningConfigurations = [];
  const failures = [];
  for (const name of names) {
    const repo = ctx.store.repositories.get(name);
    if (!repo) {
      failures.push({ repositoryName: name, failureCode: 'REPOSITORY_NOT_FOUND', failureReason: 'REPOSITORY_NOT_FOUND' });
      continue;
    }
    const enhanced = repo.scenario.scanType === 'ENHANCED';
    const onPush = scansOnPush(repo);
    scanningConfigurations.push({
      repositoryArn: repositoryJson(repo, ctx).repositoryArn,
      repositoryName: name,
      scanOnPush: onPush,
      scanFrequency: enhanced ? 'CONTINUOUS_SCAN' : onPush ? 'SCAN_ON_PUSH' : 'MANUAL',
      appliedScanFilters: [{ filter: '*', filterType: 'WILDCARD' }],
    });
  }
  return { scanningConfigurations, failures };
};

export const repositoryOperations: Record<string, Operation> = {
  GetAuthorizationToken: getAuthorizationToken,
  DescribeRepositories: describeRepositories,
  CreateRepository: createRepository,
  PutLifecyclePolicy: putLifecyclePolicy,
  GetLifecyclePolicy: getLifecyclePolicy,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  BatchGetRepositoryScanningConfiguration: batchGetRepositoryScanningConfiguration,
};
