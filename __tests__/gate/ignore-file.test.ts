import { describe, expect, test } from '@jest/globals';
import { parseIgnoreFile, type IgnoreEntry } from '../../src/gate/ignore-file.js';
import { parse } from 'yaml';

describe('parseIgnoreFile', () => {
  test.each<[string, string, IgnoreEntry[]]>([
    ['an empty file', '', []],
    ['only comments', '# nothing ignored yet\n', []],
    ['an empty list', '[]', []],
    [
      'entries with and without expires',
      '- id: CVE-2024-0001\n  reason: not reachable\n  expires: 2030-01-31\n- id: GHSA-abcd-efgh-ijkl\n  reason: dev dependency only\n',
      [
        { id: 'CVE-2024-0001', reason: 'not reachable', expires: '2030-01-31' },
        { id: 'GHSA-abcd-efgh-ijkl', reason: 'dev dependency only' },
      ],
    ],
    ['values trimmed', '- id: "  CVE-2024-0001 "\n  reason: "  why  "\n', [{ id: 'CVE-2024-0001', reason: 'why' }]],
    [
      'a quoted date',
      "- id: CVE-2024-0001\n  reason: r\n  expires: '2030-02-28'\n",
      [{ id: 'CVE-2024-0001', reason: 'r', expires: '2030-02-28' }],
    ],
    [
      '29 February of a leap year',
      '- id: CVE-2024-0001\n  reason: r\n  expires: 2028-02-29\n',
      [{ id: 'CVE-2024-0001', reason: 'r', expires: '2028-02-29' }],
    ],
    ['expires null means never', '- id: CVE-2024-0001\n  reason: r\n  expires:\n', [{ id: 'CVE-2024-0001', reason: 'r' }]],
    ['a numeric id', '- id: 12345\n  reason: vendor advisory\n', [{ id: '12345', reason: 'vendor advisory' }]],
    ['flow style', '[{id: CVE-2024-0001, reason: r}]', [{ id: 'CVE-2024-0001', reason: 'r' }]],
  ])('%s', (_name, text, entries) => {
    expect(parseIgnoreFile(text, parse)).toEqual(entries);
  });

  test.each<[string, string, string]>([
    ['a mapping, not a list', 'CVE-2024-0001: not reachable\n', 'must be a YAML list of {id, reason, expires?} entries'],
    ['a scalar', 'CVE-2024-0001', 'must be a YAML list of {id, reason, expires?} entries'],
    ['a bare id entry', '- CVE-2024-0001\n', 'entry 1 must be a mapping with id, reason and optional expires'],
    ['a nested list entry', '- [CVE-2024-0001, r]\n', 'entry 1 must be a mapping with id, reason and optional expires'],
    ['a null entry', '- id: CVE-1\n  reason: r\n-\n', 'entry 2 must be a mapping with id, reason and optional expires'],
    [
      'an unknown key',
      '- id: CVE-2024-0001\n  reason: r\n  severity: HIGH\n',
      'entry 1 has unknown key severity (accepted: id, reason, expires)',
    ],
    [
      'a misspelt key',
      '- id: CVE-2024-0001\n  reason: r\n  expiry: 2030-01-01\n',
      'entry 1 has unknown key expiry (accepted: id, reason, expires)',
    ],
    ['no id', '- reason: r\n', 'entry 1 needs an id (a vulnerability ID such as CVE-2024-1234)'],
    ['a blank id', "- id: ' '\n  reason: r\n", 'entry 1 needs an id (a vulnerability ID such as CVE-2024-1234)'],
    ['a list as id', '- id: [a]\n  reason: r\n', 'entry 1 needs an id (a vulnerability ID such as CVE-2024-1234)'],
    ['no reason', '- id: CVE-2024-0001\n', 'entry 1 (CVE-2024-0001) needs a reason'],
    ['a blank reason', "- id: CVE-2024-0001\n  reason: ''\n", 'entry 1 (CVE-2024-0001) needs a reason'],
    ['a numeric reason', '- id: CVE-2024-0001\n  reason: 42\n', 'entry 1 (CVE-2024-0001) needs a reason'],
    ['the second entry', '- id: CVE-1\n  reason: r\n- id: CVE-2\n', 'entry 2 (CVE-2) needs a reason'],
    [
      'month 13',
      '- id: CVE-1\n  reason: r\n  expires: 2030-13-01\n',
      'entry 1 (CVE-1) has expires "2030-13-01", which is not a date YYYY-MM-DD',
    ],
    [
      '30 February',
      '- id: CVE-1\n  reason: r\n  expires: 2030-02-30\n',
      'entry 1 (CVE-1) has expires "2030-02-30", which is not a date YYYY-MM-DD',
    ],
    [
      '29 February of a common year',
      '- id: CVE-1\n  reason: r\n  expires: 2030-02-29\n',
      'entry 1 (CVE-1) has expires "2030-02-29", which is not a date YYYY-MM-DD',
    ],
    [
      'a US date',
      '- id: CVE-1\n  reason: r\n  expires: 01/31/2030\n',
      'entry 1 (CVE-1) has expires "01/31/2030", which is not a date YYYY-MM-DD',
    ],
    [
      'a date with a time',
      '- id: CVE-1\n  reason: r\n  expires: 2030-01-31T00:00:00Z\n',
      'entry 1 (CVE-1) has expires "2030-01-31T00:00:00Z", which is not a date YYYY-MM-DD',
    ],
    [
      'a number',
      '- id: CVE-1\n  reason: r\n  expires: 20300131\n',
      'entry 1 (CVE-1) has expires "20300131", which is not a date YYYY-MM-DD',
    ],
    ['a word', '- id: CVE-1\n  reason: r\n  expires: never\n', 'entry 1 (CVE-1) has expires "never", which is not a date YYYY-MM-DD'],
  ])('%s', (_name, text, message) => {
    expect(() => parseIgnoreFile(text, parse)).toThrow(new Error(message));
  });

  test.each([
    ['an unclosed flow sequence', '- id: CVE-1\n  reason: [unclosed\n'],
    ['a duplicate key', '- id: CVE-1\n  id: CVE-2\n  reason: r\n'],
    ['a tab indent', '- id: CVE-1\n\treason: r\n'],
  ])('%s is not valid YAML, said on one line', (_name, text) => {
    expect(() => parseIgnoreFile(text, parse)).toThrow(/^is not valid YAML \([^\n]+\)$/);
  });
});
