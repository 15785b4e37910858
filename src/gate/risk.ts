// Pure: the gate's condition for one finding, severity and risk together
// (issue 14; ACTION-SPEC `severity-threshold`, `epss-threshold`, `fail-on-exploitable`, `gate`).
//
// A finding that is not ignored fails when it is at or above severity-threshold and (no
// epss-threshold, or its EPSS score is unknown, or the score is at least the threshold); and,
// with fail-on-exploitable, when it has a known exploit whatever its severity. Ignores (the
// input, the file, ignore-unfixed) come first; with gate: new only findings new against the
// base image fail. A finding at or above the severity that fails only for want of EPSS is
// "held back": reported as such, never hidden.
import type { EvaluatedFinding } from './evaluated.js';
import { meetsThreshold, type Threshold } from '../shared/severity.js';

export interface RiskSettings {
  threshold: Threshold;
  /** 0 to 1; undefined when epss-threshold is not set (or cannot apply). */
  epssThreshold?: number;
  failOnExploitable: boolean;
  /** gate: new with a base image: only findings new against it may fail. */
  onlyNew: boolean;
}

export type GateOutcome =
  /** Ignored by the input, the file or ignore-unfixed. */
  | 'ignored'
  /** gate: new, and the base image has it too. */
  | 'in-base'
  /** At or above severity-threshold (and its EPSS, when asked, is at or above epss-threshold or unknown). */
  | 'fails-severity'
  /** fail-on-exploitable, and a known exploit; below severity-threshold or held back by EPSS. */
  | 'fails-exploit'
  /** At or above severity-threshold, but its EPSS score is below epss-threshold. */
  | 'held-back-by-epss'
  /** Below severity-threshold, no exploit that counts. */
  | 'passes';

type Judged = Pick<EvaluatedFinding, 'severity' | 'epss' | 'exploitAvailable' | 'ignored' | 'comparison'>;

/** What the gate makes of one finding. */
export function gateOutcome(finding: Judged, settings: RiskSettings): GateOutcome {
  if (finding.ignored !== undefined) return 'ignored';
  if (settings.onlyNew && finding.comparison !== 'new') return 'in-base';
  const atSeverity = meetsThreshold(finding.severity, settings.threshold);
  const heldBack = atSeverity && belowEpss(finding.epss, settings.epssThreshold);
  if (atSeverity && !heldBack) return 'fails-severity';
  if (settings.failOnExploitable && finding.exploitAvailable === 'YES') return 'fails-exploit';
  return heldBack ? 'held-back-by-epss' : 'passes';
}

/** The outcomes that fail the step. */
export function outcomeFails(outcome: GateOutcome): boolean {
  return outcome === 'fails-severity' || outcome === 'fails-exploit';
}

/** A known score under the threshold; an unknown score (or no threshold) is never below it. */
function belowEpss(epss: number | undefined, threshold: number | undefined): boolean {
  return threshold !== undefined && epss !== undefined && epss < threshold;
}

/** One line saying what the gate used, e.g. "fails on CRITICAL with EPSS ≥ 10 %, and on any finding with a known exploit". */
export function describeGate(settings: Pick<RiskSettings, 'threshold' | 'epssThreshold' | 'failOnExploitable'>): string {
  const severity =
    settings.threshold === 'NONE' ? undefined : `${settings.threshold}${settings.threshold === 'CRITICAL' ? '' : ' or above'}`;
  const withEpss = settings.epssThreshold === undefined ? '' : ` with EPSS ≥ ${formatPercent(settings.epssThreshold)}`;
  const parts = [
    severity ? `on ${severity}${withEpss}` : undefined,
    settings.failOnExploitable ? 'on any finding with a known exploit' : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? 'never fails (severity-threshold: NONE)' : `fails ${parts.join(', and ')}`;
}

/** An EPSS score (0 to 1) as a percentage for people: 0.1 → "10 %", 0.00044 → "0.044 %", 0.97314 → "97.3 %". */
export function formatPercent(score: number): string {
  const percent = score * 100;
  if (percent > 0 && percent < 0.001) return '< 0.001 %';
  const rounded = percent >= 10 ? percent.toFixed(1) : percent >= 1 ? percent.toFixed(2) : percent.toPrecision(2);
  return `${Number(rounded).toString()} %`;
}
