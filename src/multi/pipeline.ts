// Several images in one step (issue 23), in the order main.ts runs one: one login; the
// repositories looked up side by side; each SHA tag's image reused where it exists
// (skip-existing); one `docker buildx bake` for the rest (one BuildKit session: stages the
// images share are built once); their scans waited for at once; one verdict (src/multi/verdict.ts:
// promotion all or nothing); one report; outputs keyed by image name.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import type { ImageSpec, Inputs } from '../inputs/types.js';
import type { ActionOutputs } from '../outputs.js';
import { STATE } from '../state.js';
import type { EventFacts } from '../github/event.js';
import { computeTagPlan, type TagPlan } from '../tags/plan.js';
import { getRegistryLogin, type RegistryLogin } from '../ecr/auth.js';
import { dockerLogin } from '../ecr/docker-login.js';
import { applyLifecyclePolicy, ensureRepository, type RepositoryInfo } from '../ecr/repository.js';
import { findImageByTag, type ImageRef, type Manifest } from '../ecr/images.js';
import type { PlatformManifest } from '../shared/manifest.js';
import { creationWithCache } from '../buildx/cache.js';
import { runBake } from '../buildx/run.js';
import type { BakeTarget } from '../buildx/bake.js';
import {
  attestBeside,
  attestsBeside,
  buildRequest,
  BuilderQuery,
  ecrCache,
  imageInputs,
  pushOutput,
  resolvePlatforms,
  reuseExisting,
  type Candidate,
  type Inputs as ImageInputs,
} from '../image.js';
import { listAttestations, promote, reportBase, scanAndDecide, type Progress } from '../phases.js';
import { buildReport, gateSettings, skippedReport } from '../report/assemble.js';
import type { Report } from '../report/model.js';
import { decideStep, type ImageVerdict, type StepImage } from '../gate/verdict.js';
import type { Dependencies } from '../main.js';
import type { PlatformScan } from '../shared/finding.js';
import type { RiskStep } from '../inspector/risk-step.js';

/** One image of the step: its spec, the step's inputs with its own build and repository in them. */
interface Image {
  spec: ImageSpec;
  inputs: ImageInputs;
  image: string;
  ref: ImageRef;
  repository: RepositoryInfo;
  plan: TagPlan;
  candidate?: Candidate;
  manifest?: () => Promise<Manifest>;
  platforms?: PlatformManifest[];
  scanned?: { scans: PlatformScan[]; verdict: ImageVerdict; risk: RiskStep };
}

export interface StepContext {
  inputs: Inputs;
  facts: EventFacts;
  deps: Dependencies;
  outputs: ActionOutputs;
  progress: Progress;
  tempDir: string;
  workspace: string;
}

