// SARIF 2.1.0 for github/codeql-action/upload-sarif. Pure.
//
// Code scanning needs: a rule per vulnerability with properties["security-severity"] (a number
// as a string) to show severity, a location for every result (we point at the Dockerfile, line 1),
// and partialFingerprints that stay the same from run to run, so an alert is tracked, not
// re-opened (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
// Ignored findings are not results. The file is compact JSON held under SARIF_BUDGET_BYTES:
// descriptions are shortened, then dropped, then the least severe results are, before it grows
// past what the upload accepts.
import { createHash } from 'node:crypto';
import type { EvaluatedFinding } from '../scan/evaluated.js';
import { severityRank, type Severity } from '../scan/severity.js';
import { cleanText, safeUrl, shorten } from './escape.js';
import type { Report } from './model.js';

export const SARIF_TOOL_NAME = 'ecr-build-scan-push';
export const DEFAULT_INFORMATION_URI = 'https://github.com/marketplace/actions/ecr-build-scan-push';
/** Under code scanning's 10 MB upload limit, with room to spare. */
export const SARIF_BUDGET_BYTES = 9_000_000;
const FINGERPRINT_KEY = 'ecrFinding/v1';

export interface SarifOptions {
  /** Dockerfile path relative to the repository root: every result's location. */
  dockerfile: string;
  /** Where the tool is documented (the action's repository). */
  informationUri?: string;
  maxBytes?: number;
}

const SECURITY_SEVERITY: Partial<Record<Severity, number>> = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 2.0 };

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  INFORMATIONAL: 'note',
  UNDEFINED: 'note',
};

/** Code scanning's number for a finding: fixed per severity, the finding's own score below LOW. */
export function securitySeverity(finding: Pick<EvaluatedFinding, 'severity' | 'score'>): string {
  const fixed = SECURITY_SEVERITY[finding.severity];
  if (fixed !== undefined) return fixed.toFixed(1);
  const score = finding.score;
  return score !== undefined && Number.isFinite(score) ? Math.min(10, Math.max(0, score)).toFixed(1) : '0.0';
}

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return LEVELS[severity];
}

/** Stable across runs for the same vulnerability in the same package on the same platform. */
export function fingerprint(finding: Pick<EvaluatedFinding, 'id' | 'package' | 'platform'>): string {
  return createHash('sha256').update(JSON.stringify([finding.id, finding.package ?? '', finding.platform])).digest('hex');
}

interface Detail {
  /** Characters of description kept in a rule's fullDescription; 0 leaves it out. */
  description: number;
  /** Results kept (worst first). */
  results: number;
}

export function renderSarif(report: Report, options: SarifOptions): string {
  const maxBytes = options.maxBytes ?? SARIF_BUDGET_BYTES;
  const results = report.findings.filter((f) => !f.ignored);
  let text = '';
  for (const description of [1000, 200, 0]) {
    text = serialize(report, results, options, { description, results: results.length });
    if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  }
  // Still too big: keep the worst results (findings are ordered worst first).
  for (let kept = Math.floor(results.length / 2); ; kept = Math.floor(kept / 2)) {
    text = serialize(report, results, options, { description: 0, results: kept });
    if (kept === 0 || Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  }
}

function serialize(report: Report, findings: EvaluatedFinding[], options: SarifOptions, detail: Detail): string {
  const kept = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).slice(0, detail.results);
  const rules = new Map<string, { index: number; worst: EvaluatedFinding }>();
  for (const f of kept) {
    const rule = rules.get(f.id);
    if (!rule) rules.set(f.id, { index: rules.size, worst: f });
    else if (worse(f, rule.worst)) rule.worst = f;
  }
  const location = [{ physicalLocation: { artifactLocation: { uri: artifactUri(options.dockerfile) }, region: { startLine: 1 } } }];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: [...rules.values()].map(({ worst }) => rule(worst, detail)),
          },
        },
        results: kept.map((f) => ({
          ruleId: f.id,
          ruleIndex: rules.get(f.id)?.index,
          level: sarifLevel(f.severity),
          message: { text: message(f) },
          locations: location,
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f) },
          properties: {
            severity: f.severity,
            package: f.package,
            version: f.version,
            fixedIn: f.fixedIn,
            fixAvailable: f.fixAvailable,
            platform: f.platform,
            comparison: f.comparison,
            blocking: f.blocking,
          },
        })),
        properties: {
          image: report.image,
          digest: report.digest,
          verdict: report.verdict,
          ...(kept.length < findings.length ? { resultsLeftOut: findings.length - kept.length } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif)}\n`;
}

function worse(a: EvaluatedFinding, b: EvaluatedFinding): boolean {
  const rank = severityRank(a.severity) - severityRank(b.severity);
  return rank > 0 || (rank === 0 && (a.score ?? -1) > (b.score ?? -1));
}

function rule(f: EvaluatedFinding, detail: Detail): Record<string, unknown> {
  const description = f.description ? sarifText(f.description, detail.description) : '';
  return {
    id: f.id,
    shortDescription: { text: sarifText(f.title || `${f.id} (${f.severity})`, 200) },
    ...(description ? { fullDescription: { text: description } } : {}),
    helpUri: safeUrl(f.uri),
    properties: {
      tags: ['security', 'vulnerability', 'container-image'],
      'security-severity': securitySeverity(f),
    },
  };
}

function message(f: EvaluatedFinding): string {
  const what = f.package ? `${f.package}${f.version ? ` ${f.version}` : ''}` : 'the image';
  const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : f.fixAvailable === 'NO' ? 'no fix available' : 'no fixed version known';
  const mark = f.comparison === 'new' ? ' New in this image.' : f.comparison === 'in-base' ? ' Also in the base image.' : '';
  return sarifText(`${f.id} (${f.severity}) in ${what} on ${f.platform}: ${fix}.${mark}`, 1000);
}

/**
 * Plain text as SARIF messages take it: one line, bounded, with `[` `]` and `\` escaped so a
 * package name cannot become an embedded link (SARIF 2.1.0 §3.11.6).
 */
function sarifText(value: string, max: number): string {
  if (max <= 0) return '';
  return shorten(cleanText(value), max).replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Repository-relative, forward slashes, no leading `./`. */
export function artifactUri(dockerfile: string): string {
  return dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '') || 'Dockerfile';
}
