import { describe, expect, test } from '@jest/globals';
import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ECRServiceException,
  ImageNotFoundException,
  type DescribeImageScanFindingsResponse,
} from '@aws-sdk/client-ecr';
import { FakeEcrClient, awsError } from '../../__fixtures__/ecr-client.js';
import { digestOf, manifestText, type ManifestFixture } from '../../__fixtures__/manifests/index.js';
import { readBaseFindings, type BaseLookupOptions } from '../../src/steps/base-image.js';
import { FakeTime, captureLog, seededRandom } from '../scan/fakes.js';

const BASE_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const REF = { repositoryName: 'mlops/app', registryId: '123456789012' };
const IMAGE_DIGEST = digestOf('9');
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The platform manifests of __fixtures__/manifests/oci-index.json. */
const AMD = digestOf('1');
const ARM = digestOf('2');

function complete(...ids: string[]): DescribeImageScanFindingsResponse {
  return {
    imageScanStatus: { status: 'COMPLETE' },
    imageScanFindings: {
      findings: ids.map((name) => ({ name, severity: 'HIGH', attributes: [{ key: 'package_name', value: 'openssl' }] })),
      findingSeverityCounts: ids.length > 0 ? { HIGH: ids.length } : {},
    },
  };
}

interface Setup {
  /** The image under the tag: a manifest fixture and its media type; undefined: no such tag. */
  image?: { fixture: ManifestFixture; mediaType: string };
  /** Answer per platform digest; a function is called with the call number (from 0). */
  scans?: Record<string, DescribeImageScanFindingsResponse | ((call: number) => DescribeImageScanFindingsResponse)>;
  options?: Partial<BaseLookupOptions>;
}

function setup({ image, scans = {}, options = {} }: Setup) {
  const time = new FakeTime();
  const logs = captureLog();
  const calls = new Map<string, number>();
  const fake = new FakeEcrClient()
    .on(DescribeImagesCommand, () => {
      if (!image) throw awsError(ImageNotFoundException, 'The image does not exist within the repository');
      return { imageDetails: [{ imageDigest: IMAGE_DIGEST, imageTags: [BASE_SHA], imageManifestMediaType: image.mediaType }] };
    })
    .on(BatchGetImageCommand, () => ({
      images: image
        ? [{ imageId: { imageDigest: IMAGE_DIGEST }, imageManifest: manifestText(image.fixture), imageManifestMediaType: image.mediaType }]
        : [],
    }))
    .on(DescribeImageScanFindingsCommand, (input) => {
      const digest = input.imageId?.imageDigest ?? '';
      const answer = scans[digest];
      if (!answer) throw new Error(`no scan scripted for ${digest}`);
      const call = calls.get(digest) ?? 0;
      calls.set(digest, call + 1);
      return typeof answer === 'function' ? answer(call) : answer;
    });
  const lookup: BaseLookupOptions = {
    client: fake.client,
    ref: REF,
    baseSha: BASE_SHA,
    shaTag: 'full',
    gate: 'all',
    scanOnPush: true,
    timeoutMs: 60_000,
    clock: time.clock,
    sleep: time.sleep,
    random: seededRandom(3),
    log: logs.log,
    ...options,
  };
  return { fake, logs, time, read: () => readBaseFindings(lookup) };
}

