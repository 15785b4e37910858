// The PR comment body: our hidden marker, then a compact summary. Pure.
//
// GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as JavaScript
// counts `length`), so rows are cut by design and the body is held to COMMENT_BUDGET_CHARS.
import { code, escapeCommentKey, escapeText, link, plural, safeUrl } from './escape.js';
import { UTF16_UNITS, fitToLimit } from './fit.js';
import {
  attestationLines,
  comparisonSentence,
  countsTable,
  heading,
  imageSectionLines,
  overviewTable,
  platformNotes,
  policyLines,
  renderSection,
  riskGateLine,
  riskNotes,
  signatureLines,
  stepHeading,
} from './markdown-parts.js';
import type { Report, StepReport } from './model.js';
import { imageSections, keySignaturesView, policyView, signaturesView, viewSections } from './view.js';

/** What we allow ourselves, a margin below GitHub's 65,536 (github/comment-api.ts COMMENT_LIMIT_CHARS). */
export const COMMENT_BUDGET_CHARS = 60_000;
/** Finding rows listed in all sections together. */
export const COMMENT_MAX_ROWS = 40;

const MARKER_PREFIX = 'ecr-build-scan-push:';

/** The first line of our comment: `<!-- ecr-build-scan-push:KEY -->`, with KEY unable to close it. */
export function commentMarker(key: string): string {
  return `<!-- ${MARKER_PREFIX}${escapeCommentKey(key)} -->`;
}

export interface CommentOptions {
  maxRows?: number;
  maxChars?: number;
}

/**
 * The step's PR comment: one image's (`one`), or the step's verdict, an overview row per image and
 * each image's section, the clean ones folded (`several`); one marker, one fit loop.
 */
export function renderStepComment(step: StepReport, key: string, options: CommentOptions = {}): string {
  if (step.layout === 'one' && step.images.length === 1) return renderComment(step.images[0]!.report, key, options);
  const pointer = step.runUrl
    ? `See the ${link('workflow run', step.runUrl)} for the full lists.`
    : 'The full lists are in the job summary.';
  return fitToLimit(
    (rows) =>
      [
        commentMarker(key),
        stepHeading(3, step),
        '',
        `**${escapeText(step.reason, 1000)}**`,
        '',
        ...stepCommitLine(step),
        ...overviewTable(step),
        ...imageSectionLines(imageSections(step, rows), (section) => commentSection(section.report, section.rows, 4, { inStep: true })),
        ...(step.runUrl ? [`${link('Workflow run', step.runUrl)} · full lists in the job summary and the \`report\` file`] : []),
      ].join('\n'),
    {
      maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
      limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
      measure: UTF16_UNITS,
      note: `_The comment was cut to fit GitHub's size limit. ${pointer}_`,
    },
  );
}

/** One image's PR comment. */
export function renderComment(report: Report, key: string, options: CommentOptions = {}): string {
  return fitToLimit((rows) => buildComment(report, key, rows), {
    maxRows: options.maxRows ?? COMMENT_MAX_ROWS,
    limit: options.maxChars ?? COMMENT_BUDGET_CHARS,
    measure: UTF16_UNITS,
    note: `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`,
  });
}

function buildComment(report: Report, key: string, maxRows: number): string {
  return `${commentMarker(key)}\n${commentSection(report, maxRows)}`;
}

/** A step of several images: the commit it describes, once, under the step's reason. */
function stepCommitLine(step: StepReport): string[] {
  const report = step.images[0]?.report;
  return report?.commit ? [`**Commit:** ${commitLink(report.commit, report.commitUrl)}`, ''] : [];
}

/**
 * One image's comment without the marker, at most `maxRows` finding rows. `inStep`: a section
 * of a step of several images (at `level`), which names the commit and the run once for all.
 */
export function commentSection(report: Report, maxRows: number, level: 3 | 4 = 3, options: { inStep?: boolean } = {}): string {
  const lines = [heading(level, report), '', `**${escapeText(report.reason, 500)}**`, ''];
  // The commit first: the comment is edited on every push, and the SHA tells a current comment
  // from a stale one (ACTION-SPEC: "A PR comment names the commit it describes").
  const image = report.commit && !options.inStep ? [`**Commit:** ${commitLink(report.commit, report.commitUrl)}`] : [];
  image.push(`**Image:** ${code(report.image, 300)}`);
  if (report.digest) image.push(`**Digest:** ${code(report.digest, 100)}`);
  lines.push(image.join(' · '), '');
  const gateLine = riskGateLine(report);
  if (gateLine) lines.push(`**Gate:** ${gateLine}`, '');
  const warnings = riskNotes(report, '⚠️ ');
  if (warnings.length > 0) lines.push(...warnings, '');
  if (report.heldBack.length > 0) {
    lines.push(
      `**Held back:** ${report.heldBack
        .slice(0, 10)
        .map((h) => code(h.tag, 100))
        .join(', ')}${report.heldBack.length > 10 ? ', …' : ''}`,
      '',
    );
  }
  if (report.expiredIgnores.length > 0) {
    const n = report.expiredIgnores.length;
    lines.push(
      `⚠️ ${n === 1 ? 'An entry' : `${n} entries`} in the ignore file expired and no longer ${n === 1 ? 'ignores' : 'ignore'} anything.`,
      '',
    );
  }
  const table = countsTable(report);
  if (table.length > 0) lines.push(...table, '');
  const notes = platformNotes(report.scan.platforms);
  if (notes.length > 0) lines.push(...notes, '');
  lines.push(...attestationLines(report, true));
  // Each kind's outcome in a line, its table folded.
  lines.push(...signatureLines(signaturesView(report, 'comment', maxRows), keySignaturesView(report, 'comment', maxRows), {}));
  // Compact: a bold line, not a heading; fewer findings a rule, shrinking with the rows to fit.
  lines.push(...policyLines(policyView(report, 'comment', maxRows), { reasonMax: 300, findingMax: 160, links: false }));
  const sentence = comparisonSentence(report);
  if (sentence) lines.push(sentence, '');

  const leftOut = (count: number) => `_…and ${plural(count, 'more finding')} not shown. ${runPointer(report)}_`;
  for (const section of viewSections(report, 'comment', maxRows))
    lines.push(...renderSection(section, leftOut, options.inStep ? level + 1 : 3));
  if (report.runUrl && !options.inStep)
    lines.push(`${link('Workflow run', report.runUrl)} · full list in the job summary and the \`report\` file`);
  return `${lines.join('\n')}\n`;
}

/** The short SHA (7 hex, as GitHub shows it), linked to the commit when its page is known. */
function commitLink(sha: string, url: string | undefined): string {
  const short = code(sha.slice(0, 7), 40);
  const href = safeUrl(url);
  return href ? `[${short}](${href})` : short;
}

function runPointer(report: Report): string {
  return report.runUrl ? `See the ${link('workflow run', report.runUrl)} for the full list.` : 'The full list is in the job summary.';
}
