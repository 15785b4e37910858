// Pure: which findings are ignored, and by what (the ignore file, the ignore input, an OpenVEX
// statement, ignore-unfixed, in that order). Ignored findings are still reported; they only stop
// counting for the gate.
import type { EvaluatedFinding, ExpiredIgnore, Ignored } from './evaluated.js';
import type { Finding } from '../shared/finding.js';
import type { IgnoreEntry } from './ignore-file.js';
import { copyFinding, vulnerabilityKey } from '../shared/finding.js';
import { vexMatcher, type VexMatcher, type VexOptions } from './vex.js';

export interface IgnoreOptions {
  /** The `ignore` input: vulnerability IDs. */
  ids: string[];
  /** The ignore file's entries. */
  entries: IgnoreEntry[];
  ignoreUnfixed: boolean;
  /** Today, YYYY-MM-DD in UTC: an entry ignores up to and including its `expires` day. */
  today: string;
  /** The `vex` input's OpenVEX statements and the image they are matched against; absent: none. */
  vex?: VexOptions;
}

export interface IgnoreResult {
  /** Every finding, in the order given; `blocking` is false until the gate decides. */
  findings: EvaluatedFinding[];
  /** Ignore-file entries past their date: they ignored nothing, and the caller warns with their reason. */
  expired: ExpiredIgnore[];
}

/** A finding, perhaps already marked against the base image (or evaluated before). */
type Input = Finding & Partial<Pick<EvaluatedFinding, 'comparison' | 'ignored' | 'blocking'>>;

export function applyIgnores(findings: readonly Input[], options: IgnoreOptions): IgnoreResult {
  const byInput = new Set(options.ids.map(normalizeId).filter((id) => id !== ''));
  const active = new Map<string, IgnoreEntry>();
  const expiredEntries: IgnoreEntry[] = [];
  for (const entry of options.entries) {
    if (isExpired(entry, options.today)) expiredEntries.push(entry);
    else if (!active.has(normalizeId(entry.id))) active.set(normalizeId(entry.id), entry);
  }

  const vex = options.vex && options.vex.statements.length > 0 ? matcherOf(options.vex) : undefined;

  const evaluated = findings.map((finding): EvaluatedFinding => {
    // A previous `ignored` (a re-evaluation) is dropped: this decides afresh; the comparison stays.
    const result = copyFinding(finding) as EvaluatedFinding;
    if (finding.comparison !== undefined) result.comparison = finding.comparison;
    const ignored = ignoredBy(finding, byInput, active, options.ignoreUnfixed, vex);
    if (ignored) result.ignored = ignored;
    result.blocking = false;
    return result;
  });

  // What each expired entry would have matched (it says so when it warns): one pass over the findings.
  const matches = new Map(expiredEntries.map((entry) => [normalizeId(entry.id), new Set<string>()]));
  if (matches.size > 0) {
    for (const finding of findings) matches.get(normalizeId(finding.id))?.add(vulnerabilityKey(finding));
  }
  const expired = expiredEntries.map((entry): ExpiredIgnore => ({
    id: entry.id,
    reason: entry.reason,
    expires: entry.expires ?? '',
    matched: matches.get(normalizeId(entry.id))!.size,
  }));
  return { findings: evaluated, expired };
}

/** YYYY-MM-DD of a moment, in UTC: what `today` expects. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An entry ignores through its `expires` day (inclusive) and stops the day after. */
export function isExpired(entry: IgnoreEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}

/**
 * A matcher per VEX options object: compare.ts asks about the base image's findings one at a
 * time with the same options, and the statements' index is built once for all of them.
 */
const matchers = new WeakMap<VexOptions, VexMatcher>();

function matcherOf(options: VexOptions): VexMatcher {
  let matcher = matchers.get(options);
  if (matcher === undefined) {
    matcher = vexMatcher(options);
    matchers.set(options, matcher);
  }
  return matcher;
}

function ignoredBy(
  finding: Finding,
  byInput: Set<string>,
  active: Map<string, IgnoreEntry>,
  ignoreUnfixed: boolean,
  vex: VexMatcher | undefined,
): Ignored | undefined {
  const id = normalizeId(finding.id);
  // The file first: its entry carries a reason (and maybe a date) worth reporting.
  const entry = active.get(id);
  if (entry) return entry.expires ? { by: 'file', reason: entry.reason, expires: entry.expires } : { by: 'file', reason: entry.reason };
  if (byInput.has(id)) return { by: 'input', reason: 'listed in the ignore input' };
  // Then a VEX statement: it names the statement, and says more than ignore-unfixed does.
  const statement = vex?.(finding);
  if (statement) return { by: 'vex', reason: statement.reason, vex: { ...statement.source, status: statement.status } };
  // Only enhanced scanning says whether a fix exists; basic findings (UNKNOWN) are never "unfixed".
  if (ignoreUnfixed && finding.fixAvailable === 'NO') return { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' };
  return undefined;
}

/** IDs are matched without regard to case or surrounding space (cve-2024-1234 = CVE-2024-1234). */
function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}
