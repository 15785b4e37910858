// Creates or updates this step's one comment on a pull request. Our comment is the one whose
// first line is our hidden marker AND that the token's own user wrote, so a human's comment
// that quotes or copies the marker is never edited. A comment that cannot be written is a
// warning in the result, never an exception: the report must not fail the step.
//
// Runs overlap (two pushes to a PR seconds apart), and GitHub has no compare-and-swap for a
// comment, so every run converges by itself to what running them one after the other leaves:
// after creating a comment it looks again, and of several comments of its key the oldest
// survives (links to it stay good) and the others are deleted by whichever run finds them; the
// survivor shows the report of the PR's head commit, read from the pull request when writing:
// a run of an older commit never overwrites a newer one's report. A comment another run has
// just deleted is not an error, to delete or to edit.
//
// The octokit is passed in, typed as narrowly as we use it (comment-api.ts), so tests pass a
// fake; the real one (octokit.ts) is loaded by the caller only when a comment is to be written.
// The marker is passed in too: the renderer owns its shape, this module only looks for it.
import {
  COMMENT_LIMIT_CHARS,
  CREATE_COMMENT,
  DELETE_COMMENT,
  GET_PULL,
  GET_USER,
  LIST_COMMENTS,
  UPDATE_COMMENT,
  type CommentOctokit,
} from './comment-api.js';
import { toMessage } from '../util/errors.js';
import { RetriesExhaustedError, realTime, withRetry } from '../util/retry.js';

export interface UpsertCommentRequest {
  octokit: CommentOctokit;
  owner: string;
  repo: string;
  issueNumber: number;
  /** The first line that marks our comment (the renderer's commentMarker(key)). */
  marker: string;
  /** The whole body, starting with `marker` (added when missing). */
  body: string;
  /**
   * The commit the body reports on (the PR's head when the run started). When the pull request's
   * head is another commit by the time the comment is written, the comment is left as it is.
   */
  commit?: string;
  log: (message: string) => void;
  /** Per request; listing every page gets four times this. Default 15 s. */
  timeoutMs?: number;
  /** Retries of a 5xx, a 429 or a timeout (src/util/retry.ts). Default 2. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: { now(): number };
  /** Each retry, as a warning; default `log`. */
  warn?: (message: string) => void;
}

export interface UpsertCommentResult {
  url?: string;
  /** `left`: the comment was not written, because the pull request's head is a newer commit. */
  action: 'created' | 'updated' | 'unchanged' | 'left' | 'skipped';
  warning?: string;
}

