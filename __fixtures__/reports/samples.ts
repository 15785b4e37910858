// Sample reports, one per situation the renderers must handle. Golden files under
// __fixtures__/golden/ are rendered from these.
import type { Report } from '../../src/report/model.js';
import { AMD64_DIGEST, ARM64_DIGEST, BASE_SHA, IMAGE, SHA, finding, sampleReport } from './base.js';

export const cleanReport: Report = sampleReport(
  {},
  { tags: [`${IMAGE}:${SHA}`, `${IMAGE}:1.2.3`, `${IMAGE}:latest`], reason: 'No finding at or above CRITICAL.' },
);

export const failedReport: Report = sampleReport(
  {
    findings: [
      finding({
        id: 'CVE-2023-0286',
        severity: 'CRITICAL',
        fixedIn: '3.0.2-0ubuntu1.15',
        fixAvailable: 'YES',
        title: 'openssl: X.400 address type confusion in X.509 GeneralName',
        description: 'There is a type confusion vulnerability relating to X.400 address processing inside an X.509 GeneralName.',
        score: 7.4,
        blocking: true,
      }),
      finding({
        id: 'CVE-2023-4911',
        severity: 'HIGH',
        package: 'glibc',
        version: '2.35-0ubuntu3.1',
        fixedIn: '2.35-0ubuntu3.4',
        fixAvailable: 'YES',
        title: 'glibc: buffer overflow in ld.so leading to privilege escalation',
        score: 7.8,
        blocking: true,
      }),
      finding({ id: 'CVE-2022-37434', severity: 'MEDIUM', package: 'zlib', version: '1:1.2.11.dfsg-2ubuntu9', fixAvailable: 'NO' }),
      finding({ id: 'CVE-2022-3219', severity: 'LOW', package: 'gnupg2', version: '2.2.27-3ubuntu2.1', fixAvailable: 'NO' }),
      finding({ id: 'CVE-2016-2781', severity: 'INFORMATIONAL', package: 'coreutils', version: '8.32-4.1ubuntu1' }),
      finding({ id: 'CVE-2024-0001', severity: 'UNDEFINED', package: 'tar', version: '1.34+dfsg-1build3', uri: undefined, score: 3.3 }),
    ],
    platforms: [{ platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'ACTIVE' }],
    scanStatus: 'ACTIVE',
    scanType: 'ENHANCED',
  },
  {
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false },
    verdict: 'failed',
    reason: '2 findings at or above HIGH are not ignored: 1 CRITICAL, 1 HIGH.',
    fails: true,
    heldBack: [
      { tag: '1.2.3', reason: 'the gate failed' },
      { tag: '1.2', reason: 'the gate failed' },
      { tag: 'latest', reason: 'the gate failed' },
    ],
  },
);

export const incompleteReport: Report = sampleReport(
  {
    platforms: [
      {
        platform: 'linux/amd64',
        digest: AMD64_DIGEST,
        status: 'UNSUPPORTED_IMAGE',
        description: 'The operating system and/or package manager are not supported.',
      },
    ],
    scanStatus: 'UNSUPPORTED_IMAGE',
  },
  {
    verdict: 'incomplete',
    reason: 'The scan of linux/amd64 ended UNSUPPORTED_IMAGE, so the gate cannot decide (on-scan-incomplete: fail).',
    fails: true,
    heldBack: [{ tag: 'latest', reason: 'the scan did not complete' }],
  },
);

