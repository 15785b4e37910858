import { describe, expect, test } from '@jest/globals';
import { parseKeyValues, parseList } from '../../src/util/lists.js';

describe('parseList', () => {
  test.each<[string, string, boolean | undefined, string[]]>([
    ['empty', '', undefined, []],
    ['newlines and commas', 'a,b\nc', undefined, ['a', 'b', 'c']],
    ['CRLF', 'a\r\nb\r\n', undefined, ['a', 'b']],
    ['trimmed, blanks dropped', '  a , ,\n\n b  ', undefined, ['a', 'b']],
    ['# comments dropped', '# header\na\n  # indented comment\nb', undefined, ['a', 'b']],
    ['a # inside an item is kept', 'a#1', undefined, ['a#1']],
    ['commas kept when off', 'type=registry,ref=x\ntype=gha', false, ['type=registry,ref=x', 'type=gha']],
    ['commas split when on', 'a,b', true, ['a', 'b']],
  ])('%s', (_name, text, commas, items) => {
    expect(parseList(text, commas === undefined ? undefined : { commas })).toEqual(items);
  });
});

describe('parseKeyValues', () => {
  test.each<[string, string, ReturnType<typeof parseKeyValues>]>([
    ['empty', '', { ok: true, pairs: [] }],
    [
      'pairs',
      'A=1\nB=two',
      {
        ok: true,
        pairs: [
          ['A', '1'],
          ['B', 'two'],
        ],
      },
    ],
    ['value keeps = and commas', 'JAVA_OPTS=-Xmx=1g,-Dx=y', { ok: true, pairs: [['JAVA_OPTS', '-Xmx=1g,-Dx=y']] }],
    ['empty value', 'EMPTY=', { ok: true, pairs: [['EMPTY', '']] }],
    ['space before = trimmed from the key', 'KEY =v', { ok: true, pairs: [['KEY', 'v']] }],
    ['space inside the value kept', 'title=Retail API', { ok: true, pairs: [['title', 'Retail API']] }],
    ['comments and blanks skipped', '# build args\n\nA=1', { ok: true, pairs: [['A', '1']] }],
    ['no =', 'A=1\nNOPE', { ok: false, line: 'NOPE' }],
    ['no key', '=1', { ok: false, line: '=1' }],
    ['space in the key', 'MY KEY=1', { ok: false, line: 'MY KEY=1' }],
  ])('%s', (_name, text, result) => {
    expect(parseKeyValues(text)).toEqual(result);
  });
});
