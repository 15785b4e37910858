// The GitHub REST endpoints the action uses, answered as api.github.com answers octokit:
// JSON bodies, GitHub's error shapes, Link pagination, request-id and rate-limit headers.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, parseJsonBody, sleep } from '../common/http.ts';
import { type Comment, type GithubState, type Identity, userOf } from './state.ts';

const DOCS = 'https://docs.github.com/rest';
const BODY_LIMIT = 65536;
const RATE_LIMIT = 5000;

class HttpError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Request {
  method: string;
  url: URL;
  identity?: Identity;
  body: Buffer;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

export class GithubApi {
  private readonly state: GithubState;
  private readonly baseUrl: string;

  constructor(state: GithubState, baseUrl: string) {
    this.state = state;
    this.baseUrl = baseUrl;
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const requestId = githubRequestId();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.baseUrl);
    const token = tokenOf(req.headers.authorization);
    let reply: Reply;
    let login: string | undefined;
    let faultId: number | undefined;
    let latency = 0;
    try {
      // GitHub's own latency, a round trip: half before the request is handled, half after.
      latency = this.state.latencyOf(url.pathname);
      if (latency > 0) await sleep(latency / 2);
      const fault = this.state.takeFault(method, url.pathname);
      if (fault) {
        faultId = fault.id;
        if (fault.hangMs) await sleep(fault.hangMs);
        if (fault.status) {
          const headers = { ...(fault.status === 429 ? { 'retry-after': '1' } : {}), ...fault.headers };
          throw new HttpError(fault.status, fault.message ?? DEFAULT_MESSAGES[fault.status] ?? 'Error', {}, headers);
        }
      }
      let identity: Identity | undefined;
      if (token !== undefined) {
        identity = this.state.identityOf(token);
        if (!identity) throw new HttpError(401, 'Bad credentials');
        login = identity.login;
      }
      reply = this.route({ method, url, identity, body });
    } catch (err) {
      if (!(err instanceof HttpError)) console.error('[github] request failed:', err);
      const e = err instanceof HttpError ? err : new HttpError(500, 'Server Error');
      reply = {
        status: e.status,
        body: { message: e.message, ...e.extra, documentation_url: DOCS, status: String(e.status) },
        headers: e.headers,
      };
    }

