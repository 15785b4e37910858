// Phase: the candidate images. Each image whose SHA tag already names an image reuses it
// (skip-existing); the others are built and pushed in one buildx run: `docker buildx build` for
// one image named by `repository`, one `docker buildx bake` for an images list or a bake file
// (one BuildKit session: stages the images share are built once). With attestations: referrers,
// each image's attestations are then pushed beside it and its SHA tag written on the image
// without them.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import type { BuildOutput, BuildRequest } from '../buildx/argv.js';
import type { BakeTarget } from '../buildx/bake.js';
import { NO_CACHE, type CacheSpecs } from '../buildx/cache.js';
import { defaultLabels, mergeLabels } from '../buildx/labels.js';
import type { BuildResult } from '../buildx/metadata.js';
import { runBake, runBuild } from '../buildx/run.js';
import { manifestReader, putTag, type ExistingImage } from '../ecr/images.js';
import type { ImageSpec, Inputs } from '../inputs/types.js';
import { canMoveTag } from '../shared/tag-mutability.js';
import type { TagPlan } from '../tags/plan.js';
import type { Runner } from '../util/exec.js';
import { attestsBeside } from './attestations.js';
import { ecrCache } from './builder.js';
import { metadataNeeded } from './policy.js';
import { imageNames, labelFor, layoutOf } from './label.js';
import type { Candidate, ImageRun, Session, Step } from './types.js';

/**
 * Builds and pushes what is not there yet. `run`: the runner for buildx (main passes one that
 * also loads the report's renderers once buildx has started, when this process only waits).
 */
export async function buildImages(step: Step, session: Session, images: ImageRun[], run: Runner = step.deps.run): Promise<void> {
  const { inputs } = step;
  step.progress.phase = 'building and pushing';
  await core.group('Build and push', async () => {
    // skip-existing per image: a re-run builds only what is missing.
    await Promise.all(
      images.map(async (image) => {
        if (image.plan.candidate) image.candidate = reuseExisting(await image.existing, step, image);
      }),
    );
    const toBuild = images.filter((image) => !image.candidate);
    if (toBuild.length === 0) {
      if (layoutOf(inputs) === 'several') core.info('Every image exists already: nothing to build.');
      return;
    }
    const requests = new Map<ImageRun, BuildRequest>();
    for (const image of toBuild) {
      const cache = await ecrCache(
        { cache: inputs.cache, facts: step.facts, image: image.image, repository: image.repository, builder: session.builder },
        labelFor(inputs, image),
      );
      requests.set(image, buildRequest(step, image.spec, { output: pushOutput(inputs, image.plan, image.image), cache }));
    }
    const results = await runBuilds(
      step,
      toBuild.map((image) => ({ spec: image.spec, request: requests.get(image)! })),
      run,
    );
    for (const image of toBuild) {
      const result = results.get(image.spec.name);
      if (!result) throw new Error(`buildx pushed nothing for ${image.image}.`);
      image.candidate = attestsBeside(inputs) ? await attestBeside(step, session, image, result) : pushed(step, image, result);
    }
  });
}

/** push: false (e.g. a fork's pull request): every image built, nothing pushed, no AWS call. */
export async function buildOnly(step: Step): Promise<void> {
  const { inputs } = step;
  // Without a login the registry is unknown, and so is the cache's reference.
  if (inputs.cache === 'ecr') core.info('cache: ecr is not used with push: false (no registry login).');
  step.progress.phase = 'building';
  const title =
    layoutOf(inputs) === 'one' ? 'Build (push: false)' : `Build ${imageNames(inputs.images.map((spec) => ({ spec })))} (push: false)`;
  await core.group(title, async () => {
    const builds = inputs.images.map((spec) => ({ spec, request: buildRequest(step, spec, { output: { kind: 'none' } }) }));
    await runBuilds(step, builds, step.deps.run);
  });
}

/** One image: `docker buildx build`; several, or a bake file: one `docker buildx bake`. Each result by image name. */
async function runBuilds(
  step: Step,
  builds: Array<{ spec: ImageSpec; request: BuildRequest }>,
  run: Runner,
): Promise<Map<string, BuildResult>> {
  const { inputs, tempDir, workspace } = step;
  if (layoutOf(inputs) === 'one') {
    const [{ spec, request }] = builds as [(typeof builds)[number]];
    const result = await runBuild(request, run);
    return new Map(result ? [[spec.name, result]] : []);
  }
  if (builds.some((build) => build.request.output.kind !== 'none')) core.info(`Building ${imageNames(builds)} in one docker buildx bake.`);
  const targets: BakeTarget[] = builds.map(({ spec, request }) => ({ name: spec.name, request, base: spec.bake }));
  return runBake(
    targets,
    {
      file: path.join(tempDir, 'bake.json'),
      metadataFile: path.join(tempDir, 'bake-metadata.json'),
      builder: inputs.builder,
      absolute: (file) => path.resolve(workspace, file),
      helpers: inputs.bakeHelpers,
    },
    run,
  );
}