export async function runImages(context: StepContext): Promise<void> {
  const { inputs, facts, deps, outputs, progress, tempDir } = context;
  const specs = inputs.images;
  for (const spec of specs) computeTagPlan(facts, imageInputs(inputs, spec), undefined);
  const names = specs.map((s) => s.name);

  if (!inputs.push) {
    if (inputs.cache === 'ecr') core.info('cache: ecr is not used with push: false (no registry login).');
    const targets = specs.map((spec) => ({
      name: spec.name,
      request: buildRequest({ inputs: imageInputs(inputs, spec), facts, output: { kind: 'none' }, tempDir }),
      base: spec.bake,
    }));
    progress.phase = 'building';
    await core.group(`Build ${names.join(', ')} (push: false)`, () => bake(targets, context));
    const reports = specs.map((spec) => ({
      name: spec.name,
      report: skippedReport({
        ...reportBase(imageInputs(inputs, spec), facts, spec.repository),
        build: 'not-pushed',
        skipped: 'not-pushed',
        tags: [],
      }),
    }));
    await publish(reports, { fails: false, reason: `push is false: ${specs.length} images built, none pushed or scanned.` }, context, '');
    return;
  }

  const builder = new BuilderQuery({ builder: inputs.builder, platforms: [] }, deps.run);
  if (inputs.cache === 'ecr') builder.start();
  const client = await deps.createClient(inputs.awsRegion);
  const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;

  progress.phase = 'logging in to Amazon ECR';
  const login: RegistryLogin = await core.group('Log in to Amazon ECR', async () => {
    const credentials = await getRegistryLogin(client, inputs.registryId, (secret) => core.setSecret(secret));
    core.saveState(STATE.registries, JSON.stringify([credentials.registry]));
    core.saveState(STATE.skipLogout, String(inputs.skipLogout));
    await dockerLogin(credentials, deps.run);
    core.info(`Logged in to ${credentials.registry}.`);
    return credentials;
  });
  outputs.registry = login.registry;

  progress.phase = 'looking up the repositories';
  const images: Image[] = await core.group(`Repositories (${specs.length})`, () =>
    Promise.all(
      specs.map(async (spec): Promise<Image> => {
        const own = imageInputs(inputs, spec);
        const repository = await ensureRepository(client, creation ? { ...own, ...creation } : own, login.registry);
        core.info(
          `${spec.name}: ${repository.created ? 'created' : 'found'} ${repository.name}: scan-on-push ${repository.scanOnPush ? 'on' : 'off'}, tags ${repository.tagMutability}.`,
        );
        if (repository.created && creation?.note) core.info(`${spec.name}: ${creation.note}`);
        if (inputs.lifecyclePolicy) await applyLifecyclePolicy(client, repository, inputs.lifecyclePolicy.text);
        const image = `${login.registry}/${spec.repository}`;
        return {
          spec,
          inputs: own,
          image,
          ref: { repositoryName: repository.name, registryId: inputs.registryId },
          repository,
          plan: computeTagPlan(facts, own, image),
        };
      }),
    ),
  );
  if (inputs.lifecyclePolicy) {
    core.info(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path} to each repository.`);
    if (attestsBeside(inputs)) {
      const warning = (await import('../attest/lifecycle.js')).lifecycleWarning(inputs.lifecyclePolicy.text);
      if (warning) core.warning(warning);
    }
  }

  progress.phase = 'building and pushing';
  await core.group('Build and push', async () => {
    // skip-existing per image: a re-run builds only what is missing.
    await Promise.all(
      images.map(async (image) => {
        if (!image.plan.candidate) return;
        image.candidate = reuseExisting(await findImageByTag(client, image.ref, image.plan.candidate), image);
      }),
    );
    const toBuild = images.filter((image) => !image.candidate);
    if (toBuild.length === 0) {
      core.info('Every image exists already: nothing to build.');
      return;
    }
    const targets: BakeTarget[] = [];
    for (const image of toBuild) {
      const cache = await ecrCache(image.inputs, facts, image.image, image.repository, builder);
      const output = pushOutput(image.inputs, image.plan, image.image);
      targets.push({
        name: image.spec.name,
        request: buildRequest({ inputs: image.inputs, facts, output, tempDir, cache }),
        base: image.spec.bake,
      });
    }
    core.info(`Building ${toBuild.map((i) => i.spec.name).join(', ')} in one docker buildx bake.`);
    const results = await bake(targets, context);
    for (const image of toBuild) {
      const result = results.get(image.spec.name)!;
      if (attestsBeside(image.inputs)) {
        image.candidate = await attestBeside({ client, ref: image.ref, plan: image.plan, image: image.image, login }, result.digest);
      } else {
        core.info(`Pushed ${image.image}@${result.digest}.`);
        image.candidate = { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false };
      }
    }
  });

  for (const image of images) {
    const { manifest, platforms } = await resolvePlatforms(client, image.ref, image.inputs, image.candidate!, builder);
    image.manifest = manifest;
    image.platforms = platforms;
  }
  outputs.digests = Object.fromEntries(images.map((i) => [i.spec.name, i.candidate!.digest]));
  outputs.imageUris = Object.fromEntries(images.map((i) => [i.spec.name, `${i.image}@${i.candidate!.digest}`]));
  outputs.tags = images.flatMap((i) => (i.plan.candidate ? [`${i.image}:${i.plan.candidate}`] : []));
  const attestations = await core.group('Attestations', async () => {
    const listed = new Map<string, Awaited<ReturnType<typeof listAttestations>>>();
    for (const i of images) {
      listed.set(
        i.spec.name,
        await listAttestations({
          client,
          ref: i.ref,
          inputs: i.inputs,
          candidate: i.candidate!,
          platforms: i.platforms!,
          manifest: i.manifest!,
          login,
        }),
      );
    }
    return listed;
  });

  // The scans, all at once: each image's poller keeps its own pace (≤ 1 call/s per repository) and
  // the one scan-timeout holds for all, as they start together.
  if (inputs.scan) {
    await core.group(`Wait for ECR's scans (${images.length} images)`, () =>
      Promise.all(
        images.map(async (image) => {
          image.scanned = await scanAndDecide(
            {
              client,
              ref: image.ref,
              scanOnPush: image.repository.scanOnPush,
              inputs: image.inputs,
              facts,
              platforms: image.platforms!,
            },
            deps,
            progress,
            image.spec.name,
          );
        }),
      ),
    );
  }
  const step = decideStep(
    images.map((image): StepImage => ({
      name: image.spec.name,
      decision: image.scanned?.verdict.decision,
      statuses: image.scanned?.scans.map((scan) => scan.status) ?? [],
      ...(image.scanned ? {} : { skipped: 'scan-off' as const }),
      promotions: image.plan.promotions,
    })),
    { layout: 'several', scanTimeoutSeconds: inputs.scanTimeoutSeconds },
  );

  // All or nothing: no image is promoted while another one failed.
  const written = new Map<string, string[]>();
  const heldBack = new Map(step.heldBack);
  if (step.mayPromote) {
    for (const image of images) {
      const result = await promote(client, image.ref, image.repository, image.plan, image.inputs, image.manifest!);
      written.set(image.spec.name, result.written);
      heldBack.set(image.spec.name, result.heldBack);
    }
  } else {
    for (const [name, held] of step.heldBack) for (const h of held) core.info(`${name}: held back ${h.tag}: ${h.reason}.`);
  }

  const reports = images.map((image) => {
    const name = image.spec.name;
    const tags = [...(image.plan.candidate ? [image.plan.candidate] : []), ...(written.get(name) ?? [])].map(
      (tag) => `${image.image}:${tag}`,
    );
    const known = {
      ...reportBase(image.inputs, facts, image.image),
      digest: image.candidate!.digest,
      build: image.candidate!.reused ? ('reused' as const) : ('built' as const),
      attestations: attestations.get(name),
      tags,
      heldBack: heldBack.get(name) ?? [],
    };
    const report: Report = image.scanned
      ? buildReport({
          ...known,
          gate: gateSettings({
            ...image.inputs,
            epssThreshold: image.scanned.risk.gate.epssThreshold,
            failOnExploitable: image.scanned.risk.gate.failOnExploitable,
          }),
          riskNotes: image.scanned.risk.notes,
          scans: image.scanned.scans,
          decision: image.scanned.verdict.decision,
          ignores: { expired: image.scanned.verdict.expired },
          comparison: image.scanned.verdict.comparison,
        })
      : skippedReport({ ...known, skipped: 'scan-off', platforms: image.platforms });
    return { name, report };
  });
  outputs.tags = reports.flatMap(({ report }) => report.tags);
  outputs.findings = Object.fromEntries(
    reports.filter(({ report }) => report.verdict !== 'skipped').map(({ name, report }) => [name, report.counts]),
  );
  await publish(reports, step, context, login.registry);

  if (step.fails) throw new Error(step.reason);
  if (step.warns) core.warning(step.reason);
  else core.info(step.reason);
}

