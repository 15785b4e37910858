// The policy's rules in every rendering: what did not pass first (failed, warned, no data), what
// passed folded, findings bounded, text from outside escaped, several images, the limits held.
import { describe, expect, test } from '@jest/globals';
import { COMMENT_BUDGET_CHARS, renderComment, renderStepComment } from '../../src/report/comment-body.js';
import { renderJsonReport } from '../../src/report/json.js';
import type { ImageReport, Report, StepReport } from '../../src/report/model.js';
import { MAX_POLICY_RESULTS_PER_RUN, renderSarif, stepSarifChunks } from '../../src/report/sarif.js';
import { renderStepSummary, renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js';
import { POLICY_FINDINGS, policyView } from '../../src/report/view.js';
import {
  cleanReport,
  failedReport,
  manyBuildChecksReport,
  policyHostileReport,
  policyOf,
  policyPassedReport,
  policyReport,
} from '../../__fixtures__/reports/index.js';
import { expectGolden } from './golden.js';

const several = (images: ImageReport[]): StepReport => ({
  layout: 'several',
  verdict: images.some(({ report }) => report.fails) ? 'failed' : 'passed',
  fails: images.some(({ report }) => report.fails),
  reason: 'The step’s reason.',
  images,
  runUrl: 'https://github.com/acme/retail/actions/runs/1',
});
const text = (pieces: Iterable<string>) => Array.from(pieces).join('');
/** Where each needle first appears, in order: each must be after the one before. */
const inOrder = (haystack: string, needles: string[]) => {
  const at = needles.map((needle) => haystack.indexOf(needle));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
};

describe('policyView', () => {
  test('failed first, then warned, then no data; passed apart; off left out', () => {
    const view = policyView(policyReport, 'summary')!;
    expect(view.open.map((rule) => [rule.result.rule, rule.result.verdict])).toEqual([
      ['non-root', 'fail'],
      ['build-checks', 'warn'],
      ['licenses', 'no-data'],
    ]);
    expect(view.passed.map((rule) => rule.rule)).toEqual(['healthcheck', 'max-size']);
    expect(view.source).toEqual({ file: '.ecr-policy.yml', inline: false });
    expect(view.fails).toBe(true);
  });

  test('a rule with several findings lists them, bounded by the audience and by what the fit loop allows', () => {
    const report = manyBuildChecksReport(25);
    expect(policyView(report, 'summary')!.open[0]).toMatchObject({ leftOut: 15 });
    expect(policyView(report, 'summary')!.open[0]!.shown).toHaveLength(POLICY_FINDINGS.summary);
    expect(policyView(report, 'comment')!.open[0]!.shown).toHaveLength(POLICY_FINDINGS.comment);
    expect(policyView(report, 'comment', 2)!.open[0]).toMatchObject({ leftOut: 23 });
    expect(policyView(report, 'comment', 0)!.open[0]).toMatchObject({ shown: [], leftOut: 25 });
  });

  test('a rule with one finding lists none: its reason says it', () => {
    const report = manyBuildChecksReport(1);
    expect(policyView(report, 'summary')!.open[0]).toMatchObject({ shown: [], leftOut: 0 });
  });

  test.each([
    ['no policy (nothing pushed)', cleanReport],
    ['every rule off', { ...cleanReport, policy: policyOf({}, { inline: false }) }],
  ])('%s: nothing', (_name, report) => {
    expect(policyView(report, 'summary')).toBeUndefined();
    expect(renderSummary(report)).not.toContain('Policy');
    expect(renderComment(report, 'k')).not.toContain('Policy');
  });
});

// The summary and comment goldens (policy, policy-passed) are SAMPLE_REPORTS', rendered by summary.test.ts and comment-body.test.ts.

describe.each([
  ['summary', (report: Report) => renderSummary(report)],
  ['comment', (report: Report) => renderComment(report, 'k')],
])('the %s', (audience, render) => {
  test('a section with where the rules came from; failed, warned and no data in that order; passed folded', () => {
    const out = render(policyReport);
    expect(out).toContain(audience === 'summary' ? '### Policy' : '**Policy:**');
    expect(out).toContain('✗ 1 failed · ⚠ 1 warned · ? 1 without data · ✓ 2 passed — rules from `.ecr-policy.yml`.');
    inOrder(out, [
      '- ✗ **non-root** failed: linux/amd64: runs as root',
      '  - linux/arm64: runs as root',
      '- ⚠ **build-checks** warned: JSONArgsRecommended',
      '  - UndefinedVar: Usage of undefined variable',
      '- ? **licenses** no data (at fail): the image has no SBOM',
      '<summary>2 rules passed</summary>',
      '- ✓ **healthcheck**: the image config has a health check',
    ]);
    // The policy comes before the findings tables, after the counts.
    inOrder(out, ['| Platform | Scan |', 'Policy']);
  });

  test('every rule passed: one line and the fold', () => {
    const out = render(policyPassedReport);
    expect(out).toContain(
      '✓ all 2 rules passed — the default rules (no policy file or `policy` input).\n\n<details>\n<summary>2 rules passed</summary>',
    );
    expect(out).not.toMatch(/^- [✗⚠?] /m);
  });

  test('hostile reasons, findings and file names are text, never markup, links or mentions', () => {
    const out = render(policyHostileReport);
    const start = out.indexOf('Policy');
    const section = out.slice(start, out.indexOf('\n\n', out.indexOf('\n- ', start) + 1));
    expect(section).not.toContain('<img');
    expect(section).not.toContain('<b>');
    expect(section).not.toMatch(/[^\\]\]\(/); // no link: every `]` escaped
    expect(section).toContain('\\[click\\](javascript:alert(1))');
    expect(section).not.toContain('[docs]'); // a javascript: URL is never linked
    expect(section).not.toMatch(/[^\\]\|cell/);
    expect(section).not.toContain('**bold**');
    expect(section).not.toMatch(/@org/);
    expect(section).toContain('@&#8203;org/team');
    expect(section).toContain('rules from policy\\|&lt;b&gt;.yml and the `policy` input');
    // Each rule is one list item: no text from outside breaks a line.
    expect(section.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
  });
});

describe('several images', () => {
  const step = several([
    { name: 'api', report: policyReport },
    { name: 'web', report: policyPassedReport },
    { name: 'worker', report: { ...cleanReport, policy: policyOf({ 'build-checks': warn() }, { inline: false }) } },
    { name: 'old', report: cleanReport },
  ]);

  test('the overview says which image failed on the policy, and why in a word', () => {
    for (const out of [renderStepSummary(step), renderStepComment(step, 'k')]) {
      expect(out).toContain('| Image | Verdict | Policy | CRITICAL |');
      expect(out).toContain('| `api` | ❌ failed | ✗ non-root | 0 |');
      expect(out).toContain('| `web` | ✅ passed | ✓ passed | 0 |');
      expect(out).toContain('| `worker` | ✅ passed | ⚠ build-checks | 0 |');
      expect(out).toContain('| `old` | ✅ passed | – | 0 |');
    }
  });

  test("each image's section has its own policy; a folded clean image names its warnings", () => {
    const summary = renderStepSummary(step);
    inOrder(summary, ['### ❌ ECR scan failed', '#### Policy', '- ✗ **non-root** failed', '<summary>web: ✅ ECR scan passed</summary>']);
    expect(summary).toContain('<summary>worker: ✅ ECR scan passed · policy: 1 warned</summary>');
    const comment = renderStepComment(step, 'k');
    expect(comment.match(/\*\*Policy:\*\*/g)).toHaveLength(3);
  });

  test('without a policy anywhere the overview is as it was', () => {
    const out = renderStepSummary(several([{ name: 'api', report: failedReport }]));
    expect(out).toContain('| Image | Verdict | CRITICAL |');
  });
});

describe('within the limits', () => {
  test("one image with 5,000 build-check hits: a few listed, the rest counted, the comment within GitHub's limit", () => {
    const report = manyBuildChecksReport(5_000, 400);
    const comment = renderComment(report, 'k');
    expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(comment).toContain('…and 4,995 more (in the JSON report)');
    expect(renderSummary(report)).toContain('…and 4,990 more (in the JSON report)');
  });

  test('many images with hostile, long findings under every rule: the comment and summary still fit', () => {
    const long = 'a@b|<c> '.repeat(100);
    const results = (
      ['non-root', 'healthcheck', 'base-images', 'base-fresh', 'max-size', 'licenses', 'attestations', 'build-checks'] as const
    ).map((rule) => [
      rule,
      {
        level: 'fail' as const,
        verdict: 'fail' as const,
        reason: long,
        findings: Array.from({ length: 50 }, (_, i) => ({ message: `${i} ${long}`, platform: 'linux/amd64' })),
      },
    ]);
    const policy = policyOf(Object.fromEntries(results), { inline: true });
    const images = Array.from({ length: 15 }, (_, i) => ({ name: `svc-${i}`, report: { ...failedReport, policy } }));
    const comment = renderStepComment(several(images), 'k');
    expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(comment).toContain('| `svc-14` |');
    expect(renderComment(images[0]!.report, 'k').length).toBeLessThanOrEqual(COMMENT_BUDGET_CHARS);
    expect(Buffer.byteLength(renderStepSummary(several(images)), 'utf8')).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
  });
});

describe('JSON report', () => {
  test('golden', () => {
    expectGolden('json/policy.json', renderJsonReport(policyReport));
  });

  test('policy: where from, whether it fails, every rule (off ones too) with level, verdict, reason and findings', () => {
    const json = JSON.parse(renderJsonReport(policyReport)) as { policy: { rules: Record<string, unknown> } } & Record<string, unknown>;
    expect(Object.keys(json).indexOf('policy')).toBe(Object.keys(json).indexOf('tags') + 2); // after heldBack (no attestations here)
    expect(json.policy).toMatchObject({ source: { file: '.ecr-policy.yml', inline: false }, fails: true });
    expect(Object.keys(json.policy.rules)).toEqual([
      'non-root',
      'healthcheck',
      'base-images',
      'base-fresh',
      'max-size',
      'licenses',
      'attestations',
      'build-checks',
    ]);
    expect(json.policy.rules['base-images']).toEqual({ level: 'off', verdict: 'off', reason: 'off', findings: [] });
    expect(json.policy.rules['build-checks']).toMatchObject({
      level: 'warn',
      verdict: 'warn',
      findings: [
        {
          id: 'JSONArgsRecommended',
          file: 'services/api/Dockerfile',
          line: 24,
          endLine: 24,
          url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
        },
        {},
        {},
      ],
    });
    expect(json.policy.rules['non-root']).toMatchObject({ findings: [{ platform: 'linux/amd64' }, { platform: 'linux/arm64' }] });
  });

  test('no policy (nothing pushed): no field', () => {
    expect(JSON.parse(renderJsonReport(cleanReport))).not.toHaveProperty('policy');
  });
});

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string } }> } };
  results: Array<{
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } } }>;
    partialFingerprints: Record<string, string>;
    properties: Record<string, unknown>;
  }>;
  properties: Record<string, unknown>;
}
const OPTIONS = { dockerfile: 'services/api/Dockerfile', informationUri: 'https://github.com/acme/ecr-build-scan-push' };
const runOf = (sarif: string) => (JSON.parse(sarif) as { runs: SarifRun[] }).runs;

