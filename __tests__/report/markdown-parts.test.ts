import { describe, expect, test } from '@jest/globals';
import {
  findingRow,
  groupFindings,
  renderSection,
  tableRows,
  type FindingRow,
  type TableSection,
} from '../../src/report/markdown-parts.js';
import { renderComment } from '../../src/report/comment.js';
import { renderSummary } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import type { Finding } from '../../src/scan/finding.js';
import { largeReport, manyFindings } from '../../__fixtures__/reports/index.js';

const leftOut = (count: number) => `…and ${count} more`;

/** A section of `count` rows "row 0", "row 1", …, counting the rows it renders. */
function section(count: number, folded = false): TableSection & { rendered: number[] } {
  const rendered: number[] = [];
  const groups = Array.from({ length: count }, (_, i) => i);
  return {
    title: 'Rows',
    header: ['| Row |', '|---|'],
    count,
    rows: (limit) =>
      groups.slice(0, limit).map((i) => {
        rendered.push(i);
        return `| row ${i} |`;
      }),
    folded,
    rendered,
  };
}

describe('renderSection', () => {
  test.each([
    [0, 5, [], 0],
    [3, 5, ['### Rows (3)', '', '| Row |', '|---|', '| row 0 |', '| row 1 |', '| row 2 |', ''], 3],
    [3, 2, ['### Rows (3)', '', '| Row |', '|---|', '| row 0 |', '| row 1 |', '', '…and 1 more', ''], 2],
    [3, 0, ['### Rows (3)', '', '…and 3 more', ''], 0],
  ])('%d rows, room for %d', (count, limit, lines, used) => {
    const s = section(count);
    expect(renderSection(s, limit, leftOut)).toEqual({ lines, used });
    expect(s.rendered.length).toBe(used);
  });

  test('a folded section goes into <details>', () => {
    expect(renderSection(section(1, true), 5, leftOut).lines).toEqual([
      '<details>',
      '<summary>Rows (1)</summary>',
      '',
      '| Row |',
      '|---|',
      '| row 0 |',
      '',
      '</details>',
      '',
    ]);
  });
});

describe('tableRows', () => {
  test('counts every group, renders only the rows asked for', () => {
    const groups = groupFindings(manyFindings(1_000));
    const rendered: Array<FindingRow<Finding>> = [];
    const rows = tableRows(groups, (row) => {
      rendered.push(row);
      return findingRow(row);
    });
    expect(rows.count).toBe(groups.length);
    expect(rows.rows(3)).toEqual(groups.slice(0, 3).map(findingRow));
    expect(rendered).toEqual(groups.slice(0, 3));
    expect(rows.rows(-1)).toEqual([]);
  });

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
