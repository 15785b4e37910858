// run() end to end on fakes, in the manner of actions/typescript-action's template: @actions/core
// is the typed stub of __fixtures__/core.ts; the ECR client, the docker commands and time come in
// through run()'s Dependencies, so the SDK is not module-mocked. What is pinned is the pipeline's
// decision as a user sees it: what fails the step, which tags are written, what the outputs say.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  GetSigningConfigurationCommand,
  ImageNotFoundException,
  type ImageScanFinding,
  ListImagesCommand,
  PutImageCommand,
} from '@aws-sdk/client-ecr';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../__fixtures__/core.js';
import { FakeEcrClient } from '../__fixtures__/ecr-client.js';
import { fakeRunner } from '../__fixtures__/runner.js';
import type { Runner } from '../src/util/exec.js';
import { FakeTime } from './scan/fakes.js';
import * as pipeline from '../__fixtures__/pipeline.js';

jest.unstable_mockModule('../src/util/actions-core.js', () => core);
const { run } = await import('../src/main.js');
type Dependencies = Parameters<typeof run>[0] extends Partial<infer D> | undefined ? D : never;

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const REPOSITORY = 'mlops/retail-api';
const SHA = 'c'.repeat(40);
const BASE_SHA = 'b'.repeat(40);
const HEAD_DIGEST = `sha256:${'1'.repeat(64)}`;
const BASE_DIGEST = `sha256:${'2'.repeat(64)}`;
const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] });

/** A basic-scanning finding as DescribeImageScanFindings returns it. */
function ecrFinding(id: string, severity: string, pkg: string): ImageScanFinding {
  return {
    name: id,
    severity: severity as ImageScanFinding['severity'],
    attributes: [
      { key: 'package_name', value: pkg },
      { key: 'package_version', value: '1.0' },
    ],
  };
}

interface Registry {
  /** Tag → digest already in the repository. */
  tags: Record<string, string>;
  /** Digest → the findings of its (complete) basic scan. */
  findings: Record<string, ImageScanFinding[]>;
}

