// Issue 2: login → buildx → SHA tag → push → outputs, against the real stack.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pullRequestEvent, pushEvent, runAction, workflowCommands } from './harness.js';
import {
  ecrCalls,
  imageConfig,
  putRepository,
  registryManifest,
  registryPassword,
  registryPushes,
  stackEnv,
  uniqueRepository,
} from './stack.js';

const DOCKERFILE = [
  'FROM scratch',
  'ARG GREETING=unset',
  'ARG AUDIENCE=unset',
  'COPY hello.txt /hello.txt',
  'LABEL greeting="${GREETING}" audience="${AUDIENCE}"',
  '',
].join('\n');

const files = { Dockerfile: DOCKERFILE, 'hello.txt': 'hello\n' };

describe('pipeline: build, push, outputs', () => {
  test('push event: image under the 40-hex SHA, digest equal to the registry, outputs and summary (docker driver)', async () => {
    const repository = uniqueRepository('push');
    await putRepository(repository);
    const event = pushEvent();
    const run = await runAction({ inputs: { repository, scan: 'false' }, event, files });
    expect(run.main.exitCode).toBe(0);
    const registry = stackEnv().REGISTRY;
    const served = await registryManifest(repository, event.sha);
    expect(served).toBeDefined();
    expect(run.outputs.registry).toBe(registry);
    expect(run.outputs.image).toBe(`${registry}/${repository}`);
    expect(run.outputs.digest).toBe(served?.digest);
    expect(run.outputs['image-uri']).toBe(`${registry}/${repository}@${served?.digest}`);
    expect(run.outputs.tags).toBe(`${registry}/${repository}:${event.sha}`);
    expect(JSON.parse(run.outputs['platform-digests'])).toEqual({ 'linux/amd64': served?.digest });
    expect(run.summary).toContain(`${registry}/${repository}`);
    expect(run.summary).toContain(served?.digest ?? '?');
    expect(run.post?.exitCode).toBe(0);
  });

  test('pull_request: tagged with the PR head SHA, not the merge commit', async () => {
    const repository = uniqueRepository('pr');
    await putRepository(repository);
    const event = pullRequestEvent();
    const head = (event.payload?.pull_request as { head: { sha: string } }).head.sha;
    const run = await runAction({ inputs: { repository, scan: 'false', comment: 'false' }, event, files });
    expect(run.main.exitCode).toBe(0);
    expect(await registryManifest(repository, head)).toBeDefined();
    expect(await registryManifest(repository, event.sha)).toBeUndefined();
    expect(run.outputs.tags).toBe(`${stackEnv().REGISTRY}/${repository}:${head}`);
  });

  test('multi-line build-args and labels reach the image config, with the OCI labels (remote BuildKit builder)', async () => {
    const repository = uniqueRepository('labels');
    await putRepository(repository);
    const event = pushEvent();
    const run = await runAction({
      inputs: {
        repository,
        scan: 'false',
        builder: stackEnv().REMOTE_BUILDER,
        'build-args': 'GREETING=hello world\nAUDIENCE=a=b,c\n',
        labels: 'team=platform\nnote=x=y, z\norg.opencontainers.image.source=https://example.com/override\n',
      },
      event,
      files,
    });
    expect(run.main.exitCode).toBe(0);
    const config = await imageConfig(repository, run.outputs.digest);
    expect(config.config.Labels).toMatchObject({
      greeting: 'hello world',
      audience: 'a=b,c',
      team: 'platform',
      note: 'x=y, z',
      'org.opencontainers.image.source': 'https://example.com/override',
      'org.opencontainers.image.revision': event.sha,
    });
    expect(config.config.Labels?.['org.opencontainers.image.created']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  test('two platforms: an index whose two platform manifests are reported (remote builder)', async () => {
    const repository = uniqueRepository('multi');
    await putRepository(repository);
    const event = pushEvent();
    const run = await runAction({
      inputs: { repository, scan: 'false', builder: stackEnv().REMOTE_BUILDER, platforms: 'linux/amd64,linux/arm64' },
      event,
      files,
    });
    expect(run.main.exitCode).toBe(0);
    const index = await registryManifest(repository, event.sha);
    expect(index?.json.manifests?.length).toBe(2);
    expect(run.outputs.digest).toBe(index?.digest);
    const byPlatform = Object.fromEntries(
      (index?.json.manifests ?? []).map((m) => [`${m.platform?.os}/${m.platform?.architecture}`, m.digest]),
    );
    expect(JSON.parse(run.outputs['platform-digests'])).toEqual(byPlatform);
    expect(Object.keys(byPlatform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
  });

  test('provenance on, attestations: index: attestation manifests are skipped from platform-digests', async () => {
    const repository = uniqueRepository('attest');
    await putRepository(repository);
    const run = await runAction({
      inputs: { repository, scan: 'false', builder: stackEnv().REMOTE_BUILDER, provenance: 'mode=min', attestations: 'index' },
      event: pushEvent(),
      files,
    });
    expect(run.main.exitCode).toBe(0);
    const index = await registryManifest(repository, run.outputs.digest);
    expect(index?.json.manifests?.some((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')).toBe(true);
    const platforms = JSON.parse(run.outputs['platform-digests']) as Record<string, string>;
    expect(Object.keys(platforms)).toEqual(['linux/amd64']);
  });

  test('the registry password appears only inside ::add-mask::, and post removes the login', async () => {
    const repository = uniqueRepository('secret');
    await putRepository(repository);
    const run = await runAction({ inputs: { repository, scan: 'false' }, event: pushEvent(), files });
    expect(run.main.exitCode).toBe(0);
    const password = registryPassword();
    const masks = workflowCommands(run.main.log, 'add-mask');
    expect(masks.some((line) => line.includes(password))).toBe(true);
    const elsewhere = run.allOutput.split('\n').filter((line) => line.includes(password) && !line.startsWith('::add-mask::'));
    expect(elsewhere).toEqual([]);
    // The password is never on a command line either.
    expect(run.allOutput).not.toMatch(/--password\s/);
    const config = JSON.parse(readFileSync(path.join(run.dockerConfig, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> };
    expect(Object.keys(config.auths ?? {})).not.toContain(stackEnv().REGISTRY);
    expect(run.post?.log).toContain(`Logged out of ${stackEnv().REGISTRY}`);
  });

  test('skip-logout keeps the login after post', async () => {
    const repository = uniqueRepository('keep');
    await putRepository(repository);
    const run = await runAction({ inputs: { repository, scan: 'false', 'skip-logout': 'true' }, event: pushEvent(), files });
    expect(run.main.exitCode).toBe(0);
    const config = JSON.parse(readFileSync(path.join(run.dockerConfig, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> };
    expect(Object.keys(config.auths ?? {})).toContain(stackEnv().REGISTRY);
  });

  test.each([
    ['severity-threshold', 'SUPER', /Input "severity-threshold" is "SUPER"; accepted: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, NONE\./],
    ['sha-tag', 'long', /Input "sha-tag" is "long"; accepted: full, short, false\./],
    ['scan-timeout', '-1', /Input "scan-timeout" is "-1"; accepted: a whole number of seconds/],
    ['tag-mutability', 'SOMETIMES', /Input "tag-mutability" is "SOMETIMES"; accepted: MUTABLE, IMMUTABLE/],
  ])('bad input %s=%s stops with one line and pushes nothing', async (name, value, message) => {
    const repository = uniqueRepository('bad');
    await putRepository(repository);
    const run = await runAction({ inputs: { repository, [name]: value }, event: pushEvent(), files });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(await ecrCalls(repository)).toEqual([]);
    expect(await registryPushes(repository)).toEqual([]);
    expect(run.main.log).not.toContain('buildx');
  });

  test('post removes only its own login: other registries and settings in the Docker config stay, as docker logout leaves them', async () => {
    const repository = uniqueRepository('logout');
    await putRepository(repository);
    const before = { auths: { 'ghcr.io': { auth: 'dXNlcjp0b2tlbg==' } }, psFormat: 'table {{.ID}}', credHelpers: { 'gcr.io': 'gcloud' } };
    const run = await runAction({ inputs: { repository, scan: 'false' }, event: pushEvent(), files, dockerConfigJson: before });
    expect(run.main.exitCode).toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(run.dockerConfig, 'config.json'), 'utf8'))).toEqual(before);
    expect(run.post?.log).toContain(`Logged out of ${stackEnv().REGISTRY}`);
    // The same config, logged in and out by the docker CLI itself, ends the same.
    const byDocker = mkdtempSync(path.join(os.tmpdir(), 'e2e-docker-config-'));
    writeFileSync(path.join(byDocker, 'config.json'), JSON.stringify(before));
    const env = { ...process.env, DOCKER_CONFIG: byDocker };
    execFileSync('docker', ['login', '--username', 'AWS', '--password-stdin', stackEnv().REGISTRY], {
      env,
      input: registryPassword(),
      stdio: 'pipe',
    });
    expect(Object.keys(JSON.parse(readFileSync(path.join(byDocker, 'config.json'), 'utf8')).auths)).toContain(stackEnv().REGISTRY);
    execFileSync('docker', ['logout', stackEnv().REGISTRY], { env, stdio: 'pipe' });
    expect(JSON.parse(readFileSync(path.join(byDocker, 'config.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(path.join(run.dockerConfig, 'config.json'), 'utf8')),
    );
  });

  test('a credential helper holds the login: the push reads it from the helper, and post has docker erase it there', async () => {
    const repository = uniqueRepository('helper');
    await putRepository(repository);
    const helper = credentialHelper();
    const run = await runAction({
      inputs: { repository, scan: 'false' },
      event: pushEvent(),
      files,
      dockerConfigJson: { credsStore: 'e2e' },
      env: { PATH: `${helper.bin}:${process.env.PATH ?? ''}`, E2E_CREDENTIALS: helper.store },
    });
    if (run.main.exitCode !== 0) console.log(run.main.log);
    expect(run.main.exitCode).toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(helper.calls()).toEqual(
      expect.arrayContaining([`store ${stackEnv().REGISTRY}`, `get ${stackEnv().REGISTRY}`, `erase ${stackEnv().REGISTRY}`]),
    );
    expect(JSON.parse(readFileSync(helper.store, 'utf8'))).toEqual({});
    expect(run.post?.log).toContain(`Logged out of ${stackEnv().REGISTRY}`);
  });
});

/**
 * docker-credential-e2e: a Docker credential helper (the docker-credential-helpers protocol:
 * store / get / erase / list, the server URL or JSON on stdin) that keeps secrets in one JSON
 * file and logs each call, as `pass` or `secretservice` would on a self-hosted runner.
 */
function credentialHelper(): { bin: string; store: string; calls(): string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-credential-helper-'));
  const bin = path.join(dir, 'bin');
  const store = path.join(dir, 'store.json');
  const log = path.join(dir, 'calls.log');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(store, '{}');
  writeFileSync(log, '');
  const script = path.join(bin, 'docker-credential-e2e');
  writeFileSync(
    script,
    `#!${process.execPath}
const fs = require('node:fs');
const store = ${JSON.stringify(store)};
const input = fs.readFileSync(0, 'utf8').trim();
const saved = JSON.parse(fs.readFileSync(store, 'utf8'));
const action = process.argv[2];
const server = action === 'store' ? JSON.parse(input).ServerURL : input;
fs.appendFileSync(${JSON.stringify(log)}, action + (action === 'list' ? '' : ' ' + server) + '\\n');
if (action === 'store') saved[server] = JSON.parse(input);
else if (action === 'list') { process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, v.Username])))); process.exit(0); }
else if (!(server in saved)) { process.stdout.write('credentials not found in native keychain'); process.exit(1); }
else if (action === 'get') { process.stdout.write(JSON.stringify(saved[server])); process.exit(0); }
else if (action === 'erase') delete saved[server];
fs.writeFileSync(store, JSON.stringify(saved));
`,
  );
  chmodSync(script, 0o755);
  return { bin, store, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