/** The GitHub Actions app's user, who writes comments with GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

interface IssueComment {
  id: number;
  body: string;
  url?: string;
  login?: string;
  type?: string;
}

export async function upsertComment(request: UpsertCommentRequest): Promise<UpsertCommentResult> {
  const { octokit, owner, repo, issueNumber, marker, log } = request;
  const body = firstLine(request.body) === marker ? request.body : `${marker}\n${request.body}`;
  const where = `pull request #${issueNumber} in ${owner}/${repo}`;
  if (body.length > COMMENT_LIMIT_CHARS) {
    return {
      action: 'skipped',
      warning: `The PR comment was not written: its body is ${body.length} characters, over GitHub's ${COMMENT_LIMIT_CHARS}.`,
    };
  }
  const call = caller(request);
  const ids = { owner, repo };

  let phase = `read the comments of ${where}`;
  try {
    const self = await whoAmI(call, log);
    const listOurs = async () =>
      (
        await call.idempotent(
          `GitHub: listing the comments of ${where}`,
          (signal) => octokit.paginate(LIST_COMMENTS, { ...ids, issue_number: issueNumber, per_page: 100, request: { signal } }),
          4,
        )
      )
        .map(parseComment)
        .filter((c): c is IssueComment => c !== undefined && isOurs(c, marker, self));
    /** The oldest of ours survives; the others (another run's, written at the same time) go. */
    const converge = async (ours: IssueComment[]): Promise<IssueComment | undefined> => {
      const [survivor, ...others] = ours;
      if (others.length > 0) {
        phase = `delete the extra comments on ${where}`;
        for (const other of others) await deleteComment(call, ids, other.id, where);
        log(
          `Found ${ours.length} comments of this step on ${where} (runs at the same time): kept the oldest, ${survivor!.url ?? survivor!.id}.`,
        );
      }
      return survivor;
    };
    /** Whether this run's commit is still the PR's head: only then may it overwrite a report. */
    const isHead = async (): Promise<boolean> => {
      if (request.commit === undefined) return true;
      const head = await pullHead(call, ids, issueNumber, log);
      if (head === undefined || head.toLowerCase() === request.commit.toLowerCase()) return true;
      log(
        `Left the comment on ${where} as it is: the pull request's head is now ${head.slice(0, 7)}, newer than this run's ${request.commit.slice(0, 7)}, whose report it would overwrite.`,
      );
      return false;
    };
    const update = async (comment: IssueComment): Promise<UpsertCommentResult> => {
      if (sameBody(comment.body, body)) {
        log(`The comment on ${where} is up to date: ${comment.url ?? comment.id}.`);
        return { url: comment.url, action: 'unchanged' };
      }
      if (!(await isHead())) return { url: comment.url, action: 'left' };
      phase = `update comment ${comment.id} on ${where}`;
      const response = await call.idempotent(`GitHub: updating comment ${comment.id} on ${where}`, (signal) =>
        octokit.request(UPDATE_COMMENT, { ...ids, comment_id: comment.id, body, request: { signal } }),
      );
      const url = parseComment(response.data)?.url ?? comment.url;
      log(`Updated the comment on ${where}: ${url ?? comment.id}.`);
      return { url, action: 'updated' };
    };

    const existing = await converge(await listOurs());
    if (existing) {
      try {
        return await update(existing);
      } catch (error) {
        // Deleted meanwhile (by a person, or by another run's clean-up): write to whichever survives.
        if (statusOf(error) !== 404) throw error;
        const survivor = await converge(await listOurs());
        if (survivor) return await update(survivor);
      }
    }

    phase = `comment on ${where}`;
    const response = await call.create(`GitHub: commenting on ${where}`, (signal) =>
      octokit.request(CREATE_COMMENT, { ...ids, issue_number: issueNumber, body, request: { signal } }),
    );
    const created = parseComment(response.data);
    log(`Commented on ${where}: ${created?.url ?? '(no URL returned)'}.`);
    // Another run may have commented at the same time: look again, keep the oldest.
    phase = `look again at the comments of ${where}`;
    const survivor = await converge(await listOurs());
    if (!survivor || survivor.id === created?.id) return { url: created?.url, action: 'created' };
    const kept = await update(survivor);
    return { ...kept, action: kept.action === 'left' ? 'left' : 'updated' };
  } catch (error) {
    return { action: 'skipped', warning: failureWarning(phase, where, error) };
  }
}

/** Deletes a comment; one another run has deleted already (404) is gone, as wanted. */
async function deleteComment(call: Caller, ids: { owner: string; repo: string }, id: number, where: string): Promise<void> {
  try {
    await call.idempotent(`GitHub: deleting comment ${id} on ${where}`, (signal) =>
      call.octokit.request(DELETE_COMMENT, { ...ids, comment_id: id, request: { signal } }),
    );
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

/** The pull request's head commit, or undefined when GitHub will not say (then this run writes, as before). */
async function pullHead(
  call: Caller,
  ids: { owner: string; repo: string },
  number: number,
  log: (message: string) => void,
): Promise<string | undefined> {
  try {
    const response = await call.idempotent(`GitHub: reading pull request #${number}`, (signal) =>
      call.octokit.request(GET_PULL, { ...ids, pull_number: number, request: { signal } }),
    );
    const head = (response.data as { head?: unknown } | null)?.head;
    return stringField(head, 'sha');
  } catch (error) {
    log(`GET pull request #${number}: ${statusOf(error) ?? toMessage(error)}; writing the comment without knowing the head.`);
    return undefined;
  }
}

/**
 * The token's own login, or undefined when GitHub will not say: GET /user answers 403 for the
 * installation token GITHUB_TOKEN is. Then only a Bot's comment can be ours.
 */
async function whoAmI(call: Caller, log: (message: string) => void): Promise<string | undefined> {
  try {
    const response = await call.idempotent('GitHub: GET /user', (signal) => call.octokit.request(GET_USER, { request: { signal } }));
    const login = stringField(response.data, 'login');
    if (login) return login;
  } catch (error) {
    log(
      `GET /user: ${statusOf(error) ?? toMessage(error)}; taking our comment to be a bot's (an installation token cannot read its user).`,
    );
  }
  return undefined;
}

function isOurs(comment: IssueComment, marker: string, self: string | undefined): boolean {
  if (firstLine(comment.body) !== marker) return false;
  if (self !== undefined) return comment.login?.toLowerCase() === self.toLowerCase();
  return comment.type === 'Bot' || comment.login === ACTIONS_BOT;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** GitHub may hand a body back with CRLF line ends or without the trailing newline. */
function sameBody(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/\r\n/g, '\n').trimEnd();
  return normal(a) === normal(b);
}

function parseComment(value: unknown): IssueComment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'number') return undefined;
  const user = (value as { user?: unknown }).user;
  return {
    id,
    body: stringField(value, 'body') ?? '',
    url: stringField(value, 'html_url'),
    login: stringField(user, 'login'),
    type: stringField(user, 'type'),
  };
}

