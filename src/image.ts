// The candidate image: the SHA tag's existing image reused (skip-existing), or a fresh build
// pushed by buildx; then its platform manifests, read back from the registry.
import * as core from './util/actions-core.js';
import type { ECRClient } from '@aws-sdk/client-ecr';
import * as path from 'node:path';
import type { EventFacts } from './github/event.js';
import type { ImageSpec, Inputs as StepInputs } from './inputs/types.js';
import type { TagPlan } from './tags/plan.js';
import { canMoveTag, type RepositoryInfo } from './shared/tag-mutability.js';
import { findImageByTag, getManifest, putTag, type ExistingImage, type ImageRef, type Manifest } from './ecr/images.js';
import type { RegistryLogin } from './ecr/auth.js';
import type { AttestedImage } from './attest/push.js';
import type { AttestationKind } from './attest/layout.js';
import { isIndex, platformManifests, type PlatformManifest } from './shared/manifest.js';
import { defaultLabels, mergeLabels } from './buildx/labels.js';
import { inspectBuilder, runBuild, type BuilderInfo } from './buildx/run.js';
import type { BuildOutput, BuildRequest } from './buildx/argv.js';
import { NO_CACHE, planEcrCache, type CacheSpecs } from './buildx/cache.js';
import { runCommand, type Runner } from './util/exec.js';

type Client = Pick<ECRClient, 'send'>;

/**
 * One image's inputs: the step's, with the image's repository and build in place. Transitional,
 * while one image and several still run through two orchestrators.
 */
export type Inputs = StepInputs & Omit<ImageSpec, 'name' | 'bake'>;

export function imageInputs(inputs: StepInputs, spec: ImageSpec): Inputs {
  const { repository, context, file, target, buildArgs, platforms } = spec;
  return { ...inputs, repository, context, file, target, buildArgs, platforms };
}

export interface Candidate {
  digest: string;
  mediaType?: string;
  /** Platform of a single-platform build, when buildx said. */
  platform?: string;
  /** The build was skipped because the SHA tag already pointed at an image. */
  reused: boolean;
  /** attestations: referrers: the image without its attestations, and the attestations pushed beside it. */
  attested?: AttestedImage;
}

/** The attestation kinds the inputs ask for (sbom, provenance). */
export function attestationKinds(inputs: Pick<Inputs, 'sbom' | 'provenance'>): AttestationKind[] {
  return [...(inputs.sbom ? (['sbom'] as const) : []), ...(inputs.provenance !== 'false' ? (['provenance'] as const) : [])];
}

/** Attestations pushed beside the image (OCI referrers) rather than inside its index. */
export function attestsBeside(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'attestations'>): boolean {
  return inputs.attestations === 'referrers' && attestationKinds(inputs).length > 0;
}

export interface BuildAndPushOptions {
  client: Client;
  ref: ImageRef;
  repository: RepositoryInfo;
  inputs: Inputs;
  facts: EventFacts;
  plan: TagPlan;
  /** registry/repository */
  image: string;
  tempDir: string;
  /** Cache specs added to the user's (cache: ecr), from ecrCache. */
  cache?: CacheSpecs;
  run?: Runner;
  /** The SHA tag's image, when it was looked up already (alongside the login). */
  existing?: Promise<ExistingImage | undefined>;
  /** The registry login: attestations: referrers writes through the registry's own API. */
  login?: RegistryLogin;
}

