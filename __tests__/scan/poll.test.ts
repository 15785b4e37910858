import { describe, expect, test } from '@jest/globals';
import type { DescribeImageScanFindingsResponse } from '@aws-sdk/client-ecr';
import { SCAN_ON_PUSH_GRACE_MS, SETTLE_DELAY_MS, waitForFindings, type WaitOptions } from '../../src/scan/poll.js';
import { sleepUntilAborted } from '../../src/util/sleep.js';
import {
  BASIC_TOKEN,
  ENHANCED_TOKEN,
  FakeTime,
  ScriptedEcr,
  awsError,
  captureLog,
  networkError,
  page,
  seededRandom,
  status,
  type DigestScript,
  type Step,
} from './fakes.js';

const AMD = 'sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b';
const ARM = 'sha256:0b9dbd3e41f8c6d1f7e2a6c1d7d0f3e8b4a1c5d9e2f7a3b6c8d0e1f2a3b4c5d6';
const REF = { repositoryName: 'mlops/retail-api', registryId: '123456789012' };
const AMD64 = { platform: 'linux/amd64', digest: AMD };
const ARM64 = { platform: 'linux/arm64', digest: ARM };

/** Both basic pages: COMPLETE with 6 findings. */
const basicComplete = (): DigestScript => ({
  describe: [page('basic-complete-page-1.json')],
  pages: { [BASIC_TOKEN]: [page('basic-complete-page-2.json')] },
});
const basicSinglePage = (): Step =>
  page('basic-complete-page-1.json', {
    nextToken: undefined,
    imageScanFindings: { ...page1Findings(), findingSeverityCounts: { CRITICAL: 1, HIGH: 2 } },
  });
const page1Findings = () => {
  const step = page('basic-complete-page-1.json');
  if (!('reply' in step) || !step.reply.imageScanFindings) throw new Error('fixture without findings');
  return step.reply.imageScanFindings;
};

function setup(script: Record<string, DigestScript>, overrides: Partial<WaitOptions> = {}) {
  const time = new FakeTime();
  const ecr = new ScriptedEcr(script, time);
  const logs = captureLog();
  const options: WaitOptions = {
    client: ecr.client,
    ref: REF,
    platforms: [AMD64],
    scanOnPush: true,
    timeoutMs: 600_000,
    clock: time.clock,
    sleep: time.sleep,
    random: seededRandom(7),
    log: logs.log,
    ...overrides,
  };
  return { time, ecr, logs, wait: () => waitForFindings(options) };
}

