// Writes the JSON report and the SARIF file. Thin: rendering is json.ts and sarif.ts; the file
// system is passed in (node:fs/promises by default) so tests can use a fake or a temp directory.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { toMessage } from '../util/errors.js';
import { renderJsonReport } from './json.js';
import type { Report } from './model.js';
import { renderSarif, type SarifOptions } from './sarif.js';

export interface FileWriter {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  writeFile(file: string, data: string, encoding: 'utf8'): Promise<void>;
}

/** Writes the JSON report to `file` (creating its directory) and returns the path written. */
export async function writeJsonReport(report: Report, file: string, writer: FileWriter = fs): Promise<string> {
  return writeText(file, renderJsonReport(report), writer);
}

/** Writes the SARIF report to `file` (creating its directory) and returns the path written. */
export async function writeSarifReport(report: Report, file: string, options: SarifOptions, writer: FileWriter = fs): Promise<string> {
  return writeText(file, renderSarif(report, options), writer);
}

async function writeText(file: string, text: string, writer: FileWriter): Promise<string> {
  try {
    await writer.mkdir(path.dirname(file), { recursive: true });
    await writer.writeFile(file, text, 'utf8');
  } catch (error) {
    throw new Error(`Could not write ${file}: ${toMessage(error)}`, { cause: error });
  }
  return file;
}
