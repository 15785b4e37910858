// Writes the one Report everywhere people read it: the JSON report file, the SARIF file, the
// job summary and the PR comment. Each writer is thin; a comment that cannot be written is a
// warning, never a failure: the job's result is decided by the scan alone.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import type { EventFacts } from '../github/event.js';
import type { Inputs } from '../inputs.js';
import { toMessage } from '../util/errors.js';
import type { Report } from './model.js';
import { writeJsonReport, writeSarifReport } from './files.js';
import { writeJobSummary } from './summary-writer.js';

export interface Published {
  reportPath: string;
  sarifPath?: string;
  commentUrl?: string;
}

/** The inputs publishing reads: where the SARIF goes, the Dockerfile it points at, the comment's. */
export type PublishInputs = Pick<Inputs, 'sarif' | 'file' | 'comment' | 'commentKey' | 'githubToken'>;

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
    const dockerfile = path.relative(workspace, path.resolve(workspace, inputs.file)).split(path.sep).join('/');
    published.sarifPath = await writeSarifReport(report, path.resolve(workspace, inputs.sarif), {
      dockerfile,
      informationUri: `${facts.serverUrl}/${process.env.GITHUB_ACTION_REPOSITORY || 'ecr-build-scan-push/ecr-build-scan-push'}`,
    });
  }

  try {
    await writeJobSummary(report, core.summary, { overwrite: true });
  } catch (error) {
    core.warning(`The job summary could not be written: ${toMessage(error)}`);
  }

  const pr = facts.pullRequest;
  if (inputs.comment && pr && facts.owner && facts.repo) {
    published.commentUrl = await comment(report, context, pr.number, facts.owner, facts.repo);
  }
  return published;
}

async function comment(
  report: Report,
  context: PublishContext,
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
  const [{ createCommentOctokit }, { upsertComment }, { commentMarker, renderComment }] = await Promise.all([
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
    body: renderComment(report, key),
    log: (message) => core.info(message),
    warn: (message) => core.warning(message),
  });
  if (result.warning) core.warning(result.warning);
  else core.info(`PR comment ${result.action}: ${result.url ?? ''}`);
  return result.url;
}
