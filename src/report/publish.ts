// Writes the one Report everywhere people read it: the JSON report file, the SARIF file, the
// job summary and the PR comment. Each writer is thin; a comment that cannot be written is a
// warning, never a failure: the job's result is decided by the scan alone.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import type { EventFacts } from '../github/event.js';
import { toMessage } from '../util/errors.js';
import type { Report } from './model.js';
import { writeJsonReport, writeSarifReport, writeText } from './files.js';
import type { StepReport } from './multi.js';
import { writeJobSummary, writeSummaryText } from './summary-writer.js';

export interface Published {
  reportPath: string;
  sarifPath?: string;
  commentUrl?: string;
}

/** The inputs publishing reads: where the SARIF goes, the Dockerfile it points at, the comment's. */
export interface PublishInputs {
  /** Where the SARIF file goes (the `sarif` input), when asked for. */
  sarif?: string;
  /** The Dockerfile the SARIF results point at. */
  file: string;
  comment: boolean;
  commentKey?: string;
  githubToken: string;
}

export interface PublishContext {
  inputs: PublishInputs;
  facts: EventFacts;
  /** The default comment key: registry/repository. */
  image: string;
  tempDir: string;
  workspace: string;
}

export async function publishReport(report: Report, context: PublishContext): Promise<Published> {
  const { inputs, facts, workspace } = context;
  const reportPath = await writeJsonReport(report, path.join(context.tempDir, 'report.json'));
  const published: Published = { reportPath };

  if (inputs.sarif) {
    published.sarifPath = await writeSarifReport(report, path.resolve(workspace, inputs.sarif), {
      dockerfile: relativeDockerfile(workspace, inputs.file),
      informationUri: `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`,
    });
  }

  try {
    await writeJobSummary(report, core.summary, { overwrite: true });
  } catch (error) {
    core.warning(`The job summary could not be written: ${toMessage(error)}`);
  }
  published.commentUrl = await comment(context, async (key) => (await import('./comment-body.js')).renderComment(report, key));
  return published;
}

/**
 * A multi-image step's report (issue 23), written where one image's is: one JSON report, one
 * SARIF file with a run per image, one job summary, one PR comment (its key: `comment-key`, else
 * the registry and the images' names).
 */
export async function publishStepReport(
  parts: Omit<StepReport, 'verdict'>,
  context: PublishContext & { files: Record<string, string> },
): Promise<Published> {
  const { inputs, facts, workspace } = context;
  const { renderStepComment, renderStepSummary, stepJsonChunks, stepVerdict } = await import('./multi.js');
  const step: StepReport = { ...parts, verdict: stepVerdict(parts.images) };
  const reportPath = await writeText(path.join(context.tempDir, 'report.json'), stepJsonChunks(step));
  const published: Published = { reportPath };
  if (inputs.sarif) {
    const { stepSarifChunks } = await import('./sarif.js');
    const informationUri = `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`;
    const runs = step.images.map(({ name, report }) => ({
      name,
      report,
      options: { dockerfile: relativeDockerfile(workspace, context.files[name] ?? inputs.file), informationUri },
    }));
    published.sarifPath = await writeText(path.resolve(workspace, inputs.sarif), stepSarifChunks(runs));
  }
  try {
    await writeSummaryText(renderStepSummary(step), core.summary, { overwrite: true });
  } catch (error) {
    core.warning(`The job summary could not be written: ${toMessage(error)}`);
  }
  published.commentUrl = await comment(context, (key) => Promise.resolve(renderStepComment(step, key)));
  return published;
}

function relativeDockerfile(workspace: string, file: string): string {
  return path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/');
}

/** The PR comment, on a pull request with `comment` on: written or edited; its URL. */
async function comment(context: PublishContext, render: (key: string) => Promise<string>): Promise<string | undefined> {
  const { inputs, facts } = context;
  const pr = facts.pullRequest;
  if (!inputs.comment || !pr || !facts.owner || !facts.repo) return undefined;
  return upsert(context, render, pr.number, facts.owner, facts.repo);
}

async function upsert(
  context: PublishContext,
  render: (key: string) => Promise<string>,
  issueNumber: number,
  owner: string,
  repo: string,
): Promise<string | undefined> {
  const token = context.inputs.githubToken;
  if (token === '') {
    core.warning('No github-token: the PR comment was not written.');
    return undefined;
  }
  // Loaded only here: octokit stays off the start-up path of runs that write no comment.
  const [{ createCommentOctokit }, { upsertComment }, { commentMarker }] = await Promise.all([
    import('../github/octokit.js'),
    import('../github/upsert-comment.js'),
    import('./comment-body.js'),
  ]);
  const key = context.inputs.commentKey ?? context.image;
  const result = await upsertComment({
    octokit: createCommentOctokit(token),
    owner,
    repo,
    issueNumber,
    marker: commentMarker(key),
    body: await render(key),
    log: (message) => core.info(message),
    warn: (message) => core.warning(message),
  });
  if (result.warning) core.warning(result.warning);
  else core.info(`PR comment ${result.action}: ${result.url ?? ''}`);
  return result.url;
}
