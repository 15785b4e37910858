import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseKeyValues, parseList } from '../../src/util/lists.js';
import { anyText, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const separator = fc.constantFrom('\n', '\r\n');

/** An item parseList keeps as it is: trimmed, non-empty, no separator, not a comment. */
function keptItem(commas: boolean): fc.Arbitrary<string> {
  return nastyString({ minLength: 1, maxLength: 20 })
    .map((s) => s.replace(commas ? /[\r\n,]/g : /[\r\n]/g, '').trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

describe('parseList', () => {
  test('never throws; every item is trimmed, non-empty, not a comment and holds no separator', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, commas) => {
        for (const item of parseList(text, { commas })) {
          expect(item).toBe(item.trim());
          expect(item).not.toBe('');
          expect(item.startsWith('#')).toBe(false);
          expect(item).not.toContain('\n');
          if (commas) expect(item).not.toContain(',');
        }
      }),
      RUNS,
    );
  });

  test('items joined by LF, CRLF or commas come back as they were', () => {
    fc.assert(
      fc.property(
        fc
          .boolean()
          .chain((commas) =>
            fc.tuple(
              fc.constant(commas),
              fc.array(keptItem(commas), { maxLength: 8 }),
              commas ? fc.constantFrom('\n', '\r\n', ',', ' , ') : separator,
            ),
          ),
        ([commas, items, sep]) => {
          expect(parseList(items.join(sep), { commas })).toEqual(items);
        },
      ),
      RUNS,
    );
  });
});

/** A key parseKeyValues accepts as it is: no whitespace, no `=`, not a comment. */
const key = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('A', 'b', '_', '9', '.', 'é', '😀', '#', ',', '-'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .filter((k) => !/[\s=]/.test(k) && !k.startsWith('#'));
/** A value on one line: `=`, commas and anything else but a line break. */
const value = nastyString({ maxLength: 30 }).map((v) => v.replace(/[\r\n]/g, ''));

describe('parseKeyValues', () => {
  test('never throws; keys are non-empty and hold no whitespace or `=`; a bad line is one of the lines', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseKeyValues(text);
        if (parsed.ok) {
          for (const [k] of parsed.pairs) expect(k).toMatch(/^[^\s=]+$/);
        } else {
          expect(parseList(text, { commas: false })).toContain(parsed.line);
        }
      }),
      RUNS,
    );
  });

  test('KEY=VALUE lines round-trip: the value keeps `=`, commas and leading spaces (the line end is trimmed)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), separator, (pairs, sep) => {
        const text = pairs.map(([k, v]) => `${k}=${v}`).join(sep);
        expect(parseKeyValues(text)).toEqual({ ok: true, pairs: pairs.map(([k, v]) => [k, v.trimEnd()]) });
      }),
      RUNS,
    );
  });
});
