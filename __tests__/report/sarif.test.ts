import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  artifactUri,
  fingerprint,
  renderSarif,
  sarifChunks,
  securitySeverity,
  sarifLevel,
  SARIF_TOOL_NAME,
} from '../../src/report/sarif.js';
import type { Severity } from '../../src/shared/severity.js';
import {
  comparedReport,
  failedReport,
  hostileReport,
  ignoredReport,
  largeReport,
  multiPlatformReport,
  riskReportSample,
} from '../../__fixtures__/reports/index.js';
import { expectGolden } from './golden.js';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        informationUri: string;
        rules: Array<{
          id: string;
          helpUri?: string;
          fullDescription?: { text: string };
          properties: { tags: string[]; 'security-severity': string };
        }>;
      };
    };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
      partialFingerprints: Record<string, string>;
      properties: Record<string, unknown>;
    }>;
    properties: Record<string, unknown>;
  }>;
}

const OPTIONS = { dockerfile: 'services/api/Dockerfile', informationUri: 'https://github.com/acme/ecr-build-scan-push' };
const parse = (text: string) => JSON.parse(text) as SarifLog;
const run = (text: string) => {
  const first = parse(text).runs[0];
  if (!first) throw new Error('no run');
  return first;
};

describe('renderSarif goldens (pretty-printed for review)', () => {
  test.each([
    ['failed', failedReport],
    ['ignored', ignoredReport],
    ['multi-platform', multiPlatformReport],
    ['compared', comparedReport],
    ['hostile', hostileReport],
    ['risk', riskReportSample],
  ])('%s', (name, report) => {
    const text = renderSarif(report, OPTIONS);
    expectGolden(`sarif/${name}.sarif.json`, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('renderSarif', () => {
  test('one run, our driver, one rule per vulnerability, one result per finding not ignored', () => {
    const sarif = parse(renderSarif(multiPlatformReport, OPTIONS));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const r = run(renderSarif(multiPlatformReport, OPTIONS));
    expect(r.tool.driver.name).toBe(SARIF_TOOL_NAME);
    expect(r.tool.driver.rules.map((rule) => rule.id)).toEqual(['CVE-2023-4911', 'CVE-2023-0464', 'CVE-2022-3219']);
    expect(r.results).toHaveLength(5);
    for (const result of r.results) expect(r.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  test('ignored findings are not results', () => {
    const r = run(renderSarif(ignoredReport, OPTIONS));
    expect(r.results.map((x) => x.ruleId)).toEqual(['CVE-2022-1304']);
  });

  test('every result is located in the Dockerfile, line 1', () => {
    const r = run(renderSarif(failedReport, OPTIONS));
    for (const result of r.results) {
      expect(result.locations).toEqual([
        { physicalLocation: { artifactLocation: { uri: 'services/api/Dockerfile' }, region: { startLine: 1 } } },
      ]);
    }
  });

  test('fingerprints are per vulnerability, package and platform, not version', () => {
    const a = { id: 'CVE-1', package: 'openssl', platform: 'linux/amd64' };
    expect(fingerprint(a)).toBe(fingerprint({ ...a }));
    expect(
      new Set([
        fingerprint(a),
        fingerprint({ ...a, package: 'glibc' }),
        fingerprint({ ...a, platform: 'linux/arm64' }),
        fingerprint({ ...a, id: 'CVE-2' }),
      ]).size,
    ).toBe(4);
    const r = run(renderSarif(multiPlatformReport, OPTIONS));
    const prints = r.results.map((x) => Object.values(x.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  test('the message names package, version, fix and platform; the mark is in properties', () => {
    const r = run(renderSarif(comparedReport, OPTIONS));
    expect(r.results[0]?.message.text).toBe(
      'CVE-2024-6119 (CRITICAL) in openssl 3.0.2-0ubuntu1.10 on linux/amd64: fixed in 3.0.2-0ubuntu1.18. New in this image.',
    );
    expect(r.results.map((x) => x.properties.comparison)).toEqual(['new', 'in-base', 'new']);
  });

  test('hostile text cannot become an embedded link, and a javascript: URL is no helpUri', () => {
    const r = run(renderSarif(hostileReport, OPTIONS));
    expect(r.results[0]?.message.text).toContain('\\[click\\](javascript:alert(1))');
    expect(r.tool.driver.rules[0]?.helpUri).toBeUndefined();
    expect(r.tool.driver.rules[1]?.helpUri).toBe('https://example.com/a%7Cb%29c%28d%3Ce%3Ef%22g%27h%60i');
  });

  test.each([
    ['CRITICAL', undefined, '9.5', 'error'],
    ['HIGH', 9.8, '8.0', 'error'],
    ['MEDIUM', undefined, '5.5', 'warning'],
    ['LOW', undefined, '2.0', 'note'],
    ['INFORMATIONAL', undefined, '0.0', 'note'],
    ['UNDEFINED', 3.3, '3.3', 'note'],
    ['UNDEFINED', 42, '10.0', 'note'],
    ['UNDEFINED', Number.NaN, '0.0', 'note'],
  ] as Array<[Severity, number | undefined, string, string]>)('%s with score %s → %s, %s', (severity, score, expected, level) => {
    expect(securitySeverity({ severity, score })).toBe(expected);
    expect(sarifLevel(severity)).toBe(level);
  });

  test('a rule takes the worst severity among its results', () => {
    const report = {
      ...failedReport,
      findings: [
        { ...failedReport.findings[2]!, id: 'CVE-X', severity: 'MEDIUM' as const },
        { ...failedReport.findings[0]!, id: 'CVE-X', severity: 'CRITICAL' as const },
      ],
    };
    expect(run(renderSarif(report, OPTIONS)).tool.driver.rules[0]?.properties['security-severity']).toBe('9.5');
  });

  test.each([
    ['./Dockerfile', 'Dockerfile'],
    ['docker\\Dockerfile', 'docker/Dockerfile'],
    ['', 'Dockerfile'],
  ])('artifact %j → %j', (input, expected) => {
    expect(artifactUri(input)).toBe(expected);
  });

  test('10,000 findings with long descriptions: valid JSON under 10 MB, every result kept', () => {
    const report = largeReport(10_000, { descriptionLength: 5000 });
    const text = renderSarif(report, OPTIONS);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(10_000_000);
    expect(run(text).results).toHaveLength(report.findings.filter((f) => !f.ignored).length);
  });

  test('over the budget, descriptions go first, then the least severe results, and the run says so', () => {
    const report = largeReport(2_000, { descriptionLength: 1000 });
    const full = run(renderSarif(report, OPTIONS));
    expect(full.tool.driver.rules[0]?.fullDescription?.text.length).toBeGreaterThan(200);

    const small = renderSarif(report, { ...OPTIONS, maxBytes: 300_000 });
    expect(Buffer.byteLength(small, 'utf8')).toBeLessThanOrEqual(300_000);
    const cut = run(small);
    expect(cut.tool.driver.rules[0]?.fullDescription).toBeUndefined();
    expect(cut.results.length).toBeLessThan(full.results.length);
    expect(cut.properties.resultsLeftOut).toBe(full.results.length - cut.results.length);
    expect(cut.results[0]?.level).toBe('error');
  });

  test('the file comes in pieces of a few dozen rules or results each, and reads the same twice', () => {
    const report = largeReport(2_000, { descriptionLength: 1000 });
    const text = sarifChunks(report, OPTIONS);
    const pieces = Array.from(text);
    expect(pieces.join('')).toBe(renderSarif(report, OPTIONS));
    expect(Array.from(text).join('')).toBe(pieces.join(''));
    const log = run(pieces.join(''));
    expect(pieces.length).toBeGreaterThan((log.tool.driver.rules.length + log.results.length) / 16);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(100 * 1024);
  });

  test('cut to the budget, the pieces are the cut file', () => {
    const report = largeReport(2_000, { descriptionLength: 1000 });
    const options = { ...OPTIONS, maxBytes: 300_000 };
    expect(Array.from(sarifChunks(report, options)).join('')).toBe(renderSarif(report, options));
  });

  test('fingerprints are the SHA-256 of id, package and platform', () => {
    expect(fingerprint({ id: 'CVE-1', package: 'openssl', platform: 'linux/amd64' })).toBe(
      createHash('sha256').update('["CVE-1","openssl","linux/amd64"]').digest('hex'),
    );
    expect(fingerprint({ id: 'CVE-1', platform: 'linux/amd64' })).toBe(
      createHash('sha256').update('["CVE-1","","linux/amd64"]').digest('hex'),
    );
  });
});
