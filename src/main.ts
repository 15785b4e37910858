// The pipeline, in order; the only place that knows the order.
// inputs → event facts → login → repository → tags → build/push (or reuse) → platform digests
// → scan → ignore → gate → promote (on pass) → report → outputs → fail when the gate says so.
import * as core from '@actions/core';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInputs, type Inputs } from './inputs.js';
import { writeOutputs, type ActionOutputs } from './outputs.js';
import { STATE } from './state.js';
import { readEventFacts, type EventFacts } from './github/event.js';
import { computeTagPlan, type TagPlan } from './tags.js';
import { createEcrClient } from './ecr/client.js';
import { getRegistryLogin } from './ecr/auth.js';
import { dockerLogin } from './ecr/docker-login.js';
import { applyLifecyclePolicy, canMoveTag, ensureRepository, type RepositoryInfo } from './ecr/repository.js';
import { findImageByTag, getManifest, type ImageRef } from './ecr/images.js';
import { isIndex, platformDigestsObject, platformManifests, type PlatformManifest } from './ecr/manifest.js';
import { defaultLabels, mergeLabels } from './build/labels.js';
import { builderPlatform, runBuild } from './build/buildx.js';
import type { BuildOutput, BuildRequest } from './build/argv.js';
import { sleepUntilAborted, waitForFindings } from './scan/poll.js';
import { applyIgnores, utcDay } from './scan/ignore.js';
import { decideGate } from './scan/policy.js';
import { buildReport, gateSettings, skippedReport } from './report/build.js';
import type { Report } from './report/model.js';
import { publishReport } from './report/publish.js';
import { heldBackByGate, promoteTags } from './promote.js';
import { runCommand } from './util/exec.js';
import { toMessage } from './util/errors.js';

type Client = Pick<ECRClient, 'send'>;

interface Candidate {
  digest: string;
  mediaType?: string;
  /** Platform of a single-platform build, when buildx said. */
  platform?: string;
  /** The build was skipped because the SHA tag already pointed at an image. */
  reused: boolean;
}

