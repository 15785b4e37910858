// The markdown the job summary and the PR comment share: the verdict heading, the counts table,
// a section of the view as a table, the comparison sentence, the policy's rules, the signatures
// (ECR's managed ones and those by a key). Pure; every value from a finding, a rule, ECR or a
// user goes through escape.ts.
import { describeDifference } from '../gate/compare.js';
import type { Ignored } from '../gate/evaluated.js';
import type { EvaluatedFinding } from '../gate/evaluated.js';
import type { PolicySource, RuleFinding, RuleVerdict } from '../gate/rules/types.js';
import type { Finding } from '../shared/finding.js';
import { describeGate, formatPercent } from '../gate/risk.js';
import { shortProfile } from '../gate/signing.js';
import { SEVERITIES, type Severity, type SeverityCounts } from '../shared/severity.js';
import { code, escapeText, formatCount, link, plural, safeUrl } from './escape.js';
import type { KeySignature, PlatformReport, Report, StepReport, Verdict } from './model.js';
import {
  newFindings,
  policyTally,
  policyView,
  type FindingRow,
  type ImageSection,
  type KeySignaturesView,
  type PolicyView,
  type SignatureRow,
  type SignaturesView,
  type ViewSection,
} from './view.js';

export const VERDICT_TITLES: Record<Verdict, string> = {
  passed: '✅ ECR scan passed',
  failed: '❌ ECR scan failed',
  incomplete: '⚠️ ECR scan incomplete',
  skipped: '⏭ ECR scan skipped',
};

const SEVERITY_ICONS: Record<Severity, string> = {
  CRITICAL: '🔴',
  HIGH: '🟠',
  MEDIUM: '🟡',
  LOW: '🔵',
  INFORMATIONAL: '⚪',
  UNDEFINED: '⚫',
};

/** The repository part of registry/repository (the whole reference when there is no registry). */
export function repositoryName(image: string): string {
  const slash = image.indexOf('/');
  return slash > 0 && /[.:]/.test(image.slice(0, slash)) ? image.slice(slash + 1) : image;
}

/** What failed an image its scan did not fail (Report.heldBy), in its heading. */
const HELD_BY_TITLES: Record<NonNullable<Report['heldBy']>, string> = {
  policy: '❌ Policy failed',
  signing: '❌ Signing failed',
  'policy and signing': '❌ Policy and signing failed',
};

/** The image's title: the scan's verdict, or what failed it when the scan did not. */
export function verdictTitle(report: Pick<Report, 'verdict' | 'heldBy'>): string {
  return report.verdict === 'failed' && report.heldBy ? HELD_BY_TITLES[report.heldBy] : VERDICT_TITLES[report.verdict];
}

export function heading(level: 2 | 3 | 4, report: Report): string {
  return `${'#'.repeat(level)} ${verdictTitle(report)}: ${escapeText(repositoryName(report.image), 120)}`;
}

/** A step of several images: `## ❌ ECR scan failed: 3 images`. */
export function stepHeading(level: 2 | 3, step: Pick<StepReport, 'verdict' | 'images'>): string {
  return `${'#'.repeat(level)} ${VERDICT_TITLES[step.verdict]}: ${step.images.length} images`;
}

/**
 * A step of several images: a row per image, its verdict and counts (each image's section
 * below names its digest; the table stays narrow enough for a PR comment).
 */
export function overviewTable(step: Pick<StepReport, 'images'>): string[] {
  // A Policy column when an image has rules on: an image can fail on them with no finding at all.
  const policy = step.images.some(({ report }) => policyTally(report) !== undefined);
  const lines = [
    `| Image | Verdict |${policy ? ' Policy |' : ''} ${SEVERITIES.join(' | ')} |`,
    `|---|---|${policy ? '---|' : ''}${SEVERITIES.map(() => '--:|').join('')}`,
  ];
  for (const { name, report } of step.images) {
    const counts = SEVERITIES.map((s) => (report.verdict === 'skipped' ? '–' : formatCount(report.counts[s])));
    const cell = policy ? ` ${policyCell(report)} |` : '';
    lines.push(`| ${code(name, 80)} | ${VERDICT_TITLES[report.verdict].split(' ')[0]} ${report.verdict} |${cell} ${counts.join(' | ')} |`);
  }
  return [...lines, ''];
}

