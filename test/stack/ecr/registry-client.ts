// Talks to the real registry (distribution 2.8) behind the stand-in. The registry is the
// source of truth for manifests, tags and digests; the stand-in only adds ECR's metadata.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
export const IMAGE_MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
export const MANIFEST_TYPES = [...INDEX_TYPES, ...IMAGE_MANIFEST_TYPES];
const ACCEPT = MANIFEST_TYPES.join(', ');

export function isIndexType(mediaType: string): boolean {
  return INDEX_TYPES.includes(mediaType);
}

export interface Manifest {
  digest: string;
  mediaType: string;
  /** The exact bytes the registry stores (their sha256 is the digest). */
  bytes: Buffer;
}

export interface RegistryError {
  status: number;
  errors: { code: string; message: string; detail?: unknown }[];
}

export class RegistryClient {
  readonly baseUrl: string;
  readonly user: string;
  readonly passwordFile: string;
  // Content-addressed, so a manifest read by digest never changes.
  private readonly byDigest = new Map<string, Manifest>();
  // tag → digest per repository, from one full read (tags/list, then a HEAD per tag, each a
  // bcrypt check in the registry: 15-40 ms of the two CPUs the action shares, for what real ECR
  // answers from its own index) and kept current by what changes tags: the registry's
  // notifications (noteTag, forget) and this client's own writes. Any change that cannot be
  // applied exactly drops the repository's index, and the next call reads the registry again.
  private readonly tagIndex = new Map<string, Map<string, string>>();
  // Bumped on every change: a full read that a change overtook is returned, not kept.
  private readonly tagVersion = new Map<string, number>();

  constructor(baseUrl: string, user: string, passwordFile: string) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.user = user;
    this.passwordFile = passwordFile;
  }

  /** The registry password; start.sh generates it once, so read it when needed. */
  password(): string {
    return readFileSync(this.passwordFile, 'utf8').trim();
  }

  /** host:port, e.g. 127.0.0.1:15000. */
  get host(): string {
    return new URL(this.baseUrl).host;
  }

  private async request(method: string, path: string, init: { headers?: Record<string, string>; body?: Buffer } = {}) {
    const auth = Buffer.from(`${this.user}:${this.password()}`).toString('base64');
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Basic ${auth}`, ...init.headers },
      body: init.body,
      redirect: 'manual',
    });
  }

  /** The manifest for a tag or digest, or undefined when the registry has none. */
  async getManifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const cached = this.byDigest.get(`${repository}@${reference}`);
    if (cached) return cached;
    const res = await this.request('GET', `/v2/${repository}/manifests/${reference}`, { headers: { accept: ACCEPT } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`registry GET manifest ${repository}:${reference}: HTTP ${res.status} ${await res.text()}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim() || mediaTypeOf(bytes);
    const manifest = { digest, mediaType, bytes };
    this.byDigest.set(`${repository}@${digest}`, manifest);
    return manifest;
  }

  /** The digest a tag points to, or undefined: always asked of the registry. */
  async resolveTag(repository: string, tag: string): Promise<string | undefined> {
    const digest = await this.headTag(repository, tag);
    // A tag index that disagrees missed a change (a notification lost with a registry restart).
    const index = this.tagIndex.get(repository);
    if (index && index.get(tag) !== digest) this.forget(repository);
    return digest;
  }

  private async headTag(repository: string, tag: string): Promise<string | undefined> {
    const res = await this.request('HEAD', `/v2/${repository}/manifests/${tag}`, { headers: { accept: ACCEPT } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`registry HEAD manifest ${repository}:${tag}: HTTP ${res.status}`);
    return res.headers.get('docker-content-digest') ?? (await this.getManifest(repository, tag))?.digest;
  }

  async listTags(repository: string): Promise<string[]> {
    const res = await this.request('GET', `/v2/${repository}/tags/list`);
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`registry tags/list ${repository}: HTTP ${res.status}`);
    const body = (await res.json()) as { tags?: string[] | null };
    return (body.tags ?? []).sort();
  }

  /** digest → tags (sorted), for every tag in the repository. */
  async tagsByDigest(repository: string): Promise<Map<string, string[]>> {
    let index = this.tagIndex.get(repository);
    if (!index) {
      const version = this.tagVersion.get(repository) ?? 0;
      const tags = await this.listTags(repository);
      const digests = await Promise.all(tags.map((tag) => this.headTag(repository, tag)));
      index = new Map();
      tags.forEach((tag, i) => {
        const digest = digests[i];
        if (digest) index?.set(tag, digest);
      });
      if ((this.tagVersion.get(repository) ?? 0) === version) this.tagIndex.set(repository, index);
    }
    const map = new Map<string, string[]>();
    for (const tag of [...index.keys()].sort()) {
      const digest = index.get(tag)!;
      map.set(digest, [...(map.get(digest) ?? []), tag]);
    }
    return map;
  }

  /** The registry says `tag` now points to `digest` (a push by tag). */
  noteTag(repository: string, tag: string, digest: string): void {
    this.tagVersion.set(repository, (this.tagVersion.get(repository) ?? 0) + 1);
    this.tagIndex.get(repository)?.set(tag, digest);
  }

  /** Tags of `repository` changed in a way not known exactly: read them from the registry next time. */
  forget(repository: string): void {
    this.tagVersion.set(repository, (this.tagVersion.get(repository) ?? 0) + 1);
    this.tagIndex.delete(repository);
  }

  async getBlob(repository: string, digest: string): Promise<Buffer | undefined> {
    const res = await this.request('GET', `/v2/${repository}/blobs/${digest}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`registry GET blob ${repository}@${digest}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** PUTs manifest bytes unchanged under a tag or digest. */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<{ ok: true; digest: string } | ({ ok: false } & RegistryError)> {
    const res = await this.request('PUT', `/v2/${repository}/manifests/${reference}`, {
      headers: { 'content-type': mediaType },
      body: bytes,
    });
    if (res.status === 201 || res.status === 200) {
      const digest = res.headers.get('docker-content-digest') ?? '';
      if (reference.startsWith('sha256:')) return { ok: true, digest };
      if (digest) this.noteTag(repository, reference, digest);
      else this.forget(repository);
      return { ok: true, digest };
    }
    const text = await res.text();
    let errors: RegistryError['errors'] = [{ code: 'UNKNOWN', message: text }];
    try {
      errors = (JSON.parse(text) as { errors: RegistryError['errors'] }).errors ?? errors;
    } catch {
      // not JSON: keep the text
    }
    return { ok: false, status: res.status, errors };
  }

  /** Deletes a manifest (and the tags on it); true when it existed. */
  async deleteManifest(repository: string, digest: string): Promise<boolean> {
    const res = await this.request('DELETE', `/v2/${repository}/manifests/${digest}`);
    this.byDigest.delete(`${repository}@${digest}`);
    this.forget(repository);
    return res.status === 202;
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.request('GET', '/v2/')).ok;
    } catch {
      return false;
    }
  }
}

/** The mediaType field of a manifest's JSON, when the registry sent no Content-Type. */
export function mediaTypeOf(bytes: Buffer): string {
  try {
    const json = JSON.parse(bytes.toString('utf8')) as { mediaType?: string; manifests?: unknown };
    return json.mediaType ?? (json.manifests ? INDEX_TYPES[0]! : IMAGE_MANIFEST_TYPES[0]!);
  } catch {
    return '';
  }
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
