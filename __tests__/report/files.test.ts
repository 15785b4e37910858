import { describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  SARIF_BATCH_CHARS,
  WRITE_BATCH_CHARS,
  batched,
  writeJsonReport,
  writeSarifFile,
  writeSarifReport,
  type FileSink,
  type FileWriter,
} from '../../src/report/files.js';
import { renderJsonReport } from '../../src/report/json.js';
import { renderSarif, sarifFile } from '../../src/report/sarif.js';
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

/** A file in memory, written at offsets and cut back, as node:fs's is; each write's text kept. */
function memoryFile(): { open: () => Promise<FileSink>; writes: string[]; truncations: number[]; text: () => string } {
  let bytes = Buffer.alloc(0);
  const writes: string[] = [];
  const truncations: number[] = [];
  return {
    writes,
    truncations,
    text: () => bytes.toString('utf8'),
    open: () =>
      Promise.resolve({
        write: (text: string, position: number) => {
          writes.push(text);
          const data = Buffer.from(text, 'utf8');
          const grown = Buffer.alloc(Math.max(bytes.length, position + data.length));
          bytes.copy(grown);
          data.copy(grown, position);
          bytes = grown;
          return Promise.resolve();
        },
        truncate: (length: number) => {
          truncations.push(length);
          bytes = bytes.subarray(0, length);
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      }),
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
    const writer = recordingWriter();
    await writeJsonReport(report, 'report.json', writer);
    const expected = renderJsonReport(report);
    expect(writer.writes.join('')).toBe(expected);
    expect(writer.writes.length).toBeGreaterThan(expected.length / (4 * WRITE_BATCH_CHARS));
    for (const text of writer.writes) expect(text.length).toBeLessThan(2 * WRITE_BATCH_CHARS);

    const file = memoryFile();
    const options = { dockerfile: 'Dockerfile' };
    await writeSarifReport(report, 'scan.sarif', options, file.open);
    const sarif = renderSarif(report, options);
    expect(file.text()).toBe(sarif);
    // It fitted at once: written once, a batch at a time, nothing cut back.
    expect(file.truncations).toEqual([]);
    expect(file.writes.join('')).toBe(sarif);
    expect(file.writes.length).toBeGreaterThan(sarif.length / (4 * SARIF_BATCH_CHARS));
    for (const text of file.writes) expect(text.length).toBeLessThan(2 * SARIF_BATCH_CHARS);
  });

  test('a SARIF run over its budget is cut back and written again with less, as renderSarif fits it', async () => {
    const report = largeReport(2_000, { descriptionLength: 1000 });
    const options = { dockerfile: 'Dockerfile', maxBytes: 400_000 };
    const file = memoryFile();
    await writeSarifFile('scan.sarif', sarifFile(report, options), file.open);
    expect(file.truncations.length).toBeGreaterThan(0);
    expect(file.text()).toBe(renderSarif(report, options));
    expect(Buffer.byteLength(file.text(), 'utf8')).toBeLessThanOrEqual(400_000);
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
