// ECR's managed signatures in every rendering: the outcome first (signed, failed, not in time, no
// rule), then each digest's status per profile, bounded; text from outside escaped; several images;
// the limits held; the JSON report's field; SARIF untouched.
import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, renderComment, renderStepComment } from '../../src/report/comment-body.js';
import { renderJsonReport, stepJsonChunks } from '../../src/report/json.js';
import type { ImageReport, Report, StepReport } from '../../src/report/model.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderStepSummary, renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js';
import { SIGNATURE_ROWS, signaturesView } from '../../src/report/view.js';
import {
  AUDIT_PROFILE,
  SIGNING_PROFILE,
  cleanReport,
  failedReport,
  manyPlatformsSignedReport,
  policyReport,
  signedReport,
  signingFailedReport,
  signingHostileReport,
  signingNoneReport,
  signingTimeoutReport,
} from '../../__fixtures__/reports/index.js';
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

describe('signaturesView', () => {
  test('a row per digest and profile, in the order pushed, each named by its manifest: the index, then each platform', () => {
    const view = signaturesView(signedReport, 'summary')!;
    expect(view.shown.map((row) => [row.manifest, row.digest, row.profile, row.status])).toEqual([
      ['index', DIGEST, SIGNING_PROFILE, 'COMPLETE'],
      ['linux/amd64', AMD64_DIGEST, SIGNING_PROFILE, 'COMPLETE'],
      ['linux/arm64', ARM64_DIGEST, SIGNING_PROFILE, 'COMPLETE'],
    ]);
    expect(view).toMatchObject({ outcome: 'signed', profiles: [SIGNING_PROFILE], failures: [], digests: { signed: 3, unsigned: 0 } });
  });

  test('a single-platform image: its one manifest is named by its platform', () => {
    expect(signaturesView(signingFailedReport, 'summary')!.shown[0]).toMatchObject({
      manifest: 'linux/amd64',
      failureCode: 'AccessDeniedException',
    });
  });

  test('failures grouped by profile, code and reason, each counting its digests', () => {
    const twice = {
      ...signingFailedReport,
      signatures: {
        ...signingFailedReport.signatures!,
        digests: [
          ...signingFailedReport.signatures!.digests,
          { digest: AMD64_DIGEST, statuses: signingFailedReport.signatures!.digests[0]!.statuses },
          { digest: ARM64_DIGEST, statuses: [{ signingProfileArn: AUDIT_PROFILE, status: 'FAILED', failureCode: 'Other' }] },
        ],
      },
    };
    expect(signaturesView(twice, 'comment')!.failures).toEqual([
      {
        profile: SIGNING_PROFILE,
        code: 'AccessDeniedException',
        reason: expect.stringContaining('signer:SignPayload') as unknown as string,
        digests: 2,
      },
      { profile: AUDIT_PROFILE, code: 'Other', digests: 1 },
    ]);
  });

  test('a digest ECR lists no status for is a row without a profile, counted apart', () => {
    const view = signaturesView(manyPlatformsSignedReport(2), 'summary')!;
    expect(view.shown[0]).toEqual({ manifest: 'index', digest: DIGEST });
    expect(view.digests).toEqual({ signed: 2, unsigned: 1 });
    expect(view.shown).toHaveLength(5);
  });

  test('bounded by the audience and by what the fit loop allows; the rest counted', () => {
    const report = manyPlatformsSignedReport(30); // the index and 30 platforms × 2 profiles: 61 rows
    expect(signaturesView(report, 'summary')).toMatchObject({ leftOut: 61 - SIGNATURE_ROWS.summary });
    expect(signaturesView(report, 'comment')!.shown).toHaveLength(SIGNATURE_ROWS.comment);
    expect(signaturesView(report, 'comment', 5)).toMatchObject({ leftOut: 56 });
    expect(signaturesView(report, 'summary', 0)).toMatchObject({ shown: [], leftOut: 61 });
  });

  test('none awaited: nothing; no rule matched: the outcome without rows', () => {
    expect(signaturesView(cleanReport, 'summary')).toBeUndefined();
    expect(signaturesView(signingNoneReport, 'summary')).toMatchObject({ outcome: 'none', shown: [], leftOut: 0 });
  });
});

// The summary and comment goldens (signed, signing-failed, signing-timeout) are SAMPLE_REPORTS', rendered by summary.test.ts and comment-body.test.ts.

