import { describe, expect, test } from '@jest/globals';
import { jsonReportChunks, renderJsonReport, toJsonReport } from '../../src/report/json.js';
import {
  comparedReport,
  failedReport,
  ignoredReport,
  multiPlatformReport,
  largeReport,
  riskRefusedReport,
  riskReportSample,
} from '../../__fixtures__/reports/index.js';
import { expectGolden } from './golden.js';

describe('renderJsonReport goldens', () => {
  test.each([
    ['failed', failedReport],
    ['ignored', ignoredReport],
    ['multi-platform', multiPlatformReport],
    ['compared', comparedReport],
    ['risk', riskReportSample],
    ['risk-refused', riskRefusedReport],
  ])('%s', (name, report) => {
    expectGolden(`json/${name}.json`, renderJsonReport(report));
  });
});

describe('renderJsonReport', () => {
  test('keeps every finding, ignored ones marked, however many', () => {
    const report = largeReport(10_000);
    const parsed = JSON.parse(renderJsonReport(report)) as { findings: Array<{ ignored?: { by: string } }> };
    expect(parsed.findings).toHaveLength(10_000);
    expect(parsed.findings.filter((f) => f.ignored).length).toBe(report.findings.filter((f) => f.ignored).length);
  });

  test('key order does not depend on the order the model was built in', () => {
    const reversed = Object.fromEntries(Object.entries(failedReport).reverse()) as typeof failedReport;
    reversed.findings = failedReport.findings.map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f);
    expect(renderJsonReport(reversed)).toBe(renderJsonReport(failedReport));
  });

  test('an ignored finding carries by, reason and expires; a compared one its mark', () => {
    const parsed = JSON.parse(renderJsonReport(ignoredReport)) as { findings: Array<Record<string, unknown>> };
    expect(parsed.findings[0]).toMatchObject({
      id: 'CVE-2023-0286',
      ignored: { by: 'file', reason: 'Not reachable: we never parse X.400 addresses (SEC-142).', expires: '2099-01-01' },
      blocking: false,
    });
    const compared = JSON.parse(renderJsonReport(comparedReport)) as {
      findings: Array<Record<string, unknown>>;
      comparison: Record<string, unknown>;
    };
    expect(compared.findings.map((f) => f.comparison)).toEqual(['new', 'in-base', 'new', 'in-base']);
    expect(compared.comparison).toMatchObject({ available: true, new: 2, fixedCount: 3 });
  });
});

describe('jsonReportChunks', () => {
  test('joined, the rendered report; the findings in pieces of a few dozen each, never whole', () => {
    const report = largeReport(3_000);
    const pieces = Array.from(jsonReportChunks(report));
    expect(pieces.join('')).toBe(renderJsonReport(report));
    expect(pieces.length).toBeGreaterThan(3_000 / 16);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(100 * 1024);
  });

  test('toJsonReport is the same report as a value', () => {
    expect(`${JSON.stringify(toJsonReport(comparedReport), null, 2)}\n`).toBe(renderJsonReport(comparedReport));
  });
});
