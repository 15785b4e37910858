import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { ActionOutputs } from '../src/outputs.js';
import * as core from '../__fixtures__/core.js';

// writeOutputs is the one caller of core.setOutput.
jest.unstable_mockModule('../src/util/actions-core.js', () => core);
const { imageOutputs, outputPairs, reportOutputs, writeOutputs } = await import('../src/outputs.js');
const {
  SIGNING_PROFILE,
  cleanReport,
  failedReport,
  manyPlatformsSignedReport,
  policyHostileReport,
  policyPassedReport,
  policyReport,
  signedReport,
  signingFailedReport,
  signingNoneReport,
  signingTimeoutReport,
} = await import('../__fixtures__/reports/index.js');
const {
  KEY_ARN,
  KEY_NAME,
  SIGN_PREDICATE,
  SLSA_PREDICATE,
  SPDX_PREDICATE,
  bothSignedReport,
  keySignedReport,
  keySigningFailedReport,
  keySigningSkippedReport,
  referrer,
} = await import('../__fixtures__/reports/key-signatures.js');

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api';
const INDEX = `sha256:${'9'.repeat(64)}`;
const AMD64 = `sha256:${'1'.repeat(64)}`;
const ARM64 = `sha256:${'2'.repeat(64)}`;
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const FULL: ActionOutputs = {
  registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  image: IMAGE,
  digest: INDEX,
  platformDigests: { 'linux/amd64': AMD64, 'linux/arm64': ARM64 },
  imageUri: `${IMAGE}@${INDEX}`,
  attestations: { 'linux/amd64': { sbom: `sha256:${'5'.repeat(64)}`, provenance: `sha256:${'6'.repeat(64)}` } },
  policy: { 'mlops/retail-api': { 'non-root': { verdict: 'fail', reason: 'runs as root' }, licenses: { verdict: 'off' } } },
  signatures: {
    'mlops/retail-api': { [INDEX]: [{ kind: 'managed', profile: 'arn:aws:signer:us-east-1:1:/signing-profiles/r', status: 'COMPLETE' }] },
  },
  tags: [`${IMAGE}:${SHA}`, `${IMAGE}:1.4.0`, `${IMAGE}:latest`],
  scanStatus: 'COMPLETE',
  counts: { CRITICAL: 0, HIGH: 3, MEDIUM: 12, LOW: 7, INFORMATIONAL: 1, UNDEFINED: 2 },
  ignored: 4,
  exploitable: 2,
  new: 1,
  fixed: 0,
  report: '/home/runner/work/_temp/ecr-build-scan-push-x1/report.json',
  sarif: 'results/ecr.sarif',
  commentUrl: 'https://github.com/octo-org/retail-api/pull/42#issuecomment-2001',
  digests: { api: INDEX, worker: AMD64 },
  imageUris: { api: `${IMAGE}@${INDEX}`, worker: `${IMAGE}-worker@${AMD64}` },
  findings: { api: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 } },
};

describe('outputPairs', () => {
  test('every output, named as in action.yml, in order', () => {
    expect(outputPairs(FULL)).toEqual([
      ['registry', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
      ['image', IMAGE],
      ['digest', INDEX],
      ['platform-digests', `{"linux/amd64":"${AMD64}","linux/arm64":"${ARM64}"}`],
      ['attestations', `{"linux/amd64":{"sbom":"sha256:${'5'.repeat(64)}","provenance":"sha256:${'6'.repeat(64)}"}}`],
      ['policy', '{"mlops/retail-api":{"non-root":{"verdict":"fail","reason":"runs as root"},"licenses":{"verdict":"off"}}}'],
      [
        'signatures',
        `{"mlops/retail-api":{"${INDEX}":[{"kind":"managed","profile":"arn:aws:signer:us-east-1:1:/signing-profiles/r","status":"COMPLETE"}]}}`,
      ],
      ['image-uri', `${IMAGE}@${INDEX}`],
      ['tags', `${IMAGE}:${SHA}\n${IMAGE}:1.4.0\n${IMAGE}:latest`],
      ['scan-status', 'COMPLETE'],
      ['critical', '0'],
      ['high', '3'],
      ['medium', '12'],
      ['low', '7'],
      ['informational', '1'],
      ['undefined', '2'],
      ['ignored', '4'],
      ['exploitable', '2'],
      ['new', '1'],
      ['fixed', '0'],
      ['report', '/home/runner/work/_temp/ecr-build-scan-push-x1/report.json'],
      ['sarif', 'results/ecr.sarif'],
      ['comment-url', 'https://github.com/octo-org/retail-api/pull/42#issuecomment-2001'],
      ['digests', `{"api":"${INDEX}","worker":"${AMD64}"}`],
      ['image-uris', `{"api":"${IMAGE}@${INDEX}","worker":"${IMAGE}-worker@${AMD64}"}`],
      ['findings', '{"api":{"CRITICAL":1,"HIGH":0,"MEDIUM":0,"LOW":0,"INFORMATIONAL":0,"UNDEFINED":0}}'],
    ]);
  });

  test.each<[string, ActionOutputs, Array<[string, string]>]>([
    ['nothing known (failed before login)', {}, []],
    ['push: false', { scanStatus: 'SKIPPED' }, [['scan-status', 'SKIPPED']]],
    [
      'a single platform still reports platform-digests',
      { digest: AMD64, platformDigests: { 'linux/amd64': AMD64 } },
      [
        ['digest', AMD64],
        ['platform-digests', `{"linux/amd64":"${AMD64}"}`],
      ],
    ],
    ['pushed by digest: no tags yet', { tags: [] }, [['tags', '']]],
    [
      'zero counts are written, not dropped',
      { counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 }, ignored: 0 },
      [
        ['critical', '0'],
        ['high', '0'],
        ['medium', '0'],
        ['low', '0'],
        ['informational', '0'],
        ['undefined', '0'],
        ['ignored', '0'],
      ],
    ],
  ])('%s', (_name, outputs, pairs) => {
    expect(outputPairs(outputs)).toEqual(pairs);
  });

  test('every output name is declared in action.yml', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { outputs: Record<string, unknown> };
    expect(outputPairs(FULL).map(([name]) => name)).toEqual(Object.keys(action.outputs));
  });
});

