// The ignore file: a YAML list of {id, reason, expires?}. Parsed and validated up front, so
// a malformed file stops the step before anything is built.
// The YAML parser comes in from the caller: `yaml` is a large module, and the action loads it
// only for a run that has an ignore file to read (inputs.ts, readInputs).
import { oneLine, quoted } from '../util/errors.js';

export interface IgnoreEntry {
  id: string;
  reason: string;
  /** Last day (UTC, inclusive) on which the entry ignores; after it the finding counts again. */
  expires?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns the entries, or throws an Error whose message says what is wrong (the caller names the input). */
export function parseIgnoreFile(text: string, parseYaml: (text: string) => unknown): IgnoreEntry[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new Error(`is not valid YAML (${error instanceof Error ? oneLine(error.message.split('\n')[0] ?? '') : String(error)})`, {
      cause: error,
    });
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error('must be a YAML list of {id, reason, expires?} entries');
  return data.map((item: unknown, index) => parseEntry(item, index + 1));
}

function parseEntry(item: unknown, position: number): IgnoreEntry {
  const where = `entry ${position}`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new Error(`${where} must be a mapping with id, reason and optional expires`);
  }
  const record = item as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !['id', 'reason', 'expires'].includes(key));
  if (unknownKeys.length > 0) throw new Error(`${where} has unknown key ${oneLine(unknownKeys[0] ?? '')} (accepted: id, reason, expires)`);
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id).trim() : '';
  if (id === '') throw new Error(`${where} needs an id (a vulnerability ID such as CVE-2024-1234)`);
  const reason = typeof record.reason === 'string' ? record.reason.trim() : '';
  if (reason === '') throw new Error(`${where} (${oneLine(id)}) needs a reason`);
  if (record.expires === undefined || record.expires === null) return { id, reason };
  const expires = record.expires instanceof Date ? record.expires.toISOString().slice(0, 10) : String(record.expires);
  if (
    !DATE.test(expires) ||
    Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) ||
    new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires
  ) {
    throw new Error(`${where} (${oneLine(id)}) has expires ${quoted(expires)}, which is not a date YYYY-MM-DD`);
  }
  return { id, reason, expires };
}
