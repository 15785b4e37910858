import { describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import type { BuildRequest } from '../../src/buildx/argv.js';
import { bakeArgs, bakeDefinition, type BakeTarget } from '../../src/buildx/bake.js';
import { parseBakeMetadata } from '../../src/buildx/metadata.js';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const absolute = (file: string) => path.resolve('/ws', file);

const BASE: BakeTarget['request'] = {
  context: '.',
  file: 'Dockerfile',
  buildArgs: [],
  labels: [],
  platforms: [],
  cacheFrom: [],
  cacheTo: [],
  secrets: [],
  provenance: 'false',
  sbom: false,
  attestations: 'referrers',
  noCache: false,
  pull: false,
  output: { kind: 'push-tag', reference: `${REGISTRY}/shop/api:${SHA}` },
};
const target = (request: Partial<BuildRequest>, name = 'api'): BakeTarget => ({ name, request: { ...BASE, ...request } });

describe('bakeDefinition: each target says what buildxArgs says for one build', () => {
  test.each<[string, Partial<BuildRequest>, Record<string, unknown>]>([
    [
      'defaults: the SHA tag pushed, provenance off, the Dockerfile absolute',
      {},
      {
        context: '.',
        dockerfile: '/ws/Dockerfile',
        args: {},
        labels: {},
        attest: ['type=provenance,disabled=true'],
        tags: [`${REGISTRY}/shop/api:${SHA}`],
        output: ['type=registry'],
      },
    ],
    [
      'build args and labels as maps, values untouched',
      {
        buildArgs: ['NODE=22', 'FEATURES=a=1,b=2'],
        labels: [
          ['team', 'ml'],
          ['title', 'Retail API'],
        ],
      },
      { args: { NODE: '22', FEATURES: 'a=1,b=2' }, labels: { team: 'ml', title: 'Retail API' } },
    ],
    [
      'target, platforms, caches, secrets, no-cache, pull',
      {
        context: 'services/api',
        file: 'services/api/Dockerfile',
        target: 'runtime',
        platforms: ['linux/amd64', 'linux/arm64'],
        cacheFrom: ['type=registry,ref=r:buildcache-main'],
        cacheTo: ['type=registry,ref=r:buildcache-main,mode=max'],
        secrets: ['id=npm,env=NPM_TOKEN'],
        noCache: true,
        pull: true,
      },
      {
        context: 'services/api',
        dockerfile: '/ws/services/api/Dockerfile',
        target: 'runtime',
        platforms: ['linux/amd64', 'linux/arm64'],
        'cache-from': ['type=registry,ref=r:buildcache-main'],
        'cache-to': ['type=registry,ref=r:buildcache-main,mode=max'],
        secret: ['id=npm,env=NPM_TOKEN'],
        'no-cache': true,
        pull: true,
      },
    ],
    ['provenance true', { provenance: 'true' }, { attest: ['type=provenance'] }],
    ['provenance max', { provenance: 'max' }, { attest: ['type=provenance,mode=max'] }],
    ['provenance mode=max with options', { provenance: 'mode=max,version=v1' }, { attest: ['type=provenance,mode=max,version=v1'] }],
    ['sbom', { sbom: true, provenance: 'mode=min' }, { attest: ['type=provenance,mode=min', 'type=sbom'] }],
    [
      'sbom with a generator',
      { sbom: true, sbomGenerator: 'r.example/scanner:1' },
      { attest: ['type=provenance,disabled=true', 'type=sbom,generator=r.example/scanner:1'] },
    ],
    [
      'push by digest',
      { output: { kind: 'push-digest', name: `${REGISTRY}/shop/api` } },
      { output: [`type=image,name=${REGISTRY}/shop/api,push-by-digest=true,name-canonical=true,push=true`] },
    ],
    [
      'push by digest for referrers',
      { output: { kind: 'push-digest', name: `${REGISTRY}/shop/api`, referrers: true } },
      {
        output: [
          `type=image,name=${REGISTRY}/shop/api,push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true,oci-artifact=false`,
        ],
      },
    ],
  ])('%s', (_name, request, expected) => {
    expect(bakeDefinition([target(request)], absolute).target.api).toMatchObject(expected);
  });

  test('build only: no output, no tags (the builder default)', () => {
    const definition = bakeDefinition([target({ output: { kind: 'none' } })], absolute).target.api!;
    expect(definition.output).toBeUndefined();
    expect(definition.tags).toBeUndefined();
  });

  test('several images: one target each, all in the default group, in order', () => {
    const definition = bakeDefinition([target({}, 'api'), target({ context: 'w', file: 'w/Dockerfile' }, 'worker')], absolute);
    expect(definition.group.default.targets).toEqual(['api', 'worker']);
    expect(Object.keys(definition.target)).toEqual(['api', 'worker']);
    expect(definition.target.worker!.dockerfile).toBe('/ws/w/Dockerfile');
  });

  test('bakeArgs', () => {
    expect(bakeArgs({ file: '/t/bake.json', metadataFile: '/t/m.json' })).toEqual([
      'buildx',
      'bake',
      '--file',
      '/t/bake.json',
      '--metadata-file',
      '/t/m.json',
    ]);
    expect(bakeArgs({ file: 'b', metadataFile: 'm', builder: 'remote' })).toEqual([
      'buildx',
      'bake',
      '--builder',
      'remote',
      '--file',
      'b',
      '--metadata-file',
      'm',
    ]);
  });
});

describe('parseBakeMetadata', () => {
  const digest = (c: string) => `sha256:${c.repeat(64)}`;
  test('each target read as a single build', () => {
    const text = JSON.stringify({
      api: {
        'containerimage.digest': digest('a'),
        'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', digest: digest('a') },
      },
      worker: {
        'containerimage.digest': digest('b'),
        'containerimage.descriptor': { digest: digest('b'), platform: { os: 'linux', architecture: 'arm64' } },
      },
      'buildx.build.warnings': [],
    });
    const results = parseBakeMetadata(text, ['api', 'worker']);
    expect(results.get('api')).toEqual({
      digest: digest('a'),
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platform: undefined,
      raw: expect.any(Object),
    });
    expect(results.get('worker')).toEqual({ digest: digest('b'), mediaType: undefined, platform: 'linux/arm64', raw: expect.any(Object) });
  });
  test.each([
    ['not JSON', '{', ['api'], 'buildx bake wrote a metadata file that is not JSON.'],
    ['a target missing', '{"api": {}}', ['worker'], 'buildx bake wrote no metadata for the image "worker".'],
    [
      'a target without a digest',
      '{"api": {}}',
      ['api'],
      'buildx wrote no image digest (containerimage.digest) in its metadata file for the image "api".',
    ],
  ])('%s', (_name, text, targets, message) => {
    expect(() => parseBakeMetadata(text, targets)).toThrow(message);
  });
});

