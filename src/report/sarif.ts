// SARIF 2.1.0 for github/codeql-action/upload-sarif. Pure.
//
// Code scanning needs: a rule per vulnerability with properties["security-severity"] (a number
// as a string) to show severity, a location for every result (we point at the Dockerfile, line 1),
// and partialFingerprints that stay the same from run to run, so an alert is tracked, not
// re-opened (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
// Ignored findings are not results. The file is compact JSON held under SARIF_BUDGET_BYTES:
// descriptions are shortened, then dropped, then the least severe results are, before it grows
// past what the upload accepts. It is made a rule or a result at a time (sarifChunks), never
// whole: 10,000 results are megabytes of text.
import { hash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { EvaluatedFinding } from '../gate/evaluated.js';
import { severityRank, type Severity } from '../shared/severity.js';
import { cleanText, safeUrl, shorten } from './escape.js';
import { jsonChunks, streamedArray, type StreamedArray } from './json-chunks.js';
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

const LEVELS: Record<Severity, Sarif.Result.level> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  INFORMATIONAL: 'note',
  UNDEFINED: 'note',
};

/**
 * Code scanning's number for a finding: the CVSS base score when enhanced scanning gives one
 * (what code scanning ranks by); otherwise fixed per severity, the finding's own score below LOW.
 */
export function securitySeverity(finding: Pick<EvaluatedFinding, 'severity' | 'score' | 'cvss'>): string {
  const base = finding.cvss?.baseScore;
  if (base !== undefined && Number.isFinite(base)) return Math.min(10, Math.max(0, base)).toFixed(1);
  const fixed = SECURITY_SEVERITY[finding.severity];
  if (fixed !== undefined) return fixed.toFixed(1);
  const score = finding.score;
  return score !== undefined && Number.isFinite(score) ? Math.min(10, Math.max(0, score)).toFixed(1) : '0.0';
}

export function sarifLevel(severity: Severity): Sarif.Result.level {
  return LEVELS[severity];
}

/** Stable across runs for the same vulnerability in the same package on the same platform. */
export function fingerprint(finding: Pick<EvaluatedFinding, 'id' | 'package' | 'platform'>): string {
  // One-shot: no Hash object (and its native state) per result, for 10,000 results at a time.
  return hash('sha256', JSON.stringify([finding.id, finding.package ?? '', finding.platform]), 'hex');
}

/**
 * A SARIF log (@types/sarif) whose long arrays, the rules and the results, are streamed: its
 * JSON is a Sarif.Log's.
 */
type StreamedLog = Omit<Sarif.Log, 'runs'> & { runs: StreamedRun[] };
type StreamedRun = Omit<Sarif.Run, 'tool' | 'results'> & {
  tool: { driver: Omit<Sarif.ToolComponent, 'rules'> & { rules: StreamedArray<Sarif.ReportingDescriptor> } };
  results: StreamedArray<Sarif.Result>;
};

interface Detail {
  /** Characters of description kept in a rule's fullDescription; 0 leaves it out. */
  description: number;
  /** Results kept (worst first). */
  results: number;
}

export function renderSarif(report: Report, options: SarifOptions): string {
  return Array.from(sarifChunks(report, options)).join('');
}

/**
 * The SARIF file as pieces of text, in order (joined, renderSarif's text), at the most detail
 * that fits the byte cap. Each result is made and rendered on its own as the pieces are read, so
 * a file of 10,000 results never exists whole in memory; the cap is found by measuring pieces.
 */
export function sarifChunks(report: Report, options: SarifOptions): Iterable<string> {
  return logText(fittingLog(report, options, options.maxBytes ?? SARIF_BUDGET_BYTES));
}

/**
 * A multi-image step's SARIF file (issue 23): one run per image, each its image's log at the most
 * detail that fits an even share of the cap, each with its own category
 * (`automationDetails.id`), which code scanning needs to tell runs of one tool apart.
 */
export function stepSarifChunks(
  images: ReadonlyArray<{ name: string; report: Report; options: SarifOptions }>,
  maxBytes = SARIF_BUDGET_BYTES,
): Iterable<string> {
  const share = Math.floor(maxBytes / Math.max(1, images.length));
  const runs = images.flatMap(({ name, report, options }) =>
    fittingLog(report, options, share).runs.map((run) => ({ ...run, automationDetails: { id: `${SARIF_TOOL_NAME}/${name}/` } })),
  );
  return logText({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs });
}