/** Each image's section as `render` writes it; a clean one folded under its name and verdict. */
export function imageSectionLines(sections: readonly ImageSection[], render: (section: ImageSection) => string): string[] {
  return sections.flatMap((section) => {
    const body = render(section);
    if (!section.folded) return [body];
    // Folded as clean, but the policy's warnings (and rules without data) are named where they show.
    const tally = policyTally(section.report);
    const open = tally
      ? [tally.warn > 0 ? `${tally.warn} warned` : '', tally['no-data'] > 0 ? `${tally['no-data']} without data` : ''].filter(Boolean)
      : [];
    const policy = open.length > 0 ? ` · policy: ${open.join(', ')}` : '';
    // A late signature under on-scan-incomplete: warn leaves the image clean; the fold says so,
    // as it says a key that did not sign (the step failed before signing, for another image).
    const outcome = section.report.signatures?.outcome;
    const keyOutcome = section.report.keySignatures?.outcome;
    const note = [
      policy,
      outcome === 'timeout' || outcome === 'failed' ? ` · signature: ${SIGNATURE_SAYS[outcome]}` : '',
      keyOutcome === 'failed' || keyOutcome === 'skipped' ? ` · key signature: ${keyOutcome}` : '',
    ].join('');
    return [
      `<details>`,
      `<summary>${escapeText(section.name, 80)}: ${verdictTitle(section.report)}${note}</summary>`,
      '',
      body,
      '</details>',
      '',
    ];
  });
}

export function severityCell(severity: Severity): string {
  return `${SEVERITY_ICONS[severity]} ${severity}`;
}

/**
 * One table row per platform (each counts within its platform), and a total row counting each
 * vulnerability in each package once when there is more than one platform.
 */
export function countsTable(report: Report): string[] {
  const platforms = report.scan.platforms;
  if (platforms.length === 0) return [];
  const lines = [`| Platform | Scan | ${SEVERITIES.join(' | ')} | Ignored |`, `|---|---|${SEVERITIES.map(() => '--:|').join('')}--:|`];
  for (const platform of platforms)
    lines.push(countsRow(escapeText(platform.platform, 60), escapeText(platform.status, 40), platform.counts, platform.ignored));
  if (platforms.length > 1) lines.push(countsRow('**All platforms**', '', report.counts, report.ignoredCount));
  return lines;
}

function countsRow(label: string, status: string, counts: SeverityCounts, ignored: number): string {
  return `| ${label} | ${status} | ${SEVERITIES.map((s) => formatCount(counts[s])).join(' | ')} | ${formatCount(ignored)} |`;
}

/** Why a platform's scan gave no findings, for statuses that are not final. */
export function platformNotes(platforms: PlatformReport[]): string[] {
  return platforms
    .filter((p) => p.status !== 'COMPLETE' && p.status !== 'ACTIVE')
    .map(
      (p) => `- ${escapeText(p.platform, 60)}: ${escapeText(p.status, 40)}${p.description ? ` — ${escapeText(p.description, 300)}` : ''}`,
    );
}

export const FINDING_HEADER = ['| Severity | ID | Package | Installed | Fixed in | Platform |', '|---|---|---|---|---|---|'];
/** With enhanced scanning: EPSS (as a percentage) and whether an exploit is known. */
export const RISK_FINDING_HEADER = [
  '| Severity | ID | Package | Installed | Fixed in | EPSS | Exploit | Platform |',
  '|---|---|---|---|---|--:|---|---|',
];

