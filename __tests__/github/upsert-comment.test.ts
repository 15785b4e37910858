import { describe, expect, test } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  COMMENT_LIMIT_CHARS,
  CREATE_COMMENT,
  DELETE_COMMENT,
  GET_PULL,
  GET_USER,
  LIST_COMMENTS,
  UPDATE_COMMENT,
  type CommentOctokit,
} from '../../src/github/comment-api.js';
import { upsertComment, type UpsertCommentRequest } from '../../src/github/upsert-comment.js';
import { commentMarker } from '../../src/report/comment-body.js';

const KEY = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const MARKER = commentMarker(KEY);
const BODY = `${MARKER}\n### ✅ ECR scan passed\n`;

type Route =
  typeof GET_USER | typeof CREATE_COMMENT | typeof UPDATE_COMMENT | typeof DELETE_COMMENT | typeof GET_PULL | typeof LIST_COMMENTS;

interface Call {
  route: Route;
  params: Record<string, unknown>;
}

/** An octokit error as @octokit/request throws it: status, and the response when GitHub answered. */
function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { name: 'HttpError', status, response: { status, data: { message } } });
}

function timeoutError(): Error {
  const cause = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
  return Object.assign(new Error('The operation was aborted due to timeout', { cause }), { name: 'HttpError', status: 500 });
}

function comment(id: number, body: string, login: string, type: 'Bot' | 'User') {
  return { id, body, html_url: `https://github.com/acme/retail/pull/7#issuecomment-${id}`, user: { login, type } };
}

const BOT = 'github-actions[bot]';

/** The commit the request's body reports on, and the PR's head unless a case says otherwise. */
const HEAD = 'c'.repeat(40);

/**
 * A fake GitHub, as the API behaves: `user` is GET /user's answer (an Error to throw),
 * `comments` the PR's comments, which creating, editing and deleting change (ids grow);
 * `head` the pull request's head commit; `failures` are thrown, in order, by the first calls to
 * a route; `pause` is awaited before a route answers (to interleave two runs).
 */
function fakeGitHub(setup: {
  user?: { login: string } | Error;
  comments?: unknown[];
  head?: string;
  failures?: Partial<Record<Route, unknown[]>>;
  pause?: (route: Route) => Promise<void>;
}) {
  const calls: Call[] = [];
  const comments = [...(setup.comments ?? [])] as Array<ReturnType<typeof comment>>;
  let nextId = 900;
  const failures = new Map(Object.entries(setup.failures ?? {}).map(([route, list]) => [route, [...(list ?? [])]]));
  const answer = async (route: Route, params: Record<string, unknown>) => {
    await setup.pause?.(route);
    calls.push({ route, params });
    const failure = failures.get(route)?.shift();
    if (failure !== undefined) throw failure;
  };
  const octokit: CommentOctokit = {
    async request(route, params = {}) {
      await answer(route, params);
      if (route === GET_USER) {
        if (setup.user instanceof Error || setup.user === undefined)
          throw setup.user ?? httpError(403, 'Resource not accessible by integration');
        return { status: 200, data: setup.user };
      }
      if (route === GET_PULL) return { status: 200, data: { number: 7, head: { sha: setup.head ?? HEAD } } };
      if (route === CREATE_COMMENT) {
        const created = comment(nextId++, String(params.body), BOT, 'Bot');
        comments.push(created);
        return { status: 201, data: created };
      }
      const existing = comments.find((c) => c.id === Number(params.comment_id));
      if (!existing) throw httpError(404, 'Not Found');
      if (route === DELETE_COMMENT) {
        comments.splice(comments.indexOf(existing), 1);
        return { status: 204, data: undefined };
      }
      existing.body = String(params.body);
      return { status: 200, data: existing };
    },
    async paginate(route, params) {
      await answer(route, params);
      return comments.map((c) => ({ ...c, user: { ...c.user } }));
    },
  };
  return {
    octokit,
    calls,
    comments,
    writes: () => calls.filter((c) => c.route === CREATE_COMMENT || c.route === UPDATE_COMMENT),
    deletes: () => calls.filter((c) => c.route === DELETE_COMMENT).map((c) => c.params.comment_id),
  };
}

