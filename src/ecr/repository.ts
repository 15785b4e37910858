// The repository the image goes to: found, or created when asked, and its lifecycle policy.
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  PutLifecyclePolicyCommand,
  type ECRClient,
  type Repository,
} from '@aws-sdk/client-ecr';
import { errorName } from '../util/errors.js';
import type { RepositoryInfo, TagMutability } from '../shared/tag-mutability.js';

export type { RepositoryInfo, TagMutability };

/** What the repository should be when this step creates it (the action's inputs fit it). */
export interface RepositorySettings {
  repository: string;
  registryId?: string;
  createRepository: boolean;
  tagMutability: TagMutability;
  tagMutabilityExclusions: string[];
}

type Client = Pick<ECRClient, 'send'>;

function toInfo(repository: Repository, created: boolean): RepositoryInfo {
  return {
    name: repository.repositoryName ?? '',
    registryId: repository.registryId ?? '',
    scanOnPush: repository.imageScanningConfiguration?.scanOnPush === true,
    tagMutability: (repository.imageTagMutability ?? 'MUTABLE') as TagMutability,
    exclusions: (repository.imageTagMutabilityExclusionFilters ?? []).map((f) => f.filter ?? '').filter((f) => f !== ''),
    created,
  };
}

/** The repository, created when it is missing and create-repository is set. `registry` (the host) names it when it is missing. */
export async function ensureRepository(client: Client, inputs: RepositorySettings, registry: string): Promise<RepositoryInfo> {
  try {
    const found = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [inputs.repository], registryId: inputs.registryId }),
    );
    const repository = found.repositories?.[0];
    if (repository) return toInfo(repository, false);
  } catch (error) {
    if (errorName(error) !== 'RepositoryNotFoundException') throw error;
  }
  if (!inputs.createRepository) {
    throw new Error(
      `Repository ${inputs.repository} does not exist in registry ${registry}; create it, or set create-repository: true to have this step create it.`,
    );
  }
  const withExclusions = inputs.tagMutability.endsWith('_WITH_EXCLUSION');
  const created = await client.send(
    new CreateRepositoryCommand({
      repositoryName: inputs.repository,
      registryId: inputs.registryId,
      imageTagMutability: inputs.tagMutability,
      imageTagMutabilityExclusionFilters: withExclusions
        ? inputs.tagMutabilityExclusions.map((filter) => ({ filterType: 'WILDCARD', filter }))
        : undefined,
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' },
    }),
  );
  if (!created.repository) throw new Error(`CreateRepository returned no repository for ${inputs.repository}.`);
  return toInfo(created.repository, true);
}

export async function applyLifecyclePolicy(client: Client, repository: RepositoryInfo, policyText: string): Promise<void> {
  await client.send(
    new PutLifecyclePolicyCommand({
      repositoryName: repository.name,
      registryId: repository.registryId || undefined,
      lifecyclePolicyText: policyText,
    }),
  );
}
