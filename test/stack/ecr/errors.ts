// ECR API errors: AWS JSON 1.1 answers them as HTTP 400 (client) or 500 (server) with
// {"__type": name, "message": text}. Messages follow the wording ECR uses.
import type { ImageId } from './model.ts';

export class EcrError extends Error {
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** ECR prints image ids as {imageDigest:'…', imageTag:'…'} with 'null' for a missing part. */
export function formatImageId(id: ImageId): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

export const repositoryNotFound = (name: string, registryId: string) =>
  new EcrError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`);

export const repositoryAlreadyExists = (name: string, registryId: string) =>
  new EcrError(
    'RepositoryAlreadyExistsException',
    `The repository with name '${name}' already exists in the registry with id '${registryId}'`,
  );

export const imageNotFound = (id: ImageId, name: string, registryId: string) =>
  new EcrError(
    'ImageNotFoundException',
    `The image with imageId ${formatImageId(id)} does not exist within the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const scanNotFound = (id: ImageId, name: string, registryId: string) =>
  new EcrError(
    'ScanNotFoundException',
    `Image scan does not exist for the image with '${formatImageId(id)}' in the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const lifecyclePolicyNotFound = (name: string, registryId: string) =>
  new EcrError(
    'LifecyclePolicyNotFoundException',
    `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

/** The "N validation error(s) detected" form AWS uses for model constraint violations. */
export const validation = (problem: string) => new EcrError('ValidationException', `1 validation error detected: ${problem}`);

export const missingMember = (member: string) =>
  validation(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);

export const invalidParameter = (member: string, constraint: string) =>
  new EcrError('InvalidParameterException', `Invalid parameter at '${member}' failed to satisfy constraint: '${constraint}'`);
