// Phase: ECR managed signing (input `signing`), awaited before any promotion. Before the build,
// the registry's signing configuration (GetSigningConfiguration): which signing profiles apply to
// each image's repository; `require` stops the step when none does. After the push, beside the
// scan and under its deadline and back-off, DescribeImageSigningStatus for every digest the step
// pushed (the index and each platform manifest), until every matching profile is COMPLETE; a
// FAILED status or no signature in time holds every image back (src/gate/verdict.ts).
import * as core from '../util/actions-core.js';
import { DescribeImageSigningStatusCommand, GetSigningConfigurationCommand } from '@aws-sdk/client-ecr';
import {
  imageSigning,
  keySigningFailureOf,
  matchingProfiles,
  shortProfile,
  signingFailureOf,
  signingFailures,
  signingFailureText,
  type DigestSigning,
  type ImageSignatures,
  type SigningRule,
} from '../gate/signing.js';
import { nextDelay } from '../scan/schedule.js';
import { errorName, InputError, toMessage } from '../util/errors.js';
import { labelFor } from './label.js';
import type { ImageRun, Session, Step } from './types.js';

/** The registry's signing configuration as the step will wait for it. */
export type SigningPlan = { wait: false; why: string } | { wait: true; rules: SigningRule[] };

/**
 * Reads the signing configuration once, before anything is built. `auto`: no configuration, or
 * no permission to read it (a warning naming ecr:GetSigningConfiguration), waits for nothing;
 * `require`: either stops the step, as does a configuration no rule of which matches an image.
 */
export async function planSigning(step: Step, session: Session, repositories: string[]): Promise<SigningPlan> {
  const mode = step.inputs.signing;
  if (mode === 'off') return { wait: false, why: 'signing: off' };
  let rules: SigningRule[];
  try {
    const answer = await session.client.send(new GetSigningConfigurationCommand({}));
    if (step.inputs.registryId && answer.registryId && answer.registryId !== step.inputs.registryId) {
      return refuse(
        mode,
        `the signing configuration read is account ${answer.registryId}'s, and registry-id names ${step.inputs.registryId}: another account's managed signing cannot be read from here`,
      );
    }
    rules = (answer.signingConfiguration?.rules ?? []).map((rule) => ({
      signingProfileArn: rule.signingProfileArn ?? '',
      repositoryFilters: (rule.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? '', filterType: f.filterType })),
    }));
  } catch (error) {
    const name = errorName(error);
    if (name === 'SigningConfigurationNotFoundException') return refuse(mode, 'the registry has no signing configuration');
    if (name === 'AccessDeniedException') {
      return refuse(
        mode,
        `the signing configuration could not be read (AccessDeniedException): allow ecr:GetSigningConfiguration (docs/iam-policy.json) to wait for ECR's managed signatures`,
        true,
      );
    }
    throw error;
  }
  const unmatched = repositories.filter((repository) => matchingProfiles(rules, repository).length === 0);
  if (mode === 'require' && unmatched.length > 0) {
    throw new InputError(
      `Input "signing" is require, and no rule of the registry's signing configuration matches ${unmatched.map((r) => `"${r}"`).join(', ')}: add a repository filter for it (PutSigningConfiguration), or set signing: auto.`,
    );
  }
  return { wait: true, rules };
}

function refuse(mode: 'auto' | 'require', why: string, warn = false): SigningPlan {
  if (mode === 'require') throw new InputError(`Input "signing" is require, and ${why}.`);
  if (warn) core.warning(`Managed signing not awaited: ${why}.`);
  else core.info(`Managed signing: ${why}; nothing to wait for (signing: auto).`);
  return { wait: false, why };
}

/**
 * Waits for each image's managed signatures, beside the scan and under its deadline; logs nothing
 * until the end (the scan's log group is open), then each image's outcome. Never rejects for a
 * signature that failed or did not come: that is the verdict's (image.signatures).
 */
