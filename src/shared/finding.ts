// One model of a finding for both of ECR's shapes (basic `findings`, enhanced
// `enhancedFindings`), and of a platform's scan. Everything after normalize works on these.
import type { Severity, SeverityCounts } from './severity.js';

export type FixAvailable = 'YES' | 'NO' | 'PARTIAL' | 'UNKNOWN';
/** Enhanced scanning's exploitAvailable. Absent from a Finding when unknown (basic scanning, or not said). */
export type ExploitAvailable = 'YES' | 'NO';

/** A CVSS base score and its vector, as the vulnerability's source gives them. */
export interface Cvss {
  baseScore?: number;
  vector?: string;
  /** e.g. 3.1, 2.0 */
  version?: string;
  /** e.g. NVD */
  source?: string;
}

export interface Finding {
  /** Vulnerability ID, e.g. CVE-2024-1234 (basic: `name`; enhanced: packageVulnerabilityDetails.vulnerabilityId). */
  id: string;
  severity: Severity;
  package?: string;
  version?: string;
  /** Version(s) that fix it, when known (enhanced scanning). */
  fixedIn?: string;
  /** Enhanced scanning's fixAvailable; basic scanning does not say (UNKNOWN). */
  fixAvailable: FixAvailable;
  uri?: string;
  title?: string;
  description?: string;
  /** Enhanced: Amazon Inspector's score (`score`); basic: the CVSS3 (else CVSS2) score attribute. */
  score?: number;
  /** The vector behind `score` (enhanced: scoreDetails.cvss.scoringVector; basic: CVSS3/CVSS2_VECTOR). */
  scoreVector?: string;
  /** Enhanced: the CVSS base score of the vulnerability (packageVulnerabilityDetails.cvss, the newest version). */
  cvss?: Cvss;
  /** Enhanced scanning's exploitAvailable (Amazon Inspector's when ECR does not say); absent when unknown. */
  exploitAvailable?: ExploitAvailable;
  /** When an exploit was last seen (Amazon Inspector's exploitabilityDetails.lastKnownExploitAt), ISO 8601. */
  lastKnownExploitAt?: string;
  /**
   * EPSS score, 0 to 1: how likely use in the wild is in the next 30 days. Only Amazon Inspector's
   * ListFindings carries it (epss.score); absent means unknown, never 0.
   */
  epss?: number;
  /** Platform of the manifest it was found in, e.g. linux/amd64. */
  platform: string;
}

export type ScanType = 'BASIC' | 'ENHANCED';

/** Statuses after which findings are final (basic COMPLETE; enhanced ACTIVE). */
export const FINDINGS_READY = ['COMPLETE', 'ACTIVE'] as const;
/** Statuses that mean no findings will come: the gate cannot decide. */
export const INCOMPLETE_STATUSES = [
  'FAILED',
  'UNSUPPORTED_IMAGE',
  'FINDINGS_UNAVAILABLE',
  'SCAN_ELIGIBILITY_EXPIRED',
  'LIMIT_EXCEEDED',
  'IMAGE_ARCHIVED',
] as const;
/** Statuses worth waiting on. */
export const PENDING_STATUSES = ['IN_PROGRESS', 'PENDING'] as const;

export interface PlatformScan {
  platform: string;
  digest: string;
  /** ECR's final status, `TIMEOUT` when scan-timeout ran out, or an unknown status as ECR said it. */
  status: string;
  description?: string;
  /** true when findings are final (COMPLETE/ACTIVE); false for every other status. */
  complete: boolean;
  scanType?: ScanType;
  findings: Finding[];
  /** ECR's findingSeverityCounts, to cross-check the findings read. */
  reportedCounts?: Partial<Record<string, number>>;
  completedAt?: string;
  /** API calls the wait made for this platform (for the report and the benchmark). */
  calls: number;
  /** Calls that failed with throttling or another retryable error and were tried again. */
  retries?: number;
}

export type { Severity, SeverityCounts };

/**
 * What identifies one vulnerability in one package, however many platforms carry it: the
 * counts and the gate's reason count each such pair once.
 */
export function vulnerabilityKey(finding: Pick<Finding, 'id' | 'package'>): string {
  return `${finding.id}\u0000${finding.package ?? ''}`;
}

/** YES / NO, in any case; anything else (absent, empty, unexpected) is unknown. */
export function toExploitAvailable(value: unknown): ExploitAvailable | undefined {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return upper === 'YES' || upper === 'NO' ? upper : undefined;
}

/**
 * A finding's own fields, copied into one new object literal. For 10,000 findings the gate's
 * copies (with their verdict added) cost several times less this way than as a spread or a
 * rest pattern. Every field of Finding is listed: the type says so when one is added.
 */
export function copyFinding(f: Finding): Finding {
  const copy: { [K in keyof Required<Finding>]: Finding[K] } = {
    id: f.id,
    severity: f.severity,
    package: f.package,
    version: f.version,
    fixedIn: f.fixedIn,
    fixAvailable: f.fixAvailable,
    uri: f.uri,
    title: f.title,
    description: f.description,
    score: f.score,
    scoreVector: f.scoreVector,
    cvss: f.cvss,
    exploitAvailable: f.exploitAvailable,
    lastKnownExploitAt: f.lastKnownExploitAt,
    epss: f.epss,
    platform: f.platform,
  };
  return copy;
}
