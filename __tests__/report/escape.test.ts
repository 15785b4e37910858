import { describe, expect, test } from '@jest/globals';
import { cleanText, code, escapeCommentKey, escapeHtml, escapeText, formatCount, link, safeUrl, shorten } from '../../src/report/escape.js';

/** What a markdown renderer could take as structure in escaped text: unescaped specials. */
function unescapedSpecials(text: string): string[] {
  const withoutEntities = text.replace(/&(amp|lt|gt|#8203);/g, '');
  return [...withoutEntities.replace(/\\[\\|`*_[\]~#]/g, '').matchAll(/[|`*_[\]<>~\n\r]/g)].map((m) => m[0]);
}

describe('escapeText', () => {
  test.each([
    ['table cell breaker', '| x |', '\\| x \\|'],
    ['closing tag and script', '</td><script>alert(1)</script>', '&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['javascript link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['marker closer', '<!-- -->', '&lt;!-- --&gt;'],
    ['emphasis and code', '**b** _i_ `c` ~~s~~', '\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~\\~s\\~\\~'],
    ['backslash', 'a\\|b', 'a\\\\\\|b'],
    ['ampersand', 'a & b &lt;', 'a &amp; b &amp;lt;'],
    ['newlines become spaces', 'a\r\nb\n\nc', 'a b c'],
    ['control characters removed', 'a\u0000b\u0007c\u001bd\u007fe\u202ef\u200bg', 'abcdefg'],
    ['mentions and references defused', '@octocat acme/app#1', '@&#8203;octocat acme/app#&#8203;1'],
    ['heading at line start', '# title', '#&#8203; title'],
    ['undefined', undefined, ''],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  test.each([
    '</td><script>alert(1)</script>',
    '| x | y |',
    '[click](javascript:alert(1))',
    '<!-- --> --!>',
    '```\n# heading\n```',
    '\\`\\|\\]',
  ])('leaves no markup in %j', (input) => {
    expect(unescapedSpecials(escapeText(input))).toEqual([]);
  });

  test('10,000 characters are shortened to the limit, before escaping', () => {
    const out = escapeText('<'.repeat(10_000), 100);
    expect(out).toBe(`${'&lt;'.repeat(99)}…`);
    expect(escapeText('x'.repeat(10_000))).toHaveLength(200);
  });
});

describe('shorten and cleanText', () => {
  test('never splits a surrogate pair', () => {
    expect(shorten('😀😀😀', 2)).toBe('😀…');
  });
  test('keeps short text as it is', () => {
    expect(shorten('abc', 3)).toBe('abc');
  });
  test('collapses whitespace', () => {
    expect(cleanText('  a \t b\u2028c  ')).toBe('a b c');
  });
});

describe('safeUrl and link', () => {
  test.each([
    ['https', 'https://nvd.nist.gov/vuln/detail/CVE-2023-0286', 'https://nvd.nist.gov/vuln/detail/CVE-2023-0286'],
    ['http', 'http://example.com/a', 'http://example.com/a'],
    ['javascript', 'javascript:alert(1)', undefined],
    ['data', 'data:text/html,<script>alert(1)</script>', undefined],
    ['protocol-relative', '//evil.example/x', undefined],
    ['vbscript in mixed case', 'VBScript:msgbox', undefined],
    ['credentials', 'https://user:pass@example.com/', undefined],
    ['not a URL', 'https://', undefined],
    [
      'link breakers encoded',
      'https://example.com/a|b)c(d<e>f"g\'h`i [j]',
      'https://example.com/a%7Cb%29c%28d%3Ce%3Ef%22g%27h%60i%20%5Bj%5D',
    ],
    ['too long', `https://example.com/${'a'.repeat(2000)}`, undefined],
  ])('%s', (_name, input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  test.each([
    ['http(s) becomes a link', 'CVE-1', 'https://example.com/CVE-1', '[CVE-1](https://example.com/CVE-1)'],
    ['other schemes stay text', 'CVE-1', 'javascript:alert(1)', 'CVE-1'],
    ['no URL', 'CVE-1', undefined, 'CVE-1'],
    ['hostile text escaped inside a link', '](x)', 'https://example.com/', '[\\](x)](https://example.com/)'],
  ])('%s', (_name, text, url, expected) => {
    expect(link(text, url)).toBe(expected);
  });
});

describe('code', () => {
  test.each([
    ['digest', 'sha256:abc', '`sha256:abc`'],
    ['image reference', '1.dkr.ecr.us-east-1.amazonaws.com/a/b:1.2.3', '`1.dkr.ecr.us-east-1.amazonaws.com/a/b:1.2.3`'],
    ['debian version', '1:1.2.11.dfsg-2ubuntu9~18.04+1', '`1:1.2.11.dfsg-2ubuntu9~18.04+1`'],
    ['backtick falls back to text', 'a`b', 'a\\`b'],
    ['pipe falls back to text', 'a|b', 'a\\|b'],
    ['space falls back to text', 'report `x`.json', 'report \\`x\\`.json'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(code(input)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  test('escapes what raw HTML needs', () => {
    expect(escapeHtml(`<b a="1">'&`)).toBe('&#60;b a=&#34;1&#34;&#62;&#39;&#38;');
  });
});

describe('escapeCommentKey', () => {
  test.each([
    [
      'default key',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api',
    ],
    ['closer', 'a -->', 'a%20-%2D%3E'],
    ['bang closer', 'a--!>', 'a-%2D%21%3E'],
    ['newline', 'a\nb', 'a%0Ab'],
    ['percent is encoded too', '%2D', '%252D'],
    ['non-ASCII', 'é', '%C3%A9'],
  ])('%s', (_name, key, expected) => {
    expect(escapeCommentKey(key)).toBe(expected);
  });

  test.each(['-->', '--!>', 'x-->y', '---', '<!--', 'a\n-->', '-'.repeat(50)])('%j cannot end the comment', (key) => {
    const escaped = escapeCommentKey(key);
    expect(escaped).not.toMatch(/--|[<>!\n\r\s]/);
  });

  test('distinct keys stay distinct', () => {
    const keys = ['a-b', 'a--b', 'a%2Db', 'a%252Db', 'a b', 'a_b', 'a/b', 'A/b'];
    expect(new Set(keys.map(escapeCommentKey)).size).toBe(keys.length);
  });

  test('a very long key is bounded and still distinct', () => {
    const a = escapeCommentKey(`${'k'.repeat(500)}a`);
    const b = escapeCommentKey(`${'k'.repeat(500)}b`);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(a).not.toBe(b);
  });
});

describe('formatCount', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('%d', (input, expected) => {
    expect(formatCount(input)).toBe(expected);
  });
});
