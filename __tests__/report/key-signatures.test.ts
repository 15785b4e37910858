// Signatures by a key (signing: awskms://…) in every rendering: the outcome first (signed with
// which key and how many new, failed in the step's words, skipped), then what was signed and the
// referrer that carries it, bounded; beside ECR's managed ones (those first); text from outside
// escaped; several images; the limits held; the JSON report's field; SARIF untouched.
import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, renderComment, renderStepComment } from '../../src/report/comment-body.js';
import { renderJsonReport, stepJsonChunks } from '../../src/report/json.js';
import type { ImageReport, Report, StepReport } from '../../src/report/model.js';
import { renderSarif } from '../../src/report/sarif.js';
import { SUMMARY_BUDGET_BYTES, renderStepSummary, renderSummary } from '../../src/report/summary.js';
import { SIGNATURE_ROWS, keySignaturesView } from '../../src/report/view.js';
import { cleanReport, failedReport, policyReport, signedReport } from '../../__fixtures__/reports/index.js';
import {
  KEY_ARN,
  KEY_DENIED,
  KEY_NAME,
  KEY_SIGNATURES,
  SIGN_PREDICATE,
  SLSA_PREDICATE,
  bothSignedReport,
  keySignedReport,
  keySigningFailedReport,
  keySigningHostileReport,
  keySigningSkippedReport,
  manyPlatformsKeySignedReport,
  referrer,
} from '../../__fixtures__/reports/key-signatures.js';
import { AMD64_DIGEST, ARM64_DIGEST, DIGEST } from '../../__fixtures__/reports/base.js';
import { expectGolden } from './golden.js';

const several = (images: ImageReport[]): StepReport => ({
  layout: 'several',
  verdict: images.some(({ report }) => report.fails) ? 'failed' : 'passed',
  fails: images.some(({ report }) => report.fails),
  reason: 'The step’s reason.',
  images,
  runUrl: 'https://github.com/acme/retail/actions/runs/1',
});
/** Where each needle first appears, in order: each must be after the one before. */
const inOrder = (haystack: string, needles: string[]) => {
  const at = needles.map((needle) => haystack.indexOf(needle));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
};
const renderers = [
  ['summary', (report: Report) => renderSummary(report)],
  ['comment', (report: Report) => renderComment(report, 'k')],
] as const;

const SIGNED_LINE = `✅ Signed with \`${KEY_NAME}\` (\`${KEY_ARN}\`): 5 signatures (3 new, 2 already there).`;
const TABLE = [
  '| What | Signed digest | Referrer | New/Reused |',
  '| --- | --- | --- | --- |',
  `| image | \`${DIGEST}\` | \`${referrer(1)}\` | new |`,
  `| image (linux/amd64) | \`${AMD64_DIGEST}\` | \`${referrer(2)}\` | new |`,
  `| image (linux/arm64) | \`${ARM64_DIGEST}\` | \`${referrer(3)}\` | reused |`,
  `| sbom (linux/amd64) | \`${AMD64_DIGEST}\` | \`${referrer(4)}\` | new |`,
  `| provenance (linux/amd64) | \`${AMD64_DIGEST}\` | \`${referrer(5)}\` | reused |`,
].join('\n');

describe('keySignaturesView', () => {
  test('the outcome, the key, new and reused counted, a row per signature in the order signed', () => {
    expect(keySignaturesView(keySignedReport, 'summary')).toEqual({
      outcome: 'signed',
      name: KEY_NAME,
      key: KEY_ARN,
      counts: { total: 5, new: 3, reused: 2 },
      shown: KEY_SIGNATURES,
      leftOut: 0,
    });
  });

  test("failed: the step's words; skipped: nothing signed", () => {
    expect(keySignaturesView(keySigningFailedReport, 'comment')).toMatchObject({ outcome: 'failed', problem: KEY_DENIED, shown: [] });
    expect(keySignaturesView(keySigningSkippedReport, 'comment')).toMatchObject({
      outcome: 'skipped',
      counts: { total: 0, new: 0, reused: 0 },
      leftOut: 0,
    });
  });

  test('bounded by the audience and by what the fit loop allows; the rest counted', () => {
    const report = manyPlatformsKeySignedReport(30); // the index and 30 platforms × 3: 91 signatures
    expect(keySignaturesView(report, 'summary')).toMatchObject({ leftOut: 91 - SIGNATURE_ROWS.summary });
    expect(keySignaturesView(report, 'comment')!.shown).toHaveLength(SIGNATURE_ROWS.comment);
    expect(keySignaturesView(report, 'comment', 5)).toMatchObject({ leftOut: 86 });
    expect(keySignaturesView(report, 'summary', 0)).toMatchObject({ shown: [], leftOut: 91 });
  });

  test('no key signs: nothing', () => {
    expect(keySignaturesView(cleanReport, 'summary')).toBeUndefined();
    expect(keySignaturesView(signedReport, 'summary')).toBeUndefined();
  });
});