describe('readBaseFindings: found', () => {
  test('a single manifest under the full SHA tag: linux/amd64 unless told, one read', async () => {
    const { fake, logs, time, read } = setup({
      image: { fixture: 'oci-manifest', mediaType: OCI_MANIFEST },
      scans: { [IMAGE_DIGEST]: complete('CVE-1', 'CVE-2') },
    });
    const result = await read();
    expect(result).toMatchObject({
      available: true,
      baseSha: BASE_SHA,
      baseDigest: IMAGE_DIGEST,
      tag: BASE_SHA,
      platforms: [{ platform: 'linux/amd64', digest: IMAGE_DIGEST }],
    });
    if (!result.available) throw new Error('expected a base');
    expect(result.scans).toHaveLength(1);
    expect(result.scans[0]).toMatchObject({ platform: 'linux/amd64', status: 'COMPLETE', complete: true, calls: 1 });
    expect(result.scans[0].findings.map((f) => `${f.id} ${f.package ?? ''} ${f.platform}`)).toEqual([
      'CVE-1 openssl linux/amd64',
      'CVE-2 openssl linux/amd64',
    ]);
    expect(fake.commandNames()).toEqual(['DescribeImagesCommand', 'BatchGetImageCommand', 'DescribeImageScanFindingsCommand']);
    expect(fake.inputsOf(DescribeImagesCommand)).toEqual([{ ...REF, imageIds: [{ imageTag: BASE_SHA }] }]);
    expect(fake.inputsOf(DescribeImageScanFindingsCommand)[0]).toMatchObject({ ...REF, imageId: { imageDigest: IMAGE_DIGEST } });
    // Base log lines are told apart from this image's, and none is a warning.
    expect(logs.info).toEqual([
      'Base image fedcba9, linux/amd64: scan COMPLETE.',
      'Base image fedcba9, linux/amd64: COMPLETE, 2 findings (basic scanning, 1 call).',
      `Base image fedcba9: ${IMAGE_DIGEST}, 1 platform (linux/amd64).`,
    ]);
    expect(logs.warning).toEqual([]);
    expect(time.pending).toBe(0);
  });

  test('a single manifest takes the platform it is told', async () => {
    const { read } = setup({
      image: { fixture: 'oci-manifest', mediaType: OCI_MANIFEST },
      scans: { [IMAGE_DIGEST]: complete() },
      options: { singlePlatform: 'linux/arm64' },
    });
    await expect(read()).resolves.toMatchObject({
      available: true,
      platforms: [{ platform: 'linux/arm64', digest: IMAGE_DIGEST }],
      scans: [{ platform: 'linux/arm64', findings: [] }],
    });
  });

  test('an index: each platform manifest scanned by its digest', async () => {
    const { fake, read } = setup({
      image: { fixture: 'oci-index', mediaType: OCI_INDEX },
      scans: { [AMD]: complete('CVE-1'), [ARM]: complete('CVE-2') },
    });
    const result = await read();
    expect(result).toMatchObject({
      available: true,
      baseDigest: IMAGE_DIGEST,
      platforms: [
        { platform: 'linux/amd64', digest: AMD },
        { platform: 'linux/arm64', digest: ARM },
      ],
    });
    if (!result.available) throw new Error('expected a base');
    expect(result.scans.map((s) => [s.platform, s.digest, s.findings.map((f) => f.id)])).toEqual([
      ['linux/amd64', AMD, ['CVE-1']],
      ['linux/arm64', ARM, ['CVE-2']],
    ]);
    expect(
      fake
        .inputsOf(DescribeImageScanFindingsCommand)
        .map((i) => i.imageId?.imageDigest)
        .sort(),
    ).toEqual([AMD, ARM]);
  });

  test('sha-tag short: the tag is the first 7 hex digits', async () => {
    const { fake, read } = setup({
      image: { fixture: 'oci-manifest', mediaType: OCI_MANIFEST },
      scans: { [IMAGE_DIGEST]: complete() },
      options: { shaTag: 'short', baseSha: BASE_SHA.toUpperCase() },
    });
    await expect(read()).resolves.toMatchObject({ available: true, baseSha: BASE_SHA, tag: 'fedcba9' });
    expect(fake.inputsOf(DescribeImagesCommand)).toEqual([{ ...REF, imageIds: [{ imageTag: 'fedcba9' }] }]);
  });

  test('a base scan still in progress is waited for', async () => {
    const { read } = setup({
      image: { fixture: 'oci-manifest', mediaType: OCI_MANIFEST },
      scans: { [IMAGE_DIGEST]: (call) => (call < 2 ? { imageScanStatus: { status: 'IN_PROGRESS' } } : complete('CVE-1')) },
    });
    await expect(read()).resolves.toMatchObject({ available: true, scans: [{ status: 'COMPLETE', calls: 3 }] });
  });
});