describe.each(renderers)('the %s', (audience, render) => {
  const label = audience === 'summary' ? '### Signatures\n\n' : '**Signatures:** ';

  test.each([
    ['signed', signedReport, '✅ Signed by ECR with profile `release` (3 digests).'],
    [
      'failed',
      signingFailedReport,
      '❌ Signing by ECR failed with profile `release`: `AccessDeniedException` — User: arn:aws:sts::123456789012:assumed-role/gha-push/GitHubActions is not authorized to perform: signer:SignPayload on resource: arn:aws:signer:us-east-1:123456789012:/signing-profiles/release (1 digest).',
    ],
    [
      'timeout',
      signingTimeoutReport,
      `⏳ ECR's managed signature did not arrive within scan-timeout (600 s): still waiting for release on ${DIGEST}, release on ${ARM64_DIGEST}.`,
    ],
    ['none', signingNoneReport, '– No rule of the signing configuration matches this repository: ECR does not sign it.'],
  ])('%s: the outcome first', (_name, report, outcome) => {
    expect(render(report)).toContain(`${label}${outcome}\n`);
  });

  test('a table of digest, profile and status: open in the summary, folded in the comment', () => {
    const out = render(signingTimeoutReport);
    const table = [
      '| Manifest | Digest | Profile | Status |',
      '| --- | --- | --- | --- |',
      `| index | \`${DIGEST}\` | \`release\` | ⏳ IN_PROGRESS |`,
      `| linux/amd64 | \`${AMD64_DIGEST}\` | \`release\` | ✅ COMPLETE |`,
      `| linux/arm64 | \`${ARM64_DIGEST}\` | \`release\` | ⏳ IN_PROGRESS |`,
    ].join('\n');
    expect(out).toContain(
      audience === 'summary' ? `.\n\n${table}\n` : `.\n\n<details><summary>3 signature statuses</summary>\n\n${table}\n\n</details>`,
    );
    expect(render(signingFailedReport)).toContain(`| linux/amd64 | \`${DIGEST}\` | \`release\` | ❌ FAILED \`AccessDeniedException\` |`);
  });

  test('no rule matched: no table', () => {
    expect(render(signingNoneReport)).not.toContain('| Manifest |');
  });

  test('several profiles, and a digest ECR does not sign', () => {
    const out = render(manyPlatformsSignedReport(2));
    expect(out).toContain('✅ Signed by ECR with profiles `release`, `audit` (2 digests; ECR does not sign the other 1).');
    expect(out).toContain(`| index | \`${DIGEST}\` | — | not signed by ECR |`);
  });

  test('many platforms: the table bounded, the rest counted', () => {
    const out = render(manyPlatformsSignedReport(30));
    expect(out).toContain(`| … | and ${61 - SIGNATURE_ROWS[audience]} more | | in the JSON report |`);
    expect(out.match(/\| `(release|audit)` \| ✅ COMPLETE \|/g)).toHaveLength(SIGNATURE_ROWS[audience] - 1);
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
      signatures: signedReport.signatures!,
    };
    inOrder(render(report), ['| Platform | Scan |', 'Attestations', 'Signatures', 'Policy', 'Findings that failed the gate']);
  });

  test('hostile profile names, codes and reasons are text: no markup, no link, no mention, no broken line', () => {
    const out = render(signingHostileReport);
    const start = out.indexOf('Signatures');
    const section = out.slice(start, out.indexOf(audience === 'summary' ? '\n\n<sub>' : '</details>', start));
    expect(section).not.toContain('<img');
    expect(section).not.toMatch(/[^\\]\]\(/);
    expect(section).not.toMatch(/[^\\]\|cell/);
    expect(section).not.toContain('**bold**');
    expect(section).not.toMatch(/@org/);
    expect(section).toContain('@&#8203;org/team');
    expect(section).toContain('a b evil\\|cell &lt;img');
    // The table keeps its four columns: the row of the failed digest has five unescaped bars.
    const row = section.split('\n').find((line) => line.startsWith(`| linux/amd64 |`))!;
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
  });

  test('none awaited: no section', () => {
    expect(render(cleanReport)).not.toContain('Signatures');
  });
});

