// Pure: what the job summary and the PR comment show of a step's report, decided once: for a
// step of several images, which images are folded and how many finding rows each may show; for
// each image, which tables, in which order, which are folded, how many rows each shows within
// the row budget and how many it leaves out; which of its policy's rules are shown open, which
// folded, with how many findings; and how its signatures ended (ECR's managed ones, and those by
// a key), with which rows. The renderers (summary.ts, comment-body.ts) only format this view.
import type { Ignored } from '../gate/evaluated.js';
import type { RuleFinding, RuleResult, RuleVerdict } from '../gate/rules/types.js';
import type { Finding } from '../shared/finding.js';
import type { ImageReport, KeySignature, Report, ReportKeySignatures, ReportPolicy, ReportSignatures, StepReport } from './model.js';

/** Where the view is shown: the summary has room for everything; the comment is compact. */
export type Audience = 'summary' | 'comment';

/** A finding as a table shows it: from this image (maybe ignored) or from the base (fixed). */
export type ShownFinding = Finding & { ignored?: Ignored };

/** Findings that read as one row: the same vulnerability in the same package on several platforms. */
export interface FindingRow<F extends Finding = ShownFinding> {
  finding: F;
  platforms: string[];
}

export interface ViewSection {
  /** Our own words (it also goes into `<summary>`, raw HTML): never text from a finding. */
  title: string;
  /** Which columns: a finding's, or an ignored finding's (who ignored it, why, until when). */
  columns: 'finding' | 'ignored';
  /** Rows the whole table has (the title gives the number). */
  count: number;
  /** The rows shown, at most what the row budget had left. */
  shown: FindingRow[];
  /** Rows not shown (count − shown). */
  leftOut: number;
  /** Folded into `<details>`. */
  folded: boolean;
  /** Enhanced findings: the finding columns include EPSS and a known-exploit mark. */
  risk: boolean;
}

/**
 * The tables of the report, in order, each with the rows it shows: `maxRows` rows in all,
 * given to the tables in order. Empty tables are not in the view.
 */
export function viewSections(report: Report, audience: Audience, maxRows: number): ViewSection[] {
  let remaining = Math.max(0, maxRows);
  const view: ViewSection[] = [];
  // Enhanced findings say exploitAvailable (and EPSS, from Amazon Inspector); basic ones say neither.
  const risk = report.findings.some((f) => f.epss !== undefined || f.exploitAvailable !== undefined);
  for (const table of tables(report, audience)) {
    if (table.rows.length === 0) continue;
    const { shown, leftOut } = take(table.rows, remaining);
    remaining -= shown.length;
    view.push({ title: table.title, columns: table.columns, count: table.rows.length, shown, leftOut, folded: table.folded, risk });
  }
  return view;
}

interface Table {
  title: string;
  columns: ViewSection['columns'];
  rows: FindingRow[];
  folded: boolean;
}

function tables(report: Report, audience: Audience): Table[] {
  const findings = report.findings;
  const table = (title: string, list: readonly ShownFinding[], folded: boolean): Table => ({
    title,
    columns: 'finding',
    rows: groupFindings(list),
    folded,
  });
  // The summary lists the ignored findings too; the comment leaves them to the summary.
  const ignored: Table[] =
    audience === 'summary'
      ? [
          {
            title: 'Ignored findings',
            columns: 'ignored',
            rows: groupFindings(
              findings.filter((f) => f.ignored),
              (f) => f.ignored,
            ),
            folded: true,
          },
        ]
      : [];

  if (report.comparison?.available) {
    return [
      table('New findings', newFindings(report), false),
      table(
        'Failing the gate, already in the base image',
        findings.filter((f) => f.blocking && f.comparison !== 'new'),
        false,
      ),
      table('Fixed since the base image', report.comparison.fixed, true),
      table(
        audience === 'summary' ? 'Other findings, already in the base image' : 'Other findings',
        findings.filter((f) => !f.blocking && !f.ignored && f.comparison !== 'new'),
        true,
      ),
      ...ignored,
    ];
  }
  const blocking = findings.filter((f) => f.blocking);
  // At or above the severity but under epss-threshold: listed as such, never hidden among the others.
  const heldBack = findings.filter((f) => f.heldBack === 'epss');
  const others = findings.filter((f) => !f.blocking && !f.ignored && f.heldBack === undefined);
  // Whatever did not decide the gate, folded away when something did; a passing PR's comment
  // still shows what it carries, folded.
  const othersOpen = audience === 'summary' && blocking.length === 0;
  return [
    table('Findings that failed the gate', blocking, false),
    table('Held back by the EPSS threshold', heldBack, false),
    table(othersOpen ? 'Findings' : 'Other findings', others, !othersOpen),
    ...ignored,
  ];
}

