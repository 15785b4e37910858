// The pieces the job summary and the PR comment share: the verdict heading, the counts table,
// finding tables, the comparison sentence. Pure; every value from a finding or a user goes
// through escape.ts.
import { describeDifference } from '../scan/compare.js';
import type { EvaluatedFinding, Ignored } from '../scan/evaluated.js';
import type { Finding } from '../scan/finding.js';
import { SEVERITIES, type Severity, type SeverityCounts } from '../scan/severity.js';
import { code, escapeText, formatCount, link } from './escape.js';
import type { PlatformReport, Report, Verdict } from './model.js';

export const VERDICT_TITLES: Record<Verdict, string> = {
  passed: '✅ ECR scan passed',
  failed: '❌ ECR scan failed',
  incomplete: '⚠️ ECR scan incomplete',
  skipped: '⏭ ECR scan skipped',
};

const SEVERITY_ICONS: Record<Severity, string> = {
  CRITICAL: '🔴',
  HIGH: '🟠',
  MEDIUM: '🟡',
  LOW: '🔵',
  INFORMATIONAL: '⚪',
  UNDEFINED: '⚫',
};

/** The repository part of registry/repository (the whole reference when there is no registry). */
export function repositoryName(image: string): string {
  const slash = image.indexOf('/');
  return slash > 0 && /[.:]/.test(image.slice(0, slash)) ? image.slice(slash + 1) : image;
}

export function heading(level: 2 | 3, report: Report): string {
  return `${'#'.repeat(level)} ${VERDICT_TITLES[report.verdict]}: ${escapeText(repositoryName(report.image), 120)}`;
}

export function severityCell(severity: Severity): string {
  return `${SEVERITY_ICONS[severity]} ${severity}`;
}

/**
 * One table row per platform (each counts within its platform), and a total row counting each
 * vulnerability in each package once when there is more than one platform.
 */
export function countsTable(report: Report): string[] {
  const platforms = report.scan.platforms;
  if (platforms.length === 0) return [];
  const lines = [`| Platform | Scan | ${SEVERITIES.join(' | ')} | Ignored |`, `|---|---|${SEVERITIES.map(() => '--:|').join('')}--:|`];
  for (const platform of platforms)
    lines.push(countsRow(escapeText(platform.platform, 60), escapeText(platform.status, 40), platform.counts, platform.ignored));
  if (platforms.length > 1) lines.push(countsRow('**All platforms**', '', report.counts, report.ignoredCount));
  return lines;
}

function countsRow(label: string, status: string, counts: SeverityCounts, ignored: number): string {
  return `| ${label} | ${status} | ${SEVERITIES.map((s) => formatCount(counts[s])).join(' | ')} | ${formatCount(ignored)} |`;
}

/** Why a platform's scan gave no findings, for statuses that are not final. */
export function platformNotes(platforms: PlatformReport[]): string[] {
  return platforms
    .filter((p) => p.status !== 'COMPLETE' && p.status !== 'ACTIVE')
    .map(
      (p) => `- ${escapeText(p.platform, 60)}: ${escapeText(p.status, 40)}${p.description ? ` — ${escapeText(p.description, 300)}` : ''}`,
    );
}

/** Findings that read as one row: the same vulnerability in the same package on several platforms. */
export interface FindingRow<F extends Finding = EvaluatedFinding> {
  finding: F;
  platforms: string[];
}

export function groupFindings<F extends Finding>(
  findings: readonly F[],
  ignoredOf: (f: F) => Ignored | undefined = () => undefined,
): FindingRow<F>[] {
  const rows = new Map<string, FindingRow<F>>();
  for (const finding of findings) {
    const ignored = ignoredOf(finding);
    const key = JSON.stringify([
      finding.id,
      finding.package,
      finding.version,
      finding.fixedIn,
      finding.severity,
      ignored?.by,
      ignored?.reason,
    ]);
    const row = rows.get(key);
    if (row) {
      if (!row.platforms.includes(finding.platform)) row.platforms.push(finding.platform);
    } else {
      rows.set(key, { finding, platforms: [finding.platform] });
    }
  }
  return [...rows.values()];
}

export const FINDING_HEADER = ['| Severity | ID | Package | Installed | Fixed in | Platform |', '|---|---|---|---|---|---|'];

export function findingRow(row: FindingRow<Finding>): string {
  const f = row.finding;
  return `| ${severityCell(f.severity)} | ${link(f.id, f.uri, 80)} | ${code(f.package, 80)} | ${code(f.version, 60)} | ${fixedIn(f)} | ${platformsCell(row.platforms)} |`;
}

export const IGNORED_HEADER = ['| Severity | ID | Package | Platform | Ignored by | Reason | Expires |', '|---|---|---|---|---|---|---|'];

const IGNORED_BY: Record<Ignored['by'], string> = {
  input: '`ignore` input',
  file: 'ignore file',
  unfixed: '`ignore-unfixed`',
};

