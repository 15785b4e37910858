import { describe, expect, test } from '@jest/globals';
import { SUMMARY_BUDGET_BYTES, renderSummary } from '../../src/report/summary.js';
import { HOSTILE } from '../../__fixtures__/reports/hostile.js';
import {
  SAMPLE_REPORTS,
  cleanReport,
  comparedReport,
  failedReport,
  hostileReport,
  ignoredReport,
  incompleteReport,
  largeReport,
  multiPlatformReport,
  noBaseReport,
  skippedReport,
} from '../../__fixtures__/reports/index.js';
import { expectGolden } from './golden.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('renderSummary goldens', () => {
  test.each(Object.keys(SAMPLE_REPORTS))('%s', (name) => {
    const report = SAMPLE_REPORTS[name];
    if (!report) throw new Error(name);
    expectGolden(`summary/${name}.md`, renderSummary(report));
  });
});

describe('renderSummary', () => {
  test.each([
    ['passed', cleanReport, '## ✅ ECR scan passed: mlops/retail-api'],
    ['failed', failedReport, '## ❌ ECR scan failed: mlops/retail-api'],
    ['incomplete', incompleteReport, '## ⚠️ ECR scan incomplete: mlops/retail-api'],
    ['skipped', skippedReport, '## ⏭ ECR scan skipped: mlops/retail-api'],
  ])('the first line gives the verdict: %s', (_name, report, first) => {
    expect(renderSummary(report).split('\n')[0]).toBe(first);
  });

  test('the findings that failed the gate come first, then the others, then the ignored', () => {
    const text = renderSummary(ignoredReport);
    const order = ['expired', '### Findings (1)', 'Ignored findings (3)'].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const failed = renderSummary(failedReport);
    expect(failed.indexOf('### Findings that failed the gate (2)')).toBeLessThan(failed.indexOf('<summary>Other findings (4)</summary>'));
  });

  test('a comparison leads with the difference, then new findings, the rest folded', () => {
    const text = renderSummary(comparedReport);
    expect(text).toContain('this image **adds 1 CRITICAL and 1 MEDIUM, fixes 2 HIGH and 1 LOW**');
    const order = [
      'this image **adds',
      '### New findings (2)',
      '<summary>Fixed since the base image (3)</summary>',
      '<summary>Other findings, already in the base image (1)</summary>',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('no base image says why', () => {
    expect(renderSummary(noBaseReport)).toContain(
      'No image for the base commit fedcba9 in mlops/retail-api: comparison skipped (gate: all).',
    );
  });

  test('the same vulnerability on two platforms is one row naming both', () => {
    const text = renderSummary(multiPlatformReport);
    expect(text).toMatch(/\| \[CVE-2023-4911\]\([^)]*\) \| `glibc` \| `2\.35-0ubuntu3\.1` \| — \| linux\/amd64, linux\/arm64 \|/);
    expect(text).toContain('| **All platforms** |');
  });

  test('hostile strings stay inside their cells', () => {
    const text = renderSummary(hostileReport);
    expect(text).not.toMatch(/<(?!\/?(details|summary|sub)>)/); // no HTML but our own
    expect(text).not.toMatch(/(?<!\\)\]\(javascript:/); // only escaped brackets before it
    expect(text).not.toContain('@octocat');
    expect(text).not.toContain(HOSTILE.longText);
    // Every table row has as many unescaped pipes as its header.
    for (const table of text.split('\n\n').filter((block) => block.startsWith('| '))) {
      const pipes = table.split('\n').map((row) => (row.replace(/\\\\/g, '').replace(/\\\|/g, '').match(/\|/g) ?? []).length);
      expect(new Set(pipes).size).toBe(1);
    }
  });

  test('thousands of findings are cut with a line saying how many and where the rest is', () => {
    const text = renderSummary(largeReport(5000));
    expect(text).toMatch(/_…and [\d,]+ more findings not shown here\. The full list is in the report file `[^`]+report\.json`\._/);
    expect(
      text.split('\n').filter((line) => line.startsWith('| 🔴') || line.startsWith('| 🟠') || line.startsWith('| 🟡')).length,
    ).toBeLessThanOrEqual(250);
  });

  test.each([1_000, 20_000, 100_000])('%d findings stay within the byte budget', (count) => {
    const text = renderSummary(largeReport(count, { descriptionLength: 2000 }));
    expect(bytes(text)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    // The list was cut (so the budget is what held it), and says so.
    expect(text).toMatch(/_…and [\d,]+ more findings not shown here\./);
  });

  test('the hard budget holds even when rows are allowed without bound', () => {
    const report = largeReport(20_000);
    const text = renderSummary(report, { maxRows: 100_000, maxBytes: 200_000 });
    expect(bytes(text)).toBeLessThanOrEqual(200_000);
    expect(text).toContain('not shown here');
  });

  test('a budget smaller than the header still gives valid, closed output', () => {
    const text = renderSummary(comparedReport, { maxBytes: 600 });
    expect(bytes(text)).toBeLessThanOrEqual(600);
    expect(text).toContain("_The summary was cut to fit GitHub's size limit.");
    expect((text.match(/<details>/g) ?? []).length).toBe((text.match(/<\/details>/g) ?? []).length);
  });
});
