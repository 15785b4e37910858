// README.md's input and output tables are generated from action.yml (scripts/readme.ts); this
// fails when someone edits one without the other. Fix: `npm run readme`.
import { describe, expect, test } from '@jest/globals';
import { lexer, parseInline, type Tokens } from 'marked';
import { escapeCell, parseActionYml, renderInputs, renderOutputs, replaceTable, splitDefault, updateReadme } from '../../scripts/readme.js';
import { codeBlocks, readRepoFile, section } from './markdown.js';

const README = readRepoFile('README.md');
const ACTION_YML = readRepoFile('action.yml');
const ACTION = parseActionYml(ACTION_YML);

/** The plain text a table cell renders to. */
function cellText(markdown: string): string {
  return (parseInline(markdown) as string)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function tableAfter(markdown: string, marker: string): Tokens.Table {
  const from = markdown.indexOf(marker);
  const table = lexer(markdown.slice(from)).find((token) => token.type === 'table');
  if (!table) throw new Error(`no table after ${marker}`);
  return table as Tokens.Table;
}

describe('README tables', () => {
  test('README.md is what `npm run readme` writes from action.yml', () => {
    // On failure: run `npm run readme` and commit README.md.
    expect(README).toBe(updateReadme(README, ACTION_YML));
  });

  test('every input is a row, in action.yml order, and nothing else', () => {
    const table = tableAfter(README, '<!-- inputs:start -->');
    expect(table.rows.map((row) => cellText(row[0].text))).toEqual(Object.keys(ACTION.inputs));
  });

  test('every output is a row, in action.yml order, and nothing else', () => {
    const table = tableAfter(README, '<!-- outputs:start -->');
    expect(table.rows.map((row) => cellText(row[0].text))).toEqual(Object.keys(ACTION.outputs));
  });

  test('each description renders back to the text in action.yml (escaping loses nothing)', () => {
    const table = tableAfter(README, '<!-- inputs:start -->');
    for (const [i, [name, input]] of Object.entries(ACTION.inputs).entries()) {
      const { meaning } = splitDefault(input.description ?? '');
      expect([name, cellText(table.rows[i][2].text)]).toEqual([name, meaning]);
    }
  });

  test('required inputs say so; defaults are shown verbatim', () => {
    const table = tableAfter(README, '<!-- inputs:start -->');
    for (const [i, [name, input]] of Object.entries(ACTION.inputs).entries()) {
      const cell = cellText(table.rows[i][1].text);
      if (input.required === true) expect([name, cell]).toEqual([name, 'required']);
      else if (input.default !== undefined) expect([name, cell]).toEqual([name, String(input.default)]);
    }
  });
});

describe('scripts/readme.ts', () => {
  test.each([
    ['a pipe would end the cell', 'a | b', 'a \\| b'],
    ['an angle-bracket word would vanish as HTML', '<context>/Dockerfile', '&lt;context&gt;/Dockerfile'],
    ['a star would start emphasis', '*_WITH_EXCLUSION mode, e.g. v*', '\\*\\_WITH_EXCLUSION mode, e.g. v\\*'],
    ['underscores inside words stay', 'AWS_DEFAULT_REGION', 'AWS_DEFAULT_REGION'],
    ['line breaks fold into one line', 'one\ntwo  three\n', 'one two three'],
    ['a backslash is kept', 'C:\\path', 'C:\\\\path'],
  ])('escapeCell: %s', (_why, input, expected) => {
    expect(escapeCell(input)).toBe(expected);
    expect(cellText(expected)).toBe(input.replace(/\s+/g, ' ').trim());
  });

  test.each([
    [
      'Region of the registry. Default is AWS_REGION, then AWS_DEFAULT_REGION.',
      'Region of the registry.',
      'AWS_REGION, then AWS_DEFAULT_REGION',
    ],
    [
      'YAML list of {id, reason, expires?}. Default is .ecr-scan-ignore.yml when present.',
      'YAML list of {id, reason, expires?}.',
      '.ecr-scan-ignore.yml when present',
    ],
    ['Build context.', 'Build context.', undefined],
    ['Defaults matter. Default is x.', 'Defaults matter.', 'x'],
  ])('splitDefault(%j)', (description, meaning, computedDefault) => {
    expect(splitDefault(description)).toEqual(computedDefault === undefined ? { meaning } : { meaning, computedDefault });
  });

  test('renders required, literal and computed defaults', () => {
    const action = parseActionYml(
      [
        'inputs:',
        '  name:',
        '    description: The name.',
        '    required: true',
        '  mode:',
        "    description: 'Mode: a | b.'",
        '    default: a',
        '  file:',
        '    description: Path. Default is <context>/Dockerfile.',
        'outputs:',
        '  uri:',
        '    description: The reference.',
      ].join('\n'),
    );
    expect(renderInputs(action)).toBe(
      [
        '| input | default | description |',
        '|---|---|---|',
        '| `name` | **required** | The name. |',
        '| `mode` | `a` | Mode: a \\| b. |',
        '| `file` | &lt;context&gt;/Dockerfile | Path. |',
      ].join('\n'),
    );
    expect(renderOutputs(action)).toBe(['| output | description |', '|---|---|', '| `uri` | The reference. |'].join('\n'));
  });

  test('replaces only what lies between the markers, and is idempotent', () => {
    const doc = 'before\n<!-- inputs:start -->\nold\n<!-- inputs:end -->\nafter\n';
    const once = replaceTable(doc, 'inputs', '| t |');
    expect(once.startsWith('before\n<!-- inputs:start -->\n')).toBe(true);
    expect(once.endsWith('\n| t |\n\n<!-- inputs:end -->\nafter\n')).toBe(true);
    expect(once).not.toContain('old');
    expect(replaceTable(once, 'inputs', '| t |')).toBe(once);
  });

  test.each([
    ['missing markers', 'no markers here'],
    ['end before start', '<!-- inputs:end -->\n<!-- inputs:start -->'],
    ['two starts', '<!-- inputs:start -->\n<!-- inputs:start -->\n<!-- inputs:end -->'],
  ])('refuses a README with %s', (_why, doc) => {
    expect(() => replaceTable(doc, 'inputs', 'x')).toThrow(
      'README.md needs exactly one "<!-- inputs:start -->" followed by "<!-- inputs:end -->"',
    );
  });
});

describe('README promises', () => {
  test('"Try it here" sets up with exactly `npm run demo` and `npm test`', () => {
    const blocks = codeBlocks(section(README, 'Try it here: two commands'));
    expect(blocks).toHaveLength(1);
    const commands = blocks[0].text
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm run demo', 'npm test']);
  });

  test('every npm script README names exists in package.json', () => {
    const scripts = Object.keys((JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> }).scripts);
    const named = new Set([...README.matchAll(/npm run(?: -s)? ([a-z][a-z0-9:-]*)/g)].map((m) => m[1]));
    expect([...named].filter((name) => !scripts.includes(name))).toEqual([]);
  });

  test('the pictures are referenced from docs/', () => {
    const pictures = section(README, 'Pictures');
    expect(pictures).toContain('](docs/summary.png)');
    expect(pictures).toContain('](docs/comment.png)');
  });

  test('every relative link points at a file in the repository, pictures included', () => {
    const links = [...README.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1]);
    const missing = links.filter((link) => {
      try {
        readRepoFile(link);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });
});