export async function buildAndPush(options: BuildAndPushOptions): Promise<Candidate> {
  const { client, ref, inputs, plan, image } = options;
  if (plan.candidate) {
    const reused = reuseExisting(await (options.existing ?? findImageByTag(client, ref, plan.candidate)), options);
    if (reused) return reused;
  }
  if (attestsBeside(inputs)) return buildWithReferrers(options);
  const result = await build({ ...options, output: pushOutput(inputs, plan, image) });
  if (!result) throw new Error('buildx pushed nothing.');
  core.info(`Pushed ${image}@${result.digest}.`);
  return { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false };
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
  options: Pick<BuildAndPushOptions, 'inputs' | 'repository' | 'plan' | 'image'>,
): Candidate | undefined {
  const { repository, inputs, plan, image } = options;
  if (!existing || !plan.candidate) return undefined;
  if (inputs.skipExisting) {
    core.info(`${image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`);
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
 * attestations: referrers: buildx pushes BuildKit's index by digest, untagged; the attestations
 * are pushed beside the image (src/attest/push.ts); then the SHA tag is written on the image
 * without them, the way promotion writes tags (PutImage), so a refused attestation leaves the
 * tags as they were.
 */
async function buildWithReferrers(options: BuildAndPushOptions): Promise<Candidate> {
  const { image } = options;
  if (!options.login) throw new Error('internal: attestations: referrers needs the registry login.');
  const result = await build({ ...options, output: pushOutput(options.inputs, options.plan, image) });
  if (!result) throw new Error('buildx pushed nothing.');
  return attestBeside(options, result.digest);
}

/**
 * BuildKit's index (pushed by digest, attestations inside) → the attestations pushed beside the
 * image, then the SHA tag written on the image without them.
 */
export async function attestBeside(
  options: Pick<BuildAndPushOptions, 'client' | 'ref' | 'plan' | 'image' | 'login'>,
  pushed: string,
): Promise<Candidate> {
  const { client, ref, plan, image } = options;
  if (!options.login) throw new Error('internal: attestations: referrers needs the registry login.');
  const [{ Registry }, { pushAttestationsBeside }] = await Promise.all([import('./attest/registry.js'), import('./attest/push.js')]);
  const attested = await pushAttestationsBeside({
    client,
    ref,
    registry: new Registry(options.login),
    pushed,
    created: new Date().toISOString(),
    log: (message) => core.info(message),
  });
  if (plan.candidate) await putTag(client, ref, attested.manifest, plan.candidate);
  core.info(
    `Pushed ${image}@${attested.manifest.digest}${plan.candidate ? ` as ${plan.candidate}` : ''}: platform manifests only ` +
      `(BuildKit's own index, with the attestations inside, stays untagged: ${pushed}).`,
  );
  const single = attested.platforms.length === 1 ? attested.platforms[0]!.platform : undefined;
  return { digest: attested.manifest.digest, mediaType: attested.manifest.mediaType, platform: single, reused: false, attested };
}

export interface BuildOptions {
  inputs: Inputs;
  facts: EventFacts;
  output: BuildOutput;
  /** Where buildx writes its metadata file. */
  tempDir: string;
  /** Cache specs added to the user's (cache: ecr), from ecrCache. */
  cache?: CacheSpecs;
  run?: Runner;
}

export async function build(options: BuildOptions) {
  return runBuild(buildRequest(options), options.run ?? runCommand);
}

/** What buildx is asked for one image: the inputs' build settings, our labels, the caches, the output. */
export function buildRequest(options: Omit<BuildOptions, 'run'>): BuildRequest {
  const { inputs, facts, output, tempDir, cache = NO_CACHE } = options;
  const { context, file, buildArgs, target, platforms, secrets, provenance, sbom, sbomGenerator, attestations, builder, noCache, pull } =
    inputs;
  return {
    context,
    file,
    buildArgs,
    target,
    platforms,
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
  };
}

/**
 * The candidate's platform manifests, and its manifest (the one ECR serves under the digest) for
 * promotion to copy under the other tags. An image index is read at once (its entries are the
 * platforms); a single-platform image that buildx described (digest, media type, platform) is
 * not read until a promotion needs it, which most runs (a branch push, a pull request) do not.
 */
export async function resolvePlatforms(
  client: Client,
  ref: ImageRef,
  inputs: Inputs,
  candidate: Candidate,
  builder: Pick<BuilderQuery, 'platform'>,
): Promise<{ manifest: () => Promise<Manifest>; platforms: PlatformManifest[] }> {
  if (candidate.attested) {
    const { manifest, platforms } = candidate.attested;
    return { manifest: () => Promise.resolve(manifest), platforms };
  }
  // A single manifest needs its platform named. buildx says it for what it pushed; for a reused
  // image (skip-existing) only the builder's default can, so it is asked alongside the read.
  const named = inputs.platforms.length === 1 ? inputs.platforms[0] : candidate.platform;
  const known = candidate.mediaType !== undefined && !isIndex(candidate.mediaType, {});
  if (known && named !== undefined && !candidate.reused) {
    let read: Promise<Manifest> | undefined;
    return {
      manifest: () => (read ??= getManifest(client, ref, candidate.digest)),
      platforms: [{ platform: named, digest: candidate.digest }],
    };
  }
  const early = named === undefined && (known || candidate.mediaType === undefined) ? builder.platform() : undefined;
  const manifest = await getManifest(client, ref, candidate.digest);
  const mediaType = manifest.mediaType ?? candidate.mediaType;
  const single = isIndex(mediaType, JSON.parse(manifest.text) as { manifests?: unknown })
    ? 'unknown'
    : (named ?? (await (early ?? builder.platform())));
  return { manifest: () => Promise.resolve(manifest), platforms: platformManifests(candidate.digest, manifest.text, mediaType, single) };
}

/**
 * `docker buildx inspect`, run at most once and only when something needs it (a CLI plugin
 * that also asks the builder: ~100 ms, on a 2-core runner not free even in parallel): the
 * driver, which cache: ecr must know before the build (can it export?), and the default
 * platform, which names a single-platform image buildx did not describe (a reused image, or a
 * builder whose metadata has no platform). A fresh build with cache: none never asks.
 */
export class BuilderQuery {
  private pending?: Promise<BuilderInfo>;

  constructor(
    private readonly inputs: Pick<Inputs, 'platforms' | 'builder'>,
    private readonly run: Runner = runCommand,
  ) {}

  /** Starts the inspect now (if not yet), so that it overlaps other work. */
  start(): void {
    void this.info();
  }

  /** The driver and default platform; never rejects (a failed inspect: linux/amd64, driver unknown). */
  info(): Promise<BuilderInfo> {
    const platform = this.inputs.platforms.length === 1 ? this.inputs.platforms[0] : undefined;
    this.pending ??= inspectBuilder(this.inputs.builder, this.run)
      .then((info) => ({ ...info, platform: platform ?? info.platform }))
      .catch(() => ({ platform: platform ?? 'linux/amd64' }));
    return this.pending;
  }

  /** The platform of a single-platform build: the `platforms` input's one, or the builder's default. */
  platform(): Promise<string> {
    if (this.inputs.platforms.length === 1) return Promise.resolve(this.inputs.platforms[0]);
    return this.info().then((info) => info.platform);
  }

  /** Whether the inspect has been started (for tests). */
  get asked(): boolean {
    return this.pending !== undefined;
  }
}

/** cache: ecr → the cache specs this build adds, its warnings and notes written to the log. */
export async function ecrCache(
  inputs: Pick<Inputs, 'cache'>,
  facts: Pick<EventFacts, 'branch' | 'defaultBranch' | 'pullRequest'>,
  image: string,
  repository: RepositoryInfo,
  builder: Pick<BuilderQuery, 'info'>,
): Promise<CacheSpecs> {
  if (inputs.cache !== 'ecr') return NO_CACHE;
  const plan = planEcrCache({
    image,
    branch: facts.branch,
    defaultBranch: facts.defaultBranch,
    fromFork: facts.pullRequest?.fromFork === true,
    repository,
    driver: (await builder.info()).driver,
  });
  for (const note of plan.notes) core.info(note);
  for (const warning of plan.warnings) core.warning(warning);
  const read = plan.from.map((spec) => spec.replace(/^.*:/, '')).join(', ');
  core.info(`cache: ecr: reading ${read || 'no cache'}${plan.writeTag ? `; writing ${plan.writeTag}` : ''}.`);
  return { from: plan.from, to: plan.to };
}
