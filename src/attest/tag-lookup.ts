// The digest a base image's tag names today, for the base-fresh rule: asked of the base's own
// registry (the OCI distribution API's HEAD on the manifest). The step's ECR registry with the
// login's credentials; any other registry anonymously, with the Bearer token its 401 challenge
// names (Docker Hub's and most public registries' way). Never throws: a registry that cannot be
// reached or refuses says why, and the rule shows "no data".
import { HttpClient } from '@actions/http-client';
import type { RegistryLogin } from '../ecr/auth.js';
import { ACCEPTED_MEDIA_TYPES } from '../shared/manifest.js';
import { toMessage } from '../util/errors.js';
import { Registry } from './registry.js';

/** A registry that does not answer is not waited for long: the rule is a warning at most. */
const PUBLIC_TIMEOUT_MS = 10_000;

export type TagLookup = { digest: string } | { why: string };

/** registry host/path → [host, path]; Docker Hub's `docker.io` is served at registry-1.docker.io. */
export function splitRepository(repository: string): { host: string; path: string; api: string } {
  const slash = repository.indexOf('/');
  const host = repository.slice(0, slash);
  const path = repository.slice(slash + 1);
  const api = host === 'docker.io' ? 'registry-1.docker.io' : host;
  // Plain HTTP only for a registry on this machine (as docker treats localhost as insecure).
  const scheme = /^(?:localhost|127\.\d+\.\d+\.\d+)(?::\d+)?$/.test(api) ? 'http' : 'https';
  return { host, path, api: `${scheme}://${api}` };
}

export async function lookUpTag(
  repository: string,
  tag: string,
  login: Pick<RegistryLogin, 'registry' | 'endpoint' | 'username' | 'password'>,
): Promise<TagLookup> {
  const { host, path, api } = splitRepository(repository);
  try {
    if (host === login.registry) {
      const digest = await new Registry(login).tagDigest(path, tag, [...ACCEPTED_MEDIA_TYPES]);
      return digest ? { digest } : { why: `${repository}:${tag} is no longer in its registry` };
    }
    return await anonymous(api, path, tag, repository);
  } catch (error) {
    return { why: `${host} could not be asked what ${repository}:${tag} names (${toMessage(error).split('\n')[0]})` };
  }
}

async function anonymous(api: string, path: string, tag: string, repository: string): Promise<TagLookup> {
  const http = new HttpClient('ecr-build-scan-push', undefined, { socketTimeout: PUBLIC_TIMEOUT_MS, allowRedirects: true });
  const accept = ACCEPTED_MEDIA_TYPES.join(', ');
  const url = `${api}/v2/${path}/manifests/${tag}`;
  let response = await http.request('HEAD', url, null, { accept });
  await response.readBody();
  if (response.message.statusCode === 401) {
    const token = await bearerToken(http, String(response.message.headers['www-authenticate'] ?? ''));
    if (!token) return { why: `${repository} needs credentials this step does not have for its registry` };
    response = await http.request('HEAD', url, null, { accept, authorization: `Bearer ${token}` });
    await response.readBody();
  }
  const status = response.message.statusCode ?? 0;
  if (status === 404) return { why: `${repository}:${tag} is no longer in its registry` };
  if (status === 401 || status === 403) return { why: `${repository} needs credentials this step does not have for its registry` };
  const digest = response.message.headers['docker-content-digest'];
  if (status !== 200 || typeof digest !== 'string')
    return { why: `the registry of ${repository} answered HTTP ${status} without a digest` };
  return { digest };
}

/** `Bearer realm="…",service="…",scope="…"` → an anonymous token, when the realm gives one. */
async function bearerToken(http: HttpClient, challenge: string): Promise<string | undefined> {
  if (!/^Bearer\s/i.test(challenge)) return undefined;
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  if (!params.realm) return undefined;
  const url = new URL(params.realm);
  if (params.service) url.searchParams.set('service', params.service);
  if (params.scope) url.searchParams.set('scope', params.scope);
  const response = await http.get(url.toString());
  const body = await response.readBody();
  if (response.message.statusCode !== 200) return undefined;
  const parsed = JSON.parse(body) as { token?: unknown; access_token?: unknown };
  const token = parsed.token ?? parsed.access_token;
  return typeof token === 'string' ? token : undefined;
}
