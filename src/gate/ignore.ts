// Pure: which findings are ignored, and by what (the ignore input, the ignore file,
// ignore-unfixed). Ignored findings are still reported; they only stop counting for the gate.
import type { EvaluatedFinding, ExpiredIgnore, Ignored } from './evaluated.js';
import type { Finding } from '../shared/finding.js';
import type { IgnoreEntry } from './ignore-file.js';
import { copyFinding, vulnerabilityKey } from '../shared/finding.js';

export interface IgnoreOptions {
  /** The `ignore` input: vulnerability IDs. */
  ids: string[];
  /** The ignore file's entries. */
  entries: IgnoreEntry[];
  ignoreUnfixed: boolean;
  /** Today, YYYY-MM-DD in UTC: an entry ignores up to and including its `expires` day. */
  today: string;
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

  const evaluated = findings.map((finding): EvaluatedFinding => {
    // A previous `ignored` (a re-evaluation) is dropped: this decides afresh; the comparison stays.
    const result = copyFinding(finding) as EvaluatedFinding;
    if (finding.comparison !== undefined) result.comparison = finding.comparison;
    const ignored = ignoredBy(finding, byInput, active, options.ignoreUnfixed);
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

function ignoredBy(finding: Finding, byInput: Set<string>, active: Map<string, IgnoreEntry>, ignoreUnfixed: boolean): Ignored | undefined {
  const id = normalizeId(finding.id);
  // The file first: its entry carries a reason (and maybe a date) worth reporting.
  const entry = active.get(id);
  if (entry) return entry.expires ? { by: 'file', reason: entry.reason, expires: entry.expires } : { by: 'file', reason: entry.reason };
  if (byInput.has(id)) return { by: 'input', reason: 'listed in the ignore input' };
  // Only enhanced scanning says whether a fix exists; basic findings (UNKNOWN) are never "unfixed".
  if (ignoreUnfixed && finding.fixAvailable === 'NO') return { by: 'unfixed', reason: 'no fix available (ignore-unfixed)' };
  return undefined;
}

/** IDs are matched without regard to case or surrounding space (cve-2024-1234 = CVE-2024-1234). */
function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}
