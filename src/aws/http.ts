// What every AWS client of the action shares: bounded timeouts, the runner's proxy settings, and
// errors that name the operation. The SDK does not read HTTPS_PROXY / NO_PROXY, so the proxy (as
// self-hosted runners need) is set here, with the same rules @actions/http-client applies to the
// GitHub API calls.
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { MiddlewareStack } from '@smithy/types';

/** A hung endpoint is bounded by these, not by the job's six hours. */
export const CONNECTION_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** The request handler for calls to this endpoint: timeouts, and the proxy when one applies. */
export async function requestHandlerFor(endpoint: URL): Promise<NodeHttpHandler> {
  const proxy = getProxyUrl(endpoint);
  // The proxy agents are loaded only when a proxy applies: most runs do not need them.
  const agent = proxy ? await proxyAgents(proxy) : {};
  // throwOnRequestTimeout: without it requestTimeout only warns, and a hung call hangs the step.
  return new NodeHttpHandler({
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
    ...agent,
  });
}

/**
 * A network error or timeout says nothing of which call failed ("connect ECONNREFUSED …"):
 * prefix the service and operation, so the one error line is actionable.
 */
export function nameOperationInErrors<Input extends object, Output extends object>(
  client: { middlewareStack: MiddlewareStack<Input, Output> },
  service: string,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        if (error instanceof Error && operation && !error.message.includes(operation))
          error.message = `${service} ${operation}: ${error.message}`;
        throw error;
      }
    },
    { step: 'initialize', name: 'nameOperationInErrors' },
  );
}

async function proxyAgents(proxy: URL) {
  const [{ HttpProxyAgent }, { HttpsProxyAgent }] = await Promise.all([import('http-proxy-agent'), import('https-proxy-agent')]);
  return { httpAgent: new HttpProxyAgent(proxy), httpsAgent: new HttpsProxyAgent(proxy) };
}
