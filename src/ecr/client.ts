// The one place the ECR client is built. Credentials come from the SDK's default chain;
// AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are honoured by the SDK itself; the proxy and the
// timeouts come from aws/http.ts.
import { ECRClient } from '@aws-sdk/client-ecr';
import { nameOperationInErrors, requestHandlerFor } from '../aws/http.js';

export { CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../aws/http.js';

/** The URL the SDK will call, by its own precedence. */
export function ecrEndpoint(region: string, env: Record<string, string | undefined>): URL {
  const configured = env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(configured || `https://api.ecr.${region}.${suffix}`);
}

export async function createEcrClient(region: string, env: Record<string, string | undefined> = process.env): Promise<ECRClient> {
  const client = new ECRClient({
    region,
    customUserAgent: 'ecr-build-scan-push',
    requestHandler: await requestHandlerFor(ecrEndpoint(region, env)),
  });
  nameOperationInErrors(client, 'ECR');
  return client;
}
