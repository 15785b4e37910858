import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fakeRunner } from '../../__fixtures__/runner.js';
import { fakeRetrySeams } from '../../__fixtures__/retry.js';
import { digestOf } from '../../__fixtures__/manifests/index.js';
import { builderPlatform, inspectBuilder, lastErrorLine, metadataEnv, runBuild } from '../../src/buildx/run.js';
import { buildxArgs, type BuildRequest } from '../../src/buildx/argv.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';

// What buildx prints when a RUN step fails (docker-container driver, plain progress).
const FAILED_RUN = [
  '#0 building with "ci-builder" instance using docker-container driver',
  '',
  '#5 [2/3] RUN npm ci',
  '#5 0.412 npm error code EUSAGE',
  '#5 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
  '------',
  ' > [2/3] RUN npm ci:',
  '0.412 npm error code EUSAGE',
  '------',
  'Dockerfile:3',
  '--------------------',
  '   2 |     COPY package*.json ./',
  '   3 | >>> RUN npm ci',
  '--------------------',
  'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
  '',
].join('\n');

describe('lastErrorLine', () => {
  test.each<[string, string, string | undefined]>([
    [
      'a failed RUN step: the final ERROR line',
      FAILED_RUN,
      'failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
    ],
    ['CRLF output', 'step 1\r\nERROR: failed to build: denied\r\n', 'failed to build: denied'],
    [
      'an error: line in the middle wins over a trailing non-error line',
      'error: unable to prepare context: path "nope" not found\nSee docker buildx build --help',
      'error: unable to prepare context: path "nope" not found',
    ],
    ['the last of several ERROR lines', 'ERROR: first\nsomething\nERROR: second\n', 'second'],
    ['no error line: the last line', 'step 1\nsomething odd happened\n\n', 'something odd happened'],
    ['empty stderr', '', undefined],
    ['only blank lines', '\n  \n', undefined],
  ])('%s', (_name, stderr, line) => {
    expect(lastErrorLine(stderr)).toBe(line);
  });
});

describe('runBuild', () => {
  let dir: string;
  let request: BuildRequest;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'buildx-test-'));
    request = {
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
      output: { kind: 'push-tag', reference: `${IMAGE}:a1b2c3d` },
      metadataFile: path.join(dir, 'build-metadata.json'),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('runs docker with the argv and reads the digest back from the metadata file', async () => {
    const run = fakeRunner(() => {
      writeFileSync(request.metadataFile, JSON.stringify({ 'containerimage.digest': digestOf('1') }));
      return { exitCode: 0 };
    });
    await expect(runBuild(request, run)).resolves.toMatchObject({ digest: digestOf('1'), raw: { 'containerimage.digest': digestOf('1') } });
    expect(run.mock.calls).toEqual([['docker', buildxArgs(request), { ignoreReturnCode: true }]]);
  });

  test('push: false returns nothing and reads no metadata file', async () => {
    const run = fakeRunner();
    await expect(runBuild({ ...request, output: { kind: 'none' } }, run)).resolves.toBeUndefined();
    expect(run).toHaveBeenCalledTimes(1);
  });

  test.each<[string, number, string, string]>([
    [
      'with the reason',
      1,
      FAILED_RUN,
      'docker buildx build failed (exit 1): failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
    ],
    ['without output', 125, '', 'docker buildx build failed (exit 125)'],
  ])('a failed build throws %s', async (_name, exitCode, stderr, message) => {
    const run = fakeRunner(() => ({ exitCode, stderr }));
    await expect(runBuild(request, run)).rejects.toThrow(new Error(message));
  });
});

