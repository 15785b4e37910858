import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  basesFromMetadata,
  basesFromProvenance,
  parseDockerPurl,
  provenanceMode,
  repositoryOf,
  type DockerPurl,
} from '../../src/buildx/provenance.js';
import { type BaseImage } from '../../src/gate/rules/types.js';

// Real metadata files from `docker buildx build --metadata-file` (buildx v0.36.1, BuildKit v0.32.2,
// BUILDX_METADATA_PROVENANCE=max), the build config trimmed. Each one's Dockerfile is in its
// provenance (metadata…#metadata.source.infos[0].data, base64).
const metadata = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../__fixtures__/buildx-metadata/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const BUSYBOX = '127.0.0.1:15000/base/busybox';
const LATEST = 'sha256:7d879fc2246b0a8357a01a6e8330c8012d732e5cdeab7b4960db229be3b7687e';
const V1_0 = 'sha256:0c7d61be342de56948edac298247676b3dedc44936a2e4b2c58c40a3f43d8341';
const MULTIBASE = '127.0.0.1:15000/t/bsp-multibase';
// The multi-platform bases resolve to their index, the same digest on every platform.
const MULTIBASE_1 = 'sha256:af9b06355d94258c22b53dfd3c466358537ce1430fa706f7e096cffc5bef1e32';
const MULTIBASE_2 = 'sha256:6aba96b096688e5df4cfb93131563cef4baa27cca82032bf54730561aa513dce';

describe('basesFromMetadata on real buildx metadata', () => {
  test.each<[string, string, Array<{ platform?: string; bases: BaseImage[] }>]>([
    [
      'FROM busybox:latest',
      'single-latest',
      [
        {
          platform: undefined,
          bases: [{ reference: `${BUSYBOX}:latest`, repository: BUSYBOX, tag: 'latest', digest: LATEST, pinned: false }],
        },
      ],
    ],
    [
      'FROM busybox (no tag: BuildKit names it latest)',
      'single-untagged',
      [
        {
          platform: undefined,
          bases: [{ reference: `${BUSYBOX}:latest`, repository: BUSYBOX, tag: 'latest', digest: LATEST, pinned: false }],
        },
      ],
    ],
    [
      'FROM busybox:1.0',
      'single-tag',
      [{ platform: undefined, bases: [{ reference: `${BUSYBOX}:1.0`, repository: BUSYBOX, tag: '1.0', digest: V1_0, pinned: false }] }],
    ],
    [
      'FROM busybox@sha256 (by digest only: no tag)',
      'single-by-digest',
      [{ platform: undefined, bases: [{ reference: `${BUSYBOX}@${LATEST}`, repository: BUSYBOX, digest: LATEST, pinned: true }] }],
    ],
    [
      'FROM busybox:1.0@sha256',
      'single-tag-and-digest',
      [
        {
          platform: undefined,
          bases: [{ reference: `${BUSYBOX}:1.0@${V1_0}`, repository: BUSYBOX, tag: '1.0', digest: V1_0, pinned: true }],
        },
      ],
    ],
    ['FROM scratch (no materials)', 'single-scratch', [{ platform: undefined, bases: [] }]],
    [
      '--platform linux/arm64 (one platform: the unsuffixed key; the platform is in the descriptor)',
      'single-platform-flag',
      [
        {
          platform: undefined,
          bases: [{ reference: `${BUSYBOX}:latest`, repository: BUSYBOX, tag: 'latest', digest: LATEST, pinned: false }],
        },
      ],
    ],
    [
      'Docker Hub base, COPY --from=<image>, ADD http://… (not an image), an unused stage (not built)',
      'single-hub-copy-add-skip',
      [
        {
          platform: undefined,
          bases: [
            { reference: `${BUSYBOX}:1.0`, repository: BUSYBOX, tag: '1.0', digest: V1_0, pinned: false },
            { reference: `${BUSYBOX}:latest`, repository: BUSYBOX, tag: 'latest', digest: LATEST, pinned: false },
            {
              reference: 'docker.io/docker/buildkit-syft-scanner:stable-1',
              repository: 'docker.io/docker/buildkit-syft-scanner',
              tag: 'stable-1',
              digest: 'sha256:47c2613cf9e4a707cb7576ec6c0cdae24ec1f427eb2d05807807f54465f142b5',
              pinned: false,
            },
          ],
        },
      ],
    ],
    [
      '# syntax=<frontend image>: the frontend is not a base',
      'single-syntax-frontend',
      [
        {
          platform: undefined,
          bases: [{ reference: `${BUSYBOX}:latest`, repository: BUSYBOX, tag: 'latest', digest: LATEST, pinned: false }],
        },
      ],
    ],
    [
      'multi-platform: one entry per platform; a stage not needed by the target is absent',
      'multi-platform',
      ['linux/amd64', 'linux/arm64'].map((platform) => ({
        platform,
        bases: [
          { reference: `${MULTIBASE}:1`, repository: MULTIBASE, tag: '1', digest: MULTIBASE_1, pinned: false },
          { reference: `${MULTIBASE}:2`, repository: MULTIBASE, tag: '2', digest: MULTIBASE_2, pinned: false },
          { reference: `${MULTIBASE}@${MULTIBASE_1}`, repository: MULTIBASE, digest: MULTIBASE_1, pinned: true },
        ],
      })),
    ],
  ])('%s', (_, fixture, expected) => {
    expect(basesFromMetadata(metadata(fixture))).toEqual(expected);
  });

  test('the frontend image is in the materials, without a platform, and named in the parameters', () => {
    const predicate = metadata('single-syntax-frontend')['buildx.build.provenance'] as {
      materials: Array<{ uri: string }>;
      invocation: { parameters: { frontend: string; args: Record<string, string> } };
    };
    expect(predicate.materials.map((m) => m.uri)).toContain('pkg:docker/127.0.0.1%3A15000/t/bsp-dockerfile-frontend@1');
    expect(predicate.invocation.parameters.frontend).toBe('gateway.v0');
    expect(predicate.invocation.parameters.args.source).toBe('127.0.0.1:15000/t/bsp-dockerfile-frontend:1');
  });
});

