// Shared generators for the property tests: text that attacks parsers and renderers (line
// breaks, controls, bidi overrides, markdown and HTML metacharacters, astral characters), and
// a helper that names a one-line message.
import fc from 'fast-check';

/** Characters that have broken parsers and renderers before, plus plain ones so text still reads. */
const BREAKS = ['\n', '\r', '\r\n', '\u2028'];
const NASTY = [
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u202e',
  '\ufeff',
  ' ',
  '\u00a0',
  '|',
  '<',
  '>',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '~',
  '\\',
  '&',
  '"',
  "'",
  '@',
  '#',
  '%',
  '-',
  '!',
  '=',
  ',',
  ':',
  '/',
  '.',
  '+',
  '{',
  '}',
  '$',
  'é',
  'ß',
  'ı',
  'İ',
  '\u212a',
  '😀',
  '🔴',
  'ᄀ',
  '٣',
];

/** One character: hostile, any Unicode code point, or plain ASCII. */
export const nastyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

/** Text mixing hostile characters, unicode and ASCII. */
export function nastyString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: nastyChar, minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 40 });
}

/** Any text at all: hostile, full Unicode, or a mix. */
export const anyText: fc.Arbitrary<string> = fc.oneof(nastyString(), fc.string({ unit: 'binary' }), fc.string());

/** A line break a user, a log or GitHub's log viewer would show as a new line. */
export const LINE_BREAK = /[\r\n]/;

/** Lowercase hex of exactly `length` digits. */
export function hex(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
}
