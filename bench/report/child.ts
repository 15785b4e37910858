// Part 4, inside the measured process (Node 24, bundled like dist/): one scan with many findings
// through what the action does with it — every page read and normalized (waitForFindings with a
// fake ECR client), the ignores, the gate, the report model and every renderer and writer
// (job summary, PR comment, JSON report, SARIF). Prints one JSON line: CPU time per stage, peak
// memory, sizes.
//
// The fake client hands out each page as JSON text parsed on the spot, as a response off the
// network would be (the SDK's own deserializer does a little more). Making the page text is the
// "network", not the action: its CPU time is measured and taken out.
import { DescribeImageScanFindingsCommand } from '@aws-sdk/client-ecr';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeEcrClient, type Response } from '../../__fixtures__/ecr-client.js';
import { buildReport } from '../../src/report/assemble.js';
import { renderComment } from '../../src/report/comment-body.js';
import { writeJsonReport, writeSarifReport } from '../../src/report/files.js';
import { writeJobSummary } from '../../src/report/summary-writer.js';
import { parseIgnoreFile } from '../../src/gate/ignore-file.js';
import { utcDay } from '../../src/gate/ignore.js';
import { waitForFindings } from '../../src/scan/poll.js';
import { sleepUntilAborted } from '../../src/util/sleep.js';
import { decideImage } from '../../src/gate/verdict.js';
import { pageSource, vulnerabilityId, type ScanMode } from './pages.js';
import { parse } from 'yaml';

const TIMEOUT_MS = 600_000;
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function maxRssBytes(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const [mode, totalText, fixtures] = process.argv.slice(2) as [ScanMode, string, string];
  const total = Number(totalText);
  const source = pageSource(fixtures, mode, total);
  let generatorMs = 0;
  let pagesServed = 0;

  const fake = new FakeEcrClient().on(DescribeImageScanFindingsCommand, (input) => {
    const before = cpuMs();
    const text = source.page(source.indexOf(input.nextToken));
    generatorMs += cpuMs() - before;
    pagesServed += 1;
    return JSON.parse(text) as Response<DescribeImageScanFindingsCommand>;
  });

  // 100 ignore-input IDs and a 100-entry ignore file (half expired), as a big project has.
  const ids = Array.from({ length: 100 }, (_, i) => vulnerabilityId(i * 37));
  const ignoreFile = Array.from({ length: 100 }, (_, i) =>
    [
      `- id: ${vulnerabilityId(i * 53 + 1)}`,
      `  reason: benchmark entry ${i}`,
      `  expires: ${i % 2 === 0 ? '2999-01-01' : '2020-01-01'}`,
    ].join('\n'),
  ).join('\n');
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  const summarySink = {
    text: '',
    addRaw(text: string) {
      this.text += text;
      return this;
    },
    async write() {
      return this;
    },
  };

  const baselineRss = maxRssBytes();
  const stages: Record<string, number> = {};
  /** Peak RSS once each stage is done: where the peak was reached. */
  const peakAfter: Record<string, number> = {};
  let mark = cpuMs();
  const stage = (name: string) => {
    const now = cpuMs();
    stages[name] = (stages[name] ?? 0) + now - mark;
    peakAfter[name] = maxRssBytes();
    mark = now;
  };
  const wallStart = performance.now();

  const scans = await waitForFindings({
    client: fake.client,
    ref: { repositoryName: 'bench/big-report' },
    platforms: [{ platform: 'linux/amd64', digest: DIGEST }],
    scanOnPush: true,
    timeoutMs: TIMEOUT_MS,
    clock: { now: () => Date.now() },
    // Only the deadline's own timer waits for real; the settle pause of enhanced scanning is
    // wall-clock time, not CPU time, so it is skipped here.
    sleep: (ms, signal) => (ms >= TIMEOUT_MS - 1000 ? sleepUntilAborted(ms, signal) : Promise.resolve()),
    random: () => 0.5,
    log: { info: () => undefined, warning: (m) => process.stderr.write(`warning: ${m}\n`) },
  });
  stages['read + normalize'] = 0;
  stage('read + normalize');
  stages['read + normalize'] -= generatorMs;

  const today = utcDay(new Date());
  // The verdict as main decides it: ignores, then the gate (no base image to compare with).
  const verdict = decideImage({
    scans,
    ignores: { ids, entries: parseIgnoreFile(ignoreFile, parse), ignoreUnfixed: false, today },
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail' },
  });
  stage('ignore + gate');
  const report = buildReport({
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/bench/big-report',
    digest: DIGEST,
    tags: [],
    build: 'built',
    commit: 'c'.repeat(40),
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false },
    runUrl: 'https://github.com/acme/retail/actions/runs/4242',
    generatedAt: new Date().toISOString(),
    scans,
    decision: verdict.decision,
    ignores: { expired: verdict.expired },
  });
  stage('report model');
  const summaryBytes = await writeJobSummary(report, summarySink, { overwrite: true });
  stage('summary');
  const comment = renderComment(report, '123456789012.dkr.ecr.us-east-1.amazonaws.com/bench/big-report');
  stage('comment');
  const jsonPath = await writeJsonReport(report, path.join(tempDir, 'report.json'));
  stage('JSON');
  const sarifPath = await writeSarifReport(report, path.join(tempDir, 'results.sarif'), { dockerfile: 'Dockerfile' });
  stage('SARIF');
  const wallMs = performance.now() - wallStart;

  const { statSync } = await import('node:fs');
  const result = {
    mode,
    findingsServed: total,
    findingsRead: scans.reduce((sum, scan) => sum + scan.findings.length, 0),
    pagesServed,
    calls: scans[0]?.calls ?? 0,
    status: scans[0]?.status,
    cpuMs: Object.values(stages).reduce((sum, v) => sum + v, 0),
    stages,
    peakAfter,
    generatorMs,
    wallMs,
    peakRssBytes: maxRssBytes(),
    baselineRssBytes: baselineRss,
    summaryBytes,
    summaryTextBytes: Buffer.byteLength(summarySink.text, 'utf8'),
    commentChars: comment.length,
    jsonBytes: statSync(jsonPath).size,
    sarifBytes: statSync(sarifPath).size,
    verdict: report.verdict,
  };
  rmSync(tempDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
