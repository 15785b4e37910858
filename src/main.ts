// The pipeline, in order; the only place that knows the order.
// inputs → event facts → login → repository → tags → build/push (or reuse) → platform digests
// → scan → gate → report → outputs → promote tags or fail.
import * as core from '@actions/core';
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
import { applyLifecyclePolicy, ensureRepository } from './ecr/repository.js';
import { findImageByTag, getManifest, type ImageRef } from './ecr/images.js';
import { platformDigestsObject, platformManifests, type PlatformManifest } from './ecr/manifest.js';
import { defaultLabels, mergeLabels } from './build/labels.js';
import { builderPlatform, runBuild } from './build/buildx.js';
import type { BuildOutput, BuildRequest } from './build/argv.js';
import { runCommand } from './util/exec.js';
import { toMessage } from './util/errors.js';
import type { ECRClient } from '@aws-sdk/client-ecr';

interface Candidate {
  digest: string;
  mediaType?: string;
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

    if (!inputs.push) {
      await core.group('Build (push: false)', () => build(inputs, facts, { kind: 'none' }, tempDir));
      await writeSummary(['## Image built, not pushed', '', '`push` is false: nothing was pushed or scanned.']);
      outputs.scanStatus = 'SKIPPED';
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
      core.info(
        `${info.created ? 'Created' : 'Found'} ${info.name}: scan-on-push ${info.scanOnPush ? 'on' : 'off'}, tags ${info.tagMutability}.`,
      );
      if (inputs.lifecyclePolicy) {
        await applyLifecyclePolicy(client, info, inputs.lifecyclePolicy.text);
        core.info(`Applied the lifecycle policy from ${inputs.lifecyclePolicy.path}.`);
      }
      return info;
    });
    const ref: ImageRef = { repositoryName: repository.name, registryId: inputs.registryId };
    const plan = computeTagPlan(facts, inputs, image);

    const candidate = await core.group('Build and push', () => buildAndPush(client, ref, inputs, facts, plan, image, tempDir));
    outputs.digest = candidate.digest;
    outputs.imageUri = `${image}@${candidate.digest}`;
    outputs.tags = plan.candidate ? [`${image}:${plan.candidate}`] : [];

    const platforms = await resolvePlatforms(client, ref, inputs, candidate);
    outputs.platformDigests = platformDigestsObject(platforms);

    await writeSummary(firstSummary(image, candidate, outputs.tags, platforms));
  } catch (error) {
    core.setFailed(toMessage(error));
  } finally {
    writeOutputs(outputs);
  }
}

async function buildAndPush(
  client: Pick<ECRClient, 'send'>,
  ref: ImageRef,
  inputs: Inputs,
  facts: EventFacts,
  plan: TagPlan,
  image: string,
  tempDir: string,
): Promise<Candidate> {
  if (plan.candidate && inputs.skipExisting) {
    const existing = await findImageByTag(client, ref, plan.candidate);
    if (existing) {
      core.info(`${image}:${plan.candidate} already exists (${existing.digest}): skipping build and push (skip-existing).`);
      return { digest: existing.digest, mediaType: existing.mediaType, reused: true };
    }
  }
  const output: BuildOutput = plan.candidate
    ? { kind: 'push-tag', reference: `${image}:${plan.candidate}` }
    : { kind: 'push-digest', name: image };
  const result = await build(inputs, facts, output, tempDir);
  if (!result) throw new Error('buildx pushed nothing.');
  core.info(`Pushed ${image}@${result.digest}.`);
  return { digest: result.digest, mediaType: result.mediaType, reused: false };
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
async function resolvePlatforms(
  client: Pick<ECRClient, 'send'>,
  ref: ImageRef,
  inputs: Inputs,
  candidate: Candidate,
): Promise<PlatformManifest[]> {
  const manifest = await getManifest(client, ref, candidate.digest);
  const single = inputs.platforms.length === 1 ? inputs.platforms[0] : await builderPlatform(inputs.builder, runCommand);
  return platformManifests(candidate.digest, manifest.text, manifest.mediaType ?? candidate.mediaType, single);
}

function firstSummary(image: string, candidate: Candidate, tags: string[], platforms: PlatformManifest[]): string[] {
  return [
    `## ${candidate.reused ? 'Reused' : 'Pushed'} \`${image}\``,
    '',
    `- Digest: \`${candidate.digest}\``,
    `- Tags: ${tags.length > 0 ? tags.map((t) => `\`${t}\``).join(', ') : '(by digest)'}`,
    ...platforms.map((p) => `- ${p.platform}: \`${p.digest}\``),
  ];
}

async function writeSummary(lines: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(lines.join('\n'), true).write();
}