describe('several images', () => {
  const late: Report = {
    ...signingTimeoutReport,
    verdict: 'passed',
    fails: false,
    reason: 'No finding at or above CRITICAL.',
    heldBack: [],
  };
  const step = several([
    { name: 'api', report: signingFailedReport },
    { name: 'web', report: signedReport },
    { name: 'worker', report: late },
    { name: 'old', report: cleanReport },
  ]);

  test("each image's section has its own signatures; a folded clean image says its signature came late", () => {
    const summary = renderStepSummary(step);
    inOrder(summary, [
      '### ❌ ECR scan failed: mlops/retail-api',
      '#### Signatures\n\n❌ Signing by ECR failed',
      '<summary>web: ✅ ECR scan passed</summary>',
      '#### Signatures\n\n✅ Signed by ECR',
      '<summary>worker: ✅ ECR scan passed · signature: not in time</summary>',
      '#### Signatures\n\n⏳ ',
      '<summary>old: ✅ ECR scan passed</summary>',
    ]);
    expect(summary.match(/#### Signatures/g)).toHaveLength(3);
    const comment = renderStepComment(step, 'k');
    expect(comment.match(/\*\*Signatures:\*\*/g)).toHaveLength(3);
    expect(comment).toContain('<summary>worker: ✅ ECR scan passed · signature: not in time</summary>');
  });

  test('the JSON report: each image its own signatures', () => {
    const json = JSON.parse(Array.from(stepJsonChunks(step)).join('')) as { images: Record<string, { signatures?: { outcome: string } }> };
    expect(Object.entries(json.images).map(([name, image]) => [name, image.signatures?.outcome])).toEqual([
      ['api', 'failed'],
      ['web', 'signed'],
      ['worker', 'timeout'],
      ['old', undefined],
    ]);
  });
});

describe('within the limits', () => {
  test("many images of many platforms, with hostile long reasons: the comment within GitHub's limit, the summary within budget", () => {
    const reason = 'a@b|<c> '.repeat(200);
    const report = (i: number): Report => {
      const base = manyPlatformsSignedReport(40);
      const digests = base.signatures!.digests.map((d) => ({
        digest: d.digest,
        statuses: d.statuses.map((s) => ({ ...s, status: 'FAILED', failureCode: `Code${i}`, failureReason: reason })),
      }));
      return { ...failedReport, signatures: { ...base.signatures!, outcome: 'failed', problem: reason, digests } };
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
  test.each([
    ['signed', signedReport],
    ['signing-failed', signingFailedReport],
  ])('golden: %s', (name, report) => {
    expectGolden(`json/${name}.json`, renderJsonReport(report));
  });

  test('signatures right after the policy: kind, profiles, outcome, problem, every digest with its statuses', () => {
    const json = JSON.parse(renderJsonReport({ ...signingTimeoutReport, policy: policyReport.policy! })) as Record<string, unknown>;
    const keys = Object.keys(json);
    expect(keys.indexOf('signatures')).toBe(keys.indexOf('policy') + 1);
    expect(json.signatures).toEqual({
      kind: 'managed',
      profiles: [SIGNING_PROFILE],
      outcome: 'timeout',
      problem: signingTimeoutReport.signatures!.problem,
      digests: [
        { digest: DIGEST, statuses: [{ signingProfileArn: SIGNING_PROFILE, status: 'IN_PROGRESS' }] },
        { digest: AMD64_DIGEST, statuses: [{ signingProfileArn: SIGNING_PROFILE, status: 'COMPLETE' }] },
        { digest: ARM64_DIGEST, statuses: [{ signingProfileArn: SIGNING_PROFILE, status: 'IN_PROGRESS' }] },
      ],
    });
  });

  test('a failure keeps its code and reason; a digest ECR does not sign has no statuses; none awaited: no field', () => {
    const failed = JSON.parse(renderJsonReport(signingFailedReport)) as { signatures: { digests: Array<{ statuses: unknown[] }> } };
    expect(failed.signatures.digests[0]!.statuses[0]).toMatchObject({ status: 'FAILED', failureCode: 'AccessDeniedException' });
    const unsigned = JSON.parse(renderJsonReport(manyPlatformsSignedReport(1))) as {
      signatures: { digests: Array<{ statuses: unknown[] }> };
    };
    expect(unsigned.signatures.digests[0]).toEqual({ digest: DIGEST, statuses: [] });
    expect(JSON.parse(renderJsonReport(signingNoneReport))).toMatchObject({ signatures: { outcome: 'none', profiles: [], digests: [] } });
    expect(JSON.parse(renderJsonReport(cleanReport))).not.toHaveProperty('signatures');
  });
});

describe('SARIF', () => {
  test.each([
    ['signed', signedReport],
    ['failed', signingFailedReport],
    ['hostile', signingHostileReport],
  ])('%s: unchanged by the signatures', (_name, report) => {
    const options = { dockerfile: 'Dockerfile', informationUri: 'https://github.com/acme/ecr-build-scan-push' };
    expect(renderSarif(report, options)).toBe(renderSarif({ ...report, signatures: undefined }, options));
  });
});
