import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ARTIFACT_TYPES,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  attestationsInManifest,
  attestationsInReferrers,
  attestationsObject,
  kindOfPredicate,
  mergeReferrersIndex,
  referrerManifests,
  referrersTag,
  splitIndex,
  type Descriptor,
} from '../../src/attest/layout.js';

// What BuildKit v0.32 pushed for `--platform linux/amd64,linux/arm64 --provenance=mode=max`
// (oci-artifact=false): two platform manifests, two attestation manifests.
const INDEX = readFileSync(new URL('../../__fixtures__/attest/buildkit-index-provenance.json', import.meta.url), 'utf8');
const ATTESTATION = readFileSync(new URL('../../__fixtures__/attest/buildkit-attestation-manifest.json', import.meta.url), 'utf8');
const AMD64 = 'sha256:6d9be69917d4a6ba47a9f2d0fa02d77f3db170e1ab9b3a3f264f2b40a6b6cf75';
const ARM64 = 'sha256:ce4861457198e056e7d9eb16ae1ab75eeeb66602e4dc2bba33eb157627237689';
const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const CREATED = '2026-12-06T04:00:00.000Z';

const SBOM_LAYER: Descriptor = {
  mediaType: 'application/vnd.in-toto+json',
  digest: digest('5'),
  size: 1200,
  annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' },
};
const PROVENANCE_LAYER: Descriptor = {
  mediaType: 'application/vnd.in-toto+json',
  digest: digest('6'),
  size: 2640,
  annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
};
const attestationManifest = (layers: unknown[]) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digest('c'), size: 167 },
    layers,
  });
const SUBJECT: Descriptor = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: AMD64,
  size: 475,
  platform: { os: 'linux', architecture: 'amd64' },
};

describe('splitIndex', () => {
  test('BuildKit index → its platform manifests, its attestation manifests and their subjects', () => {
    const split = splitIndex(INDEX);
    expect(split.images.map((i) => [i.platform, i.descriptor.digest])).toEqual([
      ['linux/amd64', AMD64],
      ['linux/arm64', ARM64],
    ]);
    expect(split.attestations.map((a) => [a.descriptor.digest, a.subject])).toEqual([
      ['sha256:7fade0a06cfd4e69cdf5b4e334be392618164528feddcdac18fedfcc79026954', AMD64],
      ['sha256:73ee961ec289c5b1433bb89858e4b04032d6240dc538767c1fa6737c6eba3612', ARM64],
    ]);
  });

  test('the index without attestations is what BuildKit writes for the same build without them: same fields, order, indent', () => {
    const { withoutAttestations } = splitIndex(INDEX);
    const original = JSON.parse(INDEX) as { manifests: Array<{ annotations?: unknown }> };
    const expected = JSON.stringify({ ...original, manifests: original.manifests.filter((m) => m.annotations === undefined) }, null, 2);
    expect(withoutAttestations.text).toBe(expected);
    expect(
      withoutAttestations.text.startsWith(
        '{\n  "schemaVersion": 2,\n  "mediaType": "application/vnd.oci.image.index.v1+json",\n  "manifests": [',
      ),
    ).toBe(true);
    expect(withoutAttestations.digest).toBe(sha(expected));
    expect(withoutAttestations.mediaType).toBe('application/vnd.oci.image.index.v1+json');
  });

  test.each<[string, string, number, number]>([
    ['compact JSON stays compact', JSON.stringify(JSON.parse(INDEX)), 2, 2],
    [
      'entries that are not descriptors are kept as they are, never taken for a platform',
      JSON.stringify({ schemaVersion: 2, manifests: [{ digest: 'x' }, JSON.parse(INDEX).manifests[0]] }),
      1,
      0,
    ],
    [
      'an attestation without a reference digest is dropped from the index, and has no subject',
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          JSON.parse(INDEX).manifests[0],
          { ...JSON.parse(INDEX).manifests[2], annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
        ],
      }),
      1,
      0,
    ],
  ])('%s', (_, text, images, attestations) => {
    const split = splitIndex(text);
    expect(split.images).toHaveLength(images);
    expect(split.attestations).toHaveLength(attestations);
    expect(split.withoutAttestations.text.includes('attestation-manifest')).toBe(false);
    if (!text.includes('\n')) expect(split.withoutAttestations.text.includes('\n')).toBe(false);
  });

  test('a single manifest is refused', () => {
    expect(() => splitIndex(ATTESTATION)).toThrow('not an image index');
  });
});

