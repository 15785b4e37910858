// Writes the JSON report and the SARIF file. Thin: rendering is json.ts and sarif.ts; the file
// system is passed in (node:fs/promises by default) so tests can use a fake or a temp directory.
// Both files are written as their text is rendered, a batch of pieces at a time: with 10,000
// findings they are megabytes, and holding one whole (and its UTF-8 copy) would be most of the
// action's memory.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { toMessage } from '../util/errors.js';
import { jsonReportChunks } from './json.js';
import type { Report } from './model.js';
import { sarifChunks, type SarifOptions } from './sarif.js';

export interface FileWriter {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  /** Writes `data`'s pieces in order (node:fs/promises writes an iterable one piece at a time). */
  writeFile(file: string, data: Iterable<string>, encoding: 'utf8'): Promise<void>;
}

/** About what one write takes: 10,000 findings are a few hundred writes, none holding much memory. */
export const WRITE_BATCH_CHARS = 16 * 1024;

/** Writes the JSON report to `file` (creating its directory) and returns the path written. */
export async function writeJsonReport(report: Report, file: string, writer: FileWriter = fs): Promise<string> {
  return writeText(file, jsonReportChunks(report), writer);
}

/** Writes the SARIF report to `file` (creating its directory) and returns the path written. */
export async function writeSarifReport(report: Report, file: string, options: SarifOptions, writer: FileWriter = fs): Promise<string> {
  // Measured against the size cap here, before the file is opened.
  return writeText(file, sarifChunks(report, options), writer);
}

/** Writes text given in pieces to `file` (creating its directory), a batch at a time; returns the path. */
export async function writeText(file: string, pieces: Iterable<string>, writer: FileWriter = fs): Promise<string> {
  try {
    await writer.mkdir(path.dirname(file), { recursive: true });
    await writer.writeFile(file, batched(pieces, WRITE_BATCH_CHARS), 'utf8');
  } catch (error) {
    throw new Error(`Could not write ${file}: ${toMessage(error)}`, { cause: error });
  }
  return file;
}

/** Pieces joined into batches of at least `size` characters (the last one may be shorter). */
export function* batched(pieces: Iterable<string>, size: number): Generator<string> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= size) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}
