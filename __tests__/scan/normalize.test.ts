import { describe, expect, test } from '@jest/globals';
import type { EnhancedImageScanFinding, ImageScanFinding, ImageScanFindings } from '@aws-sdk/client-ecr';
import { normalizeBasicFinding, normalizeEnhancedFinding, normalizeFindings, packageVersion } from '../../src/scan/normalize.js';
import { vulnerabilityKey } from '../../src/shared/finding.js';
import { loadFixture } from './fakes.js';

const findingsOf = (name: string): ImageScanFindings => {
  const findings = loadFixture(name).imageScanFindings;
  if (!findings) throw new Error(`${name} has no imageScanFindings`);
  return findings;
};

describe('basic findings', () => {
  test('the recorded page: id, severity, package and version from attributes, CVSS score, fix unknown', () => {
    const [critical, high] = normalizeFindings(findingsOf('basic-complete-page-1.json'), 'linux/amd64');
    expect(critical).toEqual({
      id: 'CVE-2023-38545',
      severity: 'CRITICAL',
      package: 'curl',
      version: '7.88.1-10+deb12u1',
      fixAvailable: 'UNKNOWN',
      uri: 'https://security-tracker.debian.org/tracker/CVE-2023-38545',
      description: 'This flaw makes curl overflow a heap based buffer in the SOCKS5 proxy handshake.',
      score: 9.8,
      scoreVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      platform: 'linux/amd64',
    });
    expect(high).toMatchObject({ id: 'CVE-2023-0464', severity: 'HIGH', package: 'openssl', version: '3.0.8-1', score: 7.5 });
  });

  test('CVSS2 when there is no CVSS3, and no score when neither', () => {
    const [medium, low] = normalizeFindings(findingsOf('basic-complete-page-2.json'), 'linux/amd64');
    expect(medium.score).toBe(5);
    expect(low).not.toHaveProperty('score');
  });

  test.each([
    ['an empty finding', {}, { id: 'UNKNOWN', severity: 'UNDEFINED', fixAvailable: 'UNKNOWN', platform: 'p' }],
    [
      'an unknown severity',
      { name: 'CVE-1', severity: 'SEVERE' as ImageScanFinding['severity'] },
      { id: 'CVE-1', severity: 'UNDEFINED', fixAvailable: 'UNKNOWN', platform: 'p' },
    ],
    [
      'attributes without values',
      {
        name: 'CVE-2',
        attributes: [
          { key: 'package_name', value: undefined },
          { key: 'package_version', value: '  ' },
        ],
      },
      { id: 'CVE-2', severity: 'UNDEFINED', fixAvailable: 'UNKNOWN', platform: 'p' },
    ],
    [
      'a score that is not a number',
      { name: 'CVE-3', severity: 'LOW' as const, attributes: [{ key: 'CVSS3_SCORE', value: 'n/a' }] },
      { id: 'CVE-3', severity: 'LOW', fixAvailable: 'UNKNOWN', platform: 'p' },
    ],
  ] as Array<[string, ImageScanFinding, object]>)('never crashes: %s', (_name, finding, expected) => {
    expect(normalizeBasicFinding(finding, 'p')).toEqual(expected);
  });

  test('what ECR did not say is left out, not set to undefined; fields keep their order', () => {
    expect(Object.keys(normalizeBasicFinding({ name: 'CVE-1', attributes: [{ key: 'package_version', value: '1.0' }] }, 'p'))).toEqual([
      'id',
      'severity',
      'version',
      'fixAvailable',
      'platform',
    ]);
  });
});

