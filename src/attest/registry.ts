// The registry's own API (OCI distribution spec 1.1), for what the ECR API cannot do: push a
// manifest by digest untagged and learn whether the registry took its `subject` (the
// `OCI-Subject` answer header), read the referrers API, and write the referrers tag where there
// is none. Authenticated with the login's credentials, as docker is (ECR accepts Basic auth).
// @actions/http-client: the runner's proxy settings apply as they do to the GitHub API calls.
import { HttpClient } from '@actions/http-client';
import type { RegistryLogin } from '../ecr/auth.js';
import { withRetry, type RetrySeams } from '../util/retry.js';
import { actionRetrySeams } from '../util/retry-defaults.js';
import { OCI_INDEX } from './layout.js';

/** A hung registry is bounded by this, not by the job's six hours. */
const SOCKET_TIMEOUT_MS = 30_000;

/** The registry answered with an error status. */
export class RegistryHttpError extends Error {
  override name = 'RegistryHttpError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const NETWORK_ERRORS = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|Request timeout/i;

/** 429, 5xx, a connection reset or refused, a timeout: worth another attempt. */
export function registryTransientCause(error: unknown): string | undefined {
  if (error instanceof RegistryHttpError) {
    return error.status === 429 || error.status >= 500 ? `HTTP ${error.status}` : undefined;
  }
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
  return NETWORK_ERRORS.exec(text)?.[0];
}

export interface ManifestPut {
  /** The registry said it processed the manifest's subject (OCI-Subject), so its referrers API lists it. */
  subjectProcessed: boolean;
}

export class Registry {
  private readonly http = new HttpClient('ecr-build-scan-push', undefined, { socketTimeout: SOCKET_TIMEOUT_MS, allowRedirects: true });
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    login: Pick<RegistryLogin, 'endpoint' | 'username' | 'password'>,
    private readonly seams: RetrySeams = actionRetrySeams,
  ) {
    this.base = login.endpoint.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
  }

  /** PUT a manifest under a digest or tag. */
  async putManifest(repository: string, reference: string, text: string, mediaType: string): Promise<ManifestPut> {
    const url = `${this.base}/v2/${repository}/manifests/${reference}`;
    return this.retry(
      `registry PUT manifest ${reference.startsWith('sha256:') ? `${repository}@${reference}` : `${repository}:${reference}`}`,
      async () => {
        const response = await this.http.request('PUT', url, text, { authorization: this.authorization, 'content-type': mediaType });
        const body = await response.readBody();
        this.check(response.message.statusCode, body, `PUT manifest ${reference}`, [201, 200]);
        return { subjectProcessed: typeof response.message.headers['oci-subject'] === 'string' };
      },
    );
  }

  /** A manifest's bytes by tag or digest, or undefined when there is none (404). */
  async getManifest(repository: string, reference: string, accept: string[]): Promise<string | undefined> {
    const url = `${this.base}/v2/${repository}/manifests/${reference}`;
    return this.retry(`registry GET ${repository}:${reference}`, async () => {
      const response = await this.http.request('GET', url, null, { authorization: this.authorization, accept: accept.join(', ') });
      const body = await response.readBody();
      if (response.message.statusCode === 404) return undefined;
      this.check(response.message.statusCode, body, `GET manifest ${reference}`, [200]);
      return body;
    });
  }

  /**
   * The referrers API's list for a subject, or `unsupported` when the registry has no referrers
   * API (404 on the endpoint, the spec's signal for falling back to the referrers tag).
   */
  async referrers(repository: string, digest: string): Promise<{ supported: true; text: string } | { supported: false }> {
    const url = `${this.base}/v2/${repository}/referrers/${digest}`;
    return this.retry(`registry GET referrers of ${digest}`, async () => {
      const response = await this.http.request('GET', url, null, { authorization: this.authorization, accept: OCI_INDEX });
      const body = await response.readBody();
      const status = response.message.statusCode ?? 0;
      if (status === 404 || status === 405 || status === 400) return { supported: false as const };
      this.check(status, body, `GET referrers of ${digest}`, [200]);
      const type = String(response.message.headers['content-type'] ?? '');
      if (!type.startsWith(OCI_INDEX)) return { supported: false as const };
      return { supported: true as const, text: body };
    });
  }

