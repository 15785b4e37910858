// Promote on pass: after the gate, write the release tags, the floating tags and the extra
// tags by copying the candidate's manifest (BatchGetImage → PutImage), never by pushing again.
import type { ECRClient } from '@aws-sdk/client-ecr';
import { listTags, putTag, type ImageRef, type Manifest } from './ecr/images.js';
import type { RepositoryInfo } from './ecr/repository.js';
import { moveFloatingTags, type LatestMode, type Promotion, type TagPlan } from './tags/plan.js';
import { errorName } from './util/errors.js';

export interface PromotionResult {
  /** Tags that now point at this image (written now, or already there). */
  written: string[];
  heldBack: Array<{ tag: string; reason: string }>;
  warnings: string[];
}

const FLOATING = new Set<Promotion['kind']>(['minor', 'major', 'latest']);

export async function promoteTags(
  client: Pick<ECRClient, 'send'>,
  ref: ImageRef,
  repository: RepositoryInfo,
  plan: TagPlan,
  latestMode: LatestMode,
  /** The candidate's manifest, as read after the push: copied, never fetched again. */
  manifest: Manifest,
): Promise<PromotionResult> {
  const digest = manifest.digest;
  const result: PromotionResult = { written: [], heldBack: [], warnings: [] };
  if (plan.promotions.length === 0) return result;

  const existing = await listTags(client, ref);
  const { write, held } = moveFloatingTags(plan, [...existing.keys()], latestMode);
  for (const promotion of held) result.heldBack.push({ tag: promotion.tag, reason: `not moved: ${promotion.reason}` });

  for (const promotion of write) {
    if (existing.get(promotion.tag) === digest) {
      result.written.push(promotion.tag); // a re-run: already there
      continue;
    }
    try {
      await putTag(client, ref, manifest, promotion.tag);
      result.written.push(promotion.tag);
    } catch (error) {
      if (errorName(error) !== 'ImageTagAlreadyExistsException') throw error;
      const current = existing.get(promotion.tag) ?? 'another image';
      if (FLOATING.has(promotion.kind) || promotion.kind === 'extra') {
        const message =
          `Tag "${promotion.tag}" was not moved to this image: repository ${repository.name} is ${repository.tagMutability} and the tag is on ${current}. ` +
          `To let it move, use tag-mutability IMMUTABLE_WITH_EXCLUSION with the exclusion filter "${promotion.tag}".`;
        result.warnings.push(message);
        result.heldBack.push({ tag: promotion.tag, reason: `immutable repository: the tag stays on ${current}` });
      } else {
        throw new Error(
          `Tag "${promotion.tag}" already exists in ${repository.name} on ${current}, and the repository is immutable: ` +
            'a release tag cannot be rewritten. Publish a new version, or remove the old tag first.',
          { cause: error },
        );
      }
    }
  }
  return result;
}
