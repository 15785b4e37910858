// Writes README.md's input and output tables from action.yml, so the two cannot drift.
//
//   npx tsx scripts/readme.ts           rewrite the tables in README.md (npm run readme)
//   npx tsx scripts/readme.ts --check   exit 1, writing nothing, when README.md is out of date
//
// The tables live between `<!-- inputs:start -->` / `<!-- inputs:end -->` and
// `<!-- outputs:start -->` / `<!-- outputs:end -->`; everything outside the markers is left as
// it is. __tests__/docs/readme.test.ts fails when README.md differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
}

export interface ActionOutput {
  description?: string;
}

export interface ActionMetadata {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, ActionOutput>;
}

export type TableName = 'inputs' | 'outputs';

export function parseActionYml(text: string): ActionMetadata {
  const data = parse(text) as Partial<ActionMetadata> | null;
  return { inputs: data?.inputs ?? {}, outputs: data?.outputs ?? {} };
}

/**
 * Text from action.yml made safe for one GitHub-flavoured-markdown table cell: `|` would end
 * the cell, `<context>` would vanish as an HTML tag, `*` and a word-edge `_` would start
 * emphasis. Backticks stay, so a description may hold code spans.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*/g, '\\*')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

/**
 * A description's closing "Default is …." sentence is the default of an input whose default
 * is computed at run time (the caller's account, `<context>/Dockerfile`); the table shows it
 * in the default column instead.
 */
export function splitDefault(description: string): { meaning: string; computedDefault?: string } {
  const text = description.replace(/\s+/g, ' ').trim();
  const match = /^(.*?)\s*\bDefault is (.+?)\.$/.exec(text);
  if (!match) return { meaning: text };
  return { meaning: match[1], computedDefault: match[2] };
}

function code(text: string): string {
  // A code span holding a backtick needs a longer fence; none of ours do, but stay correct.
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

export function renderInputs(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const { meaning, computedDefault } = splitDefault(input.description ?? '');
    let defaultCell = '';
    if (input.required === true) defaultCell = '**required**';
    else if (input.default !== undefined) defaultCell = code(String(input.default));
    else if (computedDefault !== undefined) defaultCell = escapeCell(computedDefault);
    return `| ${code(name)} | ${defaultCell} | ${escapeCell(meaning)} |`;
  });
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n');
}

export function renderOutputs(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs).map(([name, output]) => `| ${code(name)} | ${escapeCell(output.description ?? '')} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

const NOTICE = '<!-- Generated from action.yml by `npm run readme` (scripts/readme.ts); edit action.yml, not this table. -->';

export function markers(table: TableName): { start: string; end: string } {
  return { start: `<!-- ${table}:start -->`, end: `<!-- ${table}:end -->` };
}

/** Replaces what lies between a table's markers; throws when the markers are missing or out of order. */
export function replaceTable(readme: string, table: TableName, content: string): string {
  const { start, end } = markers(table);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from || readme.indexOf(start, from + 1) !== -1) {
    throw new Error(`README.md needs exactly one "${start}" followed by "${end}" to hold the ${table} table.`);
  }
  return `${readme.slice(0, from + start.length)}\n${NOTICE}\n\n${content}\n\n${readme.slice(to)}`;
}

/** README.md with both tables regenerated from action.yml. */
export function updateReadme(readme: string, actionYml: string): string {
  const action = parseActionYml(actionYml);
  return replaceTable(replaceTable(readme, 'inputs', renderInputs(action)), 'outputs', renderOutputs(action));
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run readme [-- --check]        (tsx scripts/readme.ts [--check])

Rewrites README.md's input and output tables from action.yml.

Options:
  --check      write nothing; exit 1 when README.md is out of date
  -h, --help   print this and exit
`;

function main(args: string[]): number {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg !== '--check');
  if (unknown !== undefined) {
    console.error(`readme.ts: unknown argument '${unknown}' (try --help)`);
    return 2;
  }
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const updated = updateReadme(readme, readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  if (args.includes('--check')) {
    if (updated === readme) return 0;
    console.error("README.md's input/output tables differ from action.yml: run `npm run readme` and commit the result.");
    return 1;
  }
  if (updated !== readme) writeFileSync(readmePath, updated);
  console.log(updated === readme ? 'README.md is up to date.' : 'README.md: tables rewritten from action.yml.');
  return 0;
}

// Run only as a script (`tsx scripts/readme.ts`), not when a test imports this module.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
