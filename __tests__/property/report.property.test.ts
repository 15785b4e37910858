import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { finding, sampleReport } from '../../__fixtures__/reports/base.js';
import { COMMENT_BUDGET_CHARS, renderComment } from '../../src/report/comment-body.js';
import { COMMENT_LIMIT_CHARS } from '../../src/github/comment-api.js';
import { cleanText, escapeCommentKey, escapeText } from '../../src/report/escape.js';
import { SUMMARY_BUDGET_BYTES, renderSummary } from '../../src/report/summary.js';
import type { Report, Verdict } from '../../src/report/model.js';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import { SEVERITIES } from '../../src/shared/severity.js';
import { anyText, hex, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const MARKER = '<!-- ecr-build-scan-push:';

/** Text with the escape pairs escapeText writes (`\|`, `\\`, …) taken out. */
function unescaped(text: string): string {
  return text.replace(/\\[\\|`*_[\]~]/g, '');
}

/** What the reader sees: escapeText's escapes undone. */
function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\|`*_[\]~])/g, '$1')
    .replace(/&#8203;/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** `|` that end a table cell: not preceded by an escaping backslash. */
function cellPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '\\') i += 1;
    else if (line[i] === '|') count += 1;
  }
  return count;
}

/** Every run of table lines has the same number of cell separators on each line. */
function expectTablesIntact(markdown: string): void {
  let expected: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      expected = undefined;
      continue;
    }
    expected ??= cellPipes(line);
    expect(cellPipes(line)).toBe(expected);
  }
}

