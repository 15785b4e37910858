// The GitHub stand-in's admin API (JSON under /_admin). See test/stack/README.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, parseJsonBody, sendJson } from '../common/http.ts';
import type { GithubApi } from './api.ts';
import { ACTIONS_BOT, type GithubState, type Identity, userOf } from './state.ts';

class AdminError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export class GithubAdmin {
  private readonly state: GithubState;
  private readonly api: GithubApi;
  private readonly startedAt = Date.now();

  constructor(state: GithubState, api: GithubApi) {
    this.state = state;
    this.api = api;
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
    try {
      const [status, out] = this.route(route, url.searchParams, body);
      sendJson(res, status, out);
    } catch (err) {
      sendJson(res, err instanceof AdminError ? err.status : 500, { error: (err as Error).message });
    }
  }

  private route(route: string, q: URLSearchParams, body: Buffer): [number, unknown] {
    switch (route) {
      case 'GET /_admin/health':
        return [200, { ok: true, service: 'github-standin', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) }];
      case 'POST /_admin/reset':
        this.state.reset();
        return [200, { reset: true }];
      case 'GET /_admin/tokens':
        return [200, { default: { 'ghs_*': ACTIONS_BOT }, tokens: Object.fromEntries(this.state.tokens) }];
      case 'PUT /_admin/tokens':
        return [200, { tokens: this.putTokens(json(body)) }];
      case 'POST /_admin/comments':
        return [201, this.seedComment(json(body))];
      case 'GET /_admin/comments': {
        const repo = q.get('repo');
        const issue = q.get('issue');
        const comments = [...this.state.comments.values()]
          .filter((c) => (repo === null || c.repo === repo) && (issue === null || c.issue === Number(issue)))
          .sort((a, b) => a.id - b.id)
          .map((c) => this.api.commentJson(c));
        return [200, { comments }];
      }
      case 'PUT /_admin/pulls': {
        const b = json(body);
        if (!isObject(b) || typeof b.repo !== 'string' || typeof b.number !== 'number') {
          throw new AdminError(400, 'body: {"repo": "owner/name", "number": N, "missing"?: true, ...pull request fields}');
        }
        const { repo, number, ...fields } = b;
        this.state.pulls.set(`${repo}#${number}`, fields);
        return [200, { repo, number, override: fields }];
      }
      case 'GET /_admin/calls': {
        const method = q.get('method');
        const path = q.get('path');
        const calls = this.state.calls.filter(
          (c) => (method === null || c.method === method.toUpperCase()) && (path === null || new RegExp(path).test(c.path)),
        );
        return [200, { calls }];
      }
      case 'DELETE /_admin/calls':
        this.state.calls = [];
        return [200, { cleared: true }];
      case 'GET /_admin/faults':
        return [200, { faults: this.state.faults }];
      case 'POST /_admin/faults':
        return [201, this.addFault(json(body))];
      case 'DELETE /_admin/faults':
        this.state.faults = [];
        return [200, { cleared: true }];
      case 'GET /_admin/latency':
        return [200, { latencies: this.state.latencies }];
      case 'PUT /_admin/latency':
        return [200, { latencies: this.putLatency(json(body)) }];
      case 'DELETE /_admin/latency':
        this.state.latencies = [];
        return [200, { cleared: true }];
    }
    throw new AdminError(404, `no admin route ${route}`);
  }

  /** {"ms": N, "repo"?: "owner/name", "issue"?: N}: replaces the rule of that scope (ms 0 removes it). */
  private putLatency(b: unknown) {
    if (!isObject(b) || typeof b.ms !== 'number' || !(b.ms >= 0 && b.ms <= 60_000)) {
      throw new AdminError(400, 'body: {"ms": 0-60000, "repo"?: "owner/name", "issue"?: N}');
    }
    if (b.repo !== undefined && typeof b.repo !== 'string') throw new AdminError(400, 'repo must be "owner/name"');
    if (b.issue !== undefined && typeof b.issue !== 'number') throw new AdminError(400, 'issue must be a number');
    const rule = { ms: b.ms, ...(b.repo !== undefined ? { repo: b.repo } : {}), ...(b.issue !== undefined ? { issue: b.issue } : {}) };
    this.state.latencies = this.state.latencies.filter((r) => r.repo !== rule.repo || r.issue !== rule.issue);
    if (rule.ms > 0) this.state.latencies.push(rule);
    return this.state.latencies;
  }

  /**
   * {"<token>": {"login", "type", "write"}, …}; also {"tokens": {…}} or one
   * {"token": "<token>", "login", "type", "write"}.
   */
  private putTokens(b: unknown): Record<string, Identity> {
    if (!isObject(b)) throw new AdminError(400, 'body must be a JSON object');
    const entries: [string, unknown][] =
      typeof b.token === 'string' ? [[b.token, b]] : isObject(b.tokens) ? Object.entries(b.tokens) : Object.entries(b);
    if (entries.length === 0) throw new AdminError(400, 'body: {"<token>": {"login", "type": "User"|"Bot", "write"}}');
    const out: Record<string, Identity> = {};
    for (const [token, spec] of entries) {
      if (!isObject(spec) || typeof spec.login !== 'string') throw new AdminError(400, `token ${token}: login is required`);
      const type = spec.type === 'Bot' ? 'Bot' : 'User';
      const identity: Identity = { login: spec.login, type, write: spec.write !== false };
      this.state.tokens.set(token, identity);
      out[token] = identity;
    }
    return out;
  }

  /** A comment by someone else: {"repo", "issue", "body", "login"?, "type"?, "created_at"?, ...}. */
  private seedComment(b: unknown) {
    if (!isObject(b) || typeof b.repo !== 'string' || typeof b.issue !== 'number' || typeof b.body !== 'string') {
      throw new AdminError(400, 'body: {"repo": "owner/name", "issue": N, "body": "...", "login"?: "...", "type"?: "User"|"Bot"}');
    }
    const user = isObject(b.user) ? b.user : b;
    const login = typeof user.login === 'string' ? user.login : 'octocat';
    const type = user.type === 'Bot' ? 'Bot' : 'User';
    const at = typeof b.created_at === 'string' ? Date.parse(b.created_at) : Date.now();
    const comment = this.state.addComment(b.repo, b.issue, b.body, userOf(login, type), at, {
      ...(typeof b.author_association === 'string' ? { authorAssociation: b.author_association } : {}),
      ...(b.performed_via_github_app !== undefined ? { performedViaGithubApp: b.performed_via_github_app } : {}),
    });
    return this.api.commentJson(comment);
  }

  private addFault(b: unknown) {
    if (!isObject(b)) throw new AdminError(400, 'body must be a JSON object');
    if (b.status === undefined && b.hangMs === undefined) throw new AdminError(400, 'a fault needs status and/or hangMs');
    if (typeof b.paths === 'string') new RegExp(b.paths); // throws on a bad pattern
    return this.state.addFault({
      ...(typeof b.paths === 'string' ? { paths: b.paths } : {}),
      ...(Array.isArray(b.methods) ? { methods: b.methods.map(String) } : {}),
      ...(typeof b.count === 'number' ? { count: b.count } : {}),
      ...(typeof b.status === 'number' ? { status: b.status } : {}),
      ...(typeof b.message === 'string' ? { message: b.message } : {}),
      ...(typeof b.hangMs === 'number' ? { hangMs: b.hangMs } : {}),
      ...(isObject(b.headers) ? { headers: b.headers as Record<string, string> } : {}),
    });
  }
}

function json(body: Buffer): unknown {
  try {
    return parseJsonBody(body);
  } catch (err) {
    throw new AdminError(400, `invalid JSON: ${(err as Error).message}`);
  }
}
