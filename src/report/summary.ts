// The job summary: the verdict and why, what was pushed, counts per platform, the attestations,
// the signatures (ECR's managed ones, then those by a key), the policy's rules, then the findings
// that decided the gate, the others, and the ignored ones. Pure.
//
// The runner drops a step summary larger than 1 MiB whole
// (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits),
// so the list is cut by design (SUMMARY_MAX_ROWS) and the result is held to a byte budget
// well under the limit; the full list is in the JSON report file.
import { code, escapeText, formatCount, link, plural } from './escape.js';
import { UTF8_BYTES, fitToLimit } from './fit.js';
import {
  attestationLines,
  comparisonSentence,
  countsTable,
  gateDescription,
  heading,
  imageSectionLines,
  overviewTable,
  platformNotes,
  policyLines,
  renderSection,
  riskNotes,
  signatureLines,
  stepHeading,
} from './markdown-parts.js';
import type { Report, StepReport } from './model.js';
import { imageSections, keySignaturesView, policyView, signaturesView, take, viewSections } from './view.js';

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** What we allow ourselves: half the limit, so other writes in the same step still fit. */
export const SUMMARY_BUDGET_BYTES = 512 * 1024;
/** Finding rows listed in all sections together. */
export const SUMMARY_MAX_ROWS = 250;

export interface SummaryOptions {
  maxRows?: number;
  maxBytes?: number;
}

/**
 * The step's job summary: one image's (`one`), or the step's verdict, an overview row per image
 * and each image's own section, the clean ones folded (`several`); one fit loop either way, the
 * finding rows shared out among the images (the ones that need a look first).
 */
export function renderStepSummary(step: StepReport, options: SummaryOptions = {}): string {
  if (step.layout === 'one' && step.images.length === 1) return renderSummary(step.images[0]!.report, options);
  return fitToLimit(
    (rows) =>
      [
        stepHeading(2, step),
        '',
        `**${escapeText(step.reason, 1000)}**`,
        '',
        ...commitLine(step),
        ...overviewTable(step),
        ...imageSectionLines(imageSections(step, rows), (section) => buildSummary(section.report, section.rows, 3, { inStep: true })),
        ...(step.images[0] ? [footer(step.images[0].report)] : []),
      ].join('\n'),
    {
      maxRows: options.maxRows ?? SUMMARY_MAX_ROWS,
      limit: options.maxBytes ?? SUMMARY_BUDGET_BYTES,
      measure: UTF8_BYTES,
      note: `_The summary was cut to fit GitHub's size limit. The full lists are in the report file._`,
    },
  );
}

/** One image's job summary. */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  return fitToLimit((rows) => buildSummary(report, rows), {
    maxRows: options.maxRows ?? SUMMARY_MAX_ROWS,
    limit: options.maxBytes ?? SUMMARY_BUDGET_BYTES,
    measure: UTF8_BYTES,
    note: `_The summary was cut to fit GitHub's size limit. ${fullListPointer(report)}_`,
  });
}

/** A step of several images: the commit once, under the step's reason (each image's section leaves it out). */
function commitLine(step: StepReport): string[] {
  const commit = step.images[0]?.report.commit;
  return commit ? [`- **Commit:** ${code(commit, 64)}`, ''] : [];
}

/**
 * One image's summary with at most `maxRows` finding rows. `inStep`: a section of a step of
 * several images (at `level`), which says the commit and the footer once for all of them.
 */
