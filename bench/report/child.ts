// Part 4, inside the measured process (Node 24, bundled like dist/): one scan with many findings
// through what the action does with it — every page read and normalized (waitForFindings with a
// fake ECR client), the ignores, the gate, the report model and every renderer and writer
// (job summary, PR comment, JSON report, SARIF). Then, in the same process, the reference the
// target is a ratio to: the least any job must do with those findings (see `leastWork`). Prints
// one JSON line: CPU time per stage, the reference's CPU time, peak memory, sizes.
//
// The fake client hands out each page as JSON text parsed on the spot, as a response off the
// network would be (the SDK's own deserializer does a little more). Making the page text is the
// "network", not the action: its CPU time is measured and taken out.
import { DescribeImageScanFindingsCommand } from '@aws-sdk/client-ecr';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
import { pageSource, vulnerabilityId, type PageSource, type ScanMode } from './pages.js';
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

/** What the action's run left for the reference: the pages it read, in order, and its two files. */
interface ActionDone {
  result: Record<string, unknown>;
  served: number[];
  jsonPath: string;
  sarifPath: string;
}

/** The action's work, measured. Nothing it made outlives it but the files and the numbers. */
async function theAction(mode: ScanMode, total: number, source: PageSource, tempDir: string): Promise<ActionDone> {
  let generatorMs = 0;
  const served: number[] = [];

  const fake = new FakeEcrClient().on(DescribeImageScanFindingsCommand, (input) => {
    const before = cpuMs();
    const index = source.indexOf(input.nextToken);
    const text = source.page(index);
    generatorMs += cpuMs() - before;
    served.push(index);
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

  const result = {
    mode,
    findingsServed: total,
    findingsRead: scans.reduce((sum, scan) => sum + scan.findings.length, 0),
    pagesServed: served.length,
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
  return { result, served, jsonPath, sarifPath };
}

/**
 * The reference of part 4's target: the least any job must do with these findings, timed in
 * this process after the action's work (and after its peak memory was read). Three parts:
 *   - `JSON.parse` of every page's text the action read, in the same order (the pages are made
 *     again first, untimed, as for the action);
 *   - `JSON.stringify` of the JSON report and of the SARIF log: plain JSON.stringify of the very
 *     data the action wrote, read back from its two files and parsed untimed (the JSON report
 *     with an indent of 2 and SARIF without, as the files are, so the text is the files' own
 *     byte for byte). Neither the project's toJsonReport nor renderSarif runs here: turning
 *     findings into those shapes is the action's work, not the reference's.
 * Writing the files is left out. The heap is collected first (untimed), so that the garbage the
 * action left is not charged to the reference.
 */
function leastWork(source: PageSource, served: readonly number[], jsonPath: string, sarifPath: string): Record<string, number> {
  collectGarbage();
  let parseMs = 0;
  let findings = 0;
  for (const index of served) {
    const text = source.page(index);
    const before = cpuMs();
    const page = JSON.parse(text) as { imageScanFindings?: { findings?: unknown[]; enhancedFindings?: unknown[] } };
    parseMs += cpuMs() - before;
    findings += (page.imageScanFindings?.findings ?? page.imageScanFindings?.enhancedFindings ?? []).length;
  }
  if (findings === 0) throw new Error('the reference parsed no findings');
  const stringify = (file: string, indent: number): number => {
    const written = readFileSync(file, 'utf8');
    const value: unknown = JSON.parse(written);
    const before = cpuMs();
    const text = JSON.stringify(value, null, indent);
    const spent = cpuMs() - before;
    if (`${text}\n` !== written) process.stderr.write(`warning: JSON.stringify of ${path.basename(file)} is not the file's text\n`);
    return spent;
  };
  return {
    'parse the pages': parseMs,
    'stringify the JSON report': stringify(jsonPath, 2),
    'stringify the SARIF log': stringify(sarifPath, 0),
  };
}

/** A full collection, outside any timing; without --expose-gc, one made available for this. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc === 'function') (gc as () => void)();
}

async function main(): Promise<void> {
  const [mode, totalText, fixtures] = process.argv.slice(2) as [ScanMode, string, string];
  const total = Number(totalText);
  const source = pageSource(fixtures, mode, total);
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  try {
    const { result, served, jsonPath, sarifPath } = await theAction(mode, total, source, tempDir);
    const reference = leastWork(source, served, jsonPath, sarifPath);
    const referenceCpuMs = Object.values(reference).reduce((sum, v) => sum + v, 0);
    process.stdout.write(`${JSON.stringify({ ...result, reference, referenceCpuMs })}\n`);
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
