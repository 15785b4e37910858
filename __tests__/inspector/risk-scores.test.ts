import { describe, expect, test } from '@jest/globals';
import type { Finding as InspectorFinding } from '@aws-sdk/client-inspector2';
import { recordedInspectorClient } from '../../__fixtures__/inspector-client.js';
import { listImageFindings } from '../../src/inspector/findings.js';
import type { Finding } from '../../src/shared/finding.js';
import { riskScores, withRiskScores, type RiskScore } from '../../src/inspector/risk-scores.js';
import { normalizeFindings } from '../../src/scan/normalize.js';
import { loadFixture } from '../scan/fakes.js';

const finding = (id: string, pkg?: string, extra: Partial<Finding> = {}): Finding => ({
  id,
  severity: 'CRITICAL',
  fixAvailable: 'UNKNOWN',
  platform: 'linux/amd64',
  ...(pkg ? { package: pkg } : {}),
  ...extra,
});

describe('withRiskScores: the recorded ECR listing joined with the recorded Inspector pages', () => {
  test('each ECR finding gets its EPSS and last known exploit; the one Inspector has no score for stays unknown', async () => {
    const ecr = normalizeFindings(loadFixture('enhanced-risk.json').imageScanFindings, 'linux/amd64');
    const { client } = recordedInspectorClient([{ file: 'list-findings-page-1.json' }, { file: 'list-findings-page-2.json' }]);
    const joined = withRiskScores(ecr, riskScores(await listImageFindings(client, { repositoryName: 'mlops/retail-api', digests: ['d'] })));
    expect(joined.map((f) => [f.id, f.package, f.epss, f.exploitAvailable, f.lastKnownExploitAt])).toEqual([
      ['CVE-2024-6387', 'openssh-server', 0.9233, 'YES', '2024-07-02T06:00:00.000Z'],
      ['CVE-2024-6387', 'openssh-client', 0.9233, 'YES', '2024-07-02T06:00:00.000Z'],
      ['CVE-2023-45853', 'zlib1g', 0.0032, 'NO', undefined],
      ['CVE-2024-2961', 'libc6', 0.4521, 'YES', '2024-05-29T16:26:40.000Z'],
      ['CVE-2023-29383', 'login', 0.0005, 'YES', '2023-11-14T22:13:20.000Z'],
      ['CVE-2024-26458', 'libkrb5-3', undefined, undefined, undefined],
    ]);
    // Nothing else of ECR's finding changes.
    expect(joined[0]).toMatchObject({ ...ecr[0], epss: 0.9233 });
    expect(joined[5]).toEqual(ecr[5]);
  });
});

describe('withRiskScores: the join', () => {
  test.each<[string, Finding, RiskScore[], Partial<Finding>]>([
    ['same id and package', finding('CVE-1', 'a'), [{ id: 'CVE-1', package: 'a', epss: 0.3 }], { epss: 0.3 }],
    ['the id in another case', finding('cve-1', 'a'), [{ id: 'CVE-1', package: 'a', epss: 0.3 }], { epss: 0.3 }],
    [
      'the package wins over another package of the same id',
      finding('CVE-1', 'b'),
      [
        { id: 'CVE-1', package: 'a', epss: 0.3 },
        { id: 'CVE-1', package: 'b', epss: 0.2 },
      ],
      { epss: 0.2 },
    ],
    [
      'another package of the same id: its score (EPSS is the vulnerability’s)',
      finding('CVE-1', 'c'),
      [{ id: 'CVE-1', package: 'a', epss: 0.3 }],
      { epss: 0.3 },
    ],
    ['no package on either side', finding('CVE-1'), [{ id: 'CVE-1', epss: 0.4 }], { epss: 0.4 }],
    ['another id: nothing', finding('CVE-2', 'a'), [{ id: 'CVE-1', package: 'a', epss: 0.3 }], {}],
    [
      'ECR says NO, Inspector YES: ECR’s word stands',
      finding('CVE-1', 'a', { exploitAvailable: 'NO' }),
      [{ id: 'CVE-1', package: 'a', exploitAvailable: 'YES' }],
      { exploitAvailable: 'NO' },
    ],
    [
      'ECR does not say: Inspector’s',
      finding('CVE-1', 'a'),
      [{ id: 'CVE-1', package: 'a', exploitAvailable: 'YES' }],
      { exploitAvailable: 'YES' },
    ],
    [
      'two entries for one key (two platforms): the higher EPSS, YES over NO',
      finding('CVE-1', 'a'),
      [
        { id: 'CVE-1', package: 'a', epss: 0.1, exploitAvailable: 'YES' },
        { id: 'CVE-1', package: 'a', epss: 0.6, exploitAvailable: 'NO' },
      ],
      { epss: 0.6, exploitAvailable: 'YES' },
    ],
    ['a score without EPSS leaves EPSS unknown', finding('CVE-1', 'a'), [{ id: 'CVE-1', package: 'a' }], {}],
  ])('%s', (_name, ecr, scores, added) => {
    expect(withRiskScores([ecr], scores)).toEqual([{ ...ecr, ...added }]);
  });
});

describe('riskScores never crashes and never invents a 0', () => {
  test.each<[string, InspectorFinding, RiskScore[]]>([
    ['no vulnerability id: skipped', { epss: { score: 0.5 } } as InspectorFinding, []],
    [
      'no packages: one entry without a package',
      { packageVulnerabilityDetails: { vulnerabilityId: 'CVE-1' } } as InspectorFinding,
      [{ id: 'CVE-1' }],
    ],
    [
      'an EPSS out of range or not a number is unknown',
      { packageVulnerabilityDetails: { vulnerabilityId: 'CVE-1' }, epss: { score: 1.5 } } as InspectorFinding,
      [{ id: 'CVE-1' }],
    ],
    [
      'an EPSS of 0 is a score',
      { packageVulnerabilityDetails: { vulnerabilityId: 'CVE-1' }, epss: { score: 0 } } as InspectorFinding,
      [{ id: 'CVE-1', epss: 0 }],
    ],
    [
      'an invalid date is unknown',
      {
        packageVulnerabilityDetails: { vulnerabilityId: 'CVE-1' },
        exploitabilityDetails: { lastKnownExploitAt: new Date('x') },
      } as InspectorFinding,
      [{ id: 'CVE-1' }],
    ],
    [
      'the same package listed twice: once',
      {
        packageVulnerabilityDetails: { vulnerabilityId: 'CVE-1', vulnerablePackages: [{ name: 'a' }, { name: 'a' }, { name: ' ' }] },
      } as InspectorFinding,
      [{ id: 'CVE-1', package: 'a' }],
    ],
  ])('%s', (_name, inspector, expected) => {
    expect(riskScores([inspector])).toEqual(expected);
  });
});
