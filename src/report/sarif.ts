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
//
// The policy's rules at warn or fail are results too: a build check at its Dockerfile line
// (`build-check/<CheckName>`, its documentation as helpUri), any other rule's finding on the
// image's Dockerfile (`policy/<rule>`); `error` for a rule at fail, `warning` for one at warn.
import { hash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { EvaluatedFinding } from '../gate/evaluated.js';
import type { RuleFinding, RuleName, RuleResult } from '../gate/rules/types.js';
import { severityRank, type Severity } from '../shared/severity.js';
import { cleanText, safeUrl, shorten } from './escape.js';
import { jsonChunks, streamedArray, type StreamedArray } from './json-chunks.js';
import type { Report, StepReport } from './model.js';

export const SARIF_TOOL_NAME = 'ecr-build-scan-push';
export const DEFAULT_INFORMATION_URI = 'https://github.com/marketplace/actions/ecr-build-scan-push';
/** Under code scanning's 10 MB upload limit, with room to spare. */
export const SARIF_BUDGET_BYTES = 9_000_000;
const FINGERPRINT_KEY = 'ecrFinding/v1';
const POLICY_FINGERPRINT_KEY = 'ecrPolicy/v1';
/** The policy's results a run holds at most (a build with thousands of build-check hits is still a file code scanning takes). */
export const MAX_POLICY_RESULTS_PER_RUN = 1_000;

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

/**
 * Stable across runs for the same vulnerability in the same package on the same platform (and,
 * in a run of several images, of the same image).
 */
export function fingerprint(finding: Pick<EvaluatedFinding, 'id' | 'package' | 'platform'>, image?: string): string {
  const key = [finding.id, finding.package ?? '', finding.platform, ...(image !== undefined ? [image] : [])];
  // One-shot: no Hash object (and its native state) per result, for 10,000 results at a time.
  return hash('sha256', JSON.stringify(key), 'hex');
}

/**
 * A SARIF run (@types/sarif) whose long arrays, the rules and the results, are streamed: its
 * JSON is a Sarif.Run's.
 */
type StreamedRun = Omit<Sarif.Run, 'tool' | 'results'> & {
  tool: { driver: Omit<Sarif.ToolComponent, 'rules'> & { rules: StreamedArray<Sarif.ReportingDescriptor> } };
  results: StreamedArray<Sarif.Result>;
};

interface Detail {
  /** Characters of description kept in a rule's fullDescription; 0 leaves it out. */
  description: number;
  /** Results kept (worst first). */
  results: number;
  /** The policy's results kept (all of them, up to MAX_POLICY_RESULTS_PER_RUN, until the last rendering). */
  policy: boolean;
}

/**
 * Code scanning's hard limits on one upload (docs.github.com, "SARIF results exceed limit"):
 * at most 20 runs per file and 25,000 results per run; a file over either is rejected whole.
 * upload-sarif given a directory combines its files into one upload first (codeql-action,
 * src/upload-lib.ts, combineSarifFilesUsingCLI), so a directory of 21 one-run files fails too.
 */
export const MAX_RUNS_PER_FILE = 20;
export const MAX_RESULTS_PER_RUN = 25_000;

/** What one run reports: an image's findings (its name, in a step of several), located in its Dockerfile. */
interface RunSource {
  name?: string;
  report: Report;
  /** The Dockerfile, relative to the repository root. */
  dockerfile: string;
}

/** A finding of a run, with the source (image) it came from. */
interface RunFinding {
  finding: EvaluatedFinding;
  source: number;
}

/** A finding of a policy rule at warn or fail, with the source (image) it came from. */
interface PolicyFinding {
  rule: RuleResult;
  finding: RuleFinding;
  /** `build-check/<CheckName>` for a build check, `policy/<rule>` for the others. */
  ruleId: string;
  source: number;
}

export function renderSarif(report: Report, options: SarifOptions): string {
  return Array.from(sarifChunks(report, options)).join('');
}

/**
 * A SARIF file to write: its runs, each with the bytes it may take and its renderings, from the
 * most detail to the least (descriptions shortened, then dropped, then the least severe results
 * left out). The writer (src/report/files.ts writeSarifFile) writes each run at the first
 * rendering that fits, checking as it writes, so a run is rendered once and never held whole:
 * 10,000 results are megabytes of text.
 */
export interface SarifFile {
  start: string;
  runs: SarifRunPlan[];
  /** Between two runs. */
  separator: string;
  end: string;
}

export interface SarifRunPlan {
  /** Bytes of UTF-8 the run may take in the file. */
  maxBytes: number;
  /** Its text at each level of detail, most first; each rendered only when read. The last always fits. */
  renderings: Iterable<Iterable<string>>;
}

/** One image's SARIF file: one run. */
export function sarifFile(report: Report, options: SarifOptions): SarifFile {
  const maxBytes = options.maxBytes ?? SARIF_BUDGET_BYTES;
  return fileOf([runPlan([{ report, dockerfile: options.dockerfile }], options, maxBytes - WRAPPER_BYTES)]);
}

export interface StepSarifOptions extends Omit<SarifOptions, 'dockerfile'> {
  /** Each image's Dockerfile, relative to the repository root, by image name. */
  dockerfileOf(name: string): string;
}

/**
 * The step's SARIF file, always within code scanning's limits. One image (`one`): one run, as it
 * always was. Several, up to 20: a run per image, each its image's findings at the most detail
 * that fits an even share of the cap, each with its own category (`automationDetails.id`), which
 * code scanning needs to tell runs of one tool apart. More than 20: one run for all of them (a
 * run per image would be rejected), each result naming its image, located in its Dockerfile and
 * fingerprinted with its name; worst first across the images, at most 25,000.
 */
export function stepSarifFile(step: StepReport, options: StepSarifOptions): SarifFile {
  const maxBytes = options.maxBytes ?? SARIF_BUDGET_BYTES;
  const sources = step.images.map(({ name, report }) => ({ name, report, dockerfile: options.dockerfileOf(name) }));
  if (step.layout === 'one' && sources.length === 1) {
    return fileOf([runPlan([{ ...sources[0]!, name: undefined }], options, maxBytes - WRAPPER_BYTES)]);
  }
  if (sources.length <= MAX_RUNS_PER_FILE) {
    const share = Math.floor(maxBytes / Math.max(1, sources.length)) - WRAPPER_BYTES;
    return fileOf(sources.map((source) => runPlan([source], options, share, `${SARIF_TOOL_NAME}/${source.name}/`)));
  }
  return fileOf([runPlan(sources, options, maxBytes - WRAPPER_BYTES, `${SARIF_TOOL_NAME}/images/`)]);
}

/** The file's text in memory, each run at its first rendering that fits (tests, renderSarif). */
export function sarifChunks(report: Report, options: SarifOptions): Iterable<string> {
  return fileText(sarifFile(report, options));
}

/** The step's SARIF file's text in memory (tests); the action writes it with writeSarifFile. */
export function stepSarifChunks(step: StepReport, options: StepSarifOptions): Iterable<string> {
  return fileText(stepSarifFile(step, options));
}

const LOG_START = '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[';
const LOG_END = ']}\n';
/** What a log of one run adds around it: a run's share of the cap is measured as a log of its own. */
const WRAPPER_BYTES = Buffer.byteLength(LOG_START + LOG_END, 'utf8');

function fileOf(runs: SarifRunPlan[]): SarifFile {
  return { start: LOG_START, runs, separator: ',', end: LOG_END };
}

/** The text of a SARIF file (compact JSON, as JSON.stringify writes it, and a line break), in memory. */
function fileText(file: SarifFile): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      yield file.start;
      let first = true;
      for (const run of file.runs) {
        if (!first) yield file.separator;
        first = false;
        let last: string[] = [];
        for (const rendering of run.renderings) {
          const pieces = fitted(rendering, run.maxBytes);
          if (pieces) {
            last = pieces;
            break;
          }
          last = Array.from(rendering);
        }
        yield* last;
      }
      yield file.end;
    },
  };
}