function pushed(step: Step, image: ImageRun, result: BuildResult): Candidate {
  core.info(labelFor(step.inputs, image)(`Pushed ${image.image}@${result.digest}.`));
  return { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false, metadata: result.raw };
}

/** What buildx is asked for one image: the step's build settings, the image's, our labels, the caches, the output. */
export function buildRequest(
  step: Pick<Step, 'inputs' | 'facts' | 'tempDir'>,
  spec: ImageSpec,
  options: { output: BuildOutput; cache?: CacheSpecs },
): BuildRequest {
  const { inputs, facts, tempDir } = step;
  const { output, cache = NO_CACHE } = options;
  const { secrets, provenance, sbom, sbomGenerator, attestations, builder, noCache, pull } = inputs;
  return {
    context: spec.context,
    file: spec.file,
    buildArgs: spec.buildArgs,
    target: spec.target,
    platforms: spec.platforms,
    secrets,
    provenance,
    sbom,
    sbomGenerator,
    attestations,
    builder,
    noCache,
    pull,
    cacheFrom: [...inputs.cacheFrom, ...cache.from],
    cacheTo: [...inputs.cacheTo, ...cache.to],
    labels: mergeLabels(inputs.labels, defaultLabels(facts, new Date())),
    output,
    metadataFile: path.join(tempDir, 'build-metadata.json'),
    metadataExtras: metadataNeeded(inputs.policy.rules),
  };
}

/** Where buildx pushes: under the SHA tag, or by digest (sha-tag: false, or the attestations' index to read apart). */
export function pushOutput(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attestations'>, plan: TagPlan, image: string): BuildOutput {
  if (attestsBeside(inputs)) return { kind: 'push-digest', name: image, referrers: true };
  return plan.candidate ? { kind: 'push-tag', reference: `${image}:${plan.candidate}` } : { kind: 'push-digest', name: image };
}

/**
 * The SHA tag's image, when there is one: reused with skip-existing; otherwise an error now when
 * the repository's tags cannot be moved (the push would fail); undefined: build.
 */
export function reuseExisting(
  existing: ExistingImage | undefined,
  step: Pick<Step, 'inputs'>,
  image: Pick<ImageRun, 'spec' | 'repository' | 'plan' | 'image'>,
): Candidate | undefined {
  const { repository, plan } = image;
  if (!existing || !plan.candidate) return undefined;
  if (step.inputs.skipExisting) {
    core.info(
      labelFor(
        step.inputs,
        image,
      )(`${image.image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`),
    );
    return { digest: existing.digest, mediaType: existing.mediaType, reused: true };
  }
  if (!canMoveTag(repository, plan.candidate)) {
    throw new Error(
      `Tag ${plan.candidate} already exists in ${repository.name} on ${existing.digest}, and the repository's tags are ${repository.tagMutability}: ` +
        'pushing would fail. Set skip-existing: true to reuse that image, or push under another tag.',
    );
  }
  return undefined;
}

/**
 * BuildKit's index (pushed by digest, attestations inside) → the attestations pushed beside the
 * image (src/attest/push.ts), then the SHA tag written on the image without them, the way
 * promotion writes tags (PutImage), so a refused attestation leaves the tags as they were.
 */
async function attestBeside(step: Step, session: Session, image: ImageRun, result: BuildResult): Promise<Candidate> {
  const pushedDigest = result.digest;
  const { client } = session;
  const { ref, plan } = image;
  const say = labelFor(step.inputs, image);
  const [{ Registry }, { pushAttestationsBeside }] = await Promise.all([import('../attest/registry.js'), import('../attest/push.js')]);
  const attested = await pushAttestationsBeside({
    manifests: manifestReader(client, ref),
    registry: new Registry(session.login),
    pushed: pushedDigest,
    created: new Date().toISOString(),
    log: (message) => core.info(say(message)),
  });
  if (plan.candidate) await putTag(client, ref, attested.manifest, plan.candidate);
  core.info(
    say(
      `Pushed ${image.image}@${attested.manifest.digest}${plan.candidate ? ` as ${plan.candidate}` : ''}: platform manifests only ` +
        `(BuildKit's own index, with the attestations inside, stays untagged: ${pushedDigest}).`,
    ),
  );
  const single = attested.platforms.length === 1 ? attested.platforms[0]!.platform : undefined;
  return {
    digest: attested.manifest.digest,
    mediaType: attested.manifest.mediaType,
    platform: single,
    reused: false,
    attested,
    metadata: result.raw,
  };
}
