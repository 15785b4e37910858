import { describe, expect, test } from '@jest/globals';
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  PutLifecyclePolicyCommand,
  RepositoryNotFoundException,
  type Repository,
} from '@aws-sdk/client-ecr';
import { FakeEcrClient, awsError } from '../../__fixtures__/ecr-client.js';
import { applyLifecyclePolicy, ensureRepository, type RepositoryInfo, type RepositorySettings } from '../../src/ecr/repository.js';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
type RepositoryInputs = RepositorySettings;
const INPUTS: RepositoryInputs = {
  repository: 'mlops/retail-api',
  registryId: undefined,
  createRepository: false,
  tagMutability: 'IMMUTABLE',
  tagMutabilityExclusions: [],
};

function repository(overrides: Partial<Repository> = {}): Repository {
  return {
    repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/mlops/retail-api',
    registryId: '123456789012',
    repositoryName: 'mlops/retail-api',
    repositoryUri: `${REGISTRY}/mlops/retail-api`,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: 'AES256' },
    ...overrides,
  };
}

function notFound(): FakeEcrClient {
  return new FakeEcrClient().on(DescribeRepositoriesCommand, () => {
    throw awsError(
      RepositoryNotFoundException,
      "The repository with name 'mlops/retail-api' does not exist in the registry with id '123456789012'",
    );
  });
}

describe('ensureRepository', () => {
  test.each<[string, Partial<Repository>, RepositoryInfo]>([
    [
      'found, immutable, scan on push',
      {},
      {
        name: 'mlops/retail-api',
        registryId: '123456789012',
        scanOnPush: true,
        tagMutability: 'IMMUTABLE',
        exclusions: [],
        created: false,
      },
    ],
    [
      'found, mutable, scan on push off',
      { imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false } },
      { name: 'mlops/retail-api', registryId: '123456789012', scanOnPush: false, tagMutability: 'MUTABLE', exclusions: [], created: false },
    ],
    [
      'found with exclusion filters',
      {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filterType: 'WILDCARD', filter: 'latest' },
          { filterType: 'WILDCARD', filter: 'v*' },
        ],
      },
      {
        name: 'mlops/retail-api',
        registryId: '123456789012',
        scanOnPush: true,
        tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        exclusions: ['latest', 'v*'],
        created: false,
      },
    ],
    [
      'found without mutability or scanning configuration (ECR-compatible registries)',
      { imageTagMutability: undefined, imageScanningConfiguration: undefined },
      { name: 'mlops/retail-api', registryId: '123456789012', scanOnPush: false, tagMutability: 'MUTABLE', exclusions: [], created: false },
    ],
  ])('%s', async (_name, overrides, info) => {
    const fake = new FakeEcrClient().on(DescribeRepositoriesCommand, () => ({ repositories: [repository(overrides)] }));
    await expect(ensureRepository(fake.client, INPUTS, REGISTRY)).resolves.toEqual(info);
    expect(fake.commandNames()).toEqual(['DescribeRepositoriesCommand']);
    expect(fake.inputsOf(DescribeRepositoriesCommand)).toEqual([{ repositoryNames: ['mlops/retail-api'], registryId: undefined }]);
  });

  test('looks in a cross-account registry', async () => {
    const fake = new FakeEcrClient().on(DescribeRepositoriesCommand, () => ({
      repositories: [repository({ registryId: '210987654321' })],
    }));
    const info = await ensureRepository(fake.client, { ...INPUTS, registryId: '210987654321' }, REGISTRY);
    expect(info.registryId).toBe('210987654321');
    expect(fake.inputsOf(DescribeRepositoriesCommand)).toEqual([{ repositoryNames: ['mlops/retail-api'], registryId: '210987654321' }]);
  });

  test.each<[string, FakeEcrClient]>([
    ['RepositoryNotFoundException', notFound()],
    ['an empty list', new FakeEcrClient().on(DescribeRepositoriesCommand, () => ({ repositories: [] }))],
  ])('not found (%s) without create-repository names the repository, the registry and the flag', async (_name, fake) => {
    await expect(ensureRepository(fake.client, INPUTS, REGISTRY)).rejects.toThrow(
      new Error(
        `Repository mlops/retail-api does not exist in registry ${REGISTRY}; create it, or set create-repository: true to have this step create it.`,
      ),
    );
    expect(fake.commandNames()).toEqual(['DescribeRepositoriesCommand']);
  });

  test('another error is not taken for "not found"', async () => {
    const fake = new FakeEcrClient().on(DescribeRepositoriesCommand, () => {
      throw Object.assign(new Error('not authorized to perform: ecr:DescribeRepositories'), { name: 'AccessDeniedException' });
    });
    await expect(ensureRepository(fake.client, { ...INPUTS, createRepository: true }, REGISTRY)).rejects.toThrow(
      'not authorized to perform: ecr:DescribeRepositories',
    );
    expect(fake.commandNames()).toEqual(['DescribeRepositoriesCommand']);
  });

  test.each<[string, Partial<RepositoryInputs>, object]>([
    [
      'IMMUTABLE, scan on push, AES256',
      {},
      {
        repositoryName: 'mlops/retail-api',
        registryId: undefined,
        imageTagMutability: 'IMMUTABLE',
        imageTagMutabilityExclusionFilters: undefined,
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    ],
    [
      'IMMUTABLE_WITH_EXCLUSION with wildcard filters, cross-account',
      { registryId: '210987654321', tagMutability: 'IMMUTABLE_WITH_EXCLUSION', tagMutabilityExclusions: ['latest', 'v*'] },
      {
        repositoryName: 'mlops/retail-api',
        registryId: '210987654321',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filterType: 'WILDCARD', filter: 'latest' },
          { filterType: 'WILDCARD', filter: 'v*' },
        ],
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    ],
    [
      'MUTABLE_WITH_EXCLUSION',
      { tagMutability: 'MUTABLE_WITH_EXCLUSION', tagMutabilityExclusions: ['release-*'] },
      {
        repositoryName: 'mlops/retail-api',
        registryId: undefined,
        imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }],
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    ],
    [
      'MUTABLE: exclusions are not sent',
      { tagMutability: 'MUTABLE', tagMutabilityExclusions: ['latest'] },
      {
        repositoryName: 'mlops/retail-api',
        registryId: undefined,
        imageTagMutability: 'MUTABLE',
        imageTagMutabilityExclusionFilters: undefined,
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      },
    ],
  ])('created when missing: %s', async (_name, overrides, createInput) => {
    const fake = notFound().on(CreateRepositoryCommand, (input) => ({
      repository: repository({
        registryId: input.registryId ?? '123456789012',
        imageTagMutability: input.imageTagMutability,
        imageTagMutabilityExclusionFilters: input.imageTagMutabilityExclusionFilters,
        imageScanningConfiguration: input.imageScanningConfiguration,
      }),
    }));
    const inputs = { ...INPUTS, createRepository: true, ...overrides };
    const info = await ensureRepository(fake.client, inputs, REGISTRY);
    expect(fake.commandNames()).toEqual(['DescribeRepositoriesCommand', 'CreateRepositoryCommand']);
    expect(fake.inputsOf(CreateRepositoryCommand)).toEqual([createInput]);
    expect(info).toEqual({
      name: 'mlops/retail-api',
      registryId: inputs.registryId ?? '123456789012',
      scanOnPush: true,
      tagMutability: inputs.tagMutability,
      exclusions: inputs.tagMutability.endsWith('_WITH_EXCLUSION') ? inputs.tagMutabilityExclusions : [],
      created: true,
    });
  });

  test('CreateRepository without a repository in its answer is an error', async () => {
    const fake = notFound().on(CreateRepositoryCommand, () => ({}));
    await expect(ensureRepository(fake.client, { ...INPUTS, createRepository: true }, REGISTRY)).rejects.toThrow(
      new Error('CreateRepository returned no repository for mlops/retail-api.'),
    );
  });
});

