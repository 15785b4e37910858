// Pure: Amazon Inspector's findings (ListFindings) → what they add to ECR's: the EPSS score,
// whether an exploit is known and when it was last seen. ECR's enhanced findings come from
// Inspector but carry no EPSS; the two are joined by vulnerability id and package.
// Shapes: https://docs.aws.amazon.com/inspector/v2/APIReference/API_Finding.html (epss:
// API_EpssDetails, exploitabilityDetails: API_ExploitabilityDetails). Every field may be
// missing: a missing one is unknown, never 0, and nothing here throws.
import type { Finding as InspectorFinding } from '@aws-sdk/client-inspector2';
import type { ExploitAvailable, Finding } from '../shared/finding.js';
import { toExploitAvailable } from '../shared/finding.js';

/** What Inspector says of one vulnerability in one package. */
export interface RiskScore {
  id: string;
  package?: string;
  /** 0 to 1. */
  epss?: number;
  exploitAvailable?: ExploitAvailable;
  /** ISO 8601. */
  lastKnownExploitAt?: string;
}

/** One entry per vulnerable package of each finding (one without a package when none is listed). */
export function riskScores(findings: readonly InspectorFinding[]): RiskScore[] {
  return findings.flatMap((finding) => {
    const id = text(finding.packageVulnerabilityDetails?.vulnerabilityId);
    if (id === undefined) return [];
    const common: RiskScore = { id };
    const epss = probability(finding.epss?.score);
    if (epss !== undefined) common.epss = epss;
    const exploit = toExploitAvailable(finding.exploitAvailable);
    if (exploit !== undefined) common.exploitAvailable = exploit;
    const lastSeen = isoTime(finding.exploitabilityDetails?.lastKnownExploitAt);
    if (lastSeen !== undefined) common.lastKnownExploitAt = lastSeen;
    const packages = (finding.packageVulnerabilityDetails?.vulnerablePackages ?? []).map((pkg) => text(pkg.name));
    const named = packages.filter((name): name is string => name !== undefined);
    return named.length === 0 ? [common] : [...new Set(named)].map((name) => ({ ...common, package: name }));
  });
}

/**
 * ECR's findings with Inspector's scores added. A finding takes the score of the same
 * vulnerability in the same package; failing that, of the same vulnerability in any package
 * (EPSS and known exploits belong to the vulnerability, not the package). ECR's own
 * exploitAvailable wins when it says YES or NO. A finding Inspector does not know is unchanged.
 */
export function withRiskScores<T extends Finding>(findings: readonly T[], scores: readonly RiskScore[]): T[] {
  const byPackage = new Map<string, RiskScore>();
  const byId = new Map<string, RiskScore>();
  for (const score of scores) {
    const id = normalizeId(score.id);
    const key = `${id}\u0000${score.package ?? ''}`;
    byPackage.set(key, merge(byPackage.get(key), score));
    byId.set(id, merge(byId.get(id), score));
  }
  return findings.map((finding) => {
    const id = normalizeId(finding.id);
    const score = byPackage.get(`${id}\u0000${finding.package ?? ''}`) ?? byId.get(id);
    if (!score) return finding;
    const joined: T = { ...finding };
    if (score.epss !== undefined) joined.epss = score.epss;
    if (joined.exploitAvailable === undefined && score.exploitAvailable !== undefined) joined.exploitAvailable = score.exploitAvailable;
    if (score.lastKnownExploitAt !== undefined) joined.lastKnownExploitAt = score.lastKnownExploitAt;
    return joined;
  });
}

/** Two entries for one key (two platforms, two copies): what either knows, the higher EPSS, YES over NO. */
function merge(a: RiskScore | undefined, b: RiskScore): RiskScore {
  if (!a) return b;
  const merged: RiskScore = { ...a };
  if (b.epss !== undefined && (a.epss === undefined || b.epss > a.epss)) merged.epss = b.epss;
  if (b.exploitAvailable === 'YES' || a.exploitAvailable === undefined) merged.exploitAvailable = b.exploitAvailable ?? a.exploitAvailable;
  if (b.lastKnownExploitAt !== undefined && (a.lastKnownExploitAt === undefined || b.lastKnownExploitAt > a.lastKnownExploitAt)) {
    merged.lastKnownExploitAt = b.lastKnownExploitAt;
  }
  return merged;
}

function probability(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

function isoTime(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}
