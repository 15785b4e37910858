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

  test('a streamed array is made item by item, one piece each, as the pieces are read', () => {
    const made: number[] = [];
    const value = {
      list: streamedArray(function* () {
        for (let i = 0; i < 3; i += 1) {
          made.push(i);
          yield { i };
        }
      }),
    };
    const pieces = jsonChunks(value);
    expect(pieces.next().value).toBe('{"list":');
    expect(made).toEqual([]);
    expect(pieces.next().value).toBe('[{"i":0}');
    expect(made).toEqual([0]);
    expect(Array.from(pieces)).toEqual([',{"i":1}', ',{"i":2}', ']', '}']);
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
