// Pages of DescribeImageScanFindings in the recorded shapes of __fixtures__/ecr/, for a scan with
// many findings: every finding a copy of a recorded one with its own ID, package and severity.
// Pages are made on demand (the action reads one page at a time off the network), as JSON text.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type ScanMode = 'basic' | 'enhanced';

interface RecordedPage {
  imageScanStatus: { status: string; description?: string };
  imageScanFindings: {
    imageScanCompletedAt?: string;
    vulnerabilitySourceUpdatedAt?: string;
    findings?: Array<Record<string, unknown> & { attributes?: Array<{ key: string; value?: string }> }>;
    enhancedFindings?: Array<Record<string, unknown>>;
  };
  [key: string]: unknown;
}

type PageSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

export interface PageSource {
  mode: ScanMode;
  total: number;
  pageSize: number;
  pages: number;
  /** The JSON text of page `index` (0-based), with nextToken unless it is the last. */
  page(index: number): string;
  /** The page a nextToken asks for. */
  indexOf(token: string | undefined): number;
}

/** The severity of finding n: a spread like real images (few CRITICAL, many LOW/MEDIUM). */
function severityOf(n: number): PageSeverity {
  const r = n % 100;
  if (r < 2) return 'CRITICAL';
  if (r < 12) return 'HIGH';
  if (r < 50) return 'MEDIUM';
  if (r < 90) return 'LOW';
  return 'INFORMATIONAL';
}

export function vulnerabilityId(n: number): string {
  return `CVE-2024-${String(10000 + n).padStart(5, '0')}`;
}

function counts(total: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (let n = 0; n < total; n += 1) result[severityOf(n)] = (result[severityOf(n)] ?? 0) + 1;
  return result;
}

export function pageSource(fixtures: string, mode: ScanMode, total: number): PageSource {
  const pageSize = mode === 'basic' ? 1000 : 100;
  const file = mode === 'basic' ? 'basic-complete-page-1.json' : 'enhanced-active-page-1.json';
  const recorded = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as RecordedPage;
  const templates = (mode === 'basic' ? recorded.imageScanFindings.findings : recorded.imageScanFindings.enhancedFindings) ?? [];
  if (templates.length === 0) throw new Error(`${file} has no findings to copy`);
  const severityCounts = counts(total);
  const pages = Math.ceil(total / pageSize);

  const basic = (n: number) => {
    const template = templates[n % templates.length] as NonNullable<RecordedPage['imageScanFindings']['findings']>[number];
    const id = vulnerabilityId(n);
    return {
      ...template,
      name: id,
      severity: severityOf(n),
      uri: `https://security-tracker.debian.org/tracker/${id}`,
      attributes: (template.attributes ?? []).map((a) =>
        a.key === 'package_name'
          ? { key: a.key, value: `libexample${n % 997}` }
          : a.key === 'package_version'
            ? { key: a.key, value: `1.${n % 50}.${n % 7}-1` }
            : a,
      ),
    };
  };
  const enhanced = (n: number) => {
    const template = templates[n % templates.length] as Record<string, unknown> & {
      packageVulnerabilityDetails?: Record<string, unknown> & { vulnerablePackages?: Array<Record<string, unknown>> };
    };
    const id = vulnerabilityId(n);
    const details = template.packageVulnerabilityDetails ?? {};
    const pkg = details.vulnerablePackages?.[0] ?? {};
    const severity = severityOf(n);
    return {
      ...template,
      findingArn: `arn:aws:inspector2:us-east-1:123456789012:finding/${String(n).padStart(32, '0')}`,
      severity,
      title: `${id} - libexample${n % 997}`,
      fixAvailable: n % 3 === 0 ? 'NO' : 'YES',
      packageVulnerabilityDetails: {
        ...details,
        vulnerabilityId: id,
        sourceUrl: `https://ubuntu.com/security/${id}`,
        vendorSeverity: severity.toLowerCase(),
        // One package per finding: 10,000 findings stay 10,000 after normalize.
        vulnerablePackages: [
          {
            ...pkg,
            name: `libexample${n % 997}`,
            version: `1.${n % 50}.${n % 7}`,
            fixedInVersion: n % 3 === 0 ? 'NotAvailable' : `0:1.${n % 50}.${(n % 7) + 1}-1`,
          },
        ],
      },
    };
  };

  return {
    mode,
    total,
    pageSize,
    pages,
    indexOf: (token) => (token ? Number(token.replace('page-', '')) : 0),
    page(index) {
      const from = index * pageSize;
      const to = Math.min(total, from + pageSize);
      const list: unknown[] = [];
      for (let n = from; n < to; n += 1) list.push(mode === 'basic' ? basic(n) : enhanced(n));
      const { nextToken: _recordedToken, ...rest } = recorded;
      return JSON.stringify({
        ...rest,
        imageScanFindings: {
          ...recorded.imageScanFindings,
          findingSeverityCounts: severityCounts,
          ...(mode === 'basic' ? { findings: list } : { enhancedFindings: list }),
        },
        ...(index + 1 < pages ? { nextToken: `page-${index + 1}` } : {}),
      });
    },
  };
}
