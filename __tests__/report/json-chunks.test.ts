import { describe, expect, test } from '@jest/globals';
import { jsonChunks, streamedArray } from '../../src/report/json-chunks.js';

const streamed = <T>(items: T[]) => streamedArray(() => items);
const joined = (value: unknown, indent?: number) => Array.from(jsonChunks(value, indent)).join('');

const NESTED = { a: [1, { b: [] }, 'x'], c: {}, d: null, e: 'text with "quotes", \\ and a\nline break' };

// Each value with its streamed arrays made plain: what JSON.stringify gives for it.
const CASES: Array<[string, unknown]> = [
  ['a plain object', NESTED],
  ['a streamed array of objects', { list: streamed([NESTED, { f: 1 }, [2, [3]]]), after: true }],
  ['an empty streamed array', { list: streamed([]), after: 1 }],
  [
    'streamed arrays nested in plain arrays and objects',
    { runs: [{ tool: { rules: streamed([{ id: 1 }]) }, results: streamed([{ id: 2 }, { id: 3 }]) }] },
  ],
  ['a streamed array at the top', streamed([1, 'two', { three: [3] }])],
  ['undefined, functions and symbols left out of objects', { a: undefined, b: () => 1, c: Symbol('c'), d: 1, list: streamed([1]) }],
  [
    'undefined, functions and symbols as null in arrays',
    { list: streamed([undefined, () => 1, Symbol('s'), 1]), plain: [undefined, streamed([undefined])] },
  ],
  ['only undefined members', { a: undefined, list: streamed([{ b: undefined }]) }],
  ['toJSON values', { when: new Date(0), list: streamed([new Date(86_400_000), { toJSON: () => ({ made: [1, 2] }) }]) }],
  ['numbers JSON cannot hold', { list: streamed([Number.NaN, Infinity, -0, 1e21]) }],
  ['unicode', { list: streamed(['é', '😀', '\u2028', '\u0000']) }],
  ['a primitive', 'just text'],
  ['null', null],
];

describe('jsonChunks', () => {
  test.each(CASES.flatMap(([name, value]) => [0, 2, 4].map((indent): [string, number, unknown] => [name, indent, value])))(
    '%s, indent %d: joined, JSON.stringify',
    (_name, indent, value) => {
      expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
    },
  );

  test('undefined at the top gives no text, as JSON.stringify gives none', () => {
    expect(Array.from(jsonChunks(undefined))).toEqual([]);
  });

  test('a streamed array is made as its pieces are read, a batch of items a piece', () => {
    const made: number[] = [];
    const value = {
      list: streamedArray(function* () {
        for (let i = 0; i < 200; i += 1) {
          made.push(i);
          yield { i };
        }
      }),
    };
    const pieces = jsonChunks(value);
    expect(pieces.next().value).toBe('{"list":');
    expect(made).toEqual([]);
    const first = pieces.next().value as string;
    expect(first.startsWith('[{"i":0},{"i":1}')).toBe(true);
    // Not every item at once: the first piece made only its batch (and one item more at most).
    expect(made.length).toBeLessThan(100);
    const rest = Array.from(pieces);
    expect(rest.length).toBeGreaterThan(2);
    expect(first + rest.join('')).toBe(
      `{"list":${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i })))}}`.slice('{"list":'.length),
    );
  });

  test.each([0, 1, 2, 4])('batches at indent %i read as JSON.stringify writes them, at any depth', (indent) => {
    const items = Array.from({ length: 150 }, (_, i) => ({ i, nested: { list: [i, 'a\nb', null], empty: {} }, gone: undefined }));
    const value = { a: { b: { list: streamedArray(() => items), after: [1, 2] } }, none: streamedArray(() => []) };
    expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
  });

  test('a value can be rendered again: each rendering makes the items anew', () => {
    let calls = 0;
    const value = {
      list: streamedArray(() => {
        calls += 1;
        return [calls];
      }),
    };
    expect(joined(value)).toBe('{"list":[1]}');
    expect(joined(value)).toBe('{"list":[2]}');
  });
});