export async function awaitSignatures(
  step: Step,
  session: Session,
  images: ImageRun[],
  plan: SigningPlan,
  deadline: number,
): Promise<void> {
  if (!plan.wait) return;
  await Promise.all(
    images.map(async (image) => {
      const profiles = matchingProfiles(plan.rules, image.ref.repositoryName);
      image.signatures =
        profiles.length === 0 ? { profiles, digests: [], outcome: 'none' } : await waitForImage(step, session, image, profiles, deadline);
    }),
  );
}

/** The log's lines, once the scan's group is done. */
export function logSignatures(step: Step, images: ImageRun[]): void {
  for (const image of images) {
    const signatures = image.signatures;
    if (!signatures) continue;
    const say = labelFor(step.inputs, image);
    if (signatures.outcome === 'none') core.info(say('Managed signing: no rule of the signing configuration matches this repository.'));
    else if (signatures.outcome === 'signed') {
      const digests = signatures.digests.filter((d) => d.statuses.length > 0).map((d) => d.digest);
      core.info(say(`Signed by ECR (${signatures.profiles.map(shortProfile).join(', ')}): ${digests.join(', ')}.`));
    } else if (signatures.outcome === 'timeout' && step.inputs.onScanIncomplete === 'warn') core.warning(say(signatures.problem!));
    else core.info(say(signatures.problem!));
  }
}

async function waitForImage(step: Step, session: Session, image: ImageRun, profiles: string[], deadline: number): Promise<ImageSignatures> {
  const { deps } = step;
  const digests = [...new Set([image.candidate!.digest, ...(image.platforms ?? []).map((p) => p.digest)])];
  const started = deps.clock.now();
  let answers: DigestSigning[];
  for (;;) {
    answers = await Promise.all(digests.map((digest) => describe(session, image, digest)));
    const state = imageSigning(profiles, answers);
    if (state.state === 'signed') return { profiles, digests: answers, outcome: 'signed' };
    if (state.state === 'failed') {
      return {
        profiles,
        digests: answers,
        outcome: 'failed',
        problem: `ECR's managed signing failed: ${signingFailureText(state.failures)}.`,
      };
    }
    const delay = nextDelay(deps.clock.now() - started, deadline - deps.clock.now(), deps.random);
    if (delay <= 0) {
      return {
        profiles,
        digests: answers,
        outcome: 'timeout',
        problem: `ECR's managed signature did not arrive within scan-timeout (${step.inputs.scanTimeoutSeconds} s): still waiting for ${state.waitingFor.join(', ')}.`,
      };
    }
    await deps.sleep(delay);
  }
}

async function describe(session: Session, image: ImageRun, digest: string): Promise<DigestSigning> {
  try {
    const answer = await session.client.send(new DescribeImageSigningStatusCommand({ ...image.ref, imageId: { imageDigest: digest } }));
    return {
      digest,
      statuses: (answer.signingStatuses ?? []).map((s) => ({
        signingProfileArn: s.signingProfileArn ?? '',
        status: s.status ?? 'IN_PROGRESS',
        ...(s.failureCode ? { failureCode: s.failureCode } : {}),
        ...(s.failureReason ? { failureReason: s.failureReason } : {}),
      })),
    };
  } catch (error) {
    if (errorName(error) === 'AccessDeniedException') {
      throw new Error(
        `DescribeImageSigningStatus was refused (allow ecr:DescribeImageSigningStatus, docs/iam-policy.json): ${toMessage(error)}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * The verdict's words for an image whose managed signature failed or did not come in time, or
 * whose signing with a key failed (src/gate/signing.ts).
 */
export function signingFailure(step: Pick<Step, 'inputs'>, image: ImageRun): string | undefined {
  return signingFailures(signingFailureOf(image.signatures, step.inputs.onScanIncomplete), keySigningFailureOf(image.keySignatures));
}
