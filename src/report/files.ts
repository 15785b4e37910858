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
import { sarifFile, type SarifFile, type SarifOptions } from './sarif.js';

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

/** Writes one image's SARIF report to `file` (creating its directory) and returns the path written. */
export async function writeSarifReport(report: Report, file: string, options: SarifOptions, open: OpenFile = openFile): Promise<string> {
  return writeSarifFile(file, sarifFile(report, options), open);
}

/**
 * What one SARIF write takes: more than a JSON report's batch, since each write at an offset is
 * a round trip of its own (a run of 10,000 results is then a few dozen writes, not hundreds).
 */
export const SARIF_BATCH_CHARS = 256 * 1024;

/** A file open for writing at given offsets, and cut back (a run over its budget is written again). */
export interface FileSink {
  write(text: string, position: number): Promise<void>;
  truncate(bytes: number): Promise<void>;
  close(): Promise<void>;
}

export type OpenFile = (file: string) => Promise<FileSink>;

/** node:fs's file, created (or emptied), its directory made first. */
export const openFile: OpenFile = async (file) => {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  return {
    write: async (text, position) => {
      await handle.write(text, position, 'utf8');
    },
    truncate: (bytes) => handle.truncate(bytes),
    close: () => handle.close(),
  };
};

/**
 * Writes a SARIF file as it is rendered, a batch at a time: each run at its first rendering that
 * fits its budget, checked while it is written; a run that goes over is cut off and written again
 * with less detail. Nothing is held whole, and a run that fits (nearly always) is rendered once.
 */
export async function writeSarifFile(file: string, sarif: SarifFile, open: OpenFile = openFile): Promise<string> {
  try {
    const sink = await open(file);
    try {
      let at = 0;
      const put = async (text: string) => {
        await sink.write(text, at);
        at += Buffer.byteLength(text, 'utf8');
      };
      await put(sarif.start);
      let first = true;
      for (const run of sarif.runs) {
        if (!first) await put(sarif.separator);
        first = false;
        const from = at;
        const renderings = run.renderings[Symbol.iterator]();
        for (let next = renderings.next(); !next.done;) {
          const after = renderings.next();
          // The last rendering (no result at all) is written whatever its size: there is no less.
          const budget = after.done ? Infinity : run.maxBytes;
          let over = false;
          for (const batch of batched(next.value, SARIF_BATCH_CHARS)) {
            await put(batch);
            if (at - from > budget) {
              over = true;
              break;
            }
          }
          if (!over) break;
          await sink.truncate(from);
          at = from;
          next = after;
        }
      }
      await put(sarif.end);
    } finally {
      await sink.close();
    }
  } catch (error) {
    throw new Error(`Could not write ${file}: ${toMessage(error)}`, { cause: error });
  }
  return file;
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
