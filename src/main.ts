// run(): the pipeline, in order, for the step's images (one image named by `repository` is a
// list of one); the only place that knows the order. Each phase is a function of src/steps/.
//
// inputs → event facts → login (once) → repositories (side by side) → build/push or reuse →
// platform manifests → attestations → scans (at once, one deadline), the policy's facts read beside
// them → the one verdict (CVEs and rules) → promotion (all or nothing) → report → outputs → fail
// when the verdict says so.
import * as core from './util/actions-core.js';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEcrClient } from './ecr/client.js';
import { decideStep, policyFailures, type StepImage, type StepVerdict } from './gate/verdict.js';
import { readEventFacts } from './github/event.js';
import { readInputs } from './inputs/read.js';
import { imageOutputs, reportOutputs, writeOutputs, type ActionOutputs } from './outputs.js';
import { STATE } from './state.js';
import { listAttestations } from './steps/attestations.js';
import { BuilderQuery } from './steps/builder.js';
import { buildImages, buildOnly } from './steps/build.js';
import { layoutOf } from './steps/label.js';
import { logIn } from './steps/login.js';
import { resolvePlatforms } from './steps/platforms.js';
import { judgePolicies, logPolicies, preloadPolicyReaders } from './steps/policy.js';
import { promoteImages } from './steps/promote.js';
import { awaitSignatures, logSignatures, planSigning, signingFailure } from './steps/signing.js';
import type * as KeySigning from './steps/sign.js';
import { planKeySigning } from './steps/sign-plan.js';
import type * as Publishing from './steps/publish.js';
import { lookUpRepositories, planTags, startLookups, type Lookup } from './steps/repositories.js';
import { scanImages } from './steps/scan.js';
import type { Dependencies, ImageRun, Progress, Session, Step } from './steps/types.js';
import { toMessage } from './util/errors.js';
import { locate, runCommand, type Runner } from './util/exec.js';
import { sleepUntilAborted } from './util/sleep.js';

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
  let images: ImageRun[] = [];
  /** registry/repository of each image, once logged in: what a failure summary names. */
  let named: string[] = [];
  try {
    const inputs = await readInputs();
    const facts = readEventFacts();
    // Every image's tag plan checked now (a missing commit SHA, a reference to another image), so
    // a bad input stops the step before any AWS or Docker call; planned again after the login.
    for (const spec of inputs.images) planTags({ inputs, facts }, spec, undefined);
    const tempDir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'ecr-build-scan-push-'));
    core.saveState(STATE.tempDir, tempDir);
    const step: Step = { inputs, facts, deps, progress, tempDir, workspace: process.env.GITHUB_WORKSPACE || process.cwd() };
    const layout = layoutOf(inputs);

    if (!inputs.push) {
      // Build only (e.g. pull requests from forks): no AWS call at all, so no credentials needed.
      await buildOnly(step);
      const verdict = stepVerdict(
        step,
        inputs.images.map((spec) => ({ name: spec.name, statuses: [], skipped: 'not-pushed', promotions: [] })),
      );
      await publish(step, outputs, undefined, (publishing) => publishing.reportOfBuildOnly(step, verdict), verdict);
      return end(verdict);
    }

    // docker's path is looked up while the SDK makes its first call, not after the token.
    if (deps.run === runCommand) void locate('docker');
    const builder = new BuilderQuery(inputs.builder, deps.run);
    // cache: ecr needs the builder's driver before the build: asked now, it overlaps the login
    // and the repository calls.
    if (inputs.cache === 'ecr') builder.start();
    const client = await deps.createClient(inputs.awsRegion);
    // The repositories and the SHA tags' images need no docker login: they are looked up while
    // docker logs in (a process of its own). They start once docker has: before it, their signing
    // and parsing delayed the token's answer and docker's start, which the build waits on
    // (docs/performance.md).
    let lookups: Promise<Lookup[]> | undefined;
    const login = await logIn(step, client, (registry) => {
      lookups ??= Promise.resolve().then(() => startLookups(step, client, builder, registry));
    });
    const session: Session = { client, login, builder };
    const registry = login.registry;
    named = inputs.images.map((spec) => `${registry}/${spec.repository}`);
    Object.assign(
      outputs,
      imageOutputs(
        layout,
        registry,
        inputs.images.map((spec, i) => ({ name: spec.name, image: named[i]!, tags: [] })),
      ),
    );
    // The signing configuration is read beside the repositories: `signing: require` stops the
    // step here, before anything is built, when no rule matches.
    const [found, signingPlan, signer] = await Promise.all([
      lookUpRepositories(step, client, registry, await (lookups ?? startLookups(step, client, builder, registry))),
      planSigning(
        step,
        session,
        inputs.images.map((spec) => spec.repository),
      ),
      // A KMS key that signs is asked what it is (kms:GetPublicKey) before anything is built.
      planKeySigning(step, inputs.signingKey),
    ]);
    images = found;
    const known = () => Object.assign(outputs, imageOutputs(layout, registry, images.map(outputImage)));
    known();

    // The report's renderers (and the policy's readers) load on a later turn once buildx has
    // started, when this process only waits on it (an import() may read and compile the chunk at
    // once, before the spawn).
    await buildImages(
      step,
      session,
      images,
      alsoOnStart(deps.run, () =>
        setImmediate(() => {
          void loadPublishing().catch(() => undefined);
          if (inputs.signingKey) void loadKeySigning().catch(() => undefined);
          preloadPolicyReaders(inputs.policy.rules);
        }),
      ),
    );
    known();
    await resolvePlatforms(session, images);
    await listAttestations(step, session, images);
    known();

    // The policy's facts are read, and ECR's managed signatures awaited (under the scan's
    // deadline), while ECR scans; their lines are logged once the scan's group is done.
    const judged = judgePolicies(step, session, images);
    const signed = awaitSignatures(step, session, images, signingPlan, deps.clock.now() + inputs.scanTimeoutSeconds * 1000);
    if (inputs.scan) await scanImages(step, session, images);
    await Promise.all([judged, signed]);
    logSignatures(step, images);
    await logPolicies(step, images);
    let verdict = stepVerdict(
      step,
      images.map((image) => stepImage(step, image)),
    );
    // Signed with the key once the verdict lets the images through, before any tag is promoted; a
    // failed signature holds every image back.
    if (signer) {
      await (await loadKeySigning()).signImages(step, session, images, signer, verdict.fails);
      verdict = stepVerdict(
        step,
        images.map((image) => stepImage(step, image)),
      );
    }
    await promoteImages(step, session, images, verdict);
    known();
    await publish(step, outputs, registry, (publishing) => publishing.reportOfStep(step, images, verdict), verdict);
    end(verdict);
  } catch (error) {
    const message = toMessage(error);
    core.setFailed(message);
    if (!progress.published) await writeFailureSummary(progress.phase, message, named, images);
  } finally {
    writeOutputs(outputs);
  }
}