function request(octokit: CommentOctokit, overrides: Partial<UpsertCommentRequest> = {}) {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const warnings: string[] = [];
  const req: UpsertCommentRequest = {
    octokit,
    owner: 'acme',
    repo: 'retail',
    issueNumber: 7,
    marker: MARKER,
    body: BODY,
    log: (m) => logs.push(m),
    warn: (m) => warnings.push(m),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { req, sleeps, logs, warnings };
}

describe('upsertComment: which comment is ours', () => {
  test.each([
    ['the bot wrote it with our marker (GITHUB_TOKEN)', undefined, [comment(11, `${MARKER}\nold`, BOT, 'Bot')], 'updated', 11],
    [
      'another app bot with our marker (app installation token)',
      undefined,
      [comment(12, `${MARKER}\nold`, 'my-app[bot]', 'Bot')],
      'updated',
      12,
    ],
    ['a human copied our marker', undefined, [comment(13, `${MARKER}\nfake`, 'mallory', 'User')], 'created', undefined],
    ['a PAT: the token user wrote it', { login: 'ci-user' }, [comment(14, `${MARKER}\nold`, 'CI-User', 'User')], 'updated', 14],
    [
      "a PAT: the bot comment is not the token user's",
      { login: 'ci-user' },
      [comment(15, `${MARKER}\nold`, BOT, 'Bot')],
      'created',
      undefined,
    ],
    [
      'a PAT: another human with the marker',
      { login: 'ci-user' },
      [comment(16, `${MARKER}\nold`, 'mallory', 'User')],
      'created',
      undefined,
    ],
    ['another key', undefined, [comment(17, `${commentMarker('other/key')}\nold`, BOT, 'Bot')], 'created', undefined],
    ['a key that extends ours', undefined, [comment(18, `${commentMarker(`${KEY}-arm64`)}\nold`, BOT, 'Bot')], 'created', undefined],
    ['our marker quoted below the first line', undefined, [comment(19, `> quoting\n${MARKER}`, BOT, 'Bot')], 'created', undefined],
    ['no comments', undefined, [], 'created', undefined],
  ] as const)('%s', async (_name, user, comments, action, updatedId) => {
    const github = fakeGitHub({ user, comments: [...comments] });
    const result = await upsertComment(request(github.octokit).req);
    expect(result.action).toBe(action);
    expect(result.warning).toBeUndefined();
    const writes = github.writes();
    expect(writes).toHaveLength(1);
    if (action === 'updated') expect(writes[0]).toMatchObject({ route: UPDATE_COMMENT, params: { comment_id: updatedId, body: BODY } });
    else expect(writes[0]).toMatchObject({ route: CREATE_COMMENT, params: { owner: 'acme', repo: 'retail', issue_number: 7, body: BODY } });
    expect(result.url).toMatch(/^https:\/\/github\.com\/acme\/retail\/pull\/7#issuecomment-\d+$/);
    expect(github.deletes()).toEqual([]);
  });

  test('reads every page, 100 at a time, with a timeout signal', async () => {
    const github = fakeGitHub({ comments: [] });
    await upsertComment(request(github.octokit).req);
    const list = github.calls.find((c) => c.route === LIST_COMMENTS);
    expect(list?.params).toMatchObject({ owner: 'acme', repo: 'retail', issue_number: 7, per_page: 100 });
    const signal = (list?.params.request as { signal?: unknown } | undefined)?.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    for (const call of github.calls) expect((call.params.request as { signal?: unknown }).signal).toBeInstanceOf(AbortSignal);
  });

  test('with several of ours, the oldest is updated', async () => {
    const github = fakeGitHub({ comments: [comment(21, `${MARKER}\na`, BOT, 'Bot'), comment(22, `${MARKER}\nb`, BOT, 'Bot')] });
    const result = await upsertComment(request(github.octokit).req);
    expect(result.action).toBe('updated');
    expect(github.writes()[0]?.params.comment_id).toBe(21);
    // The other is another run's duplicate: deleted, so the PR keeps one comment.
    expect(github.deletes()).toEqual([22]);
    expect(github.comments.map((c) => c.id)).toEqual([21]);
  });
});

describe('upsertComment: runs at the same time converge to one comment, of the newest head', () => {
  const OLD = 'a'.repeat(40);
  const NEW = 'b'.repeat(40);
  const body = (sha: string) => `${MARKER}\n### report of ${sha.slice(0, 7)}\n`;

  /** Both runs list before either writes: the window real latency opens. */
  function listedTogether() {
    let waiting: Array<() => void> = [];
    let lists = 0;
    return async (route: Route) => {
      if (route !== LIST_COMMENTS || ++lists > 2) return;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 2) {
          for (const go of waiting) go();
          waiting = [];
        }
      });
    };
  }

  test.each([
    ['the older commit first', [OLD, NEW]],
    ['the newer commit first', [NEW, OLD]],
  ])('two runs of one PR, %s: one comment survives, the oldest, and it shows the head commit', async (_name, order) => {
    const github = fakeGitHub({ head: NEW, pause: listedTogether() });
    const run = (sha: string) => upsertComment(request(github.octokit, { body: body(sha), commit: sha }).req);
    const results = await Promise.all(order.map(run));

    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.id).toBe(900); // the first created: links to it stay good
    expect(github.comments[0]!.body).toBe(body(NEW));
    expect(results.map((r) => r.warning)).toEqual([undefined, undefined]);
  });

  test('the same commit run twice at once: one comment', async () => {
    const github = fakeGitHub({ head: NEW, pause: listedTogether() });
    await Promise.all([1, 2].map(() => upsertComment(request(github.octokit, { body: body(NEW), commit: NEW }).req)));
    expect(github.comments.map((c) => c.body)).toEqual([body(NEW)]);
  });

  test("a run of an older commit leaves the newer commit's report as it is, and says so", async () => {
    const github = fakeGitHub({ head: NEW, comments: [comment(71, body(NEW), BOT, 'Bot')] });
    const { req, logs } = request(github.octokit, { body: body(OLD), commit: OLD });
    const result = await upsertComment(req);
    expect(result).toMatchObject({ action: 'left', url: 'https://github.com/acme/retail/pull/7#issuecomment-71' });
    expect(github.writes()).toEqual([]);
    expect(github.comments[0]!.body).toBe(body(NEW));
    expect(logs.join('\n')).toMatch(/Left the comment .* the pull request's head is now bbbbbbb, newer than this run's aaaaaaa/);
  });

  test('without a commit to compare (or when the pull request cannot be read), the comment is written as before', async () => {
    const github = fakeGitHub({
      head: NEW,
      comments: [comment(72, body(NEW), BOT, 'Bot')],
      failures: { [GET_PULL]: [httpError(404, 'Not Found')] },
    });
    // An older commit's run that cannot read the pull request writes, as every run did before.
    expect((await upsertComment(request(github.octokit, { body: body(OLD), commit: OLD }).req)).action).toBe('updated');
    expect(github.calls.some((c) => c.route === GET_PULL)).toBe(true);
    const plain = fakeGitHub({ head: NEW, comments: [comment(73, body(NEW), BOT, 'Bot')] });
    expect((await upsertComment(request(plain.octokit, { body: body(OLD) }).req)).action).toBe('updated');
    expect(plain.calls.some((c) => c.route === GET_PULL)).toBe(false);
  });

  test('a comment another run deleted meanwhile is not an error: to delete, or to edit', async () => {
    // Deleting a duplicate someone else already deleted: 404, and nothing more to do.
    const gone = fakeGitHub({
      comments: [comment(81, `${MARKER}\nx`, BOT, 'Bot'), comment(82, `${MARKER}\ny`, BOT, 'Bot')],
      failures: { [DELETE_COMMENT]: [httpError(404, 'Not Found')] },
    });
    expect(await upsertComment(request(gone.octokit).req)).toMatchObject({ action: 'updated' });
    // Editing the survivor someone else deleted: look again, and comment anew when none is left.
    let deleteFirst: (() => void) | undefined;
    const edited = fakeGitHub({
      comments: [comment(83, `${MARKER}\nx`, BOT, 'Bot')],
      pause: (route) => {
        if (route === UPDATE_COMMENT) {
          deleteFirst?.();
          deleteFirst = undefined;
        }
        return Promise.resolve();
      },
    });
    deleteFirst = () => edited.comments.splice(0, 1);
    const result = await upsertComment(request(edited.octokit).req);
    expect(result).toMatchObject({ action: 'created' });
    expect(result.warning).toBeUndefined();
    expect(edited.comments.map((c) => c.body)).toEqual([BODY]);
  });
});