  /** A blob's bytes as text (an image config, an in-toto statement); the registry may redirect to storage. */
  async getBlob(repository: string, digest: string): Promise<string> {
    const url = `${this.base}/v2/${repository}/blobs/${digest}`;
    return this.retry(`registry GET blob ${digest}`, async () => {
      const response = await this.http.request('GET', url, null, { authorization: this.authorization });
      const body = await response.readBody();
      this.check(response.message.statusCode, body, `GET blob ${digest}`, [200]);
      return body;
    });
  }

  /** The digest a tag names now (HEAD, Docker-Content-Digest), or undefined when there is no such tag. */
  async tagDigest(repository: string, tag: string, accept: string[]): Promise<string | undefined> {
    const url = `${this.base}/v2/${repository}/manifests/${tag}`;
    return this.retry(`registry HEAD ${repository}:${tag}`, async () => {
      const response = await this.http.request('HEAD', url, null, { authorization: this.authorization, accept: accept.join(', ') });
      await response.readBody();
      if (response.message.statusCode === 404) return undefined;
      this.check(response.message.statusCode, '', `HEAD manifest ${tag}`, [200]);
      const digest = response.message.headers['docker-content-digest'];
      if (typeof digest !== 'string') throw new Error(`The registry named no digest (Docker-Content-Digest) for ${repository}:${tag}.`);
      return digest;
    });
  }

  /** Whether a blob is in the repository (HEAD). */
  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const url = `${this.base}/v2/${repository}/blobs/${digest}`;
    return this.retry(`registry HEAD blob ${digest}`, async () => {
      const response = await this.http.request('HEAD', url, null, { authorization: this.authorization });
      await response.readBody();
      if (response.message.statusCode === 404) return false;
      this.check(response.message.statusCode, '', `HEAD blob ${digest}`, [200]);
      return true;
    });
  }

  /** A monolithic blob upload (POST, then PUT with the digest). */
  async putBlob(repository: string, digest: string, bytes: string): Promise<void> {
    await this.retry(`registry upload of blob ${digest}`, async () => {
      const started = await this.http.request('POST', `${this.base}/v2/${repository}/blobs/uploads/`, '', {
        authorization: this.authorization,
        'content-length': '0',
      });
      const startBody = await started.readBody();
      this.check(started.message.statusCode, startBody, 'start blob upload', [202]);
      const location = started.message.headers.location;
      if (typeof location !== 'string') throw new Error('The registry started a blob upload without a Location.');
      const target = new URL(location, `${this.base}/`);
      target.searchParams.set('digest', digest);
      const done = await this.http.request('PUT', target.toString(), bytes, {
        authorization: this.authorization,
        'content-type': 'application/octet-stream',
      });
      this.check(done.message.statusCode, await done.readBody(), `upload blob ${digest}`, [201, 204]);
    });
  }

  private check(status: number | undefined, body: string, what: string, ok: number[]): void {
    if (status !== undefined && ok.includes(status)) return;
    throw new RegistryHttpError(`The registry refused ${what}: HTTP ${status ?? '?'}${registryError(body)}`, status ?? 0);
  }

  private retry<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    return withRetry({ ...this.seams, what, transient: registryTransientCause }, attempt);
  }
}

/** ` (CODE: message)` from the registry's error body, when it has one. */
function registryError(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ code?: string; message?: string }> };
    const first = parsed.errors?.[0];
    if (first?.code) return ` (${first.code}${first.message ? `: ${first.message}` : ''})`;
  } catch {
    // Not the registry's error shape: the status says it.
  }
  return '';
}
