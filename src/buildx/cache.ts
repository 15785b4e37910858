// Pure: `cache: ecr` → the buildx cache specs for a BuildKit registry cache kept in the image's
// own ECR repository, and the warnings that say what could not be done. ECR accepts the cache
// only as an OCI image manifest (image-manifest=true, oci-mediatypes=true): it answers 400 to
// BuildKit's default cache manifest list. See ACTION-SPEC.md, "Build cache in ECR".
import { createHash } from 'node:crypto';
import { canMoveTag, type RepositoryInfo } from '../shared/tag-mutability.js';

export const CACHE_TAG_PREFIX = 'buildcache-';
/** The tag-mutability exclusion filter that lets every cache tag move. */
export const CACHE_EXCLUSION_FILTER = `${CACHE_TAG_PREFIX}*`;

const MAX_TAG = 128;
const HASH_LENGTH = 8;

/** Cache specs added to the user's own `cache-from` / `cache-to`. */
export interface CacheSpecs {
  from: string[];
  to: string[];
}

export const NO_CACHE: CacheSpecs = { from: [], to: [] };

export interface CachePlan extends CacheSpecs {
  /** The tag this build writes, when it writes one. */
  writeTag?: string;
  /** One line each, for core.warning. */
  warnings: string[];
  /** One line each, for core.info. */
  notes: string[];
}

export interface CachePlanInput {
  /** registry/repository */
  image: string;
  /** The branch built (a pull request's head branch); undefined for tags and releases. */
  branch?: string;
  defaultBranch?: string;
  /** A pull request from a fork: it reads the cache but never writes it. */
  fromFork: boolean;
  repository: Pick<RepositoryInfo, 'name' | 'tagMutability' | 'exclusions'>;
  /** The builder's driver (`docker`, `docker-container`, `remote`, …), when known. */
  driver?: string;
}

/**
 * `buildcache-<branch>`, the branch made a valid Docker tag (`[A-Za-z0-9_.-]`, at most 128
 * characters). Every run of other characters (`/` in `feature/login`) becomes one `-`; case is
 * kept, since Docker tags and ECR allow it and `Fix` and `fix` are different branches. A name
 * too long to fit is cut and ends with a hash of the whole name, so two long branches that
 * share a prefix keep apart caches.
 */
export function cacheTag(branch: string): string {
  const cleaned = branch.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const tag = `${CACHE_TAG_PREFIX}${cleaned}`;
  if (tag.length <= MAX_TAG) return tag;
  const hash = createHash('sha256').update(branch).digest('hex').slice(0, HASH_LENGTH);
  return `${tag.slice(0, MAX_TAG - HASH_LENGTH - 1)}-${hash}`;
}

export function isCacheTag(tag: string): boolean {
  return tag.startsWith(CACHE_TAG_PREFIX);
}

export function registryCacheFrom(image: string, tag: string): string {
  return `type=registry,ref=${image}:${tag}`;
}

export function registryCacheTo(image: string, tag: string): string {
  return `type=registry,ref=${image}:${tag},mode=max,image-manifest=true,oci-mediatypes=true`;
}

/**
 * Which caches this build reads and writes. A branch reads and writes its own tag and also
 * reads the default branch's; tags and releases (no branch) read the default branch's and
 * write none, as do pull requests from forks (their code must not seed the cache that trusted
 * builds read). The export is dropped, with one warning each, where ECR would refuse the
 * moving tag (an immutable tag without an exclusion) or where the builder cannot export (the
 * docker driver); the build then still reads what exists.
 */
export function planEcrCache(input: CachePlanInput): CachePlan {
  const plan: CachePlan = { from: [], to: [], warnings: [], notes: [] };
  const own = input.branch !== undefined ? cacheTag(input.branch) : undefined;
  const main = input.defaultBranch !== undefined ? cacheTag(input.defaultBranch) : undefined;
  for (const tag of [own, main]) {
    if (tag !== undefined && !plan.from.includes(registryCacheFrom(input.image, tag))) {
      plan.from.push(registryCacheFrom(input.image, tag));
    }
  }
  if (main === undefined) {
    plan.notes.push(
      `cache: ecr: the event payload names no default branch (repository.default_branch), so ${own ? 'only this branch’s cache is read' : 'no cache is read'}.`,
    );
  }
  if (own === undefined) {
    plan.notes.push('cache: ecr: a tag or release build reads the default branch’s cache and writes none.');
    return plan;
  }
  if (input.fromFork) {
    plan.notes.push('cache: ecr: a pull request from a fork reads the cache and writes none.');
    return plan;
  }
  let writable = true;
  if (!canMoveTag(input.repository, own)) {
    writable = false;
    plan.warnings.push(
      `cache: ecr: repository ${input.repository.name} is ${input.repository.tagMutability}${input.repository.exclusions.length > 0 ? ` (exclusions: ${input.repository.exclusions.join(', ')})` : ''}, ` +
        `so the cache tag ${own}, which moves on every build, cannot be written: this build reads the cache and does not export it. ` +
        `To keep a cache, make the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${CACHE_EXCLUSION_FILTER}".`,
    );
  }
  if (input.driver === 'docker') {
    writable = false;
    plan.warnings.push(
      'cache: ecr: the builder uses the docker driver, which cannot export a registry cache: this build reads the cache and does not export it. ' +
        'To write the cache, build with a docker-container builder (docker/setup-buildx-action) and pass its name in "builder".',
    );
  }
  if (writable) {
    plan.to.push(registryCacheTo(input.image, own));
    plan.writeTag = own;
  }
  return plan;
}

export interface CreationSettings {
  tagMutability: RepositoryInfo['tagMutability'];
  tagMutabilityExclusions: string[];
}

/**
 * How a repository that `create-repository` makes is set up when it holds the cache: an
 * IMMUTABLE one becomes IMMUTABLE_WITH_EXCLUSION with `buildcache-*`, so the cache tag can
 * move while every image tag stays immutable; IMMUTABLE_WITH_EXCLUSION gets the filter added
 * when none of its own lets the cache tag move. `note` says what was changed, for the log.
 */
export function creationWithCache(settings: CreationSettings): CreationSettings & { note?: string } {
  const { tagMutability, tagMutabilityExclusions } = settings;
  const probe = `${CACHE_TAG_PREFIX}x`;
  if (tagMutability === 'IMMUTABLE') {
    return {
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: [CACHE_EXCLUSION_FILTER],
      note: `cache: ecr: creating the repository IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${CACHE_EXCLUSION_FILTER}" (tag-mutability IMMUTABLE), so the cache tag can move and image tags cannot.`,
    };
  }
  if (tagMutability === 'IMMUTABLE_WITH_EXCLUSION' && !canMoveTag({ tagMutability, exclusions: tagMutabilityExclusions }, probe)) {
    return {
      tagMutability,
      tagMutabilityExclusions: [...tagMutabilityExclusions, CACHE_EXCLUSION_FILTER],
      note: `cache: ecr: adding the exclusion filter "${CACHE_EXCLUSION_FILTER}" to the new repository's, so the cache tag can move.`,
    };
  }
  return settings;
}
