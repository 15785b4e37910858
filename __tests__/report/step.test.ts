// The step's report, rendered: one image from `repository` exactly as one image's report; several
// images as the overview and a section per image (summary, comment), the JSON report keyed by
// name, SARIF within code scanning's limits for any number of images.
import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, commentMarker, renderComment, renderStepComment } from '../../src/report/comment-body.js';
import { jsonReportChunks, stepJsonChunks } from '../../src/report/json.js';
import type { ImageReport, StepReport } from '../../src/report/model.js';
import { MAX_RESULTS_PER_RUN, MAX_RUNS_PER_FILE, renderSarif, stepSarifChunks } from '../../src/report/sarif.js';
import { renderStepSummary, renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js';
import { shareRows } from '../../src/report/view.js';
import { cleanReport, failedReport, hostileReport, largeReport } from '../../__fixtures__/reports/index.js';

const several = (images: ImageReport[], fails = true): StepReport => ({
  layout: 'several',
  verdict: fails ? 'failed' : 'passed',
  fails,
  reason: fails ? '1 of 2 images failed the gate ("api"): no image was promoted.' : 'All 2 images passed the gate.',
  images,
  runUrl: 'https://github.com/acme/retail/actions/runs/1',
});
const one = (name: string, report = failedReport): StepReport => ({
  layout: 'one',
  verdict: report.verdict,
  fails: report.fails,
  reason: report.reason,
  images: [{ name, report }],
});
const text = (pieces: Iterable<string>) => Array.from(pieces).join('');

describe("one image from repository: every rendering is one image's, as before", () => {
  test("summary, comment, JSON report and SARIF are the image's own", () => {
    const step = one('mlops/retail-api');
    expect(renderStepSummary(step)).toBe(renderSummary(failedReport));
    expect(renderStepComment(step, 'reg/mlops/retail-api')).toBe(renderComment(failedReport, 'reg/mlops/retail-api'));
    expect(text(stepJsonChunks(step))).toBe(text(jsonReportChunks(failedReport)));
    const options = { dockerfile: 'Dockerfile', informationUri: 'https://github.com/x/y' };
    expect(text(stepSarifChunks(step, { dockerfileOf: () => 'Dockerfile', informationUri: options.informationUri }))).toBe(
      renderSarif(failedReport, options),
    );
  });
});

describe('several images', () => {
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
      several([
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

  test("the summary: the step's reason, the overview, a section per image", () => {
    const summary = renderStepSummary(
      several([
        { name: 'web', report: cleanReport },
        { name: 'api', report: failedReport },
      ]),
    );
    expect(summary.startsWith('## ❌ ECR scan failed: 2 images\n\n**1 of 2 images failed the gate ("api"): no image was promoted.**')).toBe(
      true,
    );
    expect(summary).toContain('### ❌ ECR scan failed');
    expect(summary).toContain('<summary>web: ✅ ECR scan passed</summary>');
  });

  test('many images with many findings stay within the comment and summary budgets', () => {
    const images = Array.from({ length: 12 }, (_, i) => ({ name: `svc-${i}`, report: largeReport(3000, { descriptionLength: 2000 }) }));
    const comment = renderStepComment(several(images), 'k');
    expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(comment).toContain('svc-11');
    const summary = renderStepSummary(several(images));
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(summary).toContain('| `svc-11` |');
  });

  test('a hostile image name or report cannot break out of its section', () => {
    const body = renderStepComment(several([{ name: 'a<b>-->', report: hostileReport }]), 'k');
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body).not.toContain('a<b>');
  });

  test('the JSON report: the step verdict, then each image by name', () => {
    const json = JSON.parse(
      text(
        stepJsonChunks(
          several([
            { name: 'web', report: cleanReport },
            { name: 'api', report: failedReport },
          ]),
        ),
      ),
    ) as { verdict: string; fails: boolean; images: Record<string, { image: string }> };
    expect(json.verdict).toBe('failed');
    expect(json.fails).toBe(true);
    expect(Object.keys(json.images)).toEqual(['web', 'api']);
    expect(json.images.api?.image).toBe(failedReport.image);
  });
});

interface SarifFile {
  runs: Array<{
    automationDetails?: { id: string };
    results: Array<{
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      partialFingerprints: Record<string, string>;
      properties: { image?: string; severity: string };
    }>;
    properties: Record<string, unknown>;
  }>;
}
const sarifOf = (step: StepReport) =>
  JSON.parse(text(stepSarifChunks(step, { dockerfileOf: (name) => `services/${name}/Dockerfile` }))) as SarifFile;

describe("SARIF within code scanning's limits (20 runs a file, 25,000 results a run)", () => {
  test('up to 20 images: a run per image, each its own category', () => {
    const images = Array.from({ length: 20 }, (_, i) => ({ name: `svc-${i}`, report: failedReport }));
    const sarif = sarifOf(several(images));
    expect(sarif.runs).toHaveLength(MAX_RUNS_PER_FILE);
    expect(sarif.runs.map((r) => r.automationDetails?.id)).toEqual(images.map((i) => `ecr-build-scan-push/${i.name}/`));
    expect(sarif.runs[3]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/svc-3/Dockerfile');
  });

  test('21 images: one run for all of them, each result naming its image, in its Dockerfile, its own fingerprint', () => {
    const images = Array.from({ length: 21 }, (_, i) => ({ name: `svc-${i}`, report: i === 20 ? failedReport : cleanReport }));
    images[0] = { name: 'svc-0', report: failedReport };
    const sarif = sarifOf(several(images));
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run!.automationDetails?.id).toBe('ecr-build-scan-push/images/');
    const count = failedReport.findings.filter((f) => !f.ignored).length;
    expect(run!.results).toHaveLength(2 * count);
    const byImage = new Set(run!.results.map((r) => r.properties.image));
    expect(byImage).toEqual(new Set(['svc-0', 'svc-20']));
    const first = run!.results.find((r) => r.properties.image === 'svc-20')!;
    expect(first.message.text.startsWith('svc-20: ')).toBe(true);
    expect(first.locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/svc-20/Dockerfile');
    // The same finding in two images is two alerts.
    const fingerprints = new Set(run!.results.map((r) => Object.values(r.partialFingerprints)[0]));
    expect(fingerprints.size).toBe(run!.results.length);
    expect(Object.keys(run!.properties.images as object)).toHaveLength(21);
  });

  test('a run never holds more than 25,000 results: the worst are kept, and it says how many were left out', () => {
    const images = Array.from({ length: 21 }, (_, i) => ({ name: `svc-${i}`, report: largeReport(1500) }));
    const sarif = sarifOf(several(images));
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.results.length).toBeLessThanOrEqual(MAX_RESULTS_PER_RUN);
    const results = images.reduce((sum, image) => sum + image.report.findings.filter((f) => !f.ignored).length, 0);
    expect(results).toBeGreaterThan(MAX_RESULTS_PER_RUN);
    expect(sarif.runs[0]!.properties.resultsLeftOut).toBe(results - sarif.runs[0]!.results.length);
    expect(sarif.runs[0]!.results.map((r) => r.properties.severity)[0]).toBe('CRITICAL');
    // However large the byte budget: 25,000 at most.
    const roomy = JSON.parse(text(stepSarifChunks(several(images), { dockerfileOf: () => 'Dockerfile', maxBytes: 1e9 }))) as SarifFile;
    expect(roomy.runs[0]!.results).toHaveLength(MAX_RESULTS_PER_RUN);
  });
});
