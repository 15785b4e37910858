import { describe, expect, test } from '@jest/globals';
import { digestOf, manifestText, type ManifestFixture } from '../../__fixtures__/manifests/index.js';
import { isIndex, platformDigestsObject, platformManifests, platformName, type PlatformManifest } from '../../src/shared/manifest.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const PUSHED = digestOf('f');

describe('platformManifests', () => {
  test.each<[string, ManifestFixture, string | undefined, PlatformManifest[]]>([
    ['a single manifest is the built platform', 'oci-manifest', OCI_MANIFEST, [{ platform: 'linux/arm64', digest: PUSHED }]],
    ['a single manifest, media type from its body', 'oci-manifest', undefined, [{ platform: 'linux/arm64', digest: PUSHED }]],
    [
      'an OCI index with two platforms',
      'oci-index',
      OCI_INDEX,
      [
        { platform: 'linux/amd64', digest: digestOf('1') },
        { platform: 'linux/arm64', digest: digestOf('2') },
      ],
    ],
    [
      'attestation manifests (unknown/unknown) are skipped',
      'oci-index-attestations',
      OCI_INDEX,
      [
        { platform: 'linux/amd64', digest: digestOf('1') },
        { platform: 'linux/arm64', digest: digestOf('2') },
      ],
    ],
    [
      'a Docker manifest list, with variants',
      'docker-manifest-list',
      DOCKER_LIST,
      [
        { platform: 'linux/amd64', digest: digestOf('3') },
        { platform: 'linux/arm/v7', digest: digestOf('4') },
        { platform: 'linux/arm64/v8', digest: digestOf('5') },
      ],
    ],
    [
      'an index whose media type ECR did not return',
      'docker-manifest-list',
      undefined,
      [
        { platform: 'linux/amd64', digest: digestOf('3') },
        { platform: 'linux/arm/v7', digest: digestOf('4') },
        { platform: 'linux/arm64/v8', digest: digestOf('5') },
      ],
    ],
  ])('%s', (_name, fixture, mediaType, expected) => {
    expect(platformManifests(PUSHED, manifestText(fixture), mediaType, 'linux/arm64')).toEqual(expected);
  });

  test.each<[string, object[], PlatformManifest[]]>([
    [
      'an attestation by annotation alone is skipped',
      [
        { digest: digestOf('1'), platform: { os: 'linux', architecture: 'amd64' } },
        {
          digest: digestOf('a'),
          platform: { os: 'linux', architecture: 'amd64' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
      [{ platform: 'linux/amd64', digest: digestOf('1') }],
    ],
    [
      'entries without a digest or a platform are skipped',
      [
        { platform: { os: 'linux', architecture: 'amd64' } },
        { digest: digestOf('2') },
        { digest: digestOf('3'), platform: { os: 'linux' } },
        { digest: digestOf('4'), platform: { os: 'windows', architecture: 'amd64' } },
      ],
      [{ platform: 'windows/amd64', digest: digestOf('4') }],
    ],
    ['an empty index', [], []],
  ])('%s', (_name, manifests, expected) => {
    expect(platformManifests(PUSHED, JSON.stringify({ schemaVersion: 2, manifests }), OCI_INDEX, 'linux/amd64')).toEqual(expected);
  });
});

describe('isIndex', () => {
  test.each<[string | undefined, { manifests?: unknown }, boolean]>([
    [OCI_INDEX, {}, true],
    [DOCKER_LIST, {}, true],
    [OCI_MANIFEST, {}, false],
    ['application/vnd.docker.distribution.manifest.v2+json', {}, false],
    [undefined, { manifests: [] }, true],
    [undefined, {}, false],
    [undefined, { manifests: 'x' }, false],
  ])('%s %j → %s', (mediaType, manifest, expected) => {
    expect(isIndex(mediaType, manifest)).toBe(expected);
  });
});

describe('platformName', () => {
  test.each<[Parameters<typeof platformName>[0], string]>([
    [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'arm64', variant: '' }, 'linux/arm64'],
    [{ os: 'unknown', architecture: 'unknown' }, 'unknown/unknown'],
    [{ os: 'linux' }, 'unknown'],
    [undefined, 'unknown'],
  ])('%j → %s', (platform, name) => {
    expect(platformName(platform)).toBe(name);
  });
});

describe('platformDigestsObject', () => {
  test.each<[string, PlatformManifest[], Record<string, string>]>([
    ['single platform', [{ platform: 'linux/amd64', digest: digestOf('1') }], { 'linux/amd64': digestOf('1') }],
    [
      'several, in order',
      [
        { platform: 'linux/amd64', digest: digestOf('1') },
        { platform: 'linux/arm/v7', digest: digestOf('4') },
      ],
      { 'linux/amd64': digestOf('1'), 'linux/arm/v7': digestOf('4') },
    ],
    ['none', [], {}],
  ])('%s', (_name, manifests, expected) => {
    const result = platformDigestsObject(manifests);
    expect(result).toEqual(expected);
    expect(Object.keys(result)).toEqual(Object.keys(expected));
  });
});