/** A run's plan: its findings worst first (at most MAX_RESULTS_PER_RUN), and its renderings. */
function runPlan(sources: RunSource[], options: Omit<SarifOptions, 'dockerfile'>, maxBytes: number, category?: string): SarifRunPlan {
  // Worst first (a stable sort: each report's own order within a severity, the images in order).
  const findings = sources
    .flatMap((source, i) => source.report.findings.filter((f) => !f.ignored).map((finding): RunFinding => ({ finding, source: i })))
    .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity));
  const { policy, total: policyTotal } = policyFindings(sources);
  const limit = Math.min(findings.length, MAX_RESULTS_PER_RUN - policy.length);
  const at = (detail: Detail) => ({
    [Symbol.iterator]: () => jsonChunks(sarifRun(sources, findings, { all: policy, total: policyTotal }, options, detail, category)),
  });
  return {
    maxBytes,
    renderings: {
      *[Symbol.iterator]() {
        for (const description of [1000, 200, 0]) yield at({ description, results: limit, policy: true });
        // Still too big: keep the worst results (the policy's, a few, stay to the last).
        for (let kept = Math.floor(limit / 2); kept > 0; kept = Math.floor(kept / 2))
          yield at({ description: 0, results: kept, policy: true });
        if (policy.length > 0) yield at({ description: 0, results: 0, policy: true });
        yield at({ description: 0, results: 0, policy: false });
      },
    },
  };
}

