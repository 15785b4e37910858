// A fault front for a registry: an HTTP proxy on 127.0.0.1 that forwards everything to the
// registry behind it, except the requests its rules tell it to fail (503, 429, or a closed
// connection), for the first N of a kind or for a while, then recovers. A test starts one of
// its own and points the action at it through the ECR stand-in's per-registry-id
// `proxyEndpoint` (test/stack/README.md), so other tests keep the registry to themselves.
//
//   node test/stack/registry-front.ts --upstream http://127.0.0.1:15000 [--port 0]
//
// prints `{"port": N}` on its first line once it listens. Admin API on the same port (registry
// paths all start with /v2/): PUT /_front/rules, GET /_front/log, DELETE /_front/log.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { exitOnSignals, isObject, parseJsonBody, readBody, sendJson } from './common/http.ts';

/** What a request is, for rules: the registry API's calls that a login and a push make. */
export type RequestKind = 'ping' | 'login' | 'manifest-put' | 'blob-upload' | 'blob-head' | 'other';
const KINDS: readonly string[] = ['ping', 'login', 'manifest-put', 'blob-upload', 'blob-head', 'other', 'any'];

export interface FrontRule {
  kind: RequestKind | 'any';
  /** Fail the first N matching requests (counted from when the rule is set). */
  count?: number;
  /** Fail matching requests for this long, counted from the first one that matches. */
  forMs?: number;
  /**
   * An HTTP status (default 503) in the registry's error shape; `close` ends the connection
   * unanswered (the client reads EOF); `reset` aborts it (TCP RST: "connection reset by peer").
   */
  fail?: number | 'close' | 'reset';
  /** The registry error code and message to answer with (defaults per status, e.g. 429 TOOMANYREQUESTS). */
  code?: string;
  message?: string;
}

interface Rule extends FrontRule {
  uses: number;
  firstAt?: number;
}

interface LogEntry {
  time: number;
  method: string;
  path: string;
  kind: RequestKind;
  status: number | 'closed' | 'reset' | 'upstream-error';
  fault: boolean;
}

/**
 * `login` is the credential check (GET /v2/ with credentials); `ping`, the unauthenticated
 * GET /v2/ a client sends first to learn the challenge. A rule of kind `ping` matches both.
 */
export function requestKind(method: string, path: string, authorized: boolean): RequestKind {
  const pathname = path.split('?')[0] ?? path;
  if (pathname === '/v2/' || pathname === '/v2') return authorized ? 'login' : 'ping';
  if (method === 'PUT' && /^\/v2\/.+\/manifests\/[^/]+$/.test(pathname)) return 'manifest-put';
  if (/^\/v2\/.+\/blobs\/uploads\/?/.test(pathname) && ['POST', 'PATCH', 'PUT'].includes(method)) return 'blob-upload';
  if (method === 'HEAD' && /^\/v2\/.+\/blobs\/sha256:[0-9a-f]+$/.test(pathname)) return 'blob-head';
  return 'other';
}

const ERROR_BODIES: Record<number, { code: string; message: string }> = {
  429: { code: 'TOOMANYREQUESTS', message: 'Rate exceeded' },
  500: { code: 'UNKNOWN', message: 'internal server error' },
  502: { code: 'UNAVAILABLE', message: 'bad gateway' },
  503: { code: 'UNAVAILABLE', message: 'service unavailable' },
};

function parseRules(body: unknown): Rule[] {
  const list = isObject(body) && Array.isArray(body.rules) ? body.rules : undefined;
  if (!list) throw new Error('body must be {"rules": [{kind, count?, forMs?, fail?}]}');
  return list.map((value: unknown) => {
    if (!isObject(value)) throw new Error('a rule must be an object');
    const unknown = Object.keys(value).filter((k) => !['kind', 'count', 'forMs', 'fail', 'code', 'message'].includes(k));
    if (unknown.length > 0) throw new Error(`unknown rule field(s) ${unknown.join(', ')}`);
    const { kind, count, forMs, fail, code, message } = value;
    if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
    if (count !== undefined && (typeof count !== 'number' || count < 0)) throw new Error('count must be a number');
    if (forMs !== undefined && (typeof forMs !== 'number' || forMs < 0)) throw new Error('forMs must be a number');
    if (count === undefined && forMs === undefined) throw new Error('a rule needs count or forMs');
    if (fail !== undefined && fail !== 'close' && fail !== 'reset' && !(typeof fail === 'number' && fail >= 400 && fail <= 599)) {
      throw new Error('fail must be an HTTP status 400-599, "close" or "reset"');
    }
    if (code !== undefined && typeof code !== 'string') throw new Error('code must be a string');
    if (message !== undefined && typeof message !== 'string') throw new Error('message must be a string');
    return { kind: kind as Rule['kind'], count, forMs, fail: fail ?? 503, code, message, uses: 0 };
  });
}