export function findingRow(row: FindingRow<Finding>, risk = false): string {
  const f = row.finding;
  const riskCells = risk ? ` ${epssCell(f)} | ${exploitCell(f)} |` : '';
  return `| ${severityCell(f.severity)} | ${link(f.id, f.uri, 80)} | ${code(f.package, 80)} | ${code(f.version, 60)} | ${fixedIn(f)} |${riskCells} ${platformsCell(row.platforms)} |`;
}

/** EPSS as a percentage; "—" when unknown (never 0); marked when it held the finding back. */
function epssCell(f: Finding & Partial<Pick<EvaluatedFinding, 'heldBack'>>): string {
  if (f.epss === undefined) return '—';
  // A no-break space keeps "45.2 %" on one line in a narrow column.
  return `${formatPercent(f.epss).replace(' ', '\u00a0')}${f.heldBack === 'epss' ? ' (held back)' : ''}`;
}

/** ⚠️ for a known exploit (when it was last seen is in the JSON report); "—" when unknown. */
function exploitCell(f: Finding): string {
  if (f.exploitAvailable === 'YES') return '⚠️\u00a0yes';
  return f.exploitAvailable === 'NO' ? 'no' : '—';
}

export const IGNORED_HEADER = ['| Severity | ID | Package | Platform | Ignored by | Reason | Expires |', '|---|---|---|---|---|---|---|'];

const IGNORED_BY: Record<Ignored['by'], string> = {
  input: '`ignore` input',
  file: 'ignore file',
  unfixed: '`ignore-unfixed`',
  vex: 'VEX',
};

export function ignoredRow(row: FindingRow): string {
  const f = row.finding;
  const ignored = f.ignored;
  return `| ${severityCell(f.severity)} | ${link(f.id, f.uri, 80)} | ${code(f.package, 80)} | ${platformsCell(row.platforms)} | ${ignored ? IGNORED_BY[ignored.by] : ''} | ${escapeText(ignored?.reason, 200)} | ${code(ignored?.expires, 40)} |`;
}

function fixedIn(f: Finding): string {
  if (f.fixedIn) return code(f.fixedIn, 80);
  return f.fixAvailable === 'NO' ? 'no fix' : '—';
}

function platformsCell(platforms: string[]): string {
  const shown = platforms.slice(0, 4).map((p) => escapeText(p, 40));
  if (platforms.length > shown.length) shown.push(`+${platforms.length - shown.length}`);
  return shown.join(', ');
}

/** The comparison in one sentence: "Against the base image this adds 2 CRITICAL and fixes 5 HIGH." */
export function comparisonSentence(report: Report): string | undefined {
  const comparison = report.comparison;
  if (!comparison) return undefined;
  // The note is a whole sentence ("No image for the base commit …: comparison skipped (gate: all).").
  if (!comparison.available) return escapeText(comparison.note ?? 'No comparison with the base image.', 300);
  const base = comparison.baseSha ? ` (${code(comparison.baseSha.slice(0, 12))})` : '';
  const note = comparison.note ? ` ${escapeText(comparison.note, 300)}` : '';
  return `Against the base image${base} this image **${describeDifference(newFindings(report), comparison.fixed)}**.${note}`;
}

/**
 * What the gate used, in one line, when epss-threshold or fail-on-exploitable applied:
 * "fails on CRITICAL with EPSS ≥ 10 %, and on any finding with a known exploit".
 */
export function riskGateLine(report: Report): string | undefined {
  const gate = report.gate;
  if (gate.epssThreshold === undefined && !gate.failOnExploitable) return undefined;
  return describeGate({ threshold: gate.threshold, epssThreshold: gate.epssThreshold, failOnExploitable: gate.failOnExploitable === true });
}