export function groupFindings<F extends Finding>(
  findings: readonly F[],
  ignoredOf: (f: F) => Ignored | undefined = () => undefined,
): FindingRow<F>[] {
  const rows = new Map<string, FindingRow<F>>();
  for (const finding of findings) {
    const ignored = ignoredOf(finding);
    // Fields joined by a separator no field holds (text from ECR is one line, cleaned of controls
    // where shown); an absent field is marked apart from an empty one.
    const key = [finding.id, finding.package, finding.version, finding.fixedIn, finding.severity, ignored?.by, ignored?.reason]
      .map((field) => (field === undefined ? '\u0001' : `\u0002${field}`))
      .join('\u0000');
    const row = rows.get(key);
    if (row) {
      if (!row.platforms.includes(finding.platform)) row.platforms.push(finding.platform);
    } else {
      rows.set(key, { finding, platforms: [finding.platform] });
    }
  }
  return [...rows.values()];
}

/** The first `limit` rows, and how many were left out. */
export function take<T>(rows: readonly T[], limit: number): { shown: T[]; leftOut: number } {
  const shown = rows.slice(0, Math.max(0, limit));
  return { shown, leftOut: rows.length - shown.length };
}

/** Findings new against the base image that are not ignored. */
export function newFindings(report: Report): Report['findings'] {
  return report.findings.filter((f) => f.comparison === 'new' && !f.ignored);
}

/** One image's section in the report of a step of several images. */
export interface ImageSection extends ImageReport {
  /** Finding rows this image's section may show. */
  rows: number;
  /** Folded into `<details>`: nothing in it needs a look. */
  folded: boolean;
}

/** The images of a step of several, each with its share of `maxRows` finding rows, the clean ones folded. */
export function imageSections(step: Pick<StepReport, 'images'>, maxRows: number): ImageSection[] {
  const rows = shareRows(step.images, maxRows);
  return step.images.map((image, i) => ({ ...image, rows: rows[i]!, folded: isClean(image.report) }));
}

/** An image is shown folded when nothing in it needs a look: it passed (or was skipped) with no finding. */
export function isClean(report: Report): boolean {
  return (report.verdict === 'passed' || report.verdict === 'skipped') && report.findings.every((f) => f.ignored !== undefined);
}

/** `total` rows shared out: the images that are not clean first, in order, then the others. */
export function shareRows(images: readonly ImageReport[], total: number): number[] {
  const order = images.map((image, i) => ({ i, first: !isClean(image.report) })).sort((a, b) => Number(b.first) - Number(a.first));
  const rows = images.map(() => 0);
  const each = Math.floor(Math.max(0, total) / Math.max(1, images.length));
  let left = Math.max(0, total);
  for (const { i } of order) {
    rows[i] = Math.min(each, left);
    left -= rows[i]!;
  }
  // What an even share leaves over goes to the first images in that order.
  for (const { i } of order) {
    if (left <= 0) break;
    rows[i]! += 1;
    left -= 1;
  }
  return rows;
}

/** Findings listed under a rule, at most (the comment is compact; the JSON report has them all). */
export const POLICY_FINDINGS: Record<Audience, number> = { summary: 10, comment: 5 };

/** A rule that did not pass, and the findings listed under it. */
export interface PolicyRuleView {
  result: RuleResult;
  /** Listed under the rule when it has several (one is said by its reason); at most the audience's number. */
  shown: RuleFinding[];
  leftOut: number;
}

/** The policy's section of an image: what did not pass first, what passed folded. */
export interface PolicyView {
  source: ReportPolicy['source'];
  /** Rules that did not pass: failed, then warned, then without data; each group in RULE_NAMES order. */
  open: PolicyRuleView[];
  /** Rules that passed (folded away). */
  passed: RuleResult[];
  fails: boolean;
}

const OPEN_ORDER: Partial<Record<RuleVerdict, number>> = { fail: 0, warn: 1, 'no-data': 2 };

/**
 * The policy as the summary or the comment shows it; undefined when there is none (nothing was
 * pushed) or every rule is off. `maxFindings` is what the fit loop allows each rule at most,
 * within the audience's own bound.
 */
export function policyView(report: Report, audience: Audience, maxFindings: number = POLICY_FINDINGS[audience]): PolicyView | undefined {
  const policy = report.policy;
  if (!policy) return undefined;
  const on = policy.results.filter((result) => result.verdict !== 'off');
  if (on.length === 0) return undefined;
  const limit = Math.max(0, Math.min(POLICY_FINDINGS[audience], maxFindings));
  const open = on
    .filter((result) => result.verdict !== 'pass')
    .map((result, i) => ({ result, i }))
    .sort((a, b) => OPEN_ORDER[a.result.verdict]! - OPEN_ORDER[b.result.verdict]! || a.i - b.i)
    .map(({ result }): PolicyRuleView => {
      const { shown, leftOut } = result.findings.length > 1 ? take(result.findings, limit) : { shown: [], leftOut: 0 };
      return { result, shown, leftOut };
    });
  return { source: policy.source, open, passed: on.filter((result) => result.verdict === 'pass'), fails: policy.fails };
}