describe('basesFromMetadata', () => {
  const material = (uri: string, hex = 'a'.repeat(64)) => ({ uri, digest: { sha256: hex } });

  test.each<[string, Record<string, unknown>, Array<{ platform?: string; bases: BaseImage[] }> | undefined]>([
    ['no provenance key: undefined', { 'containerimage.digest': `sha256:${'1'.repeat(64)}` }, undefined],
    ['a provenance that is not an object: no bases', { 'buildx.build.provenance': 'x' }, [{ platform: undefined, bases: [] }]],
    [
      'the same material twice is listed once; a material without a digest is skipped',
      {
        'buildx.build.provenance/linux/arm/v7': {
          materials: [
            material('pkg:docker/python@3.12?platform=linux%2Farm%2Fv7'),
            material('pkg:docker/python@3.12?platform=linux%2Farm%2Fv7'),
            { uri: 'pkg:docker/alpine@3?platform=linux%2Farm%2Fv7' },
          ],
        },
      },
      [
        {
          platform: 'linux/arm/v7',
          bases: [
            {
              reference: 'docker.io/library/python:3.12',
              repository: 'docker.io/library/python',
              tag: '3.12',
              digest: `sha256:${'a'.repeat(64)}`,
              pinned: false,
            },
          ],
        },
      ],
    ],
    [
      'the frontend from Docker Hub (docker/dockerfile:1) excluded; blobs, git and OCI layouts are not images',
      {
        'buildx.build.provenance': {
          invocation: { parameters: { frontend: 'gateway.v0', args: { source: 'docker/dockerfile:1', cmdline: 'docker/dockerfile:1' } } },
          materials: [
            material('pkg:docker/docker/dockerfile@1'),
            material('pkg:docker/alpine@3.20?platform=linux%2Famd64', 'b'.repeat(64)),
            material('pkg:docker/alpine@3.20?ref_type=blob'),
            material('pkg:oci/local@latest?platform=linux%2Famd64'),
            { uri: 'https://github.com/moby/buildkit.git#refs/tags/v0.11.0', digest: { sha1: '4b220de5058abfd01ff619c9d2ff6b09a049bea0' } },
          ],
        },
      },
      [
        {
          platform: undefined,
          bases: [
            {
              reference: 'docker.io/library/alpine:3.20',
              repository: 'docker.io/library/alpine',
              tag: '3.20',
              digest: `sha256:${'b'.repeat(64)}`,
              pinned: false,
            },
          ],
        },
      ],
    ],
  ])('%s', (_, input, expected) => {
    expect(basesFromMetadata(input)).toEqual(expected);
  });
});

