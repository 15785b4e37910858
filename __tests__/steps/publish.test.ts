// The publishing phase, for one image and for three: the step's report made from its images and
// its verdict, then written (the JSON report, SARIF, the job summary).
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as core from '../../__fixtures__/core.js';
import { imagesInputs, REGISTRY, repositoriesOf } from '../../__fixtures__/pipeline.js';
import { imageRunOf, SHA, stepOf } from '../../__fixtures__/steps.js';
import { decideImage, decideStep } from '../../src/gate/verdict.js';
import type { ImageRun } from '../../src/steps/types.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { publishStep, reportOfBuildOnly, reportOfStep } = await import('../../src/steps/publish.js');

beforeEach(() => {
  jest.clearAllMocks();
  core.summary.text = '';
});

function scannedRuns(count: 1 | 3, critical: string[]): ImageRun[] {
  return repositoriesOf(count).map((repository) => {
    const run = imageRunOf(repository, count === 1 ? { name: repository } : {});
    const digest = run.candidate!.digest;
    const findings = critical.includes(repository)
      ? [
          {
            id: 'CVE-2024-0001',
            severity: 'CRITICAL' as const,
            package: 'openssl',
            version: '1.0',
            fixAvailable: 'YES' as const,
            platform: 'linux/amd64',
          },
        ]
      : [];
    const scans = [{ platform: 'linux/amd64', digest, status: 'COMPLETE', complete: true, scanType: 'BASIC' as const, findings, calls: 1 }];
    const ignores = { ids: [], entries: [], ignoreUnfixed: false, today: '2026-12-07' };
    const gate = { threshold: 'CRITICAL' as const, mode: 'all' as const, onIncomplete: 'fail' as const };
    return {
      ...run,
      platforms: [{ platform: 'linux/amd64', digest }],
      scanned: { scans, verdict: decideImage({ scans, ignores, gate }), risk: { scans, gate: { failOnExploitable: false }, notes: [] } },
    };
  });
}

describe.each([1, 3] as const)('the report, %i image(s)', (count) => {
  test("one report of the step: one image's own layout, or the overview and a section per image", async () => {
    const step = stepOf({ ...imagesInputs(count), sarif: 'results/ecr.sarif' });
    const images = scannedRuns(count, ['shop/api']);
    const verdict = decideStep(
      images.map((image) => ({ name: image.spec.name, decision: image.scanned!.verdict.decision, statuses: ['COMPLETE'], promotions: [] })),
      { layout: count === 1 ? 'one' : 'several', scanTimeoutSeconds: 600 },
    );
    const report = reportOfStep(step, images, verdict);
    expect(report.layout).toBe(count === 1 ? 'one' : 'several');
    expect(report.images.map((i) => i.report.tags)).toEqual(repositoriesOf(count).map((r) => [`${REGISTRY}/${r}:${SHA}`]));

    const published = await publishStep(step, report, REGISTRY);
    const json = JSON.parse(readFileSync(published.reportPath, 'utf8')) as {
      image?: string;
      images?: Record<string, unknown>;
      verdict: string;
    };
    if (count === 1) {
      expect(json.image).toBe(`${REGISTRY}/shop/api`);
      expect(json.images).toBeUndefined();
    } else {
      expect(Object.keys(json.images ?? {})).toEqual(['api', 'worker', 'model']);
    }
    expect(json.verdict).toBe('failed');
    expect(published.sarifPath).toBe(path.join(step.workspace, 'results/ecr.sarif'));
    const sarif = JSON.parse(readFileSync(published.sarifPath!, 'utf8')) as { runs: unknown[] };
    expect(sarif.runs).toHaveLength(count);
    expect(core.summary.text.split('\n')[0]).toBe(count === 1 ? '## ❌ ECR scan failed: shop/api' : '## ❌ ECR scan failed: 3 images');
    expect(step.progress.published).toBe(true);
  });

  test('push: false: each image built, none pushed or scanned', () => {
    const step = stepOf({ ...imagesInputs(count), push: 'false' });
    const verdict = decideStep(
      step.inputs.images.map((spec) => ({ name: spec.name, statuses: [], skipped: 'not-pushed' as const, promotions: [] })),
      { layout: count === 1 ? 'one' : 'several', scanTimeoutSeconds: 600 },
    );
    const report = reportOfBuildOnly(step, verdict);
    expect(report.verdict).toBe('skipped');
    expect(report.images.map((i) => [i.report.image, i.report.build, i.report.scan.status])).toEqual(
      repositoriesOf(count).map((r) => [r, 'not-pushed', 'SKIPPED']),
    );
  });
});