describe('referrerManifests', () => {
  test("BuildKit's provenance statement → one artifact manifest, subject the platform manifest, BuildKit's layer reused", () => {
    const [provenance, ...rest] = referrerManifests(ATTESTATION, SUBJECT, 'linux/amd64', CREATED);
    expect(rest).toEqual([]);
    const manifest = JSON.parse(provenance!.text) as Record<string, unknown>;
    const layer = (JSON.parse(ATTESTATION) as { layers: unknown[] }).layers[0];
    expect(manifest).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.in-toto+json',
      config: EMPTY_CONFIG,
      layers: [layer],
      subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: AMD64, size: 475 },
      annotations: { 'org.opencontainers.image.created': CREATED, 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1' },
    });
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'mediaType', 'artifactType', 'config', 'layers', 'subject', 'annotations']);
    expect(provenance).toMatchObject({
      kind: 'provenance',
      platform: 'linux/amd64',
      digest: sha(provenance!.text),
      predicateType: 'https://slsa.dev/provenance/v1',
    });
    expect(provenance!.descriptor).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha(provenance!.text),
      size: Buffer.byteLength(provenance!.text),
      artifactType: 'application/vnd.in-toto+json',
      annotations: { 'org.opencontainers.image.created': CREATED, 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1' },
    });
  });

  test.each<[string, unknown[], Array<[string, string]>]>([
    [
      'SBOM and provenance: one manifest each, in layer order',
      [SBOM_LAYER, PROVENANCE_LAYER],
      [
        ['sbom', ARTIFACT_TYPES.sbom],
        ['provenance', ARTIFACT_TYPES.provenance],
      ],
    ],
    [
      'two SBOMs (scanned stages): two manifests',
      [SBOM_LAYER, { ...SBOM_LAYER, digest: digest('7') }],
      [
        ['sbom', 'application/spdx+json'],
        ['sbom', 'application/spdx+json'],
      ],
    ],
    [
      'an unknown predicate type is left alone',
      [{ ...SBOM_LAYER, annotations: { 'in-toto.io/predicate-type': 'https://example.com/custom' } }],
      [],
    ],
    ['a layer that is not an in-toto statement is left alone', [{ ...SBOM_LAYER, mediaType: 'application/octet-stream' }], []],
    ['a layer without the annotation is left alone', [{ ...SBOM_LAYER, annotations: undefined }], []],
    ['no layers', [], []],
  ])('%s', (_, layers, expected) => {
    const manifests = referrerManifests(attestationManifest(layers), SUBJECT, 'linux/amd64', CREATED);
    expect(manifests.map((m) => [m.kind, (JSON.parse(m.text) as { artifactType: string }).artifactType])).toEqual(expected);
    expect(new Set(manifests.map((m) => m.digest)).size).toBe(manifests.length);
  });

  test('the same input gives the same bytes (a retried push writes the same manifest)', () => {
    const once = referrerManifests(attestationManifest([SBOM_LAYER]), SUBJECT, 'linux/amd64', CREATED);
    const again = referrerManifests(attestationManifest([SBOM_LAYER]), SUBJECT, 'linux/amd64', CREATED);
    expect(again).toEqual(once);
  });
});

