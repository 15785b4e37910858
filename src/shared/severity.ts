// ECR's severities, in order. Basic scanning uses INFORMATIONAL…CRITICAL and UNDEFINED;
// enhanced scanning (Amazon Inspector) also says UNTRIAGED, which we count as UNDEFINED.

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What `severity-threshold` accepts: a severity to fail at, or NONE (never fail). */
export const THRESHOLDS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'NONE'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

const RANK: Record<Severity, number> = {
  CRITICAL: 5,
  HIGH: 4,
  MEDIUM: 3,
  LOW: 2,
  INFORMATIONAL: 1,
  UNDEFINED: 0,
};

export function toSeverity(value: string | undefined): Severity {
  const upper = (value ?? '').toUpperCase();
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : 'UNDEFINED';
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when a finding of this severity fails a gate at this threshold. UNDEFINED never does. */
export function meetsThreshold(severity: Severity, threshold: Threshold): boolean {
  if (threshold === 'NONE' || severity === 'UNDEFINED') return false;
  return RANK[severity] >= RANK[threshold];
}

export type SeverityCounts = Record<Severity, number>;

export function emptyCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNDEFINED: 0 };
}
