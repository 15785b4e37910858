// A fault front for a registry: an HTTP proxy on 127.0.0.1 that forwards everything to the
// registry behind it, except the requests its rules tell it to fail (503, 429, or a closed
// connection), for the first N of a kind or for a while, then recovers. A test starts one of
// its own and points the action at it through the ECR stand-in's per-registry-id
// `proxyEndpoint` (test/stack/README.md), so other tests keep the registry to themselves.
//
//   node test/stack/registry-front.ts --upstream http://127.0.0.1:15000 [--port 0] [--storage DIR]
//
// prints `{"port": N}` on its first line once it listens. Admin API on the same port (registry
// paths all start with /v2/): PUT /_front/rules, GET /_front/log, DELETE /_front/log,
// GET /_front/health.
//
// With `--storage DIR` (the registry's filesystem root) it is also the registry *with* the OCI 1.1
// referrers API that distribution 2.8 lacks, as Amazon ECR has it (front/referrers.ts):
// GET /v2/<name>/referrers/<digest>[?artifactType=] answered from the storage, and an
// `OCI-Subject` header on a successful manifest PUT whose body has a subject. start.sh runs one
// on 127.0.0.1:15004; the registry itself stays the one without the API.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { exitOnSignals, isObject, parseJsonBody, readBody, sendJson } from './common/http.ts';
import { OCI_INDEX, StoredReferrers, isDigest, isRepositoryName, referrersIndex, subjectDigest } from './front/referrers.ts';

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
  /** manifest-put only: match PUTs whose body has (true) or has no (false) `subject`, an OCI 1.1 referrer. */
  subject?: boolean;
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
    const unknown = Object.keys(value).filter((k) => !['kind', 'count', 'forMs', 'fail', 'code', 'message', 'subject'].includes(k));
    if (unknown.length > 0) throw new Error(`unknown rule field(s) ${unknown.join(', ')}`);
    const { kind, count, forMs, fail, code, message, subject } = value;
    if (subject !== undefined && (typeof subject !== 'boolean' || kind !== 'manifest-put')) {
      throw new Error('subject must be true or false, on a manifest-put rule');
    }
    if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
    if (count !== undefined && (typeof count !== 'number' || count < 0)) throw new Error('count must be a number');
    if (forMs !== undefined && (typeof forMs !== 'number' || forMs < 0)) throw new Error('forMs must be a number');
    if (count === undefined && forMs === undefined) throw new Error('a rule needs count or forMs');
    if (fail !== undefined && fail !== 'close' && fail !== 'reset' && !(typeof fail === 'number' && fail >= 400 && fail <= 599)) {
      throw new Error('fail must be an HTTP status 400-599, "close" or "reset"');
    }
    if (code !== undefined && typeof code !== 'string') throw new Error('code must be a string');
    if (message !== undefined && typeof message !== 'string') throw new Error('message must be a string');
    return { kind: kind as Rule['kind'], count, forMs, fail: fail ?? 503, code, message, subject, uses: 0 };
  });
}

const REFERRERS_PATH = /^\/v2\/(.+)\/referrers\/([^/]+)$/;
const API_VERSION = { 'docker-distribution-api-version': 'registry/2.0' };
/** Manifest bodies are buffered to read their subject; the spec asks registries to take 4 MB. */
const MANIFEST_LIMIT = 16 * 1024 * 1024;

