// The JSON report file (the `report` output): everything the step decided, with every finding.
// Pure. Objects are built key by key in a fixed order, so the file is stable (diffable, golden-
// tested) whatever order the model's fields were set in; absent values are left out. The lists
// of findings are made one finding at a time as the text is read (jsonReportChunks), so a report
// of 10,000 findings is written without holding its megabytes of text.
import type { EvaluatedFinding, ExpiredIgnore, Ignored } from '../gate/evaluated.js';
import type { RuleFinding } from '../gate/rules/types.js';
import type { Finding } from '../shared/finding.js';
import { SEVERITIES, type SeverityCounts } from '../shared/severity.js';
import { jsonChunks, streamedArray } from './json-chunks.js';
import type { PlatformReport, Report, ReportKeySignatures, ReportPolicy, ReportSignatures, StepReport } from './model.js';

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
export const JSON_REPORT_VERSION = 1;

export function renderJsonReport(report: Report): string {
  return Array.from(jsonReportChunks(report)).join('');
}

/**
 * The step's report file as pieces of text: one image's report as it always was (`one`), or the
 * step's verdict, then each image's report by name (`several`).
 */
export function* stepJsonChunks(step: StepReport): Generator<string> {
  if (step.layout === 'one' && step.images.length === 1) {
    yield* jsonReportChunks(step.images[0]!.report);
    return;
  }
  yield* jsonChunks(
    {
      version: JSON_REPORT_VERSION,
      verdict: step.verdict,
      fails: step.fails,
      reason: step.reason,
      images: Object.fromEntries(step.images.map(({ name, report }) => [name, toJsonReport(report)])),
    },
    2,
  );
  yield '\n';
}

/** One image's report file as pieces of text, in order: joined, renderJsonReport's text. */
export function* jsonReportChunks(report: Report): Generator<string> {
  yield* jsonChunks(toJsonReport(report), 2);
  yield '\n';
}

/** The report as a value; its lists of findings are streamed arrays (JSON.stringify takes them as arrays). */
export function toJsonReport(report: Report): Record<string, unknown> {
  const comparison = report.comparison;
  return {
    version: JSON_REPORT_VERSION,
    generatedAt: report.generatedAt,
    image: report.image,
    digest: report.digest,
    imageUri: report.imageUri,
    commit: report.commit,
    build: report.build,
    tags: [...report.tags],
    heldBack: report.heldBack.map((h) => ({ tag: h.tag, reason: h.reason })),
    attestations: report.attestations && {
      storage: report.attestations.storage,
      list: report.attestations.list.map((a) => ({ kind: a.kind, platform: a.platform, digest: a.digest, predicateType: a.predicateType })),
      missing: [...report.attestations.missing],
    },
    policy: report.policy && policy(report.policy),
    signatures: report.signatures && signatures(report.signatures),
    keySignatures: report.keySignatures && keySignatures(report.keySignatures),
    scan: {
      status: report.scan.status,
      scanType: report.scan.scanType,
      platforms: report.scan.platforms.map(platform),
    },
    gate: {
      threshold: report.gate.threshold,
      mode: report.gate.mode,
      onIncomplete: report.gate.onIncomplete,
      ignoreUnfixed: report.gate.ignoreUnfixed,
      epssThreshold: report.gate.epssThreshold,
      failOnExploitable: report.gate.failOnExploitable,
    },
    riskNotes: report.riskNotes,
    verdict: report.verdict,
    reason: report.reason,
    fails: report.fails,
    counts: counts(report.counts),
    ignored: report.ignoredCount,
    exploitable: report.exploitableCount,
    findings: streamedArray(() => mapped(report.findings, evaluatedFinding)),
    expiredIgnores: report.expiredIgnores.map(expiredIgnore),
    comparison: comparison && {
      available: comparison.available,
      baseSha: comparison.baseSha,
      baseDigest: comparison.baseDigest,
      note: comparison.note,
      new: comparison.newCount,
      fixedCount: comparison.fixed.length,
      fixed: streamedArray(() => mapped(comparison.fixed, finding)),
    },
    runUrl: report.runUrl,
  };
}

