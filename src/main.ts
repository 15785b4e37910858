// The pipeline, in order; the only place that knows the order.
// inputs → event facts → login → repository → tags → build/push (or reuse) → platform digests
// → scan → verdict (ignores, base, gate) → promote (on pass) → report → outputs → fail when the gate says so.
import * as core from './util/actions-core.js';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInputs } from './inputs/read.js';
import { writeOutputs, type ActionOutputs } from './outputs.js';
import { STATE } from './state.js';
import { readEventFacts } from './github/event.js';
import { computeTagPlan } from './tags/plan.js';
import { createEcrClient } from './ecr/client.js';
import { getRegistryLogin } from './ecr/auth.js';
import { dockerLogin } from './ecr/docker-login.js';
import { applyLifecyclePolicy, ensureRepository } from './ecr/repository.js';
import { attestsBeside, build, buildAndPush, BuilderQuery, ecrCache, imageInputs, resolvePlatforms } from './image.js';
import { creationWithCache } from './buildx/cache.js';
import { findImageByTag, type ImageRef } from './ecr/images.js';
import { isIndex, platformDigestsObject } from './shared/manifest.js';
import { sleepUntilAborted } from './util/sleep.js';
import type { WaitOptions } from './scan/poll.js';
import { buildReport, gateSettings, skippedReport } from './report/assemble.js';
import { decideStep } from './gate/verdict.js';
import type { Report } from './report/model.js';
import type { PublishContext } from './report/publish.js';
import { locate, runCommand, type Runner } from './util/exec.js';
import { toMessage } from './util/errors.js';
import { attestationsObject } from './attest/layout.js';
import { alsoOnStart, background, listAttestations, loadRenderers, promote, reportBase, scanAndDecide, type Progress } from './phases.js';

type Client = Pick<ECRClient, 'send'>;

/**
 * What the pipeline reaches the world through, besides @actions/core: the ECR client, the
 * commands it runs (docker), and time. The runner calls run() with none of them; a unit test
 * passes fakes (as actions/typescript-action's template tests its main.ts).
 */
export interface Dependencies {
  createClient(region: string): Promise<Client>;
  run: Runner;
  clock: { now(): number };
  sleep: WaitOptions['sleep'];
  random(): number;
  /** Amazon Inspector's client (epss-threshold); by default built on first use. */
  createInspectorClient?: () => Promise<Pick<Inspector2Client, 'send'>>;
}

const REAL: Dependencies = {
  createClient: createEcrClient,
  run: runCommand,
  clock: { now: () => Date.now() },
  sleep: sleepUntilAborted,
  random: Math.random,
};

