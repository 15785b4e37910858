// Phase: each image's repository, found (or created when asked) side by side, its lifecycle
// policy applied, and its SHA tag's image looked up for skip-existing. None of this needs the
// docker login: it starts once docker's process has (startLookups), runs beside it, and is
// awaited and written to the log in its own group afterwards (lookUpRepositories).
import * as core from '../util/actions-core.js';
import { creationWithCache } from '../buildx/cache.js';
import { findImageByTag, type ExistingImage } from '../ecr/images.js';
import { applyLifecyclePolicy, ensureRepository } from '../ecr/repository.js';
import type { ImageSpec } from '../inputs/types.js';
import { isIndex } from '../shared/manifest.js';
import type { RepositoryInfo } from '../shared/tag-mutability.js';
import { computeTagPlan, type TagPlan } from '../tags/plan.js';
import { background } from '../util/promises.js';
import { attestsBeside } from './attestations.js';
import { labelFor, layoutOf } from './label.js';
import type { Builder, EcrClient, ImageRun, Step } from './types.js';

/** The tags of one image (registry/repository `image`; undefined before the login, to check the inputs). */
export function planTags(step: Pick<Step, 'inputs' | 'facts'>, spec: ImageSpec, image: string | undefined): TagPlan {
  const { shaTag, releaseTags, latest, tags } = step.inputs;
  return computeTagPlan(step.facts, { shaTag, releaseTags, latest, tags, repository: spec.repository }, image);
}

/** An image's look-ups, started: its repository, then its SHA tag's image. */
export interface Lookup {
  spec: ImageSpec;
  repository: Promise<RepositoryInfo>;
  existing?: Promise<ExistingImage | undefined>;
}

/**
 * Starts every image's look-ups at once. A re-run reuses an existing single-platform image, whose
 * platform only the builder can name: then the builder is asked now, alongside the login.
 */
export function startLookups(step: Step, client: EcrClient, builder: Pick<Builder, 'start'>, registry: string): Lookup[] {
  const { inputs } = step;
  const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;
  return inputs.images.map((spec) => {
    const settings = { ...inputs, repository: spec.repository, ...(creation ?? {}) };
    const repository = background(ensureRepository(client, settings, registry));
    const candidate = planTags(step, spec, undefined).candidate;
    const existing = candidate
      ? background(
          repository.then(async (info) => {
            const found = await findImageByTag(client, { repositoryName: info.name, registryId: inputs.registryId }, candidate);
            if (found && inputs.skipExisting && spec.platforms.length !== 1 && !isIndex(found.mediaType, {})) builder.start();
            return found;
          }),
        )
      : undefined;
    return { spec, repository, existing };
  });
}

/** The repositories, awaited and written to the log; each image's run, its tags planned. */
export async function lookUpRepositories(step: Step, client: EcrClient, registry: string, lookups: Lookup[]): Promise<ImageRun[]> {
  const { inputs } = step;
  const one = layoutOf(inputs) === 'one';
  step.progress.phase = one ? `looking up repository ${inputs.images[0]!.repository}` : 'looking up the repositories';
  const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;
  const title = one ? `Repository ${inputs.images[0]!.repository}` : `Repositories (${lookups.length})`;
  const images = await core.group(title, async () =>
    Promise.all(
      lookups.map(async ({ spec, repository: lookup, existing }): Promise<ImageRun> => {
        const repository = await lookup;
        const say = labelFor(inputs, { spec });
        if (repository.created && creation?.note) core.info(say(creation.note));
        core.info(
          say(
            `${repository.created ? 'Created' : 'Found'} ${repository.name}: scan-on-push ${repository.scanOnPush ? 'on' : 'off'}, tags ${repository.tagMutability}.`,
          ),
        );
        if (inputs.lifecyclePolicy) await applyLifecyclePolicy(client, repository, inputs.lifecyclePolicy.text);
        const image = `${registry}/${spec.repository}`;
        return {
          spec,
          image,
          ref: { repositoryName: repository.name, registryId: inputs.registryId },
          repository,
          plan: planTags(step, spec, image),
          ...(existing ? { existing } : {}),
        };
      }),
    ).then(async (runs) => {
      if (inputs.lifecyclePolicy) {
        core.info(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}${one ? '' : ' to each repository'}.`);
        // ECR's lifecycle rules exempt no artifact with a subject: one warning, whatever the number of repositories.
        const beside = [attestsBeside(inputs) ? 'the SBOM and provenance' : '', inputs.signingKey ? 'the signatures' : ''].filter(Boolean);
        const warning =
          beside.length > 0
            ? (await import('../attest/lifecycle.js')).lifecycleWarning(inputs.lifecyclePolicy.text, beside.join(' and '))
            : undefined;
        if (warning) core.warning(warning);
      }
      return runs;
    }),
  );
  return images;
}
