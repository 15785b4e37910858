// Issue 3: the scan gate, end to end against the stack.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pushEvent, runAction, workflowCommands } from './harness.js';
import { CRITICAL, HIGH, MEDIUM, findingsWorkspace } from './fixtures.js';
import { ecrCalls, putRepository, stackEnv, uniqueRepository } from './stack.js';

interface JsonReport {
  scan: { status: string };
  findings: Array<{ id: string; severity: string; package?: string; platform: string; ignored?: { by: string; reason: string } }>;
}

function readReport(run: { artifacts: { report?: string } }): JsonReport {
  if (run.artifacts.report === undefined) throw new Error('the action wrote no report file');
  return JSON.parse(run.artifacts.report) as JsonReport;
}

async function scanCase(
  name: string,
  options: {
    findings?: string;
    arm64?: string;
    generate?: string;
    inputs?: Record<string, string>;
    scenario?: Record<string, unknown>;
    files?: Record<string, string>;
  } = {},
) {
  const repository = uniqueRepository(name);
  await putRepository(repository, { scenario: { scanDelayMs: 300, ...options.scenario } });
  const buildArgs = [
    `FINDINGS=${options.findings ?? ''}`,
    `FINDINGS_ARM64=${options.arm64 ?? ''}`,
    `GENERATE=${options.generate ?? ''}`,
  ].join('\n');
  const run = await runAction({
    inputs: { repository, 'build-args': buildArgs, ...options.inputs },
    event: pushEvent(),
    files: findingsWorkspace(options.files),
  });
  return { repository, run };
}

