// The PR comment body: our hidden marker, then a compact summary. Pure.
//
// GitHub refuses a comment body over 65,536 characters (UTF-16 code units, as JavaScript
// counts `length`), so rows are cut by design and the body is held to COMMENT_BUDGET_CHARS.
import type { EvaluatedFinding } from '../scan/evaluated.js';
import { code, escapeCommentKey, escapeText, link, plural } from './escape.js';
import {
  FINDING_HEADER,
  closeDetails,
  comparisonSentence,
  countsTable,
  findingRow,
  groupFindings,
  heading,
  newFindings,
  platformNotes,
  renderSection,
  tableRows,
  type TableSection,
} from './markdown-parts.js';
import type { Report } from './model.js';

export const COMMENT_LIMIT_CHARS = 65_536;
/** What we allow ourselves, a margin below the limit. */
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

export function renderComment(report: Report, key: string, options: CommentOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_BUDGET_CHARS;
  for (let rows = options.maxRows ?? COMMENT_MAX_ROWS; ; rows = Math.floor(rows / 2)) {
    const body = buildComment(report, key, rows);
    if (body.length <= maxChars) return body;
    if (rows === 0) return fitChars(body, maxChars, `_The comment was cut to fit GitHub's size limit. ${runPointer(report)}_`);
  }
}

function buildComment(report: Report, key: string, maxRows: number): string {
  const lines = [commentMarker(key), heading(3, report), '', `**${escapeText(report.reason, 500)}**`, ''];
  const image = [`**Image:** ${code(report.image, 300)}`];
  if (report.digest) image.push(`**Digest:** ${code(report.digest, 100)}`);
  lines.push(image.join(' · '), '');
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
  const sentence = comparisonSentence(report);
  if (sentence) lines.push(sentence, '');

  let remaining = maxRows;
  const leftOut = (count: number) => `_…and ${plural(count, 'more finding')} not shown. ${runPointer(report)}_`;
  for (const section of sections(report)) {
    const { lines: rendered, used } = renderSection(section, remaining, leftOut);
    lines.push(...rendered);
    remaining -= used;
  }
  if (report.runUrl) lines.push(`${link('Workflow run', report.runUrl)} · full list in the job summary and the \`report\` file`);
  return `${lines.join('\n')}\n`;
}

function sections(report: Report): TableSection[] {
  const table = (title: string, list: readonly EvaluatedFinding[]): TableSection => ({
    title,
    header: FINDING_HEADER,
    ...tableRows(groupFindings(list), findingRow),
    folded: false,
  });
  // Whatever did not decide the gate and is not ignored, folded away: a passing PR still shows what it carries.
  const others = (shown: (f: EvaluatedFinding) => boolean): TableSection => ({
    ...table(
      'Other findings',
      report.findings.filter((f) => !f.ignored && !shown(f)),
    ),
    folded: true,
  });
  const comparison = report.comparison;
  if (comparison?.available) {
    const isNew = (f: EvaluatedFinding) => f.comparison === 'new' && !f.ignored;
    const failingInBase = (f: EvaluatedFinding) => f.blocking && f.comparison !== 'new';
    return [
      table('New findings', newFindings(report)),
      table('Failing the gate, already in the base image', report.findings.filter(failingInBase)),
      {
        title: 'Fixed since the base image',
        header: FINDING_HEADER,
        ...tableRows(groupFindings(comparison.fixed), findingRow),
        folded: true,
      },
      others((f) => isNew(f) || failingInBase(f)),
    ];
  }
  return [
    table(
      'Findings that failed the gate',
      report.findings.filter((f) => f.blocking),
    ),
    others((f) => f.blocking),
  ];
}

function runPointer(report: Report): string {
  return report.runUrl ? `See the ${link('workflow run', report.runUrl)} for the full list.` : 'The full list is in the job summary.';
}

/** Cuts at a line break to at most `max` UTF-16 code units, then adds `note`. */
function fitChars(body: string, max: number, note: string): string {
  const room = Math.max(0, max - note.length - '\n\n</details>'.length * 8 - 3);
  const cut = body.slice(0, room);
  const line = cut.lastIndexOf('\n');
  return `${closeDetails(line > 0 ? cut.slice(0, line) : cut)}\n\n${note}\n`;
}
