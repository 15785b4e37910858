// The scan phase, for one image and for three: every image's scans waited for at once under one
// deadline, one status check a second per repository, each image's findings judged.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeImageScanFindingsCommand } from '@aws-sdk/client-ecr';
import * as core from '../../__fixtures__/core.js';
import { digestOf, ecrFinding, emptyRegistry, fakeEcr, imagesInputs, repositoriesOf } from '../../__fixtures__/pipeline.js';
import { imageRunOf, stepOf } from '../../__fixtures__/steps.js';
import type { ImageRun, Session } from '../../src/steps/types.js';
import { FakeTime } from '../scan/fakes.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { scanImages } = await import('../../src/steps/scan.js');

beforeEach(() => {
  jest.clearAllMocks();
});

/** The runs as the phases before the scan leave them: each image pushed, on the platforms given. */
function runsOf(count: 1 | 3, platforms: (repository: string) => Record<string, string>): ImageRun[] {
  return repositoriesOf(count).map((repository) => ({
    ...imageRunOf(repository),
    platforms: Object.entries(platforms(repository)).map(([platform, digest]) => ({ platform, digest })),
  }));
}

describe.each([1, 3] as const)('scans, %i image(s)', (count) => {
  test('every image scanned and judged; its lines named by the image when there are several', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    registry.scans[digestOf('shop/api/amd64')] = [ecrFinding('CVE-2024-0001', 'CRITICAL')];
    const ecr = fakeEcr(registry);
    const time = new FakeTime();
    const step = stepOf(imagesInputs(count), { deps: { clock: time.clock, sleep: time.sleep } });
    const images = runsOf(count, (r) => ({ 'linux/amd64': digestOf(`${r}/amd64`) }));
    await scanImages(step, { client: ecr.client } as Session, images);

    expect(images.map((image) => image.scanned?.verdict.decision.verdict)).toEqual([
      'failed',
      ...(count === 3 ? ['passed', 'passed'] : []),
    ]);
    expect(core.group.mock.calls.map(([title]) => title)).toEqual([
      count === 1 ? "Wait for ECR's scan (1 platform)" : "Wait for ECR's scans (3 images)",
    ]);
    const complete = core.info.mock.calls.map(([line]) => line).filter((line) => line.includes('COMPLETE, '));
    expect(complete).toHaveLength(count);
    if (count === 3) expect(complete.every((line) => /^(api|worker|model): linux\/amd64: COMPLETE/.test(line))).toBe(true);
  });

  test('scans that never finish end at one deadline for every image: TIMEOUT, each', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const images = runsOf(count, (r) => ({ 'linux/amd64': digestOf(`${r}/amd64`) }));
    for (const image of images) registry.scans[image.platforms![0]!.digest] = 'pending';
    const time = new FakeTime();
    const step = stepOf({ ...imagesInputs(count), 'scan-timeout': '20' }, { deps: { clock: time.clock, sleep: time.sleep } });
    await scanImages(step, { client: fakeEcr(registry).client } as Session, images);

    expect(images.map((image) => image.scanned?.scans[0]?.status)).toEqual(images.map(() => 'TIMEOUT'));
    expect(time.clock.now()).toBeLessThanOrEqual(20_000);
  });

  test('two platforms in a repository: one status check a second between them', async () => {
    const registry = emptyRegistry(repositoriesOf(count));
    const images = runsOf(count, (r) => ({ 'linux/amd64': digestOf(`${r}/amd64`), 'linux/arm64': digestOf(`${r}/arm64`) }));
    for (const image of images) for (const p of image.platforms!) registry.scans[p.digest] = 'pending';
    const ecr = fakeEcr(registry);
    const time = new FakeTime();
    const at: Record<string, number[]> = {};
    ecr.on(DescribeImageScanFindingsCommand, (input) => {
      (at[input.repositoryName!] ??= []).push(time.clock.now());
      return { imageScanStatus: { status: 'IN_PROGRESS' as const } };
    });
    const step = stepOf({ ...imagesInputs(count), 'scan-timeout': '15' }, { deps: { clock: time.clock, sleep: time.sleep } });
    await scanImages(step, { client: ecr.client } as Session, images);

    expect(Object.keys(at).sort()).toEqual([...repositoriesOf(count)].sort());
    for (const calls of Object.values(at)) {
      expect(calls.length).toBeGreaterThanOrEqual(8);
      const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    }
  });
});
