// Issue 22: SBOM and provenance beside a scannable image, as OCI 1.1 referrers. The tags point at
// platform manifests only; each attestation is its own artifact manifest whose subject is its
// platform manifest, found by the referrers API (the stack's ECR registry front, as ECR serves
// it) or, on a registry without one (the plain registry), by the referrers tag `sha256-<hex>`.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pushEvent, releaseEvent, runAction, type RunResult } from './harness.js';
import { findingsWorkspace } from './fixtures.js';
import { retryWarnings, startRegistryFront } from './faults-support.js';
import {
  deleteRegistrySettings,
  putRegistrySettings,
  putRepository,
  putRepositoryIn,
  registryManifest,
  registryPassword,
  registryPushes,
  registryTags,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
  type RegistryManifest,
} from './stack.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const IN_TOTO = 'application/vnd.in-toto+json';
const SPDX = 'application/spdx+json';
const MULTI = 'linux/amd64,linux/arm64';

interface Referrer {
  digest: string;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** The registry's own API, authenticated as docker is. */
async function registryGet(host: string, pathname: string, accept = OCI_INDEX): Promise<Response> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  return fetch(`http://${host}${pathname}`, { headers: { Authorization: `Basic ${auth}`, Accept: accept } });
}

async function referrersOf(host: string, repository: string, digest: string, artifactType?: string): Promise<Referrer[]> {
  const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
  const response = await registryGet(host, `/v2/${repository}/referrers/${digest}${query}`);
  expect(response.status).toBe(200);
  if (artifactType) expect(response.headers.get('oci-filters-applied')).toBe('artifactType');
  return ((await response.json()) as { manifests: Referrer[] }).manifests;
}

/** A registry id whose GetAuthorizationToken answers the stack's registry with the referrers API (as ECR). */
async function referrersRegistry(repository: string): Promise<{ registryId: string; host: string }> {
  const host = stackEnv().REFERRERS_REGISTRY;
  if (!host) throw new Error('the stack env has no REFERRERS_REGISTRY: run bash scripts/stack/start.sh');
  const registryId = uniqueRegistryId();
  await putRegistrySettings(registryId, { proxyEndpoint: `http://${host}` });
  await putRepositoryIn(registryId, repository, { scanDelayMs: 200 });
  return { registryId, host };
}

/** oras (installed by the stack) against the stack's registries, logged in with its own config. */
function oras(args: string[], home: string): string {
  return execFileSync(stackEnv().ORAS ?? 'oras', [...args, '--plain-http'], {
    encoding: 'utf8',
    env: { ...process.env, HOME: home, DOCKER_CONFIG: path.join(home, '.docker') },
  });
}

