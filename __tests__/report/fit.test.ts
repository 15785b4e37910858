import { describe, expect, test } from '@jest/globals';
import { UTF16_UNITS, UTF8_BYTES, cutToFit, fitToLimit, type Measure } from '../../src/report/fit.js';

const NOTE = '_cut_';

describe('fitToLimit', () => {
  test('halves the rows until the text fits, and stops there', () => {
    const asked: number[] = [];
    const render = (rows: number) => {
      asked.push(rows);
      return `${'x'.repeat(rows * 10)}\n`;
    };
    const text = fitToLimit(render, { maxRows: 40, limit: 120, measure: UTF16_UNITS, note: NOTE });
    expect(asked).toEqual([40, 20, 10]);
    expect(text).toBe(`${'x'.repeat(100)}\n`);
  });

  test('with no rows left and still too long, the text is cut with the note', () => {
    const text = fitToLimit(() => `${'line\n'.repeat(100)}`, { maxRows: 4, limit: 200, measure: UTF16_UNITS, note: NOTE });
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith(`\n\n${NOTE}\n`)).toBe(true);
  });
});

describe('cutToFit', () => {
  test.each<[string, Measure]>([
    ['bytes', UTF8_BYTES],
    ['UTF-16 units', UTF16_UNITS],
  ])('in %s: within the limit, at a line break, <details> closed', (_name, measure) => {
    const text = `<details>\n<summary>Rows</summary>\n\n${'| 🔴 row |\n'.repeat(200)}</details>\n`;
    const cut = cutToFit(text, 500, measure, NOTE);
    expect(measure.size(cut)).toBeLessThanOrEqual(500);
    expect(cut).toMatch(/\| 🔴 row \|\n\n<\/details>\n\n_cut_\n$/);
    expect(cut.match(/<details>/g)?.length).toBe(cut.match(/<\/details>/g)?.length);
  });

  test('text that fits is left as it is', () => {
    expect(cutToFit('short\n', 100, UTF8_BYTES, NOTE)).toBe('short\n');
  });

  test('bytes and units differ: 🔴 is 4 bytes, 2 units', () => {
    expect(UTF8_BYTES.size('🔴')).toBe(4);
    expect(UTF16_UNITS.size('🔴')).toBe(2);
  });
});
