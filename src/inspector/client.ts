// The one place the Amazon Inspector client is built, as the ECR client is (ecr/client.ts):
// credentials from the SDK's default chain, AWS_ENDPOINT_URL_INSPECTOR2 / AWS_ENDPOINT_URL
// honoured by the SDK itself, the proxy and timeouts from aws/http.ts. Built only when
// epss-threshold is set: ECR's findings carry no EPSS, Inspector's ListFindings does.
import { Inspector2Client } from '@aws-sdk/client-inspector2';
import { nameOperationInErrors, requestHandlerFor } from '../aws/http.js';

/** The URL the SDK will call, by its own precedence. */
export function inspectorEndpoint(region: string, env: Record<string, string | undefined>): URL {
  const configured = env.AWS_ENDPOINT_URL_INSPECTOR2 || env.AWS_ENDPOINT_URL;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(configured || `https://inspector2.${region}.${suffix}`);
}

export async function createInspectorClient(
  region: string,
  env: Record<string, string | undefined> = process.env,
): Promise<Inspector2Client> {
  const client = new Inspector2Client({
    region,
    customUserAgent: 'ecr-build-scan-push',
    requestHandler: await requestHandlerFor(inspectorEndpoint(region, env)),
  });
  nameOperationInErrors(client, 'Amazon Inspector');
  return client;
}