describe('scan gate', () => {
  test('a clean image passes, with COMPLETE and zero counts', async () => {
    const { run } = await scanCase('clean');
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('COMPLETE');
    expect([run.outputs.critical, run.outputs.high, run.outputs.medium, run.outputs.low]).toEqual(['0', '0', '0', '0']);
    expect(readReport(run).findings).toEqual([]);
    expect(run.summary).toMatch(/passed/i);
  });

  test('a CRITICAL fails the step, with the report, SARIF, summary and outputs written first', async () => {
    const { run } = await scanCase('critical', { findings: `${CRITICAL};${HIGH}`, inputs: { sarif: 'results.sarif' } });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('CVE-2024-0001');
    expect(run.outputs.critical).toBe('1');
    expect(run.outputs.high).toBe('1');
    const report = readReport(run);
    expect(report.findings.map((f) => f.id).sort()).toEqual(['CVE-2024-0001', 'CVE-2024-0002']);
    const sarif = JSON.parse(readFileSync(path.join(run.workspace, 'results.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(run.outputs.sarif).toBe(path.join(run.workspace, 'results.sarif'));
    expect(run.summary).toContain('CVE-2024-0001');
    expect(run.summary).toMatch(/failed/i);
  });

  test.each([
    ['default threshold CRITICAL: a HIGH passes', {}, 0],
    ['threshold HIGH: a HIGH fails', { 'severity-threshold': 'HIGH' }, 1],
    ['threshold NONE: never fails', { 'severity-threshold': 'NONE' }, 0],
  ])('%s', async (_name, inputs, exitCode) => {
    const { run } = await scanCase('high', { findings: `${HIGH};${MEDIUM}`, inputs });
    expect(run.main.exitCode).toBe(exitCode);
    expect(run.outputs.high).toBe('1');
  });

  test('ignore input and an ignore file: ignored findings are reported, not gating; an expired entry counts again and warns', async () => {
    const ignoreFile = [
      '- id: CVE-2024-0002',
      '  reason: zlib is not reachable in this image',
      '  expires: 2999-01-01',
      '- id: CVE-2024-0003',
      '  reason: waiting for curl 8.1',
      '  expires: 2020-01-01',
      '',
    ].join('\n');
    const { run } = await scanCase('ignore', {
      findings: `${CRITICAL};${HIGH};${MEDIUM}`,
      inputs: { ignore: 'CVE-2024-0001', 'severity-threshold': 'MEDIUM' },
      files: { '.ecr-scan-ignore.yml': ignoreFile },
    });
    // CRITICAL ignored by input, HIGH by the file, MEDIUM's ignore expired: MEDIUM fails at MEDIUM.
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs.ignored).toBe('2');
    expect(run.outputs.critical).toBe('0');
    expect(run.outputs.medium).toBe('1');
    const warnings = workflowCommands(run.main.log, 'warning').join('\n');
    expect(warnings).toContain('CVE-2024-0003');
    expect(warnings).toContain('waiting for curl 8.1');
    const report = readReport(run);
    expect(report.findings.find((f) => f.id === 'CVE-2024-0002')?.ignored?.reason).toBe('zlib is not reachable in this image');
    expect(workflowCommands(run.main.log, 'error')[0]).toContain('CVE-2024-0003');
  });

  test('a scan IN_PROGRESS for several seconds is waited out', async () => {
    const { run, repository } = await scanCase('slow', { findings: HIGH, scenario: { scanDelayMs: 4000 } });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('COMPLETE');
    expect(run.outputs.high).toBe('1');
    const polls = (await ecrCalls(repository)).filter((c) => c.operation === 'DescribeImageScanFindings');
    expect(polls.length).toBeGreaterThan(1);
    expect(polls.length).toBeLessThan(12); // backs off: not a tight loop
  });

  test('a scan that never ends, scan-timeout 3: fails within seconds with TIMEOUT', async () => {
    const started = Date.now();
    const { run } = await scanCase('timeout', { scenario: { neverCompletes: true }, inputs: { 'scan-timeout': '3' } });
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(workflowCommands(run.main.log, 'error')[0]).toMatch(/did not complete|TIMEOUT|timed out/i);
    expect(readReport(run).scan.status).toBe('TIMEOUT');
    expect(run.reportSurvivedPost).toBe(false); // post removes the action's temp files
    expect(Date.now() - started).toBeLessThan(120_000);
  });

  test('the same never-ending scan with on-scan-incomplete: warn passes with a warning', async () => {
    const { run } = await scanCase('timeout-warn', {
      scenario: { neverCompletes: true },
      inputs: { 'scan-timeout': '3', 'on-scan-incomplete': 'warn' },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('TIMEOUT');
    expect(workflowCommands(run.main.log, 'warning').join('\n')).toMatch(/did not complete|TIMEOUT|timed out/i);
  });

  test('throttling on the first calls is retried', async () => {
    const { run, repository } = await scanCase('throttle', {
      findings: HIGH,
      scenario: { throttle: { operations: ['DescribeImageScanFindings'], count: 5 } },
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs.high).toBe('1');
    const throttled = (await ecrCalls(repository)).filter((c) => c.error === 'ThrottlingException');
    expect(throttled.length).toBe(5);
  });

  test('2,500 findings over pages are counted exactly', async () => {
    const { run, repository } = await scanCase('many', { generate: 'HIGH=2000,LOW=500' });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs.high).toBe('2000');
    expect(run.outputs.low).toBe('500');
    expect(readReport(run).findings).toHaveLength(2500);
    const pages = (await ecrCalls(repository)).filter((c) => c.operation === 'DescribeImageScanFindings' && !c.error);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
  });

  test('enhanced scanning findings (Inspector shape, pages of 100, settling counts)', async () => {
    const { run } = await scanCase('enhanced', {
      findings: `${CRITICAL};CVE-2024-0009|HIGH|glibc|2.36|`,
      generate: 'MEDIUM=150',
      scenario: { scanType: 'ENHANCED', enhancedSettleReads: 1 },
      inputs: { 'ignore-unfixed': 'true', 'severity-threshold': 'HIGH', ignore: 'CVE-2024-0001' },
    });
    // glibc has no fix: ignored by ignore-unfixed, so nothing at HIGH or above gates.
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs['scan-status']).toBe('ACTIVE');
    // The stand-in's generated findings have no fix every fifth one: 30 of the 150 are ignored-unfixed.
    expect(run.outputs.medium).toBe('120');
    expect(run.outputs.ignored).toBe('32');
    const report = readReport(run);
    expect(report.findings.find((f) => f.id === 'CVE-2024-0009')?.ignored?.by).toBe('unfixed');
  });

  test('two platforms, only arm64 carries the CRITICAL: the gate fails and names that platform', async () => {
    const { run } = await scanCase('two-platforms', {
      findings: HIGH,
      arm64: CRITICAL,
      inputs: { builder: stackEnv().REMOTE_BUILDER, platforms: 'linux/amd64,linux/arm64' },
    });
    expect(run.main.exitCode).toBe(1);
    expect(Object.keys(JSON.parse(run.outputs['platform-digests']) as object).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(run.outputs.critical).toBe('1');
    expect(run.outputs.high).toBe('1'); // on both platforms, counted once
    const error = workflowCommands(run.main.log, 'error')[0];
    expect(error).toContain('linux/arm64');
    expect(error).not.toContain('linux/amd64');
    const report = readReport(run);
    expect(
      report.findings
        .filter((f) => f.id === 'CVE-2024-0002')
        .map((f) => f.platform)
        .sort(),
    ).toEqual(['linux/amd64', 'linux/arm64']);
  });
});