/** An ECR with one repository (scan on push, immutable tags), answering from `registry`. */
function fakeEcr(registry: Registry): FakeEcrClient {
  return new FakeEcrClient()
    .on(GetSigningConfigurationCommand, () => {
      // A registry without managed signing (signing: auto waits for nothing).
      throw Object.assign(new Error('No signing configuration found for registry'), { name: 'SigningConfigurationNotFoundException' });
    })
    .on(GetAuthorizationTokenCommand, () => ({
      authorizationData: [{ authorizationToken: Buffer.from('AWS:ecr-password').toString('base64'), proxyEndpoint: `https://${REGISTRY}` }],
    }))
    .on(DescribeRepositoriesCommand, () => ({
      repositories: [
        {
          repositoryName: REPOSITORY,
          registryId: '123456789012',
          imageScanningConfiguration: { scanOnPush: true },
          imageTagMutability: 'IMMUTABLE' as const,
        },
      ],
    }))
    .on(DescribeImagesCommand, (input) => {
      const digest = registry.tags[input.imageIds?.[0]?.imageTag ?? ''];
      if (!digest) throw new ImageNotFoundException({ message: 'no such tag', $metadata: {} });
      return { imageDetails: [{ imageDigest: digest, imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' }] };
    })
    .on(BatchGetImageCommand, () => ({
      images: [{ imageManifest: MANIFEST, imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' }],
    }))
    .on(DescribeImageScanFindingsCommand, (input) => {
      const findings = registry.findings[input.imageId?.imageDigest ?? ''] ?? [];
      const counts: Record<string, number> = {};
      for (const f of findings) counts[f.severity ?? 'UNDEFINED'] = (counts[f.severity ?? 'UNDEFINED'] ?? 0) + 1;
      return { imageScanStatus: { status: 'COMPLETE' as const }, imageScanFindings: { findings, findingSeverityCounts: counts } };
    })
    .on(ListImagesCommand, () => ({
      imageIds: Object.entries(registry.tags).map(([imageTag, imageDigest]) => ({ imageTag, imageDigest })),
    }))
    .on(PutImageCommand, (input) => ({ image: { imageId: { imageDigest: input.imageDigest, imageTag: input.imageTag } } }));
}

/** docker: login succeeds; buildx build "pushes" HEAD_DIGEST and writes its metadata file, as the real one does. */
function fakeDocker() {
  return fakeRunner((_command, args) => {
    if (args[0] === 'buildx' && args[1] === 'build') {
      writeFileSync(args[args.indexOf('--metadata-file') + 1], JSON.stringify({ 'containerimage.digest': HEAD_DIGEST }));
    }
    return {};
  });
}

let workspace: string;
let savedEnv: NodeJS.ProcessEnv;

beforeEach(() => {
  jest.clearAllMocks();
  core.summary.text = '';
  savedEnv = { ...process.env };
  workspace = mkdtempSync(path.join(os.tmpdir(), 'main-test-'));
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  for (const name of Object.keys(process.env)) if (name.startsWith('GITHUB_') || name.startsWith('INPUT_')) delete process.env[name];
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/retail-api',
    GITHUB_RUN_ID: '42',
  });
});

afterEach(() => {
  process.env = savedEnv;
  rmSync(workspace, { recursive: true, force: true });
});

/** Runs the action for one event with these inputs (on top of repository and region). */
async function runAction(
  event: { name: string; ref?: string; payload: object },
  inputs: Record<string, string>,
  ecr: FakeEcrClient,
  extra: Partial<Dependencies> = {},
) {
  const eventPath = path.join(workspace, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  Object.assign(process.env, { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: eventPath, GITHUB_REF: event.ref ?? 'refs/heads/main' });
  const values: Record<string, string> = { repository: REPOSITORY, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs };
  core.getInput.mockImplementation((name) => values[name] ?? '');
  const time = new FakeTime();
  await run({ createClient: async () => ecr.client, run: fakeDocker(), clock: time.clock, sleep: time.sleep, random: () => 0.5, ...extra });
  return {
    outputs: Object.fromEntries(core.setOutput.mock.calls.map(([name, value]) => [name, String(value)])),
    putTags: ecr.inputsOf(PutImageCommand).map((input) => input.imageTag),
  };
}

const release = {
  name: 'release',
  ref: 'refs/tags/v1.4.0',
  payload: { action: 'published', release: { tag_name: 'v1.4.0', prerelease: false } },
};

describe('run: a release', () => {
  test('a failed gate fails the step and holds the release tags back: only the SHA tag points at the image', async () => {
    const ecr = fakeEcr({ tags: {}, findings: { [HEAD_DIGEST]: [ecrFinding('CVE-2024-0001', 'HIGH', 'openssl')] } });
    const { outputs, putTags } = await runAction(release, { 'severity-threshold': 'HIGH' }, ecr);

    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed.mock.calls[0][0]).toMatch(/^1 finding at or above HIGH.*CVE-2024-0001/);
    expect(putTags).toEqual([]);
    expect(outputs.tags).toBe(`${REGISTRY}/${REPOSITORY}:${SHA}`);
    expect(outputs.high).toBe('1');
    expect(core.summary.text).toContain('Held back');
  });

  test('a passed gate promotes the release tags by copying the manifest', async () => {
    const ecr = fakeEcr({ tags: {}, findings: { [HEAD_DIGEST]: [ecrFinding('CVE-2024-0001', 'MEDIUM', 'openssl')] } });
    const { outputs, putTags } = await runAction(release, { 'severity-threshold': 'HIGH' }, ecr);

    expect(core.setFailed).not.toHaveBeenCalled();
    expect(putTags).toEqual(['1.4.0', '1.4', '1', 'latest']);
    expect(outputs.tags?.split('\n')).toEqual([SHA, '1.4.0', '1.4', '1', 'latest'].map((tag) => `${REGISTRY}/${REPOSITORY}:${tag}`));
  });
});

describe('run: a pull request compared with its base (gate: new)', () => {
  const pullRequest = {
    name: 'pull_request',
    ref: 'refs/pull/7/merge',
    payload: {
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: SHA, repo: { full_name: 'acme/retail-api' } },
        base: { sha: BASE_SHA, ref: 'main', repo: { full_name: 'acme/retail-api' } },
      },
    },
  };
  // The base image (under the base commit's tag) had two HIGH findings; this image fixed one.
  const registry: Registry = {
    tags: { [BASE_SHA]: BASE_DIGEST },
    findings: {
      [BASE_DIGEST]: [ecrFinding('CVE-2024-1111', 'HIGH', 'openssl'), ecrFinding('CVE-2024-2222', 'HIGH', 'zlib')],
      [HEAD_DIGEST]: [ecrFinding('CVE-2024-1111', 'HIGH', 'openssl')],
    },
  };

  test('a HIGH finding already in the base does not fail gate: new; the fixed one is counted', async () => {
    const { outputs } = await runAction(pullRequest, { 'severity-threshold': 'HIGH', gate: 'new', comment: 'false' }, fakeEcr(registry));

    expect(core.setFailed).not.toHaveBeenCalled();
    expect(outputs).toMatchObject({ high: '1', new: '0', fixed: '1' });
    expect(core.info).toHaveBeenCalledWith(expect.stringMatching(/^No new findings at or above HIGH against the base image/));
  });

  test('the same finding is new when the base image does not have it, and fails the step', async () => {
    const noBase: Registry = { tags: {}, findings: { [HEAD_DIGEST]: registry.findings[HEAD_DIGEST] } };
    const { outputs } = await runAction(pullRequest, { 'severity-threshold': 'HIGH', gate: 'new', comment: 'false' }, fakeEcr(noBase));

    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/gate: new found no base image to compare with/));
    expect(outputs.new).toBeUndefined();
  });
});

