import { describe, expect, test } from '@jest/globals';
import { comparisonSentence, findingRow, ignoredRow, renderSection } from '../../src/report/markdown-parts.js';
import { renderComment } from '../../src/report/comment-body.js';
import { renderSummary } from '../../src/report/summary.js';
import type { Report } from '../../src/report/model.js';
import type { FindingRow, ViewSection } from '../../src/report/view.js';
import { finding } from '../../__fixtures__/reports/base.js';
import { largeReport } from '../../__fixtures__/reports/index.js';
import { comparedReport } from '../../__fixtures__/reports/samples.js';

const leftOut = (count: number) => `…and ${count} more`;
const rows = (n: number): FindingRow[] =>
  Array.from({ length: n }, (_, i) => ({ finding: finding({ id: `CVE-2024-000${i}`, severity: 'HIGH' }), platforms: ['linux/amd64'] }));

/** A section of `count` rows of which `shown` are shown. */
function section(count: number, shown: number, folded = false, columns: ViewSection['columns'] = 'finding'): ViewSection {
  return { title: 'Rows', columns, count, shown: rows(shown), leftOut: count - shown, folded, risk: false };
}

const HEADER = ['| Severity | ID | Package | Installed | Fixed in | Platform |', '|---|---|---|---|---|---|'];

describe('renderSection', () => {
  test.each([
    [3, 3, ['### Rows (3)', '', ...HEADER, ...rows(3).map((row) => findingRow(row)), '']],
    [3, 2, ['### Rows (3)', '', ...HEADER, ...rows(2).map((row) => findingRow(row)), '', '…and 1 more', '']],
    [3, 0, ['### Rows (3)', '', '…and 3 more', '']],
  ])('%d rows, %d shown', (count, shown, lines) => {
    expect(renderSection(section(count, shown), leftOut)).toEqual(lines);
  });

  test('a folded section goes into <details>', () => {
    expect(renderSection(section(1, 1, true), leftOut)).toEqual([
      '<details>',
      '<summary>Rows (1)</summary>',
      '',
      ...HEADER,
      ...rows(1).map((row) => findingRow(row)),
      '',
      '</details>',
      '',
    ]);
  });

  test('an ignored section has the ignored columns', () => {
    const lines = renderSection(section(1, 1, false, 'ignored'), leftOut);
    expect(lines[2]).toBe('| Severity | ID | Package | Platform | Ignored by | Reason | Expires |');
    expect(lines[4]).toBe(ignoredRow(rows(1)[0]));
  });
});

describe('rendering 10,000 findings', () => {
  test.each([
    ['summary', (report: Report) => renderSummary(report), 250],
    ['comment', (report: Report) => renderComment(report, 'key'), 40],
  ])('the %s renders only the rows it shows, of 10,000 findings', (_name, render, maxRows) => {
    // A row reads its finding's URI (for the link); grouping and counting do not.
    let rowsRendered = 0;
    const report = largeReport(10_000);
    const findings = report.findings.map((f) =>
      Object.defineProperty({ ...f }, 'uri', {
        enumerable: true,
        get: () => {
          rowsRendered += 1;
          return f.uri;
        },
      }),
    );
    render({ ...report, findings });
    expect(rowsRendered).toBeGreaterThan(0);
    expect(rowsRendered).toBeLessThanOrEqual(maxRows);
  });
});

describe('comparisonSentence', () => {
  test("an image with the base image's findings says so in a whole sentence", () => {
    const comparison = comparedReport.comparison;
    if (!comparison) throw new Error('comparedReport has no comparison');
    const same: Report = {
      ...comparedReport,
      findings: comparedReport.findings.map((f) => ({ ...f, comparison: 'in-base' as const })),
      comparison: { ...comparison, fixed: [], newCount: 0 },
    };
    expect(comparisonSentence(same)).toBe('Against the base image (`fedcba987654`) this image **has the same findings**.');
  });

  test('an image that differs says what it adds and fixes', () => {
    expect(comparisonSentence(comparedReport)).toBe(
      'Against the base image (`fedcba987654`) this image **adds 1 CRITICAL and 1 MEDIUM, fixes 2 HIGH and 1 LOW**.',
    );
  });
});
