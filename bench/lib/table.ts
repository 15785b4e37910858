// The one table the benchmark prints: each figure's median, spread, target and verdict.
import type { Summary } from './stats.js';

export type Verdict = 'PASS' | 'MISS' | 'info' | 'n/a';

export interface Row {
  /** Section, e.g. "1 start-up". */
  part: string;
  figure: string;
  /** Already formatted: median, spread. */
  median: string;
  spread: string;
  target: string;
  verdict: Verdict;
  n: number | string;
}

export interface Unit {
  /** Formats one value. */
  format(value: number): string;
}

export const ms: Unit = { format: (v) => (Math.abs(v) >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) };
export const seconds: Unit = { format: (v) => `${v.toFixed(2)} s` };
export const ratio: Unit = { format: (v) => `${v.toFixed(2)}×` };
export const perSecond: Unit = { format: (v) => `${v.toFixed(2)}/s` };
export const count: Unit = { format: (v) => String(Math.round(v)) };
export const bytes: Unit = {
  format: (v) =>
    v >= 1024 * 1024 ? `${(v / (1024 * 1024)).toFixed(2)} MiB` : v >= 1024 ? `${(v / 1024).toFixed(1)} KiB` : `${Math.round(v)} B`,
};
export const mb: Unit = { format: (v) => `${(v / 1e6).toFixed(1)} MB` };
export const chars: Unit = { format: (v) => `${Math.round(v).toLocaleString('en-US')} chars` };

/**
 * A row from repeated values. `pass` decides the verdict from the median (or, with `on: 'max'`,
 * from the worst run, for bounds every run must keep); without it the row is informational.
 */
export function row(
  part: string,
  figure: string,
  summary: Summary,
  unit: Unit,
  target = '',
  pass?: (value: number) => boolean,
  on: 'median' | 'max' = 'median',
): Row {
  const spread = summary.n > 1 ? `${unit.format(summary.min)} – ${unit.format(summary.max)}` : '';
  let verdict: Verdict = 'info';
  if (summary.n === 0) verdict = 'n/a';
  else if (pass) verdict = pass(on === 'max' ? summary.max : summary.median) ? 'PASS' : 'MISS';
  return { part, figure, median: summary.n === 0 ? '—' : unit.format(summary.median), spread, target, verdict, n: summary.n };
}

/** A row for a single value (a file size). */
export function single(part: string, figure: string, value: number, unit: Unit, target = '', pass?: (value: number) => boolean): Row {
  return { part, figure, median: unit.format(value), spread: '', target, verdict: pass ? (pass(value) ? 'PASS' : 'MISS') : 'info', n: 1 };
}

const HEADER = ['Part', 'Figure', 'Median', 'Spread (min – max)', 'Target', 'Result', 'n'];

/** Plain text, aligned: for the terminal. */
export function renderText(rows: readonly Row[]): string {
  const cells = [HEADER, ...rows.map(cellsOf)];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(cellsOf(r)))].join('\n');
}

/** Markdown: for docs/performance.md. */
export function renderMarkdown(rows: readonly Row[]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i === 2 || i === 6 ? '---:' : '---')).join('|')}|`,
    // Markdown drops leading spaces: a sub-figure is marked instead.
    ...rows.map(
      (r) =>
        `| ${cellsOf(r)
          .map((cell) => escape(cell.replace(/^ {2}/, '↳ ')))
          .join(' | ')} |`,
    ),
  ].join('\n');
}

function cellsOf(r: Row): string[] {
  return [r.part, r.figure, r.median, r.spread, r.target, r.verdict, String(r.n)];
}

/** A plain grid (the breakdowns): text for the terminal, or markdown. */
export function renderGrid(header: readonly string[], rows: readonly (readonly string[])[], markdown: boolean): string {
  if (markdown) {
    const escape = (s: string) => s.replace(/\|/g, '\\|');
    return [
      `| ${header.map(escape).join(' | ')} |`,
      `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
      ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
    ].join('\n');
  }
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