    if (latency > 0) await sleep(latency / 2);
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'content-length': String(Buffer.byteLength(text)),
      'x-github-request-id': requestId,
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      ...this.rateLimitHeaders(token ?? 'anonymous'),
      ...reply.headers,
    });
    res.end(text);

    let requestBody: unknown;
    try {
      requestBody = body.length > 0 ? parseJsonBody(body) : undefined;
    } catch {
      requestBody = body.toString('utf8').slice(0, 1000);
    }
    this.state.logCall({
      time: new Date().toISOString(),
      requestId,
      method,
      path: url.pathname,
      query: url.search,
      status: reply.status,
      ...(login ? { login } : {}),
      ...(faultId ? { fault: faultId } : {}),
      ...(requestBody !== undefined ? { body: requestBody } : {}),
    });
  }

  private rateLimitHeaders(token: string): Record<string, string> {
    const used = (this.state.rateUsed.get(token) ?? 0) + 1;
    this.state.rateUsed.set(token, used);
    const hour = 3600;
    const reset = (Math.floor(Date.now() / 1000 / hour) + 1) * hour;
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
    };
  }

  private route(req: Request): Reply {
    const p = req.url.pathname;
    let m: RegExpExecArray | null;
    if (p === '/user' && req.method === 'GET') return this.getUser(req);
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(p)) && req.method === 'GET') {
      return { status: 200, body: this.pull(`${m[1]}/${m[2]}`, Number(m[3])) };
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p))) {
      const repo = `${m[1]}/${m[2]}`;
      const issue = Number(m[3]);
      this.requireIssue(repo, issue);
      if (req.method === 'GET') return this.listComments(req, repo, issue);
      if (req.method === 'POST') return this.createComment(req, repo, issue);
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(p))) {
      const comment = this.state.comments.get(Number(m[3]));
      if (!comment || comment.repo !== `${m[1]}/${m[2]}`) throw new HttpError(404, 'Not Found');
      if (req.method === 'GET') return { status: 200, body: this.commentJson(comment) };
      if (req.method === 'PATCH') return this.updateComment(req, comment);
      if (req.method === 'DELETE') {
        this.requireWrite(req);
        this.state.comments.delete(comment.id);
        return { status: 204 };
      }
    }
    throw new HttpError(404, 'Not Found');
  }

  private getUser(req: Request): Reply {
    if (!req.identity) throw new HttpError(401, 'Requires authentication');
    // An installation token (GITHUB_TOKEN) is not a user.
    if (req.identity.type === 'Bot') {
      throw new HttpError(403, 'Resource not accessible by integration');
    }
    const user = userOf(req.identity.login, 'User');
    return { status: 200, body: { ...this.userJson(user), name: user.login, site_admin: false } };
  }

  private requireWrite(req: Request): Identity {
    if (!req.identity) throw new HttpError(401, 'Requires authentication');
    if (!req.identity.write) {
      throw new HttpError(
        403,
        req.identity.type === 'Bot' ? 'Resource not accessible by integration' : 'Resource not accessible by personal access token',
      );
    }
    return req.identity;
  }

  private requireIssue(repo: string, issue: number): void {
    if (this.state.pulls.get(`${repo}#${issue}`)?.missing) throw new HttpError(404, 'Not Found');
  }

  private listComments(req: Request, repo: string, issue: number): Reply {
    const q = req.url.searchParams;
    const perPage = Math.min(100, Math.max(1, Number(q.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
    const since = q.get('since');
    let all = this.state.commentsOf(repo, issue);
    if (since) all = all.filter((c) => c.updatedAt >= Date.parse(since));
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const items = all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c));
    const link = this.linkHeader(req.url, page, last, perPage);
    return { status: 200, body: items, headers: link ? { link } : {} };
  }

  /** GitHub's Link header: prev/next/last/first, each a full URL with per_page and page. */
  private linkHeader(url: URL, page: number, last: number, perPage: number): string | undefined {
    const at = (n: number) => {
      const u = new URL(url.pathname, this.baseUrl);
      for (const [k, v] of url.searchParams) if (k !== 'page' && k !== 'per_page') u.searchParams.set(k, v);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    const links: string[] = [];
    if (page > 1) links.push(`<${at(page - 1)}>; rel="prev"`);
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (page > 1) links.push(`<${at(1)}>; rel="first"`);
    return links.length > 0 ? links.join(', ') : undefined;
  }

  private createComment(req: Request, repo: string, issue: number): Reply {
    const identity = this.requireWrite(req);
    const text = commentBody(req.body);
    const comment = this.state.addComment(repo, issue, text, userOf(identity.login, identity.type), Date.now());
    const json = this.commentJson(comment);
    return { status: 201, body: json, headers: { location: json.url } };
  }

  private updateComment(req: Request, comment: Comment): Reply {
    this.requireWrite(req);
    comment.body = commentBody(req.body);
    comment.updatedAt = Date.now();
    return { status: 200, body: this.commentJson(comment) };
  }

  private userJson(user: { login: string; id: number; type: string }) {
    return {
      login: user.login,
      id: user.id,
      node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
      avatar_url: `${this.baseUrl}/avatars/${encodeURIComponent(user.login)}`,
      url: `${this.baseUrl}/users/${encodeURIComponent(user.login)}`,
      html_url: `${this.baseUrl}/${encodeURIComponent(user.login)}`,
      type: user.type,
      site_admin: false,
    };
  }

  commentJson(c: Comment) {
    return {
      url: `${this.baseUrl}/repos/${c.repo}/issues/comments/${c.id}`,
      html_url: `${this.baseUrl}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.baseUrl}/repos/${c.repo}/issues/${c.issue}`,
      id: c.id,
      node_id: nodeId('IC', c.id),
      user: this.userJson(c.user),
      created_at: isoSeconds(c.createdAt),
      updated_at: isoSeconds(c.updatedAt),
      author_association: c.authorAssociation,
      body: c.body,
      reactions: {
        url: `${this.baseUrl}/repos/${c.repo}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0,
      },
      performed_via_github_app: c.performedViaGithubApp,
    };
  }

  /** Any pull request exists, open, unless the admin API overrode or removed it. */
  pull(repo: string, number: number) {
    const override = this.state.pulls.get(`${repo}#${number}`) ?? {};
    if (override.missing) throw new HttpError(404, 'Not Found');
    const sha = (s: string) => createHash('sha1').update(s).digest('hex');
    const [owner] = repo.split('/');
    const author = userOf(owner!, 'User');
    const repoJson = { full_name: repo, name: repo.split('/')[1], owner: this.userJson(author) };
    const { missing: _missing, ...fields } = override;
    return {
      url: `${this.baseUrl}/repos/${repo}/pulls/${number}`,
      id: 3_000_000_000 + number,
      node_id: nodeId('PR', number),
      html_url: `${this.baseUrl}/${repo}/pull/${number}`,
      issue_url: `${this.baseUrl}/repos/${repo}/issues/${number}`,
      comments_url: `${this.baseUrl}/repos/${repo}/issues/${number}/comments`,
      number,
      state: 'open',
      locked: false,
      title: `Pull request #${number}`,
      user: this.userJson(author),
      body: null,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      draft: false,
      merged: false,
      head: { label: `${owner}:feature-${number}`, ref: `feature-${number}`, sha: sha(`${repo}#${number}:head`), repo: repoJson },
      base: { label: `${owner}:main`, ref: 'main', sha: sha(`${repo}:main`), repo: repoJson },
      author_association: 'MEMBER',
      ...fields,
    };
  }
}

/** The comment body from a request, with GitHub's validation errors. */
function commentBody(raw: Buffer): string {
  let json: unknown;
  try {
    json = parseJsonBody(raw);
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
  const body = isObject(json) ? json.body : undefined;
  if (typeof body !== 'string') throw new HttpError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  if (body.trim() === '') {
    throw new HttpError(422, 'Validation Failed', {
      errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
    });
  }
  // GitHub counts characters (code points), not UTF-16 units or bytes.
  if ([...body].length > BODY_LIMIT) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
        },
      ],
    });
  }
  return body;
}

function tokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : header.trim();
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`standin:${id}`).toString('base64url')}`;
}

function githubRequestId(): string {
  const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}
