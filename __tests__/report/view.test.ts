import { describe, expect, test } from '@jest/globals';
import { viewSections, type Audience } from '../../src/report/view.js';
import type { Report } from '../../src/report/model.js';
import { comparedReport, failedReport, ignoredReport, largeReport, multiPlatformReport } from '../../__fixtures__/reports/index.js';

/** Title, rows shown, left out, folded: the view in one line per section. */
function outline(report: Report, audience: Audience, maxRows: number): Array<[string, number, number, boolean]> {
  return viewSections(report, audience, maxRows).map((s) => [s.title, s.shown.length, s.leftOut, s.folded]);
}

describe('viewSections', () => {
  test.each<[string, Report, Audience, Array<[string, number, number, boolean]>]>([
    [
      'failed, summary',
      failedReport,
      'summary',
      [
        ['Findings that failed the gate', 2, 0, false],
        ['Other findings', 4, 0, true],
      ],
    ],
    [
      'failed, comment',
      failedReport,
      'comment',
      [
        ['Findings that failed the gate', 2, 0, false],
        ['Other findings', 4, 0, true],
      ],
    ],
    [
      'passed with ignores, summary: the findings open, the ignored ones folded',
      ignoredReport,
      'summary',
      [
        ['Findings', 1, 0, false],
        ['Ignored findings', 3, 0, true],
      ],
    ],
    ['passed with ignores, comment: no ignored section', ignoredReport, 'comment', [['Other findings', 1, 0, true]]],
    [
      'multi-platform: one row per vulnerability and package',
      multiPlatformReport,
      'summary',
      [
        ['Findings that failed the gate', 1, 0, false],
        ['Other findings', 2, 0, true],
      ],
    ],
    [
      'compared, summary',
      comparedReport,
      'summary',
      [
        ['New findings', 2, 0, false],
        ['Fixed since the base image', 3, 0, true],
        ['Other findings, already in the base image', 1, 0, true],
        ['Ignored findings', 1, 0, true],
      ],
    ],
    [
      'compared, comment',
      comparedReport,
      'comment',
      [
        ['New findings', 2, 0, false],
        ['Fixed since the base image', 3, 0, true],
        ['Other findings', 1, 0, true],
      ],
    ],
  ])('%s', (_name, report, audience, expected) => {
    expect(outline(report, audience, 100)).toEqual(expected);
  });

  test('the row budget goes to the sections in order; the rest are counted as left out', () => {
    expect(outline(failedReport, 'summary', 3)).toEqual([
      ['Findings that failed the gate', 2, 0, false],
      ['Other findings', 1, 3, true],
    ]);
    expect(outline(failedReport, 'comment', 0)).toEqual([
      ['Findings that failed the gate', 0, 2, false],
      ['Other findings', 0, 4, true],
    ]);
  });

  test('counts every row of a large report, shows only the budget', () => {
    const view = viewSections(largeReport(10_000), 'summary', 250);
    expect(view.reduce((sum, s) => sum + s.shown.length, 0)).toBe(250);
    for (const s of view) expect(s.shown.length + s.leftOut).toBe(s.count);
  });
});
