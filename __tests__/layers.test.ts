// The rule of the layers in src/ (docs/architecture.md), checked on the sources: imports point
// one way, from the orchestrator down to the ground. A new import that breaks the rule fails
// here, with the import named.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [path.relative(SRC, file)] : [];
  });
}

const FILES = sources();
const TEXT = new Map(FILES.map((file) => [file, readFileSync(path.join(SRC, file), 'utf8')]));

/** Every relative import of every file in src/ (static, re-exports and dynamic import()). */
const IMPORTS: Import[] = FILES.flatMap((file) => {
  const text = TEXT.get(file)!;
  const found: Import[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const spec = match[3] ?? match[4]!;
    const to = path.normalize(path.join(path.dirname(file), spec.replace(/\.js$/, '.ts')));
    if (to.startsWith('..')) continue; // @actions/core's own files, by path (src/util/actions-core.ts)
    found.push({ from: file, to, typeOnly: match[2] !== undefined });
  }
  return found;
});

const folder = (file: string) => (file.includes('/') ? file.split('/')[0]! : file);
const GROUND = ['util', 'aws'];
const SHARED = ['shared'];
const ADAPTERS = ['ecr', 'github', 'inspector', 'attest', 'buildx', 'scan'];
const DECISIONS = ['gate', 'tags'];
const describeImport = (i: Import) => `${i.from} → ${i.to}${i.typeOnly ? ' (type)' : ''}`;
const breaking = (allowed: (i: Import) => boolean, from: (file: string) => boolean) =>
  IMPORTS.filter((i) => from(i.from) && !allowed(i)).map(describeImport);

describe('the layers of src/', () => {
  test('the sources are found and read (the rule below is not vacuous)', () => {
    expect(FILES.length).toBeGreaterThan(80);
    expect(IMPORTS.length).toBeGreaterThan(300);
    expect(IMPORTS).toContainEqual({ from: 'index.ts', to: 'main.ts', typeOnly: false });
  });

  test('no import cycle, type imports included', () => {
    const graph = new Map<string, string[]>(FILES.map((file) => [file, []]));
    for (const i of IMPORTS) graph.get(i.from)?.push(i.to);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('nothing imports the orchestrator but src/index.ts', () => {
    expect(IMPORTS.filter((i) => i.to === 'main.ts' && i.from !== 'index.ts').map(describeImport)).toEqual([]);
  });

  test('the ground (util/, aws/) imports only the ground', () => {
    expect(
      breaking(
        (i) => GROUND.includes(folder(i.to)),
        (f) => GROUND.includes(folder(f)),
      ),
    ).toEqual([]);
  });

  test('shared/ (the words every layer uses) imports only the ground and itself', () => {
    expect(
      breaking(
        (i) => [...GROUND, ...SHARED].includes(folder(i.to)),
        (f) => SHARED.includes(folder(f)),
      ),
    ).toEqual([]);
  });

  test('adapters import the ground, shared/ and their own folder; another adapter only for its types', () => {
    const allowed = (i: Import) =>
      [...GROUND, ...SHARED, folder(i.from)].includes(folder(i.to)) || (i.typeOnly && ADAPTERS.includes(folder(i.to)));
    expect(breaking(allowed, (f) => ADAPTERS.includes(folder(f)))).toEqual([]);
  });

  test('pure decisions (gate/, tags/) import no adapter, no phase, no I/O', () => {
    expect(
      breaking(
        (i) => [...GROUND, ...SHARED, ...DECISIONS].includes(folder(i.to)),
        (f) => DECISIONS.includes(folder(f)),
      ),
    ).toEqual([]);
    const io = /from '(?:node:(?:fs|child_process|http|https|net)|@actions\/[^']+|@aws-sdk\/[^']+)'/;
    const impure = FILES.filter((f) => DECISIONS.includes(folder(f))).filter((f) =>
      TEXT.get(f)!
        .split('\n')
        .some((line) => io.test(line) && !/^import type /.test(line)),
    );
    expect(impure).toEqual([]);
  });

  test('report/ (the model and its renderers) imports no adapter and no phase', () => {
    expect(
      breaking(
        (i) => [...GROUND, ...SHARED, ...DECISIONS, 'report'].includes(folder(i.to)),
        (f) => folder(f) === 'report',
      ),
    ).toEqual([]);
  });

  test("the phases' shared types sit below them: steps/types.ts imports no phase, and nothing below the phases imports steps/", () => {
    expect(IMPORTS.filter((i) => i.from === 'steps/types.ts' && folder(i.to) === 'steps').map(describeImport)).toEqual([]);
    const above = ['steps', 'main.ts', 'index.ts'];
    expect(IMPORTS.filter((i) => folder(i.to) === 'steps' && !above.includes(folder(i.from))).map(describeImport)).toEqual([]);
  });

  test('one reader of the inputs, one writer of the outputs', () => {
    const calling = (pattern: RegExp) => FILES.filter((f) => pattern.test(TEXT.get(f)!));
    expect(calling(/core\.getInput\(/)).toEqual(['inputs/read.ts']);
    expect(calling(/core\.setOutput\(/)).toEqual(['outputs.ts']);
    expect(
      IMPORTS.filter((i) => folder(i.to) === 'inputs' && !['steps', 'main.ts', 'inputs'].includes(folder(i.from))).map(describeImport),
    ).toEqual([]);
  });
});