export async function run(overrides: Partial<Dependencies> = {}): Promise<void> {
  const deps: Dependencies = { ...REAL, ...overrides };
  core.saveState(STATE.isPost, 'true');
  const outputs: ActionOutputs = {};
  const progress: Progress = { phase: 'reading inputs', published: false };
  try {
    const stepInputs = await readInputs();
    const facts = readEventFacts();
    // Validate the tag plan now (a missing commit SHA, a reference to another image) so a bad
    // input stops the step before any AWS or Docker call; it is computed again after login.
    for (const spec of stepInputs.images) computeTagPlan(facts, imageInputs(stepInputs, spec), undefined);
    const tempDir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ecr-build-scan-push-'));
    core.saveState(STATE.tempDir, tempDir);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();

    if (stepInputs.source !== 'repository') {
      const { runImages } = await import('./multi/pipeline.js');
      await runImages({ inputs: stepInputs, facts, deps, outputs, progress, tempDir, workspace });
      return;
    }
    const inputs = imageInputs(stepInputs, stepInputs.images[0]!);

    if (!inputs.push) {
      // Build only (e.g. pull requests from forks): no AWS call at all, so no credentials needed.
      // Without a login the registry is unknown, and so is the cache's reference.
      if (inputs.cache === 'ecr') core.info('cache: ecr is not used with push: false (no registry login).');
      await core.group('Build (push: false)', () => build({ inputs, facts, output: { kind: 'none' }, tempDir, run: deps.run }));
      const report = skippedReport({
        ...reportBase(inputs, facts, inputs.repository),
        build: 'not-pushed',
        skipped: 'not-pushed',
        tags: [],
      });
      await publish(report, outputs, { inputs, facts, image: inputs.repository, tempDir, workspace }, progress);
      return;
    }

    // docker's path is looked up while the SDK makes its first call, not after the token.
    if (deps.run === runCommand) void locate('docker');
    const builder = new BuilderQuery(inputs, deps.run);
    // cache: ecr needs the builder's driver before the build: asked now, it overlaps the login
    // and the repository calls.
    if (inputs.cache === 'ecr') builder.start();
    const client = await deps.createClient(inputs.awsRegion);
    const creation = inputs.cache === 'ecr' ? creationWithCache(inputs) : undefined;
    const candidateTag = computeTagPlan(facts, inputs, undefined).candidate;
    progress.phase = 'logging in to Amazon ECR';
    // Asked before the group opens; a retry's warning is written inside it (after a round trip).
    const asked = background(getRegistryLogin(client, inputs.registryId, (secret) => core.setSecret(secret)));
    // The repository and the SHA tag's image need no docker login: they are looked up while
    // docker logs in (a process of its own), and awaited (and logged) in their own groups below.
    // They start once docker login has: before it, their signing and parsing delayed the token's
    // answer and docker's start, which the build waits on (docs/performance.md).
    const lookUp = (registry: string) => {
      const repository = background(ensureRepository(client, creation ? { ...inputs, ...creation } : inputs, registry));
      const existing = candidateTag
        ? background(
            repository.then(async (info) => {
              const found = await findImageByTag(client, { repositoryName: info.name, registryId: inputs.registryId }, candidateTag);
              // A re-run reuses this image: if it is a single-platform one, only the builder can
              // name its platform, so ask now, alongside the login, not after it.
              if (found && inputs.skipExisting && inputs.platforms.length !== 1 && !isIndex(found.mediaType, {})) builder.start();
              return found;
            }),
          )
        : undefined;
      return { repository, existing };
    };
    let lookups: Promise<ReturnType<typeof lookUp>> | undefined;
    const login = await core.group('Log in to Amazon ECR', async () => {
      const credentials = await asked;
      // Saved before the login, so a job cancelled in the middle of it is still logged out.
      core.saveState(STATE.registries, JSON.stringify([credentials.registry]));
      core.saveState(STATE.skipLogout, String(inputs.skipLogout));
      // After the synchronous start of docker's process, not inside it.
      const started = () => {
        lookups ??= Promise.resolve().then(() => lookUp(credentials.registry));
      };
      await dockerLogin(credentials, deps.run, undefined, started);
      core.info(`Logged in to ${credentials.registry}.`);
      return credentials;
    });
    const { repository: repositoryLookup, existing: existingLookup } = await (lookups ?? lookUp(login.registry));
    const image = `${login.registry}/${inputs.repository}`;
    outputs.registry = login.registry;
    outputs.image = image;

    progress.phase = `looking up repository ${inputs.repository}`;
    const repository = await core.group(`Repository ${inputs.repository}`, async () => {
      const info = await repositoryLookup;
      if (info.created && creation?.note) core.info(creation.note);
      core.info(
        `${info.created ? 'Created' : 'Found'} ${info.name}: scan-on-push ${info.scanOnPush ? 'on' : 'off'}, tags ${info.tagMutability}.`,
      );
      if (inputs.lifecyclePolicy) {
        await applyLifecyclePolicy(client, info, inputs.lifecyclePolicy.text);
        core.info(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}.`);
        const warning = attestsBeside(inputs)
          ? (await import('./attest/lifecycle.js')).lifecycleWarning(inputs.lifecyclePolicy.text)
          : undefined;
        if (warning) core.warning(warning);
      }
      return info;
    });
    const ref: ImageRef = { repositoryName: repository.name, registryId: inputs.registryId };
    const plan = computeTagPlan(facts, inputs, image);

    progress.phase = 'building and pushing';
    const candidate = await core.group('Build and push', async () =>
      buildAndPush({
        client,
        ref,
        repository,
        inputs,
        facts,
        plan,
        image,
        tempDir,
        cache: await ecrCache(inputs, facts, image, repository, builder),
        // On a later turn: an import() may read and compile the chunk at once, before the spawn.
        run: alsoOnStart(deps.run, () => setImmediate(() => void loadRenderers().catch(() => undefined))),
        existing: plan.candidate === candidateTag ? existingLookup : undefined,
        login,
      }),
    );
    outputs.digest = candidate.digest;
    outputs.imageUri = `${image}@${candidate.digest}`;
    const candidateTags = plan.candidate ? [plan.candidate] : [];
    outputs.tags = candidateTags.map((tag) => `${image}:${tag}`);

    const { manifest, platforms } = await resolvePlatforms(client, ref, inputs, candidate, builder);
    outputs.platformDigests = platformDigestsObject(platforms);
    const attestations = await core.group('Attestations', () =>
      listAttestations({ client, ref, inputs, candidate, platforms, manifest, login }),
    );
    outputs.attestations = attestationsObject(attestations?.list ?? []);
    const reportFacts = {
      ...reportBase(inputs, facts, image),
      digest: candidate.digest,
      build: candidate.reused ? ('reused' as const) : ('built' as const),
      attestations,
    };
    const context = { inputs, facts, image, tempDir, workspace };

    // The scan and the verdict: what fails, what is held back, what may be promoted (scan: false
    // decides nothing, so its tags are promoted as a pass's are).
    const scanned = inputs.scan
      ? await scanAndDecide({ client, ref, scanOnPush: repository.scanOnPush, inputs, facts, platforms }, deps, progress)
      : undefined;
    const step = decideStep(
      [
        {
          name: inputs.repository,
          decision: scanned?.verdict.decision,
          statuses: scanned?.scans.map((scan) => scan.status) ?? [],
          ...(scanned ? {} : { skipped: 'scan-off' as const }),
          promotions: plan.promotions,
        },
      ],
      { layout: 'one', scanTimeoutSeconds: inputs.scanTimeoutSeconds },
    );

    let promoted: { written: string[]; heldBack: Report['heldBack'] } = {
      written: [],
      heldBack: step.heldBack.get(inputs.repository) ?? [],
    };
    if (step.mayPromote) promoted = await promote(client, ref, repository, plan, inputs, manifest);
    outputs.tags = [...candidateTags, ...promoted.written].map((tag) => `${image}:${tag}`);

    if (!scanned) {
      const report = skippedReport({ ...reportFacts, skipped: 'scan-off', platforms, tags: outputs.tags, heldBack: promoted.heldBack });
      await publish(report, outputs, context, progress);
      return;
    }
    const { scans, verdict, risk } = scanned;
    const { decision } = verdict;
    const report = buildReport({
      ...reportFacts,
      // What the gate applied: the risk inputs only where they could apply.
      gate: gateSettings({ ...inputs, epssThreshold: risk.gate.epssThreshold, failOnExploitable: risk.gate.failOnExploitable }),
      riskNotes: risk.notes,
      tags: outputs.tags,
      heldBack: promoted.heldBack,
      scans,
      decision,
      ignores: { expired: verdict.expired },
      comparison: verdict.comparison,
    });
    await publish(report, outputs, context, progress);
    if (step.fails) throw new Error(step.reason);
    if (step.warns) core.warning(step.reason);
    else core.info(step.reason);
  } catch (error) {
    const message = toMessage(error);
    core.setFailed(message);
    if (!progress.published) await writeFailureSummary(progress.phase, message, outputs);
  } finally {
    writeOutputs(outputs);
  }
}

/** When the step fails before its report: what failed, and what is known so far. */
async function writeFailureSummary(phase: string, message: string, outputs: ActionOutputs): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { escapeText } = await import('./report/escape.js');
  const known = [outputs.image && `- Image: \`${outputs.image}\``, outputs.digest && `- Digest: \`${outputs.digest}\` (pushed)`].filter(
    Boolean,
  );
  const lines = [`## ❌ ecr-build-scan-push failed while ${phase}`, '', escapeText(message, 2000), '', ...known];
  try {
    await core.summary.addRaw(lines.join('\n'), true).write();
  } catch {
    // The failure itself is already reported; a summary that cannot be written adds nothing.
  }
}

/** Writes the report everywhere and sets the outputs that come from it. */
async function publish(report: Report, outputs: ActionOutputs, context: PublishContext, progress: Progress): Promise<void> {
  outputs.scanStatus = report.scan.status;
  if (report.verdict !== 'skipped') {
    outputs.counts = report.counts;
    outputs.ignored = report.ignoredCount;
    outputs.exploitable = report.exploitableCount;
  }
  if (report.comparison?.available) {
    outputs.new = report.comparison.newCount;
    outputs.fixed = report.comparison.fixed.length;
  }
  const { publishReport } = await loadRenderers();
  const published = await core.group('Report', async () => publishReport(report, context));
  progress.published = true;
  outputs.report = published.reportPath;
  outputs.sarif = published.sarifPath;
  outputs.commentUrl = published.commentUrl;
}