describe('runBuild: retries', () => {
  let dir: string;
  let request: BuildRequest;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'buildx-test-'));
    request = {
      context: '.',
      file: 'Dockerfile',
      buildArgs: [],
      labels: [['org.opencontainers.image.created', '2026-12-01T10:00:00.000Z']],
      platforms: [],
      cacheFrom: [],
      cacheTo: [],
      secrets: [],
      provenance: 'false',
      sbom: false,
      attestations: 'referrers',
      noCache: false,
      pull: false,
      output: { kind: 'push-tag', reference: `${IMAGE}:a1b2c3d` },
      metadataFile: path.join(dir, 'build-metadata.json'),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // What the remote builder printed when every manifest PUT was answered 503 (__fixtures__/faults).
  const REMOTE_503 = [
    '7.081 error: failed commit on ref "manifest-sha256:bf05": unexpected status from PUT request to http://127.0.0.1:5/v2/a/manifests/one: 503 Service Unavailable',
    '7.081 unavailable',
    '------',
    'ERROR: failed to build: failed to solve: failed to push 127.0.0.1:5/a:one: unavailable',
  ].join('\n');

  test('a push answered 503, then one that succeeds: the same argv again (the builder cache makes it an upload), one warning', async () => {
    const answers: Array<{ exitCode: number; stderr?: string }> = [{ exitCode: 1, stderr: REMOTE_503 }, { exitCode: 0 }];
    const run = fakeRunner(() => {
      const answer = answers.shift() ?? { exitCode: 0 };
      if (answer.exitCode === 0) writeFileSync(request.metadataFile, JSON.stringify({ 'containerimage.digest': digestOf('1') }));
      return answer;
    });
    const seams = fakeRetrySeams();
    await expect(runBuild(request, run, seams)).resolves.toMatchObject({
      digest: digestOf('1'),
      raw: { 'containerimage.digest': digestOf('1') },
    });
    expect(run).toHaveBeenCalledTimes(2);
    expect(run.mock.calls[1]).toEqual(run.mock.calls[0]);
    expect(seams.warnings).toEqual([
      `docker buildx build pushing ${IMAGE}:a1b2c3d: attempt 1 of 3 failed (503 Service Unavailable); retrying in 5 s.`,
    ]);
  });

  test("BuildKit's bare `unavailable` is told with the status the registry answered", async () => {
    const run = fakeRunner(() => ({ exitCode: 1, stderr: REMOTE_503 }));
    await expect(runBuild(request, run, fakeRetrySeams())).rejects.toThrow(
      'docker buildx build failed (exit 1): failed to build: failed to solve: failed to push 127.0.0.1:5/a:one: unavailable (the registry answered: 503 Service Unavailable) (gave up after 3 attempts in 25 s)',
    );
    expect(run).toHaveBeenCalledTimes(3);
  });

  test.each<[string, string]>([
    ['a RUN step', FAILED_RUN],
    [
      'an immutable tag',
      "ERROR: failed to build: tag invalid: The image tag 'v1' already exists in the 'a' repository and cannot be overwritten because the repository is immutable.",
    ],
    ['no credentials', 'ERROR: failed to build: no basic auth credentials'],
  ])('%s fails on the first attempt, without a warning', async (_name, stderr) => {
    const run = fakeRunner(() => ({ exitCode: 1, stderr }));
    const seams = fakeRetrySeams();
    await expect(runBuild(request, run, seams)).rejects.toThrow(/^docker buildx build failed \(exit 1\)/);
    expect(run).toHaveBeenCalledTimes(1);
    expect(seams.warnings).toEqual([]);
  });
});