describe("bakeDefinition: a bake file's target (bake-file) under the step's", () => {
  const FROM_FILE = {
    contexts: { base: 'target:base' },
    labels: { team: 'shop', title: 'from the bake file' },
    secret: [{ id: 'npm', env: 'NPM_TOKEN' }],
    'cache-from': [{ type: 'registry', ref: 'elsewhere:cache' }],
    ssh: ['default'],
    'no-cache': true,
  };

  test('the step decides tags, output, attest and dockerfile; the file keeps its contexts, ssh, labels, secrets, cache-from', () => {
    const definition = bakeDefinition(
      [
        {
          ...target({
            file: 'services/api/Dockerfile',
            labels: [
              ['title', 'step'],
              ['org.opencontainers.image.revision', SHA],
            ],
            secrets: ['id=token,env=TOKEN'],
            cacheFrom: ['type=registry,ref=r:buildcache-main'],
          }),
          base: FROM_FILE,
        },
      ],
      absolute,
      { base: { context: 'base', dockerfile: 'Dockerfile', output: [{ type: 'cacheonly' }] } },
    );
    expect(definition.group.default.targets).toEqual(['api']);
    expect(definition.target.base).toEqual({ context: 'base', dockerfile: 'Dockerfile', output: [{ type: 'cacheonly' }] });
    expect(definition.target.api).toEqual({
      context: '.',
      dockerfile: '/ws/services/api/Dockerfile',
      args: {},
      contexts: { base: 'target:base' },
      labels: { title: 'from the bake file', 'org.opencontainers.image.revision': SHA, team: 'shop' },
      secret: [{ id: 'npm', env: 'NPM_TOKEN' }, 'id=token,env=TOKEN'],
      'cache-from': ['type=registry,ref=r:buildcache-main', { type: 'registry', ref: 'elsewhere:cache' }],
      ssh: ['default'],
      'no-cache': true,
      attest: ['type=provenance,disabled=true'],
      tags: [`${REGISTRY}/shop/api:${SHA}`],
      output: ['type=registry'],
    });
  });

  test('dockerfile-inline: no dockerfile path beside it', () => {
    const definition = bakeDefinition([{ ...target({}), base: { 'dockerfile-inline': 'FROM scratch\n' } }], absolute);
    expect(definition.target.api).toMatchObject({ 'dockerfile-inline': 'FROM scratch\n' });
    expect(definition.target.api).not.toHaveProperty('dockerfile');
  });
});
