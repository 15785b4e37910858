// State of the GitHub API stand-in: tokens, issue/PR comments, pull requests, injected
// faults and the call log. Everything is in memory; POST /_admin/reset clears it.
import { createHash } from 'node:crypto';

export interface Identity {
  login: string;
  type: 'User' | 'Bot';
  /** May create/edit/delete comments (a GITHUB_TOKEN with pull-requests: write). */
  write: boolean;
}

export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface Comment {
  id: number;
  repo: string;
  issue: number;
  body: string;
  user: User;
  createdAt: number;
  updatedAt: number;
  authorAssociation: string;
  performedViaGithubApp: unknown;
}

/** Overrides for one pull request; `missing` makes it (and its issue) 404. */
export interface PullOverride {
  missing?: boolean;
  [field: string]: unknown;
}

export interface FaultRule {
  id: number;
  /** Regular expression tested against the request path (without query). */
  paths?: string;
  methods?: string[];
  /** How many matching requests it affects; unlimited when omitted. */
  count?: number;
  status?: number;
  message?: string;
  hangMs?: number;
  headers?: Record<string, string>;
  uses: number;
}

/**
 * A latency: every request it scopes waits `ms` before it is answered, as api.github.com takes a
 * few hundred ms where this stand-in takes one. `repo` ("owner/name") and `issue` (a pull
 * request's number, also for the comments on it) narrow it; neither: every request.
 */
export interface LatencyRule {
  ms: number;
  repo?: string;
  issue?: number;
}

export interface CallRecord {
  time: string;
  requestId: string;
  method: string;
  path: string;
  query: string;
  status: number;
  login?: string;
  fault?: number;
  body?: unknown;
}

/** The identity every `ghs_…` token has unless registered otherwise: GITHUB_TOKEN's bot. */
export const ACTIONS_BOT: Identity = { login: 'github-actions[bot]', type: 'Bot', write: true };
const KNOWN_USER_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 };
const MAX_CALLS = 20000;

export function userOf(login: string, type: 'User' | 'Bot'): User {
  const id = KNOWN_USER_IDS[login] ?? 1000 + (createHash('sha256').update(login).digest().readUInt32BE(0) % 90_000_000);
  return { login, id, type };
}

export class GithubState {
  tokens = new Map<string, Identity>();
  comments = new Map<number, Comment>();
  pulls = new Map<string, PullOverride>();
  faults: FaultRule[] = [];
  latencies: LatencyRule[] = [];
  calls: CallRecord[] = [];
  /** Requests per token this hour, for the rate-limit headers. */
  rateUsed = new Map<string, number>();
  // Comment ids keep growing across resets, as on github.com, so stale ids never match.
  private nextCommentId = 2_000_000_001;
  private nextFaultId = 1;

  reset(): void {
    this.tokens.clear();
    this.comments.clear();
    this.pulls.clear();
    this.faults = [];
    this.latencies = [];
    this.calls = [];
    this.rateUsed.clear();
  }

  identityOf(token: string): Identity | undefined {
    return this.tokens.get(token) ?? (token.startsWith('ghs_') ? ACTIONS_BOT : undefined);
  }

  addComment(repo: string, issue: number, body: string, user: User, at: number, extra: Partial<Comment> = {}): Comment {
    const comment: Comment = {
      id: this.nextCommentId++,
      repo,
      issue,
      body,
      user,
      createdAt: at,
      updatedAt: at,
      authorAssociation: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      performedViaGithubApp: null,
      ...extra,
    };
    this.comments.set(comment.id, comment);
    return comment;
  }

  commentsOf(repo: string, issue: number): Comment[] {
    return [...this.comments.values()].filter((c) => c.repo === repo && c.issue === issue).sort((a, b) => a.id - b.id);
  }

  addFault(rule: Omit<FaultRule, 'id' | 'uses'>): FaultRule {
    const fault = { ...rule, id: this.nextFaultId++, uses: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** The first fault rule that matches and has uses left; counts the use. */
  takeFault(method: string, path: string): FaultRule | undefined {
    for (const rule of this.faults) {
      if (rule.count !== undefined && rule.uses >= rule.count) continue;
      if (rule.methods && !rule.methods.map((m) => m.toUpperCase()).includes(method)) continue;
      if (rule.paths && !new RegExp(rule.paths).test(path)) continue;
      rule.uses++;
      return rule;
    }
    return undefined;
  }

  /** The latency a request to `path` waits: the longest of the rules that scope it. */
  latencyOf(path: string): number {
    if (this.latencies.length === 0) return 0;
    const m = /^\/repos\/([^/]+\/[^/]+)\/(?:(?:issues|pulls)\/(\d+)|issues\/comments\/(\d+))/.exec(path);
    const repo = m?.[1];
    const issue = m?.[2] !== undefined ? Number(m[2]) : m?.[3] !== undefined ? this.comments.get(Number(m[3]))?.issue : undefined;
    let ms = 0;
    for (const rule of this.latencies) {
      if (rule.repo !== undefined && rule.repo !== repo) continue;
      if (rule.issue !== undefined && rule.issue !== issue) continue;
      ms = Math.max(ms, rule.ms);
    }
    return ms;
  }

  logCall(call: CallRecord): void {
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }
}
