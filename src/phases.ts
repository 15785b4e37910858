// The phases of one image's run that main.ts puts in order (and, for a multi-image step,
// src/multi/pipeline.ts does per image): the scan and its verdict, the attestations listed,
// promotion, the report's common facts; and the small promise helpers both use.
import * as core from './util/actions-core.js';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { commitUrl, type EventFacts } from './github/event.js';
import type { TagPlan } from './tags/plan.js';
import type { RepositoryInfo } from './ecr/repository.js';
import { attestationKinds, type Candidate, type Inputs } from './image.js';
import type { ImageRef, Manifest } from './ecr/images.js';
import { isIndex, type PlatformManifest } from './shared/manifest.js';
import { waitForFindings, type WaitOptions } from './scan/poll.js';
import { utcDay } from './gate/ignore.js';
import { decideImage, type BaseFindings, type ImageVerdict } from './gate/verdict.js';
import type { PlatformScan } from './shared/finding.js';
import { readBaseFindings } from './scan/base.js';
import { applyRisk, type RiskStep } from './inspector/risk-step.js';
import { gateSettings } from './report/assemble.js';
import type * as Renderers from './report/publish.js';
import type { ReportAttestations } from './report/model.js';
import { promoteTags } from './promote.js';
import type { Runner } from './util/exec.js';
import { toMessage } from './util/errors.js';
import type { RegistryLogin } from './ecr/auth.js';
import type { Attestation } from './attest/layout.js';
import type { Dependencies } from './main.js';

type Client = Pick<ECRClient, 'send'>;

/** Waits for ECR's scan (and the base image's, compare: base), then decides the verdict. */
export async function scanAndDecide(
  image: {
    client: Client;
    ref: ImageRef;
    scanOnPush: boolean;
    inputs: Inputs;
    facts: EventFacts;
    platforms: PlatformManifest[];
  },
  deps: Dependencies,
  progress: Progress,
  /** One of several images waited for at once: no group of its own, its lines start with the label. */
  label?: string,
): Promise<{ scans: PlatformScan[]; verdict: ImageVerdict; risk: RiskStep }> {
  const { client, ref, inputs, facts, platforms } = image;
  progress.phase = "waiting for ECR's scan";
  const say = (m: string) => (label ? `${label}: ${m}` : m);
  const info = (m: string) => core.info(say(m));
  const warning = (m: string) => core.warning(say(m));
  const group = <T>(title: string, fn: () => Promise<T>): Promise<T> => (label ? fn() : core.group(title, fn));
  const waitOptions = {
    client,
    ref,
    timeoutMs: inputs.scanTimeoutSeconds * 1000,
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    log: { info, warning },
  };
  // The base image (compare: base) is read while this image's scan runs, within the same timeout;
  // Amazon Inspector's scores (epss-threshold) once this image's findings are in, while the base may still be read.
  const [risk, base] = await group(`Wait for ECR's scan (${platforms.length} platform${platforms.length === 1 ? '' : 's'})`, () =>
    Promise.all([
      waitForFindings({ ...waitOptions, platforms, scanOnPush: image.scanOnPush }).then((scanned) =>
        applyRisk(scanned, {
          epssThreshold: inputs.epssThreshold,
          failOnExploitable: inputs.failOnExploitable,
          region: inputs.awsRegion,
          repositoryName: ref.repositoryName,
          registryId: inputs.registryId,
          client: deps.createInspectorClient,
        }),
      ),
      readBase(inputs, facts, waitOptions, platforms),
    ]),
  );
  const { scans } = risk;
  for (const note of risk.notes) warning(note);
  const verdict = decideImage({
    scans,
    base,
    ignores: {
      ids: inputs.ignore,
      entries: inputs.ignoreFile?.entries ?? [],
      ignoreUnfixed: inputs.ignoreUnfixed,
      today: utcDay(new Date()),
    },
    gate: { threshold: inputs.severityThreshold, mode: inputs.gate, onIncomplete: inputs.onScanIncomplete, ...risk.gate },
  });
  for (const expired of verdict.expired) {
    warning(
      `The ignore for ${expired.id} expired on ${expired.expires} ("${expired.reason}"): it counts again${expired.matched > 0 ? ` (${expired.matched} finding${expired.matched === 1 ? '' : 's'})` : ''}.`,
    );
  }
  if (verdict.comparison?.note) info(verdict.comparison.note);
  return { scans, verdict, risk };
}

