import { describe, expect, test } from '@jest/globals';
import type * as core from '@actions/core';
import { SUMMARY_LIMIT_BYTES, renderSummary } from '../../src/report/summary.js';
import { writeJobSummary, writeSummaryText, type SummarySink } from '../../src/report/summary-writer.js';
import { failedReport, largeReport } from '../../__fixtures__/reports/index.js';

function fakeSummary() {
  const calls: Array<{ method: 'addRaw' | 'write'; text?: string; overwrite?: boolean }> = [];
  const sink: SummarySink = {
    addRaw(text: string) {
      calls.push({ method: 'addRaw', text });
      return sink;
    },
    write(options?: { overwrite?: boolean }) {
      calls.push({ method: 'write', overwrite: options?.overwrite });
      return Promise.resolve(sink);
    },
  };
  return { sink, calls };
}

describe('writeJobSummary', () => {
  test('one addRaw and one write of the rendered summary', async () => {
    const { sink, calls } = fakeSummary();
    await writeJobSummary(failedReport, sink);
    expect(calls).toEqual([
      { method: 'addRaw', text: renderSummary(failedReport) },
      { method: 'write', overwrite: false },
    ]);
  });

  test('overwrite replaces what the step wrote before', async () => {
    const { sink, calls } = fakeSummary();
    await writeJobSummary(failedReport, sink, { overwrite: true });
    expect(calls[1]).toEqual({ method: 'write', overwrite: true });
  });

  test.each([
    ['default budget', undefined],
    ['a budget over the limit is held to the limit', 10 * SUMMARY_LIMIT_BYTES],
    ['a small budget', 50_000],
  ])('a huge report stays under the limit: %s', async (_name, maxBytes) => {
    const { sink, calls } = fakeSummary();
    const written = await writeJobSummary(largeReport(20_000, { descriptionLength: 2000 }), sink, { maxBytes });
    const text = calls[0]?.text ?? '';
    expect(Buffer.byteLength(text, 'utf8')).toBe(written);
    expect(written + 2).toBeLessThanOrEqual(Math.min(maxBytes ?? SUMMARY_LIMIT_BYTES, SUMMARY_LIMIT_BYTES));
  });

  test('markdown over the limit is cut, not dropped', async () => {
    const { sink, calls } = fakeSummary();
    const huge = `${'| row |\n'.repeat(300_000)}`;
    await writeSummaryText(huge, sink);
    const text = calls[0]?.text ?? '';
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(text).toContain("_The summary was cut to fit GitHub's size limit._");
  });

  test("@actions/core's summary fits the sink type", () => {
    const check = (summary: typeof core.summary): SummarySink => summary;
    expect(typeof check).toBe('function');
  });
});
