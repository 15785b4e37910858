// Phase: ECR's scans of every image, waited for at once under one deadline (scan-timeout, from
// the moment the phase starts), each platform manifest polled by digest, at most one status check
// a second per repository (src/scan/pace.ts); the base image's findings (compare: base) read
// beside each image's scan; Amazon Inspector's scores (epss-threshold) once its findings are in;
// then each image's findings judged (gate/verdict.ts decideImage). What the step does with them
// is decideStep's.
import * as core from '../util/actions-core.js';
import { decideImage, type BaseFindings } from '../gate/verdict.js';
import { utcDay } from '../gate/ignore.js';
import type { VexImage } from '../gate/vex.js';
import { applyRisk } from '../inspector/risk-step.js';
import { CallPacer, repositoryKey } from '../scan/pace.js';
import { waitForFindings, type WaitOptions } from '../scan/poll.js';
import type { PlatformManifest } from '../shared/manifest.js';
import { toMessage } from '../util/errors.js';
import { readBaseFindings } from './base-image.js';
import { labelFor, layoutOf } from './label.js';
import type { ImageRun, ScannedImage, Session, Step } from './types.js';

export async function scanImages(step: Step, session: Session, images: ImageRun[]): Promise<void> {
  const { inputs, deps } = step;
  step.progress.phase = "waiting for ECR's scan";
  const deadline = deps.clock.now() + inputs.scanTimeoutSeconds * 1000;
  const pacer = new CallPacer(deps.clock, deps.sleep);
  const platformCount = images[0]?.platforms?.length ?? 0;
  const title =
    layoutOf(inputs) === 'one'
      ? `Wait for ECR's scan (${platformCount} platform${platformCount === 1 ? '' : 's'})`
      : `Wait for ECR's scans (${images.length} images)`;
  await core.group(title, () =>
    Promise.all(
      images.map(async (image) => {
        image.scanned = await scanImage(step, session, image, { deadline, pacer });
      }),
    ),
  );
}

/** One image: its scan (and its base image's), its risk scores, its findings judged. */
async function scanImage(
  step: Step,
  session: Session,
  image: ImageRun,
  shared: { deadline: number; pacer: CallPacer },
): Promise<ScannedImage> {
  const { inputs, deps } = step;
  const { ref, platforms } = image;
  if (!platforms) throw new Error(`internal: ${image.spec.name} has no platform manifests to scan`);
  const say = labelFor(inputs, image);
  const key = repositoryKey(ref);
  const waitOptions: Omit<WaitOptions, 'platforms' | 'scanOnPush'> = {
    client: session.client,
    ref,
    // One deadline for every image of the step: the phase started them together.
    timeoutMs: Math.max(0, shared.deadline - deps.clock.now()),
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    log: { info: (m) => core.info(say(m)), warning: (m) => core.warning(say(m)) },
    pace: (signal) => shared.pacer.turn(key, signal),
  };
  // The base image (compare: base) is read while this image's scan runs, within the same deadline;
  // Amazon Inspector's scores (epss-threshold) once this image's findings are in.
  const [risk, base] = await Promise.all([
    waitForFindings({ ...waitOptions, platforms, scanOnPush: image.repository.scanOnPush }).then((scans) =>
      applyRisk(scans, {
        epssThreshold: inputs.epssThreshold,
        failOnExploitable: inputs.failOnExploitable,
        region: inputs.awsRegion,
        repositoryName: ref.repositoryName,
        registryId: inputs.registryId,
        client: deps.createInspectorClient,
      }),
    ),
    readBase(step, waitOptions, platforms),
  ]);
  for (const note of risk.notes) core.warning(say(note));
  const verdict = decideImage({
    scans: risk.scans,
    base,
    ignores: {
      ids: inputs.ignore,
      entries: inputs.ignoreFile?.entries ?? [],
      ignoreUnfixed: inputs.ignoreUnfixed,
      today: utcDay(new Date()),
      ...(inputs.vex.length > 0 ? { vex: { statements: inputs.vex, image: vexImage(image, platforms) } } : {}),
    },
    gate: { threshold: inputs.severityThreshold, mode: inputs.gate, onIncomplete: inputs.onScanIncomplete, ...risk.gate },
  });
  for (const expired of verdict.expired) {
    const matched = expired.matched > 0 ? ` (${expired.matched} finding${expired.matched === 1 ? '' : 's'})` : '';
    core.warning(say(`The ignore for ${expired.id} expired on ${expired.expires} ("${expired.reason}"): it counts again${matched}.`));
  }
  if (verdict.comparison?.note) core.info(say(verdict.comparison.note));
  return { scans: risk.scans, verdict, risk };
}

/** The image as the `vex` input's statements name it: its repository (with and without the registry) and its digests. */
function vexImage(image: ImageRun, platforms: readonly PlatformManifest[]): VexImage {
  const repository = image.ref.repositoryName;
  const registry = image.image.endsWith(`/${repository}`) ? image.image.slice(0, -repository.length - 1) : undefined;
  return {
    ...(registry ? { registry } : {}),
    repository,
    ...(image.candidate ? { digest: image.candidate.digest } : {}),
    platformDigests: Object.fromEntries(platforms.map((p) => [p.platform, p.digest])),
  };
}

/**
 * The base image's findings, on pull_request events with compare: base. A base that cannot be
 * read is a note, never a failure: without it, gate: new falls back to the stricter gate: all.
 */
async function readBase(
  step: Pick<Step, 'inputs' | 'facts'>,
  waitOptions: Omit<WaitOptions, 'platforms' | 'scanOnPush'>,
  platforms: PlatformManifest[],
): Promise<BaseFindings | undefined> {
  const { inputs, facts } = step;
  const pr = facts.pullRequest;
  if (inputs.compare !== 'base' || !pr) return undefined;
  try {
    return await readBaseFindings({
      ...waitOptions,
      // Never spend the base image's once-a-day manual scan: it was scanned when it was pushed.
      scanOnPush: true,
      baseSha: pr.baseSha,
      shaTag: inputs.shaTag,
      singlePlatform: platforms.length === 1 ? platforms[0]!.platform : undefined,
      gate: inputs.gate,
    });
  } catch (error) {
    return {
      available: false,
      baseSha: pr.baseSha,
      note: `The base image could not be read (${toMessage(error)}): comparison skipped${inputs.gate === 'new' ? ' (gate: new falls back to all)' : ''}.`,
    };
  }
}
