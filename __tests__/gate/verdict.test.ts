import { describe, expect, test } from '@jest/globals';
import type { Finding, PlatformScan } from '../../src/shared/finding.js';
import {
  decideImage,
  decideStep,
  HELD_BY_GATE,
  HELD_BY_POLICY,
  policyText,
  type BaseFindings,
  type PolicyFailure,
  type ImageInput,
  type StepImage,
  type StepOptions,
} from '../../src/gate/verdict.js';

const f = (id: string, severity: Finding['severity'], pkg = 'openssl'): Finding => ({
  id,
  severity,
  package: pkg,
  version: '1.0',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
});
const scan = (findings: Finding[], digest = `sha256:${'a'.repeat(64)}`): PlatformScan => ({
  platform: 'linux/amd64',
  digest,
  status: 'COMPLETE',
  complete: true,
  scanType: 'BASIC',
  findings,
  calls: 1,
});
const base = (findings: Finding[]): BaseFindings => ({
  available: true,
  baseSha: 'b'.repeat(40),
  baseDigest: `sha256:${'b'.repeat(64)}`,
  tag: 'b'.repeat(40),
  platforms: [{ platform: 'linux/amd64', digest: `sha256:${'b'.repeat(64)}` }],
  scans: [scan(findings, `sha256:${'b'.repeat(64)}`)],
});

