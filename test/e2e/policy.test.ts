// Issue 31: the policy gate on how the image is built, judged on what was pushed: the image
// config (user, health check) and layers (size) read from the registry, the base images from
// BuildKit's provenance in buildx's metadata file, what a base's tag names today from its
// registry, BuildKit's build checks as annotations at their Dockerfile lines. A rule at `fail`
// that fails holds every image back from promotion, as a blocking CVE does.
import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { releaseEvent, pushEvent, ROOT, runAction, workflowCommands, type RunResult } from './harness.js';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FINDINGS_DOCKERFILE, findingsWorkspace } from './fixtures.js';
import { exampleFiles, retailApiInputs } from './retail-api.js';
import { putRegistryManifest, putRepository, registryPassword, registryTags, stackEnv, uniqueRepository } from './stack.js';

type PolicyOutput = Record<string, Record<string, { verdict: string; reason: string }>>;

function policyOutput(run: RunResult): PolicyOutput {
  return JSON.parse(run.outputs.policy ?? '{}') as PolicyOutput;
}

/** The step's `::error::` lines. */
function errors(run: RunResult): string[] {
  return workflowCommands(run.main.log, 'error');
}

/** A workspace whose image runs as a user and has a health check (what a strict policy asks). */
function wellBuilt(extra: Record<string, string> = {}): Record<string, string> {
  return findingsWorkspace({
    Dockerfile: `${FINDINGS_DOCKERFILE}HEALTHCHECK --interval=30s CMD ["/app"]\n`,
    ...extra,
  });
}

/** The base image's manifest as the registry holds it, byte for byte (its digest is the one BuildKit resolves). */
async function rawManifest(repository: string, reference: string): Promise<{ text: string; mediaType: string; digest: string }> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const response = await fetch(`http://${stackEnv().REGISTRY}/v2/${repository}/manifests/${reference}`, {
    headers: {
      Authorization: `Basic ${auth}`,
      Accept:
        'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    },
  });
  if (!response.ok) throw new Error(`registry ${response.status} for ${repository}:${reference}`);
  return {
    text: await response.text(),
    mediaType: response.headers.get('content-type')!,
    digest: response.headers.get('docker-content-digest')!,
  };
}

/** The stack's busybox base under a tag of this case's own (a copy of base/busybox:latest), and its digest. */
async function baseTag(tag: string): Promise<{ image: string; digest: string }> {
  const source = await rawManifest('base/busybox', 'latest');
  await putRegistryManifest('base/busybox', tag, source.text, source.mediaType);
  return { image: `${stackEnv().REGISTRY}/base/busybox:${tag}`, digest: source.digest };
}

/** Moves the tag to another manifest of the same layers (an annotation of its own): what a base's maintainers do on a rebuild. */
async function moveBaseTag(tag: string): Promise<string> {
  const source = await rawManifest('base/busybox', 'latest');
  const moved = JSON.parse(source.text) as { annotations?: Record<string, string> };
  moved.annotations = { ...moved.annotations, 'org.opencontainers.image.revision': randomBytes(8).toString('hex') };
  return putRegistryManifest('base/busybox', tag, JSON.stringify(moved), source.mediaType);
}

/** A workflow command's properties and message: `::warning file=a,line=3::text` → {file: 'a', line: '3'}, 'text'. */
function annotation(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  return { command: match[1]!, properties, message: match[3]! };
}

const builder = () => stackEnv().REMOTE_BUILDER;

