import { describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { WRITE_BATCH_CHARS, batched, writeJsonReport, writeSarifReport, type FileWriter } from '../../src/report/files.js';
import { renderJsonReport } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { failedReport, largeReport } from '../../__fixtures__/reports/index.js';

/** A writer that keeps each write's text, in order. */
function recordingWriter(): FileWriter & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    mkdir: () => Promise.resolve(undefined),
    writeFile: (_file, data) => {
      for (const piece of data) writes.push(piece);
      return Promise.resolve();
    },
  };
}

describe('report files', () => {
  test('writes the JSON report and the SARIF file, creating directories', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'report-files-'));
    try {
      const json = await writeJsonReport(failedReport, path.join(dir, 'a/b/report.json'));
      const sarif = await writeSarifReport(failedReport, path.join(dir, 'c/scan.sarif'), { dockerfile: 'Dockerfile' });
      expect(await readFile(json, 'utf8')).toBe(renderJsonReport(failedReport));
      expect(await readFile(sarif, 'utf8')).toBe(renderSarif(failedReport, { dockerfile: 'Dockerfile' }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('10,000 findings are written a batch at a time, never as one string', async () => {
    const report = largeReport(10_000);
    const options = { dockerfile: 'Dockerfile' };
    for (const [write, expected] of [
      [(writer: FileWriter) => writeJsonReport(report, 'report.json', writer), renderJsonReport(report)],
      [(writer: FileWriter) => writeSarifReport(report, 'scan.sarif', options, writer), renderSarif(report, options)],
    ] as const) {
      const writer = recordingWriter();
      await write(writer);
      expect(writer.writes.join('')).toBe(expected);
      expect(writer.writes.length).toBeGreaterThan(expected.length / (4 * WRITE_BATCH_CHARS));
      for (const text of writer.writes) expect(text.length).toBeLessThan(2 * WRITE_BATCH_CHARS);
    }
  });

  test('a write that fails names the file', async () => {
    const failing: FileWriter = {
      mkdir: () => Promise.resolve(undefined),
      writeFile: () => Promise.reject(new Error('EACCES: permission denied')),
    };
    await expect(writeJsonReport(failedReport, '/ro/report.json', failing)).rejects.toThrow(
      'Could not write /ro/report.json: EACCES: permission denied',
    );
  });
});

describe('batched', () => {
  test.each([
    [[], 4, []],
    [['ab', 'cd', 'e'], 4, ['abcd', 'e']],
    [['abcdef', 'g'], 4, ['abcdef', 'g']],
    [['a', '', 'b', 'cd'], 2, ['ab', 'cd']],
    [['a', 'b'], 10, ['ab']],
  ])('%j in batches of %d → %j', (pieces, size, expected) => {
    expect(Array.from(batched(pieces, size))).toEqual(expected);
  });
});