/** The one verdict over the step's images (src/gate/verdict.ts). */
function stepVerdict(step: Step, images: StepImage[]): StepVerdict {
  return decideStep(images, { layout: layoutOf(step.inputs), scanTimeoutSeconds: step.inputs.scanTimeoutSeconds });
}

/** An image as the verdict sees it: its gate, its policy and signature, its platforms' scan statuses, its promotions. */
function stepImage(step: Step, image: ImageRun): StepImage {
  const scanned = image.scanned;
  const signing = signingFailure(step, image);
  return {
    name: image.spec.name,
    ...(scanned ? { decision: scanned.verdict.decision } : { skipped: 'scan-off' as const }),
    policyFailures: policyFailures(image.policy?.result.results ?? []),
    ...(signing ? { signingFailure: signing } : {}),
    statuses: scanned?.scans.map((scan) => scan.status) ?? [],
    promotions: image.plan.promotions,
  };
}

function outputImage(image: ImageRun) {
  const tags = [...(image.plan.candidate && image.candidate ? [image.plan.candidate] : []), ...(image.promoted?.written ?? [])];
  return {
    name: image.spec.name,
    image: image.image,
    ...(image.candidate ? { digest: image.candidate.digest } : {}),
    ...(image.platforms ? { platforms: image.platforms } : {}),
    ...(image.attestations ? { attestations: image.attestations } : {}),
    tags: tags.map((tag) => `${image.image}:${tag}`),
  };
}

/** Writes the report everywhere and sets the outputs that come from it. */
async function publish(
  step: Step,
  outputs: ActionOutputs,
  registry: string | undefined,
  report: (publishing: typeof Publishing) => ReturnType<typeof Publishing.reportOfStep>,
  verdict: StepVerdict,
): Promise<void> {
  step.progress.phase = 'writing the report';
  const publishing = await loadPublishing();
  const made = report(publishing);
  Object.assign(outputs, reportOutputs(made, verdict.scanStatus));
  const published = await publishing.publishStep(step, made, registry);
  outputs.report = published.reportPath;
  outputs.sarif = published.sarifPath;
  outputs.commentUrl = published.commentUrl;
}

/** The step's last word: it fails with the verdict's reason, or warns, or says why it passed. */
function end(verdict: StepVerdict): void {
  if (verdict.fails) throw new Error(verdict.reason);
  if (verdict.warns) core.warning(verdict.reason);
  else core.info(verdict.reason);
}

// The publishing phase and the renderers it imports are not loaded at start-up, where the first
// API call would wait for them, but while buildx builds (else when the report is written: a
// re-run that reuses the image builds nothing).
let publishing: Promise<typeof Publishing> | undefined;
const loadPublishing = () => (publishing ??= import('./steps/publish.js'));

// Signing with a key (src/steps/sign.ts) and the Sigstore libraries it builds bundles with: only
// when a key signs, loaded while buildx builds (as the publishing phase is).
let keySigning: Promise<typeof KeySigning> | undefined;
const loadKeySigning = () => (keySigning ??= import('./steps/sign.js'));

/** `run`, that also calls `then` once each command's process has started. */
function alsoOnStart(run: Runner, then: () => void): Runner {
  return (command, args, options) =>
    run(command, args, {
      ...options,
      onStart: () => {
        options.onStart?.();
        then();
      },
    });
}

/** When the step fails before its report: what failed, and what is known so far. */
async function writeFailureSummary(phase: string, message: string, named: string[], images: ImageRun[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { escapeText } = await import('./report/escape.js');
  const known = named.flatMap((image) => {
    const candidate = images.find((run) => run.image === image)?.candidate;
    return [
      `- Image: \`${image}\``,
      ...(candidate ? [`- Digest: \`${candidate.digest}\` (${candidate.reused ? 'reused' : 'pushed'})`] : []),
    ];
  });
  const lines = [`## ❌ ecr-build-scan-push failed while ${phase}`, '', escapeText(message, 2000), '', ...known];
  try {
    await core.summary.addRaw(lines.join('\n'), true).write();
  } catch {
    // The failure itself is already reported; a summary that cannot be written adds nothing.
  }
}
