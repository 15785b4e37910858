// ECR managed signing operations: PutSigningConfiguration, GetSigningConfiguration,
// DeleteSigningConfiguration (one configuration per registry: the caller's account, as the real
// requests name no registry; a `registryId` member, which the SDK does not send, is honoured) and
// DescribeImageSigningStatus.
import type { OpContext, Operation } from './context.ts';
import { EcrError, missingMember } from './errors.ts';
import { resolveKnownImage } from './images.ts';
import { type Input, imageIdOf, registryIdOf, repositoryOf, reqString } from './input.ts';
import type { SigningConfiguration, SigningOperation } from './model.ts';
import { accessDenied, deniedOperations, parseSigningConfiguration, registryDenies, signingStatuses } from './signing.ts';

export const signingConfigurationNotFound = (registryId: string) =>
  new EcrError('SigningConfigurationNotFoundException', `Signing configuration does not exist in the registry with id '${registryId}'`);

/** The registry a configuration call is about, once IAM has let it through. */
function configurationRegistry(input: Input, ctx: OpContext, operation: SigningOperation): string {
  const registryId = registryIdOf(input, ctx.account);
  if (registryDenies(ctx, registryId, operation)) throw accessDenied(ctx, operation);
  return registryId;
}

function copy(config: SigningConfiguration): SigningConfiguration {
  return JSON.parse(JSON.stringify(config)) as SigningConfiguration;
}

const putSigningConfiguration: Operation = async (input, ctx) => {
  const registryId = configurationRegistry(input, ctx, 'PutSigningConfiguration');
  const config = parseSigningConfiguration(input.signingConfiguration);
  ctx.store.signingConfigurations.set(registryId, config);
  return { signingConfiguration: copy(config) };
};

const getSigningConfiguration: Operation = async (input, ctx) => {
  const registryId = configurationRegistry(input, ctx, 'GetSigningConfiguration');
  const config = ctx.store.signingConfigurations.get(registryId);
  if (!config) throw signingConfigurationNotFound(registryId);
  return { registryId, signingConfiguration: copy(config) };
};

const deleteSigningConfiguration: Operation = async (input, ctx) => {
  const registryId = configurationRegistry(input, ctx, 'DeleteSigningConfiguration');
  const config = ctx.store.signingConfigurations.get(registryId);
  if (!config) throw signingConfigurationNotFound(registryId);
  ctx.store.signingConfigurations.delete(registryId);
  return { registryId, signingConfiguration: copy(config) };
};

const describeImageSigningStatus: Operation = async (input, ctx) => {
  const operation = 'DescribeImageSigningStatus';
  // IAM decides before the repository is looked up: the registry's settings, then the repository's.
  const name = reqString(input, 'repositoryName');
  const registryId = registryIdOf(input, ctx.account);
  const resource = `arn:aws:ecr:${ctx.region}:${registryId}:repository/${name}`;
  if (registryDenies(ctx, registryId, operation)) throw accessDenied(ctx, operation, resource);
  const named = ctx.store.repositories.get(name);
  if (named?.registryId === registryId && deniedOperations(named.scenario.signing?.denied).includes(operation)) {
    throw accessDenied(ctx, operation, resource);
  }
  const repo = repositoryOf(ctx.store, input, ctx.account);
  if (input.imageId === undefined || input.imageId === null) throw missingMember('imageId');
  const id = imageIdOf(input.imageId, 'imageId');
  const image = await resolveKnownImage(ctx, repo, id);
  return {
    registryId: repo.registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
    signingStatuses: await signingStatuses(ctx, repo, image),
  };
};

export const signingOperations: Record<string, Operation> = {
  PutSigningConfiguration: putSigningConfiguration,
  GetSigningConfiguration: getSigningConfiguration,
  DeleteSigningConfiguration: deleteSigningConfiguration,
  DescribeImageSigningStatus: describeImageSigningStatus,
};