/** The log at the most detail whose text fits `maxBytes`. */
function fittingLog(report: Report, options: SarifOptions, maxBytes: number): StreamedLog {
  // Worst first (a stable sort: the report's own order within a severity).
  const results = report.findings.filter((f) => !f.ignored).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const at = (detail: Detail) => sarifLog(report, results, options, detail);
  for (const description of [1000, 200, 0]) {
    const log = at({ description, results: results.length });
    if (fitsIn(logText(log), maxBytes)) return log;
  }
  // Still too big: keep the worst results.
  for (let kept = Math.floor(results.length / 2); ; kept = Math.floor(kept / 2)) {
    const log = at({ description: 0, results: kept });
    if (kept === 0 || fitsIn(logText(log), maxBytes)) return log;
  }
}

/** Compact JSON and a final line break, as pieces; rendered anew each time it is read. */
function logText(log: StreamedLog): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      yield* jsonChunks(log);
      yield '\n';
    },
  };
}

/** Whether the pieces come to at most `maxBytes` of UTF-8; stops reading once over. */
function fitsIn(pieces: Iterable<string>, maxBytes: number): boolean {
  let bytes = 0;
  for (const piece of pieces) {
    bytes += Buffer.byteLength(piece, 'utf8');
    if (bytes > maxBytes) return false;
  }
  return true;
}

/** The log for the first `detail.results` of `findings` (worst first), rendered as it is read. */
function sarifLog(report: Report, findings: EvaluatedFinding[], options: SarifOptions, detail: Detail): StreamedLog {
  const kept = Math.min(detail.results, findings.length);
  const { ruleOf, worst } = rulesOf(findings, kept);
  const location: Sarif.Location[] = [
    { physicalLocation: { artifactLocation: { uri: artifactUri(options.dockerfile) }, region: { startLine: 1 } } },
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: streamedArray(function* () {
              for (const f of worst) yield rule(f, detail);
            }),
          },
        },
        results: streamedArray(function* () {
          for (let i = 0; i < kept; i += 1) yield result(findings[i], ruleOf[i], location);
        }),
        properties: {
          image: report.image,
          digest: report.digest,
          verdict: report.verdict,
          ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
        },
      },
    ],
  };
}

/**
 * One rule per vulnerability ID, in the order of its first result: each result's rule index, and
 * each rule's worst finding. Plain arrays rather than a map of objects: they are held while the
 * file is measured and written.
 */
function rulesOf(findings: EvaluatedFinding[], count: number): { ruleOf: Int32Array; worst: EvaluatedFinding[] } {
  const index = new Map<string, number>();
  const ruleOf = new Int32Array(count);
  const worst: EvaluatedFinding[] = [];
  for (let i = 0; i < count; i += 1) {
    const f = findings[i];
    const known = index.get(f.id);
    if (known === undefined) {
      index.set(f.id, worst.length);
      ruleOf[i] = worst.length;
      worst.push(f);
    } else {
      ruleOf[i] = known;
      if (worse(f, worst[known])) worst[known] = f;
    }
  }
  return { ruleOf, worst };
}

function result(f: EvaluatedFinding, ruleIndex: number, locations: Sarif.Location[]): Sarif.Result {
  return {
    ruleId: f.id,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: message(f) },
    locations,
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
      'security-severity': securitySeverity(f),
      ...(f.cvss?.vector ? { cvssVector: f.cvss.vector } : {}),
      ...(f.epss !== undefined ? { epss: f.epss } : {}),
      ...(f.exploitAvailable ? { exploitAvailable: f.exploitAvailable } : {}),
      ...(f.heldBack ? { heldBack: f.heldBack } : {}),
    },
  };
}

function worse(a: EvaluatedFinding, b: EvaluatedFinding): boolean {
  const rank = severityRank(a.severity) - severityRank(b.severity);
  return rank > 0 || (rank === 0 && (a.score ?? -1) > (b.score ?? -1));
}

function rule(f: EvaluatedFinding, detail: Detail): Sarif.ReportingDescriptor {
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
