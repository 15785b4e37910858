// An in-memory OCI registry with the methods of src/attest/registry.ts's Registry: manifests by
// digest and tag, blobs, and the referrers API (OCI distribution spec 1.1), or none
// (`referrersApi: false`, as a registry that wants the referrers tag). Like a registry it refuses
// a manifest pushed under a digest that is not its own, a blob whose bytes are not its digest,
// and an image manifest whose config or layers it does not have. Every write is recorded.
//
// A module that builds its own `new Registry(login)` gets one with
// jest.unstable_mockModule('…/src/attest/registry.js', () => registryModule(lookup)).
import { createHash } from 'node:crypto';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export interface MemoryRegistryOptions {
  /** The registry answers GET /v2/<name>/referrers/<digest> (default true). */
  referrersApi?: boolean;
  /** A PUT of a manifest with a subject answers OCI-Subject (default: when it has the referrers API). */
  ociSubject?: boolean;
  /** The referrers API lists each manifest's annotations (default true; the spec says SHOULD). */
  referrersAnnotations?: boolean;
}

interface Stored {
  text: string;
  mediaType: string;
}

interface Repository {
  manifests: Map<string, Stored>;
  tags: Map<string, string>;
  blobs: Map<string, string>;
}

export function sha256(bytes: string | Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export class MemoryRegistry {
  /** Every manifest PUT (by digest or tag), in order. */
  readonly manifestPuts: Array<{ repository: string; reference: string; mediaType: string }> = [];
  /** Every blob uploaded, in order. */
  readonly blobPuts: Array<{ repository: string; digest: string }> = [];
  private readonly repositories = new Map<string, Repository>();
  readonly referrersApi: boolean;
  readonly ociSubject: boolean;
  readonly referrersAnnotations: boolean;

  constructor(options: MemoryRegistryOptions = {}) {
    this.referrersApi = options.referrersApi ?? true;
    this.ociSubject = options.ociSubject ?? this.referrersApi;
    this.referrersAnnotations = options.referrersAnnotations ?? true;
  }

  /** A manifest (or index) put there beforehand, without the checks a push has: its digest. */
  seedManifest(repository: string, text: string, mediaType: string, tag?: string): string {
    const digest = sha256(text);
    this.repo(repository).manifests.set(digest, { text, mediaType });
    if (tag) this.repo(repository).tags.set(tag, digest);
    return digest;
  }

  /** A blob put there beforehand: its digest. */
  seedBlob(repository: string, bytes: string): string {
    const digest = sha256(bytes);
    this.repo(repository).blobs.set(digest, bytes);
    return digest;
  }

  /** The bytes of the manifest a tag or digest names now (undefined when there is none). */
  manifestText(repository: string, reference: string): string | undefined {
    return this.lookup(repository, reference)?.text;
  }

  /** The manifest a tag or digest names now, parsed (undefined when there is none). */
  manifestJson(repository: string, reference: string): Record<string, unknown> | undefined {
    const text = this.manifestText(repository, reference);
    return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
  }

  /** The blob's bytes (undefined when there is none). */
  blob(repository: string, digest: string): string | undefined {
    return this.repo(repository).blobs.get(digest);
  }

  /** The manifests whose subject is `digest`, as the referrers API lists them (whatever the registry supports). */
  referrersOf(repository: string, digest: string): Array<Record<string, unknown>> {
    const list: Array<Record<string, unknown>> = [];
    for (const [manifestDigest, stored] of this.repo(repository).manifests) {
      const manifest = JSON.parse(stored.text) as {
        subject?: { digest?: string };
        artifactType?: string;
        config?: { mediaType?: string };
        annotations?: Record<string, string>;
      };
      if (manifest.subject?.digest !== digest) continue;
      const artifactType = manifest.artifactType ?? manifest.config?.mediaType;
      list.push({
        mediaType: stored.mediaType,
        digest: manifestDigest,
        size: Buffer.byteLength(stored.text),
        ...(artifactType ? { artifactType } : {}),
        ...(manifest.annotations && this.referrersAnnotations ? { annotations: manifest.annotations } : {}),
      });
    }
    return list;
  }

  // The Registry's methods.

  async putManifest(repository: string, reference: string, text: string, mediaType: string): Promise<{ subjectProcessed: boolean }> {
    await Promise.resolve();
    const manifest = JSON.parse(text) as {
      config?: { digest?: string };
      layers?: Array<{ digest?: string }>;
      subject?: unknown;
    };
    const digest = sha256(text);
    if (reference.startsWith('sha256:') && reference !== digest)
      throw new Error(`MemoryRegistry: PUT manifest ${reference} (DIGEST_INVALID): its bytes are ${digest}`);
    const repo = this.repo(repository);
    if (mediaType === OCI_MANIFEST) {
      for (const blob of [manifest.config?.digest, ...(manifest.layers ?? []).map((l) => l.digest)]) {
        if (!blob || !repo.blobs.has(blob)) throw new Error(`MemoryRegistry: PUT manifest ${reference} (MANIFEST_BLOB_UNKNOWN): ${blob}`);
      }
    }
    repo.manifests.set(digest, { text, mediaType });
    if (!reference.startsWith('sha256:')) repo.tags.set(reference, digest);
    this.manifestPuts.push({ repository, reference, mediaType });
    return { subjectProcessed: this.ociSubject && manifest.subject !== undefined };
  }

  async getManifest(repository: string, reference: string, _accept: string[]): Promise<string | undefined> {
    await Promise.resolve();
    return this.lookup(repository, reference)?.text;
  }

  async referrers(repository: string, digest: string): Promise<{ supported: true; text: string } | { supported: false }> {
    await Promise.resolve();
    if (!this.referrersApi) return { supported: false };
    return {
      supported: true,
      text: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: this.referrersOf(repository, digest) }),
    };
  }

  async getBlob(repository: string, digest: string): Promise<string> {
    await Promise.resolve();
    const blob = this.repo(repository).blobs.get(digest);
    if (blob === undefined) throw new Error(`MemoryRegistry: GET blob ${digest}: HTTP 404 (BLOB_UNKNOWN)`);
    return blob;
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    await Promise.resolve();
    return this.repo(repository).blobs.has(digest);
  }

  async putBlob(repository: string, digest: string, bytes: string): Promise<void> {
    await Promise.resolve();
    if (sha256(bytes) !== digest)
      throw new Error(`MemoryRegistry: upload of blob ${digest} (DIGEST_INVALID): its bytes are ${sha256(bytes)}`);
    this.repo(repository).blobs.set(digest, bytes);
    this.blobPuts.push({ repository, digest });
  }

  async tagDigest(repository: string, tag: string, _accept: string[]): Promise<string | undefined> {
    await Promise.resolve();
    return this.repo(repository).tags.get(tag);
  }

  private lookup(repository: string, reference: string): Stored | undefined {
    const repo = this.repo(repository);
    const digest = reference.startsWith('sha256:') ? reference : repo.tags.get(reference);
    return digest === undefined ? undefined : repo.manifests.get(digest);
  }

  private repo(name: string): Repository {
    let repo = this.repositories.get(name);
    if (!repo) {
      repo = { manifests: new Map(), tags: new Map(), blobs: new Map() };
      this.repositories.set(name, repo);
    }
    return repo;
  }
}

/**
 * What src/attest/registry.ts exports, for jest.unstable_mockModule: `new Registry(login)` is the
 * MemoryRegistry `lookup` gives for the login's endpoint.
 */
export function registryModule(lookup: (endpoint: string) => MemoryRegistry) {
  class RegistryHttpError extends Error {
    override name = 'RegistryHttpError';
    constructor(
      message: string,
      readonly status: number,
    ) {
      super(message);
    }
  }
  // A constructor that answers another object: `new Registry(login)` is the in-memory registry.
  function Registry(login: { endpoint: string }): MemoryRegistry {
    return lookup(login.endpoint);
  }
  return { Registry, RegistryHttpError, registryTransientCause: () => undefined };
}
