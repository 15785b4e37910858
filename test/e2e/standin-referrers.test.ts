// The stack's registry with the OCI 1.1 referrers API ($REFERRERS_REGISTRY, registry-front.ts
// --storage over the registry's storage), as Amazon ECR serves it: OCI-Subject on a push with a
// subject, the referrers index with its artifactType filter, an empty index for an unknown
// subject, the registry's own 401, and the plain registry (no referrers API) answering 404.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { registryPassword, stackEnv, uniqueRepository } from './stack.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const EMPTY = 'application/vnd.oci.empty.v1+json';
const SBOM = 'application/spdx+json';
const PROVENANCE = 'application/vnd.in-toto+json';

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function referrersRegistry(): string {
  const host = stackEnv().REFERRERS_REGISTRY;
  if (!host) throw new Error('REFERRERS_REGISTRY is not in the stack env file: restart the stack (bash scripts/stack/start.sh)');
  return host;
}

/** A request to a registry (the referrers one unless `host` says otherwise), as user AWS unless `auth` is false. */
function registry(pathname: string, init: RequestInit & { host?: string; auth?: boolean } = {}): Promise<Response> {
  const { host = referrersRegistry(), auth = true, ...rest } = init;
  const headers: Record<string, string> = { ...((rest.headers as Record<string, string> | undefined) ?? {}) };
  if (auth) headers.Authorization = `Basic ${Buffer.from(`AWS:${registryPassword()}`).toString('base64')}`;
  const url = pathname.startsWith('http') ? pathname : `http://${host}${pathname}`;
  return fetch(url, { ...rest, redirect: 'manual', headers });
}