export const ignoredReport: Report = sampleReport(
  {
    findings: [
      finding({
        id: 'CVE-2023-0286',
        severity: 'CRITICAL',
        ignored: { by: 'file', reason: 'Not reachable: we never parse X.400 addresses (SEC-142).', expires: '2099-01-01' },
      }),
      finding({
        id: 'CVE-2023-4911',
        severity: 'HIGH',
        package: 'glibc',
        version: '2.35-0ubuntu3.1',
        ignored: { by: 'input', reason: 'listed in the ignore input' },
      }),
      finding({
        id: 'CVE-2022-37434',
        severity: 'MEDIUM',
        package: 'zlib',
        version: '1:1.2.11.dfsg-2ubuntu9',
        fixAvailable: 'NO',
        ignored: { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' },
      }),
      finding({
        id: 'CVE-2022-1304',
        severity: 'HIGH',
        package: 'e2fsprogs',
        version: '1.46.5-2ubuntu1.1',
        fixedIn: '1.46.5-2ubuntu1.2',
        fixAvailable: 'YES',
      }),
    ],
    scanStatus: 'ACTIVE',
    scanType: 'ENHANCED',
  },
  {
    gate: { threshold: 'CRITICAL', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: true },
    reason: 'No finding at or above CRITICAL that is not ignored (3 ignored).',
    expiredIgnores: [{ id: 'CVE-2022-1304', reason: 'Waiting for the e2fsprogs backport (SEC-99).', expires: '2024-12-31', matched: 1 }],
  },
);

const multi = [
  { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'COMPLETE' },
  { platform: 'linux/arm64', digest: ARM64_DIGEST, status: 'COMPLETE' },
];
const multiFindings = [
  finding({ id: 'CVE-2023-4911', severity: 'HIGH', package: 'glibc', version: '2.35-0ubuntu3.1', blocking: true }),
  finding({ id: 'CVE-2023-4911', severity: 'HIGH', package: 'glibc', version: '2.35-0ubuntu3.1', platform: 'linux/arm64', blocking: true }),
  finding({ id: 'CVE-2023-0464', severity: 'MEDIUM', platform: 'linux/arm64' }),
  finding({ id: 'CVE-2022-3219', severity: 'LOW', package: 'gnupg2', version: '2.2.27-3ubuntu2.1' }),
  finding({ id: 'CVE-2022-3219', severity: 'LOW', package: 'gnupg2', version: '2.2.27-3ubuntu2.1', platform: 'linux/arm64' }),
];
export const multiPlatformReport: Report = sampleReport(
  { findings: multiFindings, platforms: multi },
  {
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: false },
    verdict: 'failed',
    reason: '1 finding at or above HIGH is not ignored: 1 HIGH (on linux/amd64 and linux/arm64).',
    fails: true,
    heldBack: [{ tag: 'latest', reason: 'the gate failed' }],
  },
);

const comparedFindings = [
  finding({
    id: 'CVE-2024-6119',
    severity: 'CRITICAL',
    fixedIn: '3.0.2-0ubuntu1.18',
    fixAvailable: 'YES',
    comparison: 'new',
    blocking: true,
  }),
  finding({ id: 'CVE-2023-4911', severity: 'HIGH', package: 'glibc', version: '2.35-0ubuntu3.1', comparison: 'in-base' }),
  finding({ id: 'CVE-2024-2511', severity: 'MEDIUM', fixedIn: '3.0.2-0ubuntu1.16', fixAvailable: 'YES', comparison: 'new' }),
  finding({
    id: 'CVE-2022-3219',
    severity: 'LOW',
    package: 'gnupg2',
    version: '2.2.27-3ubuntu2.1',
    comparison: 'in-base',
    ignored: { by: 'input', reason: 'listed in the ignore input' },
  }),
];
export const comparedReport: Report = sampleReport(
  {
    findings: comparedFindings,
    comparison: {
      available: true,
      baseSha: BASE_SHA,
      baseDigest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222',
      fixed: [
        finding({ id: 'CVE-2023-0286', severity: 'HIGH', version: '3.0.2-0ubuntu1.10' }),
        finding({ id: 'CVE-2023-5678', severity: 'HIGH', version: '3.0.2-0ubuntu1.10' }),
        finding({ id: 'CVE-2023-29491', severity: 'LOW', package: 'ncurses', version: '6.3-2ubuntu0.1' }),
      ],
      newCount: 2,
    },
  },
  {
    gate: { threshold: 'HIGH', mode: 'new', onIncomplete: 'fail', ignoreUnfixed: false },
    verdict: 'failed',
    reason: '1 new finding at or above HIGH is not ignored: 1 CRITICAL.',
    fails: true,
  },
);

export const noBaseReport: Report = sampleReport(
  {
    findings: [finding({ id: 'CVE-2023-4911', severity: 'HIGH', package: 'glibc', version: '2.35-0ubuntu3.1' })],
    comparison: {
      available: false,
      note: `No image for the base commit ${BASE_SHA.slice(0, 7)} in mlops/retail-api: comparison skipped (gate: all).`,
      fixed: [],
      newCount: 0,
    },
  },
  { gate: { threshold: 'CRITICAL', mode: 'new', onIncomplete: 'fail', ignoreUnfixed: false } },
);

export const skippedReport: Report = sampleReport(
  { platforms: [], scanStatus: 'SKIPPED' },
  {
    digest: undefined,
    imageUri: undefined,
    tags: [],
    build: 'not-pushed',
    verdict: 'skipped',
    reason: 'push is false: the image was built, not pushed or scanned.',
  },
);
