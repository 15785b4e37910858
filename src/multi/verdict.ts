// Pure: one verdict over the images of a multi-image step (issue 23). Each image's own verdict
// (src/gate/verdict.ts) decides its findings; this decides the step: it fails when any image
// fails, and promotion is all or nothing: no image gets its release tags or `latest` while
// another one failed (a release is the set of images, not one of them), and each held-back
// tag says which image held it.
import { HELD_BY_GATE, type ScanVerdict } from '../gate/verdict.js';

export interface ImageVerdict {
  name: string;
  /** Undefined: scan: false (nothing decided: it never holds the others back). */
  verdict?: ScanVerdict;
  /** The tags promotion would write for this image after a pass. */
  promotions: ReadonlyArray<{ tag: string }>;
}

export interface StepVerdict {
  /** The step fails: some image's gate failed. */
  fails: boolean;
  /** An image's scan was incomplete, with on-scan-incomplete: warn (the step warns). */
  incomplete: boolean;
  /** One sentence naming the images that failed (or that all passed). */
  reason: string;
  /** Every image may be promoted. */
  mayPromote: boolean;
  /** Per image, the tags held back and why. */
  heldBack: Map<string, Array<{ tag: string; reason: string }>>;
  failed: string[];
}

export function decideStep(images: readonly ImageVerdict[]): StepVerdict {
  const failed = images.filter((image) => image.verdict?.decision.fails).map((image) => image.name);
  const incomplete = images.some((image) => image.verdict?.decision.verdict === 'incomplete' && !image.verdict.decision.fails);
  const mayPromote = images.every((image) => image.verdict === undefined || image.verdict.mayPromote);
  const heldBack = new Map<string, Array<{ tag: string; reason: string }>>();
  for (const image of images) {
    const own = image.verdict?.decision.fails === true;
    heldBack.set(
      image.name,
      mayPromote ? [] : image.promotions.map((p) => ({ tag: p.tag, reason: own ? HELD_BY_GATE : `the gate failed on ${names(failed)}` })),
    );
  }
  const held = [...heldBack.values()].some((tags) => tags.length > 0);
  const reason =
    failed.length > 0
      ? `${failed.length} of ${images.length} images failed the gate (${names(failed)})${held ? ': no image was promoted' : ''}.`
      : `All ${images.length} images passed the gate.`;
  return { fails: failed.length > 0, incomplete, reason, mayPromote, heldBack, failed };
}

function names(list: string[]): string {
  return list.map((name) => `"${name}"`).join(', ');
}
