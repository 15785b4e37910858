// The ECR stand-in's managed signing, driven with the real @aws-sdk/client-ecr: the registry's
// signing configuration (put, get, delete, ECR's validation, SigningConfigurationNotFoundException),
// which rules match a repository (wildcards), and DescribeImageSigningStatus over time per the
// repository's scenario: IN_PROGRESS then COMPLETE, FAILED with a code and reason, never
// finishing, IAM's refusal, and which digests of a multi-platform image get a status.
// Each case uses a registry id (an account) of its own, as the configuration is registry-wide.
import { describe, expect, test } from '@jest/globals';
import {
  DeleteSigningConfigurationCommand,
  DescribeImageSigningStatusCommand,
  DescribeImagesCommand,
  ECRClient,
  GetSigningConfigurationCommand,
  PutSigningConfigurationCommand,
  type DescribeImageSigningStatusCommandOutput,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { createHash, randomUUID } from 'node:crypto';
import { waitUntil } from './faults-support.js';
import {
  accountCredentials,
  putRegistrySettings,
  putRepositoryIn,
  putSigningConfiguration,
  registryPassword,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
  type SigningRule,
  type SigningScenario,
} from './stack.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const profile = (name: string, account = '111122223333') => `arn:aws:signer:us-east-1:${account}:/signing-profiles/${name}`;
const RELEASE = profile('release_profile');
const AUDIT = profile('audit_profile');

/** A client calling as the account `registryId` (its own signing configuration). */
function client(registryId: string): ECRClient {
  const stack = stackEnv();
  return new ECRClient({
    region: stack.AWS_REGION,
    endpoint: stack.AWS_ENDPOINT_URL_ECR,
    credentials: accountCredentials(registryId),
    maxAttempts: 1,
  });
}

function registry(pathname: string, init: RequestInit = {}): Promise<Response> {
  const auth = Buffer.from(`AWS:${registryPassword()}`).toString('base64');
  const url = pathname.startsWith('http') ? pathname : `http://${stackEnv().REGISTRY}${pathname}`;
  return fetch(url, { ...init, redirect: 'manual', headers: { Authorization: `Basic ${auth}`, ...(init.headers ?? {}) } });
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface Pushed {
  digest: string;
  size: number;
  mediaType: string;
}

async function pushBlob(repository: string, bytes: Buffer): Promise<string> {
  const started = await registry(`/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  expect(started.status).toBe(202);
  const location = new URL(started.headers.get('location') ?? '', `http://${stackEnv().REGISTRY}`);
  location.searchParams.set('digest', sha256(bytes));
  const put = await registry(location.toString(), { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  expect(put.status).toBe(201);
  return sha256(bytes);
}

async function pushManifest(repository: string, manifest: object, mediaType: string, reference?: string): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const res = await registry(`/v2/${repository}/manifests/${reference ?? sha256(bytes)}`, {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': mediaType },
  });
  expect(res.status).toBe(201);
  return { digest: sha256(bytes), size: bytes.length, mediaType };
}

/** A layerless image of its own (a fresh config), pushed by digest, or by `tag`. */
async function pushImage(repository: string, architecture = 'amd64', tag?: string, extra: object = {}): Promise<Pushed> {
  const config = Buffer.from(
    JSON.stringify({ architecture, os: 'linux', config: { Labels: { id: randomUUID() } }, rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const configDigest = await pushBlob(repository, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [],
    ...extra,
  };
  return pushManifest(repository, manifest, OCI_MANIFEST, tag);
}

interface MultiPlatform {
  index: Pushed;
  amd64: Pushed;
  arm64: Pushed;
  attestation: Pushed;
}

/** A two-platform OCI index as BuildKit pushes one (with an attestation manifest), tagged `tag`. */
async function pushMultiPlatform(repository: string, tag: string): Promise<MultiPlatform> {
  const amd64 = await pushImage(repository, 'amd64');
  const arm64 = await pushImage(repository, 'arm64');
  const attestation = await pushImage(repository, 'unknown');
  const entry = (image: Pushed) => ({ mediaType: image.mediaType, digest: image.digest, size: image.size });
  const index = await pushManifest(
    repository,
    {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { ...entry(amd64), platform: { architecture: 'amd64', os: 'linux' } },
        { ...entry(arm64), platform: { architecture: 'arm64', os: 'linux' } },
        {
          ...entry(attestation),
          platform: { architecture: 'unknown', os: 'unknown' },
          annotations: { 'vnd.docker.reference.digest': amd64.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    },
    OCI_INDEX,
    tag,
  );
  return { index, amd64, arm64, attestation };
}

type Status = { signingProfileArn?: string; status?: string; failureCode?: string; failureReason?: string };

async function describeSigning(
  registryId: string,
  repositoryName: string,
  imageId: ImageIdentifier,
): Promise<DescribeImageSigningStatusCommandOutput> {
  return client(registryId).send(new DescribeImageSigningStatusCommand({ registryId, repositoryName, imageId }));
}

/** The statuses of an image, once ECR knows of it (the registry's notification comes a little after the push). */
async function statusesOf(registryId: string, repositoryName: string, imageId: ImageIdentifier): Promise<Status[]> {
  let statuses: Status[] = [];
  await waitUntil(`ECR to know ${repositoryName}@${imageId.imageDigest ?? imageId.imageTag}`, async () => {
    try {
      statuses = (await describeSigning(registryId, repositoryName, imageId)).signingStatuses ?? [];
      return true;
    } catch (error) {
      if ((error as Error).name === 'ImageNotFoundException') return false;
      throw error;
    }
  });
  return statuses;
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

/** A registry of the case's own with one repository in it (signed by `rules`, if given). */
async function setUp(prefix: string, signing: SigningScenario = {}, rules?: SigningRule[]) {
  const registryId = uniqueRegistryId();
  const repository = uniqueRepository(prefix);
  await putRepositoryIn(registryId, repository, { signing });
  if (rules) await putSigningConfiguration(registryId, rules);
  return { registryId, repository };
}

describe('signing configuration', () => {
  test('put, get and delete per registry; none → SigningConfigurationNotFoundException', async () => {
    const registryId = uniqueRegistryId();
    const ecr = client(registryId);
    const none = await errorOf(ecr.send(new GetSigningConfigurationCommand({})));
    expect(none.name).toBe('SigningConfigurationNotFoundException');
    expect(none.message).toContain(registryId);
    expect((await errorOf(ecr.send(new DeleteSigningConfigurationCommand({})))).name).toBe('SigningConfigurationNotFoundException');

    const signingConfiguration = {
      rules: [
        { signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'myapp/*', filterType: 'WILDCARD_MATCH' as const }] },
        { signingProfileArn: AUDIT },
      ],
    };
    const put = await ecr.send(new PutSigningConfigurationCommand({ signingConfiguration }));
    expect(put.signingConfiguration).toEqual(signingConfiguration);

    const got = await ecr.send(new GetSigningConfigurationCommand({}));
    expect(got.registryId).toBe(registryId);
    expect(got.signingConfiguration).toEqual(signingConfiguration);
    // Another account's registry has none of it.
    const other = await errorOf(client(uniqueRegistryId()).send(new GetSigningConfigurationCommand({})));
    expect(other.name).toBe('SigningConfigurationNotFoundException');

    const deleted = await ecr.send(new DeleteSigningConfigurationCommand({}));
    expect(deleted).toMatchObject({ registryId, signingConfiguration });
    expect((await errorOf(ecr.send(new GetSigningConfigurationCommand({})))).name).toBe('SigningConfigurationNotFoundException');
  });

  test.each([
    [
      'no signingProfileArn',
      [{ repositoryFilters: [{ filter: 'a', filterType: 'WILDCARD_MATCH' }] }],
      /rules\.1\.member\.signingProfileArn/,
    ],
    ['an ARN that is not a signing profile', [{ signingProfileArn: 'arn:aws:kms:us-east-1:111122223333:key/x' }], /regular expression/],
    ['11 rules (at most 10)', Array.from({ length: 11 }, (_, i) => ({ signingProfileArn: profile(`p${i}x`) })), /less than or equal to 10/],
    [
      'a filter type other than WILDCARD_MATCH',
      [{ signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'a', filterType: 'PREFIX_MATCH' }] }],
      /enum value set: \[WILDCARD_MATCH\]/,
    ],
    [
      'a filter with no filter',
      [{ signingProfileArn: RELEASE, repositoryFilters: [{ filterType: 'WILDCARD_MATCH' }] }],
      /repositoryFilters\.1\.member\.filter/,
    ],
    [
      'an upper-case filter',
      [{ signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'MyApp/*', filterType: 'WILDCARD_MATCH' }] }],
      /regular expression/,
    ],
    ['an empty filter list', [{ signingProfileArn: RELEASE, repositoryFilters: [] }], /between 1 and 100/],
  ])('PutSigningConfiguration with %s → ValidationException', async (_what, rules, message) => {
    const ecr = client(uniqueRegistryId());
    const error = await errorOf(ecr.send(new PutSigningConfigurationCommand({ signingConfiguration: { rules: rules as never } })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(message);
    expect((await errorOf(ecr.send(new GetSigningConfigurationCommand({})))).name).toBe('SigningConfigurationNotFoundException');
  });

  test('ten rules are accepted', async () => {
    const rules = Array.from({ length: 10 }, (_, i) => ({ signingProfileArn: profile(`p${i}x`) }));
    const out = await client(uniqueRegistryId()).send(new PutSigningConfigurationCommand({ signingConfiguration: { rules } }));
    expect(out.signingConfiguration?.rules).toHaveLength(10);
  });
});

describe('DescribeImageSigningStatus', () => {
  test('wildcard rules: one status per matching profile; a repository no rule matches has none', async () => {
    const registryId = uniqueRegistryId();
    const matching = `${uniqueRepository('signmatch')}/api`;
    const other = uniqueRepository('unmatched');
    await putRepositoryIn(registryId, matching);
    await putRepositoryIn(registryId, other);
    const before = await pushImage(matching);
    await statusesOf(registryId, matching, { imageDigest: before.digest });
    await putSigningConfiguration(registryId, [
      { signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'e2e/signmatch-*', filterType: 'WILDCARD_MATCH' }] },
      { signingProfileArn: AUDIT, repositoryFilters: [{ filter: '*/api', filterType: 'WILDCARD_MATCH' }] },
      // The same profile twice is one status.
      { signingProfileArn: RELEASE, repositoryFilters: [{ filter: '*signmatch*', filterType: 'WILDCARD_MATCH' }] },
      { signingProfileArn: profile('nomatch_profile'), repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] },
    ]);
    const image = await pushImage(matching, 'amd64', 'v1');
    const unmatched = await pushImage(other);

    const out = await (async () => {
      await statusesOf(registryId, matching, { imageDigest: image.digest });
      return describeSigning(registryId, matching, { imageTag: 'v1' });
    })();
    expect(out).toMatchObject({ registryId, repositoryName: matching, imageId: { imageDigest: image.digest, imageTag: 'v1' } });
    expect(out.signingStatuses).toEqual([
      { signingProfileArn: RELEASE, status: 'COMPLETE' },
      { signingProfileArn: AUDIT, status: 'COMPLETE' },
    ]);
    expect(await statusesOf(registryId, other, { imageDigest: unmatched.digest })).toEqual([]);
    // ECR signs on push: an image pushed before the configuration is not signed.
    expect(await statusesOf(registryId, matching, { imageDigest: before.digest })).toEqual([]);
  });

  test('a rule without filters signs every repository of the registry', async () => {
    const { registryId, repository } = await setUp('nofilter', {}, [{ signingProfileArn: RELEASE }]);
    const image = await pushImage(repository);
    expect(await statusesOf(registryId, repository, { imageDigest: image.digest })).toEqual([
      { signingProfileArn: RELEASE, status: 'COMPLETE' },
    ]);
  });

  test('delayMs: IN_PROGRESS until that long after the push, then COMPLETE', async () => {
    const { registryId, repository } = await setUp('delay', { delayMs: 1500 }, [
      { signingProfileArn: RELEASE },
      { signingProfileArn: AUDIT },
    ]);
    const pushedAt = Date.now();
    const image = await pushImage(repository);
    const first = await statusesOf(registryId, repository, { imageDigest: image.digest });
    expect(Date.now() - pushedAt).toBeLessThan(1200);
    expect(first).toEqual([
      { signingProfileArn: RELEASE, status: 'IN_PROGRESS' },
      { signingProfileArn: AUDIT, status: 'IN_PROGRESS' },
    ]);
    let last: Status[] = [];
    await waitUntil(
      'COMPLETE',
      async () => {
        last = await statusesOf(registryId, repository, { imageDigest: image.digest });
        return last.every((s) => s.status === 'COMPLETE');
      },
      10_000,
      100,
    );
    expect(Date.now() - pushedAt).toBeGreaterThanOrEqual(1400);
    expect(last).toEqual([
      { signingProfileArn: RELEASE, status: 'COMPLETE' },
      { signingProfileArn: AUDIT, status: 'COMPLETE' },
    ]);
  });

  test('failed: FAILED with the failureCode and failureReason (for one profile, or all)', async () => {
    const failed = { code: 'SIGNING_PROFILE_REVOKED', reason: 'The signing profile release_profile is revoked.' };
    const { registryId, repository } = await setUp('failed', { failed }, [{ signingProfileArn: RELEASE }, { signingProfileArn: AUDIT }]);
    const image = await pushImage(repository);
    expect(await statusesOf(registryId, repository, { imageDigest: image.digest })).toEqual([
      { signingProfileArn: RELEASE, status: 'FAILED', failureCode: failed.code, failureReason: failed.reason },
      { signingProfileArn: AUDIT, status: 'FAILED', failureCode: failed.code, failureReason: failed.reason },
    ]);
    // The scenario is read when asked: one profile fails, the other completes.
    await putRepositoryIn(registryId, repository, { signing: { failed: { ...failed, signingProfileArn: AUDIT } } });
    expect(await statusesOf(registryId, repository, { imageDigest: image.digest })).toEqual([
      { signingProfileArn: RELEASE, status: 'COMPLETE' },
      { signingProfileArn: AUDIT, status: 'FAILED', failureCode: failed.code, failureReason: failed.reason },
    ]);
  });

  test('never: IN_PROGRESS forever', async () => {
    const { registryId, repository } = await setUp('never', { never: true }, [{ signingProfileArn: RELEASE }]);
    const image = await pushImage(repository);
    expect(await statusesOf(registryId, repository, { imageDigest: image.digest })).toEqual([
      { signingProfileArn: RELEASE, status: 'IN_PROGRESS' },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await statusesOf(registryId, repository, { imageDigest: image.digest })).toEqual([
      { signingProfileArn: RELEASE, status: 'IN_PROGRESS' },
    ]);
  });

  test('access denied: the registry refuses GetSigningConfiguration and DescribeImageSigningStatus with IAM’s message', async () => {
    const { registryId, repository } = await setUp('denied', {}, [{ signingProfileArn: RELEASE }]);
    const image = await pushImage(repository);
    await statusesOf(registryId, repository, { imageDigest: image.digest });
    await putRegistrySettings(registryId, { signing: { denied: true } });
    const ecr = client(registryId);

    const get = await errorOf(ecr.send(new GetSigningConfigurationCommand({})));
    expect(get.name).toBe('AccessDeniedException');
    expect(get.message).toBe(
      `User: arn:aws:sts::${registryId}:assumed-role/ecr-standin/test is not authorized to perform: ecr:GetSigningConfiguration because no identity-based policy allows the ecr:GetSigningConfiguration action`,
    );
    const describe = await errorOf(describeSigning(registryId, repository, { imageDigest: image.digest }));
    expect(describe.name).toBe('AccessDeniedException');
    expect(describe.message).toMatch(
      new RegExp(
        `^User: arn:aws:sts::${registryId}:assumed-role/ecr-standin/test is not authorized to perform: ecr:DescribeImageSigningStatus on resource: arn:aws:ecr:[a-z0-9-]+:${registryId}:repository/${repository} because`,
      ),
    );
    // `denied: true` is the step's two read actions; writing stays allowed.
    await ecr.send(new PutSigningConfigurationCommand({ signingConfiguration: { rules: [{ signingProfileArn: AUDIT }] } }));
    // A list names the operations refused.
    await putRegistrySettings(registryId, { signing: { denied: ['DescribeImageSigningStatus'] } });
    expect((await ecr.send(new GetSigningConfigurationCommand({}))).signingConfiguration?.rules).toEqual([{ signingProfileArn: AUDIT }]);
    expect((await errorOf(describeSigning(registryId, repository, { imageDigest: image.digest }))).name).toBe('AccessDeniedException');
  });

  test('access denied on one repository: DescribeImageSigningStatus only', async () => {
    const { registryId, repository } = await setUp('denied-repo', { denied: true }, [{ signingProfileArn: RELEASE }]);
    const image = await pushImage(repository);
    const error = await errorOf(
      (async () => {
        await waitUntil('ECR to know the image', async () => (await describeImages(registryId, repository)).includes(image.digest));
        return describeSigning(registryId, repository, { imageDigest: image.digest });
      })(),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain(`is not authorized to perform: ecr:DescribeImageSigningStatus on resource: `);
    expect((await client(registryId).send(new GetSigningConfigurationCommand({}))).registryId).toBe(registryId);
  });

  test.each([
    ['both', { index: true, platforms: true }],
    ['index', { index: true, platforms: false }],
    ['platforms', { index: false, platforms: true }],
  ] as const)('digests: %s — which digests of a multi-platform image get a status', async (digests, signed) => {
    const { registryId, repository } = await setUp(`digests-${digests}`, { digests }, [{ signingProfileArn: RELEASE }]);
    const image = await pushMultiPlatform(repository, 'v1');
    const complete = [{ signingProfileArn: RELEASE, status: 'COMPLETE' }];
    expect(await statusesOf(registryId, repository, { imageDigest: image.index.digest })).toEqual(signed.index ? complete : []);
    expect(await statusesOf(registryId, repository, { imageTag: 'v1' })).toEqual(signed.index ? complete : []);
    for (const platform of [image.amd64, image.arm64]) {
      expect(await statusesOf(registryId, repository, { imageDigest: platform.digest })).toEqual(signed.platforms ? complete : []);
    }
    // Never signed: BuildKit's attestation manifest (not an image), and a referrer ("signatures cannot be signed").
    expect(await statusesOf(registryId, repository, { imageDigest: image.attestation.digest })).toEqual([]);
    const referrer = await pushImage(repository, 'unknown', undefined, {
      artifactType: 'application/vnd.cncf.notary.signature',
      subject: { mediaType: OCI_INDEX, digest: image.index.digest, size: image.index.size },
    });
    expect(await statusesOf(registryId, repository, { imageDigest: referrer.digest })).toEqual([]);
    // A single-platform image (no index refers to it) is signed in every mode.
    const single = await pushImage(repository, 'amd64', 'single');
    expect(await statusesOf(registryId, repository, { imageDigest: single.digest })).toEqual(complete);
  });

  test('an image not in the repository → ImageNotFoundException; no such repository → RepositoryNotFoundException', async () => {
    const { registryId, repository } = await setUp('notfound', {}, [{ signingProfileArn: RELEASE }]);
    const digest = `sha256:${'0'.repeat(64)}`;
    const byDigest = await errorOf(describeSigning(registryId, repository, { imageDigest: digest }));
    expect(byDigest.name).toBe('ImageNotFoundException');
    expect(byDigest.message).toBe(
      `The image with imageId {imageDigest:'${digest}', imageTag:'null'} does not exist within the repository with name '${repository}' in the registry with id '${registryId}'`,
    );
    expect((await errorOf(describeSigning(registryId, repository, { imageTag: 'nope' }))).name).toBe('ImageNotFoundException');
    const noRepo = await errorOf(describeSigning(registryId, `${repository}-gone`, { imageDigest: digest }));
    expect(noRepo.name).toBe('RepositoryNotFoundException');
  });
});

/** The digests DescribeImages lists (ECR knows them). */
async function describeImages(registryId: string, repositoryName: string): Promise<string[]> {
  const out = await client(registryId).send(new DescribeImagesCommand({ registryId, repositoryName }));
  return (out.imageDetails ?? []).map((d) => d.imageDigest ?? '');
}