export function gateDescription(report: Report): string {
  const gate = report.gate;
  const threshold =
    riskGateLine(report) ??
    (gate.threshold === 'NONE' ? 'never fails on findings (threshold NONE)' : `fails on ${gate.threshold} or above`);
  const parts = [threshold, gate.mode === 'new' ? 'new findings only' : 'all findings'];
  if (gate.ignoreUnfixed) parts.push('findings without a fix ignored');
  parts.push(`an incomplete scan ${gate.onIncomplete === 'fail' ? 'fails' : 'warns'}`);
  return parts.join(', ');
}

/**
 * A section of the view as markdown: a titled table of the rows it shows, then `leftOut(n)` when
 * rows were left out; folded into `<details>` when the view says so.
 */
/** A table of the view; `level`: its title's heading level, below the image's heading. */
export function renderSection(section: ViewSection, leftOut: (count: number) => string, level = 3): string[] {
  const shown = section.shown.map((row) => (section.columns === 'ignored' ? ignoredRow(row) : findingRow(row, section.risk)));
  const header = section.columns === 'ignored' ? IGNORED_HEADER : section.risk ? RISK_FINDING_HEADER : FINDING_HEADER;
  const title = `${section.title} (${formatCount(section.count)})`;
  const body = [...(shown.length > 0 ? [...header, ...shown, ''] : []), ...(section.leftOut > 0 ? [leftOut(section.leftOut), ''] : [])];
  return section.folded
    ? ['<details>', `<summary>${title}</summary>`, '', ...body, '</details>', '']
    : [`${'#'.repeat(Math.min(6, level))} ${title}`, '', ...body];
}

/** Why epss-threshold or fail-on-exploitable did not apply, as the step warned. */
export function riskNotes(report: Report, prefix: string): string[] {
  return (report.riskNotes ?? []).slice(0, 5).map((note) => `${prefix}${escapeText(note, 500)}`);
}

const ATTESTATION_KIND: Record<'sbom' | 'provenance', string> = { sbom: 'SBOM (SPDX)', provenance: 'Provenance (SLSA)' };
const ATTESTATION_STORAGE = {
  'referrers-api': "beside the image, found with the registry's referrers API",
  'referrers-tag': 'beside the image, listed under the referrers tag `sha256-<platform digest>` (the registry has no referrers API)',
  index: 'inside the image index (`attestations: index`)',
} as const;
const MAX_ATTESTATION_ROWS = 40;

/**
 * The attestations: one line saying where they are, then a table (folded in the comment).
 * Nothing when none was asked for.
 */
export function attestationLines(report: Report, folded: boolean): string[] {
  const attestations = report.attestations;
  if (!attestations) return [];
  const { list, missing } = attestations;
  const count = list.length === 1 ? '1 attestation' : `${formatCount(list.length)} attestations`;
  const where = `${count}, ${ATTESTATION_STORAGE[attestations.storage]}`;
  const lines: string[] = [];
  if (missing.length > 0) {
    lines.push(
      `⚠️ The reused image has no ${escapeText(missing.slice(0, 10).join(', '), 400)}: it was built without ${missing.length === 1 ? 'it' : 'them'}.`,
      '',
    );
  }
  if (list.length === 0) return lines;
  const rows = list
    .slice(0, MAX_ATTESTATION_ROWS)
    .map((a) => `| ${ATTESTATION_KIND[a.kind]} | ${code(a.platform, 60)} | ${code(a.digest, 100)} |`);
  if (list.length > MAX_ATTESTATION_ROWS)
    rows.push(`| … | and ${formatCount(list.length - MAX_ATTESTATION_ROWS)} more | in the JSON report |`);
  const table = ['| Kind | Platform | Manifest |', '| --- | --- | --- |', ...rows];
  if (folded) return [...lines, `<details><summary>Attestations: ${escapeText(where, 300)}</summary>`, '', ...table, '', '</details>', ''];
  return [...lines, '### Attestations', '', `${escapeText(where, 300)}:`, '', ...table, ''];
}