async function manifestJson(host: string, repository: string, digest: string): Promise<Record<string, unknown>> {
  const response = await registryGet(host, `/v2/${repository}/manifests/${digest}`, 'application/vnd.oci.image.manifest.v1+json');
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function attestationsOutput(run: RunResult): Record<string, Record<string, string>> {
  return JSON.parse(run.outputs.attestations ?? '{}') as Record<string, Record<string, string>>;
}

/** What the tag points at: platform manifests only, no attestation manifest, no unknown/unknown. */
function expectPlatformsOnly(manifest: RegistryManifest | undefined, platforms: string[]): void {
  expect(manifest).toBeDefined();
  const entries = manifest!.json.manifests ?? [];
  expect(entries.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual([...platforms].sort());
  expect(entries.some((m) => m.annotations?.['vnd.docker.reference.type'] !== undefined)).toBe(false);
}

describe('attestations: referrers', () => {
  test('ECR-like registry: SBOM and provenance per platform, found by the referrers API and by oras; every tag holds platform manifests only (imagetools, skopeo)', async () => {
    const repository = uniqueRepository('attest-referrers');
    const { registryId, host } = await referrersRegistry(repository);
    const event = releaseEvent('v2.1.0');
    const inputs = {
      repository,
      'registry-id': registryId,
      platforms: MULTI,
      sbom: 'true',
      provenance: 'mode=max',
      builder: stackEnv().REMOTE_BUILDER,
    };
    const files = findingsWorkspace();
    const run = await runAction({ inputs, event, files });
    expect(run.main.log).not.toMatch(/::error/);
    expect(run.main.exitCode).toBe(0);
    const platforms = JSON.parse(run.outputs['platform-digests']!) as Record<string, string>;
    const output = attestationsOutput(run);
    expect(Object.keys(output).sort()).toEqual(MULTI.split(','));
    // Every tag written, promoted ones included, is the attestation-free index.
    for (const tag of [event.sha, '2.1.0', '2.1', '2', 'latest']) {
      const tagged = await registryManifest(repository, tag);
      expect(tagged?.digest).toBe(run.outputs.digest);
      expectPlatformsOnly(tagged, MULTI.split(','));
    }
    expect((await registryTags(repository)).filter((t) => t.startsWith('sha256-'))).toEqual([]);
    for (const [platform, digest] of Object.entries(platforms)) {
      const listed = await referrersOf(host, repository, digest);
      expect(listed.map((r) => r.artifactType).sort()).toEqual([SPDX, IN_TOTO]);
      expect(listed.find((r) => r.artifactType === SPDX)?.digest).toBe(output[platform]!.sbom);
      expect(listed.find((r) => r.artifactType === IN_TOTO)?.digest).toBe(output[platform]!.provenance);
      expect(listed.find((r) => r.artifactType === SPDX)?.annotations?.['in-toto.io/predicate-type']).toBe('https://spdx.dev/Document');
      expect((await referrersOf(host, repository, digest, SPDX)).map((r) => r.digest)).toEqual([output[platform]!.sbom]);
      const sbom = await manifestJson(host, repository, output[platform]!.sbom!);
      expect(sbom).toMatchObject({ artifactType: SPDX, config: { mediaType: 'application/vnd.oci.empty.v1+json' }, subject: { digest } });
    }

    // What a user runs afterwards (README): imagetools and skopeo see platform manifests only;
    // oras discovers the evidence and reads the SBOM's statement.
    const image = `${host}/${repository}:${event.sha}`;
    const home = mkdtempSync(path.join(os.tmpdir(), 'attest-tools-'));
    execFileSync('docker', ['--config', path.join(home, '.docker'), 'login', '-u', 'AWS', '--password-stdin', host], {
      input: registryPassword(),
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const inspected = execFileSync('docker', ['--config', path.join(home, '.docker'), 'buildx', 'imagetools', 'inspect', image], {
      encoding: 'utf8',
    });
    expect(
      inspected
        .match(/Platform: +(\S+)/g)
        ?.map((line) => line.replace(/Platform: +/, ''))
        .sort(),
    ).toEqual(MULTI.split(','));
    expect(inspected).not.toContain('unknown/unknown');
    const skopeo = JSON.parse(
      execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', '--creds', `AWS:${registryPassword()}`, `docker://${image}`], {
        encoding: 'utf8',
      }),
    ) as { manifests: Array<{ platform: { architecture: string } }> };
    expect(skopeo.manifests.map((m) => m.platform.architecture).sort()).toEqual(['amd64', 'arm64']);
    const amd64 = platforms['linux/amd64']!;
    const tree = oras(['discover', '--format', 'tree', `${host}/${repository}@${amd64}`], home);
    expect(tree).toContain(SPDX);
    expect(tree).toContain(IN_TOTO);
    const found = JSON.parse(oras(['discover', '--artifact-type', SPDX, '--format', 'json', `${host}/${repository}@${amd64}`], home)) as {
      referrers: Array<{ reference: string }>;
    };
    const layer = (JSON.parse(oras(['manifest', 'fetch', found.referrers[0]!.reference], home)) as { layers: Array<{ digest: string }> })
      .layers[0]!.digest;
    const statement = JSON.parse(oras(['blob', 'fetch', '--output', '-', `${host}/${repository}@${layer}`], home)) as {
      predicateType: string;
      subject: Array<{ digest: { sha256: string } }>;
      predicate: { spdxVersion: string; packages?: unknown[] };
    };
    expect(statement.predicateType).toBe('https://spdx.dev/Document');
    expect(statement.subject[0]!.digest.sha256).toBe(amd64.replace('sha256:', ''));
    expect(statement.predicate.spdxVersion).toMatch(/^SPDX-2/);

    expect(run.summary).toMatch(/### Attestations/);
    expect(run.summary).toMatch(/referrers API/);
    expect(run.summary).toContain(output['linux/arm64']!.sbom);
    const report = JSON.parse(run.artifacts.report!) as { attestations: { storage: string; list: unknown[] } };
    expect(report.attestations.storage).toBe('referrers-api');
    expect(report.attestations.list).toHaveLength(4);

    // A re-run: the image and its attestations are reused; nothing is pushed, no second set.
    const pushes = (await registryPushes(repository)).length;
    const again = await runAction({ inputs, event, files });
    expect(again.main.exitCode).toBe(0);
    expect(again.main.log).toContain('skip-existing');
    expect(attestationsOutput(again)).toEqual(output);
    expect((await registryPushes(repository)).length).toBe(pushes);
    for (const digest of Object.values(platforms)) expect(await referrersOf(host, repository, digest)).toHaveLength(2);
  });

  test("on a registry without the referrers API: the referrers tag lists each platform's provenance; the tag holds platform manifests only", async () => {
    const repository = uniqueRepository('attest-fallback');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const event = pushEvent();
    const run = await runAction({
      inputs: { repository, platforms: MULTI, provenance: 'mode=max', builder: stackEnv().REMOTE_BUILDER },
      event,
      files: findingsWorkspace(),
    });
    expect(run.main.log).not.toMatch(/::error/);
    expect(run.main.exitCode).toBe(0);
    const registry = stackEnv().REGISTRY;
    const tagged = await registryManifest(repository, event.sha);
    expect(tagged?.digest).toBe(run.outputs.digest);
    expectPlatformsOnly(tagged, MULTI.split(','));
    const output = attestationsOutput(run);
    expect(Object.keys(output).sort()).toEqual(MULTI.split(','));
    const platforms = JSON.parse(run.outputs['platform-digests']!) as Record<string, string>;
    for (const [platform, digest] of Object.entries(platforms)) {
      const tag = digest.replace(':', '-');
      expect(await registryTags(repository)).toContain(tag);
      const index = await registryManifest(repository, tag);
      const listed = (index!.json.manifests ?? []) as Referrer[];
      expect(listed.map((m) => m.digest)).toEqual([output[platform]!.provenance]);
      expect(listed[0]!.artifactType).toBe(IN_TOTO);
      const artifact = await manifestJson(registry, repository, output[platform]!.provenance!);
      expect(artifact.artifactType).toBe(IN_TOTO);
      expect((artifact.subject as { digest: string }).digest).toBe(digest);
    }
    expect(run.summary).toMatch(/Attestations/);
    expect(run.summary).toMatch(/referrers tag/);
  });

  test('single platform: the SHA tag is the platform manifest itself, as without attestations; a re-run reuses the image and its attestations', async () => {
    const repository = uniqueRepository('attest-single');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const event = pushEvent();
    const inputs = {
      repository,
      platforms: 'linux/arm64',
      provenance: 'mode=min',
      builder: stackEnv().REMOTE_BUILDER,
      'lifecycle-policy': 'ecr-lifecycle.json',
    };
    const rule = {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
      action: { type: 'expire' },
    };
    const files = findingsWorkspace({ 'ecr-lifecycle.json': JSON.stringify({ rules: [rule] }) });
    const first = await runAction({ inputs, event, files });
    expect(first.main.exitCode).toBe(0);
    const tagged = await registryManifest(repository, event.sha);
    expect(tagged?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(tagged?.digest).toBe(first.outputs.digest);
    expect(JSON.parse(first.outputs['platform-digests']!)).toEqual({ 'linux/arm64': first.outputs.digest });
    const attested = attestationsOutput(first);
    expect(Object.keys(attested)).toEqual(['linux/arm64']);
    expect(attested['linux/arm64']!.provenance).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.outputs['scan-status']).toBe('COMPLETE');
    // An expire-untagged rule could take the evidence: said once, naming the rule.
    expect(first.main.log).toMatch(/::warning::lifecycle-policy has rule 1 \(tagStatus untagged\), which expires untagged images/);

    const pushes = (await registryPushes(repository)).length;
    const tags = (await registryTags(repository)).sort();
    const second = await runAction({ inputs, event, files });
    expect(second.main.exitCode).toBe(0);
    expect(second.main.log).toContain('skip-existing');
    expect(second.main.log).not.toContain('buildx build');
    expect(second.outputs.digest).toBe(first.outputs.digest);
    expect(attestationsOutput(second)).toEqual(attested);
    expect((await registryPushes(repository)).length).toBe(pushes); // no second set
    expect((await registryTags(repository)).sort()).toEqual(tags);
  });

  test('a re-run asking for provenance the reused image was built without says so, and pushes nothing', async () => {
    const repository = uniqueRepository('attest-missing');
    await putRepository(repository, { scenario: { scanDelayMs: 100 } });
    const event = pushEvent();
    const files = findingsWorkspace();
    const first = await runAction({ inputs: { repository, builder: stackEnv().REMOTE_BUILDER, platforms: 'linux/amd64' }, event, files });
    expect(first.main.exitCode).toBe(0);
    expect(attestationsOutput(first)).toEqual({});
    const second = await runAction({
      inputs: { repository, builder: stackEnv().REMOTE_BUILDER, platforms: 'linux/amd64', provenance: 'mode=max' },
      event,
      files,
    });
    expect(second.main.exitCode).toBe(0);
    expect(second.main.log).toMatch(/::warning::skip-existing reused sha256:[0-9a-f]{64}, which has no provenance for linux\/amd64/);
    expect(attestationsOutput(second)).toEqual({});
    expect(second.summary).toMatch(/has no provenance for linux\/amd64/);
  });

  test("attestations: index keeps BuildKit's layout: the tag is its index, attestation manifests inside, listed in the report", async () => {
    const repository = uniqueRepository('attest-index');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const event = pushEvent();
    const run = await runAction({
      inputs: { repository, platforms: MULTI, provenance: 'mode=max', attestations: 'index', builder: stackEnv().REMOTE_BUILDER },
      event,
      files: findingsWorkspace(),
    });
    expect(run.main.exitCode).toBe(0);
    const tagged = await registryManifest(repository, event.sha);
    const inside = (tagged?.json.manifests ?? []).filter((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
    expect(inside).toHaveLength(2);
    const platforms = JSON.parse(run.outputs['platform-digests']!) as Record<string, string>;
    expect(Object.keys(platforms).sort()).toEqual(MULTI.split(','));
    const output = attestationsOutput(run);
    for (const [platform, digest] of Object.entries(platforms)) {
      const manifest = inside.find((m) => m.annotations?.['vnd.docker.reference.digest'] === digest);
      expect(output[platform]).toEqual({ provenance: manifest!.digest });
    }
    expect((await registryTags(repository)).filter((t) => t.startsWith('sha256-'))).toEqual([]);
    expect(run.summary).toMatch(/inside the image index/);
  });

  test('the tag holds the same manifest, byte for byte, as the same build without attestations', async () => {
    const withEvidence = uniqueRepository('attest-same');
    const without = uniqueRepository('attest-same-plain');
    for (const repository of [withEvidence, without]) await putRepository(repository, { scenario: { scanDelayMs: 100 } });
    const event = pushEvent();
    const files = findingsWorkspace();
    // The one label that differs from run to run, fixed: the rest is the build's own content.
    const common = {
      platforms: MULTI,
      builder: stackEnv().REMOTE_BUILDER,
      labels: 'org.opencontainers.image.created=2026-12-06T00:00:00Z',
    };
    const attested = await runAction({ inputs: { ...common, repository: withEvidence, provenance: 'mode=max' }, event, files });
    const plain = await runAction({ inputs: { ...common, repository: without }, event, files });
    expect(attested.main.exitCode).toBe(0);
    expect(plain.main.exitCode).toBe(0);
    expect(Object.keys(attestationsOutput(attested))).toHaveLength(2);
    expect(attested.outputs['platform-digests']).toBe(plain.outputs['platform-digests']);
    expect(attested.outputs.digest).toBe(plain.outputs.digest);
    const a = await registryGet(stackEnv().REGISTRY, `/v2/${withEvidence}/manifests/${event.sha}`);
    const b = await registryGet(stackEnv().REGISTRY, `/v2/${without}/manifests/${event.sha}`);
    expect(await a.text()).toBe(await b.text());
  });

  test("a generator image that cannot be pulled fails the build with buildx's message and a hint naming sbom-generator; no tag is written", async () => {
    const repository = uniqueRepository('attest-generator');
    await putRepository(repository);
    const event = pushEvent();
    const generator = `${stackEnv().REGISTRY}/no-such/scanner:1`;
    const run = await runAction({
      inputs: { repository, sbom: 'true', 'sbom-generator': generator, builder: stackEnv().REMOTE_BUILDER },
      event,
      files: findingsWorkspace(),
    });
    expect(run.main.exitCode).toBe(1);
    const errors = run.main.log.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`failed to resolve source metadata for ${generator}`);
    expect(errors[0]).toContain('set "sbom-generator" to an image reference the builder can pull');
    expect(await registryTags(repository)).toEqual([]);
  });

  test.each<[Record<string, string>, string]>([
    [{ sbom: 'maybe' }, 'Input "sbom" is "maybe"; accepted: true, false.'],
    [{ provenance: 'mode=full' }, 'Input "provenance" is "mode=full"; accepted: false, true, mode=min or mode=max.'],
    [{ attestations: 'inside' }, 'Input "attestations" is "inside"; accepted: referrers, index.'],
  ])('bad input %j: one line, before any build or push', async (bad, line) => {
    const repository = uniqueRepository('attest-bad');
    const run = await runAction({ inputs: { repository, ...bad }, event: pushEvent(), files: findingsWorkspace() });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.log.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([`::error::${line}`]);
    expect(run.main.log).not.toContain('buildx');
    expect(await registryTags(repository)).toEqual([]);
  });

  test.each<[string, 'refused' | 'transient']>([
    ['a registry that refuses the artifact manifests fails the step before any tag is written', 'refused'],
    ['a 503 on an artifact manifest is retried, with one warning, and the run passes', 'transient'],
  ])('%s', async (_title, fault) => {
    const repository = uniqueRepository(`attest-${fault}`);
    const front = await startRegistryFront(`http://${stackEnv().REGISTRY}`, { storage: `${stackEnv().STACK_DIR}/registry` });
    const registryId = uniqueRegistryId();
    try {
      await putRegistrySettings(registryId, { proxyEndpoint: front.url });
      await putRepositoryIn(registryId, repository, { scanDelayMs: 100 });
      await front.setRules(
        fault === 'refused'
          ? [
              {
                kind: 'manifest-put',
                subject: true,
                count: 100,
                fail: 400,
                code: 'MANIFEST_INVALID',
                message: 'artifact manifests are not accepted',
              },
            ]
          : [{ kind: 'manifest-put', subject: true, count: 1, fail: 503 }],
      );
      const event = releaseEvent('v3.0.0');
      const run = await runAction({
        inputs: { repository, 'registry-id': registryId, platforms: MULTI, provenance: 'mode=max', builder: stackEnv().REMOTE_BUILDER },
        event,
        files: findingsWorkspace(),
      });
      const faults = (await front.requests()).filter((r) => r.fault);
      if (fault === 'refused') {
        expect(run.main.exitCode).toBe(1);
        const errors = run.main.log.split('\n').filter((l) => l.startsWith('::error::'));
        expect(errors).toEqual([expect.stringContaining('The registry refused PUT manifest sha256:') as unknown as string]);
        expect(errors[0]).toContain('HTTP 400 (MANIFEST_INVALID: artifact manifests are not accepted)');
        expect(faults).toHaveLength(1); // permanent: not retried
        // Nothing tagged: not the SHA tag, not the release tags; BuildKit's untagged index only.
        expect(await registryTags(repository)).toEqual([]);
        expect(run.outputs.tags ?? '').toBe('');
      } else {
        expect(run.main.exitCode).toBe(0);
        expect(faults).toHaveLength(1);
        expect(retryWarnings(run)).toEqual([
          expect.stringMatching(
            /^::warning::registry PUT manifest e2e\/attest-transient-[0-9a-f]+@sha256:[0-9a-f]{64}: attempt 1 of 3 failed \(HTTP 503\); retrying in 5 s\.$/,
          ) as unknown as string,
        ]);
        expect(Object.keys(attestationsOutput(run)).sort()).toEqual(MULTI.split(','));
        expect((await registryTags(repository)).sort()).toEqual([event.sha, '3', '3.0', '3.0.0', 'latest'].sort());
      }
    } finally {
      await deleteRegistrySettings(registryId);
      await front.stop();
    }
  });
});
