import { describe, expect, jest, test } from '@jest/globals';
import { BatchGetImageCommand } from '@aws-sdk/client-ecr';
import { readFileSync } from 'node:fs';
import { FakeEcrClient } from '../../__fixtures__/ecr-client.js';
import { manifestReader } from '../../src/ecr/images.js';
import { discoverAttestations, missingKinds, pushAttestationsBeside, type PushOptions } from '../../src/attest/push.js';
import { EMPTY_CONFIG, splitIndex } from '../../src/attest/layout.js';

const INDEX = readFileSync(new URL('../../__fixtures__/attest/buildkit-index-provenance.json', import.meta.url), 'utf8');
const ATTESTATION = readFileSync(new URL('../../__fixtures__/attest/buildkit-attestation-manifest.json', import.meta.url), 'utf8');
const PUSHED = `sha256:${'f'.repeat(64)}`;
const AMD64 = 'sha256:6d9be69917d4a6ba47a9f2d0fa02d77f3db170e1ab9b3a3f264f2b40a6b6cf75';
const ARM64 = 'sha256:ce4861457198e056e7d9eb16ae1ab75eeeb66602e4dc2bba33eb157627237689';
const REF = { repositoryName: 'mlops/retail-api' };

/** An index of one platform (amd64) and its attestation manifest. */
const SINGLE_INDEX = (() => {
  const index = JSON.parse(INDEX) as { manifests: unknown[] };
  return JSON.stringify({ ...index, manifests: [index.manifests[0], index.manifests[2]] }, null, 2);
})();
const PLATFORM_MANIFEST = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}';

/** ECR: BuildKit's index under PUSHED, every other digest an attestation manifest or the platform manifest. */
function ecr(indexText: string): FakeEcrClient {
  return new FakeEcrClient().on(BatchGetImageCommand, (input) => ({
    images: (input.imageIds ?? []).map(({ imageDigest }) => ({
      imageId: { imageDigest },
      imageManifest: imageDigest === PUSHED ? indexText : imageDigest === AMD64 || imageDigest === ARM64 ? PLATFORM_MANIFEST : ATTESTATION,
      imageManifestMediaType:
        imageDigest === PUSHED ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json',
    })),
  }));
}

type FakeRegistry = PushOptions['registry'] & { puts: Array<[string, string]> };

function registry(
  options: { subject?: boolean; referrersApi?: boolean; hasEmpty?: boolean; refuse?: RegExp; tagged?: string } = {},
): FakeRegistry {
  const puts: Array<[string, string]> = [];
  return {
    puts,
    putManifest: jest.fn(async (_repo: string, reference: string, text: string) => {
      if (options.refuse?.test(text))
        throw new Error('The registry refused PUT manifest: HTTP 400 (MANIFEST_INVALID: artifactType unsupported)');
      puts.push([reference, text]);
      return { subjectProcessed: options.subject ?? true };
    }),
    getManifest: jest.fn(async () => options.tagged),
    referrers: jest.fn(async () =>
      options.referrersApi ? { supported: true as const, text: '{"manifests":[]}' } : { supported: false as const },
    ),
    hasBlob: jest.fn(async () => options.hasEmpty ?? true),
    putBlob: jest.fn(async () => undefined),
  };
}

const run = (client: FakeEcrClient, reg: FakeRegistry) =>
  pushAttestationsBeside({
    manifests: manifestReader(client.client, REF),
    registry: reg,
    pushed: PUSHED,
    created: '2026-12-06T04:00:00Z',
    log: () => undefined,
  });

