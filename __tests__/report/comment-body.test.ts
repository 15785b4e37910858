import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, commentMarker, renderComment } from '../../src/report/comment-body.js';
import { SAMPLE_REPORTS, cleanReport, comparedReport, failedReport, hostileReport, largeReport } from '../../__fixtures__/reports/index.js';
import { expectGolden } from './golden.js';

const KEY = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';

describe('renderComment goldens', () => {
  test.each(Object.keys(SAMPLE_REPORTS))('%s', (name) => {
    const report = SAMPLE_REPORTS[name];
    if (!report) throw new Error(name);
    expectGolden(`comment/${name}.md`, renderComment(report, KEY));
  });
});

describe('commentMarker', () => {
  test('is an HTML comment naming the key', () => {
    expect(commentMarker(KEY)).toBe(`<!-- ecr-build-scan-push:${KEY} -->`);
  });

  test.each(['x -->', 'x --!> y', 'x\n-->', '<!-- -->'])('a key %j cannot close it early', (key) => {
    const marker = commentMarker(key);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(marker).not.toMatch(/--!>|\n/);
  });
});

describe('renderComment', () => {
  test('names the commit it describes beside the image and digest: a new push, a new SHA', () => {
    const at = (sha: string) =>
      renderComment({ ...cleanReport, commit: sha, commitUrl: `https://github.com/acme/retail/commit/${sha}` }, KEY);
    const first = 'a'.repeat(40);
    const next = 'b'.repeat(40);
    expect(at(first)).toContain(`**Commit:** [\`aaaaaaa\`](https://github.com/acme/retail/commit/${first}) · **Image:** `);
    expect(at(next)).toContain(`**Commit:** [\`bbbbbbb\`](https://github.com/acme/retail/commit/${next}) · **Image:** `);
    expect(at(next)).not.toContain('aaaaaaa');
  });

  test('without a link the short SHA stands alone; without a commit the line starts with the image', () => {
    const { commitUrl: _url, ...unlinked } = cleanReport;
    expect(renderComment(unlinked, KEY)).toContain('**Commit:** `0123456` · **Image:** ');
    const { commit: _commit, ...noCommit } = unlinked;
    expect(renderComment(noCommit, KEY)).toMatch(/^\*\*Image:\*\* /m);
  });

  test('a link that is not http(s) is dropped, the SHA kept', () => {
    expect(renderComment({ ...cleanReport, commitUrl: 'javascript:alert(1)' }, KEY)).toContain('**Commit:** `0123456` · ');
  });

  test('the marker is the first line', () => {
    expect(renderComment(failedReport, KEY).split('\n')[0]).toBe(commentMarker(KEY));
  });

  test('a report key in the body cannot reopen or close the marker', () => {
    const body = renderComment(hostileReport, 'k');
    expect(body.split('\n').slice(1).join('\n')).not.toMatch(/<!--|-->/);
  });

  test('links the run and gives new and fixed findings when compared', () => {
    const body = renderComment(comparedReport, KEY);
    expect(body).toContain('### New findings (2)');
    expect(body).toContain('<summary>Fixed since the base image (3)</summary>');
    expect(body).toContain('[Workflow run](https://github.com/acme/retail/actions/runs/42)');
  });

  test.each([1_000, 20_000])('%d findings fit in a comment, with a line saying how many were left out', (count) => {
    const body = renderComment(largeReport(count, { descriptionLength: 2000 }), KEY);
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(body).toMatch(/_…and [\d,]+ more findings not shown\. See the \[workflow run\]\(https:[^)]+\) for the full list\._/);
  });

  test('the hard limit holds even when rows are allowed without bound', () => {
    const body = renderComment(largeReport(20_000), KEY, { maxRows: 100_000 });
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(body.split('\n')[0]).toBe(commentMarker(KEY));
  });

  test('counts UTF-16 code units: astral characters count twice', () => {
    const report = { ...failedReport, reason: '😀'.repeat(400) };
    const body = renderComment(report, KEY, { maxChars: 2000 });
    expect(body.length).toBeLessThanOrEqual(2000);
  });
});
