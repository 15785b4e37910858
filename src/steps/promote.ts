// Phase: promote on pass. After the step's verdict, every image's release tags, floating tags
// and extra tags are written by copying its candidate's manifest (BatchGetImage → PutImage),
// never by pushing again; all or nothing: when the verdict holds them back, no image gets them.
import * as core from '../util/actions-core.js';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { getManifest, listTags, putTag, readTags, type ImageRef, type Manifest } from '../ecr/images.js';
import type { StepVerdict } from '../gate/verdict.js';
import { canMoveTag, type RepositoryInfo } from '../shared/tag-mutability.js';
import { floatingRepairs, moveFloatingTags, type FloatingRepair, type LatestMode, type Promotion, type TagPlan } from '../tags/plan.js';
import { errorName } from '../util/errors.js';
import { labelFor, layoutOf } from './label.js';
import type { ImageRun, Session, Step } from './types.js';

/** Writes each image's promotions when the verdict allows; what each image got, in `image.promoted`. */
export async function promoteImages(
  step: Step,
  session: Session,
  images: ImageRun[],
  verdict: Pick<StepVerdict, 'mayPromote' | 'heldBack'>,
): Promise<void> {
  const { inputs } = step;
  for (const image of images) image.promoted = { written: [], heldBack: verdict.heldBack.get(image.spec.name) ?? [] };
  if (!verdict.mayPromote) {
    // One image's report says what it held back; several images' lines say which held which.
    if (layoutOf(inputs) === 'several') {
      for (const image of images) {
        for (const held of image.promoted?.heldBack ?? []) core.info(`${image.spec.name}: held back ${held.tag}: ${held.reason}.`);
      }
    }
    return;
  }
  if (images.every((image) => image.plan.promotions.length === 0)) return;
  step.progress.phase = 'promoting tags';
  await core.group('Promote tags', async () => {
    for (const image of images) {
      if (image.plan.promotions.length === 0 || !image.manifest) continue;
      const say = labelFor(inputs, image);
      const result = await promoteTags(session.client, image.ref, image.repository, image.plan, inputs.latest, await image.manifest());
      for (const warning of result.warnings) core.warning(say(warning));
      if (result.written.length > 0) core.info(say(`Tagged ${result.written.join(', ')}.`));
      for (const moved of result.movedBack) {
        core.info(
          say(
            `Moved ${moved.tag} to ${moved.release} (${moved.digest}): a newer release was promoted while this run was; floating tags move forward only.`,
          ),
        );
      }
      for (const restored of result.restored) {
        core.info(
          say(
            `Put ${restored.tag} back on ${restored.release} (this release): ${restored.overtook}, an older release promoted at the same time, had moved it; floating tags move forward only.`,
          ),
        );
      }
      for (const held of result.heldBack)
        if (!result.movedBack.some((m) => m.tag === held.tag)) core.info(say(`Held back ${held.tag}: ${held.reason}.`));
      image.promoted = { written: result.written, heldBack: result.heldBack };
    }
  });
}

export interface PromotionResult {
  /** Tags that now point at this image (written now, or already there). */
  written: string[];
  heldBack: Array<{ tag: string; reason: string }>;
  warnings: string[];
  /** Floating tags this run wrote and then pointed at a newer release promoted meanwhile. */
  movedBack: FloatingRepair[];
  /** Floating tags this run wrote, an older release's run overwrote, and this run put back. */
  restored: FloatingRepair[];
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
  const result: PromotionResult = { written: [], heldBack: [], warnings: [], movedBack: [], restored: [] };
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
  await repairFloatingTags(client, ref, repository, plan, latestMode, manifest, result);
  return result;
}

/** Enough rounds for releases that keep landing while this run repairs; each round is one ListImages. */
const REPAIR_ROUNDS = 3;

/**
 * Floating tags move forward only, whatever overlaps. ECR has no compare-and-swap for a tag: two
 * releases promoted at once each list the tags, each find their release the highest, and the
 * lower one's write can land last. So once this run's floating tags are written, the tags are
 * read again, and each that a higher release's line now claims goes to that release's image (a
 * copy of the manifest its own tag names); when this run's release is the highest and a lower
 * release's write landed after this run's, the tag comes back to this image. Whichever run writes
 * a floating tag last reads the tags after that write, so the last writer repairs what any other
 * got wrong; a repair is itself a write, so the tags are read again after it (a third release
 * may have landed meanwhile) until nothing is left to repair. Where the floating tags point now
 * is read as a pull reads it (BatchGetImage by tag), not from ListImages, which may still show a
 * tag where it was before the other run's write: ListImages only says which releases exist. In a
 * repository whose tags cannot move, a floating tag is held back as before, and nothing is
 * repaired.
 */
async function repairFloatingTags(
  client: Pick<ECRClient, 'send'>,
  ref: ImageRef,
  repository: RepositoryInfo,
  plan: TagPlan,
  latestMode: LatestMode,
  manifest: Manifest,
  result: PromotionResult,
): Promise<void> {
  const ours = plan.promotions
    .filter((p) => FLOATING.has(p.kind) && result.written.includes(p.tag) && canMoveTag(repository, p.tag))
    .map((p) => p.tag);
  if (ours.length === 0) return;
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const [listed, pointing] = await Promise.all([listTags(client, ref), readTags(client, ref, ours)]);
    const tagsNow = new Map(listed);
    for (const tag of ours) {
      const digest = pointing.get(tag);
      if (digest === undefined) tagsNow.delete(tag);
      else tagsNow.set(tag, digest);
    }
    const repairs = floatingRepairs(plan, ours, tagsNow, latestMode, manifest.digest);
    if (repairs.length === 0) return;
    for (const repair of repairs) {
      if (repair.overtook !== undefined) {
        await putTag(client, ref, manifest, repair.tag);
        result.restored = [...result.restored.filter((restored) => restored.tag !== repair.tag), repair];
        continue;
      }
      await putTag(client, ref, await getManifest(client, ref, repair.digest), repair.tag);
      result.written = result.written.filter((tag) => tag !== repair.tag);
      result.heldBack = result.heldBack.filter((held) => held.tag !== repair.tag);
      result.heldBack.push({ tag: repair.tag, reason: `moved to ${repair.release}: a newer release, promoted while this run was` });
      result.movedBack = [...result.movedBack.filter((moved) => moved.tag !== repair.tag), repair];
    }
  }
}