function* mapped<T, U>(items: readonly T[], f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** Where the rules came from, whether one failed, and every rule (off ones too), in the order the reports list them. */
function policy(p: ReportPolicy): Record<string, unknown> {
  return {
    source: { file: p.source.file, inline: p.source.inline },
    fails: p.fails,
    rules: Object.fromEntries(
      p.results.map((r) => [r.rule, { level: r.level, verdict: r.verdict, reason: r.reason, findings: r.findings.map(ruleFinding) }]),
    ),
  };
}

/** ECR's managed signatures: the profiles, how the wait ended, and every digest pushed with its statuses (none: ECR does not sign it). */
function signatures(s: ReportSignatures): Record<string, unknown> {
  return {
    kind: s.kind,
    profiles: [...s.profiles],
    outcome: s.outcome,
    problem: s.problem,
    digests: s.digests.map((d) => ({
      digest: d.digest,
      statuses: d.statuses.map((status) => ({
        signingProfileArn: status.signingProfileArn,
        status: status.status,
        failureCode: status.failureCode,
        failureReason: status.failureReason,
      })),
    })),
  };
}

/** The signatures by a key: the key as named and its ARN, how signing ended, and every signature with the referrer that carries it. */
function keySignatures(s: ReportKeySignatures): Record<string, unknown> {
  return {
    kind: s.kind,
    name: s.name,
    key: s.key,
    outcome: s.outcome,
    problem: s.problem,
    signatures: s.list.map((k) => ({
      digest: k.digest,
      what: k.what,
      platform: k.platform,
      predicateType: k.predicateType,
      referrer: k.referrer,
      reused: k.reused,
    })),
  };
}

function ruleFinding(f: RuleFinding): Record<string, unknown> {
  return { message: f.message, id: f.id, platform: f.platform, file: f.file, line: f.line, endLine: f.endLine, url: f.url };
}

function platform(p: PlatformReport): Record<string, unknown> {
  return {
    platform: p.platform,
    digest: p.digest,
    status: p.status,
    description: p.description,
    counts: counts(p.counts),
    ignored: p.ignored,
  };
}

function counts(c: SeverityCounts): Record<string, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, c[s]]));
}

function finding(f: Finding): Record<string, unknown> {
  return {
    id: f.id,
    severity: f.severity,
    package: f.package,
    version: f.version,
    fixedIn: f.fixedIn,
    fixAvailable: f.fixAvailable,
    exploitAvailable: f.exploitAvailable,
    lastKnownExploitAt: f.lastKnownExploitAt,
    epss: f.epss,
    score: f.score,
    scoreVector: f.scoreVector,
    cvss: f.cvss && { baseScore: f.cvss.baseScore, vector: f.cvss.vector, version: f.cvss.version, source: f.cvss.source },
    title: f.title,
    description: f.description,
    uri: f.uri,
    platform: f.platform,
  };
}

/** The OpenVEX statement that suppressed a finding: its file, position, @ids and status. */
function vexStatement(v: NonNullable<Ignored['vex']>): Record<string, unknown> {
  return { file: v.file, statement: v.statement, id: v.id, document: v.document, status: v.status };
}

function evaluatedFinding(f: EvaluatedFinding): Record<string, unknown> {
  // finding(f)'s object with the verdict's fields added, in this order: not finding(f) spread
  // into another literal, which for 10,000 findings cost several times what JSON.stringify does.
  const out = finding(f);
  out.ignored = f.ignored && {
    by: f.ignored.by,
    reason: f.ignored.reason,
    expires: f.ignored.expires,
    vex: f.ignored.vex && vexStatement(f.ignored.vex),
  };
  out.comparison = f.comparison;
  out.blocking = f.blocking;
  out.blockedBy = f.blockedBy;
  out.heldBack = f.heldBack;
  return out;
}

function expiredIgnore(e: ExpiredIgnore): Record<string, unknown> {
  return { id: e.id, reason: e.reason, expires: e.expires, matched: e.matched };
}