describe('goldens', () => {
  test.each([
    ['key-signed', keySignedReport],
    ['key-both', bothSignedReport],
  ])('%s: summary and comment', (name, report) => {
    expectGolden(`summary/${name}.md`, renderSummary(report));
    expectGolden(`comment/${name}.md`, renderComment(report, 'mlops/retail-api'));
  });
});

describe.each(renderers)('the %s', (audience, render) => {
  const label = audience === 'summary' ? '### Signatures\n\n' : '**Signatures:** ';

  test.each([
    ['signed', keySignedReport, SIGNED_LINE],
    ['failed', keySigningFailedReport, `❌ ${KEY_DENIED}`],
    ['skipped', keySigningSkippedReport, '⏭ Not signed: the step failed before signing.'],
  ])('%s: the outcome first', (_name, report, outcome) => {
    expect(render(report)).toContain(`${label}${outcome}\n`);
  });

  test('failed with no words of its own: the key named', () => {
    const report: Report = { ...keySigningFailedReport, keySignatures: { ...keySigningFailedReport.keySignatures!, problem: undefined } };
    expect(render(report)).toContain(`${label}❌ Signing with awskms:///alias/release failed.\n`);
  });

  test('a table of what was signed, its digest, its referrer, new or reused: open in the summary, folded in the comment', () => {
    expect(render(keySignedReport)).toContain(
      audience === 'summary'
        ? `${SIGNED_LINE}\n\n${TABLE}\n`
        : `${SIGNED_LINE}\n\n<details><summary>5 key signatures</summary>\n\n${TABLE}\n\n</details>`,
    );
  });

  test('failed or skipped with nothing signed: no table', () => {
    expect(render(keySigningFailedReport)).not.toContain('| What |');
    expect(render(keySigningSkippedReport)).not.toContain('| What |');
  });

  test('failed after signing some: the outcome, then what was signed', () => {
    const report: Report = {
      ...keySigningFailedReport,
      keySignatures: { ...keySigningFailedReport.keySignatures!, list: KEY_SIGNATURES.slice(0, 1) },
    };
    inOrder(render(report), ['❌ Signing with', '| What | Signed digest |', `| image | \`${DIGEST}\``]);
  });

  test('many platforms: the table bounded, the rest counted', () => {
    const out = render(manyPlatformsKeySignedReport(30));
    expect(out).toContain(`| … | and ${91 - SIGNATURE_ROWS[audience]} more | | in the JSON report |`);
    expect(out.match(/\| `sha256:e+[0-9a-f]+` \| new \|/g)).toHaveLength(SIGNATURE_ROWS[audience]);
  });

  test('both kinds: one section, the managed signatures first, then the key', () => {
    const out = render(bothSignedReport);
    inOrder(out, [label, '✅ Signed by ECR with profile `release` (3 digests).', '| Manifest | Digest |', SIGNED_LINE, '| What |']);
    expect(out.match(/Signatures/g)).toHaveLength(1);
    if (audience === 'comment') {
      inOrder(out, ['<summary>3 signature statuses</summary>', `</details>\n\n${SIGNED_LINE}`, '<summary>5 key signatures</summary>']);
    }
  });

  test('after the attestations, before the policy and the findings', () => {
    const report: Report = {
      ...failedReport,
      attestations: {
        storage: 'referrers-api',
        list: [{ kind: 'sbom', platform: 'linux/amd64', digest: AMD64_DIGEST, predicateType: 'https://spdx.dev/Document' }],
        missing: [],
      },
      policy: policyReport.policy!,
      keySignatures: keySignedReport.keySignatures!,
    };
    inOrder(render(report), ['| Platform | Scan |', 'Attestations', 'Signatures', 'Policy', 'Findings that failed the gate']);
  });

  test('a hostile key name, ARN, platform and referrer are text: no markup, no link, no mention, no broken cell', () => {
    const out = render(keySigningHostileReport);
    const start = out.indexOf('Signatures');
    const section = out.slice(start, out.indexOf(audience === 'summary' ? '\n\n<sub>' : '</details>', start));
    expect(section).not.toContain('<img');
    expect(section).not.toMatch(/[^\\]\]\(/);
    expect(section).not.toMatch(/[^\\]\|cell/);
    expect(section).not.toContain('**bold**');
    expect(section).not.toMatch(/@org/);
    expect(section).toContain('awskms:///alias/evil\\|cell &lt;img');
    // The table keeps its four columns: five unescaped bars.
    const row = section.split('\n').find((line) => line.startsWith('| image ('))!;
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
  });

  test('a hostile problem is text too', () => {
    const report: Report = {
      ...keySigningFailedReport,
      keySignatures: { ...keySigningFailedReport.keySignatures!, problem: 'a\nb <img src=x> [x](javascript:1) @org/team |' },
    };
    expect(render(report)).toContain(`${label}❌ a b &lt;img src=x&gt; \\[x\\](javascript:1) @&#8203;org/team \\|\n`);
  });

  test('no key signs: nothing of it; managed signatures alone render as before', () => {
    expect(render(cleanReport)).not.toContain('Signatures');
    expect(render(signedReport)).not.toMatch(/key signature|\| What \|/);
  });
});