describe('pushAttestationsBeside', () => {
  test('two platforms, OCI-Subject answered: one artifact per platform, then the index without attestations; two ECR reads', async () => {
    const client = ecr(INDEX);
    const reg = registry();
    const image = await run(client, reg);
    expect(client.inputsOf(BatchGetImageCommand).map((i) => i.imageIds?.length)).toEqual([1, 2]);
    const withoutAttestations = splitIndex(INDEX).withoutAttestations;
    expect(image.manifest).toEqual({
      digest: withoutAttestations.digest,
      text: withoutAttestations.text,
      mediaType: 'application/vnd.oci.image.index.v1+json',
    });
    expect(image.platforms).toEqual([
      { platform: 'linux/amd64', digest: AMD64 },
      { platform: 'linux/arm64', digest: ARM64 },
    ]);
    expect(image.attestations.map((a) => [a.kind, a.platform])).toEqual([
      ['provenance', 'linux/amd64'],
      ['provenance', 'linux/arm64'],
    ]);
    expect(image.storage).toBe('referrers-api');
    // The artifacts first, the image last: the caller tags the image after this returns.
    expect(reg.puts.map(([reference]) => reference)).toEqual([
      image.attestations[0]!.digest,
      image.attestations[1]!.digest,
      withoutAttestations.digest,
    ]);
    expect(reg.referrers).not.toHaveBeenCalled();
    expect(reg.putBlob).not.toHaveBeenCalled();
  });

  test('the empty config is uploaded when the repository lacks it', async () => {
    const reg = registry({ hasEmpty: false });
    await run(ecr(INDEX), reg);
    expect(reg.putBlob).toHaveBeenCalledWith('mlops/retail-api', EMPTY_CONFIG.digest, '{}');
  });

  test('one platform: the image is its platform manifest, nothing else pushed for it', async () => {
    const reg = registry();
    const image = await run(ecr(SINGLE_INDEX), reg);
    expect(image.manifest).toEqual({ digest: AMD64, text: PLATFORM_MANIFEST, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    expect(image.platforms).toEqual([{ platform: 'linux/amd64', digest: AMD64 }]);
    expect(reg.puts).toHaveLength(1);
  });

  test('no OCI-Subject, but the referrers API answers: no referrers tag', async () => {
    const reg = registry({ subject: false, referrersApi: true });
    const image = await run(ecr(INDEX), reg);
    expect(image.storage).toBe('referrers-api');
    expect(reg.puts.some(([reference]) => reference.startsWith('sha256-'))).toBe(false);
  });

  test('no referrers API: each platform gets its referrers tag, listing its attestations', async () => {
    const reg = registry({ subject: false });
    const image = await run(ecr(INDEX), reg);
    expect(image.storage).toBe('referrers-tag');
    const tags = reg.puts.filter(([reference]) => reference.startsWith('sha256-'));
    expect(tags.map(([reference]) => reference)).toEqual([AMD64.replace(':', '-'), ARM64.replace(':', '-')]);
    const listed = JSON.parse(tags[0]![1]) as { manifests: Array<{ digest: string; artifactType: string }> };
    expect(listed.manifests.map((m) => [m.digest, m.artifactType])).toEqual([
      [image.attestations[0]!.digest, 'application/vnd.in-toto+json'],
    ]);
  });

  test('a refused artifact manifest fails before the image is pushed (the caller then writes no tag)', async () => {
    const reg = registry({ refuse: /"artifactType"/ });
    await expect(run(ecr(INDEX), reg)).rejects.toThrow('MANIFEST_INVALID');
    expect(reg.puts).toEqual([]);
  });

  test('a pushed single manifest (no index) is an error naming it', async () => {
    const client = new FakeEcrClient().on(BatchGetImageCommand, () => ({
      images: [
        {
          imageId: { imageDigest: PUSHED },
          imageManifest: PLATFORM_MANIFEST,
          imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        },
      ],
    }));
    await expect(run(client, registry())).rejects.toThrow(`buildx pushed ${PUSHED}, a single manifest`);
  });
});

describe('discoverAttestations and missingKinds', () => {
  const platforms = [
    { platform: 'linux/amd64', digest: AMD64 },
    { platform: 'linux/arm64', digest: ARM64 },
  ];
  const list = (digest: string) =>
    JSON.stringify({
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1, artifactType: 'application/spdx+json' }],
    });

  test('referrers API: one call per platform; the referrers tag where there is none', async () => {
    const api = {
      referrers: jest.fn(async (_r: string, digest: string) => ({
        supported: true as const,
        text: list(digest === AMD64 ? `sha256:${'1'.repeat(64)}` : `sha256:${'2'.repeat(64)}`),
      })),
      getManifest: jest.fn(async () => undefined),
    };
    const found = await discoverAttestations(api, 'repo', platforms);
    expect(found.storage).toBe('referrers-api');
    expect(found.attestations.map((a) => [a.platform, a.kind])).toEqual([
      ['linux/amd64', 'sbom'],
      ['linux/arm64', 'sbom'],
    ]);
    expect(api.getManifest).not.toHaveBeenCalled();

    const tagOnly = {
      referrers: jest.fn(async () => ({ supported: false as const })),
      getManifest: jest.fn(async (_repo: string, _reference: string, _accept: string[]) => list(`sha256:${'3'.repeat(64)}`)),
    };
    const fallback = await discoverAttestations(tagOnly, 'repo', platforms);
    expect(fallback.storage).toBe('referrers-tag');
    expect(tagOnly.getManifest).toHaveBeenCalledWith('repo', AMD64.replace(':', '-'), ['application/vnd.oci.image.index.v1+json']);
    expect(tagOnly.getManifest).toHaveBeenCalledWith('repo', ARM64.replace(':', '-'), ['application/vnd.oci.image.index.v1+json']);
    // The registry said once that it has no referrers API: not asked again for the second platform.
    expect(tagOnly.referrers).toHaveBeenCalledTimes(1);
    expect(missingKinds(fallback.attestations, platforms, ['sbom', 'provenance'])).toEqual([
      'provenance for linux/amd64',
      'provenance for linux/arm64',
    ]);
  });
});