function stringField(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : undefined;
}

// --- requests: timeout, retries -------------------------------------------------------------

interface Caller {
  octokit: CommentOctokit;
  /** GET and PATCH: retried on 5xx, 429, timeouts and network errors. `scale` multiplies the timeout. */
  idempotent<T>(what: string, send: (signal: AbortSignal) => Promise<T>, scale?: number): Promise<T>;
  /** POST: retried only when GitHub answered that it did not take it, never after a timeout, so it cannot comment twice. */
  create<T>(what: string, send: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Shorter than the registry's pauses: the comment is the last thing the step does. */
const BACKOFF_MS = [1000, 3000];

function caller(request: UpsertCommentRequest): Caller {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const retry = {
    clock: request.clock ?? realTime.clock,
    sleep: request.sleep ?? realTime.sleep,
    warn: request.warn ?? request.log,
    attempts: (request.retries ?? 2) + 1,
    backoffMs: BACKOFF_MS,
  };
  async function attempt<T>(
    what: string,
    send: (signal: AbortSignal) => Promise<T>,
    scale: number,
    retryable: (error: unknown) => boolean,
  ): Promise<T> {
    try {
      return await withRetry({ ...retry, what, transient: (error) => (retryable(error) ? describe(error) : undefined) }, () =>
        send(AbortSignal.timeout(timeoutMs * scale)),
      );
    } catch (error) {
      // The warning says why the last attempt failed (its status), not how many there were.
      throw error instanceof RetriesExhaustedError ? error.cause : error;
    }
  }
  return {
    octokit: request.octokit,
    idempotent: (what, send, scale = 1) => attempt(what, send, scale, (e) => isTransient(e)),
    create: (what, send) => attempt(what, send, 1, (e) => [429, 500, 502, 503].includes(statusOf(e) ?? 0) && hasResponse(e)),
  };
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Octokit reports a network error or an aborted request as status 500 without a response. */
function hasResponse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { response?: unknown }).response !== undefined;
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth += 1) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  }
  return false;
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return isTimeout(error) || status === undefined || status >= 500 || status === 429;
}

function describe(error: unknown): string {
  if (isTimeout(error)) return 'the request timed out';
  const status = statusOf(error);
  const message = toMessage(error)
    .replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '')
    .slice(0, 200);
  return status === undefined ? message : `${status}${hasResponse(error) ? ` ${message}` : ` (${message})`}`;
}

function failureWarning(phase: string, where: string, error: unknown): string {
  const status = statusOf(error);
  const base = `Could not ${phase}: ${describe(error)}.`;
  if (isTimeout(error) || !hasResponse(error)) return `${base} The report is in the job summary.`;
  switch (status) {
    case 401:
      return `${base} The github-token input is not a valid token.`;
    case 403:
      return `${base} The token may not write to ${where}: on pull requests from forks GITHUB_TOKEN is read-only. Give the job \`permissions: pull-requests: write\`, or set \`comment: false\`.`;
    case 404:
      return `${base} The pull request was not found, or the token cannot see it.`;
    case 422:
      return `${base} GitHub refused the comment.`;
    default:
      return `${base} The report is in the job summary.`;
  }
}
