// Pure: ECR's tag mutability, as every layer needs it: the settings, a repository's (as looked up),
// and whether a tag may move. ecr/repository.ts reads it from ECR; the build cache
// (buildx/cache.ts), promotion and skip-existing decide with it.
/** ECR's tag mutability settings (CreateRepository's imageTagMutability). */
export const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'] as const;
export type TagMutability = (typeof TAG_MUTABILITIES)[number];

/** A repository as the step found (or created) it. */
export interface RepositoryInfo {
  name: string;
  registryId: string;
  scanOnPush: boolean;
  tagMutability: TagMutability;
  /** Wildcard filters exempted from the repository's tag mutability setting. */
  exclusions: string[];
  created: boolean;
}

/** ECR's wildcard filters: `*` matches any run of characters, everything else itself. */
export function matchesFilter(tag: string, filter: string): boolean {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(tag);
}

/** Whether an existing tag may be moved to another image in this repository. */
export function canMoveTag(repository: Pick<RepositoryInfo, 'tagMutability' | 'exclusions'>, tag: string): boolean {
  const excluded = repository.exclusions.some((filter) => matchesFilter(tag, filter));
  switch (repository.tagMutability) {
    case 'MUTABLE':
      return true;
    case 'IMMUTABLE':
      return false;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return !excluded;
  }
}
