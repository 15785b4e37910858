// GetAuthorizationToken → registry host and credentials. The password is handed to `mask`
// before anything else sees it.
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { errorName, isCredentialError, toMessage } from '../util/errors.js';

export interface RegistryLogin {
  /** Host, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com */
  registry: string;
  /** The registry's URL (https://host, or http:// for a local registry): its own API, src/attest/registry.ts. */
  endpoint: string;
  username: string;
  password: string;
}

export async function getRegistryLogin(
  client: Pick<ECRClient, 'send'>,
  registryId: string | undefined,
  mask: (secret: string) => void,
): Promise<RegistryLogin> {
  let response;
  try {
    response = await client.send(new GetAuthorizationTokenCommand(registryId ? { registryIds: [registryId] } : {}));
  } catch (error) {
    if (errorName(error) === 'CredentialsProviderError') {
      throw new Error(
        `AWS credentials: none were found (${toMessage(error)}). Configure them before this step, e.g. with aws-actions/configure-aws-credentials.`,
        {
          cause: error,
        },
      );
    }
    if (isCredentialError(error)) {
      throw new Error(
        `AWS credentials: ecr:GetAuthorizationToken was refused with ${errorName(error)}: ${toMessage(error)} ` +
          'Check the credentials (e.g. aws-actions/configure-aws-credentials) and that the role allows ecr:GetAuthorizationToken.',
        { cause: error },
      );
    }
    throw new Error(`Could not log in to Amazon ECR: ${toMessage(error)}`, { cause: error });
  }
  const data = response.authorizationData?.[0];
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new Error('ECR returned no authorization data for GetAuthorizationToken.');
  }
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new Error('ECR returned an authorization token that is not user:password.');
  const password = decoded.slice(colon + 1);
  mask(password);
  mask(data.authorizationToken);
  return {
    registry: data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
    endpoint: /^https?:\/\//.test(data.proxyEndpoint)
      ? data.proxyEndpoint.replace(/\/+$/, '')
      : `https://${data.proxyEndpoint.replace(/\/+$/, '')}`,
    username: decoded.slice(0, colon),
    password,
  };
}