/** The pieces, when they come to at most `maxBytes` of UTF-8; undefined (and no more read) once over. */
function fitted(pieces: Iterable<string>, maxBytes: number): string[] | undefined {
  const kept: string[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    bytes += Buffer.byteLength(piece, 'utf8');
    if (bytes > maxBytes) return undefined;
    kept.push(piece);
  }
  return kept;
}

/** The run for the first `detail.results` of `findings` (worst first), rendered as it is read. */
function sarifRun(
  sources: RunSource[],
  findings: RunFinding[],
  policyFound: { all: PolicyFinding[]; total: number },
  options: Omit<SarifOptions, 'dockerfile'>,
  detail: Detail,
  category: string | undefined,
): StreamedRun {
  const kept = Math.min(detail.results, findings.length);
  const { ruleOf, worst } = rulesOf(findings, kept);
  const policy = detail.policy ? policyFound.all : [];
  const policyLeftOut = policyFound.total - policy.length;
  const policyRules = policyRulesOf(policy, worst.length);
  const locations = sources.map((source): Sarif.Location[] => [
    { physicalLocation: { artifactLocation: { uri: artifactUri(source.dockerfile) }, region: { startLine: 1 } } },
  ]);
  // A run of several images names each result's image; a run of one image is that image's.
  const several = sources.length > 1;
  const first = sources[0]!.report;
  return {
    tool: {
      driver: {
        name: SARIF_TOOL_NAME,
        informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
        rules: streamedArray(function* () {
          for (const f of worst) yield rule(f, detail);
          yield* policyRules.rules;
        }),
      },
    },
    results: streamedArray(function* () {
      for (let i = 0; i < kept; i += 1) {
        const { finding, source } = findings[i]!;
        yield result(finding, ruleOf[i]!, locations[source]!, several ? sources[source]!.name : undefined);
      }
      for (const f of policy) {
        yield policyResult(f, policyRules.index.get(f.ruleId)!, locations[f.source]!, several ? sources[f.source]!.name : undefined);
      }
    }),
    ...(category ? { automationDetails: { id: category } } : {}),
    properties: several
      ? {
          images: Object.fromEntries(
            sources.map((s) => [s.name, { image: s.report.image, digest: s.report.digest, verdict: s.report.verdict }]),
          ),
          ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
          ...(policyLeftOut > 0 ? { policyResultsLeftOut: policyLeftOut } : {}),
        }
      : {
          image: first.image,
          digest: first.digest,
          verdict: first.verdict,
          ...(kept < findings.length ? { resultsLeftOut: findings.length - kept } : {}),
          ...(policyLeftOut > 0 ? { policyResultsLeftOut: policyLeftOut } : {}),
        },
  };
}

/** What each policy rule checks, as its SARIF rule describes it. */
const POLICY_RULE_TEXT: Record<RuleName, string> = {
  'non-root': "The image's default user is not root",
  healthcheck: 'The image config has a health check',
  'base-images': 'Base images are allowed (and pinned by digest when asked), never named latest',
  'base-fresh': 'Each base image is still what its tag names',
  'max-size': 'Each platform image is within the size budget',
  licenses: 'No package is under a denied licence',
  attestations: 'An SBOM and provenance are beside each platform image',
  'build-checks': "BuildKit's build checks found nothing",
};

/**
 * The findings of the sources' policy rules at warn or fail, images in order, rules in the
 * reports' order: the first MAX_POLICY_RESULTS_PER_RUN, and how many there are in all.
 */
function policyFindings(sources: RunSource[]): { policy: PolicyFinding[]; total: number } {
  const policy: PolicyFinding[] = [];
  let total = 0;
  sources.forEach((source, i) => {
    for (const rule of source.report.policy?.results ?? []) {
      if (rule.verdict !== 'warn' && rule.verdict !== 'fail') continue;
      for (const finding of rule.findings) {
        total += 1;
        if (policy.length < MAX_POLICY_RESULTS_PER_RUN) policy.push({ rule, finding, ruleId: policyRuleId(rule, finding), source: i });
      }
    }
  });
  return { policy, total };
}