describe('upsertComment: unchanged', () => {
  test.each([
    ['the same body', BODY],
    ['the same body with CRLF and no final newline', BODY.replace(/\n/g, '\r\n').trimEnd()],
  ])('%s is not written again', async (_name, existing) => {
    const github = fakeGitHub({ comments: [comment(31, existing, BOT, 'Bot')] });
    const result = await upsertComment(request(github.octokit).req);
    expect(result).toEqual({ action: 'unchanged', url: 'https://github.com/acme/retail/pull/7#issuecomment-31' });
    expect(github.writes()).toEqual([]);
  });

  test('a changed body is written', async () => {
    const github = fakeGitHub({ comments: [comment(32, `${BODY}more`, BOT, 'Bot')] });
    expect((await upsertComment(request(github.octokit).req)).action).toBe('updated');
  });
});

describe('upsertComment: the body', () => {
  test('the marker is added when the body lacks it, so the comment is found next time', async () => {
    const github = fakeGitHub({});
    await upsertComment(request(github.octokit, { body: 'no marker' }).req);
    expect(github.writes()[0]?.params.body).toBe(`${MARKER}\nno marker`);
  });

  test('a body over the limit is not sent', async () => {
    const github = fakeGitHub({});
    const result = await upsertComment(request(github.octokit, { body: `${MARKER}\n${'x'.repeat(COMMENT_LIMIT_CHARS)}` }).req);
    expect(result.action).toBe('skipped');
    expect(result.warning).toMatch(/over GitHub's 65536/);
    expect(github.calls).toEqual([]);
  });
});

describe('upsertComment: failures are warnings', () => {
  test.each([
    [
      '403 read-only fork token on create',
      CREATE_COMMENT,
      httpError(403, 'Resource not accessible by integration'),
      /Could not comment on pull request #7 in acme\/retail: 403 Resource not accessible by integration\..*permissions: pull-requests: write/,
    ],
    [
      '404 on listing',
      LIST_COMMENTS,
      httpError(404, 'Not Found'),
      /Could not read the comments of pull request #7 in acme\/retail: 404 Not Found\. The pull request was not found/,
    ],
    [
      '422 on update',
      UPDATE_COMMENT,
      httpError(422, 'Validation Failed'),
      /Could not update comment 41 on .*: 422 Validation Failed\. GitHub refused the comment\./,
    ],
    [
      '401 bad token',
      LIST_COMMENTS,
      httpError(401, 'Bad credentials'),
      /401 Bad credentials\. The github-token input is not a valid token\./,
    ],
  ] as const)('%s', async (_name, route, error, warning) => {
    const github = fakeGitHub({ comments: [comment(41, `${MARKER}\nold`, BOT, 'Bot')], failures: { [route]: [error] } });
    const { req, sleeps } = request(github.octokit);
    const result = await upsertComment(route === CREATE_COMMENT ? { ...req, marker: commentMarker('new-key'), body: 'x' } : req);
    expect(result.action).toBe('skipped');
    expect(result.warning).toMatch(warning);
    expect(sleeps).toEqual([]); // 4xx is not retried
  });

  test('5xx is retried with backoff, then succeeds', async () => {
    const github = fakeGitHub({
      comments: [comment(51, `${MARKER}\nold`, BOT, 'Bot')],
      failures: { [UPDATE_COMMENT]: [httpError(502, 'Bad Gateway'), httpError(500, 'Server Error')] },
    });
    const { req, sleeps } = request(github.octokit);
    const result = await upsertComment(req);
    expect(result.action).toBe('updated');
    expect(sleeps).toEqual([1000, 3000]);
    expect(github.writes()).toHaveLength(3);
  });

  test('5xx on every attempt is a warning after the retries', async () => {
    const errors = [httpError(503, 'Unavailable'), httpError(503, 'Unavailable'), httpError(503, 'Unavailable')];
    const github = fakeGitHub({ failures: { [LIST_COMMENTS]: errors } });
    const { req, sleeps } = request(github.octokit);
    const result = await upsertComment(req);
    expect(result).toEqual({
      action: 'skipped',
      warning: expect.stringMatching(/^Could not read the comments of .*: 503 Unavailable\. The report is in the job summary\.$/),
    });
    expect(sleeps).toHaveLength(2);
  });

  test('a timed-out listing is retried', async () => {
    const github = fakeGitHub({ failures: { [LIST_COMMENTS]: [timeoutError()] } });
    const result = await upsertComment(request(github.octokit).req);
    expect(result.action).toBe('created');
  });

  test('a timed-out create is not retried: it may have gone through, and must not be duplicated', async () => {
    const github = fakeGitHub({ failures: { [CREATE_COMMENT]: [timeoutError()] } });
    const { req, sleeps } = request(github.octokit);
    const result = await upsertComment(req);
    expect(result.action).toBe('skipped');
    expect(result.warning).toMatch(/the request timed out/);
    expect(sleeps).toEqual([]);
    expect(github.writes()).toHaveLength(1);
  });

  test('a PATCH answered 502 once: written once more, one warning naming the attempt and the cause', async () => {
    const github = fakeGitHub({
      comments: [comment(52, `${MARKER}\nold`, BOT, 'Bot')],
      failures: { [UPDATE_COMMENT]: [httpError(502, 'Bad Gateway')] },
    });
    const { req, warnings } = request(github.octokit);
    expect((await upsertComment(req)).action).toBe('updated');
    expect(github.writes()).toHaveLength(2);
    expect(warnings).toEqual([
      'GitHub: updating comment 52 on pull request #7 in acme/retail: attempt 1 of 3 failed (502 Bad Gateway); retrying in 1 s.',
    ]);
  });

  test('429 is retried (GitHub did not take the request)', async () => {
    const github = fakeGitHub({ failures: { [CREATE_COMMENT]: [httpError(429, 'rate limited')] } });
    const { req, warnings } = request(github.octokit);
    expect((await upsertComment(req)).action).toBe('created');
    expect(github.writes()).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/^GitHub: commenting on .*: attempt 1 of 3 failed \(429 rate limited\)/)]);
  });

  test.each([
    [502, true],
    [503, true],
    [504, false],
  ])('a create answered %d is retried: %s', async (status, retried) => {
    const github = fakeGitHub({ failures: { [CREATE_COMMENT]: [httpError(status, 'oops')] } });
    const result = await upsertComment(request(github.octokit).req);
    expect(result.action).toBe(retried ? 'created' : 'skipped');
    expect(github.writes()).toHaveLength(retried ? 2 : 1);
  });

  test('anything thrown becomes a warning, never an exception', async () => {
    const octokit: CommentOctokit = {
      request: () => Promise.reject(new TypeError('boom')),
      paginate: () => Promise.reject('a string'),
    };
    const result = await upsertComment(request(octokit, { retries: 0 }).req);
    expect(result).toEqual({ action: 'skipped', warning: expect.stringContaining('a string') });
  });

  test('GET /user failing for another reason still finds a bot comment', async () => {
    const github = fakeGitHub({ user: httpError(500, 'Server Error'), comments: [comment(61, `${MARKER}\nold`, BOT, 'Bot')] });
    const { req, logs } = request(github.octokit);
    expect((await upsertComment(req)).action).toBe('updated');
    expect(logs.join('\n')).toMatch(/GET \/user: 500/);
  });
});