describe('writeOutputs', () => {
  beforeEach(() => {
    core.setOutput.mockClear();
  });

  test('sets each known output once', () => {
    writeOutputs({ registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', image: IMAGE, scanStatus: 'TIMEOUT' });
    expect(core.setOutput.mock.calls).toEqual([
      ['registry', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
      ['image', IMAGE],
      ['scan-status', 'TIMEOUT'],
    ]);
  });
});

describe('imageOutputs and reportOutputs: one image as always, several keyed by name', () => {
  const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
  const image = (name: string, digest?: string) => ({
    name,
    image: `${REGISTRY}/shop/${name}`,
    ...(digest ? { digest, platforms: [{ platform: 'linux/amd64', digest: AMD64 }] } : {}),
    attestations: { list: [{ kind: 'sbom' as const, platform: 'linux/amd64', digest: `sha256:${'5'.repeat(64)}`, predicateType: 'x' }] },
    tags: digest ? [`${REGISTRY}/shop/${name}:${SHA}`] : [],
  });

  test('one image: image, digest, image-uri, platform-digests and attestations of its own', () => {
    const outputs = imageOutputs('one', REGISTRY, [image('api', INDEX)]);
    expect(Object.fromEntries(outputPairs(outputs))).toEqual({
      registry: REGISTRY,
      image: `${REGISTRY}/shop/api`,
      digest: INDEX,
      'image-uri': `${REGISTRY}/shop/api@${INDEX}`,
      'platform-digests': JSON.stringify({ 'linux/amd64': AMD64 }),
      attestations: JSON.stringify({ 'linux/amd64': { sbom: `sha256:${'5'.repeat(64)}` } }),
      tags: `${REGISTRY}/shop/api:${SHA}`,
    });
  });

  test('three images: digests, image-uris, platform-digests and attestations keyed by image name', () => {
    const outputs = Object.fromEntries(
      outputPairs(imageOutputs('several', REGISTRY, [image('api', INDEX), image('worker', ARM64), image('model', AMD64)])),
    );
    expect(JSON.parse(outputs.digests!)).toEqual({ api: INDEX, worker: ARM64, model: AMD64 });
    expect(JSON.parse(outputs['image-uris']!)).toMatchObject({ worker: `${REGISTRY}/shop/worker@${ARM64}` });
    expect(JSON.parse(outputs['platform-digests']!)).toEqual({
      api: { 'linux/amd64': AMD64 },
      worker: { 'linux/amd64': AMD64 },
      model: { 'linux/amd64': AMD64 },
    });
    expect(JSON.parse(outputs.attestations!)).toEqual({
      api: { 'linux/amd64': { sbom: `sha256:${'5'.repeat(64)}` } },
      worker: { 'linux/amd64': { sbom: `sha256:${'5'.repeat(64)}` } },
      model: { 'linux/amd64': { sbom: `sha256:${'5'.repeat(64)}` } },
    });
    expect(outputs.image).toBeUndefined();
    expect(outputs.tags!.split('\n')).toHaveLength(3);
  });

  test('before anything is pushed: only the registry (and the image, for one)', () => {
    expect(imageOutputs('one', REGISTRY, [image('api')])).toEqual({ registry: REGISTRY, image: `${REGISTRY}/shop/api`, tags: [] });
    expect(imageOutputs('several', REGISTRY, [image('api'), image('worker')])).toEqual({ registry: REGISTRY, tags: [] });
  });

  test('the report: counts for one image, counts by name for several', () => {
    const one = reportOutputs(
      { layout: 'one', verdict: 'failed', fails: true, reason: 'x', images: [{ name: 'shop/api', report: failedReport }] },
      'COMPLETE',
    );
    expect(one).toMatchObject({ scanStatus: 'COMPLETE', counts: failedReport.counts, ignored: failedReport.ignoredCount });
    const several = reportOutputs(
      {
        layout: 'several',
        verdict: 'failed',
        fails: true,
        reason: 'x',
        images: [
          { name: 'api', report: failedReport },
          { name: 'web', report: cleanReport },
        ],
      },
      'TIMEOUT',
    );
    expect(several).toEqual({ scanStatus: 'TIMEOUT', findings: { api: failedReport.counts, web: cleanReport.counts } });
  });

  test('the policy: every rule of each judged image, by name (one image too, by its name), with why for a rule that is on', () => {
    const one = reportOutputs(
      { layout: 'one', verdict: 'failed', fails: true, reason: 'x', images: [{ name: 'mlops/retail-api', report: policyReport }] },
      'COMPLETE',
    );
    expect(one.policy).toEqual({
      'mlops/retail-api': {
        'non-root': { verdict: 'fail', reason: 'linux/amd64: runs as root: the image config sets no user (and 1 more)' },
        healthcheck: { verdict: 'pass', reason: 'the image config has a health check' },
        'base-images': { verdict: 'off' },
        'base-fresh': { verdict: 'off' },
        'max-size': { verdict: 'pass', reason: '118.4 MB, within 300 MB' },
        licenses: { verdict: 'no-data', reason: 'the image has no SBOM: the licenses rule needs sbom: true' },
        attestations: { verdict: 'off' },
        'build-checks': { verdict: 'warn', reason: expect.stringMatching(/^JSONArgsRecommended: .* \(and 2 more\)$/) as unknown as string },
      },
    });
    const several = reportOutputs(
      {
        layout: 'several',
        verdict: 'failed',
        fails: true,
        reason: 'x',
        images: [
          { name: 'api', report: policyReport },
          { name: 'web', report: policyPassedReport },
          { name: 'old', report: cleanReport },
        ],
      },
      'COMPLETE',
    );
    expect(Object.keys(several.policy!)).toEqual(['api', 'web']);
    expect(several.policy!.web!['non-root']).toEqual({ verdict: 'pass', reason: 'runs as app' });
    const pairs = Object.fromEntries(outputPairs(several));
    expect(JSON.parse(pairs.policy!)).toEqual(several.policy);
  });

  test('the policy: no output when no image was judged (nothing pushed); a reason stays one bounded line', () => {
    expect(
      reportOutputs(
        { layout: 'one', verdict: 'passed', fails: false, reason: 'x', images: [{ name: 'a', report: cleanReport }] },
        'COMPLETE',
      ),
    ).not.toHaveProperty('policy');
    const long = {
      ...policyHostileReport,
      policy: {
        ...policyHostileReport.policy!,
        results: policyHostileReport.policy!.results.map((r) => ({ ...r, reason: `a\nb ${'x'.repeat(2000)}` })),
      },
    };
    const out = reportOutputs(
      { layout: 'one', verdict: 'failed', fails: true, reason: 'x', images: [{ name: 'a', report: long }] },
      'COMPLETE',
    );
    const reason = out.policy!.a!['base-images']!.reason!;
    expect(reason.startsWith('a b xxx')).toBe(true);
    expect(Array.from(reason)).toHaveLength(500);
  });

  test('the signatures: each awaited image by name (one image too) → each digest pushed → a signature per profile with its status', () => {
    const one = reportOutputs(
      { layout: 'one', verdict: 'passed', fails: false, reason: 'x', images: [{ name: 'mlops/retail-api', report: signedReport }] },
      'COMPLETE',
    );
    const signed = [{ kind: 'managed', profile: SIGNING_PROFILE, status: 'COMPLETE' }];
    const [index, amd64, arm64] = signedReport.signatures!.digests.map((d) => d.digest);
    expect(one.signatures).toEqual({ 'mlops/retail-api': { [index!]: signed, [amd64!]: signed, [arm64!]: signed } });
    const several = reportOutputs(
      {
        layout: 'several',
        verdict: 'failed',
        fails: true,
        reason: 'x',
        images: [
          { name: 'api', report: signingFailedReport },
          { name: 'web', report: signingTimeoutReport },
          { name: 'worker', report: signingNoneReport },
          { name: 'batch', report: manyPlatformsSignedReport(1) },
          { name: 'old', report: cleanReport },
        ],
      },
      'COMPLETE',
    );
    expect(Object.keys(several.signatures!)).toEqual(['api', 'web', 'worker', 'batch']);
    expect(several.signatures!.api).toEqual({ [index!]: [{ kind: 'managed', profile: SIGNING_PROFILE, status: 'FAILED' }] });
    expect(Object.values(several.signatures!.web!).map((list) => list.map((s) => s.status))).toEqual([
      ['IN_PROGRESS'],
      ['COMPLETE'],
      ['IN_PROGRESS'],
    ]);
    // No rule matched: the image, with no digest; a digest ECR does not sign: no signature.
    expect(several.signatures!.worker).toEqual({});
    expect(several.signatures!.batch![index!]).toEqual([]);
    expect(Object.values(several.signatures!.batch!)[1]).toHaveLength(2);
    const pairs = Object.fromEntries(outputPairs(several));
    expect(JSON.parse(pairs.signatures!)).toEqual(several.signatures);
  });

  test('signatures by a key: each image by name → each digest signed → a signature per bundle, with the key, what, referrer and status', () => {
    const one = reportOutputs(
      { layout: 'one', verdict: 'passed', fails: false, reason: 'x', images: [{ name: 'mlops/retail-api', report: keySignedReport }] },
      'COMPLETE',
    );
    const [index, amd64, arm64] = signedReport.signatures!.digests.map((d) => d.digest);
    const kms = { kind: 'kms', key: KEY_ARN, name: KEY_NAME };
    expect(one.signatures).toEqual({
      'mlops/retail-api': {
        [index!]: [{ ...kms, what: 'image', referrer: referrer(1), predicateType: SIGN_PREDICATE, status: 'signed' }],
        [amd64!]: [
          { ...kms, what: 'image', referrer: referrer(2), predicateType: SIGN_PREDICATE, status: 'signed' },
          { ...kms, what: 'sbom', referrer: referrer(4), predicateType: SPDX_PREDICATE, status: 'signed' },
          { ...kms, what: 'provenance', referrer: referrer(5), predicateType: SLSA_PREDICATE, status: 'reused' },
        ],
        [arm64!]: [{ ...kms, what: 'image', referrer: referrer(3), predicateType: SIGN_PREDICATE, status: 'reused' }],
      },
    });
    const pairs = Object.fromEntries(outputPairs(one));
    expect(JSON.parse(pairs.signatures!)).toEqual(one.signatures);
  });

  test('an image signed by ECR and by a key: each digest lists the managed signatures, then those by the key', () => {
    const out = reportOutputs(
      { layout: 'one', verdict: 'passed', fails: false, reason: 'x', images: [{ name: 'mlops/retail-api', report: bothSignedReport }] },
      'COMPLETE',
    );
    const digests = out.signatures!['mlops/retail-api']!;
    expect(Object.values(digests).map((list) => list.map((s) => `${s.kind}:${s.status}`))).toEqual([
      ['managed:COMPLETE', 'kms:signed'],
      ['managed:COMPLETE', 'kms:signed', 'kms:signed', 'kms:reused'],
      ['managed:COMPLETE', 'kms:reused'],
    ]);
  });

  test('a key that failed or was skipped with nothing signed: the image, with no digest; an image with neither: absent', () => {
    const several = reportOutputs(
      {
        layout: 'several',
        verdict: 'failed',
        fails: true,
        reason: 'x',
        images: [
          { name: 'api', report: keySigningFailedReport },
          { name: 'web', report: keySigningSkippedReport },
          { name: 'worker', report: keySignedReport },
          { name: 'old', report: cleanReport },
        ],
      },
      'COMPLETE',
    );
    expect(Object.keys(several.signatures!)).toEqual(['api', 'web', 'worker']);
    expect(several.signatures!.api).toEqual({});
    expect(several.signatures!.web).toEqual({});
    expect(Object.values(several.signatures!.worker!).flat()).toHaveLength(5);
  });

  test('the signatures: no output when none were awaited', () => {
    const out = reportOutputs(
      {
        layout: 'several',
        verdict: 'passed',
        fails: false,
        reason: 'x',
        images: [
          { name: 'a', report: cleanReport },
          { name: 'b', report: policyReport },
        ],
      },
      'COMPLETE',
    );
    expect(out).not.toHaveProperty('signatures');
    expect(outputPairs(out).map(([name]) => name)).not.toContain('signatures');
  });
});