/**
 * The image's attestations, for the report and the `attestations` output: those just pushed
 * beside it, those a reused image already has (referrers API, or the referrers tag), or those
 * inside its index (attestations: index). Undefined when neither sbom nor provenance is asked for.
 */
export async function listAttestations(options: {
  client: Client;
  ref: ImageRef;
  inputs: Inputs;
  candidate: Candidate;
  platforms: PlatformManifest[];
  manifest: () => Promise<Manifest>;
  login: RegistryLogin;
}): Promise<ReportAttestations | undefined> {
  const { client, ref, inputs, candidate, platforms } = options;
  const kinds = attestationKinds(inputs);
  if (kinds.length === 0) return undefined;
  const push = await import('./attest/push.js');
  let found: { attestations: Attestation[]; storage: ReportAttestations['storage'] };
  if (candidate.attested) found = candidate.attested;
  else if (inputs.attestations === 'referrers') {
    const { Registry } = await import('./attest/registry.js');
    found = await push.discoverAttestations(new Registry(options.login), ref.repositoryName, platforms);
  } else {
    const manifest = await options.manifest();
    const index = isIndex(manifest.mediaType, JSON.parse(manifest.text) as { manifests?: unknown });
    found = { attestations: index ? await push.attestationsOfIndex(client, ref, manifest.text) : [], storage: 'index' };
  }
  const missing = candidate.reused ? push.missingKinds(found.attestations, platforms, kinds) : [];
  if (missing.length > 0) {
    core.warning(
      `skip-existing reused ${candidate.digest}, which has no ${missing.join(', ')}: it was built without ${missing.length === 1 ? 'it' : 'them'}. Push a new commit to get ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }
  for (const a of found.attestations) core.info(`${a.kind} for ${a.platform}: ${a.digest}`);
  return { storage: found.storage, list: found.attestations, missing };
}

export interface Progress {
  phase: string;
  published: boolean;
}

/**
 * The base image's findings, on pull_request events with compare: base. A base that cannot be
 * read is a note, never a failure: without it, gate: new falls back to the stricter gate: all.
 */
export async function readBase(
  inputs: Inputs,
  facts: EventFacts,
  waitOptions: Omit<WaitOptions, 'platforms' | 'scanOnPush'>,
  platforms: PlatformManifest[],
): Promise<BaseFindings | undefined> {
  const pr = facts.pullRequest;
  if (inputs.compare !== 'base' || !pr) return undefined;
  try {
    return await readBaseFindings({
      ...waitOptions,
      // Never spend the base image's once-a-day manual scan: it was scanned when it was pushed.
      scanOnPush: true,
      baseSha: pr.baseSha,
      shaTag: inputs.shaTag,
      singlePlatform: platforms.length === 1 ? platforms[0].platform : undefined,
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

export function reportBase(inputs: Inputs, facts: EventFacts, image: string) {
  return {
    image,
    commit: facts.sha || undefined,
    commitUrl: commitUrl(facts),
    gate: gateSettings(inputs),
    runUrl: facts.runUrl,
    generatedAt: new Date().toISOString(),
  };
}

export async function promote(
  client: Client,
  ref: ImageRef,
  repository: RepositoryInfo,
  plan: TagPlan,
  inputs: Inputs,
  manifest: () => Promise<Manifest>,
) {
  if (plan.promotions.length === 0) return { written: [], heldBack: [] };
  return core.group('Promote tags', async () => {
    const result = await promoteTags(client, ref, repository, plan, inputs.latest, await manifest());
    for (const warning of result.warnings) core.warning(warning);
    if (result.written.length > 0) core.info(`Tagged ${result.written.join(', ')}.`);
    for (const held of result.heldBack) core.info(`Held back ${held.tag}: ${held.reason}.`);
    return result;
  });
}

// The renderers (report/publish.js and what it imports) are not loaded at start-up, where the
// first API call would wait for them, but while buildx builds, when this process only waits on
// it (else when the report is written: a re-run that reuses the image builds nothing).
let renderers: Promise<typeof Renderers> | undefined;
export const loadRenderers = () => (renderers ??= import('./report/publish.js'));

/** `run`, that also calls `then` once each command's process has started. */
export function alsoOnStart(run: Runner, then: () => void): Runner {
  return (command, args, options) =>
    run(command, args, {
      ...options,
      onStart: () => {
        options.onStart?.();
        then();
      },
    });
}

/** A promise awaited later: until then its rejection is not "unhandled" (it is thrown where awaited). */
export function background<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
