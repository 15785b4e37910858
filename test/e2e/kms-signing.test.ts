// Issue 32, part 2: signing with a KMS key (signing: awskms://…), as cosign 3 signs. After the
// verdict and before any promotion, each digest a tag names and each attestation's statement is
// signed with kms:Sign (the stand-in's real ECDSA P-256 or RSA keys) and pushed as a Sigstore
// bundle referrer. cosign v3.1.3 (built by the stack) verifies what the step pushed with the
// key's public key and no transparency log, on the SHA tag, on a promoted tag and per platform;
// verify-attestation finds the SBOM and the provenance; a rewritten statement fails.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { CRITICAL, findingsWorkspace } from './fixtures.js';
import { pushEvent, releaseEvent, runAction, workflowCommands, type RunResult } from './harness.js';
import {
  createKmsKey,
  putKmsKeyScenario,
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
  type CreatedKmsKey,
} from './stack.js';

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MULTI = 'linux/amd64,linux/arm64';

let aliases = 0;
/** A key of the case's own, under an alias (signing names the alias, as a workflow would). */
async function key(
  spec: 'ECC_NIST_P256' | 'RSA_2048' | 'ECC_NIST_P384' = 'ECC_NIST_P256',
  extra = {},
): Promise<CreatedKmsKey & { uri: string }> {
  const alias = `alias/e2e-signing-${process.pid}-${Date.now().toString(36)}-${++aliases}`;
  const created = await createKmsKey({ spec, alias, ...extra });
  return { ...created, uri: `awskms:///${alias}` };
}

/** A registry id whose GetAuthorizationToken answers the stack's registry with the referrers API (as ECR). */
async function referrersRegistry(repository: string): Promise<{ registryId: string; host: string }> {
  const host = stackEnv().REFERRERS_REGISTRY;
  if (!host) throw new Error('the stack env has no REFERRERS_REGISTRY: run bash scripts/stack/start.sh');
  const registryId = uniqueRegistryId();
  await putRegistrySettings(registryId, { proxyEndpoint: `http://${host}` });
  await putRepositoryIn(registryId, repository, { scanDelayMs: 0 });
  return { registryId, host };
}

/** cosign, logged in to the stack's registries with a config of its own, offline (no TUF, no Rekor). */
function cosign(args: string[], publicKeyPem: string): { status: number; output: string } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cosign-'));
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const stack = stackEnv();
  const hosts = [stack.REGISTRY, stack.REFERRERS_REGISTRY].filter(Boolean);
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ auths: Object.fromEntries(hosts.map((h) => [h, { auth }])) }));
  writeFileSync(path.join(home, 'key.pem'), publicKeyPem);
  const bin = stack.COSIGN;
  if (!bin) throw new Error('the stack env has no COSIGN: run bash scripts/stack/install.sh and start.sh');
  const result = spawnSync(
    bin,
    [...args, '--key', path.join(home, 'key.pem'), '--insecure-ignore-tlog=true', '--allow-http-registry=true', '--output', 'json'],
    { encoding: 'utf8', env: { ...process.env, HOME: home, DOCKER_CONFIG: home, TUF_ROOT: path.join(home, 'tuf') }, timeout: 60_000 },
  );
  return { status: result.status ?? -1, output: `${result.stdout}\n${result.stderr}` };
}

/** The payloads of what cosign verified (its JSON output: one line per verified signature or attestation). */
function verified(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') || line.startsWith('['))
    .flatMap((line) => {
      const parsed = JSON.parse(line) as unknown;
      return Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [parsed as Record<string, unknown>];
    });
}

async function registryGet(host: string, pathname: string, accept: string): Promise<Response> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  return fetch(`http://${host}${pathname}`, { headers: { Authorization: `Basic ${auth}`, Accept: accept } });
}

async function registryPut(host: string, pathname: string, body: string, contentType: string): Promise<void> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const response = await fetch(`http://${host}${pathname}`, {
    method: 'PUT',
    headers: { Authorization: `Basic ${auth}`, 'Content-Type': contentType },
    body,
  });
  expect([201, 202]).toContain(response.status);
}

/** The bundle referrers of a digest: the referrers API where the registry has it, else the referrers tag. */
async function bundlesOf(
  host: string,
  repository: string,
  digest: string,
): Promise<Array<{ digest: string; annotations?: Record<string, string> }>> {
  let response = await registryGet(host, `/v2/${repository}/referrers/${digest}`, OCI_INDEX);
  if (response.status === 404) response = await registryGet(host, `/v2/${repository}/manifests/${digest.replace(':', '-')}`, OCI_INDEX);
  if (response.status === 404) return [];
  const index = (await response.json()) as {
    manifests?: Array<{ digest: string; artifactType?: string; annotations?: Record<string, string> }>;
  };
  return (index.manifests ?? []).filter((m) => m.artifactType === BUNDLE);
}