async function pushBlob(repository: string, bytes: Buffer): Promise<{ mediaType: string; digest: string; size: number }> {
  const started = await registry(`/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  expect(started.status).toBe(202);
  // The front keeps the Host header, so the upload's Location comes back through it.
  const location = new URL(started.headers.get('location') ?? '', `http://${referrersRegistry()}`);
  expect(location.host).toBe(referrersRegistry());
  location.searchParams.set('digest', sha256(bytes));
  const put = await registry(location.toString(), { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  expect(put.status).toBe(201);
  return { mediaType: 'application/octet-stream', digest: sha256(bytes), size: bytes.length };
}

interface Pushed {
  digest: string;
  bytes: Buffer;
  subjectHeader: string | null;
}

async function pushManifest(repository: string, manifest: object, reference?: string, host?: string): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = sha256(bytes);
  const res = await registry(`/v2/${repository}/manifests/${reference ?? digest}`, {
    host,
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': OCI_MANIFEST },
  });
  expect(res.status).toBe(201);
  expect(res.headers.get('docker-content-digest')).toBe(digest);
  return { digest, bytes, subjectHeader: res.headers.get('oci-subject') };
}

async function referrers(repository: string, digest: string, query = ''): Promise<{ res: Response; index: { manifests: unknown[] } }> {
  const res = await registry(`/v2/${repository}/referrers/${digest}${query}`, { headers: { accept: OCI_INDEX } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(OCI_INDEX);
  const index = (await res.json()) as { schemaVersion: number; mediaType: string; manifests: unknown[] };
  expect(index).toMatchObject({ schemaVersion: 2, mediaType: OCI_INDEX });
  return { res, index };
}

describe('the referrers registry ($REFERRERS_REGISTRY)', () => {
  const repository = uniqueRepository('standin-referrers');
  let image: Pushed;
  let sbom: Pushed;
  let provenance: Pushed;
  /** The empty config `{}` every artifact reuses, as the image spec suggests for artifacts. */
  let empty: { mediaType: string; digest: string; size: number };
  const sbomAnnotations = { 'org.opencontainers.image.created': '2026-12-01T00:00:00Z', 'com.example.format': 'spdx-2.3' };

  beforeAll(async () => {
    const config = await pushBlob(
      repository,
      Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: { Labels: { id: randomUUID() } },
          rootfs: { type: 'layers', diff_ids: [] },
        }),
      ),
    );
    empty = { ...(await pushBlob(repository, Buffer.from('{}'))), mediaType: EMPTY };
    image = await pushManifest(
      repository,
      {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
        layers: [],
      },
      'image',
    );
    const subject = { mediaType: OCI_MANIFEST, digest: image.digest, size: image.bytes.length };
    const artifact = (artifactType: string, annotations?: Record<string, string>) => ({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: empty,
      layers: [empty],
      subject,
      ...(annotations ? { annotations } : {}),
    });
    sbom = await pushManifest(repository, artifact(SBOM, sbomAnnotations));
    provenance = await pushManifest(repository, artifact(PROVENANCE));
  }, 60_000);

  test('a push with a subject is answered with OCI-Subject; one without, not', () => {
    expect(sbom.subjectHeader).toBe(image.digest);
    expect(provenance.subjectHeader).toBe(image.digest);
    expect(image.subjectHeader).toBeNull();
  });

  test('the referrers index lists both artifacts: artifactType, size, and annotations where there are any', async () => {
    const { res, index } = await referrers(repository, image.digest);
    expect(res.headers.get('oci-filters-applied')).toBeNull();
    const expected = [
      { mediaType: OCI_MANIFEST, digest: sbom.digest, size: sbom.bytes.length, artifactType: SBOM, annotations: sbomAnnotations },
      { mediaType: OCI_MANIFEST, digest: provenance.digest, size: provenance.bytes.length, artifactType: PROVENANCE },
    ];
    expect(index.manifests).toEqual(expected.sort((a, b) => a.digest.localeCompare(b.digest)));
  });

  test.each([
    [SBOM, () => [sbom.digest]],
    [PROVENANCE, () => [provenance.digest]],
    ['application/vnd.example.none', () => []],
  ])('?artifactType=%s lists only that type, with OCI-Filters-Applied', async (artifactType, digests) => {
    const { res, index } = await referrers(repository, image.digest, `?artifactType=${encodeURIComponent(artifactType)}`);
    expect(res.headers.get('oci-filters-applied')).toBe('artifactType');
    expect((index.manifests as Array<{ digest: string }>).map((m) => m.digest)).toEqual(digests());
  });

  test.each([
    ['an unknown subject', () => repository, () => sha256(randomBytes(16))],
    ['an artifact (nothing refers to it)', () => repository, () => sbom.digest],
    ['a repository with nothing in it', () => uniqueRepository('standin-referrers-none'), () => image.digest],
  ])('%s: 200 with an empty index', async (_, name, digest) => {
    const { index } = await referrers(name(), digest());
    expect(index.manifests).toEqual([]);
  });

  test('the registry credentials are checked: 401 with its challenge without them or with a wrong password', async () => {
    for (const init of [
      { auth: false },
      { auth: false, headers: { Authorization: `Basic ${Buffer.from('AWS:wrong').toString('base64')}` } },
    ]) {
      const res = await registry(`/v2/${repository}/referrers/${image.digest}`, init);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(((await res.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('UNAUTHORIZED');
    }
  });

  test('a malformed digest is a 400 DIGEST_INVALID', async () => {
    const res = await registry(`/v2/${repository}/referrers/sha256:abc`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('DIGEST_INVALID');
  });

  test('the plain registry has no referrers API (404) and no OCI-Subject', async () => {
    const res = await registry(`/v2/${repository}/referrers/${image.digest}`, { host: stackEnv().REGISTRY });
    expect(res.status).toBe(404);
    const again = await pushManifest(repository, JSON.parse(provenance.bytes.toString('utf8')) as object, undefined, stackEnv().REGISTRY);
    expect(again.subjectHeader).toBeNull();
  });

  test('a deleted referrer leaves the index', async () => {
    const other = await pushManifest(repository, {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: 'application/vnd.example.deleted',
      config: empty,
      layers: [empty],
      subject: { mediaType: OCI_MANIFEST, digest: image.digest, size: image.bytes.length },
    });
    const listed = async () =>
      ((await referrers(repository, image.digest)).index.manifests as Array<{ digest: string }>).map((m) => m.digest);
    expect(await listed()).toContain(other.digest);
    const deleted = await registry(`/v2/${repository}/manifests/${other.digest}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    expect(await listed()).not.toContain(other.digest);
    expect(await listed()).toEqual(expect.arrayContaining([sbom.digest, provenance.digest]));
  });
});