describe('waitForFindings', () => {
  test.each([
    [
      'one call',
      (): DigestScript => ({ describe: [basicSinglePage()] }),
      /^linux\/amd64: COMPLETE, \d+ findings \(basic scanning, 1 call\)\.$/,
    ],
    ['two calls', basicComplete, /^linux\/amd64: COMPLETE, 6 findings \(basic scanning, 2 calls\)\.$/],
  ])('the log line of a finished scan counts its calls in words (%s)', async (_name, script, line) => {
    const { wait, logs } = setup({ [AMD]: script() });
    await wait();
    expect(logs.info).toContainEqual(expect.stringMatching(line));
  });

  test('a scan already complete is read at once, every page, by platform digest', async () => {
    const { wait, ecr, time, logs } = setup({ [AMD]: basicComplete() });
    const [scan] = await wait();
    expect(scan).toMatchObject({
      platform: 'linux/amd64',
      digest: AMD,
      status: 'COMPLETE',
      complete: true,
      scanType: 'BASIC',
      calls: 2,
      completedAt: '2024-05-14T09:21:07.412Z',
      reportedCounts: { CRITICAL: 1, HIGH: 2, MEDIUM: 1, LOW: 1, INFORMATIONAL: 1 },
    });
    expect(scan.findings.map((f) => f.id)).toEqual([
      'CVE-2023-38545',
      'CVE-2023-0464',
      'CVE-2023-4911',
      'CVE-2023-5678',
      'CVE-2011-3374',
      'CVE-2022-0563',
    ]);
    expect(ecr.calls).toEqual([
      { at: 0, command: 'DescribeImageScanFindings', ...REF, digest: AMD, tag: undefined, nextToken: undefined, maxResults: 1000 },
      { at: 0, command: 'DescribeImageScanFindings', ...REF, digest: AMD, tag: undefined, nextToken: BASIC_TOKEN, maxResults: 1000 },
    ]);
    expect(logs.warning).toEqual([]);
    expect(time.pending).toBe(0);
  });

  test.each([
    ['FAILED', 'An internal service error occurred.'],
    ['UNSUPPORTED_IMAGE', 'UnsupportedImageError: The operating system and/or package manager are not supported.'],
    ['FINDINGS_UNAVAILABLE', 'Findings are unavailable because the image has not been pushed or pulled in the last 30 days.'],
    ['SCAN_ELIGIBILITY_EXPIRED', 'The image is no longer eligible for continuous scanning.'],
    ['LIMIT_EXCEEDED', 'The scan frequency limit has been reached for this image.'],
    ['IMAGE_ARCHIVED', 'The image is archived.'],
  ])('%s after PENDING and IN_PROGRESS is final and incomplete, with ECR’s description', async (final, description) => {
    const { wait, ecr, logs } = setup({ [AMD]: { describe: [status('PENDING'), status('IN_PROGRESS'), status(final, description)] } });
    const [scan] = await wait();
    expect(scan).toMatchObject({ status: final, description, complete: false, findings: [], calls: 3 });
    expect(ecr.calls).toHaveLength(3);
    expect(logs.warning.join('\n')).toContain(final);
  });

  test('a final status without a description gets one that says what it means', async () => {
    const { wait } = setup({ [AMD]: { describe: [status('UNSUPPORTED_IMAGE')] } });
    const [scan] = await wait();
    expect(scan.description).toMatch(/cannot scan this image's operating system/);
  });

  test('the recorded UNSUPPORTED_IMAGE response is final at the first check', async () => {
    const { wait } = setup({ [AMD]: { describe: [page('basic-unsupported-image.json')] } });
    const [scan] = await wait();
    expect(scan).toMatchObject({ status: 'UNSUPPORTED_IMAGE', complete: false, calls: 1 });
  });

  test('checks follow the schedule: at once, then about every second while the wait is short', async () => {
    const inProgress = Array.from({ length: 8 }, () => status('IN_PROGRESS'));
    const { wait, ecr } = setup({ [AMD]: { describe: [...inProgress, page('basic-complete-page-1.json', { nextToken: undefined })] } });
    const [scan] = await wait();
    expect(scan.complete).toBe(true);
    const times = ecr.calls.map((call) => call.at);
    expect(times[0]).toBe(0);
    for (let i = 1; i < times.length; i += 1) {
      const gap = times[i] - times[i - 1];
      expect(gap).toBeGreaterThanOrEqual(900);
      expect(gap).toBeLessThanOrEqual(1000);
    }
  });

  test('a slow call pushes the next check back: never less than 1 s after the last one ended', async () => {
    // 400 ms per call at the 1 s floor: counted from the call's start alone, ECR would see the
    // next call 600 ms after this one's answer left it.
    const slow = (step: Step): Step => ({ ...(step as { reply: DescribeImageScanFindingsResponse }), tookMs: 400 });
    const inProgress = Array.from({ length: 5 }, () => slow(status('IN_PROGRESS')));
    const { wait, ecr } = setup({
      [AMD]: { describe: [...inProgress, slow(page('basic-complete-page-1.json', { nextToken: undefined }))] },
    });
    const [scan] = await wait();
    expect(scan.complete).toBe(true);
    const times = ecr.calls.map((call) => call.at);
    expect(times).toEqual([0, 1_400, 2_800, 4_200, 5_600, 7_000]);
  });

  describe('enhanced scanning', () => {
    test('reads again until two complete reads agree, since findings keep arriving after ACTIVE', async () => {
      const { wait, ecr, logs } = setup(
        {
          [ARM]: {
            describe: [page('enhanced-active-early.json'), page('enhanced-active-page-1.json'), page('enhanced-active-page-1.json')],
            pages: { [ENHANCED_TOKEN]: [page('enhanced-active-page-2.json')] },
          },
        },
        { platforms: [ARM64] },
      );
      const [scan] = await wait();
      // early read (1 call), full read (2 pages), then a read whose first page reports the same
      // counts: the full read stands without paging through again (1 call).
      expect(scan).toMatchObject({ status: 'ACTIVE', complete: true, scanType: 'ENHANCED', calls: 4 });
      // 6 vulnerabilities; two of them in two packages each, braces listed twice (two copies) once.
      expect(scan.findings).toHaveLength(8);
      const firstPages = ecr.calls.filter((call) => call.nextToken === undefined).map((call) => call.at);
      expect(firstPages).toHaveLength(3);
      expect(firstPages[1] - firstPages[0]).toBeGreaterThanOrEqual(SETTLE_DELAY_MS * 0.9);
      expect(logs.warning).toEqual([]);
    });

    test('findings that never settle are reported from the last read at the deadline, with a warning', async () => {
      const early = () => page('enhanced-active-early.json');
      const full = () => page('enhanced-active-page-1.json');
      const { wait, time, logs } = setup(
        {
          [ARM]: {
            describe: Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? early() : full())),
            pages: { [ENHANCED_TOKEN]: [page('enhanced-active-page-2.json')] },
          },
        },
        { platforms: [ARM64], timeoutMs: 10_000 },
      );
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'ACTIVE', complete: true });
      expect(logs.warning.join('\n')).toMatch(/still adding findings/);
      expect(time.clock.now()).toBeLessThanOrEqual(10_000);
    });
  });

  test('a count that differs from findingSeverityCounts is a warning; the findings read count', async () => {
    const { wait, logs } = setup({ [AMD]: { describe: [page('basic-complete-page-1.json', { nextToken: undefined })] } });
    const [scan] = await wait();
    expect(scan.findings).toHaveLength(3);
    expect(logs.warning).toEqual([
      expect.stringMatching(
        /ECR reports 6 findings \(CRITICAL 1, HIGH 2, MEDIUM 1, LOW 1, INFORMATIONAL 1\) but 3 findings \(CRITICAL 1, HIGH 2\) were read/,
      ),
    ]);
  });

  test('a page that fails with throttling is read again, with every page, in the next round', async () => {
    const { wait, ecr } = setup({
      [AMD]: {
        describe: [page('basic-complete-page-1.json')],
        pages: { [BASIC_TOKEN]: [awsError('ThrottlingException'), page('basic-complete-page-2.json')] },
      },
    });
    const [scan] = await wait();
    expect(scan).toMatchObject({ complete: true, calls: 4, retries: 1 });
    expect(scan.findings).toHaveLength(6);
    expect(ecr.calls.map((call) => call.nextToken)).toEqual([undefined, BASIC_TOKEN, undefined, BASIC_TOKEN]);
  });

  describe('right after a push', () => {
    test.each([['ScanNotFoundException'], ['ImageNotFoundException']])('%s is waited out', async (name) => {
      const notYet = Array.from({ length: 5 }, () => awsError(name));
      const { wait, ecr } = setup({ [AMD]: { describe: [...notYet, status('IN_PROGRESS'), basicSinglePage()] } });
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'COMPLETE', complete: true, calls: 7 });
      expect(ecr.callsFor(AMD, 'StartImageScan')).toEqual([]);
    });

    test.each([
      ['StartImageScan succeeds', [] as Step[]],
      ['StartImageScan is refused with ValidationException', [awsError('ValidationException')]],
    ])('with scan-on-push, a scan still missing after ~15 s is started once (%s)', async (_name, start) => {
      const { wait, ecr } = setup(
        {
          [AMD]: {
            describe: [awsError('ScanNotFoundException')],
            start: start.length > 0 ? start : undefined,
            afterStart: [status('IN_PROGRESS'), basicSinglePage()],
          },
        },
        { timeoutMs: 60_000 },
      );
      const [scan] = await wait();
      const starts = ecr.callsFor(AMD, 'StartImageScan');
      expect(starts).toHaveLength(1);
      expect(starts[0].at).toBeGreaterThan(SCAN_ON_PUSH_GRACE_MS);
      expect(starts[0].at).toBeLessThan(SCAN_ON_PUSH_GRACE_MS + 2_000);
      // A refused start leaves the scan missing until the deadline; a started one completes.
      expect(scan.status).toBe(start.length > 0 ? 'TIMEOUT' : 'COMPLETE');
    });
  });

  describe('scan-on-push off', () => {
    test('each platform manifest’s scan is started first, then polled', async () => {
      const { wait, ecr } = setup(
        {
          [AMD]: { describe: [status('IN_PROGRESS'), basicSinglePage()] },
          [ARM]: { describe: [status('IN_PROGRESS'), basicSinglePage()] },
        },
        { scanOnPush: false, platforms: [AMD64, ARM64] },
      );
      const scans = await wait();
      expect(scans.map((scan) => [scan.platform, scan.status, scan.calls])).toEqual([
        ['linux/amd64', 'COMPLETE', 3],
        ['linux/arm64', 'COMPLETE', 3],
      ]);
      for (const digest of [AMD, ARM]) {
        expect(ecr.calls.filter((call) => call.digest === digest).map((call) => call.command)).toEqual([
          'StartImageScan',
          'DescribeImageScanFindings',
          'DescribeImageScanFindings',
        ]);
      }
    });

    test('LimitExceededException with a scan already there: the scan is read', async () => {
      const { wait } = setup(
        { [AMD]: { start: [awsError('LimitExceededException')], describe: [status('IN_PROGRESS'), basicSinglePage()] } },
        { scanOnPush: false },
      );
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'COMPLETE', complete: true });
    });

    test('LimitExceededException and no scan: LIMIT_EXCEEDED, saying so plainly', async () => {
      const { wait, time } = setup(
        { [AMD]: { start: [awsError('LimitExceededException')], describe: [awsError('ScanNotFoundException')] } },
        { scanOnPush: false },
      );
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'LIMIT_EXCEEDED', complete: false, calls: 2 });
      expect(scan.description).toMatch(/one manual scan \(StartImageScan\) per image per day/);
      expect(time.clock.now()).toBe(0);
    });

    test('a StartImageScan that is throttled is tried again before polling', async () => {
      const { wait, ecr } = setup(
        {
          [AMD]: {
            start: [awsError('ThrottlingException'), { reply: { imageScanStatus: { status: 'IN_PROGRESS' } } }],
            describe: [basicSinglePage()],
          },
        },
        { scanOnPush: false },
      );
      const [scan] = await wait();
      expect(scan).toMatchObject({ complete: true, retries: 1 });
      expect(ecr.calls.map((call) => call.command)).toEqual(['StartImageScan', 'StartImageScan', 'DescribeImageScanFindings']);
    });
  });

  test.each([
    ['ThrottlingException', awsError('ThrottlingException')],
    ['a 5xx ServerException', awsError('ServerException', { fault: 'server', httpStatusCode: 500 })],
    ['an unmodelled 503', awsError('ServiceUnavailable', { fault: 'server', httpStatusCode: 503 })],
    ['the SDK’s TimeoutError', { error: Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }) }],
    ['a reset connection', networkError('ECONNRESET')],
    ['a DNS failure', networkError('EAI_AGAIN')],
  ] as Array<[string, Step]>)('%s is retried per the schedule and counted', async (_name, failure) => {
    const { wait, ecr } = setup({ [AMD]: { describe: [failure, failure, failure, basicSinglePage()] } });
    const [scan] = await wait();
    expect(scan).toMatchObject({ status: 'COMPLETE', complete: true, calls: 4, retries: 3 });
    expect(ecr.calls[3].at).toBeGreaterThanOrEqual(2_700);
  });

  test('throttling that never ends times out, saying so', async () => {
    const { wait } = setup({ [AMD]: { describe: [awsError('ThrottlingException')] } }, { timeoutMs: 30_000 });
    const [scan] = await wait();
    expect(scan.status).toBe('TIMEOUT');
    expect(scan.description).toMatch(/last answer was ThrottlingException \(\d+ calls retried\)/);
  });

  test.each([
    ['UnrecognizedClientException', 'DescribeImageScanFindings', true],
    ['InvalidSignatureException', 'DescribeImageScanFindings', true],
    ['AccessDeniedException', 'DescribeImageScanFindings', true],
    ['ExpiredTokenException', 'DescribeImageScanFindings', true],
    ['AccessDeniedException', 'StartImageScan', false],
  ])('%s from %s throws at once about AWS credentials/permissions', async (name, action, scanOnPush) => {
    const refusal = awsError(name, { httpStatusCode: 403 });
    const { wait, time } = setup(
      {
        [AMD]: { describe: [refusal], start: [refusal] },
        [ARM]: { describe: [status('IN_PROGRESS')] },
      },
      { platforms: [AMD64, ARM64], scanOnPush },
    );
    await expect(wait()).rejects.toThrow(
      new RegExp(`^AWS credentials or permissions: ecr:${action} on mlops/retail-api .*${name}.*allows ecr:${action}`),
    );
    expect(time.clock.now()).toBe(0);
    expect(time.pending).toBe(0);
  });

  test('an unexpected error stops the wait with a message naming it', async () => {
    const { wait } = setup({ [AMD]: { describe: [awsError('RepositoryNotFoundException')] } });
    await expect(wait()).rejects.toThrow(/DescribeImageScanFindings for linux\/amd64 .* failed with RepositoryNotFoundException/);
  });

  describe('the deadline', () => {
    test('a scan that never finishes times out at scan-timeout, naming the last status and the seconds waited', async () => {
      const { wait, ecr, time } = setup({ [AMD]: { describe: [status('IN_PROGRESS')] } }, { timeoutMs: 60_000 });
      const [scan] = await wait();
      expect(scan).toMatchObject({
        status: 'TIMEOUT',
        complete: false,
        description: 'No final scan status within 60 s (scan-timeout); the last status was IN_PROGRESS.',
      });
      expect(time.clock.now()).toBe(60_000);
      expect(ecr.calls.every((call) => call.at < 60_000)).toBe(true);
      // The schedule backs off: far fewer than one call a second over a minute.
      expect(scan.calls).toBeLessThanOrEqual(40);
      expect(scan.calls).toBe(ecr.calls.length);
      expect(time.pending).toBe(0);
    });

    test('a scan never found times out saying so', async () => {
      const { wait } = setup({ [AMD]: { describe: [awsError('ImageNotFoundException')] } }, { timeoutMs: 5_000 });
      const [scan] = await wait();
      expect(scan.description).toMatch(/within 5 s .*ImageNotFoundException/);
    });

    test.each([
      ['a call that honours the abort signal', true],
      ['a call that ignores it', false],
    ])('a hung call is cut off at the deadline (%s)', async (_name, honoursAbort) => {
      const { wait, time } = setup({ [AMD]: { describe: [status('IN_PROGRESS'), { hang: { honoursAbort } }] } }, { timeoutMs: 20_000 });
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'TIMEOUT', complete: false, calls: 2 });
      expect(scan.description).toMatch(/within 20 s .*last status was IN_PROGRESS/);
      expect(time.clock.now()).toBe(20_000);
    });

    test('a first call that hangs says ECR had not answered', async () => {
      const { wait } = setup({ [AMD]: { describe: [{ hang: { honoursAbort: true } }] } }, { timeoutMs: 20_000 });
      const [scan] = await wait();
      expect(scan.description).toMatch(/had not answered/);
    });

    test('all platforms share one deadline and are waited on together', async () => {
      const { wait, ecr, time } = setup(
        {
          [AMD]: { describe: [status('IN_PROGRESS'), status('IN_PROGRESS'), basicSinglePage()] },
          [ARM]: { describe: [status('IN_PROGRESS')] },
        },
        { platforms: [AMD64, ARM64], timeoutMs: 30_000 },
      );
      const scans = await wait();
      expect(scans.map((scan) => [scan.platform, scan.status])).toEqual([
        ['linux/amd64', 'COMPLETE'],
        ['linux/arm64', 'TIMEOUT'],
      ]);
      expect(ecr.calls.slice(0, 2).map((call) => [call.at, call.digest])).toEqual([
        [0, AMD],
        [0, ARM],
      ]);
      expect(time.clock.now()).toBe(30_000);
    });

    test('an unknown status is waited on, then reported as ECR said it', async () => {
      const { wait, logs } = setup({ [AMD]: { describe: [status('QUEUED_FOR_REVIEW', 'Something new.')] } }, { timeoutMs: 15_000 });
      const [scan] = await wait();
      expect(scan).toMatchObject({ status: 'QUEUED_FOR_REVIEW', complete: false });
      expect(scan.description).toMatch(
        /QUEUED_FOR_REVIEW is not one this action knows, and it did not change within 15 s \(Something new\)/,
      );
      expect(logs.warning.filter((line) => line.includes('waiting for it to change'))).toHaveLength(1);
    });

    test('a response without a status is waited on like IN_PROGRESS', async () => {
      const { wait } = setup({ [AMD]: { describe: [{ reply: {} }, basicSinglePage()] } });
      const [scan] = await wait();
      expect(scan.status).toBe('COMPLETE');
    });
  });
});

describe('sleepUntilAborted', () => {
  test('ends at once, without error, when its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = sleepUntilAborted(3_600_000, controller.signal);
    controller.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});
