// Facts about the triggering event that the pipeline needs: which commit to tag, the PR
// (for comments and the base comparison), and the release (for release tags). Parsed from
// the runner's environment and the event payload file; no octokit is loaded for this.
import { readFileSync } from 'node:fs';

export interface PullRequestFacts {
  number: number;
  headSha: string;
  baseSha?: string;
  baseRef?: string;
  /** The head is in another repository: its token is read-only and it should not push. */
  fromFork: boolean;
}

export interface ReleaseFacts {
  /** The git tag, e.g. v1.2.3. */
  tag: string;
  /** As GitHub says for a release event; for a pushed tag, true when the version has a pre-release part. */
  prerelease: boolean;
}

export interface EventFacts {
  eventName: string;
  /** The commit the image is of: the PR head on pull_request events, GITHUB_SHA otherwise. */
  sha: string;
  ref: string;
  owner?: string;
  repo?: string;
  serverUrl: string;
  apiUrl: string;
  runUrl?: string;
  pullRequest?: PullRequestFacts;
  release?: ReleaseFacts;
  /**
   * The branch the image is built from: a pull request's head branch, or the pushed branch
   * (`refs/heads/…`); undefined for tags and releases.
   */
  branch?: string;
  /** The repository's default branch, from the payload's `repository.default_branch`. */
  defaultBranch?: string;
}

/** The page of the commit the image is of, when the repository is known. */
export function commitUrl(facts: Pick<EventFacts, 'serverUrl' | 'owner' | 'repo' | 'sha'>): string | undefined {
  if (!facts.owner || !facts.repo || !/^[0-9a-f]{7,64}$/i.test(facts.sha)) return undefined;
  return `${facts.serverUrl}/${facts.owner}/${facts.repo}/commit/${facts.sha}`;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Pure: environment variables + payload → facts. Missing fields give undefined, never a crash. */
export function parseEventFacts(env: Record<string, string | undefined>, payload: unknown): EventFacts {
  const event = object(payload) ?? {};
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = env.GITHUB_RUN_ID;
  const facts: EventFacts = {
    eventName,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    owner: owner || undefined,
    repo: repo || undefined,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    defaultBranch: string(object(event.repository)?.default_branch),
  };
  if (facts.ref.startsWith('refs/heads/')) facts.branch = facts.ref.slice('refs/heads/'.length) || undefined;

  const pr = object(event.pull_request);
  if (PR_EVENTS.has(eventName) && pr) {
    const head = object(pr.head);
    const base = object(pr.base);
    const headSha = string(head?.sha);
    const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : undefined;
    if (headSha) facts.sha = headSha; // not the merge commit GITHUB_SHA points at
    if (number !== undefined && headSha) {
      const headRepo = string(object(head?.repo)?.full_name);
      const baseRepo = string(object(base?.repo)?.full_name);
      facts.pullRequest = {
        number,
        headSha,
        baseSha: string(base?.sha),
        baseRef: string(base?.ref),
        fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo,
      };
    }
    // GITHUB_REF is the merge ref (pull_request) or the base branch (pull_request_target).
    facts.branch = string(head?.ref) ?? string(env.GITHUB_HEAD_REF);
  }

  const release = object(event.release);
  if (eventName === 'release' && release) {
    const tag = string(release.tag_name);
    if (tag) facts.release = { tag, prerelease: release.prerelease === true };
  } else if (eventName === 'push' && facts.ref.startsWith('refs/tags/')) {
    const tag = facts.ref.slice('refs/tags/'.length);
    facts.release = { tag, prerelease: /^v?\d+\.\d+\.\d+-/.test(tag) };
  }
  return facts;
}

export function readEventFacts(env: Record<string, string | undefined> = process.env): EventFacts {
  let payload: unknown = {};
  const file = env.GITHUB_EVENT_PATH;
  if (file) {
    try {
      payload = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      payload = {}; // the runner always writes it; a local run may not
    }
  }
  return parseEventFacts(env, payload);
}