describe('runBuild: the SBOM generator', () => {
  const base = (dir: string): BuildRequest => ({
    context: '.',
    file: 'Dockerfile',
    buildArgs: [],
    labels: [],
    platforms: [],
    cacheFrom: [],
    cacheTo: [],
    secrets: [],
    provenance: 'false',
    sbom: true,
    attestations: 'referrers',
    noCache: false,
    pull: false,
    output: { kind: 'push-digest', name: IMAGE, referrers: true },
    metadataFile: path.join(dir, 'build-metadata.json'),
  });
  const notFound = (image: string) =>
    `ERROR: failed to build: failed to solve: failed to resolve source metadata for ${image}: ${image}: not found`;

  test.each<[string, string | undefined, string, boolean]>([
    ['a named generator that is not there', '127.0.0.1:15000/nope/scanner:1', notFound('127.0.0.1:15000/nope/scanner:1'), true],
    ["BuildKit's default generator out of reach", undefined, notFound('docker.io/docker/buildkit-syft-scanner:stable-1'), true],
    ['another image not found (the base image): no hint', '127.0.0.1:15000/scanner:1', notFound('127.0.0.1:15000/base:1'), false],
  ])(
    "%s: buildx's own line, then a hint naming the input only when it is the generator, no retry",
    async (_name, generator, stderr, hint) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'buildx-test-'));
      try {
        const run = fakeRunner(() => ({ exitCode: 1, stderr }));
        const error = await runBuild({ ...base(dir), sbomGenerator: generator }, run, fakeRetrySeams()).catch((e: unknown) => e as Error);
        expect((error as Error).message).toContain(stderr.replace(/^ERROR: /, ''));
        expect((error as Error).message.includes('set "sbom-generator"')).toBe(hint);
        expect(run).toHaveBeenCalledTimes(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('builderPlatform', () => {
  const DOCKER_DRIVER = [
    'Name:          default',
    'Driver:        docker',
    'Last Activity: 2025-03-14 09:20:11 +0000 UTC',
    '',
    'Nodes:',
    'Name:             default',
    'Endpoint:         default',
    'Status:           running',
    'BuildKit version: v0.20.1',
    'Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386',
    'Labels:',
    ' org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1',
  ].join('\n');
  const CONTAINER_DRIVER = [
    'Name:          ci-builder',
    'Driver:        docker-container',
    '',
    'Nodes:',
    'Name:                  ci-builder0',
    'Endpoint:              unix:///var/run/docker.sock',
    'Driver Options:        network="host"',
    'Status:                running',
    'BuildKit daemon flags: --allow-insecure-entitlement=network.host',
    'BuildKit version:      v0.20.1',
    'Platforms:             linux/arm64*, linux/amd64, linux/arm/v7',
  ].join('\n');
  const REMOTE_TWO_NODES = [
    'Name:   remote',
    'Driver: remote',
    '',
    'Nodes:',
    'Name:             remote0',
    'Endpoint:         tcp://buildkitd-arm64:1234',
    'Status:           running',
    'Platforms:        linux/arm64, linux/arm/v7',
    '',
    'Name:             remote1',
    'Endpoint:         tcp://buildkitd-amd64:1234',
    'Status:           running',
    'Platforms:        linux/amd64',
  ].join('\n');

  test.each<[string, string | undefined, { exitCode?: number; stdout?: string }, string[], string]>([
    ['docker driver: the first platform', undefined, { stdout: DOCKER_DRIVER }, ['buildx', 'inspect'], 'linux/amd64'],
    [
      'docker-container driver: the * mark removed',
      'ci-builder',
      { stdout: CONTAINER_DRIVER },
      ['buildx', 'inspect', 'ci-builder'],
      'linux/arm64',
    ],
    ['remote driver: the first node', 'remote', { stdout: REMOTE_TWO_NODES }, ['buildx', 'inspect', 'remote'], 'linux/arm64'],
    ['no Platforms line: linux/amd64', undefined, { stdout: 'Name: default\nDriver: docker\n' }, ['buildx', 'inspect'], 'linux/amd64'],
    ['an empty Platforms line: linux/amd64', undefined, { stdout: 'Platforms:\n' }, ['buildx', 'inspect'], 'linux/amd64'],
    ['inspect fails: linux/amd64', 'gone', { exitCode: 1, stdout: '' }, ['buildx', 'inspect', 'gone'], 'linux/amd64'],
  ])('%s', async (_name, builder, answer, args, platform) => {
    const run = fakeRunner(() => answer);
    await expect(builderPlatform(builder, run)).resolves.toBe(platform);
    expect(run.mock.calls).toEqual([['docker', args, { silent: true, ignoreReturnCode: true }]]);
  });

  test.each<[string, string, string | undefined]>([
    ['docker', DOCKER_DRIVER, 'docker'],
    ['docker-container (the node’s Driver Options line is not the driver)', CONTAINER_DRIVER, 'docker-container'],
    ['remote, two nodes', REMOTE_TWO_NODES, 'remote'],
    ['no Driver line', 'Platforms: linux/amd64\n', undefined],
  ])('inspectBuilder: the %s driver', async (_name, stdout, driver) => {
    await expect(
      inspectBuilder(
        'b',
        fakeRunner(() => ({ stdout })),
      ),
    ).resolves.toEqual({ driver, platform: expect.any(String) });
  });
});

describe('metadataEnv', () => {
  const saved = process.env.BUILDX_METADATA_PROVENANCE;
  afterEach(() => {
    if (saved === undefined) delete process.env.BUILDX_METADATA_PROVENANCE;
    else process.env.BUILDX_METADATA_PROVENANCE = saved;
  });

  test("nothing asked: no environment of its own (buildx inherits the job's)", () => {
    expect(metadataEnv([{}, { metadataExtras: { provenance: false, warnings: false } }])).toBeUndefined();
  });

  test('provenance: min, which names the materials (even when the job disabled it); warnings: true; the rest of the environment kept', () => {
    process.env.BUILDX_METADATA_PROVENANCE = 'disabled';
    const env = metadataEnv([{ metadataExtras: { provenance: true, warnings: true } }])!;
    expect(env.BUILDX_METADATA_PROVENANCE).toBe('min');
    expect(env.BUILDX_METADATA_WARNINGS).toBe('true');
    expect(env.PATH).toBe(process.env.PATH);
  });

  test('a job that asks for max keeps it', () => {
    process.env.BUILDX_METADATA_PROVENANCE = 'max';
    expect(metadataEnv([{ metadataExtras: { provenance: true, warnings: false } }])!.BUILDX_METADATA_PROVENANCE).toBe('max');
  });
});