describe('enhanced findings', () => {
  const all = [
    ...normalizeFindings(findingsOf('enhanced-active-page-1.json'), 'linux/arm64'),
    ...normalizeFindings(findingsOf('enhanced-active-page-2.json'), 'linux/arm64'),
  ];
  const byPackage = (id: string, pkg: string) => all.find((f) => f.id === id && f.package === pkg);

  test('one finding per vulnerable package, the same copy listed twice only once', () => {
    expect(all.map((f) => `${f.id} ${f.package}`)).toEqual([
      'CVE-2024-2511 openssl',
      'CVE-2024-2511 libssl3',
      'CVE-2023-45853 zlib1g',
      'CVE-2024-28182 libnghttp2-14',
      'CVE-2024-2961 libc6',
      'CVE-2024-2961 libc-bin',
      'CVE-2024-4068 braces',
      'CVE-2024-26458 libkrb5-3',
    ]);
  });

  test('the recorded finding: version with release, fixed-in, source URL, score, fix available', () => {
    expect(byPackage('CVE-2024-2511', 'openssl')).toEqual({
      id: 'CVE-2024-2511',
      severity: 'HIGH',
      package: 'openssl',
      version: '3.0.2-0ubuntu1.15',
      fixedIn: '0:3.0.2-0ubuntu1.16',
      fixAvailable: 'YES',
      uri: 'https://ubuntu.com/security/CVE-2024-2511',
      title: 'CVE-2024-2511 - openssl, libssl3',
      description:
        'Issue summary: Some non-default TLS server configurations can cause unbounded memory growth when processing TLSv1.3 sessions.',
      score: 7.5,
      cvss: { baseScore: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', version: '3.1', source: 'NVD' },
      exploitAvailable: 'NO',
      platform: 'linux/arm64',
    });
  });

  test.each([
    [
      'an epoch is kept, NotAvailable is no fix',
      'CVE-2023-45853',
      'zlib1g',
      { version: '1:1.2.11.dfsg-2ubuntu9.2', fixAvailable: 'NO', severity: 'CRITICAL' },
    ],
    ['PARTIAL is kept', 'CVE-2024-28182', 'libnghttp2-14', { fixAvailable: 'PARTIAL', fixedIn: '0:1.43.0-1ubuntu0.2' }],
    [
      'a language package without release; the first reference URL',
      'CVE-2024-4068',
      'braces',
      { version: '3.0.2', fixedIn: '3.0.3', uri: 'https://github.com/advisories/GHSA-grv7-fg5c-xmjg' },
    ],
    ['UNTRIAGED counts as UNDEFINED', 'CVE-2024-26458', 'libkrb5-3', { severity: 'UNDEFINED', fixAvailable: 'NO' }],
  ])('%s', (_name, id, pkg, expected) => {
    expect(byPackage(id, pkg)).toMatchObject(expected);
  });

  test('no fixed-in when Inspector says NotAvailable', () => {
    expect(byPackage('CVE-2023-45853', 'zlib1g')).not.toHaveProperty('fixedIn');
  });

  test.each([
    ['an empty finding', {}, [{ id: 'UNKNOWN', severity: 'UNDEFINED', fixAvailable: 'UNKNOWN', platform: 'p' }]],
    [
      'no vulnerability ID: the title stands in',
      { title: 'CVE-9 - pkg', severity: 'LOW' },
      [{ id: 'CVE-9 - pkg', title: 'CVE-9 - pkg', severity: 'LOW', fixAvailable: 'UNKNOWN', platform: 'p' }],
    ],
    [
      'no packages: one finding without a package',
      { packageVulnerabilityDetails: { vulnerabilityId: 'CVE-8', vulnerablePackages: [] }, fixAvailable: 'maybe' },
      [{ id: 'CVE-8', severity: 'UNDEFINED', fixAvailable: 'UNKNOWN', platform: 'p' }],
    ],
    [
      'a package without a name or version',
      {
        packageVulnerabilityDetails: { vulnerabilityId: 'CVE-7', vulnerablePackages: [{ epoch: 2 }] },
        severity: 'HIGH',
        fixAvailable: 'yes',
      },
      [{ id: 'CVE-7', severity: 'HIGH', fixAvailable: 'YES', platform: 'p' }],
    ],
  ] as Array<[string, EnhancedImageScanFinding, object[]]>)('never crashes: %s', (_name, finding, expected) => {
    expect(normalizeEnhancedFinding(finding, 'p')).toEqual(expected);
  });

  test('no findings at all', () => {
    expect(normalizeFindings(undefined, 'p')).toEqual([]);
    expect(normalizeFindings({}, 'p')).toEqual([]);
  });
});

describe('enhanced findings: what the risk gate reads (enhanced-risk.json)', () => {
  const all = normalizeFindings(findingsOf('enhanced-risk.json'), 'linux/amd64');
  const byPackage = (id: string, pkg: string) => all.find((f) => f.id === id && f.package === pkg);

  test('a known exploit, the Inspector score with its vector, the CVSS base score and vector', () => {
    expect(byPackage('CVE-2024-6387', 'openssh-server')).toMatchObject({
      severity: 'HIGH',
      fixAvailable: 'YES',
      exploitAvailable: 'YES',
      score: 8.1,
      scoreVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
      cvss: { baseScore: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1', source: 'NVD' },
    });
    // Every package of the finding carries it.
    expect(byPackage('CVE-2024-6387', 'openssh-client')).toMatchObject({ exploitAvailable: 'YES', cvss: { baseScore: 8.1 } });
  });

  test('CVSS 2.0 listed before 3.1: the newest version is the base score', () => {
    expect(byPackage('CVE-2023-45853', 'zlib1g')).toMatchObject({
      exploitAvailable: 'NO',
      fixAvailable: 'NO',
      cvss: { baseScore: 9.8, version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    });
  });

  test('a LOW with a known exploit', () => {
    expect(byPackage('CVE-2023-29383', 'login')).toMatchObject({ severity: 'LOW', exploitAvailable: 'YES' });
  });

  test('a finding without any of them: each unknown (absent), never 0, no crash', () => {
    const bare = byPackage('CVE-2024-26458', 'libkrb5-3');
    expect(bare).toMatchObject({ severity: 'UNDEFINED', fixAvailable: 'UNKNOWN' });
    for (const field of ['exploitAvailable', 'score', 'scoreVector', 'cvss', 'epss', 'lastKnownExploitAt']) {
      expect(bare).not.toHaveProperty(field);
    }
  });

  test('ECR carries no EPSS: no finding has one before Amazon Inspector is asked', () => {
    expect(all.filter((f) => f.epss !== undefined)).toEqual([]);
  });

  test.each([
    ['exploitAvailable in lower case', { exploitAvailable: 'yes' }, { exploitAvailable: 'YES' }],
    ['exploitAvailable empty', { exploitAvailable: '' }, {}],
    ['exploitAvailable unexpected', { exploitAvailable: 'MAYBE' }, {}],
    ['score only in scoreDetails', { scoreDetails: { cvss: { score: 6.5, scoringVector: 'V' } } }, { score: 6.5, scoreVector: 'V' }],
    [
      'a CVSS entry without a score is skipped',
      {
        packageVulnerabilityDetails: {
          cvss: [
            { scoringVector: 'X', version: '3.1' },
            { baseScore: 5, version: '2.0' },
          ],
        },
      },
      { cvss: { baseScore: 5, version: '2.0' } },
    ],
    ['a CVSS list of nothing usable', { packageVulnerabilityDetails: { cvss: [{}, { baseScore: Number.NaN }] } }, {}],
  ] as Array<[string, EnhancedImageScanFinding, object]>)('never crashes: %s', (_name, finding, expected) => {
    const [normalized] = normalizeEnhancedFinding({ ...finding, severity: 'LOW' }, 'p');
    expect(normalized).toEqual({ id: 'UNKNOWN', severity: 'LOW', fixAvailable: 'UNKNOWN', platform: 'p', ...expected });
  });
});

describe('basic findings carry no exploit or CVSS details, only the score and its vector', () => {
  test('the recorded page', () => {
    const [critical] = normalizeFindings(findingsOf('basic-complete-page-1.json'), 'linux/amd64');
    expect(critical).not.toHaveProperty('exploitAvailable');
    expect(critical).not.toHaveProperty('cvss');
  });
});

describe('packageVersion', () => {
  test.each([
    [{ version: '2.35', release: '0ubuntu3.6', epoch: 0 }, '2.35-0ubuntu3.6'],
    [{ version: '1.2.11.dfsg', release: '2ubuntu9.2', epoch: 1 }, '1:1.2.11.dfsg-2ubuntu9.2'],
    [{ version: '3.0.2' }, '3.0.2'],
    [{ version: '1.0-5', release: '5' }, '1.0-5'],
    [{ release: '5' }, undefined],
  ])('%j → %s', (pkg, expected) => {
    expect(packageVersion(pkg)).toBe(expected);
  });
});

describe('vulnerabilityKey', () => {
  test('the same vulnerability in the same package is one key across platforms; another package is another', () => {
    const amd = { id: 'CVE-1', package: 'openssl', platform: 'linux/amd64' };
    const arm = { ...amd, platform: 'linux/arm64' };
    expect(vulnerabilityKey(amd)).toBe(vulnerabilityKey(arm));
    expect(vulnerabilityKey(amd)).not.toBe(vulnerabilityKey({ ...amd, package: 'libssl3' }));
  });
});
