// Writes the job summary with @actions/core's `core.summary`, passed in. One addRaw and one
// write, and never more than GitHub's limit: the runner drops a larger summary whole.
import { UTF8_BYTES, cutToFit } from './fit.js';
import { SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES, renderSummary } from './summary.js';
import type { Report } from './model.js';

/** The part of `core.summary` we use. */
export interface SummarySink {
  addRaw(text: string, addEOL?: boolean): unknown;
  write(options?: { overwrite?: boolean }): Promise<unknown>;
}

export interface SummaryWriteOptions {
  /** Bytes this write may take (default SUMMARY_BUDGET_BYTES; never more than the limit). */
  maxBytes?: number;
  /** Replace everything this step has written to its summary so far (core.summary's overwrite), instead of appending. */
  overwrite?: boolean;
}

/** Renders the report's summary and writes it; returns the bytes of markdown written. */
export async function writeJobSummary(report: Report, summary: SummarySink, options: SummaryWriteOptions = {}): Promise<number> {
  const maxBytes = Math.min(options.maxBytes ?? SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES);
  return writeSummaryText(renderSummary(report, { maxBytes: maxBytes - 2 }), summary, { ...options, maxBytes });
}

/** Writes markdown as it is, cut to the budget if it is over. */
export async function writeSummaryText(markdown: string, summary: SummarySink, options: SummaryWriteOptions = {}): Promise<number> {
  const maxBytes = Math.min(options.maxBytes ?? SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES);
  // addRaw(…, true) adds os.EOL (two bytes on Windows), so leave room for it.
  const text = cutToFit(markdown, maxBytes - 2, UTF8_BYTES, "_The summary was cut to fit GitHub's size limit._");
  summary.addRaw(text, true);
  await summary.write({ overwrite: options.overwrite ?? false });
  return Buffer.byteLength(text, 'utf8');
}