const POLICY_MARK: Record<Exclude<RuleVerdict, 'off'>, string> = { fail: '✗', warn: '⚠', 'no-data': '?', pass: '✓' };
const POLICY_SAYS: Record<Exclude<RuleVerdict, 'off' | 'pass'>, string> = { fail: 'failed', warn: 'warned', 'no-data': 'no data' };

/** Where the rules came from, in a few words: the policy file, the `policy` input, or the defaults. */
export function policySource(source: PolicySource): string {
  const file = source.file ? code(source.file, 200) : undefined;
  if (file && source.inline) return `rules from ${file} and the \`policy\` input`;
  if (file) return `rules from ${file}`;
  if (source.inline) return 'rules from the `policy` input';
  return 'the default rules (no policy file or `policy` input)';
}

/** `1 failed · 2 warned · 1 without data · 4 passed`, or `all 4 rules passed`. */
function policyCounts(view: PolicyView): string {
  const count = (verdict: RuleVerdict) => view.open.filter((rule) => rule.result.verdict === verdict).length;
  if (view.open.length === 0) return `✓ ${view.passed.length === 1 ? 'the 1 rule' : `all ${formatCount(view.passed.length)} rules`} passed`;
  const parts = [
    [count('fail'), `${POLICY_MARK.fail} ${formatCount(count('fail'))} failed`],
    [count('warn'), `${POLICY_MARK.warn} ${formatCount(count('warn'))} warned`],
    [count('no-data'), `${POLICY_MARK['no-data']} ${formatCount(count('no-data'))} without data`],
    [view.passed.length, `${POLICY_MARK.pass} ${formatCount(view.passed.length)} passed`],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([, text]) => text)
    .join(' · ');
}

export interface PolicyStyle {
  /** The summary: a heading at this level; the comment (compact): a bold label instead. */
  heading?: number;
  /** Characters of a rule's reason and of a finding's message, before escaping. */
  reasonMax: number;
  findingMax: number;
  /** Link each finding's documentation (a build check's page). */
  links: boolean;
}

/**
 * An image's policy: where the rules came from and how they ended, each rule that did not pass
 * with its reason (failed first) and a short list of its findings, the rules that passed folded.
 * Nothing when there is no policy (nothing was pushed) or every rule is off.
 */