export function buildSummary(report: Report, maxRows: number, level: 2 | 3 = 2, options: { inStep?: boolean } = {}): string {
  const lines = [heading(level, report), '', `**${escapeText(report.reason, 500)}**`, ''];
  const notes = riskNotes(report, '> ');
  if (notes.length > 0) lines.push('> [!WARNING]', ...notes.flatMap((note, i) => (i === 0 ? [note] : ['>', note])), '');
  lines.push(...expiredIgnores(report), ...facts(report, options.inStep === true));

  const sentence = comparisonSentence(report);
  if (sentence) lines.push(sentence, '');

  const table = countsTable(report);
  if (table.length > 0) lines.push(`${'#'.repeat(level + 1)} Findings by platform`, '', ...table, '');
  const platformLines = platformNotes(report.scan.platforms);
  if (platformLines.length > 0) lines.push(...platformLines, '');
  lines.push(...attestationLines(report, false));
  lines.push(
    ...signatureLines(signaturesView(report, 'summary', maxRows), keySignaturesView(report, 'summary', maxRows), { heading: level + 1 }),
  );
  // The policy's findings are bounded per rule, and shrink with the rows when the summary must fit.
  lines.push(...policyLines(policyView(report, 'summary', maxRows), { heading: level + 1, reasonMax: 500, findingMax: 300, links: true }));

  const leftOut = (count: number) => `_…and ${plural(count, 'more finding')} not shown here. ${fullListPointer(report)}_`;
  for (const section of viewSections(report, 'summary', maxRows)) lines.push(...renderSection(section, leftOut, level + 1));

  if (!options.inStep) lines.push(footer(report));
  return `${lines.join('\n')}\n`;
}

const MAX_LISTED = 20;

function facts(report: Report, inStep: boolean): string[] {
  const lines = [`- **Image:** ${code(report.image, 300)}`];
  if (report.digest) lines.push(`- **Digest:** ${code(report.digest, 100)}`);
  if (report.commit && !inStep) lines.push(`- **Commit:** ${code(report.commit, 64)}`);
  if (report.build === 'reused') lines.push('- **Build:** skipped, the image for this commit already existed (`skip-existing`)');
  if (report.build === 'not-pushed') lines.push('- **Build:** built, not pushed (`push: false`)');
  lines.push(
    `- **Tags:** ${listed(
      report.tags.map((t) => code(t, 300)),
      'none',
    )}`,
  );
  if (report.heldBack.length > 0) {
    lines.push(
      `- **Held back:** ${listed(
        report.heldBack.map((h) => `${code(h.tag, 300)} (${escapeText(h.reason, 200)})`),
        '',
        '; ',
      )}`,
    );
  }
  const scanType = report.scan.scanType ? ` (${report.scan.scanType.toLowerCase()} scanning)` : '';
  lines.push(`- **Scan:** ${escapeText(report.scan.status, 40)}${scanType}`);
  lines.push(`- **Gate:** ${gateDescription(report)}`);
  return [...lines, ''];
}

function listed(items: string[], none: string, separator = ', '): string {
  if (items.length === 0) return none;
  const { shown, leftOut } = take(items, MAX_LISTED);
  return shown.join(separator) + (leftOut > 0 ? `${separator}and ${formatCount(leftOut)} more` : '');
}

function expiredIgnores(report: Report): string[] {
  const expired = report.expiredIgnores;
  if (expired.length === 0) return [];
  const { shown, leftOut } = take(expired, MAX_LISTED);
  return [
    `> [!WARNING]`,
    `> ${expired.length === 1 ? 'An entry' : `${formatCount(expired.length)} entries`} in the ignore file expired and no longer ${expired.length === 1 ? 'ignores' : 'ignore'} anything. Renew or remove ${expired.length === 1 ? 'it' : 'them'}:`,
    ...shown.map(
      (e) => `> - ${code(e.id, 80)}, expired ${code(e.expires, 40)}, matches ${plural(e.matched, 'finding')}: ${escapeText(e.reason, 200)}`,
    ),
    ...(leftOut > 0 ? [`> - …and ${formatCount(leftOut)} more`] : []),
    '',
  ];
}

function fullListPointer(report: Report): string {
  return report.reportPath
    ? `The full list is in the report file ${code(report.reportPath, 300)}.`
    : 'The full list is in the file named by the `report` output.';
}

function footer(report: Report): string {
  const parts = [];
  if (report.reportPath) parts.push(`Full report: ${code(report.reportPath, 300)}`);
  if (report.runUrl) parts.push(link('workflow run', report.runUrl));
  parts.push(`generated ${escapeText(report.generatedAt, 40)} by ecr-build-scan-push`);
  return `<sub>${parts.join(' · ')}</sub>`;
}