describe('parseDockerPurl', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`;
  test.each<[string, DockerPurl | undefined]>([
    ['pkg:docker/python@3.12', { repository: 'docker.io/library/python', tag: '3.12' }],
    ['pkg:docker/library/python@3.12', { repository: 'docker.io/library/python', tag: '3.12' }],
    ['pkg:docker/docker/dockerfile@1', { repository: 'docker.io/docker/dockerfile', tag: '1' }],
    ['pkg:docker/ghcr.io/foo/bar@v2', { repository: 'ghcr.io/foo/bar', tag: 'v2' }],
    ['pkg:docker/localhost/app@latest', { repository: 'localhost/app', tag: 'latest' }],
    [
      'pkg:docker/127.0.0.1%3A15000/base/busybox@latest?platform=linux%2Famd64',
      { repository: '127.0.0.1:15000/base/busybox', tag: 'latest', platform: 'linux/amd64' },
    ],
    [
      `pkg:docker/127.0.0.1%3A15000/base/busybox?digest=${DIGEST}&platform=linux%2Farm64%2Fv8`,
      { repository: '127.0.0.1:15000/base/busybox', digest: DIGEST, platform: 'linux/arm64/v8' },
    ],
    [`pkg:docker/alpine@3.15?digest=${DIGEST}`, { repository: 'docker.io/library/alpine', tag: '3.15', digest: DIGEST }],
    [`pkg:docker/alpine@${DIGEST}`, { repository: 'docker.io/library/alpine', digest: DIGEST }],
    ['pkg:docker/alpine', { repository: 'docker.io/library/alpine' }],
    ['pkg:docker/alpine@3?ref_type=blob', undefined],
    ['pkg:docker/alpine?digest=md5:abc', undefined],
    ['pkg:oci/alpine@3', undefined],
    ['pkg:pypi/requests@2.0', undefined],
    ['https://example.com/file.tar.gz', undefined],
    ['pkg:docker/', undefined],
  ])('%s', (uri, expected) => {
    expect(parseDockerPurl(uri)).toEqual(expected);
  });
});

describe("the step's own tools are not bases", () => {
  test('the SBOM generator BuildKit ran (a material of the build) is left out, named as the sbom-generator input names it', () => {
    const metadata = {
      'buildx.build.provenance': {
        materials: [
          { uri: 'pkg:docker/127.0.0.1%3A15000/base/busybox@latest?platform=linux%2Famd64', digest: { sha256: 'a'.repeat(64) } },
          { uri: 'pkg:docker/docker/buildkit-syft-scanner@stable-1?platform=linux%2Famd64', digest: { sha256: 'b'.repeat(64) } },
        ],
      },
    };
    expect(basesFromMetadata(metadata)![0]!.bases.map((b) => b.repository)).toEqual([
      '127.0.0.1:15000/base/busybox',
      'docker.io/docker/buildkit-syft-scanner',
    ]);
    for (const generator of [
      'docker/buildkit-syft-scanner',
      'docker.io/docker/buildkit-syft-scanner:stable-1',
      'docker/buildkit-syft-scanner@sha256:' + 'c'.repeat(64),
    ]) {
      expect(basesFromMetadata(metadata, [generator])![0]!.bases.map((b) => b.repository)).toEqual(['127.0.0.1:15000/base/busybox']);
    }
  });

  test.each([
    ['python:3.12', 'docker.io/library/python'],
    ['docker/buildkit-syft-scanner:stable-1', 'docker.io/docker/buildkit-syft-scanner'],
    ['127.0.0.1:15000/docker/buildkit-syft-scanner:stable-1', '127.0.0.1:15000/docker/buildkit-syft-scanner'],
    ['localhost:5000/x@sha256:' + 'd'.repeat(64), 'localhost:5000/x'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/base/python:3.11-bookworm', '123456789012.dkr.ecr.us-east-1.amazonaws.com/base/python'],
  ])('repositoryOf(%s) is %s', (reference, repository) => {
    expect(repositoryOf(reference)).toBe(repository);
  });
});

describe('the provenance attestation (a reused image)', () => {
  const v1 = (buildConfig?: unknown) => ({
    buildDefinition: {
      buildType: 'https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md',
      externalParameters: { request: { frontend: 'dockerfile.v0', args: {} } },
      ...(buildConfig === undefined ? {} : { internalParameters: { buildConfig } }),
      resolvedDependencies: [
        { uri: 'pkg:docker/python@3.12-slim?platform=linux%2Famd64', digest: { sha256: 'e'.repeat(64) } },
        { uri: 'pkg:docker/docker/buildkit-syft-scanner@stable-1', digest: { sha256: 'f'.repeat(64) } },
        { uri: 'https://example.com/file.tar.gz', digest: { sha256: '1'.repeat(64) } },
      ],
    },
  });

  test('SLSA v1: resolvedDependencies name the bases; the SBOM generator and non-images are left out', () => {
    expect(basesFromProvenance(v1(), ['docker/buildkit-syft-scanner:stable-1'])).toEqual([
      {
        reference: 'docker.io/library/python:3.12-slim',
        repository: 'docker.io/library/python',
        tag: '3.12-slim',
        digest: `sha256:${'e'.repeat(64)}`,
        pinned: false,
      },
    ]);
  });

  test('SLSA v0.2: materials, as in the metadata file', () => {
    const predicate = { materials: v1().buildDefinition.resolvedDependencies };
    expect(basesFromProvenance(predicate).map((b) => b.repository)).toEqual([
      'docker.io/library/python',
      'docker.io/docker/buildkit-syft-scanner',
    ]);
  });

  test.each([
    ['v1 with internalParameters.buildConfig', v1({ llbDefinition: [] }), 'max'],
    ['v1 without', v1(), 'min'],
    ['v0.2 with buildConfig', { materials: [], buildConfig: { llbDefinition: [] } }, 'max'],
    ['v0.2 without', { materials: [] }, 'min'],
    ['not a predicate', 'x', 'min'],
  ])('provenanceMode: %s → %s', (_name, predicate, mode) => {
    expect(provenanceMode(predicate)).toBe(mode);
  });
});
