import { describe, expect, test } from '@jest/globals';
import type { EnhancedImageScanFinding, ImageScanFinding, ImageScanFindings } from '@aws-sdk/client-ecr';
import fc from 'fast-check';
import type { Finding } from '../../src/shared/finding.js';
import { normalizeBasicFinding, normalizeEnhancedFinding, normalizeFindings } from '../../src/scan/normalize.js';
import { SEVERITIES } from '../../src/shared/severity.js';
import { anyText, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const FIX_AVAILABLE = ['YES', 'NO', 'PARTIAL', 'UNKNOWN'];

/** Every field optional, as the API has them; strings blank, padded, hostile or plausible. */
const opt = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 3 });
const text = fc.oneof(fc.constantFrom('', ' ', '\n', 'openssl', ' CVE-2024-1 ', 'NotAvailable'), nastyString({ maxLength: 20 }), anyText);
const severity = fc.oneof(fc.constantFrom(...SEVERITIES, 'UNTRIAGED', 'critical', 'High', ''), anyText);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0));

const attribute = fc.record({
  key: opt(fc.oneof(fc.constantFrom('package_name', 'package_version', 'CVSS3_SCORE', 'CVSS2_SCORE', ''), text)),
  value: opt(fc.oneof(text, number.map(String))),
});

const basicFinding = fc
  .record({
    name: opt(text),
    description: opt(text),
    uri: opt(text),
    severity: opt(severity),
    attributes: opt(fc.array(attribute, { maxLength: 5 })),
  })
  .map((f) => f as ImageScanFinding); // severity: ECR's enum, as any string it might send

const vulnerablePackage = fc.record({
  name: opt(text),
  version: opt(text),
  release: opt(text),
  epoch: opt(number),
  fixedInVersion: opt(text),
  arch: opt(text),
});

const enhancedFinding: fc.Arbitrary<EnhancedImageScanFinding> = fc.record({
  title: opt(text),
  description: opt(text),
  findingArn: opt(text),
  severity: opt(severity),
  fixAvailable: opt(fc.oneof(fc.constantFrom('YES', 'no', 'Partial', 'UNKNOWN'), text)),
  score: opt(number),
  status: opt(text),
  packageVulnerabilityDetails: opt(
    fc.record({
      vulnerabilityId: opt(text),
      sourceUrl: opt(text),
      referenceUrls: opt(fc.array(text, { maxLength: 3 })),
      vulnerablePackages: opt(fc.array(vulnerablePackage, { maxLength: 4 })),
    }),
  ),
});

const platform = fc.oneof(fc.constantFrom('linux/amd64', 'linux/arm/v7'), nastyString({ maxLength: 12 }));

function expectWellFormed(finding: Finding, onPlatform: string): void {
  expect(SEVERITIES).toContain(finding.severity);
  expect(FIX_AVAILABLE).toContain(finding.fixAvailable);
  expect(finding.platform).toBe(onPlatform);
  expect(typeof finding.id).toBe('string');
  expect(finding.id).not.toBe('');
  expect(finding.id).toBe(finding.id.trim());
  for (const [key, value] of Object.entries(finding)) {
    expect(value).not.toBeUndefined(); // compacted
    if (key === 'score') expect(Number.isFinite(value)).toBe(true);
    else if (typeof value === 'string' && key !== 'platform') {
      expect(value).not.toBe('');
      expect(value).toBe(value.trim());
    }
  }
}

describe('normalize', () => {
  test('basic findings with any fields missing: never throws, severity one of the six', () => {
    fc.assert(
      fc.property(basicFinding, platform, (finding, on) => {
        const normalized = normalizeBasicFinding(finding, on);
        expectWellFormed(normalized, on);
        expect(normalized.fixAvailable).toBe('UNKNOWN');
      }),
      RUNS,
    );
  });

  test('enhanced findings with any fields missing: never throws, at least one finding each, severity one of the six', () => {
    fc.assert(
      fc.property(enhancedFinding, platform, (finding, on) => {
        const normalized = normalizeEnhancedFinding(finding, on);
        expect(normalized.length).toBeGreaterThanOrEqual(1);
        expect(normalized.length).toBeLessThanOrEqual(Math.max(1, finding.packageVulnerabilityDetails?.vulnerablePackages?.length ?? 0));
        for (const f of normalized) {
          expectWellFormed(f, on);
          expect(f.fixedIn).not.toBe('NotAvailable');
        }
      }),
      RUNS,
    );
  });

  test('a page of both shapes gives one finding per basic finding and per distinct package', () => {
    const page: fc.Arbitrary<ImageScanFindings | undefined> = opt(
      fc.record({
        findings: opt(fc.array(basicFinding, { maxLength: 4 })),
        enhancedFindings: opt(fc.array(enhancedFinding, { maxLength: 3 })),
      }),
    );
    fc.assert(
      fc.property(page, platform, (findings, on) => {
        const normalized = normalizeFindings(findings, on);
        expect(normalized.length).toBeGreaterThanOrEqual((findings?.findings?.length ?? 0) + (findings?.enhancedFindings?.length ?? 0));
        for (const f of normalized) expectWellFormed(f, on);
      }),
      RUNS,
    );
  });
});