describe('policy', () => {
  test('non-root: fail holds a root image back (not promoted, the error names rule, image and platform); the same rules pass an image with a user and a health check, which is promoted', async () => {
    const repository = uniqueRepository('policy-root');
    await putRepository(repository);
    const rules = ['non-root: fail', 'healthcheck: fail', 'max-size: { level: fail, mb: 5 }'].join('\n');

    const rootFiles = findingsWorkspace({ Dockerfile: FINDINGS_DOCKERFILE.replace('USER 10001\n', '') });
    const root = await runAction({ inputs: { repository, policy: rules }, event: releaseEvent('v1.0.0'), files: rootFiles });
    expect(root.main.exitCode).toBe(1);
    const [error] = errors(root);
    expect(error).toMatch(/non-root \(linux\/amd64\): .*root/);
    expect(error).toMatch(/healthcheck \(linux\/amd64\)/);
    expect(await registryTags(repository)).not.toContain('1.0.0');
    expect(await registryTags(repository)).not.toContain('latest');
    const failed = policyOutput(root)[repository]!;
    expect(failed['non-root']!.verdict).toBe('fail');
    expect(failed.healthcheck!.verdict).toBe('fail');
    expect(failed['max-size']!.verdict).toBe('pass');
    expect(root.summary).toMatch(/non-root/);
    // Its scan passed: the heading says what held it back.
    expect(root.summary).toMatch(/^## ❌ Policy failed: /m);

    const good = await runAction({ inputs: { repository, policy: rules }, event: releaseEvent('v1.0.1'), files: wellBuilt() });
    expect(errors(good)).toEqual([]);
    expect(good.main.exitCode).toBe(0);
    expect(await registryTags(repository)).toEqual(expect.arrayContaining(['1.0.1', 'latest']));
    const passed = policyOutput(good)[repository]!;
    expect(passed['non-root']).toEqual({ verdict: 'pass', reason: expect.stringMatching(/10001/) });
    expect(passed.healthcheck!.verdict).toBe('pass');
    expect(passed['max-size']!.verdict).toBe('pass');
    // Not asked for: off.
    expect(passed.licenses).toEqual({ verdict: 'off' });
  });

  test('base-images: a base named latest and not in the allowed list, with pinned: true, fails with each finding in the report', async () => {
    const repository = uniqueRepository('policy-base');
    await putRepository(repository);
    const files = wellBuilt({ Dockerfile: `FROM ${stackEnv().BASE_IMAGE}\nCOPY app.txt /app.txt\nUSER 10001\n` });
    const policy = 'base-images: { level: fail, allowed: ["*/base/python:*"], pinned: true }';
    const event = pushEvent();
    const inputs = { repository, policy, builder: builder(), provenance: 'true' };
    const run = await runAction({ inputs, event, files });
    expect(run.main.exitCode).toBe(1);
    expect(errors(run)[0]).toMatch(/base-images \(linux\/amd64\): .*busybox:latest is built on "latest"/);
    const report = JSON.parse(run.artifacts.report!) as {
      policy: { rules: Record<string, { verdict: string; findings: Array<{ id?: string; message: string }> }> };
    };
    const findings = report.policy.rules['base-images']!.findings;
    expect(findings.map((f) => f.id).sort()).toEqual(['latest', 'not-allowed', 'not-pinned']);
    expect(findings.find((f) => f.id === 'not-pinned')!.message).toContain('@sha256:');

    // A re-run of the same SHA reuses the image (no build, no metadata): its bases are read from
    // the provenance pushed beside it, and it fails the same way.
    const again = await runAction({ inputs, event, files });
    expect(again.main.log).toMatch(/skip-existing/);
    expect(again.main.exitCode).toBe(1);
    expect(errors(again).at(-1)).toBe(errors(run)[0]);
  });

  test('base-fresh: a base pinned by digest whose tag has since moved is reported outdated (fail), with the digest it moved to', async () => {
    const repository = uniqueRepository('policy-fresh');
    await putRepository(repository);
    const tag = `fresh-${randomBytes(4).toString('hex')}`;
    const base = await baseTag(tag);
    const movedTo = await moveBaseTag(tag);
    expect(movedTo).not.toBe(base.digest);
    const files = wellBuilt({ Dockerfile: `FROM ${base.image}@${base.digest}\nCOPY app.txt /app.txt\nUSER 10001\n` });
    const policy = 'base-fresh: fail\nbase-images: { level: fail, pinned: true }';
    const run = await runAction({ inputs: { repository, policy, builder: builder() }, event: pushEvent(), files });
    expect(run.main.exitCode).toBe(1);
    expect(errors(run)[0]).toMatch(
      new RegExp(`base-fresh \\(linux/amd64\\): \\S+/base/busybox:${tag}@${base.digest} has moved since this image was built`),
    );
    expect(errors(run)[0]).toContain(movedTo);
    const output = policyOutput(run)[repository]!;
    expect(output['base-images']!.verdict).toBe('pass');
    expect(output['base-fresh']!.verdict).toBe('fail');

    // The tag back where the build found it: up to date.
    await putRegistryManifest(
      'base/busybox',
      tag,
      (await rawManifest('base/busybox', 'latest')).text,
      (await rawManifest('base/busybox', 'latest')).mediaType,
    );
    const again = await runAction({
      inputs: { repository, policy, builder: builder() },
      event: pushEvent(),
      files: { ...files, 'app.txt': 'again\n' },
    });
    expect(again.main.exitCode).toBe(0);
    expect(policyOutput(again)[repository]!['base-fresh']).toEqual({ verdict: 'pass', reason: expect.stringMatching(/up to date/) });
  });

  test('max-size: an image over its budget fails, its size and the budget named', async () => {
    const repository = uniqueRepository('policy-size');
    await putRepository(repository);
    // 200 kB of random bytes: no compression brings it under 0.1 MB.
    const files = wellBuilt({ 'app.txt': randomBytes(100_000).toString('hex') });
    const run = await runAction({ inputs: { repository, policy: 'max-size: { level: fail, mb: 0.1 }' }, event: pushEvent(), files });
    expect(run.main.exitCode).toBe(1);
    expect(errors(run)[0]).toMatch(/max-size \(linux\/amd64\): .*0\.\d+ MB.*0\.1 MB/);
  });

  test("build-checks: BuildKit's checks become annotations at their Dockerfile lines (warn by default, the step passes; fail fails); # check=skip is honoured", async () => {
    const repository = uniqueRepository('policy-checks');
    await putRepository(repository);
    const dockerfile = [
      '# check=skip=FromAsCasing',
      'FROM scratch as build',
      'copy app.txt /app.txt',
      'ENV API_PASSWORD=not-a-secret',
      'USER 10001',
      '',
    ].join('\n');
    const files = wellBuilt({ 'docker/Dockerfile': dockerfile });
    const inputs = { repository, file: 'docker/Dockerfile', builder: builder(), sarif: 'results/ecr.sarif' };

    const warned = await runAction({ inputs, event: pushEvent(), files });
    expect(warned.main.log.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(warned.main.exitCode).toBe(0);
    const warnings = workflowCommands(warned.main.log, 'warning')
      .map(annotation)
      .filter((a) => a.properties.title?.startsWith('Build check'));
    expect(warnings.map((a) => a.properties)).toEqual([
      { title: 'Build check ConsistentInstructionCasing', file: 'docker/Dockerfile', line: '3', endLine: '3' },
      { title: 'Build check SecretsUsedInArgOrEnv', file: 'docker/Dockerfile', line: '4', endLine: '4' },
    ]);
    expect(warnings[1]!.message).toContain('API_PASSWORD');
    expect(warned.main.log).not.toContain('FromAsCasing');
    expect(policyOutput(warned)[repository]!['build-checks']!.verdict).toBe('warn');
    const sarif = JSON.parse(warned.artifacts.sarif!) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }>;
        }>;
      }>;
    };
    const check = sarif.runs[0]!.results.find((r) => r.ruleId.includes('ConsistentInstructionCasing'));
    expect(check?.locations?.[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'docker/Dockerfile' },
      region: { startLine: 3 },
    });

    const failed = await runAction({
      inputs: { ...inputs, policy: 'build-checks: fail' },
      event: pushEvent(),
      files: { ...files, 'app.txt': 'failing run\n' },
    });
    expect(failed.main.exitCode).toBe(1);
    expect(workflowCommands(failed.main.log, 'error').map((line) => annotation(line).properties)).toEqual(
      expect.arrayContaining([{ title: 'Build check ConsistentInstructionCasing', file: 'docker/Dockerfile', line: '3', endLine: '3' }]),
    );
    expect(errors(failed).at(-1)).toMatch(/build-checks: ConsistentInstructionCasing/);
  });

  test('several images, one failing a rule: neither is promoted, and the error names the one that failed', async () => {
    const api = uniqueRepository('policy-api');
    const worker = uniqueRepository('policy-worker');
    await putRepository(api);
    await putRepository(worker);
    const files = {
      ...wellBuilt(),
      'worker/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
      'worker/app.txt': `worker ${Math.random()}\n`,
    };
    const images = [
      `- name: api`,
      `  repository: ${api}`,
      '  context: .',
      `- name: worker`,
      `  repository: ${worker}`,
      '  context: worker',
    ].join('\n');
    const run = await runAction({ inputs: { images, policy: 'non-root: fail' }, event: releaseEvent('v3.0.0'), files });
    expect(run.main.exitCode).toBe(1);
    const last = errors(run).at(-1)!;
    expect(last).toMatch(/"worker"/);
    expect(last).toMatch(/non-root/);
    for (const repository of [api, worker]) expect(await registryTags(repository)).not.toContain('3.0.0');
    const output = policyOutput(run);
    expect(output.api!['non-root']!.verdict).toBe('pass');
    expect(output.worker!['non-root']!.verdict).toBe('fail');
  });

  test('a policy that names an unknown rule or level stops the step in one line before anything is built', async () => {
    const repository = uniqueRepository('policy-bad');
    await putRepository(repository);
    const run = await runAction({ inputs: { repository, policy: 'non-root: maybe' }, event: pushEvent(), files: wellBuilt() });
    expect(run.main.exitCode).toBe(1);
    expect(errors(run)).toEqual([expect.stringMatching(/^::error::.*non-root.*maybe.*accepted: off, warn, fail/)]);
    expect(run.main.log).not.toMatch(/docker buildx/);
    expect(await registryTags(repository)).toEqual([]);
  });

  test('licenses: a package the SBOM declares AGPL-3.0-only (a local python package, seen by the SBOM generator) fails the rule; allow-packages lets it through', async () => {
    const repository = uniqueRepository('policy-licenses');
    await putRepository(repository);
    // setup.cfg + setup.py only: the stack's Debian python has no wheel package, so pip installs
    // it the old way, into an egg-info whose PKG-INFO says `License: AGPL-3.0-only`.
    const files = {
      Dockerfile: [
        `FROM ${stackEnv().PYTHON_BASE_IMAGE}`,
        'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1',
        'COPY agpl_demo /src/agpl_demo',
        'RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install --no-index --no-build-isolation /src/agpl_demo && rm -rf /src',
        'USER 10001',
        '',
      ].join('\n'),
      'agpl_demo/setup.cfg': [
        '[metadata]',
        'name = agpl-demo',
        'version = 1.0.0',
        'description = A tiny package whose metadata declares the AGPL',
        'license = AGPL-3.0-only',
        '[options]',
        'packages = agpl_demo',
        '',
      ].join('\n'),
      'agpl_demo/setup.py': 'from setuptools import setup\nsetup()\n',
      'agpl_demo/agpl_demo/__init__.py': 'VALUE = 1\n',
    };
    const inputs = { repository, builder: builder(), sbom: 'true', provenance: 'mode=max', 'on-scan-incomplete': 'warn' };
    const deny = 'licenses: { level: fail, deny: [AGPL-1.0-*, AGPL-3.0-*], allow-packages: ["pkg:deb/debian/*"] }';

    const denied = await runAction({ inputs: { ...inputs, policy: deny }, event: pushEvent(), files });
    expect(denied.main.exitCode).toBe(1);
    expect(errors(denied).at(-1)).toMatch(/licenses \(linux\/amd64\): .*agpl-demo.*AGPL-3\.0-only/);
    const report = JSON.parse(denied.artifacts.report!) as { policy: { rules: Record<string, { findings: Array<{ message: string }> }> } };
    // The one package, not the base's Debian packages (allowed) nor pip's or setuptools' (MIT).
    expect(report.policy.rules.licenses!.findings).toHaveLength(1);

    const allowed = await runAction({
      inputs: { ...inputs, policy: deny.replace('"pkg:deb/debian/*"', '"pkg:deb/debian/*", "pkg:pypi/agpl-demo"') },
      event: pushEvent(),
      files,
    });
    expect(errors(allowed)).toEqual([]);
    expect(policyOutput(allowed)[repository]!.licenses!.verdict).toBe('pass');
  });

  test("examples/retail-api passes the strict policy docs/ shows (its base pinned by digest; the stack's registry standing in for the account's ECR)", async () => {
    const repository = uniqueRepository('policy-retail');
    await putRepository(repository, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
    const stack = stackEnv();
    const basePath = stack.PYTHON_BASE_IMAGE!.slice(stack.REGISTRY.length + 1); // base/python:3.11-bookworm
    const [baseRepository, baseTagName] = basePath.split(':') as [string, string];
    const { digest } = await rawManifest(baseRepository, baseTagName);
    const files = { ...exampleFiles(), '.ecr-policy.yml': readFileSync(path.join(ROOT, 'docs', 'policies', 'strict.yml'), 'utf8') };
    const run = await runAction({
      inputs: {
        repository,
        ...retailApiInputs(),
        'build-args': `BASE_IMAGE=${stack.PYTHON_BASE_IMAGE}@${digest}`,
        sbom: 'true',
        provenance: 'mode=max',
        // Inline over the file, rule by rule: the account's ECR is the stack's registry here.
        policy: `base-images: { level: fail, allowed: ["${stack.REGISTRY}/base/*"], pinned: true }`,
      },
      event: pushEvent(),
      files,
    });
    expect(errors(run)).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    const output = policyOutput(run)[repository]!;
    expect(Object.fromEntries(Object.entries(output).map(([rule, { verdict }]) => [rule, verdict]))).toEqual({
      'non-root': 'pass',
      healthcheck: 'pass',
      'base-images': 'pass',
      'base-fresh': 'pass',
      'max-size': 'pass',
      licenses: 'pass',
      attestations: 'pass',
      'build-checks': 'pass',
    });
    expect(run.summary).toMatch(/rules from `\.ecr-policy\.yml`/);
  });
});