const push = { name: 'push', ref: 'refs/heads/main', payload: { ref: 'refs/heads/main', after: SHA } };

describe('run: the risk inputs with basic scanning', () => {
  test('epss-threshold and fail-on-exploitable warn once, the gate uses severity alone, Amazon Inspector is not asked', async () => {
    const ecr = fakeEcr({ tags: {}, findings: { [HEAD_DIGEST]: [ecrFinding('CVE-2024-0001', 'CRITICAL', 'openssl')] } });
    let inspectorClients = 0;
    const { outputs } = await runAction(push, { 'epss-threshold': '0.1', 'fail-on-exploitable': 'true' }, ecr, {
      createInspectorClient: () => {
        inspectorClients += 1;
        return Promise.reject(new Error('Amazon Inspector is not to be asked with basic scanning'));
      },
    });

    const warnings = core.warning.mock.calls.map(([message]) => String(message));
    expect(warnings.filter((w) => w.includes('need enhanced scanning'))).toHaveLength(1);
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/^1 finding at or above CRITICAL: CVE-2024-0001/));
    expect(inspectorClients).toBe(0);
    expect(outputs.exploitable).toBeUndefined();
  });
});

describe('run: docker buildx inspect only when something needs it', () => {
  const INSPECT = 'Name: ci\nDriver: docker-container\nNodes:\nName: ci0\nPlatforms: linux/arm64*, linux/amd64\n';
  /** docker as fakeDocker, with buildx's descriptor (platform included) and an inspect answer. */
  function docker(platform?: { os: string; architecture: string }) {
    return fakeRunner((_command, args) => {
      if (args[0] === 'buildx' && args[1] === 'build') {
        const descriptor = {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: HEAD_DIGEST,
          size: 1,
          ...(platform ? { platform } : {}),
        };
        writeFileSync(
          args[args.indexOf('--metadata-file') + 1],
          JSON.stringify({ 'containerimage.digest': HEAD_DIGEST, 'containerimage.descriptor': descriptor }),
        );
      }
      if (args[0] === 'buildx' && args[1] === 'inspect') return { stdout: INSPECT };
      return {};
    });
  }
  const inspects = (runner: ReturnType<typeof docker>) => runner.mock.calls.filter(([, args]) => args[1] === 'inspect').length;

  test.each<[string, Record<string, string>, Record<string, string>, { os: string; architecture: string } | undefined, number, string]>([
    ['a fresh build that buildx described: never', {}, {}, { os: 'linux', architecture: 'arm64' }, 0, 'linux/arm64'],
    ['a fresh build buildx did not describe: once, for the default platform', {}, {}, undefined, 1, 'linux/arm64'],
    ['a reused image (skip-existing): once, for the default platform', {}, { [SHA]: HEAD_DIGEST }, undefined, 1, 'linux/arm64'],
    ['cache: ecr: once, for the driver', { cache: 'ecr' }, {}, { os: 'linux', architecture: 'amd64' }, 1, 'linux/amd64'],
  ])('%s', async (_name, inputs, tags, platform, calls, named) => {
    const runner = docker(platform);
    const { outputs } = await runAction(push, { platforms: '', ...inputs }, fakeEcr({ tags, findings: {} }), { run: runner });
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(inspects(runner)).toBe(calls);
    expect(JSON.parse(outputs['platform-digests'])).toEqual({ [named]: HEAD_DIGEST });
  });
});