describe('readBaseFindings: no comparison', () => {
  test.each<[string, Partial<BaseLookupOptions>, string]>([
    ['not found (gate: all)', {}, 'No image for the base commit fedcba9 in mlops/app: comparison skipped (gate: all).'],
    [
      'not found (gate: new)',
      { gate: 'new' },
      'No image for the base commit fedcba9 in mlops/app: comparison skipped (gate: new falls back to all).',
    ],
  ])('%s', async (_name, options, note) => {
    const { fake, read } = setup({ options });
    await expect(read()).resolves.toEqual({ available: false, note, baseSha: BASE_SHA });
    expect(fake.commandNames()).toEqual(['DescribeImagesCommand']);
  });

  test.each<[string, Partial<BaseLookupOptions>, string]>([
    ['no base SHA', { baseSha: undefined }, 'The event names no base commit: comparison skipped (gate: all).'],
    ['an empty base SHA', { baseSha: ' ' }, 'The event names no base commit: comparison skipped (gate: all).'],
    [
      'a base SHA that is not 40 hex',
      { baseSha: 'main' },
      'The base commit "main" is not a 40-hex commit SHA: comparison skipped (gate: all).',
    ],
    [
      'sha-tag false',
      { shaTag: 'false' },
      'sha-tag is false, so images carry no commit tag and the base image cannot be found: comparison skipped (gate: all).',
    ],
  ])('%s: no call at all', async (_name, options, note) => {
    const { fake, read } = setup({ options });
    await expect(read()).resolves.toEqual({ available: false, note });
    expect(fake.sent).toEqual([]);
  });

  test.each<[string, DescribeImageScanFindingsResponse, string]>([
    ['FAILED', { imageScanStatus: { status: 'FAILED', description: 'scan failed' } }, 'linux/amd64: FAILED'],
    ['UNSUPPORTED_IMAGE', { imageScanStatus: { status: 'UNSUPPORTED_IMAGE' } }, 'linux/amd64: UNSUPPORTED_IMAGE'],
    ['FINDINGS_UNAVAILABLE', { imageScanStatus: { status: 'FINDINGS_UNAVAILABLE' } }, 'linux/amd64: FINDINGS_UNAVAILABLE'],
  ])('a base scan that ended %s', async (_name, answer, which) => {
    const { logs, read } = setup({ image: { fixture: 'oci-manifest', mediaType: OCI_MANIFEST }, scans: { [IMAGE_DIGEST]: answer } });
    await expect(read()).resolves.toEqual({
      available: false,
      note: `The scan of the image for the base commit fedcba9 in mlops/app did not complete (${which}): comparison skipped (gate: all).`,
      baseSha: BASE_SHA,
    });
    expect(logs.warning).toEqual([]);
  });

  test('a base scan still in progress at the timeout; one incomplete platform of two is enough', async () => {
    const { time, read } = setup({
      image: { fixture: 'oci-index', mediaType: OCI_INDEX },
      scans: { [AMD]: complete('CVE-1'), [ARM]: { imageScanStatus: { status: 'IN_PROGRESS' } } },
      options: { timeoutMs: 30_000 },
    });
    await expect(read()).resolves.toEqual({
      available: false,
      note: 'The scan of the image for the base commit fedcba9 in mlops/app did not complete (linux/arm64: TIMEOUT): comparison skipped (gate: all).',
      baseSha: BASE_SHA,
    });
    expect(time.clock.now()).toBeLessThanOrEqual(30_000);
  });

  test('a manifest that went away after DescribeImages', async () => {
    const fake = new FakeEcrClient()
      .on(DescribeImagesCommand, () => ({ imageDetails: [{ imageDigest: IMAGE_DIGEST, imageManifestMediaType: OCI_MANIFEST }] }))
      .on(BatchGetImageCommand, () => ({
        images: [],
        failures: [
          { imageId: { imageDigest: IMAGE_DIGEST }, failureCode: 'ImageNotFound' as const, failureReason: 'Requested image not found' },
        ],
      }));
    await expect(readBaseFindings(baseOptions(fake))).resolves.toEqual({
      available: false,
      note: `The image for the base commit fedcba9 in mlops/app (${IMAGE_DIGEST}) could not be read (BatchGetImage found no manifest ${IMAGE_DIGEST} in mlops/app: ImageNotFound Requested image not found): comparison skipped (gate: all).`,
      baseSha: BASE_SHA,
    });
  });

  test('an index with no platform manifest (attestations only)', async () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: digestOf('7'),
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    });
    const fake = new FakeEcrClient()
      .on(DescribeImagesCommand, () => ({ imageDetails: [{ imageDigest: IMAGE_DIGEST, imageManifestMediaType: OCI_INDEX }] }))
      .on(BatchGetImageCommand, () => ({ images: [{ imageManifest: index, imageManifestMediaType: OCI_INDEX }] }));
    await expect(readBaseFindings(baseOptions(fake))).resolves.toEqual({
      available: false,
      note: `The image for the base commit fedcba9 in mlops/app (${IMAGE_DIGEST}) has no platform manifest to compare with: comparison skipped (gate: all).`,
      baseSha: BASE_SHA,
    });
  });
});

describe('readBaseFindings: errors that are not a missing base', () => {
  const denied = () =>
    new ECRServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      message: 'User is not authorized to perform: ecr:DescribeImages',
    });

  test('DescribeImages refused: thrown', async () => {
    const fake = new FakeEcrClient().on(DescribeImagesCommand, () => {
      throw denied();
    });
    await expect(readBaseFindings(baseOptions(fake))).rejects.toThrow('not authorized');
  });

  test('BatchGetImage refused: thrown', async () => {
    const fake = new FakeEcrClient()
      .on(DescribeImagesCommand, () => ({ imageDetails: [{ imageDigest: IMAGE_DIGEST }] }))
      .on(BatchGetImageCommand, () => {
        throw denied();
      });
    await expect(readBaseFindings(baseOptions(fake))).rejects.toThrow('not authorized');
  });

  test('DescribeImageScanFindings refused: thrown, naming the permission', async () => {
    const fake = new FakeEcrClient()
      .on(DescribeImagesCommand, () => ({ imageDetails: [{ imageDigest: IMAGE_DIGEST, imageManifestMediaType: OCI_MANIFEST }] }))
      .on(BatchGetImageCommand, () => ({ images: [{ imageManifest: manifestText('oci-manifest'), imageManifestMediaType: OCI_MANIFEST }] }))
      .on(DescribeImageScanFindingsCommand, () => {
        throw denied();
      });
    await expect(readBaseFindings(baseOptions(fake))).rejects.toThrow(
      /AWS credentials or permissions: ecr:DescribeImageScanFindings on mlops\/app/,
    );
  });
});

function baseOptions(fake: FakeEcrClient): BaseLookupOptions {
  const time = new FakeTime();
  return {
    client: fake.client,
    ref: REF,
    baseSha: BASE_SHA,
    shaTag: 'full',
    gate: 'all',
    scanOnPush: true,
    timeoutMs: 60_000,
    clock: time.clock,
    sleep: time.sleep,
    random: seededRandom(3),
    log: captureLog().log,
  };
}
