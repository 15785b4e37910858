import { describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeJsonReport, writeSarifReport, type FileWriter } from '../../src/report/files.js';
import { renderJsonReport } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { failedReport } from '../../__fixtures__/reports/index.js';

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

  test('a write that fails names the file', async () => {
    const failing: FileWriter = {
      mkdir: () => Promise.resolve(undefined),
      writeFile: () => Promise.reject(new Error('EACCES: permission denied')),
    };
    await expect(writeJsonReport(failedReport, '/ro/report.json', failing)).rejects.toThrow('Could not write /ro/report.json: EACCES: permission denied');
  });
});
