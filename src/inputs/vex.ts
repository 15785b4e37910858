// Pure: the `vex` input → the OpenVEX statements of the files it names. Entries are newline- or
// comma-separated files or globs, relative to the workspace (`*`, `?`, `[…]` within a path
// segment, `**` for any depth of directories). The workspace is listed through the environment
// (read.ts lists the real one). A missing file, a glob that matches nothing or a malformed
// document is one line naming the input and the file, before any build.
import * as path from 'node:path';
import { parseVexDocument, type VexStatement } from '../gate/vex.js';
import { InputError, oneLine, quoted, toMessage } from '../util/errors.js';
import type { Reader } from './reader.js';
import type { InputEnvironment } from './types.js';

const ACCEPTED = 'accepted: OpenVEX JSON.';
const ACCEPTED_FILES = 'accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.';

export function readVex(read: Reader, environment: InputEnvironment): VexStatement[] {
  const files = new Map<string, string>(); // full path → the name the reports use
  for (const entry of read.list('vex')) {
    if (isGlob(entry)) {
      const matches = expandGlob(entry, environment);
      if (matches.length === 0) throw new InputError(`Input "vex": ${quoted(entry)} matches no file; ${ACCEPTED_FILES}`);
      for (const full of matches) if (!files.has(full)) files.set(full, displayName(full, environment.cwd));
      continue;
    }
    const full = read.path(entry);
    if (!environment.isFile(full)) {
      const what = environment.isDirectory(full) ? 'is a directory' : 'does not exist';
      throw new InputError(`Input "vex": ${oneLine(entry)} ${what}; ${ACCEPTED_FILES}`);
    }
    if (!files.has(full)) files.set(full, entry);
  }
  return [...files].flatMap(([full, file]) => {
    let text: string;
    try {
      text = environment.readText(full);
    } catch (error) {
      throw new InputError(`Input "vex": ${oneLine(file)} could not be read (${oneLine(toMessage(error))}); ${ACCEPTED}`);
    }
    const parsed = parseVexDocument(text, file);
    if ('problem' in parsed) throw new InputError(`Input "vex": ${oneLine(file)} ${parsed.problem}; ${ACCEPTED}`);
    return parsed.statements;
  });
}

export function isGlob(entry: string): boolean {
  return /[*?[]/.test(entry);
}

/**
 * The files a glob matches, full paths in sorted order. The walk starts at the pattern's first
 * segment that is not literal; `*`, `?` and `[…]` do not match a leading `.` (as a shell's do)
 * and `**` does not enter dot-directories, unless the pattern spells the dot.
 */
export function expandGlob(pattern: string, environment: Pick<InputEnvironment, 'cwd' | 'listDirectory'>): string[] {
  const list = environment.listDirectory;
  if (list === undefined) return [];
  const full = path.resolve(environment.cwd, pattern);
  const root = path.parse(full).root;
  const segments = full
    .slice(root.length)
    .split(path.sep)
    .filter((s) => s !== '');
  const firstGlob = segments.findIndex(isGlob);
  const start = path.join(root, ...segments.slice(0, firstGlob));
  const parts = segments.slice(firstGlob).map((segment) => (segment === '**' ? GLOBSTAR : segmentPattern(segment)));
  const found = new Set<string>();
  const walk = (dir: string, rest: ReadonlyArray<RegExp | typeof GLOBSTAR>): void => {
    const [part, ...after] = rest;
    if (part === undefined) return;
    const entries = list(dir);
    if (part === GLOBSTAR) {
      // `**` matches no directory (the rest applies here) or one more level (and `**` again).
      walk(dir, after);
      for (const entry of entries) if (entry.directory && !entry.name.startsWith('.')) walk(path.join(dir, entry.name), rest);
      return;
    }
    for (const entry of entries) {
      if (!part.test(entry.name)) continue;
      const child = path.join(dir, entry.name);
      if (after.length === 0) {
        if (!entry.directory) found.add(child);
      } else if (entry.directory) walk(child, after);
    }
  };
  walk(start, parts);
  return [...found].sort();
}

const GLOBSTAR = Symbol('**');

/** One path segment of a glob as a regular expression. */
function segmentPattern(segment: string): RegExp {
  let source = segment.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      source += `[${negated ? '^' : ''}${chars}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A glob's match as the reports name it: relative to the workspace, with forward slashes. */
function displayName(full: string, cwd: string): string {
  const relative = path.relative(cwd, full);
  return relative.startsWith('..') || path.isAbsolute(relative) ? full : relative.split(path.sep).join('/');
}