async function bake(targets: BakeTarget[], context: StepContext) {
  return runBake(
    targets,
    {
      file: path.join(context.tempDir, 'bake.json'),
      metadataFile: path.join(context.tempDir, 'bake-metadata.json'),
      builder: context.inputs.builder,
      absolute: (file) => path.resolve(context.workspace, file),
      helpers: context.inputs.bakeHelpers,
    },
    context.deps.run,
  );
}

async function publish(
  reports: Array<{ name: string; report: Report }>,
  step: { fails: boolean; reason: string },
  context: StepContext,
  registry: string,
): Promise<void> {
  const { inputs, facts, outputs, progress } = context;
  const { publishStepReport } = await import('../report/publish.js');
  const stepReport = { fails: step.fails, reason: step.reason, images: reports, runUrl: facts.runUrl };
  outputs.scanStatus = worstStatus(reports.map(({ report }) => report.scan.status));
  const published = await core.group('Report', () =>
    publishStepReport(stepReport, {
      // One comment per PR for the step, kept when images are added or removed (two multi-image
      // steps on one PR set comment-key apart, as a matrix of single-image steps does).
      inputs: { ...inputs, file: inputs.images[0]!.file, commentKey: inputs.commentKey ?? `${registry ? `${registry}/` : ''}images` },
      facts,
      image: '',
      tempDir: context.tempDir,
      workspace: context.workspace,
      files: Object.fromEntries(inputs.images.map((spec) => [spec.name, spec.file])),
    }),
  );
  progress.published = true;
  outputs.report = published.reportPath;
  outputs.sarif = published.sarifPath;
  outputs.commentUrl = published.commentUrl;
}

/** The step's scan status: COMPLETE only when every image's is. */
function worstStatus(statuses: string[]): string {
  return statuses.find((s) => s !== 'COMPLETE') ?? 'COMPLETE';
}
