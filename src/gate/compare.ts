// Pure: this image's findings against the base image's (compare: base). Each finding is new or
// already in the base; base findings this image no longer has are fixed.
//
// One vulnerability in one package is what a user fixes, so that is what is matched (the ID
// without regard to case): the same package at another version still has the vulnerability it
// had in the base, while the same CVE in another package is new. Platforms matter only where
// both images have them: a platform the PR added did not add the packages it shares with the
// others, and a platform it dropped fixed only what is gone from every platform.
import type { Ignored } from './evaluated.js';
import type { Finding, PlatformScan } from '../shared/finding.js';
import { applyIgnores, type IgnoreOptions } from './ignore.js';
import { SEVERITIES, severityRank, type Severity } from '../shared/severity.js';

export type ComparisonMark = 'new' | 'in-base';

export interface CompareOptions {
  /** Every platform of the base image, also those without findings. */
  basePlatforms: readonly string[];
  /**
   * This image's scans (platform and whether it completed). Without them the platforms are those
   * of the head findings, so a clean platform counts as dropped (fewer findings called fixed).
   * What the base had on a platform whose scan did not complete is never called fixed.
   */
  headScans?: ReadonlyArray<Pick<PlatformScan, 'platform' | 'complete'>>;
  /** Base findings the user ignores are not listed as fixed. */
  isIgnored?: (finding: Finding) => boolean;
}

export interface CompareResult<T extends Finding> {
  /** The head findings, in the order given, each marked. */
  findings: Array<T & { comparison: ComparisonMark }>;
  /** Base findings (not ignored) gone from this image: one per vulnerability and package, worst first. */
  fixed: Finding[];
  /** Distinct vulnerability-and-package pairs among new findings that are not ignored. */
  newCount: number;
}

/** The comparison with the base image as the report shows it. */
export interface Comparison {
  /** The base image was found and read. */
  available: boolean;
  baseSha?: string;
  baseDigest?: string;
  /** Why there is no comparison, or anything worth saying about it. */
  note?: string;
  /** Base findings (not ignored) that this image no longer has. */
  fixed: Finding[];
  newCount: number;
}

/** A finding as it may come in: raw, or after applyIgnores (ignored findings are not counted as new). */
type HeadFinding = Finding & { ignored?: Ignored };

export function compareWithBase<T extends HeadFinding>(
  head: readonly T[],
  base: readonly Finding[],
  options: CompareOptions,
): CompareResult<T> {
  const basePlatforms = new Set([...options.basePlatforms, ...base.map((f) => f.platform)]);
  const baseWhere = platformsByKey(base);
  const headWhere = platformsByKey(head);
  const headPlatforms = new Set(
    options.headScans ? options.headScans.filter((scan) => scan.complete).map((scan) => scan.platform) : head.map((f) => f.platform),
  );
  const unscanned = new Set((options.headScans ?? []).filter((scan) => !scan.complete).map((scan) => scan.platform));

  const findings = head.map((finding): T & { comparison: ComparisonMark } => {
    const where = baseWhere.get(matchKey(finding));
    // On a platform both images have, only that platform's base findings count.
    const inBase = basePlatforms.has(finding.platform) ? (where?.has(finding.platform) ?? false) : where !== undefined;
    return { ...finding, comparison: inBase ? 'in-base' : 'new' };
  });

  const fixed = new Map<string, Finding>();
  for (const finding of [...base].sort(byPlatform)) {
    const key = matchKey(finding);
    if (fixed.has(key) || options.isIgnored?.(finding)) continue;
    if (unscanned.has(finding.platform)) continue;
    const gone = headPlatforms.has(finding.platform)
      ? !(headWhere.get(key)?.has(finding.platform) ?? false)
      : // A platform the PR dropped: fixed only when no platform has it and every scan is known.
        !headWhere.has(key) && unscanned.size === 0;
    if (gone) fixed.set(key, finding);
  }

  const newKeys = new Set(findings.filter((f) => f.comparison === 'new' && f.ignored === undefined).map(matchKey));
  return { findings, fixed: [...fixed.values()].sort(worstFirst), newCount: newKeys.size };
}

/** `isIgnored` for compareWithBase: the same ignores (input, file, ignore-unfixed) as this image's findings. */
export function ignoredBy(options: IgnoreOptions): (finding: Finding) => boolean {
  return (finding) => applyIgnores([finding], options).findings[0]?.ignored !== undefined;
}

/**
 * The change in a few words, counting each vulnerability in each package once per severity,
 * worst first, as the predicate of "this image …": "adds 2 CRITICAL, fixes 5 HIGH", "adds
 * nothing, fixes 1 MEDIUM", "has the same findings". Ignored findings (when marked) are left out.
 */
export function describeDifference(newFindings: readonly HeadFinding[], fixed: readonly HeadFinding[]): string {
  const added = severityPhrase(newFindings);
  const gone = severityPhrase(fixed);
  if (added === '' && gone === '') return 'has the same findings';
  return `adds ${added || 'nothing'}, fixes ${gone || 'nothing'}`;
}

/** "1 CRITICAL and 2 HIGH"; empty when there is nothing. */
function severityPhrase(findings: readonly HeadFinding[]): string {
  const keys = new Map<Severity, Set<string>>();
  for (const finding of findings) {
    if (finding.ignored !== undefined) continue;
    const set = keys.get(finding.severity) ?? new Set<string>();
    set.add(matchKey(finding));
    keys.set(finding.severity, set);
  }
  const parts = SEVERITIES.filter((severity) => keys.has(severity)).map((severity) => `${keys.get(severity)?.size ?? 0} ${severity}`);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Vulnerability ID (any case, surrounding space ignored) and package. */
function matchKey(finding: Pick<Finding, 'id' | 'package'>): string {
  return `${finding.id.trim().toUpperCase()}\u0000${finding.package ?? ''}`;
}

function platformsByKey(findings: readonly Finding[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const finding of findings) {
    const key = matchKey(finding);
    const platforms = map.get(key) ?? new Set<string>();
    platforms.add(finding.platform);
    map.set(key, platforms);
  }
  return map;
}

/** Which platform's copy of a fixed finding is listed: the first by name, so the list is stable. */
function byPlatform(a: Finding, b: Finding): number {
  return compareText(a.platform, b.platform);
}

function worstFirst(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.id, b.id) ||
    compareText(a.package ?? '', b.package ?? '') ||
    compareText(a.platform, b.platform)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