export async function run(): Promise<void> {
  core.saveState(STATE.isPost, 'true');
  const outputs: ActionOutputs = {};
  try {
    const inputs = readInputs();
    const facts = readEventFacts();
    // Validate the tag plan now (a missing commit SHA, a reference to another image) so a bad
    // input stops the step before any AWS or Docker call; it is computed again after login.
    computeTagPlan(facts, inputs, undefined);
    const tempDir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ecr-build-scan-push-'));
    core.saveState(STATE.tempDir, tempDir);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();

    if (!inputs.push) {
      // Build only (e.g. pull requests from forks): no AWS call at all, so no credentials needed.
      await core.group('Build (push: false)', () => build(inputs, facts, { kind: 'none' }, tempDir));
      const report = skippedReport({ ...reportBase(inputs, facts, `${inputs.repository}`), build: 'not-pushed', skipped: 'not-pushed', tags: [] });
      await publish(report, outputs, { inputs, facts, image: inputs.repository, tempDir, workspace });
      return;
    }

    const client = createEcrClient(inputs.awsRegion);
    const login = await core.group('Log in to Amazon ECR', async () => {
      const credentials = await getRegistryLogin(client, inputs.registryId, (secret) => core.setSecret(secret));
      await dockerLogin(credentials, runCommand);
      core.saveState(STATE.registries, JSON.stringify([credentials.registry]));
      core.saveState(STATE.skipLogout, String(inputs.skipLogout));
      core.info(`Logged in to ${credentials.registry}.`);
      return credentials;
    });
    const image = `${login.registry}/${inputs.repository}`;
    outputs.registry = login.registry;
    outputs.image = image;

    const repository = await core.group(`Repository ${inputs.repository}`, async () => {
      const info = await ensureRepository(client, inputs, login.registry);
      core.info(`${info.created ? 'Created' : 'Found'} ${info.name}: scan-on-push ${info.scanOnPush ? 'on' : 'off'}, tags ${info.tagMutability}.`);
      if (inputs.lifecyclePolicy) {
        await applyLifecyclePolicy(client, info, inputs.lifecyclePolicy.text);
        core.info(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}.`);
      }
      return info;
    });
    const ref: ImageRef = { repositoryName: repository.name, registryId: inputs.registryId };
    const plan = computeTagPlan(facts, inputs, image);

    const candidate = await core.group('Build and push', () => buildAndPush(client, ref, repository, inputs, facts, plan, image, tempDir));
    outputs.digest = candidate.digest;
    outputs.imageUri = `${image}@${candidate.digest}`;
    const candidateTags = plan.candidate ? [plan.candidate] : [];
    outputs.tags = candidateTags.map((tag) => `${image}:${tag}`);

    const platforms = await resolvePlatforms(client, ref, inputs, candidate);
    outputs.platformDigests = platformDigestsObject(platforms);
    const base = { ...reportBase(inputs, facts, image), digest: candidate.digest, build: candidate.reused ? ('reused' as const) : ('built' as const) };
    const context = { inputs, facts, image, tempDir, workspace };

    if (!inputs.scan) {
      const promoted = await promote(client, ref, repository, plan, inputs, candidate.digest);
      outputs.tags = [...candidateTags, ...promoted.written].map((tag) => `${image}:${tag}`);
      const report = skippedReport({ ...base, skipped: 'scan-off', platforms, tags: outputs.tags, heldBack: promoted.heldBack });
      await publish(report, outputs, context);
      return;
    }

    const scans = await core.group(`Wait for ECR's scan (${platforms.length} platform${platforms.length === 1 ? '' : 's'})`, () =>
      waitForFindings({
        client,
        ref,
        platforms,
        scanOnPush: repository.scanOnPush,
        timeoutMs: inputs.scanTimeoutSeconds * 1000,
        clock: { now: () => Date.now() },
        sleep: sleepUntilAborted,
        random: Math.random,
        log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
      }),
    );
    const ignores = applyIgnores(
      scans.flatMap((scan) => scan.findings),
      { ids: inputs.ignore, entries: inputs.ignoreFile?.entries ?? [], ignoreUnfixed: inputs.ignoreUnfixed, today: utcDay(new Date()) },
    );
    for (const expired of ignores.expired) {
      core.warning(`The ignore for ${expired.id} expired on ${expired.expires} ("${expired.reason}"): it counts again${expired.matched > 0 ? ` (${expired.matched} finding${expired.matched === 1 ? '' : 's'})` : ''}.`);
    }
    const decision = decideGate(ignores.findings, scans, {
      threshold: inputs.severityThreshold,
      mode: inputs.gate,
      onIncomplete: inputs.onScanIncomplete,
      baseAvailable: false,
    });

    let heldBack = heldBackByGate(plan);
    if (!decision.fails) {
      const promoted = await promote(client, ref, repository, plan, inputs, candidate.digest);
      outputs.tags = [...candidateTags, ...promoted.written].map((tag) => `${image}:${tag}`);
      heldBack = promoted.heldBack;
    }
    const report = buildReport({ ...base, tags: outputs.tags, heldBack, scans, decision, ignores });
    await publish(report, outputs, context);
    if (decision.fails) throw new Error(decision.reason);
    if (decision.verdict === 'incomplete') core.warning(decision.reason);
    else core.info(decision.reason);
  } catch (error) {
    core.setFailed(toMessage(error));
  } finally {
    writeOutputs(outputs);
  }
}

function reportBase(inputs: Inputs, facts: EventFacts, image: string) {
  return {
    image,
    commit: facts.sha || undefined,
    gate: gateSettings(inputs),
    runUrl: facts.runUrl,
    generatedAt: new Date().toISOString(),
  };
}

/** Writes the report everywhere and sets the outputs that come from it. */
async function publish(report: Report, outputs: ActionOutputs, context: Parameters<typeof publishReport>[1]): Promise<void> {
  outputs.scanStatus = report.scan.status;
  if (report.verdict !== 'skipped') {
    outputs.counts = report.counts;
    outputs.ignored = report.ignoredCount;
  }
  if (report.comparison?.available) {
    outputs.new = report.comparison.newCount;
    outputs.fixed = report.comparison.fixed.length;
  }
  const published = await core.group('Report', async () => publishReport(report, context));
  outputs.report = published.reportPath;
  outputs.sarif = published.sarifPath;
  outputs.commentUrl = published.commentUrl;
}

async function promote(client: Client, ref: ImageRef, repository: RepositoryInfo, plan: TagPlan, inputs: Inputs, digest: string) {
  if (plan.promotions.length === 0) return { written: [], heldBack: [] };
  return core.group('Promote tags', async () => {
    const result = await promoteTags(client, ref, repository, plan, inputs.latest, digest);
    for (const warning of result.warnings) core.warning(warning);
    if (result.written.length > 0) core.info(`Tagged ${result.written.join(', ')}.`);
    for (const held of result.heldBack) core.info(`Held back ${held.tag}: ${held.reason}.`);
    return result;
  });
}

async function buildAndPush(
  client: Client,
  ref: ImageRef,
  repository: RepositoryInfo,
  inputs: Inputs,
  facts: EventFacts,
  plan: TagPlan,
  image: string,
  tempDir: string,
): Promise<Candidate> {
  if (plan.candidate) {
    const existing = await findImageByTag(client, ref, plan.candidate);
    if (existing && inputs.skipExisting) {
      core.info(`${image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`);
      return { digest: existing.digest, mediaType: existing.mediaType, reused: true };
    }
    if (existing && !canMoveTag(repository, plan.candidate)) {
      throw new Error(
        `Tag ${plan.candidate} already exists in ${repository.name} on ${existing.digest}, and the repository's tags are ${repository.tagMutability}: ` +
          'pushing would fail. Set skip-existing: true to reuse that image, or push under another tag.',
      );
    }
  }
  const output: BuildOutput = plan.candidate ? { kind: 'push-tag', reference: `${image}:${plan.candidate}` } : { kind: 'push-digest', name: image };
  const result = await build(inputs, facts, output, tempDir);
  if (!result) throw new Error('buildx pushed nothing.');
  core.info(`Pushed ${image}@${result.digest}.`);
  return { digest: result.digest, mediaType: result.mediaType, platform: result.platform, reused: false };
}

async function build(inputs: Inputs, facts: EventFacts, output: BuildOutput, tempDir: string) {
  const request: BuildRequest = {
    context: inputs.context,
    file: inputs.file,
    buildArgs: inputs.buildArgs,
    labels: mergeLabels(inputs.labels, defaultLabels(facts, new Date())),
    target: inputs.target,
    platforms: inputs.platforms,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    secrets: inputs.secrets,
    provenance: inputs.provenance,
    builder: inputs.builder,
    noCache: inputs.noCache,
    pull: inputs.pull,
    output,
    metadataFile: path.join(tempDir, 'build-metadata.json'),
  };
  return runBuild(request, runCommand);
}

/** The platform manifests of the pushed image, read back from the registry (the digest ECR serves). */
async function resolvePlatforms(client: Client, ref: ImageRef, inputs: Inputs, candidate: Candidate): Promise<PlatformManifest[]> {
  const manifest = await getManifest(client, ref, candidate.digest);
  const mediaType = manifest.mediaType ?? candidate.mediaType;
  // Only a single manifest needs its platform named; ask the builder only when nothing else says.
  const single = isIndex(mediaType, JSON.parse(manifest.text) as { manifests?: unknown })
    ? 'unknown'
    : (inputs.platforms.length === 1 ? inputs.platforms[0] : undefined) ?? candidate.platform ?? (await builderPlatform(inputs.builder, runCommand));
  return platformManifests(candidate.digest, manifest.text, mediaType, single);
}