const errors = (run: RunResult) => workflowCommands(run.main.log, 'error');

type SignaturesOutput = Record<
  string,
  Record<string, Array<{ kind: string; key?: string; what?: string; referrer?: string; status: string }>>
>;

describe('signing: awskms://', () => {
  test('a multi-platform release with SBOM and provenance: cosign verifies the SHA tag, a promoted tag and each platform, finds the attestations; a re-run signs nothing again', async () => {
    const signingKey = await key();
    const repository = uniqueRepository('kms-multi');
    const { registryId, host } = await referrersRegistry(repository);
    const event = releaseEvent('v3.1.0');
    const inputs = {
      repository,
      'registry-id': registryId,
      platforms: MULTI,
      sbom: 'true',
      provenance: 'mode=max,version=v1',
      builder: stackEnv().REMOTE_BUILDER,
      signing: signingKey.uri,
    };
    const files = findingsWorkspace();
    const run = await runAction({ inputs, event, files });
    expect(errors(run)).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    expect(run.main.log).toMatch(
      /Signed with awskms:\/\/\/alias\/e2e-signing-[^:]+: signed 3 digests of the image, 2 SBOMs, 2 provenances/,
    );
    const index = run.outputs.digest!;
    const platforms = JSON.parse(run.outputs['platform-digests']!) as Record<string, string>;
    const image = `${host}/${repository}`;

    // The SHA tag and a promoted tag name the index; each platform manifest is signed too.
    for (const reference of [
      `${image}:${event.sha}`,
      `${image}:3.1.0`,
      `${image}@${index}`,
      ...Object.values(platforms).map((d) => `${image}@${d}`),
    ]) {
      const result = cosign(['verify', reference], signingKey.publicKeyPem);
      expect({ reference, status: result.status, output: result.status === 0 ? '' : result.output }).toEqual({
        reference,
        status: 0,
        output: '',
      });
    }
    for (const [platform, digest] of Object.entries(platforms)) {
      for (const [type, predicate] of [
        ['spdxjson', 'https://spdx.dev/Document'],
        ['slsaprovenance1', 'https://slsa.dev/provenance/v1'],
      ] as const) {
        const result = cosign(['verify-attestation', '--type', type, `${image}@${digest}`], signingKey.publicKeyPem);
        expect({ platform, type, status: result.status, output: result.status === 0 ? '' : result.output }).toEqual({
          platform,
          type,
          status: 0,
          output: '',
        });
        const statements = verified(result.output).map(
          (v) =>
            JSON.parse(Buffer.from(String(v.payload), 'base64').toString()) as {
              predicateType: string;
              subject: Array<{ digest: { sha256: string } }>;
            },
        );
        expect(statements.map((s) => s.predicateType)).toEqual([predicate]);
        expect(statements[0]!.subject.map((s) => `sha256:${s.digest.sha256}`)).toContain(digest);
      }
    }

    // Output and report: every digest signed, the referrer of each bundle named.
    const output = JSON.parse(run.outputs.signatures!) as SignaturesOutput;
    const entries = Object.values(output[repository]!).flat();
    expect(entries.filter((e) => e.kind === 'kms')).toHaveLength(7);
    expect(new Set(entries.map((e) => e.key))).toEqual(new Set([signingKey.arn]));
    expect(entries.every((e) => e.status === 'signed')).toBe(true);
    expect(output[repository]![index]!.map((e) => e.what)).toEqual(['image']);
    for (const digest of Object.values(platforms))
      expect(output[repository]![digest]!.map((e) => e.what).sort()).toEqual(['image', 'provenance', 'sbom']);
    const report = JSON.parse(run.artifacts.report!) as { keySignatures?: { outcome: string; signatures: unknown[] } };
    expect(report.keySignatures).toMatchObject({ outcome: 'signed' });
    expect(run.summary).toContain(signingKey.arn);

    // A re-run of the same SHA reuses the image and its signatures: no bundle is pushed twice.
    const before = await Promise.all([index, ...Object.values(platforms)].map((d) => bundlesOf(host, repository, d)));
    const again = await runAction({ inputs, event, files });
    expect(errors(again)).toEqual([]);
    expect(again.main.exitCode).toBe(0);
    expect(again.main.log).toMatch(/nothing new to sign; 7 signatures by this key already there/);
    const after = await Promise.all([index, ...Object.values(platforms)].map((d) => bundlesOf(host, repository, d)));
    expect(after).toEqual(before);
    const reran = JSON.parse(again.outputs.signatures!) as SignaturesOutput;
    expect(
      Object.values(reran[repository]!)
        .flat()
        .every((e) => e.status === 'reused'),
    ).toBe(true);
  }, 600_000);

  test("an RSA key on a registry without the referrers API: cosign finds the bundles by the referrers tag; a rewritten provenance statement fails verify-attestation, the SBOM's still verifies", async () => {
    const signingKey = await key('RSA_2048');
    const repository = uniqueRepository('kms-rsa');
    await putRepository(repository, { scenario: { scanDelayMs: 0 } });
    const host = stackEnv().REGISTRY;
    const run = await runAction({
      inputs: {
        repository,
        sbom: 'true',
        provenance: 'mode=max,version=v1',
        builder: stackEnv().REMOTE_BUILDER,
        platforms: 'linux/amd64',
        signing: signingKey.uri,
      },
      event: pushEvent(),
      files: findingsWorkspace(),
    });
    expect(errors(run)).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    const digest = run.outputs.digest!;
    const image = `${host}/${repository}`;
    expect(cosign(['verify', `${image}@${digest}`], signingKey.publicKeyPem).status).toBe(0);
    expect(cosign(['verify-attestation', '--type', 'slsaprovenance1', `${image}@${digest}`], signingKey.publicKeyPem).status).toBe(0);
    // Another key does not verify it.
    const other = await key();
    expect(cosign(['verify', `${image}@${digest}`], other.publicKeyPem).status).not.toBe(0);

    // Someone with push rights rewrites the provenance bundle's statement (the signature kept)
    // and points the referrers tag at the rewritten one.
    const bundles = await bundlesOf(host, repository, digest);
    const provenance = bundles.find((b) => b.annotations?.['dev.sigstore.bundle.predicateType'] === 'https://slsa.dev/provenance/v1')!;
    expect(provenance).toBeDefined();
    const manifest = (await (await registryGet(host, `/v2/${repository}/manifests/${provenance.digest}`, OCI_MANIFEST)).json()) as {
      layers: Array<{ digest: string; size: number; mediaType: string }>;
    };
    const bundle = (await (await registryGet(host, `/v2/${repository}/blobs/${manifest.layers[0]!.digest}`, '*/*')).json()) as {
      dsseEnvelope: { payload: string };
    };
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as { predicate: Record<string, unknown> };
    statement.predicate = { ...statement.predicate, buildDefinition: { buildType: 'https://example.com/rewritten' } };
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const tampered = JSON.stringify(bundle);
    const tamperedDigest = `sha256:${createHash('sha256').update(tampered).digest('hex')}`;
    const upload = await fetch(`http://${host}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`AWS:${registryPassword()}`).toString('base64')}` },
    });
    const location = new URL(upload.headers.get('location')!, `http://${host}/`);
    location.searchParams.set('digest', tamperedDigest);
    await registryPut(host, location.pathname + location.search, tampered, 'application/octet-stream');
    const rewritten = JSON.stringify({
      ...manifest,
      layers: [{ ...manifest.layers[0]!, digest: tamperedDigest, size: Buffer.byteLength(tampered) }],
    });
    const rewrittenDigest = `sha256:${createHash('sha256').update(rewritten).digest('hex')}`;
    await registryPut(host, `/v2/${repository}/manifests/${rewrittenDigest}`, rewritten, OCI_MANIFEST);
    const tagIndex = (await (await registryGet(host, `/v2/${repository}/manifests/${digest.replace(':', '-')}`, OCI_INDEX)).json()) as {
      manifests: Array<{ digest: string; size: number }>;
    };
    tagIndex.manifests = tagIndex.manifests.map((m) =>
      m.digest === provenance.digest ? { ...m, digest: rewrittenDigest, size: Buffer.byteLength(rewritten) } : m,
    );
    await registryPut(host, `/v2/${repository}/manifests/${digest.replace(':', '-')}`, JSON.stringify(tagIndex), OCI_INDEX);

    const result = cosign(['verify-attestation', '--type', 'slsaprovenance1', `${image}@${digest}`], signingKey.publicKeyPem);
    expect(result.status).not.toBe(0);
    // cosign drops the bundle whose signature does not verify: what is left has no provenance.
    expect(result.output).toMatch(/none of the attestations matched the predicate type: slsaprovenance1, found: (?!.*slsa)/);
    expect(cosign(['verify-attestation', '--type', 'spdxjson', `${image}@${digest}`], signingKey.publicKeyPem).status).toBe(0);
  }, 600_000);

  test('a transient KMS fault is retried; a held-back image is not signed', async () => {
    // Three faults: the SDK's own three attempts, then the action's retry, which warns.
    const signingKey = await key('ECC_NIST_P256', {
      scenario: { faults: { operations: ['Sign'], count: 3, status: 500, type: 'KMSInternalException' } },
    });
    const repository = uniqueRepository('kms-transient');
    await putRepository(repository, { scenario: { scanDelayMs: 0 } });
    const run = await runAction({ inputs: { repository, signing: signingKey.uri }, event: pushEvent(), files: findingsWorkspace() });
    expect(errors(run)).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    expect(run.main.log).toMatch(/::warning::KMS Sign with alias\/e2e-signing-\S+: attempt 1 of \d+ failed \(KMSInternalException/);
    expect(cosign(['verify', `${stackEnv().REGISTRY}/${repository}@${run.outputs.digest}`], signingKey.publicKeyPem).status).toBe(0);

    // A CRITICAL: the gate fails, nothing is signed, and the report says why.
    const held = uniqueRepository('kms-held');
    await putRepository(held, { scenario: { scanDelayMs: 0 } });
    const failed = await runAction({
      inputs: { repository: held, signing: signingKey.uri, 'build-args': `FINDINGS=${CRITICAL}` },
      event: pushEvent(),
      files: findingsWorkspace(),
    });
    expect(failed.main.exitCode).not.toBe(0);
    expect(failed.main.log).toMatch(/Not signed with awskms:\/\/\/alias\/e2e-signing-[^:]+: the step fails/);
    expect(await bundlesOf(stackEnv().REGISTRY, held, failed.outputs.digest!)).toEqual([]);
  }, 600_000);

  test('kms:Sign refused: one line naming kms:Sign and the key; no release tag is written, the image stays under its SHA tag', async () => {
    const signingKey = await key();
    await putKmsKeyScenario(signingKey.keyId, { denied: ['Sign'] });
    const repository = uniqueRepository('kms-denied');
    await putRepository(repository, { scenario: { scanDelayMs: 0 } });
    const event = releaseEvent('v1.0.0');
    const run = await runAction({ inputs: { repository, signing: signingKey.uri }, event, files: findingsWorkspace() });
    expect(run.main.exitCode).not.toBe(0);
    const lines = errors(run);
    expect(lines.some((line) => line.includes(`KMS refused kms:Sign on ${signingKey.arn}`))).toBe(true);
    expect(await registryTags(repository)).toEqual([event.sha]);
    expect((await registryManifest(repository, event.sha))?.digest).toBe(run.outputs.digest);
  }, 600_000);

  test.each([
    ['maybe', () => Promise.resolve('maybe'), /Input "signing" is "maybe"; accepted: auto, require, off, awskms:\/\/\//],
    ['awskms:// without a key', () => Promise.resolve('awskms://'), /Input "signing" is "awskms:\/\/", which names no key/],
    ['a P-384 key', async () => (await key('ECC_NIST_P384')).uri, /is ECC_NIST_P384 with signing algorithms ECDSA_SHA_384; accepted: /],
    [
      'GetPublicKey refused',
      async () => {
        const k = await key();
        await putKmsKeyScenario(k.keyId, { denied: ['GetPublicKey'] });
        return k.uri;
      },
      /KMS refused kms:GetPublicKey on alias\/e2e-signing-\S+ \(AccessDeniedException\)/,
    ],
    ['an unknown alias', () => Promise.resolve('awskms:///alias/no-such-key'), /KMS has no key alias\/no-such-key \(NotFoundException\)/],
  ])(
    'bad signing (%s): one line before anything is built or pushed',
    async (_name, value, message) => {
      const repository = uniqueRepository('kms-bad');
      await putRepository(repository, { scenario: { scanDelayMs: 0 } });
      const run = await runAction({ inputs: { repository, signing: await value() }, event: pushEvent(), files: findingsWorkspace() });
      expect(run.main.exitCode).not.toBe(0);
      const lines = errors(run);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(run.main.log).not.toMatch(/buildx build|#\d+ \[/);
      expect(await registryPushes(repository)).toEqual([]);
    },
    120_000,
  );
});