describe('kinds and lists', () => {
  test.each<[string | undefined, string | undefined]>([
    ['https://spdx.dev/Document', 'sbom'],
    ['https://spdx.dev/Document/v2.3', 'sbom'],
    ['https://slsa.dev/provenance/v0.2', 'provenance'],
    ['https://slsa.dev/provenance/v1', 'provenance'],
    ['https://cyclonedx.org/bom', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('predicate type %s → %s', (predicate, kind) => {
    expect(kindOfPredicate(predicate)).toBe(kind);
  });

  test('referrers tag schema: sha256:<hex> → sha256-<hex>', () => {
    expect(referrersTag(AMD64)).toBe('sha256-6d9be69917d4a6ba47a9f2d0fa02d77f3db170e1ab9b3a3f264f2b40a6b6cf75');
  });

  test('the empty config descriptor is the digest of {}', () => {
    expect(EMPTY_CONFIG.digest).toBe(sha(EMPTY_CONFIG_BYTES));
    expect(EMPTY_CONFIG.size).toBe(Buffer.byteLength(EMPTY_CONFIG_BYTES));
  });

  test('a referrers list → the attestations of our kinds in it', () => {
    const [sbom] = referrerManifests(attestationManifest([SBOM_LAYER]), SUBJECT, 'linux/amd64', CREATED);
    const [provenance] = referrerManifests(attestationManifest([PROVENANCE_LAYER]), SUBJECT, 'linux/amd64', CREATED);
    const list = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        sbom!.descriptor,
        provenance!.descriptor,
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: digest('9'),
          size: 10,
          artifactType: 'application/vnd.dev.cosign.artifact.sig.v1+json',
        },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest('8'), size: 10, artifactType: 'application/spdx+json' },
      ],
    });
    expect(attestationsInReferrers(list, 'linux/amd64').map((a) => [a.kind, a.digest])).toEqual([
      ['sbom', sbom!.digest],
      ['provenance', provenance!.digest],
      ['sbom', digest('8')],
    ]);
  });

  test('an index-layout attestation manifest → one entry per statement, under its own digest', () => {
    expect(attestationsInManifest(attestationManifest([SBOM_LAYER, PROVENANCE_LAYER]), digest('a'), 'linux/arm64')).toEqual([
      { kind: 'sbom', platform: 'linux/arm64', digest: digest('a'), predicateType: 'https://spdx.dev/Document' },
      { kind: 'provenance', platform: 'linux/arm64', digest: digest('a'), predicateType: 'https://slsa.dev/provenance/v0.2' },
    ]);
  });

  test('the attestations output: platform → kind → digest, the first of a kind', () => {
    expect(
      attestationsObject([
        { kind: 'sbom', platform: 'linux/amd64', digest: digest('1'), predicateType: '' },
        { kind: 'provenance', platform: 'linux/amd64', digest: digest('2'), predicateType: '' },
        { kind: 'sbom', platform: 'linux/amd64', digest: digest('3'), predicateType: '' },
        { kind: 'sbom', platform: 'linux/arm64', digest: digest('4'), predicateType: '' },
      ]),
    ).toEqual({ 'linux/amd64': { sbom: digest('1'), provenance: digest('2') }, 'linux/arm64': { sbom: digest('4') } });
  });
});

describe('mergeReferrersIndex', () => {
  const a: Descriptor = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: digest('a'),
    size: 1,
    artifactType: 'application/spdx+json',
  };
  const b: Descriptor = { ...a, digest: digest('b'), artifactType: 'application/vnd.in-toto+json' };
  const other = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: digest('c'),
    size: 3,
    artifactType: 'application/vnd.dev.cosign.artifact.sig.v1+json',
  };
  const indexOf = (manifests: unknown[]) =>
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests });

  test.each<[string, string | undefined, Descriptor[], unknown[], boolean]>([
    ['no tag yet: a new index', undefined, [a, b], [a, b], true],
    ["another tool's entry is kept, ours appended", indexOf([other]), [a, b], [other, a, b], true],
    ['a re-run: every entry there already, nothing to write', indexOf([a, b]), [a, b], [a, b], false],
    ['one new: appended once', indexOf([a]), [a, b, b], [a, b], true],
  ])('%s', (_, existing, added, expected, changed) => {
    const merged = mergeReferrersIndex(existing, added);
    expect(JSON.parse(merged.text)).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: expected,
    });
    expect(merged.changed).toBe(changed);
  });
});