function policyRuleId(rule: RuleResult, finding: RuleFinding): string {
  // A check's name is BuildKit's (e.g. JSONArgsRecommended); kept to what a rule id reads as.
  const check = finding.id?.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 100);
  return rule.rule === 'build-checks' && check ? `build-check/${check}` : `policy/${rule.rule}`;
}

/** The policy's rules, in the order of their first result, indexed after the vulnerabilities' `offset` rules. */
function policyRulesOf(policy: PolicyFinding[], offset: number): { rules: Sarif.ReportingDescriptor[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const rules: Sarif.ReportingDescriptor[] = [];
  for (const { rule, finding, ruleId } of policy) {
    if (index.has(ruleId)) continue;
    index.set(ruleId, offset + rules.length);
    const check = ruleId.startsWith('build-check/') ? ruleId.slice('build-check/'.length) : undefined;
    const helpUri = check ? safeUrl(finding.url) : undefined;
    rules.push({
      id: ruleId,
      shortDescription: { text: check ? `BuildKit build check ${check}` : POLICY_RULE_TEXT[rule.rule] },
      ...(helpUri ? { helpUri } : {}),
      properties: { tags: check ? ['policy', 'build-check', 'dockerfile'] : ['policy', 'container-image'] },
    });
  }
  return { rules, index };
}

/** A policy finding: at its Dockerfile line when it has one (a build check), else on the image's Dockerfile. */
function policyResult(f: PolicyFinding, ruleIndex: number, imageLocations: Sarif.Location[], image?: string): Sarif.Result {
  const { rule, finding } = f;
  const line = finding.line !== undefined && finding.line > 0 ? Math.floor(finding.line) : undefined;
  const locations: Sarif.Location[] = finding.file
    ? [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(finding.file) },
            region: {
              startLine: line ?? 1,
              ...(line && finding.endLine !== undefined && finding.endLine > line ? { endLine: Math.floor(finding.endLine) } : {}),
            },
          },
        },
      ]
    : imageLocations;
  const text = `${rule.rule} (${rule.level})${finding.platform ? ` on ${finding.platform}` : ''}: ${finding.message}`;
  // The place is left out of the key, so an alert follows a check whose line moved.
  const what = finding.message.replace(/ \([^()]*:\d+\)$/, '');
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: rule.level === 'fail' ? 'error' : 'warning',
    message: { text: sarifText(image === undefined ? text : `${image}: ${text}`, 1000) },
    locations,
    partialFingerprints: {
      [POLICY_FINGERPRINT_KEY]: hash(
        'sha256',
        JSON.stringify([f.ruleId, finding.platform ?? '', finding.file ?? '', what, ...(image !== undefined ? [image] : [])]),
        'hex',
      ),
    },
    properties: {
      ...(image !== undefined ? { image } : {}),
      policyRule: rule.rule,
      level: rule.level,
      ...(finding.platform ? { platform: finding.platform } : {}),
      ...(finding.id ? { id: finding.id } : {}),
    },
  };
}

/**
 * One rule per vulnerability ID, in the order of its first result: each result's rule index, and
 * each rule's worst finding. Plain arrays rather than a map of objects: they are held while the
 * file is measured and written.
 */
function rulesOf(findings: RunFinding[], count: number): { ruleOf: Int32Array; worst: EvaluatedFinding[] } {
  const index = new Map<string, number>();
  const ruleOf = new Int32Array(count);
  const worst: EvaluatedFinding[] = [];
  for (let i = 0; i < count; i += 1) {
    const f = findings[i]!.finding;
    const known = index.get(f.id);
    if (known === undefined) {
      index.set(f.id, worst.length);
      ruleOf[i] = worst.length;
      worst.push(f);
    } else {
      ruleOf[i] = known;
      if (worse(f, worst[known]!)) worst[known] = f;
    }
  }
  return { ruleOf, worst };
}

/** `image`: the result's image, in a run of several images (its message and fingerprint name it). */
function result(f: EvaluatedFinding, ruleIndex: number, locations: Sarif.Location[], image?: string): Sarif.Result {
  return {
    ruleId: f.id,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: image === undefined ? message(f) : sarifText(`${image}: ${message(f)}`, 1000) },
    locations,
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f, image) },
    properties: {
      ...(image !== undefined ? { image } : {}),
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
  const text = shorten(cleanText(value), max);
  return /[\\[\]]/.test(text) ? text.replace(/[\\[\]]/g, (c) => `\\${c}`) : text;
}

/** Repository-relative, forward slashes, no leading `./`. */
export function artifactUri(dockerfile: string): string {
  return dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '') || 'Dockerfile';
}
