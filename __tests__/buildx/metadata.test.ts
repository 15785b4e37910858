import { describe, expect, test } from '@jest/globals';
import { parseBuildMetadata, type BuildResult } from '../../src/buildx/metadata.js';
import { digestOf } from '../../__fixtures__/manifests/index.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const NO_DIGEST = 'buildx wrote no image digest (containerimage.digest) in its metadata file.';

describe('parseBuildMetadata', () => {
  test.each<[string, Record<string, unknown>, Omit<BuildResult, 'raw'>]>([
    [
      'docker driver (no descriptor)',
      {
        'buildx.build.ref': 'default/default/ysh2x4rmd0dmm9hq5x0dq3l4v',
        'containerimage.config.digest': digestOf('c'),
        'containerimage.digest': digestOf('1'),
        'image.name': `${IMAGE}:a1b2c3d`,
      },
      { digest: digestOf('1'), mediaType: undefined },
    ],
    [
      'docker-container / remote driver, single platform',
      {
        'buildx.build.ref': 'ci-builder/ci-builder0/q7n5u0kz3j8o5m4z',
        'containerimage.config.digest': digestOf('c'),
        'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digestOf('1'), size: 1009 },
        'containerimage.digest': digestOf('1'),
        'image.name': `${IMAGE}:a1b2c3d`,
      },
      { digest: digestOf('1'), mediaType: 'application/vnd.oci.image.manifest.v1+json' },
    ],
    [
      'remote driver, multi-platform index with provenance',
      {
        'buildx.build.provenance/linux/amd64': { builder: { id: '' }, buildType: 'https://mobyproject.org/buildkit@v1' },
        'buildx.build.provenance/linux/arm64': { builder: { id: '' }, buildType: 'https://mobyproject.org/buildkit@v1' },
        'buildx.build.ref': 'remote/remote0/9e2xk',
        'containerimage.descriptor': {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: digestOf('9'),
          size: 1609,
          annotations: { 'org.opencontainers.image.created': '2025-03-14T09:26:53Z' },
        },
        'containerimage.digest': digestOf('9'),
        'image.name': IMAGE,
      },
      { digest: digestOf('9'), mediaType: 'application/vnd.oci.image.index.v1+json' },
    ],
    [
      'digest only in the descriptor',
      { 'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digestOf('2') } },
      { digest: digestOf('2'), mediaType: 'application/vnd.oci.image.manifest.v1+json' },
    ],
  ])('%s', (_name, metadata, result) => {
    expect(parseBuildMetadata(JSON.stringify(metadata))).toEqual({ platform: undefined, ...result, raw: metadata });
  });

  test.each<[string, string, string]>([
    ['not JSON', 'ERROR: failed to solve', 'buildx wrote a metadata file that is not JSON.'],
    ['empty file', '', 'buildx wrote a metadata file that is not JSON.'],
    [
      'no digest (build not pushed)',
      JSON.stringify({ 'buildx.build.ref': 'default/default/x', 'containerimage.config.digest': digestOf('c') }),
      NO_DIGEST,
    ],
    ['an empty object', '{}', NO_DIGEST],
    ['a digest that is not sha256', JSON.stringify({ 'containerimage.digest': `sha512:${'a'.repeat(128)}` }), NO_DIGEST],
    ['a short digest', JSON.stringify({ 'containerimage.digest': 'sha256:abc' }), NO_DIGEST],
    ['a digest that is not a string', JSON.stringify({ 'containerimage.digest': 42 }), NO_DIGEST],
    // JSON that is not an object must not surface as "Cannot read properties of null".
    ['JSON null', 'null', NO_DIGEST],
    ['a JSON array', '[]', NO_DIGEST],
  ])('%s is a clear error', (_name, text, message) => {
    expect(() => parseBuildMetadata(text)).toThrow(new Error(message));
  });
});