describe('applyLifecyclePolicy', () => {
  const POLICY =
    '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}';
  const INFO: RepositoryInfo = {
    name: 'mlops/retail-api',
    registryId: '123456789012',
    scanOnPush: true,
    tagMutability: 'IMMUTABLE',
    exclusions: [],
    created: false,
  };

  test.each<[string, RepositoryInfo, object]>([
    [
      'the policy text as given, to the repository found',
      INFO,
      { repositoryName: 'mlops/retail-api', registryId: '123456789012', lifecyclePolicyText: POLICY },
    ],
    [
      'no registry id: the default registry',
      { ...INFO, registryId: '' },
      { repositoryName: 'mlops/retail-api', registryId: undefined, lifecyclePolicyText: POLICY },
    ],
  ])('%s', async (_name, info, input) => {
    const fake = new FakeEcrClient().on(PutLifecyclePolicyCommand, (sent) => ({
      registryId: sent.registryId,
      repositoryName: sent.repositoryName,
      lifecyclePolicyText: sent.lifecyclePolicyText,
    }));
    await applyLifecyclePolicy(fake.client, info, POLICY);
    expect(fake.inputsOf(PutLifecyclePolicyCommand)).toEqual([input]);
  });

  test('a rejected policy fails', async () => {
    const fake = new FakeEcrClient().on(PutLifecyclePolicyCommand, () => {
      throw Object.assign(new Error("Invalid parameter at 'LifecyclePolicyText'"), { name: 'InvalidParameterException' });
    });
    await expect(applyLifecyclePolicy(fake.client, INFO, POLICY)).rejects.toThrow("Invalid parameter at 'LifecyclePolicyText'");
  });
});
