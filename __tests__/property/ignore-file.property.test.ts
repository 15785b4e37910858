import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseIgnoreFile, type IgnoreEntry } from '../../src/gate/ignore-file.js';
import { LINE_BREAK, anyText, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };

// The yaml package reports odd-but-valid input (e.g. collection keys) through process.emitWarning:
// hundreds of generated files would flood the output with them.
const quiet = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
beforeAll(() => {
  quiet.mockClear();
});
afterAll(() => {
  quiet.mockRestore();
});

/** Entries or the Error; any other throw (a TypeError, a string) fails the property. */
function attempt(text: string): IgnoreEntry[] | Error {
  try {
    return parseIgnoreFile(text, parse);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
}

function expectEntriesOrOneLineError(result: IgnoreEntry[] | Error): void {
  if (result instanceof Error) {
    expect(result.message).not.toBe('');
    expect(result.message).not.toMatch(LINE_BREAK);
    return;
  }
  for (const entry of result) {
    expect(typeof entry.id).toBe('string');
    expect(entry.id).not.toBe('');
    expect(typeof entry.reason).toBe('string');
    expect(entry.reason).not.toBe('');
    if (entry.expires !== undefined) {
      expect(entry.expires).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${entry.expires}T00:00:00Z`).toISOString().slice(0, 10)).toBe(entry.expires);
    }
  }
}

/** Text that looks like an ignore file: list items, keys, scalars, quotes, flow collections, dates. */
const scalar = fc.oneof(
  fc.constantFrom(
    'CVE-2024-1234',
    'reason here',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    '9999-12-31',
    '0000-01-01',
    '~',
    'null',
    '.nan',
    '-.inf',
    '0x1F',
    '1e400',
    '[]',
    '{}',
    '&a x',
    '*a',
    '!!str 1',
    '!!binary aGk=',
    '|',
    '>-',
    '"',
    '"CVE-1\\nCVE-2"',
    "'a\\rb'",
    '"\\u2028"',
  ),
  nastyString({ maxLength: 12 }),
  nastyString({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
/** One list item written out by hand: each of id, reason and expires present or not, any scalar. */
const yamlItem = fc
  .record({ id: scalar, reason: scalar, expires: scalar, other: fc.tuple(scalar, scalar) }, { requiredKeys: [] })
  .map(({ id, reason, expires, other }) =>
    [
      '-',
      ...[
        id === undefined ? [] : [`id: ${id}`],
        reason === undefined ? [] : [`reason: ${reason}`],
        expires === undefined ? [] : [`expires: ${expires}`],
        other === undefined ? [] : [`${other[0]}: ${other[1]}`],
      ]
        .flat()
        .map((l, i) => (i === 0 ? ` ${l}` : `\n  ${l}`)),
    ].join(''),
  );
const yamlLine = fc.oneof(
  yamlItem,
  fc
    .tuple(
      fc.constantFrom('- ', '  ', '', '- - ', '    '),
      fc.constantFrom('id', 'reason', 'expires', 'other', '__proto__', '? id', '"a\\nb"'),
      scalar,
    )
    .map(([lead, k, v]) => `${lead}${k}: ${v}`),
  fc.tuple(fc.constantFrom('- ', ''), scalar).map(([lead, v]) => `${lead}${v}`),
  fc.constantFrom('---', '...', '- {id: X, reason: Y}', '- {id: X, reason: Y, expires: 2024-01-01}', '%YAML 1.2', '# comment'),
  nastyString({ maxLength: 20 }),
);
const yamlish = fc
  .oneof(fc.array(yamlItem, { maxLength: 4 }), fc.array(yamlLine, { maxLength: 8 }))
  .chain((lines) => fc.constantFrom(lines.join('\n'), lines.join('\r\n')));

/** An entry as a JS value: right and wrong types for each field, unknown keys, any value at all. */
const entryValue = fc.oneof(
  fc.record(
    {
      id: fc.oneof(nastyString(), anyText, fc.integer(), fc.double(), fc.constant(null), fc.anything()),
      reason: fc.oneof(nastyString(), anyText, fc.integer(), fc.constant(null)),
      expires: fc.oneof(
        fc.constantFrom('2024-02-29', '2023-02-29', '2024-1-1', '20240101', '2024-01-01T00:00:00Z', '+002024-01-01'),
        fc.date({ noInvalidDate: false }),
        fc.integer(),
        nastyString(),
        fc.constant(null),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(
    fc.oneof(fc.constantFrom('id', 'reason', 'expires'), nastyString({ maxLength: 8 })),
    fc.oneof(nastyString(), fc.anything()),
    { maxKeys: 4 },
  ),
  fc.anything(),
);
const dumped = fc.oneof(fc.array(entryValue, { maxLength: 4 }), fc.anything()).map((value) => stringify(value) ?? '');

describe('parseIgnoreFile', () => {
  test('YAML-ish text gives valid entries or an Error of one line', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, anyText), (text) => expectEntriesOrOneLineError(attempt(text))),
      RUNS,
    );
  });

  test('any JS value dumped as YAML gives valid entries or an Error of one line', () => {
    fc.assert(
      fc.property(dumped, (text) => expectEntriesOrOneLineError(attempt(text))),
      RUNS,
    );
  });

  test('well-formed entries are read back as written (id and reason trimmed)', () => {
    const day = fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const text = nastyString({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: text, reason: text, expires: fc.option(day, { nil: undefined }) }, { requiredKeys: ['id', 'reason'] }), {
          maxLength: 4,
        }),
        (entries) => {
          const parsed = parseIgnoreFile(stringify(entries), parse);
          expect(parsed).toEqual(
            entries.map((e) => ({ id: e.id.trim(), reason: e.reason.trim(), ...(e.expires ? { expires: e.expires } : {}) })),
          );
        },
      ),
      RUNS,
    );
  });
});