export interface FrontOptions {
  upstream: string;
  port: number;
  /** The registry's storage root: turns on the referrers API and `OCI-Subject`. */
  storage?: string;
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function startFront(options: FrontOptions, onListening: (port: number) => void): http.Server {
  const target = new URL(options.upstream);
  const referrers = options.storage === undefined ? undefined : new StoredReferrers(options.storage);
  let rules: Rule[] = [];
  const log: LogEntry[] = [];

  /** The rule that fails this request now, if any (and counts the use). */
  function faultFor(kind: RequestKind, now: number, body?: Buffer): Rule | undefined {
    for (const rule of rules) {
      const matches = rule.kind === 'any' || rule.kind === kind || (rule.kind === 'ping' && kind === 'login');
      if (!matches) continue;
      if (rule.subject !== undefined && (body === undefined || (subjectDigest(body) !== undefined) !== rule.subject)) continue;
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
    else if (route === 'GET /_front/health') sendJson(res, 200, { ok: true, upstream: options.upstream, storage: options.storage ?? null });
    else if (route === 'DELETE /_front/log') {
      log.length = 0;
      sendJson(res, 200, {});
    } else sendJson(res, 404, { error: `no admin route ${route}` });
  }

  /**
   * Forwards the request, its body streamed (blobs) or, when `body` is given, sent as read
   * (manifests); `extraHeaders` may add response headers once the upstream's status is known.
   */
  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    entry: LogEntry,
    body?: Buffer,
    extraHeaders?: (status: number) => Record<string, string>,
  ): void {
    // The Host header stays the front's: the registry builds its upload Location URLs from it,
    // so the client's next requests come back through the front.
    const headers = { ...req.headers };
    if (body) {
      delete headers['transfer-encoding'];
      headers['content-length'] = String(body.length);
    }
    const upstreamRequest = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (upstreamResponse) => {
        const status = upstreamResponse.statusCode ?? 502;
        entry.status = upstreamResponse.statusCode ?? 0;
        res.writeHead(status, { ...upstreamResponse.headers, ...extraHeaders?.(status) });
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => {
      // The registry behind is down: the client sees what a dead registry's front shows.
      entry.status = 'upstream-error';
      if (!res.headersSent) sendJson(res, 502, { errors: [{ code: 'UNAVAILABLE', message: 'upstream registry unreachable' }] });
      else res.destroy();
    });
    if (body) upstreamRequest.end(body);
    else req.pipe(upstreamRequest);
  }

  /** A manifest PUT, buffered: a 2xx answer to one with a subject says `OCI-Subject: <digest>`. */
  function forwardManifestPut(req: IncomingMessage, res: ServerResponse, entry: LogEntry, body: Buffer): void {
    const subject = subjectDigest(body);
    forward(req, res, entry, body, (status): Record<string, string> =>
      subject !== undefined && status >= 200 && status < 300 ? { 'oci-subject': subject } : {},
    );
  }

  /** One request of the front's own to the upstream, read in full. */
  function askUpstream(method: string, pathname: string, authorization: string | undefined): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, method, path: pathname, headers: authorization ? { authorization } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  /**
   * GET /v2/<name>/referrers/<digest>: the registry's own credential check first (GET /v2/ with
   * the client's Authorization; its 401 and challenge passed on as they are), then the index.
   */
  async function serveReferrers(store: StoredReferrers, req: IncomingMessage, res: ServerResponse, entry: LogEntry): Promise<void> {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://front');
    const [, name = '', digest = ''] = REFERRERS_PATH.exec(url.pathname) ?? [];
    let auth: UpstreamAnswer;
    try {
      auth = await askUpstream('GET', '/v2/', req.headers.authorization);
    } catch {
      entry.status = 'upstream-error';
      sendJson(res, 502, { errors: [{ code: 'UNAVAILABLE', message: 'upstream registry unreachable' }] }, API_VERSION);
      return;
    }
    if (auth.status !== 200) {
      entry.status = auth.status;
      const headers: Record<string, string> = {
        ...API_VERSION,
        'content-type': String(auth.headers['content-type'] ?? 'application/json'),
      };
      if (typeof auth.headers['www-authenticate'] === 'string') headers['www-authenticate'] = auth.headers['www-authenticate'];
      res.writeHead(auth.status, { ...headers, 'content-length': String(auth.body.length) });
      res.end(auth.body);
      return;
    }
    const fail = (code: string, message: string) => {
      entry.status = 400;
      sendJson(res, 400, { errors: [{ code, message, detail: { name, digest } }] }, API_VERSION);
    };
    if (!isRepositoryName(name)) return fail('NAME_INVALID', 'invalid repository name');
    if (!isDigest(digest)) return fail('DIGEST_INVALID', 'invalid digest');
    const artifactTypes = url.searchParams.getAll('artifactType').filter((t) => t !== '');
    const manifests = await store.list(name, digest, artifactTypes);
    const headers: Record<string, string> = { ...API_VERSION, 'content-type': OCI_INDEX };
    if (artifactTypes.length > 0) headers['oci-filters-applied'] = 'artifactType';
    entry.status = 200;
    const text = JSON.stringify(referrersIndex(manifests));
    res.writeHead(200, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/_front/')) {
      admin(req, res).catch(() => res.destroy());
      return;
    }
    const method = req.method ?? 'GET';
    const kind = requestKind(method, url, req.headers.authorization !== undefined);
    // A manifest PUT is read first (it is small) when its subject matters: for OCI-Subject, or a `subject` rule.
    if (kind === 'manifest-put' && (referrers || rules.some((rule) => rule.subject !== undefined))) {
      readBody(req, MANIFEST_LIMIT).then(
        (body) => handle(req, res, kind, body),
        () => {
          sendJson(res, 413, { errors: [{ code: 'MANIFEST_INVALID', message: `manifest over ${MANIFEST_LIMIT} bytes` }] }, API_VERSION);
          req.resume();
        },
      );
      return;
    }
    handle(req, res, kind);
  });

  function handle(req: IncomingMessage, res: ServerResponse, kind: RequestKind, body?: Buffer): void {
    const url = req.url ?? '/';
    const method = req.method ?? 'GET';
    const now = Date.now();
    const rule = faultFor(kind, now, body);
    const entry: LogEntry = { time: now, method, path: url.split('?')[0] ?? url, kind, status: 0, fault: rule !== undefined };
    log.push(entry);
    if (!rule) {
      if (referrers && method === 'GET' && REFERRERS_PATH.test(entry.path)) {
        serveReferrers(referrers, req, res, entry).catch(() => res.destroy());
      } else if (body && referrers) forwardManifestPut(req, res, entry, body);
      else forward(req, res, entry, body);
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
    if (!body) req.resume(); // the body is not wanted, but must be read for the answer to reach the client
    const headers: Record<string, string> = { 'docker-distribution-api-version': 'registry/2.0' };
    if (status === 429 || status === 503) headers['retry-after'] = '1';
    const known = ERROR_BODIES[status] ?? { code: 'UNKNOWN', message: 'error' };
    sendJson(res, status, { errors: [{ code: rule.code ?? known.code, message: rule.message ?? known.message }] }, headers);
  }
  server.listen(options.port, '127.0.0.1', () => {
    const address = server.address();
    onListening(typeof address === 'object' && address !== null ? address.port : options.port);
  });
  return server;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const upstream = argument('upstream') ?? 'http://127.0.0.1:15000';
const storage = argument('storage');
const server = startFront({ upstream, port: Number(argument('port') ?? 0), storage }, (port) =>
  console.log(JSON.stringify({ port, upstream, ...(storage === undefined ? {} : { storage }) })),
);
exitOnSignals(() => server.close());
