// Phase: promote on pass. After the step's verdict, every image's release tags, floating tags
// and extra tags are written by copying its candidate's manifest (BatchGetImage → PutImage),
// never by pushing again; all or nothing: when the verdict holds them back, no image gets them.
import * as core from '../util/actions-core.js';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { listTags, putTag, type ImageRef, type Manifest } from '../ecr/images.js';
import type { StepVerdict } from '../gate/verdict.js';
import type { RepositoryInfo } from '../shared/tag-mutability.js';
import { moveFloatingTags, type LatestMode, type Promotion, type TagPlan } from '../tags/plan.js';
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
      for (const held of result.heldBack) core.info(say(`Held back ${held.tag}: ${held.reason}.`));
      image.promoted = { written: result.written, heldBack: result.heldBack };
    }
  });
}

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