/** How many rules that are on ended each way, for one image. */
export function policyTally(report: Report): Record<Exclude<RuleVerdict, 'off'>, number> | undefined {
  const on = report.policy?.results.filter((result) => result.verdict !== 'off') ?? [];
  if (on.length === 0) return undefined;
  const tally = { fail: 0, warn: 0, 'no-data': 0, pass: 0 };
  for (const result of on) tally[result.verdict as keyof typeof tally] += 1;
  return tally;
}

/** Signature rows a table lists at most: an index and its platforms, each with its profiles (the JSON report has them all). */
export const SIGNATURE_ROWS: Record<Audience, number> = { summary: 40, comment: 20 };

/** One signature status as a table row: which manifest, its digest, the profile and where it stands. */
export interface SignatureRow {
  /** `index`, `image` (a manifest that is no platform's), or the platform the digest is the manifest of. */
  manifest: string;
  digest: string;
  /** Undefined: ECR does not sign this digest (it listed no status for it). */
  profile?: string;
  status?: string;
  failureCode?: string;
}

/** A failed signature, its digests counted: one per profile, code and reason. */
export interface SignatureFailure {
  profile: string;
  code?: string;
  reason?: string;
  digests: number;
}

/** An image's managed signatures as the summary or the comment shows them: how it ended, then the rows within the bound. */
export interface SignaturesView {
  outcome: ReportSignatures['outcome'];
  /** The signing profiles (ARNs) whose rules match the repository. */
  profiles: string[];
  problem?: string;
  failures: SignatureFailure[];
  /** Digests ECR lists a status for, and digests it lists none for (it does not sign them). */
  digests: { signed: number; unsigned: number };
  shown: SignatureRow[];
  leftOut: number;
}

/**
 * The signatures as the summary or the comment shows them; undefined when none were awaited.
 * `maxRows` is what the fit loop allows, within the audience's own bound.
 */
export function signaturesView(report: Report, audience: Audience, maxRows: number = SIGNATURE_ROWS[audience]): SignaturesView | undefined {
  const signatures = report.signatures;
  if (!signatures) return undefined;
  const manifestOf = (digest: string) =>
    report.scan.platforms.find((p) => p.digest === digest)?.platform ??
    (digest === report.digest ? (report.scan.platforms.length > 1 ? 'index' : 'image') : '—');
  const rows = signatures.digests.flatMap(({ digest, statuses }): SignatureRow[] => {
    const manifest = manifestOf(digest);
    if (statuses.length === 0) return [{ manifest, digest }];
    return statuses.map((s) => ({
      manifest,
      digest,
      profile: s.signingProfileArn,
      status: s.status,
      ...(s.failureCode ? { failureCode: s.failureCode } : {}),
    }));
  });
  const failures: SignatureFailure[] = [];
  for (const { statuses } of signatures.digests) {
    for (const s of statuses.filter((status) => status.status === 'FAILED')) {
      const same = failures.find((f) => f.profile === s.signingProfileArn && f.code === s.failureCode && f.reason === s.failureReason);
      if (same) same.digests += 1;
      else {
        failures.push({
          profile: s.signingProfileArn,
          ...(s.failureCode ? { code: s.failureCode } : {}),
          ...(s.failureReason ? { reason: s.failureReason } : {}),
          digests: 1,
        });
      }
    }
  }
  const { shown, leftOut } = take(rows, Math.min(SIGNATURE_ROWS[audience], Math.max(0, maxRows)));
  return {
    outcome: signatures.outcome,
    profiles: [...signatures.profiles],
    ...(signatures.problem ? { problem: signatures.problem } : {}),
    failures,
    digests: {
      signed: signatures.digests.filter((d) => d.statuses.length > 0).length,
      unsigned: signatures.digests.filter((d) => d.statuses.length === 0).length,
    },
    shown,
    leftOut,
  };
}

/** An image's signatures by a key as the summary or the comment shows them: how it ended, then the rows within the bound. */
export interface KeySignaturesView {
  outcome: ReportKeySignatures['outcome'];
  /** The key as the input names it, and its ARN. */
  name: string;
  key: string;
  problem?: string;
  /** Signatures in all: signed by this run, and already there by the same key. */
  counts: { total: number; new: number; reused: number };
  shown: KeySignature[];
  leftOut: number;
}

/**
 * The signatures by a key as the summary or the comment shows them; undefined when no key signs.
 * Bounded as the managed ones are (SIGNATURE_ROWS, and what the fit loop allows).
 */
export function keySignaturesView(
  report: Report,
  audience: Audience,
  maxRows: number = SIGNATURE_ROWS[audience],
): KeySignaturesView | undefined {
  const signatures = report.keySignatures;
  if (!signatures) return undefined;
  const reused = signatures.list.filter((s) => s.reused).length;
  const { shown, leftOut } = take(signatures.list, Math.min(SIGNATURE_ROWS[audience], Math.max(0, maxRows)));
  return {
    outcome: signatures.outcome,
    name: signatures.name,
    key: signatures.key,
    ...(signatures.problem ? { problem: signatures.problem } : {}),
    counts: { total: signatures.list.length, new: signatures.list.length - reused, reused },
    shown,
    leftOut,
  };
}