export function ignoredRow(row: FindingRow<EvaluatedFinding>): string {
  const f = row.finding;
  const ignored = f.ignored;
  return `| ${severityCell(f.severity)} | ${link(f.id, f.uri, 80)} | ${code(f.package, 80)} | ${platformsCell(row.platforms)} | ${ignored ? IGNORED_BY[ignored.by] : ''} | ${escapeText(ignored?.reason, 200)} | ${code(ignored?.expires, 40)} |`;
}

function fixedIn(f: Finding): string {
  if (f.fixedIn) return code(f.fixedIn, 80);
  return f.fixAvailable === 'NO' ? 'no fix' : '—';
}

function platformsCell(platforms: string[]): string {
  const shown = platforms.slice(0, 4).map((p) => escapeText(p, 40));
  if (platforms.length > shown.length) shown.push(`+${platforms.length - shown.length}`);
  return shown.join(', ');
}

/** The first `limit` rows, and how many were left out. */
export function take<T>(rows: readonly T[], limit: number): { shown: T[]; leftOut: number } {
  const shown = rows.slice(0, Math.max(0, limit));
  return { shown, leftOut: rows.length - shown.length };
}

/** The comparison in one sentence: "Against the base image this adds 2 CRITICAL and fixes 5 HIGH." */
export function comparisonSentence(report: Report): string | undefined {
  const comparison = report.comparison;
  if (!comparison) return undefined;
  // The note is a whole sentence ("No image for the base commit …: comparison skipped (gate: all).").
  if (!comparison.available) return escapeText(comparison.note ?? 'No comparison with the base image.', 300);
  const base = comparison.baseSha ? ` (${code(comparison.baseSha.slice(0, 12))})` : '';
  const note = comparison.note ? ` ${escapeText(comparison.note, 300)}` : '';
  return `Against the base image${base} this image **${describeDifference(newFindings(report), comparison.fixed)}**.${note}`;
}

/** Findings new against the base image that are not ignored. */
export function newFindings(report: Report): EvaluatedFinding[] {
  return report.findings.filter((f) => f.comparison === 'new' && !f.ignored);
}

export function gateDescription(report: Report): string {
  const gate = report.gate;
  const threshold = gate.threshold === 'NONE' ? 'never fails on findings (threshold NONE)' : `fails on ${gate.threshold} or above`;
  const parts = [threshold, gate.mode === 'new' ? 'new findings only' : 'all findings'];
  if (gate.ignoreUnfixed) parts.push('findings without a fix ignored');
  parts.push(`an incomplete scan ${gate.onIncomplete === 'fail' ? 'fails' : 'warns'}`);
  return parts.join(', ');
}

/**
 * Cuts text to at most `maxBytes` of UTF-8 at a line break, closes any `<details>` the cut left
 * open, then adds `note` on its own paragraph. The note must be short.
 */
export function fitBytes(text: string, maxBytes: number, note: string): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const closing = '\n\n</details>'.repeat(8);
  const room = Math.max(0, maxBytes - Buffer.byteLength(`${closing}\n\n${note}\n`, 'utf8'));
  const cut = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8');
  const line = cut.lastIndexOf('\n');
  return `${closeDetails(line > 0 ? cut.slice(0, line) : '')}\n\n${note}\n`;
}

/** Text cut short, with the `<details>` it left open closed (at most 8, what cut budgets allow for). */
export function closeDetails(cut: string): string {
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return open > 0 ? `${cut}${'\n\n</details>'.repeat(Math.min(open, 8))}` : cut;
}

export interface TableSection {
  /** Our own words (it also goes into `<summary>`, raw HTML): never text from a finding. */
  title: string;
  header: string[];
  /** Rows the whole table has (the title gives the number). */
  count: number;
  /** The first `limit` rows, rendered: a table of 10,000 findings renders only the rows shown. */
  rows(limit: number): string[];
  /** Folded into `<details>`. */
  folded: boolean;
}

/** A table's rows from grouped findings, each rendered only when it is shown. */
export function tableRows<F extends Finding>(
  groups: readonly FindingRow<F>[],
  render: (row: FindingRow<F>) => string,
): Pick<TableSection, 'count' | 'rows'> {
  return { count: groups.length, rows: (limit) => take(groups, limit).shown.map(render) };
}

/**
 * A titled table of at most `limit` rows, followed by `leftOut(n)` when rows were cut.
 * Returns the lines and how many rows it used. An empty section renders nothing.
 */
export function renderSection(section: TableSection, limit: number, leftOut: (count: number) => string): { lines: string[]; used: number } {
  if (section.count === 0) return { lines: [], used: 0 };
  const shown = section.rows(Math.min(limit, section.count));
  const cut = section.count - shown.length;
  const title = `${section.title} (${formatCount(section.count)})`;
  const body = [...(shown.length > 0 ? [...section.header, ...shown, ''] : []), ...(cut > 0 ? [leftOut(cut), ''] : [])];
  const lines = section.folded
    ? ['<details>', `<summary>${title}</summary>`, '', ...body, '</details>', '']
    : [`### ${title}`, '', ...body];
  return { lines, used: shown.length };
}