describe('SARIF', () => {
  test('golden', () => {
    expectGolden('sarif/policy.sarif.json', `${JSON.stringify(JSON.parse(renderSarif(policyReport, OPTIONS)), null, 2)}\n`);
  });

  test('build checks at their Dockerfile line, other rules on the Dockerfile; error at fail, warning at warn; no-data and passes are no results', () => {
    const [run] = runOf(renderSarif(policyReport, OPTIONS));
    expect(run!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['policy/non-root', 'error', 1],
      ['policy/non-root', 'error', 1],
      ['build-check/JSONArgsRecommended', 'warning', 24],
      ['build-check/FromAsCasing', 'warning', 1],
      ['build-check/UndefinedVar', 'warning', 12],
    ]);
    for (const result of run!.results) {
      expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/api/Dockerfile');
    }
    expect(run!.results[0]!.message.text).toBe('non-root (fail) on linux/amd64: runs as root: the image config sets no user');
    expect(run!.tool.driver.rules.find((r) => r.id === 'build-check/UndefinedVar')).toEqual({
      id: 'build-check/UndefinedVar',
      shortDescription: { text: 'BuildKit build check UndefinedVar' },
      helpUri: 'https://docs.docker.com/go/dockerfile/rule/undefined-var/',
      properties: { tags: ['policy', 'build-check', 'dockerfile'] },
    });
    expect(run!.tool.driver.rules.find((r) => r.id === 'policy/non-root')?.shortDescription.text).toBe(
      "The image's default user is not root",
    );
    // One alert per platform; a check keeps its alert when its line moves.
    const prints = run!.results.map((r) => r.partialFingerprints['ecrPolicy/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const moved = manyBuildChecksReport(1);
    const at = (line: number) => {
      const findings = moved.policy!.results[7]!.findings.map((f) => ({ ...f, line, message: f.message.replace(/:\d+\)$/, `:${line})`) }));
      const policy = { ...moved.policy!, results: moved.policy!.results.map((r, i) => (i === 7 ? { ...r, findings } : r)) };
      return runOf(renderSarif({ ...moved, policy }, OPTIONS))[0]!.results[0]!.partialFingerprints['ecrPolicy/v1'];
    };
    expect(at(3)).toBe(at(30));
  });

  test('hostile text: no embedded link, a javascript: URL is no helpUri', () => {
    const [run] = runOf(renderSarif(policyHostileReport, OPTIONS));
    expect(run!.tool.driver.rules.find((r) => r.id === 'build-check/Hostile')?.helpUri).toBeUndefined();
    expect(run!.results[0]!.message.text).toContain('\\[click\\](javascript:alert(1))');
  });

  test('several images: each run its own image’s policy, at its own Dockerfile', () => {
    const step = several([
      { name: 'api', report: policyReport },
      { name: 'web', report: policyPassedReport },
    ]);
    const runs = runOf(text(stepSarifChunks(step, { dockerfileOf: (name) => `services/${name}/Dockerfile` })));
    expect(runs.map((run) => run.results.length)).toEqual([5, 0]);
    expect(runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/api/Dockerfile');
  });

  test('over 20 images, one run: each policy result names its image', () => {
    const images = Array.from({ length: 21 }, (_, i) => ({ name: `svc-${i}`, report: policyReport }));
    const [run] = runOf(text(stepSarifChunks(several(images), { dockerfileOf: (name) => `services/${name}/Dockerfile` })));
    const policy = run!.results.filter((r) => r.ruleId.startsWith('policy/'));
    expect(policy).toHaveLength(42);
    expect(policy[2]!.message.text.startsWith('svc-1: non-root (fail)')).toBe(true);
    expect(policy[2]!.properties.image).toBe('svc-1');
    expect(new Set(policy.map((r) => r.partialFingerprints['ecrPolicy/v1'])).size).toBe(42);
  });

  test('a tiny budget: the file is still a valid log, the policy results last to go', () => {
    const report = manyBuildChecksReport(300, 400);
    const cut = runOf(renderSarif(report, { ...OPTIONS, maxBytes: 20_000 }))[0]!;
    expect(cut.results).toHaveLength(0);
    expect(cut.properties.policyResultsLeftOut).toBe(300);
    const roomy = runOf(renderSarif(report, { ...OPTIONS, maxBytes: 1_000_000 }))[0]!;
    expect(roomy.results).toHaveLength(300);
    expect(roomy.properties).not.toHaveProperty('policyResultsLeftOut');
  });

  test(`at most ${MAX_POLICY_RESULTS_PER_RUN} policy results a run; the run says how many more there were`, () => {
    const run = runOf(renderSarif(manyBuildChecksReport(MAX_POLICY_RESULTS_PER_RUN + 5, 50), OPTIONS))[0]!;
    expect(run.results).toHaveLength(MAX_POLICY_RESULTS_PER_RUN);
    expect(run.properties.policyResultsLeftOut).toBe(5);
  });
});

function warn() {
  return {
    level: 'warn' as const,
    verdict: 'warn' as const,
    reason: 'UndefinedVar: x (Dockerfile:3)',
    findings: [{ message: 'UndefinedVar: x (Dockerfile:3)', id: 'UndefinedVar', file: 'Dockerfile', line: 3 }],
  };
}
