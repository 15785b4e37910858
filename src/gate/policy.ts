// Pure: the gate. Which findings block, whether the step passes, and one sentence saying why.
import type { EvaluatedFinding } from './evaluated.js';
import { copyFinding, vulnerabilityKey, type PlatformScan } from '../shared/finding.js';
import { formatPercent, gateOutcome, outcomeFails, type GateOutcome } from './risk.js';
import { emptyCounts, meetsThreshold, severityRank, type SeverityCounts, type Threshold } from '../shared/severity.js';

export interface GateSettings {
  threshold: Threshold;
  mode: 'all' | 'new';
  onIncomplete: 'fail' | 'warn';
  /** The base image was found and read, so findings carry `comparison`. */
  baseAvailable: boolean;
  /** epss-threshold, when it applies (enhanced scanning, and Amazon Inspector answered). */
  epssThreshold?: number;
  /** fail-on-exploitable, when it applies (enhanced scanning). */
  failOnExploitable?: boolean;
}

export interface GateDecision {
  /** Every finding, `blocking` set. */
  findings: EvaluatedFinding[];
  verdict: 'passed' | 'failed' | 'incomplete';
  /** The step fails: blocking findings, or an incomplete scan with on-scan-incomplete: fail. */
  fails: boolean;
  /** One sentence a user can act on. */
  reason: string;
  /** The blocking findings, worst first. */
  blocking: EvaluatedFinding[];
  /** At or above severity-threshold but below epss-threshold (`heldBack: 'epss'`), worst first: not failing, and listed. */
  heldBackByEpss: EvaluatedFinding[];
}

/** How many blocking findings the reason names before "and N more". */
const NAMED = 5;

export function decideGate(findings: readonly EvaluatedFinding[], scans: readonly PlatformScan[], settings: GateSettings): GateDecision {
  const onlyNew = settings.mode === 'new' && settings.baseAvailable;
  const fallback = settings.mode === 'new' && !settings.baseAvailable;
  const decided = findings.map((finding): EvaluatedFinding => {
    // A previous decision (a re-evaluation) is dropped: this decides afresh.
    const outcome = outcomeOf(finding, settings);
    const result = copyFinding(finding) as EvaluatedFinding;
    if (finding.ignored !== undefined) result.ignored = finding.ignored;
    if (finding.comparison !== undefined) result.comparison = finding.comparison;
    result.blocking = outcomeFails(outcome);
    if (outcome === 'fails-exploit') result.blockedBy = 'exploit';
    if (outcome === 'held-back-by-epss') result.heldBack = 'epss';
    return result;
  });
  const blocking = decided.filter((finding) => finding.blocking).sort(worstFirst);
  const heldBackByEpss = decided.filter((finding) => finding.heldBack === 'epss').sort(worstFirst);
  const incomplete = scans.filter((scan) => !scan.complete);

  if (blocking.length > 0) {
    return {
      findings: decided,
      verdict: 'failed',
      fails: true,
      reason: failureReason(blocking, settings, onlyNew, fallback, incomplete),
      blocking,
      heldBackByEpss,
    };
  }
  if (incomplete.length > 0 || scans.length === 0) {
    const fails = settings.onIncomplete === 'fail';
    return { findings: decided, verdict: 'incomplete', fails, reason: incompleteReason(incomplete, fails), blocking, heldBackByEpss };
  }
  return {
    findings: decided,
    verdict: 'passed',
    fails: false,
    reason: passReason(decided, settings, onlyNew, fallback),
    blocking,
    heldBackByEpss,
  };
}

/**
 * The one place that says whether a single finding fails the gate: not ignored; at or above the
 * threshold (and its EPSS, when epss-threshold applies, at or above that or unknown), or with a
 * known exploit under fail-on-exploitable; and (gate: new with a base to compare with) new in
 * this image. The condition itself is risk.ts's gateOutcome, table-tested there; a new condition
 * of the gate goes there, so every caller of decideGate (and so of decideVerdict) gets it.
 */
export function failsGate(
  finding: Pick<EvaluatedFinding, 'ignored' | 'severity' | 'comparison' | 'epss' | 'exploitAvailable'>,
  settings: Pick<GateSettings, 'threshold' | 'mode' | 'baseAvailable' | 'epssThreshold' | 'failOnExploitable'>,
): boolean {
  return outcomeFails(outcomeOf(finding, settings));
}

function outcomeOf(
  finding: Pick<EvaluatedFinding, 'ignored' | 'severity' | 'comparison' | 'epss' | 'exploitAvailable'>,
  settings: Pick<GateSettings, 'threshold' | 'mode' | 'baseAvailable' | 'epssThreshold' | 'failOnExploitable'>,
): GateOutcome {
  return gateOutcome(finding, {
    threshold: settings.threshold,
    epssThreshold: settings.epssThreshold,
    failOnExploitable: settings.failOnExploitable === true,
    onlyNew: settings.mode === 'new' && settings.baseAvailable,
  });
}

/** Worst first: severity, then id, package and platform (a stable order for reports and golden files). */
export function worstFirst(a: EvaluatedFinding, b: EvaluatedFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.id, b.id) ||
    compareText(a.package ?? '', b.package ?? '') ||
    compareText(a.platform, b.platform)
  );
}

/** Findings not ignored, each vulnerability in each package counted once however many platforms carry it. */
export function countFindings(findings: readonly EvaluatedFinding[]): SeverityCounts {
  const counts = emptyCounts();
  const seen = new Set<string>();
  for (const finding of findings) {
    if (finding.ignored) continue;
    const key = vulnerabilityKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    counts[finding.severity] += 1;
  }
  return counts;
}

