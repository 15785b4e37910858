import { describe, expect, test } from '@jest/globals';
import { recordedInspectorClient } from '../../__fixtures__/inspector-client.js';
import { findingsFilter, inspectorWarning, listImageFindings } from '../../src/inspector/findings.js';
import { riskScores } from '../../src/inspector/risk-scores.js';

const QUERY = {
  repositoryName: 'mlops/retail-api',
  digests: ['sha256:8e0d5b9c9e0b7c1f0a3d4f6e2b1c9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b', 'sha256:' + 'b'.repeat(64)],
};

describe('listImageFindings', () => {
  test('every page, filtered by repository and every platform digest, through the SDK', async () => {
    const { client, sent } = recordedInspectorClient([{ file: 'list-findings-page-1.json' }, { file: 'list-findings-page-2.json' }]);
    const findings = await listImageFindings(client, QUERY);
    expect(findings.map((f) => f.packageVulnerabilityDetails?.vulnerabilityId)).toEqual([
      'CVE-2024-6387',
      'CVE-2023-45853',
      'CVE-2024-2961',
      'CVE-2023-29383',
      'CVE-2024-26458',
      'CVE-2022-3715',
    ]);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /findings/list', 'POST /findings/list']);
    expect(sent[0].body).toEqual({
      filterCriteria: {
        ecrImageRepositoryName: [{ comparison: 'EQUALS', value: 'mlops/retail-api' }],
        ecrImageHash: QUERY.digests.map((value) => ({ comparison: 'EQUALS', value })),
      },
      maxResults: 100,
    });
    expect(sent[1].body).toMatchObject({ nextToken: 'eyJwYWdlIjoyfQ==' });
    // Signed for Amazon Inspector.
    expect(sent[0].headers.authorization).toMatch(/Credential=AKIATESTTESTTEST0001\/\d{8}\/us-east-1\/inspector2\/aws4_request/);
  });

  test('a registry of another account is filtered on too', () => {
    expect(findingsFilter({ ...QUERY, registryId: '210987654321' }).ecrImageRegistry).toEqual([
      { comparison: 'EQUALS', value: '210987654321' },
    ]);
    expect(findingsFilter(QUERY)).not.toHaveProperty('ecrImageRegistry');
  });

  test('a token that comes back again ends the listing instead of looping', async () => {
    const { client, sent } = recordedInspectorClient([{ body: { findings: [], nextToken: 'same' } }]);
    await expect(listImageFindings(client, QUERY)).resolves.toEqual([]);
    expect(sent).toHaveLength(2);
  });

  test('AccessDeniedException is thrown as the SDK names it, and the warning names the permission', async () => {
    const { client } = recordedInspectorClient([
      { status: 403, file: 'access-denied.json', headers: { 'x-amzn-errortype': 'AccessDeniedException' } },
    ]);
    const error = await listImageFindings(client, QUERY).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    const warning = inspectorWarning(error);
    expect(warning).toMatch(/^Amazon Inspector's ListFindings was refused \(.*not authorized to perform: inspector2:ListFindings.*\)/);
    expect(warning).toContain('epss-threshold is not applied: every finding at or above severity-threshold counts, whatever its EPSS');
    expect(warning).toContain('Allow inspector2:ListFindings');
    expect(warning).not.toContain('\n');
  });

  test('a failure that is not a refusal says "failed" and still names the permission', () => {
    const error = Object.assign(new Error('Amazon Inspector ListFindings: connect ECONNREFUSED 127.0.0.1:9'), { name: 'Error' });
    expect(inspectorWarning(error)).toBe(
      "Amazon Inspector's ListFindings failed (connect ECONNREFUSED 127.0.0.1:9), so there are no EPSS scores and " +
        'epss-threshold is not applied: every finding at or above severity-threshold counts, whatever its EPSS. Check that the role allows inspector2:ListFindings (see docs/iam-policy.json).',
    );
  });
});

describe('riskScores, from the recorded pages as the SDK parses them', () => {
  test('EPSS, exploit and its last sighting per package; a finding without them is unknown, not 0', async () => {
    const { client } = recordedInspectorClient([{ file: 'list-findings-page-1.json' }, { file: 'list-findings-page-2.json' }]);
    const scores = riskScores(await listImageFindings(client, QUERY));
    expect(scores).toEqual([
      {
        id: 'CVE-2024-6387',
        package: 'openssh-server',
        epss: 0.9233,
        exploitAvailable: 'YES',
        lastKnownExploitAt: '2024-07-02T06:00:00.000Z',
      },
      {
        id: 'CVE-2024-6387',
        package: 'openssh-client',
        epss: 0.9233,
        exploitAvailable: 'YES',
        lastKnownExploitAt: '2024-07-02T06:00:00.000Z',
      },
      { id: 'CVE-2023-45853', package: 'zlib1g', epss: 0.0032, exploitAvailable: 'NO' },
      { id: 'CVE-2024-2961', package: 'libc6', epss: 0.4521, exploitAvailable: 'YES', lastKnownExploitAt: '2024-05-29T16:26:40.000Z' },
      { id: 'CVE-2023-29383', package: 'login', epss: 0.0005, exploitAvailable: 'YES', lastKnownExploitAt: '2023-11-14T22:13:20.000Z' },
      { id: 'CVE-2024-26458', package: 'libkrb5-3' },
      { id: 'CVE-2022-3715', package: 'bash', exploitAvailable: 'NO' },
    ]);
  });
});
