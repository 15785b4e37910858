// The registry client against a small HTTP server on 127.0.0.1 that answers as the OCI
// distribution spec says (the end-to-end suite runs it against the real registry).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry, RegistryHttpError, registryTransientCause } from '../../src/attest/registry.js';
import { fakeRetrySeams } from '../../__fixtures__/retry.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];
/** The answers, in order, for the next requests (status, headers, body). */
const queue: Array<[number, Record<string, string>, string]> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const [status, headers, text] = queue.shift() ?? [500, {}, ''];
      res.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client() {
  seen.length = 0;
  queue.length = 0;
  const seams = fakeRetrySeams();
  return { registry: new Registry({ endpoint: `${base}/`, username: 'AWS', password: 'secret-token' }, seams), seams };
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('Registry', () => {
  test('PUT manifest: Basic auth, the media type, and whether OCI-Subject was answered', async () => {
    const { registry } = client();
    queue.push([201, { 'oci-subject': DIGEST }, ''], [201, {}, '']);
    await expect(registry.putManifest('mlops/api', DIGEST, '{"a":1}', 'application/vnd.oci.image.manifest.v1+json')).resolves.toEqual({
      subjectProcessed: true,
    });
    await expect(registry.putManifest('mlops/api', DIGEST, '{"a":1}', 'application/vnd.oci.image.manifest.v1+json')).resolves.toEqual({
      subjectProcessed: false,
    });
    expect(seen[0]).toEqual({
      method: 'PUT',
      url: `/v2/mlops/api/manifests/${DIGEST}`,
      authorization: `Basic ${Buffer.from('AWS:secret-token').toString('base64')}`,
      contentType: 'application/vnd.oci.image.manifest.v1+json',
      body: '{"a":1}',
    });
  });

  test("a 503 is retried with one warning; a 400 fails at once, with the registry's error code", async () => {
    const { registry, seams } = client();
    queue.push([503, {}, ''], [201, {}, '']);
    await registry.putManifest('r', DIGEST, '{}', 'application/vnd.oci.image.manifest.v1+json');
    expect(seams.warnings).toEqual([`registry PUT manifest r@${DIGEST}: attempt 1 of 3 failed (HTTP 503); retrying in 5 s.`]);
    queue.push([400, {}, '{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid"}]}']);
    await expect(registry.putManifest('r', DIGEST, '{}', 'application/vnd.oci.image.manifest.v1+json')).rejects.toThrow(
      `The registry refused PUT manifest ${DIGEST}: HTTP 400 (MANIFEST_INVALID: manifest invalid)`,
    );
    expect(seams.warnings).toHaveLength(1);
  });

  test('referrers: an OCI index is the API; 404 (or another content type) means there is none', async () => {
    const { registry } = client();
    queue.push(
      [200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }, '{"manifests":[]}'],
      [404, {}, ''],
      [200, { 'content-type': 'text/html' }, '<html/>'],
    );
    await expect(registry.referrers('r', DIGEST)).resolves.toEqual({ supported: true, text: '{"manifests":[]}' });
    await expect(registry.referrers('r', DIGEST)).resolves.toEqual({ supported: false });
    await expect(registry.referrers('r', DIGEST)).resolves.toEqual({ supported: false });
    expect(seen[0]!.url).toBe(`/v2/r/referrers/${DIGEST}`);
  });

  test('a blob upload: POST, then PUT to the Location (relative) with the digest', async () => {
    const { registry } = client();
    queue.push([404, {}, ''], [202, { location: '/v2/r/blobs/uploads/u1?state=x' }, ''], [201, {}, '']);
    await expect(registry.hasBlob('r', DIGEST)).resolves.toBe(false);
    await registry.putBlob('r', DIGEST, '{}');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `HEAD /v2/r/blobs/${DIGEST}`,
      'POST /v2/r/blobs/uploads/',
      `PUT /v2/r/blobs/uploads/u1?state=x&digest=${encodeURIComponent(DIGEST)}`,
    ]);
    expect(seen[2]!.body).toBe('{}');
  });

  test('GET manifest: undefined for 404', async () => {
    const { registry } = client();
    queue.push([404, {}, '']);
    await expect(registry.getManifest('r', 'sha256-aa', ['application/vnd.oci.image.index.v1+json'])).resolves.toBeUndefined();
  });

  test.each<[unknown, string | undefined]>([
    [new RegistryHttpError('x', 429), 'HTTP 429'],
    [new RegistryHttpError('x', 502), 'HTTP 502'],
    [new RegistryHttpError('x', 401), undefined],
    [new RegistryHttpError('x', 404), undefined],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'ECONNRESET'],
    [new Error('socket hang up'), 'socket hang up'],
    [new Error('manifest invalid'), undefined],
  ])('transient: %s → %s', (error, cause) => {
    expect(registryTransientCause(error)).toBe(cause);
  });
});
