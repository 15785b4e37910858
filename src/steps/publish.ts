// Phase: the step's report, made once from its images and its verdict, and written everywhere
// people read it: the JSON report file, the SARIF file, the job summary and the PR comment. Each
// writer is thin; a comment that cannot be written is a warning, never a failure: the job's
// result is decided by the verdict alone. Loaded while buildx builds (main.ts), not at start-up.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import { commitUrl } from '../github/event.js';
import type { StepVerdict } from '../gate/verdict.js';
import { buildReport, gateSettings, skippedReport, stepReport } from '../report/assemble.js';
import { commentMarker, renderStepComment } from '../report/comment-body.js';
import { writeSarifFile, writeText } from '../report/files.js';
import { stepJsonChunks } from '../report/json.js';
import type { Report, StepReport } from '../report/model.js';
import { renderStepSummary } from '../report/summary.js';
import { writeSummaryText } from '../report/summary-writer.js';
import { toMessage } from '../util/errors.js';
import { layoutOf } from './label.js';
import type { ImageRun, Step } from './types.js';

export interface Published {
  reportPath: string;
  sarifPath?: string;
  commentUrl?: string;
}

/** The step's report: each image's, and the verdict over them. `registry`: undefined when nothing was pushed. */
export function reportOfStep(step: Pick<Step, 'inputs' | 'facts'>, images: ImageRun[], verdict: StepVerdict): StepReport {
  const { inputs, facts } = step;
  const common = {
    commit: facts.sha || undefined,
    commitUrl: commitUrl(facts),
    gate: gateSettings(inputs),
    runUrl: facts.runUrl,
    generatedAt: new Date().toISOString(),
  };
  const reports = images.map((image): { name: string; report: Report } => {
    const candidate = image.candidate;
    const tags = [...(image.plan.candidate ? [image.plan.candidate] : []), ...(image.promoted?.written ?? [])].map(
      (tag) => `${image.image}:${tag}`,
    );
    const known = {
      ...common,
      image: image.image,
      ...(candidate ? { digest: candidate.digest } : {}),
      build: candidate?.reused ? ('reused' as const) : ('built' as const),
      attestations: image.attestations,
      ...(image.policy
        ? { policy: { source: inputs.policy.source, results: image.policy.result.results, fails: image.policy.result.fails } }
        : {}),
      ...(image.signatures ? { signatures: { kind: 'managed' as const, ...image.signatures } } : {}),
      ...(image.keySignatures ? { keySignatures: image.keySignatures } : {}),
      tags,
      heldBack: image.promoted?.heldBack ?? verdict.heldBack.get(image.spec.name) ?? [],
    };
    const scanned = image.scanned;
    const report = scanned
      ? buildReport({
          ...known,
          // What the gate applied: the risk inputs only where they could apply.
          gate: gateSettings({
            ...inputs,
            epssThreshold: scanned.risk.gate.epssThreshold,
            failOnExploitable: scanned.risk.gate.failOnExploitable,
          }),
          riskNotes: scanned.risk.notes,
          scans: scanned.scans,
          decision: scanned.verdict.decision,
          ignores: { expired: scanned.verdict.expired },
          comparison: scanned.verdict.comparison,
        })
      : skippedReport({ ...known, skipped: 'scan-off', platforms: image.platforms });
    return { name: image.spec.name, report };
  });
  return stepReport(layoutOf(inputs), verdict, reports, facts.runUrl);
}

/** push: false: every image built, none pushed: the report of each says so. */
export function reportOfBuildOnly(step: Pick<Step, 'inputs' | 'facts'>, verdict: StepVerdict): StepReport {
  const { inputs, facts } = step;
  const reports = inputs.images.map((spec) => ({
    name: spec.name,
    report: skippedReport({
      image: spec.repository,
      commit: facts.sha || undefined,
      commitUrl: commitUrl(facts),
      gate: gateSettings(inputs),
      runUrl: facts.runUrl,
      generatedAt: new Date().toISOString(),
      build: 'not-pushed',
      skipped: 'not-pushed',
      tags: [],
    }),
  }));
  return stepReport(layoutOf(inputs), verdict, reports, facts.runUrl);
}

/**
 * Writes the step's report everywhere. `registry`: the comment key's default is
 * `registry/repository` for one image, `registry/images` for several (two steps of several
 * images on one PR set comment-key apart, as a matrix of single-image steps does).
 */
export async function publishStep(step: Step, report: StepReport, registry: string | undefined): Promise<Published> {
  const { inputs, facts, workspace, tempDir } = step;
  const published = await core.group('Report', async () => {
    const reportPath = await writeText(path.join(tempDir, 'report.json'), stepJsonChunks(report));
    const result: Published = { reportPath };
    if (inputs.sarif) {
      const { stepSarifFile } = await import('../report/sarif.js');
      const informationUri = `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`;
      const files = new Map(inputs.images.map((spec) => [spec.name, spec.file]));
      const dockerfileOf = (name: string) => relativeDockerfile(workspace, files.get(name) ?? 'Dockerfile');
      result.sarifPath = await writeSarifFile(
        path.resolve(workspace, inputs.sarif),
        stepSarifFile(report, { dockerfileOf, informationUri }),
      );
    }
    try {
      await writeSummaryText(renderStepSummary(report), core.summary, { overwrite: true });
    } catch (error) {
      core.warning(`The job summary could not be written: ${toMessage(error)}`);
    }
    const one = layoutOf(inputs) === 'one';
    const defaultKey = one
      ? registry
        ? `${registry}/${inputs.images[0]!.repository}`
        : inputs.images[0]!.repository
      : `${registry ? `${registry}/` : ''}images`;
    result.commentUrl = await comment(step, inputs.commentKey ?? defaultKey, (key) => renderStepComment(report, key));
    return result;
  });
  step.progress.published = true;
  return published;
}

function relativeDockerfile(workspace: string, file: string): string {
  return path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/');
}

/** The PR comment, on a pull request with `comment` on: written or edited; its URL. */
async function comment(step: Pick<Step, 'inputs' | 'facts'>, key: string, render: (key: string) => string): Promise<string | undefined> {
  const { inputs, facts } = step;
  const pr = facts.pullRequest;
  if (!inputs.comment || !pr || !facts.owner || !facts.repo) return undefined;
  const token = inputs.githubToken;
  if (token === '') {
    core.warning('No github-token: the PR comment was not written.');
    return undefined;
  }
  // Loaded only here: octokit stays off the start-up path of runs that write no comment.
  const [{ createCommentOctokit }, { upsertComment }] = await Promise.all([
    import('../github/octokit.js'),
    import('../github/upsert-comment.js'),
  ]);
  const result = await upsertComment({
    octokit: createCommentOctokit(token),
    owner: facts.owner,
    repo: facts.repo,
    issueNumber: pr.number,
    marker: commentMarker(key),
    body: render(key),
    // The report is of this commit: when the PR's head has moved on, a newer run reports.
    commit: pr.headSha,
    log: (message) => core.info(message),
    warn: (message) => core.warning(message),
  });
  if (result.warning) core.warning(result.warning);
  else core.info(`PR comment ${result.action}: ${result.url ?? ''}`);
  return result.url;
}