describe('createCommentOctokit', () => {
  test('the real client sends our token to GITHUB_API_URL for the routes we use', async () => {
    // A local GitHub API: records each request and answers an empty list of comments.
    const seen: Array<{ method?: string; url?: string; authorization?: string }> = [];
    const server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = { api: process.env.GITHUB_API_URL, noProxy: process.env.NO_PROXY };
    try {
      const { port } = server.address() as AddressInfo;
      // @actions/github reads GITHUB_API_URL when it loads, which is here, the first time.
      process.env.GITHUB_API_URL = `http://127.0.0.1:${port}/api/v3`;
      process.env.NO_PROXY = '127.0.0.1';
      const { createCommentOctokit } = await import('../../src/github/octokit.js');
      const octokit = createCommentOctokit('ghs_not_a_real_token');
      expect(await octokit.paginate(LIST_COMMENTS, { owner: 'acme', repo: 'retail', issue_number: 7, per_page: 100 })).toEqual([]);
      expect(seen).toEqual([
        { method: 'GET', url: '/api/v3/repos/acme/retail/issues/7/comments?per_page=100', authorization: 'token ghs_not_a_real_token' },
      ]);
    } finally {
      process.env.GITHUB_API_URL = saved.api;
      if (saved.api === undefined) delete process.env.GITHUB_API_URL;
      process.env.NO_PROXY = saved.noProxy;
      if (saved.noProxy === undefined) delete process.env.NO_PROXY;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