describe('run: the repository and the SHA tag are looked up while docker logs in', () => {
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', note);
  });
  afterEach(() => {
    process.off('unhandledRejection', note);
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('a failed token request fails the step with its own error, and nothing is looked up (or created)', async () => {
    const ecr = fakeEcr({ tags: {}, findings: {} }).on(GetAuthorizationTokenCommand, () => {
      throw Object.assign(new Error('User is not authorized to perform ecr:GetAuthorizationToken'), { name: 'AccessDeniedException' });
    });
    const runner = fakeDocker();
    await runAction(push, { 'create-repository': 'true' }, ecr, { run: runner });
    await settle();

    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed.mock.calls[0][0]).toMatch(/ecr:GetAuthorizationToken/);
    expect(runner).not.toHaveBeenCalled();
    expect(ecr.inputsOf(DescribeRepositoriesCommand)).toEqual([]);
    expect(ecr.inputsOf(CreateRepositoryCommand)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  test('the lookups start once docker login has started, and run while it does', async () => {
    const ecr = fakeEcr({ tags: {}, findings: {} });
    const seen: Record<string, number> = {};
    const runner = jest.fn<Runner>(async (_command, args, options) => {
      if (args[0] !== 'login') return fakeDocker()(_command, args, options);
      seen.beforeStart = ecr.inputsOf(DescribeRepositoriesCommand).length;
      options.onStart?.();
      seen.atStart = ecr.inputsOf(DescribeRepositoriesCommand).length;
      await settle();
      seen.duringLogin = ecr.inputsOf(DescribeRepositoriesCommand).length + ecr.inputsOf(DescribeImagesCommand).length;
      return { exitCode: 0, stdout: 'Login Succeeded\n', stderr: '' };
    });
    await runAction(push, {}, ecr, { run: runner });

    expect(core.setFailed).not.toHaveBeenCalled();
    // Not in the same synchronous step as the start (the process is spawned right after it).
    expect(seen).toEqual({ beforeStart: 0, atStart: 0, duringLogin: 2 });
  });

  test('a failed docker login fails the step with its own error, and the lookups that ran beside it leave no unhandled rejection', async () => {
    const ecr = fakeEcr({ tags: {}, findings: {} }).on(DescribeRepositoriesCommand, () => {
      throw Object.assign(new Error('no such repository'), { name: 'RepositoryNotFoundException' });
    });
    const runner = fakeRunner((_command, args) =>
      args[0] === 'login'
        ? { exitCode: 1, stderr: 'Error response from daemon: Get "https://registry/v2/": unauthorized: bad token\n' }
        : {},
    );
    await runAction(push, {}, ecr, { run: runner });
    await settle();

    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed.mock.calls[0][0]).toMatch(/docker login to .* failed: .*unauthorized/);
    expect(ecr.inputsOf(DescribeRepositoriesCommand)).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });

  test('a missing repository names the registry the login found, after the login', async () => {
    const ecr = fakeEcr({ tags: {}, findings: {} }).on(DescribeRepositoriesCommand, () => {
      throw Object.assign(new Error('no such repository'), { name: 'RepositoryNotFoundException' });
    });
    await runAction(push, {}, ecr);
    await settle();

    expect(core.setFailed).toHaveBeenCalledWith(
      `Repository ${REPOSITORY} does not exist in registry ${REGISTRY}; create it, or set create-repository: true to have this step create it.`,
    );
    expect(ecr.inputsOf(DescribeImagesCommand)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  test('a re-run reuses the image the early lookup found: one DescribeImages, no build', async () => {
    const ecr = fakeEcr({ tags: { [SHA]: HEAD_DIGEST }, findings: {} });
    const runner = fakeDocker();
    const { outputs } = await runAction(push, {}, ecr, { run: runner });

    expect(core.setFailed).not.toHaveBeenCalled();
    expect(outputs.digest).toBe(HEAD_DIGEST);
    expect(ecr.inputsOf(DescribeImagesCommand)).toHaveLength(1);
    expect(runner.mock.calls.filter(([, args]) => args[0] === 'buildx')).toEqual([]);
  });
});

// ─── Three images in one step (an images list): the same pipeline, keyed by image name ─────────

describe('run: three images, one step', () => {
  const NAMES = ['api', 'worker', 'model'];
  const repo = (name: string) => `shop/${name}`;
  const IMAGES = NAMES.map((name) => `- {name: ${name}, repository: ${repo(name)}}`).join('\n');

  async function runImages(
    event: { name: string; ref?: string; payload: object },
    inputs: Record<string, string>,
    registry: pipeline.FakeRegistry,
    extra: Partial<Dependencies> = {},
  ) {
    const ecr = pipeline.fakeEcr(registry);
    const docker = pipeline.fakeDocker(registry);
    const { outputs } = await runAction(event, { repository: '', platforms: '', images: IMAGES, ...inputs }, ecr, {
      run: docker,
      ...extra,
    });
    return { outputs, ecr, docker, json: (name: string) => JSON.parse(outputs[name] ?? 'null') as Record<string, unknown> };
  }

  test('a release with one CRITICAL image: one login, one bake, the step fails and no image is promoted', async () => {
    const registry = pipeline.emptyRegistry(NAMES.map(repo));
    registry.scans[pipeline.digestOf(repo('worker'))] = [pipeline.ecrFinding('CVE-2024-0001', 'CRITICAL')];
    const { outputs, ecr, docker, json } = await runImages(release, {}, registry);

    expect(core.setFailed).toHaveBeenCalledWith('1 of 3 images failed the gate ("worker"): no image was promoted.');
    expect(pipeline.commandsOf(docker)).toEqual(['login', 'buildx bake']);
    expect(ecr.inputsOf(GetAuthorizationTokenCommand)).toHaveLength(1);
    expect(ecr.inputsOf(PutImageCommand)).toEqual([]);
    expect(json('digests')).toEqual(Object.fromEntries(NAMES.map((n) => [n, pipeline.digestOf(repo(n))])));
    expect(json('platform-digests')).toEqual(Object.fromEntries(NAMES.map((n) => [n, { 'linux/amd64': pipeline.digestOf(repo(n)) }])));
    expect(json('attestations')).toEqual({ api: {}, worker: {}, model: {} });
    expect(json('findings')).toMatchObject({ worker: { CRITICAL: 1 }, api: { CRITICAL: 0 } });
    expect(outputs['scan-status']).toBe('COMPLETE');
    expect(outputs.tags?.split('\n')).toEqual(NAMES.map((n) => `${pipeline.REGISTRY}/${repo(n)}:${SHA}`));
    expect(core.summary.text).toContain('ECR scan failed: 3 images');
  });

  test('all clean on a release: every image promoted, its tags in the outputs', async () => {
    const registry = pipeline.emptyRegistry(NAMES.map(repo));
    const { outputs, ecr } = await runImages(release, {}, registry);

    expect(core.setFailed).not.toHaveBeenCalled();
    expect(core.info).toHaveBeenCalledWith('All 3 images passed the gate.');
    expect(ecr.inputsOf(PutImageCommand).map((i) => `${i.repositoryName}:${i.imageTag}`)).toEqual(
      NAMES.flatMap((n) => ['1.4.0', '1.4', '1', 'latest'].map((tag) => `${repo(n)}:${tag}`)),
    );
    expect(outputs.tags?.split('\n')).toHaveLength(15);
  });

  test('scans that never finish: one deadline for all, and the line says they timed out', async () => {
    const registry = pipeline.emptyRegistry(NAMES.map(repo));
    for (const n of NAMES) registry.scans[pipeline.digestOf(repo(n))] = 'pending';
    const time = new FakeTime();
    const { outputs } = await runImages(push, { 'scan-timeout': '30' }, registry, { clock: time.clock, sleep: time.sleep });

    expect(core.setFailed).toHaveBeenCalledWith(
      '3 of 3 images failed: ECR\'s scan of "api", "worker", "model" timed out (no final status within scan-timeout: 30 s) (on-scan-incomplete: fail).',
    );
    expect(outputs['scan-status']).toBe('TIMEOUT');
    // One deadline: no image waited past it.
    expect(time.clock.now()).toBeLessThanOrEqual(30_000 + 1_000);
  });

  test('a re-run with one image missing builds only that one, in one bake', async () => {
    const registry = pipeline.emptyRegistry(NAMES.map(repo));
    registry.repositories[repo('api')]![SHA] = pipeline.digestOf(repo('api'));
    registry.repositories[repo('worker')]![SHA] = pipeline.digestOf(repo('worker'));
    const { docker, json } = await runImages(push, {}, registry);

    expect(core.setFailed).not.toHaveBeenCalled();
    const bake = docker.mock.calls.find(([, args]) => args[1] === 'bake');
    expect(bake).toBeDefined();
    expect(core.info).toHaveBeenCalledWith('Building model in one docker buildx bake.');
    expect(json('digests')).toEqual(Object.fromEntries(NAMES.map((n) => [n, pipeline.digestOf(repo(n))])));
  });

  test('push: false: every image built in one bake, no AWS call, nothing pushed', async () => {
    const registry = pipeline.emptyRegistry([]);
    const { ecr, docker, outputs } = await runImages(push, { push: 'false' }, registry);

    expect(core.setFailed).not.toHaveBeenCalled();
    expect(pipeline.commandsOf(docker)).toEqual(['buildx bake']);
    expect(ecr.sent).toEqual([]);
    expect(outputs.digests).toBeUndefined();
    expect(core.summary.text).toContain('push is false: 3 images built, none pushed or scanned.');
  });
});

describe('run: one image of two platforms: ECR is asked at most once a second in its repository', () => {
  test('two platforms polled together keep to one DescribeImageScanFindings call a second', async () => {
    const [amd64, arm64] = [pipeline.digestOf('amd64'), pipeline.digestOf('arm64')];
    const registry = pipeline.emptyRegistry([REPOSITORY]);
    registry.manifests[pipeline.digestOf(REPOSITORY)] = pipeline.indexOf({ 'linux/amd64': amd64, 'linux/arm64': arm64 });
    registry.scans[amd64] = 'pending';
    registry.scans[arm64] = 'pending';
    const ecr = pipeline.fakeEcr(registry);
    const time = new FakeTime();
    const calls: number[] = [];
    const scans = ecr.client.send.bind(ecr.client);
    const client = {
      send: ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
        if (command.constructor.name === 'DescribeImageScanFindingsCommand') calls.push(time.clock.now());
        return (scans as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof ecr.client.send,
    };
    const docker = pipeline.fakeDocker(registry);
    // buildx describes the index it pushed: the platforms are read from the registry.
    await runAction(push, { platforms: 'linux/amd64,linux/arm64', 'scan-timeout': '20' }, ecr, {
      createClient: async () => client,
      run: docker,
      clock: time.clock,
      sleep: time.sleep,
    });

    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/did not complete/));
    expect(calls.length).toBeGreaterThan(4);
    const gaps = calls.slice(1).map((at, i) => at - calls[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  });
});
