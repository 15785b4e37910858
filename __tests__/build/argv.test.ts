import { describe, expect, test } from '@jest/globals';
import { buildxArgs, type BuildRequest } from '../../src/build/argv.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const METADATA = '/home/runner/work/_temp/ecr-build-scan-push-x1/build-metadata.json';

const BASE: BuildRequest = {
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
  output: { kind: 'push-tag', reference: `${IMAGE}:${SHA}` },
  metadataFile: METADATA,
};

const PUSH_TAG = ['--tag', `${IMAGE}:${SHA}`, '--push'];
const TAIL = ['--metadata-file', METADATA, '.'];

describe('buildxArgs', () => {
  test.each<[string, Partial<BuildRequest>, string[]]>([
    ['defaults: push the SHA tag', {}, ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', ...PUSH_TAG, ...TAIL]],
    ['builder', { builder: 'remote-amd64' }, ['buildx', 'build', '--builder', 'remote-amd64', '--file', 'Dockerfile', '--provenance=false', ...PUSH_TAG, ...TAIL]],
    ['context and file', { context: 'services/api', file: 'docker/api.Dockerfile' }, ['buildx', 'build', '--file', 'docker/api.Dockerfile', '--provenance=false', ...PUSH_TAG, '--metadata-file', METADATA, 'services/api']],
    [
      'build args, one flag each, values untouched',
      { buildArgs: ['NODE_VERSION=22', 'FEATURES=a=1,b=2'] },
      ['buildx', 'build', '--file', 'Dockerfile', '--build-arg', 'NODE_VERSION=22', '--build-arg', 'FEATURES=a=1,b=2', '--provenance=false', ...PUSH_TAG, ...TAIL],
    ],
    [
      'labels, one flag each, values with spaces kept whole',
      { labels: [['org.opencontainers.image.title', 'Retail API'], ['team', 'ml']] },
      ['buildx', 'build', '--file', 'Dockerfile', '--label', 'org.opencontainers.image.title=Retail API', '--label', 'team=ml', '--provenance=false', ...PUSH_TAG, ...TAIL],
    ],
    ['target', { target: 'runtime' }, ['buildx', 'build', '--file', 'Dockerfile', '--target', 'runtime', '--provenance=false', ...PUSH_TAG, ...TAIL]],
    ['one platform', { platforms: ['linux/arm64'] }, ['buildx', 'build', '--file', 'Dockerfile', '--platform', 'linux/arm64', '--provenance=false', ...PUSH_TAG, ...TAIL]],
    [
      'platforms joined by commas',
      { platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] },
      ['buildx', 'build', '--file', 'Dockerfile', '--platform', 'linux/amd64,linux/arm64,linux/arm/v7', '--provenance=false', ...PUSH_TAG, ...TAIL],
    ],
    [
      'cache from and to, one flag per spec',
      { cacheFrom: ['type=gha', 'type=registry,ref=cache:api'], cacheTo: ['type=gha,mode=max'] },
      ['buildx', 'build', '--file', 'Dockerfile', '--cache-from', 'type=gha', '--cache-from', 'type=registry,ref=cache:api', '--cache-to', 'type=gha,mode=max', '--provenance=false', ...PUSH_TAG, ...TAIL],
    ],
    [
      'secrets',
      { secrets: ['id=npm,env=NPM_TOKEN', 'id=pip,src=/run/secrets/pip.conf'] },
      ['buildx', 'build', '--file', 'Dockerfile', '--secret', 'id=npm,env=NPM_TOKEN', '--secret', 'id=pip,src=/run/secrets/pip.conf', '--provenance=false', ...PUSH_TAG, ...TAIL],
    ],
    ['provenance mode=max', { provenance: 'mode=max' }, ['buildx', 'build', '--file', 'Dockerfile', '--provenance=mode=max', ...PUSH_TAG, ...TAIL]],
    ['sbom with BuildKit\'s generator', { sbom: true }, ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', '--sbom=true', ...PUSH_TAG, ...TAIL]],
    [
      'sbom with a named generator',
      { sbom: true, sbomGenerator: '127.0.0.1:15000/docker/buildkit-syft-scanner:stable-1' },
      ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', '--sbom=generator=127.0.0.1:15000/docker/buildkit-syft-scanner:stable-1', ...PUSH_TAG, ...TAIL],
    ],
    [
      'attestations beside the image: BuildKit pushes by digest, its attestation manifests without a subject of their own',
      { sbom: true, provenance: 'mode=max', output: { kind: 'push-digest', name: IMAGE, referrers: true } },
      [
        'buildx', 'build', '--file', 'Dockerfile', '--provenance=mode=max', '--sbom=true',
        '--output', `type=image,name=${IMAGE},push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true,oci-artifact=false`,
        ...TAIL,
      ],
    ],
    ['no-cache and pull', { noCache: true, pull: true }, ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', '--no-cache', '--pull', ...PUSH_TAG, ...TAIL]],
    [
      'push by digest (sha-tag: false)',
      { output: { kind: 'push-digest', name: IMAGE } },
      ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', '--output', `type=image,name=${IMAGE},push-by-digest=true,name-canonical=true,push=true`, ...TAIL],
    ],
    ['push: false builds only', { output: { kind: 'none' } }, ['buildx', 'build', '--file', 'Dockerfile', '--provenance=false', ...TAIL]],
    [
      'every option, in order',
      {
        builder: 'k8s',
        context: 'app',
        file: 'app/Dockerfile.prod',
        buildArgs: ['A=1'],
        labels: [['l', 'v']],
        target: 'prod',
        platforms: ['linux/amd64', 'linux/arm64'],
        cacheFrom: ['type=gha'],
        cacheTo: ['type=gha,mode=max'],
        secrets: ['id=s,env=S'],
        provenance: 'mode=min',
        noCache: true,
        pull: true,
        output: { kind: 'push-digest', name: IMAGE },
      },
      [
        'buildx', 'build',
        '--builder', 'k8s',
        '--file', 'app/Dockerfile.prod',
        '--build-arg', 'A=1',
        '--label', 'l=v',
        '--target', 'prod',
        '--platform', 'linux/amd64,linux/arm64',
        '--cache-from', 'type=gha',
        '--cache-to', 'type=gha,mode=max',
        '--secret', 'id=s,env=S',
        '--provenance=mode=min',
        '--no-cache',
        '--pull',
        '--output', `type=image,name=${IMAGE},push-by-digest=true,name-canonical=true,push=true`,
        '--metadata-file', METADATA,
        'app',
      ],
    ],
  ])('%s', (_name, overrides, argv) => {
    expect(buildxArgs({ ...BASE, ...overrides })).toEqual(argv);
  });
});