describe('several images', () => {
  const skippedClean: Report = {
    ...keySignedReport,
    keySignatures: { ...keySignedReport.keySignatures!, outcome: 'skipped', list: [] },
  };
  const step = several([
    { name: 'api', report: keySigningFailedReport },
    { name: 'web', report: bothSignedReport },
    { name: 'worker', report: skippedClean },
    { name: 'old', report: cleanReport },
  ]);

  test("each image's section has its own signatures; a folded clean image says its key did not sign", () => {
    const summary = renderStepSummary(step);
    inOrder(summary, [
      '### ❌ ECR scan failed: mlops/retail-api',
      '#### Signatures\n\n❌ Signing with',
      '<summary>web: ✅ ECR scan passed</summary>',
      '#### Signatures\n\n✅ Signed by ECR',
      SIGNED_LINE,
      '<summary>worker: ✅ ECR scan passed · key signature: skipped</summary>',
      '#### Signatures\n\n⏭ Not signed',
      '<summary>old: ✅ ECR scan passed</summary>',
    ]);
    expect(summary.match(/#### Signatures/g)).toHaveLength(3);
    const comment = renderStepComment(step, 'k');
    expect(comment.match(/\*\*Signatures:\*\*/g)).toHaveLength(3);
    expect(comment).toContain('<summary>worker: ✅ ECR scan passed · key signature: skipped</summary>');
  });

  test('the JSON report: each image its own key signatures', () => {
    const json = JSON.parse(Array.from(stepJsonChunks(step)).join('')) as {
      images: Record<string, { keySignatures?: { outcome: string } }>;
    };
    expect(Object.entries(json.images).map(([name, image]) => [name, image.keySignatures?.outcome])).toEqual([
      ['api', 'failed'],
      ['web', 'signed'],
      ['worker', 'skipped'],
      ['old', undefined],
    ]);
  });
});

describe('within the limits', () => {
  test("many images of many platforms signed by a hostile key: the comment within GitHub's limit, the summary within budget", () => {
    const name = `awskms:///alias/${'a@b|<c> '.repeat(200)}`;
    const report = (i: number): Report => {
      const base = manyPlatformsKeySignedReport(40);
      return { ...failedReport, keySignatures: { ...base.keySignatures!, name, key: `${KEY_ARN}-${i}`, outcome: 'failed', problem: name } };
    };
    const images = Array.from({ length: 20 }, (_, i) => ({ name: `svc-${i}`, report: report(i) }));
    const comment = renderStepComment(several(images), 'k');
    expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(comment).toContain('| `svc-19` |');
    expect(renderComment(images[0]!.report, 'k').length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(Buffer.byteLength(renderStepSummary(several(images)), 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
  });
});

describe('JSON report', () => {
  test('golden: key-signed', () => {
    expectGolden('json/key-signed.json', renderJsonReport(keySignedReport));
  });

  test('keySignatures right after the managed signatures: kind, name, key, outcome, every signature with its referrer', () => {
    const json = JSON.parse(renderJsonReport(bothSignedReport)) as Record<string, unknown>;
    const keys = Object.keys(json);
    expect(keys.indexOf('keySignatures')).toBe(keys.indexOf('signatures') + 1);
    expect(json.keySignatures).toEqual({
      kind: 'kms',
      name: KEY_NAME,
      key: KEY_ARN,
      outcome: 'signed',
      signatures: KEY_SIGNATURES.map((s) => ({ ...s })),
    });
    expect((json.keySignatures as { signatures: unknown[] }).signatures[0]).toEqual({
      digest: DIGEST,
      what: 'image',
      predicateType: SIGN_PREDICATE,
      referrer: referrer(1),
      reused: false,
    });
    expect((json.keySignatures as { signatures: unknown[] }).signatures[4]).toMatchObject({
      what: 'provenance',
      platform: 'linux/amd64',
      predicateType: SLSA_PREDICATE,
      reused: true,
    });
  });

  test('failed keeps its problem; skipped has none; no key: no field', () => {
    expect(JSON.parse(renderJsonReport(keySigningFailedReport))).toMatchObject({
      keySignatures: { outcome: 'failed', problem: KEY_DENIED, signatures: [] },
    });
    const skipped = JSON.parse(renderJsonReport(keySigningSkippedReport)) as { keySignatures: Record<string, unknown> };
    expect(skipped.keySignatures).toEqual({ kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'skipped', signatures: [] });
    expect(JSON.parse(renderJsonReport(cleanReport))).not.toHaveProperty('keySignatures');
    expect(JSON.parse(renderJsonReport(signedReport))).not.toHaveProperty('keySignatures');
  });
});

describe('SARIF', () => {
  test.each([
    ['signed', keySignedReport],
    ['failed', keySigningFailedReport],
    ['hostile', keySigningHostileReport],
  ])('%s: unchanged by the key signatures', (_name, report) => {
    const options = { dockerfile: 'Dockerfile', informationUri: 'https://github.com/acme/ecr-build-scan-push' };
    expect(renderSarif(report, options)).toBe(renderSarif({ ...report, keySignatures: undefined }, options));
  });
});