describe('escapeText', () => {
  test('leaves no raw |, <, >, backtick, line break or control character, and keeps within max', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nastyString({ maxLength: 300 })), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const out = escapeText(text, max);
        // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or escaped.
        expect(unescaped(out)).not.toMatch(/[|<>`\n\r\u2028\u2029\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
        // Lossless within max: undoing the escapes gives the cleaned text, or a cut of it ending in …
        const cleaned = cleanText(text);
        const back = unescapeMarkdown(out);
        if (Array.from(cleaned).length <= max) expect(back).toBe(cleaned);
        else {
          expect(Array.from(back).length).toBeLessThanOrEqual(Math.max(max, 1));
          expect(back.endsWith('…')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('escapeCommentKey', () => {
  test('cannot close the marker or break its line, stays within 200 characters, and keeps distinct keys distinct', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(anyText, nastyString({ maxLength: 300 }), fc.constantFrom('-->', '--!>', 'a--', '-', '--')), {
          minLength: 2,
          maxLength: 2,
        }),
        ([a, b]) => {
          const ea = escapeCommentKey(a ?? '');
          const eb = escapeCommentKey(b ?? '');
          for (const e of [ea, eb]) {
            expect(e).not.toMatch(/--|[<>\s]/);
            expect(e.length).toBeLessThanOrEqual(200);
          }
          expect(ea).not.toBe(eb);
        },
      ),
      RUNS,
    );
  });
});

// Reports whose every string is hostile.
const hostile = fc.oneof(
  { weight: 4, arbitrary: nastyString({ maxLength: 60 }) },
  { weight: 1, arbitrary: anyText },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('@', '#|', '😀', '<!--', '-->', 'A', '\u202e\n'), fc.integer({ min: 50, max: 3000 }))
      .map(([s, n]) => s.repeat(n)),
  },
);
const url = fc.oneof(
  fc.constantFrom(
    'https://nvd.nist.gov/vuln/detail/CVE-2024-1',
    'javascript:alert(1)',
    'https://user:pw@example.com/',
    'http://example.com/a|b)c(d<e>f"g\'h`i',
    '',
  ),
  hostile.map((path) => `https://example.com/${path}`),
  hostile,
);
const evaluatedFinding: fc.Arbitrary<EvaluatedFinding> = fc
  .record(
    {
      id: hostile,
      severity: fc.constantFrom(...SEVERITIES),
      package: hostile,
      version: hostile,
      fixedIn: hostile,
      fixAvailable: fc.constantFrom('YES', 'NO', 'PARTIAL', 'UNKNOWN'),
      uri: url,
      title: hostile,
      description: hostile,
      platform: fc.oneof(fc.constantFrom('linux/amd64', 'linux/arm64'), hostile),
      blocking: fc.boolean(),
      ignored: fc.record(
        { by: fc.constantFrom('input', 'file', 'unfixed'), reason: hostile, expires: hostile },
        { requiredKeys: ['by', 'reason'] },
      ),
      comparison: fc.constantFrom('new', 'in-base'),
    },
    { requiredKeys: ['id', 'severity', 'fixAvailable', 'platform', 'blocking'] },
  )
  .map((f) => finding(f));

const report: fc.Arbitrary<Report> = fc
  .record({
    findings: fc.array(evaluatedFinding, { maxLength: 12 }),
    platforms: fc.array(
      fc.record(
        {
          platform: hostile,
          digest: hostile,
          status: fc.oneof(fc.constantFrom('COMPLETE', 'ACTIVE', 'FAILED', 'TIMEOUT'), hostile),
          description: hostile,
        },
        { requiredKeys: ['platform', 'digest', 'status'] },
      ),
      { maxLength: 3 },
    ),
    comparison: fc.option(
      fc.record(
        {
          available: fc.boolean(),
          baseSha: fc.oneof(hex(40), hostile),
          note: hostile,
          fixed: fc.array(evaluatedFinding, { maxLength: 4 }),
          newCount: fc.nat(),
        },
        { requiredKeys: ['available', 'fixed', 'newCount'] },
      ),
      { nil: undefined },
    ),
    overrides: fc.record(
      {
        image: hostile,
        digest: hostile,
        tags: fc.array(hostile, { maxLength: 25 }),
        heldBack: fc.array(fc.record({ tag: hostile, reason: hostile }), { maxLength: 12 }),
        verdict: fc.constantFrom<Verdict>('passed', 'failed', 'incomplete', 'skipped'),
        reason: hostile,
        commit: hostile,
        expiredIgnores: fc.array(fc.record({ id: hostile, reason: hostile, expires: hostile, matched: fc.nat() }), { maxLength: 22 }),
        runUrl: url,
        reportPath: hostile,
        generatedAt: hostile,
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ findings, platforms, comparison, overrides }) => sampleReport({ findings, platforms, comparison }, overrides));

const key = fc.oneof(fc.constantFrom('123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api', '-->', 'a\n-->'), hostile);

function expectComment(body: string, maxChars: number): void {
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
  expect(body.length).toBeLessThanOrEqual(maxChars);
  const lines = body.split('\n');
  expect(lines[0]?.startsWith(MARKER)).toBe(true);
  expect(lines[0]?.indexOf('-->')).toBe((lines[0]?.length ?? 0) - 3);
  expect(body.split('<!--')).toHaveLength(2);
  expect(body.split('-->')).toHaveLength(2);
  expectTablesIntact(body);
}

describe('renderComment with hostile text', () => {
  test('has exactly one marker line, first, intact tables and at most 65,536 UTF-16 units', () => {
    fc.assert(
      fc.property(report, key, (r, k) => expectComment(renderComment(r, k), COMMENT_BUDGET_CHARS)),
      { numRuns: 200 },
    );
  });

  // Budgets from 10,000: the cut note links the run, and a 1,000-character run URL can take
  // ~9,000 characters once percent-encoded; a budget below the note itself is out of scope.
  test('holds any smaller budget and row limit it is given', () => {
    fc.assert(
      fc.property(report, key, fc.integer({ min: 10_000, max: 30_000 }), fc.integer({ min: 0, max: 50 }), (r, k, maxChars, maxRows) =>
        expectComment(renderComment(r, k, { maxChars, maxRows }), maxChars),
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderSummary with hostile text', () => {
  test('stays within its byte budget, with intact tables', () => {
    fc.assert(
      fc.property(
        report,
        fc.option(fc.integer({ min: 8_192, max: 60_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 300 }),
        (r, maxBytes, maxRows) => {
          const summary = renderSummary(r, { maxBytes, maxRows });
          expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(maxBytes ?? SUMMARY_BUDGET_BYTES);
          expectTablesIntact(summary);
          expect(summary).not.toContain('<!--');
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Hundreds of findings whose every field escapes to its longest: the default budgets must hold. */
const heavyFindings = fc
  .tuple(fc.integer({ min: 150, max: 400 }), fc.constantFrom('@', '#', '&', '😀', '|'), fc.boolean())
  .map(([count, unit, ignored]) =>
    Array.from({ length: count }, (_, n) =>
      finding({
        id: `${n}${unit.repeat(300)}`,
        severity: SEVERITIES[n % SEVERITIES.length] ?? 'UNDEFINED',
        package: `${n}${unit.repeat(300)}`,
        version: unit.repeat(300),
        fixedIn: unit.repeat(300),
        uri: `https://example.com/${'|'.repeat(980)}`,
        platform: `${n % 7}${unit.repeat(100)}`,
        blocking: n % 3 !== 0,
        ignored: ignored && n % 3 === 0 ? { by: 'file', reason: unit.repeat(500), expires: unit.repeat(50) } : undefined,
        comparison: n % 2 === 0 ? 'new' : 'in-base',
      }),
    ),
  );

describe('default budgets with the heaviest rows', () => {
  test('summary within 512 KiB and comment within 60,000 characters', () => {
    fc.assert(
      fc.property(heavyFindings, fc.boolean(), (findings, compared) => {
        const r = sampleReport(
          { findings, comparison: compared ? { available: true, fixed: findings.slice(0, 100), newCount: findings.length } : undefined },
          { reportPath: '@'.repeat(400), runUrl: `https://example.com/${'<'.repeat(900)}` },
        );
        expect(Buffer.byteLength(renderSummary(r), 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
        expectComment(renderComment(r, '-->'.repeat(100)), COMMENT_BUDGET_CHARS);
      }),
      { numRuns: 12 },
    );
  });
});