function input(overrides: Partial<ImageInput>): ImageInput {
  return {
    scans: [scan([])],
    ignores: { ids: [], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail' },
    ...overrides,
  };
}

describe('decideImage: what fails', () => {
  test.each([
    ['a blocking finding', [f('CVE-1', 'CRITICAL')], true],
    ['findings below the threshold only', [f('CVE-1', 'MEDIUM')], false],
    ['no findings', [], false],
  ])('%s', (_name, findings, fails) => {
    const verdict = decideImage(input({ scans: [scan(findings)] }));
    expect(verdict.decision.fails).toBe(fails);
    expect(verdict.decision.verdict).toBe(fails ? 'failed' : 'passed');
  });

  test('an incomplete scan fails with on-scan-incomplete: fail, and only warns with warn', () => {
    const timedOut = { ...scan([]), status: 'TIMEOUT', complete: false };
    expect(decideImage(input({ scans: [timedOut] })).decision).toMatchObject({ verdict: 'incomplete', fails: true });
    expect(
      decideImage(input({ scans: [timedOut], gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'warn' } })).decision,
    ).toMatchObject({ verdict: 'incomplete', fails: false });
  });

  test('an ignored finding does not block', () => {
    const verdict = decideImage(
      input({
        scans: [scan([f('CVE-1', 'CRITICAL')])],
        ignores: { ids: ['cve-1'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
      }),
    );
    expect(verdict.decision.fails).toBe(false);
    expect(verdict.decision.findings[0].ignored?.by).toBe('input');
  });
});

describe('decideImage: the comparison with the base image', () => {
  const newGate = { threshold: 'HIGH', mode: 'new', onIncomplete: 'fail' } as const;

  test('a finding already in the base does not fail gate: new; what the base had and this image has not is fixed', () => {
    const verdict = decideImage(
      input({ scans: [scan([f('CVE-1', 'HIGH')])], base: base([f('CVE-1', 'HIGH'), f('CVE-2', 'HIGH', 'zlib')]), gate: newGate }),
    );
    expect(verdict.decision.fails).toBe(false);
    expect(verdict.comparison).toMatchObject({ available: true, baseSha: 'b'.repeat(40), newCount: 0 });
    expect(verdict.comparison?.fixed.map((x) => x.id)).toEqual(['CVE-2']);
    expect(verdict.decision.findings[0].comparison).toBe('in-base');
  });

  test('a new finding fails gate: new and is counted', () => {
    const verdict = decideImage(input({ scans: [scan([f('CVE-3', 'HIGH')])], base: base([f('CVE-1', 'HIGH')]), gate: newGate }));
    expect(verdict.decision.fails).toBe(true);
    expect(verdict.comparison).toMatchObject({ newCount: 1 });
  });

  test('a base ignored by the same ignores is not called fixed', () => {
    const verdict = decideImage(
      input({
        base: base([f('CVE-9', 'HIGH')]),
        gate: newGate,
        ignores: { ids: ['CVE-9'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
      }),
    );
    expect(verdict.comparison?.fixed).toEqual([]);
  });

  test('no base to compare with: gate: new counts every finding, and the note is kept', () => {
    const note = 'No image for the base commit bbbbbbb in mlops/retail-api: comparison skipped (gate: new falls back to all).';
    const verdict = decideImage(
      input({ scans: [scan([f('CVE-1', 'HIGH')])], base: { available: false, baseSha: 'b'.repeat(40), note }, gate: newGate }),
    );
    expect(verdict.decision.fails).toBe(true);
    expect(verdict.comparison).toEqual({ available: false, baseSha: 'b'.repeat(40), note, fixed: [], newCount: 0 });
  });

  test('no comparison asked for: none in the verdict', () => {
    expect(decideImage(input({})).comparison).toBeUndefined();
  });
});

describe('decideImage: risk (epss-threshold, fail-on-exploitable)', () => {
  const risky = [
    { ...f('CVE-LOWEPSS', 'CRITICAL'), epss: 0.02 },
    { ...f('CVE-HIGHEPSS', 'CRITICAL', 'zlib'), epss: 0.5 },
    { ...f('CVE-EXPLOIT', 'LOW', 'bash'), exploitAvailable: 'YES' as const },
  ];

  test('the held-back finding is listed as such, the others fail, promotion is held', () => {
    const verdict = decideImage(
      input({
        scans: [scan(risky)],
        gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', epssThreshold: 0.1, failOnExploitable: true },
      }),
    );
    expect(verdict.decision.blocking.map((x) => [x.id, x.blockedBy])).toEqual([
      ['CVE-HIGHEPSS', undefined],
      ['CVE-EXPLOIT', 'exploit'],
    ]);
    expect(verdict.decision.heldBackByEpss.map((x) => x.id)).toEqual(['CVE-LOWEPSS']);
    expect(verdict.decision.fails).toBe(true);
  });

  test('an ignored exploit does not fail, and the rest passes: promotion goes ahead', () => {
    const verdict = decideImage(
      input({
        scans: [scan(risky.filter((x) => x.id !== 'CVE-HIGHEPSS'))],
        ignores: { ids: ['CVE-EXPLOIT'], entries: [], ignoreUnfixed: false, today: '2026-12-01' },
        gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', epssThreshold: 0.1, failOnExploitable: true },
      }),
    );
    expect(verdict.decision.fails).toBe(false);
    expect(verdict.decision.fails).toBe(false);
    expect(verdict.decision.heldBackByEpss.map((x) => x.id)).toEqual(['CVE-LOWEPSS']);
  });
});

// The step's verdict, pinned by tables: every row is a step of one or of three images, and what
// the row expects is what a user relies on. Changing one operator in decideStep (all or nothing
// → each image on its own; TIMEOUT counted as a pass; fails read as warns) fails a row.
type Outcome = 'passed' | 'failed' | 'timeout-fail' | 'timeout-warn' | 'scan-failed' | 'scan-off' | 'not-pushed';

function stepImage(name: string, outcome: Outcome, promotions = ['1.2.0', 'latest']): StepImage {
  const decision = (verdict: 'passed' | 'failed' | 'incomplete', fails: boolean) => ({ verdict, fails, reason: `${name}: ${outcome}` });
  const common = { name, promotions: promotions.map((tag) => ({ tag })) };
  switch (outcome) {
    case 'passed':
      return { ...common, decision: decision('passed', false), statuses: ['COMPLETE', 'COMPLETE'] };
    case 'failed':
      return { ...common, decision: decision('failed', true), statuses: ['COMPLETE'] };
    case 'timeout-fail':
      return { ...common, decision: decision('incomplete', true), statuses: ['COMPLETE', 'TIMEOUT'] };
    case 'timeout-warn':
      return { ...common, decision: decision('incomplete', false), statuses: ['TIMEOUT'] };
    case 'scan-failed':
      return { ...common, decision: decision('incomplete', true), statuses: ['FAILED'] };
    case 'scan-off':
      return { ...common, statuses: [], skipped: 'scan-off' };
    case 'not-pushed':
      return { ...common, promotions: [], statuses: [], skipped: 'not-pushed' };
  }
}

const ONE: StepOptions = { layout: 'one', scanTimeoutSeconds: 600 };
const SEVERAL: StepOptions = { layout: 'several', scanTimeoutSeconds: 600 };

describe('decideStep: one image (from repository) is a step of one', () => {
  test.each<[Outcome, { verdict: string; fails: boolean; warns: boolean; mayPromote: boolean; scanStatus: string }]>([
    ['passed', { verdict: 'passed', fails: false, warns: false, mayPromote: true, scanStatus: 'COMPLETE' }],
    ['failed', { verdict: 'failed', fails: true, warns: false, mayPromote: false, scanStatus: 'COMPLETE' }],
    ['timeout-fail', { verdict: 'incomplete', fails: true, warns: false, mayPromote: false, scanStatus: 'TIMEOUT' }],
    ['timeout-warn', { verdict: 'incomplete', fails: false, warns: true, mayPromote: true, scanStatus: 'TIMEOUT' }],
    ['scan-failed', { verdict: 'incomplete', fails: true, warns: false, mayPromote: false, scanStatus: 'FAILED' }],
    ['scan-off', { verdict: 'skipped', fails: false, warns: false, mayPromote: true, scanStatus: 'SKIPPED' }],
    ['not-pushed', { verdict: 'skipped', fails: false, warns: false, mayPromote: true, scanStatus: 'SKIPPED' }],
  ])('%s', (outcome, expected) => {
    const step = decideStep([stepImage('mlops/api', outcome)], ONE);
    expect(step).toMatchObject(expected);
    const held = step.heldBack.get('mlops/api');
    expect(held).toEqual(expected.mayPromote ? [] : ['1.2.0', 'latest'].map((tag) => ({ tag, reason: HELD_BY_GATE })));
    expect(step.failed).toEqual(expected.fails ? ['mlops/api'] : []);
  });

  test("the step's reason is the image's own", () => {
    expect(decideStep([stepImage('mlops/api', 'failed')], ONE).reason).toBe('mlops/api: failed');
    expect(decideStep([stepImage('mlops/api', 'scan-off')], ONE).reason).toBe(
      "scan is false: the image was pushed but ECR's findings were not read, so the gate did not run.",
    );
  });
});

describe('decideStep: three images, one verdict, promotion all or nothing', () => {
  test.each<
    [string, Outcome[], { verdict: string; fails: boolean; warns: boolean; mayPromote: boolean; failed: string[]; reason: string }]
  >([
    [
      'all pass',
      ['passed', 'passed', 'passed'],
      { verdict: 'passed', fails: false, warns: false, mayPromote: true, failed: [], reason: 'All 3 images passed the gate.' },
    ],
    [
      'one fails the gate',
      ['passed', 'failed', 'passed'],
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        failed: ['worker'],
        reason: '1 of 3 images failed the gate ("worker"): no image was promoted.',
      },
    ],
    [
      'every scan times out (on-scan-incomplete: fail): failed, and the reason says it timed out',
      ['timeout-fail', 'timeout-fail', 'timeout-fail'],
      {
        verdict: 'incomplete',
        fails: true,
        warns: false,
        mayPromote: false,
        failed: ['api', 'worker', 'model'],
        reason:
          '3 of 3 images failed: ECR\'s scan of "api", "worker", "model" timed out (no final status within scan-timeout: 600 s) (on-scan-incomplete: fail): no image was promoted.',
      },
    ],
    [
      'one fails the gate, one scan ends FAILED',
      ['failed', 'scan-failed', 'passed'],
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        failed: ['api', 'worker'],
        reason:
          '2 of 3 images failed: the gate failed on "api"; ECR\'s scan of "worker" ended FAILED (on-scan-incomplete: fail): no image was promoted.',
      },
    ],
    [
      'a timeout with on-scan-incomplete: warn warns, and promotes',
      ['passed', 'timeout-warn', 'passed'],
      {
        verdict: 'incomplete',
        fails: false,
        warns: true,
        mayPromote: true,
        failed: [],
        reason:
          '2 of 3 images passed the gate; ECR\'s scan of "worker" timed out (no final status within scan-timeout: 600 s), which on-scan-incomplete: warn accepts.',
      },
    ],
    [
      'scan: false decides nothing: promoted',
      ['scan-off', 'scan-off', 'scan-off'],
      {
        verdict: 'skipped',
        fails: false,
        warns: false,
        mayPromote: true,
        failed: [],
        reason: 'scan is false: 3 images pushed, none scanned, so the gate did not run.',
      },
    ],
    [
      'push: false',
      ['not-pushed', 'not-pushed', 'not-pushed'],
      {
        verdict: 'skipped',
        fails: false,
        warns: false,
        mayPromote: true,
        failed: [],
        reason: 'push is false: 3 images built, none pushed or scanned.',
      },
    ],
  ])('%s', (_name, outcomes, expected) => {
    const names = ['api', 'worker', 'model'];
    const step = decideStep(
      outcomes.map((outcome, i) => stepImage(names[i]!, outcome)),
      SEVERAL,
    );
    expect(step).toMatchObject(expected);
  });

  test('one image fails: every image keeps its release tags back, each saying which image held it', () => {
    const step = decideStep([stepImage('api', 'passed'), stepImage('worker', 'failed'), stepImage('model', 'timeout-warn')], SEVERAL);
    expect(step.heldBack.get('worker')).toEqual(['1.2.0', 'latest'].map((tag) => ({ tag, reason: HELD_BY_GATE })));
    for (const name of ['api', 'model']) {
      expect(step.heldBack.get(name)).toEqual(['1.2.0', 'latest'].map((tag) => ({ tag, reason: 'the gate failed on "worker"' })));
    }
  });

  test('nothing to promote (a push): no promotion to speak of', () => {
    const step = decideStep([stepImage('api', 'failed', []), stepImage('worker', 'failed', []), stepImage('model', 'passed', [])], SEVERAL);
    expect(step.reason).toBe('2 of 3 images failed the gate ("api", "worker").');
  });

  test('scan-status: the first status that is not final, whichever image has it', () => {
    expect(decideStep([stepImage('api', 'passed'), stepImage('worker', 'timeout-warn')], SEVERAL).scanStatus).toBe('TIMEOUT');
    expect(decideStep([stepImage('api', 'passed'), stepImage('worker', 'passed')], SEVERAL).scanStatus).toBe('COMPLETE');
  });
});

// The policy (rules on how the image is built): a rule at `fail` that failed fails its image as a
// blocking CVE does, all or nothing across images, and the step's sentence names the rule, the
// image and the platform.
describe('decideStep: the policy fails an image as the gate does', () => {
  const ROOT: PolicyFailure = { rule: 'non-root', platform: 'linux/amd64', message: 'runs as root: the image sets no USER', more: 0 };
  const SIZE: PolicyFailure = {
    rule: 'max-size',
    platform: 'linux/arm64',
    message: 'is 412.0 MB compressed, over the 300 MB budget',
    more: 1,
  };
  const CHECK: PolicyFailure = {
    rule: 'build-checks',
    message: 'JSONArgsRecommended: JSON arguments recommended for CMD (Dockerfile:4)',
    more: 0,
  };
  const withPolicy = (image: StepImage, ...failures: PolicyFailure[]): StepImage => ({ ...image, policyFailures: failures });

  test.each<[string, StepImage, { verdict: string; fails: boolean; warns: boolean; mayPromote: boolean; reason: string; held: string }]>([
    [
      'the gate passes, a rule fails',
      withPolicy(stepImage('mlops/api', 'passed'), ROOT),
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        reason: 'The policy failed: non-root (linux/amd64): runs as root: the image sets no USER. mlops/api: passed',
        held: HELD_BY_POLICY,
      },
    ],
    [
      'both fail',
      withPolicy(stepImage('mlops/api', 'failed'), ROOT, SIZE),
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        reason:
          'mlops/api: failed The policy failed too: non-root (linux/amd64): runs as root: the image sets no USER; max-size (linux/arm64): is 412.0 MB compressed, over the 300 MB budget (and 1 more).',
        held: HELD_BY_GATE,
      },
    ],
    [
      'scan: false, a build check fails',
      withPolicy(stepImage('mlops/api', 'scan-off'), CHECK),
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        reason: 'The policy failed: build-checks: JSONArgsRecommended: JSON arguments recommended for CMD (Dockerfile:4).',
        held: HELD_BY_POLICY,
      },
    ],
    [
      'an incomplete scan with warn, and a rule fails: failed, not a warning',
      withPolicy(stepImage('mlops/api', 'timeout-warn'), ROOT),
      {
        verdict: 'failed',
        fails: true,
        warns: false,
        mayPromote: false,
        reason: 'The policy failed: non-root (linux/amd64): runs as root: the image sets no USER. mlops/api: timeout-warn',
        held: HELD_BY_POLICY,
      },
    ],
    [
      'no failure listed: as without a policy',
      withPolicy(stepImage('mlops/api', 'passed')),
      { verdict: 'passed', fails: false, warns: false, mayPromote: true, reason: 'mlops/api: passed', held: '' },
    ],
  ])('one image: %s', (_name, image, expected) => {
    const step = decideStep([image], ONE);
    expect(step).toMatchObject({
      verdict: expected.verdict,
      fails: expected.fails,
      warns: expected.warns,
      mayPromote: expected.mayPromote,
    });
    expect(step.reason).toBe(expected.reason);
    expect(step.heldBack.get('mlops/api')).toEqual(
      expected.mayPromote ? [] : ['1.2.0', 'latest'].map((tag) => ({ tag, reason: expected.held })),
    );
    expect(step.failed).toEqual(expected.fails ? ['mlops/api'] : []);
  });

  test('several rules: three named, then how many more', () => {
    const failures = ['a', 'b', 'c', 'd', 'e'].map((rule) => ({ rule, message: 'x', more: 0 }));
    expect(policyText(failures)).toBe('a: x; b: x; c: x; and 2 more');
  });

  test('three images, one fails a rule: nothing is promoted, every image says which one held it', () => {
    const step = decideStep(
      [stepImage('api', 'passed'), withPolicy(stepImage('worker', 'passed'), ROOT), stepImage('model', 'passed')],
      SEVERAL,
    );
    expect(step).toMatchObject({ verdict: 'failed', fails: true, mayPromote: false, failed: ['worker'] });
    expect(step.reason).toBe(
      '1 of 3 images failed: the policy failed on "worker" (non-root (linux/amd64): runs as root: the image sets no USER): no image was promoted.',
    );
    expect(step.heldBack.get('worker')).toEqual(['1.2.0', 'latest'].map((tag) => ({ tag, reason: HELD_BY_POLICY })));
    expect(step.heldBack.get('api')).toEqual(['1.2.0', 'latest'].map((tag) => ({ tag, reason: 'the policy failed on "worker"' })));
  });

  test('three images: one fails the gate, one a rule, one a scan', () => {
    const step = decideStep(
      [stepImage('api', 'failed'), withPolicy(stepImage('worker', 'passed'), CHECK), stepImage('model', 'timeout-fail')],
      SEVERAL,
    );
    expect(step.failed).toEqual(['api', 'worker', 'model']);
    expect(step.reason).toBe(
      '3 of 3 images failed: the gate failed on "api"; the policy failed on "worker" (build-checks: JSONArgsRecommended: JSON arguments recommended for CMD (Dockerfile:4)); ECR\'s scan of "model" timed out (no final status within scan-timeout: 600 s) (on-scan-incomplete: fail): no image was promoted.',
    );
    expect(step.heldBack.get('model')).toEqual(['1.2.0', 'latest'].map((tag) => ({ tag, reason: HELD_BY_GATE })));
  });
});