export function policyLines(view: PolicyView | undefined, style: PolicyStyle): string[] {
  if (!view) return [];
  const line = `${policyCounts(view)} — ${policySource(view.source)}`;
  const lines = style.heading ? [`${'#'.repeat(Math.min(6, style.heading))} Policy`, '', `${line}.`, ''] : [`**Policy:** ${line}.`, ''];
  if (view.open.length > 0) {
    for (const { result, shown, leftOut } of view.open) {
      const verdict = result.verdict as keyof typeof POLICY_SAYS;
      const level = verdict === 'no-data' ? ` (at ${result.level})` : '';
      lines.push(
        `- ${POLICY_MARK[verdict]} **${result.rule}** ${POLICY_SAYS[verdict]}${level}: ${escapeText(result.reason, style.reasonMax)}`,
      );
      lines.push(...shown.map((finding) => `  - ${policyFinding(finding, style)}`));
      if (leftOut > 0) lines.push(`  - …and ${formatCount(leftOut)} more (in the JSON report)`);
    }
    lines.push('');
  }
  if (view.passed.length > 0) {
    lines.push(
      '<details>',
      `<summary>${view.passed.length === 1 ? '1 rule' : `${formatCount(view.passed.length)} rules`} passed</summary>`,
      '',
      ...view.passed.map((result) => `- ${POLICY_MARK.pass} **${result.rule}**: ${escapeText(result.reason, style.reasonMax)}`),
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

function policyFinding(finding: RuleFinding, style: PolicyStyle): string {
  const where = finding.platform ? `${escapeText(finding.platform, 60)}: ` : '';
  const docs = style.links && safeUrl(finding.url) ? ` (${link('docs', finding.url)})` : '';
  return `${where}${escapeText(finding.message, style.findingMax)}${docs}`;
}

/** An image's policy in a few words, for the overview of several images: the rules that failed, else warned, else had no data. */
export function policyCell(report: Report): string {
  const view = policyView(report, 'summary', 0);
  if (!view) return '–';
  const worst = view.open[0]?.result.verdict;
  if (!worst) return `${POLICY_MARK.pass} passed`;
  const rules = view.open.filter((rule) => rule.result.verdict === worst).map((rule) => rule.result.rule);
  const named = rules.slice(0, 2).join(', ') + (rules.length > 2 ? ` +${rules.length - 2}` : '');
  return `${POLICY_MARK[worst as keyof typeof POLICY_SAYS]} ${named}`;
}

const SIGNATURE_SAYS = { failed: 'failed', timeout: 'not in time' } as const;
const SIGNATURE_STATUS: Record<string, string> = { COMPLETE: '✅ COMPLETE', FAILED: '❌ FAILED', IN_PROGRESS: '⏳ IN_PROGRESS' };
/** Distinct failures named in the outcome line, at most. */
const MAX_SIGNATURE_FAILURES = 3;

export interface SignatureStyle {
  /** The summary: a heading at this level and the tables open; the comment: a bold label and the tables folded. */
  heading?: number;
}

/** One kind of signature as the section shows it: its outcome line, its table, and the label of its fold. */
interface SignatureBlock {
  outcome: string;
  table: string[];
  /** `3 signature statuses`: the comment's `<summary>` (our own words). */
  fold: string;
}

/**
 * An image's signatures: ECR's managed ones first (signed with which profiles, failed with the
 * profile, ECR's code and reason, not in time with the step's sentence, or no rule matching,
 * then a table of each digest's status per profile), then those by a key (signed with which key,
 * how many new and already there, failed with the step's words, or skipped, then a table of
 * what was signed and the referrer that carries it). Nothing when neither was asked for.
 */
export function signatureLines(view: SignaturesView | undefined, key: KeySignaturesView | undefined, style: SignatureStyle): string[] {
  const blocks = [view && managedBlock(view), key && keyBlock(key)].filter((block): block is SignatureBlock => block !== undefined);
  if (blocks.length === 0) return [];
  const lines = style.heading ? [`${'#'.repeat(Math.min(6, style.heading))} Signatures`, ''] : [];
  blocks.forEach((block, i) => {
    // The comment labels the first outcome line; a second follows it as its own paragraph.
    lines.push(style.heading || i > 0 ? block.outcome : `**Signatures:** ${block.outcome}`, '');
    if (block.table.length === 0) return;
    if (style.heading) lines.push(...block.table, '');
    else lines.push(`<details><summary>${block.fold}</summary>`, '', ...block.table, '', '</details>', '');
  });
  return lines;
}

function managedBlock(view: SignaturesView): SignatureBlock {
  const count = view.shown.length + view.leftOut;
  return {
    outcome: signatureOutcome(view),
    table: signatureTable(view),
    fold: count === 1 ? '1 signature status' : `${formatCount(count)} signature statuses`,
  };
}

function profileList(profiles: readonly string[]): string {
  const names = profiles.slice(0, 5).map((arn) => code(shortProfile(arn), 100));
  const more = profiles.length > names.length ? ` and ${formatCount(profiles.length - names.length)} more` : '';
  return `${profiles.length === 1 ? 'profile' : 'profiles'} ${names.join(', ')}${more}`;
}

function signatureOutcome(view: SignaturesView): string {
  switch (view.outcome) {
    case 'signed': {
      const { signed, unsigned } = view.digests;
      const others = unsigned > 0 ? `; ECR does not sign the other ${formatCount(unsigned)}` : '';
      return `✅ Signed by ECR with ${profileList(view.profiles)} (${plural(signed, 'digest')}${others}).`;
    }
    case 'failed': {
      const named = view.failures.slice(0, MAX_SIGNATURE_FAILURES).map((f) => {
        const why = [f.code ? code(f.code, 80) : '', f.reason ? escapeText(f.reason, 300) : ''].filter(Boolean).join(' — ');
        return `${profileList([f.profile])}${why ? `: ${why}` : ''} (${plural(f.digests, 'digest')})`;
      });
      const more = view.failures.length > named.length ? `; and ${formatCount(view.failures.length - named.length)} more` : '';
      // No FAILED status listed (it should not happen): the step's own sentence.
      return named.length > 0
        ? `❌ Signing by ECR failed with ${named.join('; ')}${more}.`
        : `❌ ${escapeText(view.problem ?? "ECR's managed signing failed.", 500)}`;
    }
    case 'timeout':
      return `⏳ ${escapeText(view.problem ?? "ECR's managed signature did not arrive within scan-timeout.", 500)}`;
    case 'none':
      return '– No rule of the signing configuration matches this repository: ECR does not sign it.';
  }
}

function signatureTable(view: SignaturesView): string[] {
  const count = view.shown.length + view.leftOut;
  if (count === 0) return [];
  if (view.shown.length === 0)
    return [`_${count === 1 ? '1 signature status' : `${formatCount(count)} signature statuses`} in the JSON report._`];
  const rows = view.shown.map(signatureRow);
  if (view.leftOut > 0) rows.push(`| … | and ${formatCount(view.leftOut)} more | | in the JSON report |`);
  return ['| Manifest | Digest | Profile | Status |', '| --- | --- | --- | --- |', ...rows];
}

function signatureRow(row: SignatureRow): string {
  const manifest = escapeText(row.manifest, 60);
  if (row.profile === undefined) return `| ${manifest} | ${code(row.digest, 100)} | — | not signed by ECR |`;
  const status = SIGNATURE_STATUS[row.status ?? ''] ?? escapeText(row.status, 40);
  const failure = row.failureCode ? ` ${code(row.failureCode, 80)}` : '';
  return `| ${manifest} | ${code(row.digest, 100)} | ${code(shortProfile(row.profile), 100)} | ${status}${failure} |`;
}

function keyBlock(view: KeySignaturesView): SignatureBlock {
  return { outcome: keySignatureOutcome(view), table: keySignatureTable(view), fold: plural(view.counts.total, 'key signature') };
}

function keySignatureOutcome(view: KeySignaturesView): string {
  switch (view.outcome) {
    case 'signed': {
      const { total, new: fresh, reused } = view.counts;
      return `✅ Signed with ${code(view.name, 200)} (${code(view.key, 200)}): ${plural(total, 'signature')} (${formatCount(fresh)} new, ${formatCount(reused)} already there).`;
    }
    case 'failed':
      return `❌ ${escapeText(view.problem ?? `Signing with ${view.name} failed.`, 500)}`;
    case 'skipped':
      return '⏭ Not signed: the step failed before signing.';
  }
}

function keySignatureTable(view: KeySignaturesView): string[] {
  const count = view.counts.total;
  if (count === 0) return [];
  if (view.shown.length === 0) return [`_${plural(count, 'key signature')} in the JSON report._`];
  const rows = view.shown.map(keySignatureRow);
  if (view.leftOut > 0) rows.push(`| … | and ${formatCount(view.leftOut)} more | | in the JSON report |`);
  return ['| What | Signed digest | Referrer | New/Reused |', '| --- | --- | --- | --- |', ...rows];
}

function keySignatureRow(row: KeySignature): string {
  const what = escapeText(`${row.what}${row.platform ? ` (${row.platform})` : ''}`, 80);
  return `| ${what} | ${code(row.digest, 100)} | ${code(row.referrer, 100)} | ${row.reused ? 'reused' : 'new'} |`;
}
