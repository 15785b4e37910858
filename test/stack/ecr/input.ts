// Reading and checking request members, with the errors ECR answers for bad input, and
// opaque pagination tokens.
import { EcrError, invalidParameter, missingMember, repositoryNotFound, validation } from './errors.ts';
import { DEFAULT_ACCOUNT, type ImageId, type Repository } from './model.ts';
import type { Store } from './store.ts';

export type Input = Record<string, unknown>;

export function optString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EcrError('SerializationException', `Expected string for '${member}'`);
  return value;
}

export function reqString(input: Input, member: string): string {
  const value = optString(input, member);
  if (value === undefined) throw missingMember(member);
  return value;
}

export function optInt(input: Input, member: string, min: number, max: number): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new EcrError('SerializationException', `Expected integer for '${member}'`);
  }
  if (value < min || value > max) {
    throw validation(
      `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value ${value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`}`,
    );
  }
  return value;
}

export function optObject(input: Input, member: string): Input | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EcrError('SerializationException', `Expected object for '${member}'`);
  }
  return value as Input;
}

export function optArray(input: Input, member: string): unknown[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new EcrError('SerializationException', `Expected list for '${member}'`);
  return value;
}

/** The registry a call names, or the caller's (`defaultId`: its account). */
export function registryIdOf(input: Input, defaultId: string = DEFAULT_ACCOUNT): string {
  const id = optString(input, 'registryId');
  if (id !== undefined && !/^[0-9]{12}$/.test(id)) {
    throw validation(
      `Value '${id}' at 'registryId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]{12}`,
    );
  }
  return id ?? defaultId;
}

/** The repository the request names, in the registry it names; RepositoryNotFoundException otherwise. */
export function repositoryOf(store: Store, input: Input, defaultRegistryId: string = DEFAULT_ACCOUNT): Repository {
  const name = reqString(input, 'repositoryName');
  const registryId = registryIdOf(input, defaultRegistryId);
  const repo = store.repositories.get(name);
  if (!repo || repo.registryId !== registryId) throw repositoryNotFound(name, registryId);
  return repo;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;

export function imageIdOf(value: unknown, member: string): ImageId {
  if (typeof value !== 'object' || value === null) throw missingMember(member);
  const v = value as Input;
  const id: ImageId = {};
  const digest = optString(v, 'imageDigest');
  const tag = optString(v, 'imageTag');
  if (digest !== undefined) id.imageDigest = digest;
  if (tag !== undefined) id.imageTag = tag;
  return id;
}

export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest);
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** Opaque nextToken: base64url JSON naming what it pages (so a token is not reused elsewhere). */
export function encodeToken(scope: string, state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ scope, ...state })).toString('base64url');
}

export function decodeToken(token: string | undefined, scope: string): Record<string, unknown> | undefined {
  if (token === undefined) return undefined;
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (state.scope === scope) return state;
  } catch {
    // fall through
  }
  throw invalidParameter('nextToken', 'The nextToken is not valid for this request');
}

/** One page of `items` from a token holding {offset}. */
export function paginate<T>(items: T[], input: Input, scope: string, defaultMax: number, max: number) {
  const maxResults = optInt(input, 'maxResults', 1, max) ?? defaultMax;
  const state = decodeToken(optString(input, 'nextToken'), scope);
  const offset = typeof state?.offset === 'number' ? state.offset : 0;
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults < items.length ? encodeToken(scope, { offset: offset + maxResults }) : undefined;
  return { page, nextToken: next };
}

/** Epoch ms → the epoch-seconds number AWS JSON 1.1 uses for timestamps. */
export function seconds(ms: number): number {
  return ms / 1000;
}
