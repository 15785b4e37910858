// The one place the ECR client is built. Credentials come from the SDK's default chain;
// AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL are honoured by the SDK itself. The SDK does not
// read HTTPS_PROXY / NO_PROXY, so the proxy (as self-hosted runners need) is set here, with
// the same rules @actions/http-client applies to the GitHub API calls.
import { ECRClient } from '@aws-sdk/client-ecr';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** A hung endpoint is bounded by these, not by the job's six hours. */
export const CONNECTION_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** The URL the SDK will call, by its own precedence. */
export function ecrEndpoint(region: string, env: Record<string, string | undefined>): URL {
  const configured = env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL;
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(configured || `https://api.ecr.${region}.${suffix}`);
}

export async function createEcrClient(region: string, env: Record<string, string | undefined> = process.env): Promise<ECRClient> {
  const endpoint = ecrEndpoint(region, env);
  const proxy = getProxyUrl(endpoint);
  // The proxy agents are loaded only when a proxy applies: most runs do not need them.
  const agent = proxy ? await proxyAgents(proxy) : {};
  const client = new ECRClient({
    region,
    customUserAgent: 'ecr-build-scan-push',
    // throwOnRequestTimeout: without it requestTimeout only warns, and a hung call hangs the step.
    requestHandler: new NodeHttpHandler({
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      ...agent,
    }),
  });
  // A network error or timeout says nothing of which call failed ("connect ECONNREFUSED …"):
  // name the operation, so the one error line is actionable.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        if (error instanceof Error && operation && !error.message.includes(operation)) error.message = `ECR ${operation}: ${error.message}`;
        throw error;
      }
    },
    { step: 'initialize', name: 'nameOperationInErrors' },
  );
  return client;
}

async function proxyAgents(proxy: URL) {
  const [{ HttpProxyAgent }, { HttpsProxyAgent }] = await Promise.all([import('http-proxy-agent'), import('https-proxy-agent')]);
  return { httpAgent: new HttpProxyAgent(proxy), httpsAgent: new HttpsProxyAgent(proxy) };
}
