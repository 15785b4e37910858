import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, commentMarker } from '../../src/report/comment-body.js';
import { renderStepComment, renderStepSummary, shareRows, stepJsonChunks, stepVerdict, type StepReport } from '../../src/report/multi.js';
import { SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js';
import { cleanReport, failedReport, hostileReport, largeReport } from '../../__fixtures__/reports/index.js';

const step = (images: StepReport['images'], fails = true): StepReport => ({
  verdict: stepVerdict(images),
  fails,
  reason: fails ? '1 of 2 images failed the gate ("api"): no image was promoted.' : 'All 2 images passed the gate.',
  images,
  runUrl: 'https://github.com/acme/retail/actions/runs/1',
});

describe('the multi-image report', () => {
  test('stepVerdict: failed over incomplete over passed; skipped only when all were', () => {
    expect(
      stepVerdict([
        { name: 'a', report: cleanReport },
        { name: 'b', report: failedReport },
      ]),
    ).toBe('failed');
    expect(stepVerdict([{ name: 'a', report: cleanReport }])).toBe('passed');
    expect(
      stepVerdict([
        { name: 'a', report: { ...cleanReport, verdict: 'incomplete' } },
        { name: 'b', report: cleanReport },
      ]),
    ).toBe('incomplete');
    expect(stepVerdict([{ name: 'a', report: { ...cleanReport, verdict: 'skipped' } }])).toBe('skipped');
  });

  test('shareRows: an even share, what is left over to the images that need a look first', () => {
    const images = [
      { name: 'clean', report: cleanReport },
      { name: 'failed', report: failedReport },
      { name: 'clean2', report: cleanReport },
    ];
    expect(shareRows(images, 40)).toEqual([13, 14, 13]);
    expect(shareRows(images, 2)).toEqual([1, 1, 0]);
    expect(shareRows(images, 0)).toEqual([0, 0, 0]);
    expect(shareRows(images, 40).reduce((a, b) => a + b, 0)).toBe(40);
  });

  test('the comment: one marker, the overview, the failing image open, the clean one folded', () => {
    const body = renderStepComment(
      step([
        { name: 'web', report: cleanReport },
        { name: 'api', report: failedReport },
      ]),
      'reg/images',
    );
    expect(body.startsWith(`${commentMarker('reg/images')}\n### ❌ ECR scan failed: 2 images`)).toBe(true);
    expect(body.match(/<!-- ecr-build-scan-push:/g)).toHaveLength(1);
    expect(body).toContain('| `web` | ✅ passed |');
    expect(body).toContain('| `api` | ❌ failed |');
    expect(body).toContain('<summary>web: ✅ ECR scan passed</summary>');
    expect(body).not.toContain('<summary>api:');
    expect(body).toContain('#### ❌ ECR scan failed');
  });

  test('many images with many findings stay within the comment and summary budgets', () => {
    const images = Array.from({ length: 12 }, (_, i) => ({ name: `svc-${i}`, report: largeReport(3000, { descriptionLength: 2000 }) }));
    const comment = renderStepComment(step(images), 'k');
    expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(comment).toContain('svc-11');
    const summary = renderStepSummary(step(images));
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(summary).toContain('| `svc-11` |');
  });

  test('a hostile image name or report cannot break out of its section', () => {
    const body = renderStepComment(step([{ name: 'a<b>-->', report: hostileReport }]), 'k');
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body).not.toContain('a<b>');
  });

  test('the JSON report: the step verdict, then each image by name', () => {
    const json = JSON.parse(
      Array.from(
        stepJsonChunks(
          step([
            { name: 'web', report: cleanReport },
            { name: 'api', report: failedReport },
          ]),
        ),
      ).join(''),
    ) as {
      verdict: string;
      fails: boolean;
      images: Record<string, { image: string }>;
    };
    expect(json.verdict).toBe('failed');
    expect(json.fails).toBe(true);
    expect(Object.keys(json.images)).toEqual(['web', 'api']);
    expect(json.images.api?.image).toBe(failedReport.image);
  });
});
