import { describe, expect, test } from '@jest/globals';
import { recordedInspectorClient } from '../../__fixtures__/inspector-client.js';
import type { PlatformScan } from '../../src/shared/finding.js';
import { readRiskScores } from '../../src/inspector/scores.js';

const scan = (platform: string, digest: string, scanType: 'BASIC' | 'ENHANCED', complete = true): PlatformScan => ({
  platform,
  digest,
  status: complete ? (scanType === 'ENHANCED' ? 'ACTIVE' : 'COMPLETE') : 'TIMEOUT',
  complete,
  scanType,
  findings: [],
  calls: 1,
});

const ENHANCED = [scan('linux/amd64', 'sha256:a', 'ENHANCED'), scan('linux/arm64', 'sha256:b', 'ENHANCED')];

describe('readRiskScores', () => {
  test('asks for every enhanced platform that completed, and returns the scores', async () => {
    const { client, sent } = recordedInspectorClient([{ file: 'list-findings-page-1.json' }, { file: 'list-findings-page-2.json' }]);
    const result = await readRiskScores({
      client: () => Promise.resolve(client),
      repositoryName: 'mlops/retail-api',
      scans: [...ENHANCED, scan('linux/s390x', 'sha256:c', 'ENHANCED', false)],
      epssThreshold: 0.1,
    });
    expect(result.asked).toBe(true);
    expect(result.warning).toBeUndefined();
    expect(result.scores?.find((s) => s.id === 'CVE-2024-6387')?.epss).toBe(0.9233);
    expect(
      (sent[0].body as { filterCriteria: { ecrImageHash: Array<{ value: string }> } }).filterCriteria.ecrImageHash.map((f) => f.value),
    ).toEqual(['sha256:a', 'sha256:b']);
  });

  test.each([
    ['no epss-threshold', ENHANCED, undefined],
    ['basic scanning', [scan('linux/amd64', 'sha256:a', 'BASIC')], 0.1],
    ['no scan completed', [scan('linux/amd64', 'sha256:a', 'ENHANCED', false)], 0.1],
  ] as Array<[string, PlatformScan[], number | undefined]>)(
    'not asked: %s (no client is even built)',
    async (_name, scans, epssThreshold) => {
      let built = 0;
      const result = await readRiskScores({
        client: () => {
          built += 1;
          return Promise.reject(new Error('not to be called'));
        },
        repositoryName: 'r',
        scans,
        epssThreshold,
      });
      expect(result).toEqual({ asked: false });
      expect(built).toBe(0);
    },
  );

  test('refused: no scores, one warning naming the permission; never throws', async () => {
    const { client } = recordedInspectorClient([
      { status: 403, file: 'access-denied.json', headers: { 'x-amzn-errortype': 'AccessDeniedException' } },
    ]);
    const result = await readRiskScores({
      client: () => Promise.resolve(client),
      repositoryName: 'r',
      scans: ENHANCED,
      epssThreshold: 0.1,
    });
    expect(result.scores).toBeUndefined();
    expect(result.warning).toMatch(/ListFindings was refused.*inspector2:ListFindings/);
  });

  test('a client that cannot be built is a warning too', async () => {
    const result = await readRiskScores({
      client: () => Promise.reject(new Error('Could not load credentials from any providers')),
      repositoryName: 'r',
      scans: ENHANCED,
      epssThreshold: 0.1,
    });
    expect(result.warning).toContain('Could not load credentials from any providers');
  });
});
