// Pure: a multi-image step's one report (issue 23): the step's verdict, an overview row per image,
// then each image's own section as the single-image renderers write it, folded when the image is
// clean. One fit loop per rendering, as for one image: the finding rows are shared out among the
// images (the failing ones first) and halved until the text fits GitHub's limit.
import { commentMarker, COMMENT_BUDGET_CHARS, COMMENT_MAX_ROWS, commentSection } from './comment-body.js';
import { code, escapeText, link } from './escape.js';
import { UTF16_UNITS, UTF8_BYTES, fitToLimit } from './fit.js';
import { jsonChunks } from './json-chunks.js';
import { JSON_REPORT_VERSION, toJsonReport } from './json.js';
import { VERDICT_TITLES } from './markdown-parts.js';
import type { Report, Verdict } from './model.js';
import { SUMMARY_BUDGET_BYTES, SUMMARY_MAX_ROWS, buildSummary } from './summary.js';
import { SEVERITIES } from '../shared/severity.js';

export interface ImageReport {
  name: string;
  report: Report;
}

export interface StepReport {
  verdict: Verdict;
  fails: boolean;
  /** The step's one sentence (src/multi/verdict.ts). */
  reason: string;
  images: ImageReport[];
  runUrl?: string;
}

/** The step's verdict from its images': failed over incomplete over passed; skipped when all were. */
export function stepVerdict(images: readonly ImageReport[]): Verdict {
  const verdicts = images.map((i) => i.report.verdict);
  if (verdicts.includes('failed')) return 'failed';
  if (verdicts.includes('incomplete')) return 'incomplete';
  if (verdicts.every((v) => v === 'skipped')) return 'skipped';
  return 'passed';
}

/** An image is shown folded when nothing in it needs a look: it passed (or was skipped) with no finding. */
function clean(report: Report): boolean {
  return (report.verdict === 'passed' || report.verdict === 'skipped') && report.findings.every((f) => f.ignored !== undefined);
}

/** `total` rows shared out: the images that are not clean first, in order, then the others. */
export function shareRows(images: readonly ImageReport[], total: number): number[] {
  const order = images.map((image, i) => ({ i, first: !clean(image.report) })).sort((a, b) => Number(b.first) - Number(a.first));
  const rows = images.map(() => 0);
  const each = Math.floor(total / Math.max(1, images.length));
  let left = total;
  for (const { i } of order) {
    rows[i] = Math.min(each, left);
    left -= rows[i]!;
  }
  // What an even share leaves over goes to the first images in that order.
  for (const { i } of order) {
    if (left <= 0) break;
    rows[i]! += 1;
    left -= 1;
  }
  return rows;
}

function title(level: 2 | 3, step: StepReport): string {
  return `${'#'.repeat(level)} ${VERDICT_TITLES[step.verdict]}: ${step.images.length} images`;
}

function overview(step: StepReport): string[] {
  const lines = [`| Image | Verdict | ${SEVERITIES.join(' | ')} | Digest |`, `|---|---|${SEVERITIES.map(() => '--:|').join('')}---|`];
  for (const { name, report } of step.images) {
    const counts = SEVERITIES.map((s) => String(report.verdict === 'skipped' ? '–' : report.counts[s]));
    lines.push(
      `| ${code(name, 80)} | ${VERDICT_TITLES[report.verdict].split(' ')[0]} ${report.verdict} | ${counts.join(' | ')} | ${report.digest ? code(report.digest.slice(0, 19), 40) : '–'} |`,
    );
  }
  return [...lines, ''];
}

function sections(step: StepReport, rows: number, render: (report: Report, rows: number) => string): string[] {
  const share = shareRows(step.images, rows);
  return step.images.flatMap(({ name, report }, i) => {
    const body = render(report, share[i]!);
    if (!clean(report)) return [body];
    return [`<details>`, `<summary>${escapeText(name, 80)}: ${VERDICT_TITLES[report.verdict]}</summary>`, '', body, '</details>', ''];
  });
}

export function renderStepSummary(step: StepReport, options: { maxRows?: number; maxBytes?: number } = {}): string {
  return fitToLimit(
    (rows) =>
      [
        title(2, step),
        '',
        `**${escapeText(step.reason, 1000)}**`,
        '',
        ...overview(step),
        ...sections(step, rows, (report, n) => buildSummary(report, n, 3)),
      ].join('\n'),
    {
      maxRows: options.maxRows ?? SUMMARY_MAX_ROWS,
      limit: options.maxBytes ?? SUMMARY_BUDGET_BYTES,
      measure: UTF8_BYTES,
      note: `_The summary was cut to fit GitHub's size limit. The full lists are in the report file._`,
    },
  );
}

export function renderStepComment(step: StepReport, key: string, options: { maxRows?: number; maxChars?: number } = {}): string {
  const pointer = step.runUrl
    ? `See the ${link('workflow run', step.runUrl)} for the full lists.`
    : 'The full lists are in the job summary.';
  return fitToLimit(
    (rows) =>
      [
        commentMarker(key),
        title(3, step),
        '',
        `**${escapeText(step.reason, 1000)}**`,
        '',
        ...overview(step),
        ...sections(step, rows, (report, n) => commentSection(report, n, 4)),
      ].join('\n'),
    {
      maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
      limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
      measure: UTF16_UNITS,
      note: `_The comment was cut to fit GitHub's size limit. ${pointer}_`,
    },
  );
}

/** The JSON report of a multi-image step: the step's verdict, then each image's report by name. */
export function* stepJsonChunks(step: StepReport): Generator<string> {
  yield* jsonChunks(
    {
      version: JSON_REPORT_VERSION,
      verdict: step.verdict,
      fails: step.fails,
      reason: step.reason,
      images: Object.fromEntries(step.images.map(({ name, report }) => [name, toJsonReport(report)])),
    },
    2,
  );
  yield '\n';
}