/** Ignored findings, counted as countFindings counts. */
export function countIgnored(findings: readonly EvaluatedFinding[]): number {
  return new Set(findings.filter((finding) => finding.ignored).map(vulnerabilityKey)).size;
}

/** Findings not ignored with a known exploit (exploitAvailable: YES), counted as countFindings counts. */
export function countExploitable(findings: readonly EvaluatedFinding[]): number {
  return new Set(findings.filter((finding) => !finding.ignored && finding.exploitAvailable === 'YES').map(vulnerabilityKey)).size;
}

/** Per platform, counts within that platform (findings not ignored). Platforms without findings are absent. */
export function countByPlatform(findings: readonly EvaluatedFinding[]): Record<string, SeverityCounts> {
  const byPlatform = new Map<string, EvaluatedFinding[]>();
  for (const finding of findings) {
    const list = byPlatform.get(finding.platform);
    if (list) list.push(finding);
    else byPlatform.set(finding.platform, [finding]);
  }
  return Object.fromEntries([...byPlatform].map(([platform, list]) => [platform, countFindings(list)]));
}

export function totalOf(counts: SeverityCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function failureReason(
  blocking: EvaluatedFinding[],
  settings: GateSettings,
  onlyNew: boolean,
  fallback: boolean,
  incomplete: PlatformScan[],
): string {
  // One entry per vulnerability in a package, naming every platform that carries it.
  const groups = new Map<string, EvaluatedFinding[]>();
  for (const finding of blocking) {
    const key = vulnerabilityKey(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const named = [...groups.values()].slice(0, NAMED).map(describeGroup);
  const more = groups.size - named.length;
  const noun = `${groups.size}${onlyNew ? ' new' : ''} finding${groups.size === 1 ? '' : 's'}`;
  const qualifier = fallback ? ' (gate: new found no base image to compare with, so every finding counts)' : '';
  const list = `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const alsoIncomplete =
    incomplete.length > 0 ? `; the scan of ${incomplete.map((s) => `${s.platform} (${s.status})`).join(', ')} also did not complete` : '';
  return `${noun} ${whatFails(settings, blocking)}${qualifier}: ${list}${alsoIncomplete}.`;
}

/** "at or above CRITICAL", with what the risk settings add when they played a part. */
function whatFails(settings: GateSettings, blocking: readonly EvaluatedFinding[]): string {
  const bySeverity = blocking.some((finding) => finding.blockedBy === undefined);
  const byExploit = blocking.some((finding) => finding.blockedBy === 'exploit');
  const epss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${formatPercent(settings.epssThreshold)} (or no score)`;
  const severity = `at or above ${settings.threshold}${epss}`;
  if (!byExploit) return severity;
  return bySeverity ? `${severity} or with a known exploit` : 'with a known exploit';
}

function describeGroup(group: EvaluatedFinding[]): string {
  const [first] = group;
  const pkg = [first.package, first.version].filter(Boolean).join(' ');
  const platforms = [...new Set(group.map((finding) => finding.platform))];
  return `${first.id} (${[pkg, ...platforms].filter(Boolean).join(', ')})`;
}

function incompleteReason(incomplete: PlatformScan[], fails: boolean): string {
  if (incomplete.length === 0)
    return `No platform manifest was scanned, so the gate cannot decide${fails ? '; set on-scan-incomplete: warn to accept that' : ''}.`;
  const which = incomplete
    .map((scan) => `${scan.platform} (${scan.status}${scan.description ? `: ${trimPeriod(scan.description)}` : ''})`)
    .join('; ');
  const what = `The scan of ${which} did not complete, so the gate cannot decide`;
  if (!fails) return `${what}; on-scan-incomplete is warn, so the step does not fail.`;
  const timedOut = incomplete.some((scan) => scan.status === 'TIMEOUT');
  return `${what}; ${timedOut ? 'raise scan-timeout, or ' : ''}set on-scan-incomplete: warn to accept an incomplete scan.`;
}

function passReason(findings: EvaluatedFinding[], settings: GateSettings, onlyNew: boolean, fallback: boolean): string {
  const total = totalOf(countFindings(findings));
  const ignored = countIgnored(findings);
  if (settings.threshold === 'NONE') {
    return `severity-threshold is NONE: ${plural(total, 'finding')} reported${ignored > 0 ? ` (${ignored} ignored)` : ''}, none fails the gate.`;
  }
  const atOrAbove = new Set(findings.filter((f) => !f.ignored && meetsThreshold(f.severity, settings.threshold)).map(vulnerabilityKey))
    .size;
  const heldBack = new Set(findings.filter((f) => f.heldBack === 'epss').map(vulnerabilityKey)).size;
  const notes = [
    heldBack > 0 && settings.epssThreshold !== undefined
      ? `${heldBack} held back by EPSS below ${formatPercent(settings.epssThreshold)}`
      : '',
    onlyNew && atOrAbove - heldBack > 0 ? `${atOrAbove - heldBack} already in the base` : '',
    !onlyNew && total - heldBack > 0 ? `${total - heldBack} below it` : '',
    ignored > 0 ? `${ignored} ignored` : '',
  ].filter(Boolean);
  const epss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${formatPercent(settings.epssThreshold)}`;
  const exploits = settings.failOnExploitable ? ' and none with a known exploit' : '';
  const subject = onlyNew
    ? `No new findings at or above ${settings.threshold}${epss}${exploits} against the base image`
    : `No findings at or above ${settings.threshold}${epss}${exploits}`;
  const qualifier = fallback ? '; gate: new found no base image to compare with, so every finding counted' : '';
  return `${subject}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}${qualifier}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.$/, '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