export function startFront(upstream: string, port: number, onListening: (port: number) => void): http.Server {
  const target = new URL(upstream);
  let rules: Rule[] = [];
  const log: LogEntry[] = [];

  /** The rule that fails this request now, if any (and counts the use). */
  function faultFor(kind: RequestKind, now: number): Rule | undefined {
    for (const rule of rules) {
      const matches = rule.kind === 'any' || rule.kind === kind || (rule.kind === 'ping' && kind === 'login');
      if (!matches) continue;
      if (rule.count !== undefined && rule.uses >= rule.count) continue;
      if (rule.forMs !== undefined) {
        rule.firstAt ??= now;
        if (now - rule.firstAt >= rule.forMs) continue;
      }
      rule.uses += 1;
      return rule;
    }
    return undefined;
  }

  async function admin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    if (route === 'PUT /_front/rules') {
      try {
        rules = parseRules(parseJsonBody(await readBody(req)));
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
        return;
      }
      sendJson(res, 200, { rules });
    } else if (route === 'GET /_front/rules') sendJson(res, 200, { rules });
    else if (route === 'GET /_front/log') sendJson(res, 200, { requests: log });
    else if (route === 'DELETE /_front/log') {
      log.length = 0;
      sendJson(res, 200, {});
    } else sendJson(res, 404, { error: `no admin route ${route}` });
  }

  function forward(req: IncomingMessage, res: ServerResponse, entry: LogEntry): void {
    // The Host header stays the front's: the registry builds its upload Location URLs from it,
    // so the client's next requests come back through the front.
    const upstreamRequest = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamResponse) => {
        entry.status = upstreamResponse.statusCode ?? 0;
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => {
      // The registry behind is down: the client sees what a dead registry's front shows.
      entry.status = 'upstream-error';
      if (!res.headersSent) sendJson(res, 502, { errors: [{ code: 'UNAVAILABLE', message: 'upstream registry unreachable' }] });
      else res.destroy();
    });
    req.pipe(upstreamRequest);
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/_front/')) {
      admin(req, res).catch(() => res.destroy());
      return;
    }
    const method = req.method ?? 'GET';
    const kind = requestKind(method, url, req.headers.authorization !== undefined);
    const now = Date.now();
    const rule = faultFor(kind, now);
    const entry: LogEntry = { time: now, method, path: url.split('?')[0] ?? url, kind, status: 0, fault: rule !== undefined };
    log.push(entry);
    if (!rule) {
      forward(req, res, entry);
      return;
    }
    if (rule.fail === 'close') {
      entry.status = 'closed';
      req.socket.destroy();
      return;
    }
    if (rule.fail === 'reset') {
      entry.status = 'reset';
      req.socket.resetAndDestroy();
      return;
    }
    const status = typeof rule.fail === 'number' ? rule.fail : 503;
    entry.status = status;
    req.resume(); // the body is not wanted, but must be read for the answer to reach the client
    const headers: Record<string, string> = { 'docker-distribution-api-version': 'registry/2.0' };
    if (status === 429 || status === 503) headers['retry-after'] = '1';
    const known = ERROR_BODIES[status] ?? { code: 'UNKNOWN', message: 'error' };
    sendJson(res, status, { errors: [{ code: rule.code ?? known.code, message: rule.message ?? known.message }] }, headers);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    onListening(typeof address === 'object' && address !== null ? address.port : port);
  });
  return server;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const upstream = argument('upstream') ?? 'http://127.0.0.1:15000';
const server = startFront(upstream, Number(argument('port') ?? 0), (port) => console.log(JSON.stringify({ port, upstream })));
exitOnSignals(() => server.close());
