// The risk step between the scan wait and the gate: with epss-threshold, Amazon Inspector's
// scores joined to ECR's findings; and what the gate may apply (epss-threshold and
// fail-on-exploitable need enhanced scanning, EPSS needs Inspector's answer). Inspector's client
// and SDK load only when epss-threshold is set, so other runs start no slower.
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { PlatformScan } from '../shared/finding.js';
import { withRiskScores } from './risk-scores.js';

export interface RiskOptions {
  epssThreshold?: number;
  failOnExploitable: boolean;
  region: string;
  repositoryName: string;
  registryId?: string;
  /** The Inspector client; by default the one inspector/client.ts builds (tests pass a fake). */
  client?: () => Promise<Pick<Inspector2Client, 'send'>>;
}

export interface RiskStep {
  /** The scans, their findings carrying EPSS and exploit details when Inspector answered. */
  scans: PlatformScan[];
  /** What the gate applies: epss-threshold only with scores, both only with enhanced scanning. */
  gate: { epssThreshold?: number; failOnExploitable: boolean };
  /** Warnings, each said once: why an input could not apply. */
  notes: string[];
}

export async function applyRisk(scans: PlatformScan[], options: RiskOptions): Promise<RiskStep> {
  const asked = options.epssThreshold !== undefined || options.failOnExploitable;
  const scanned = scans.filter((scan) => scan.complete);
  const enhanced = scanned.some((scan) => scan.scanType === 'ENHANCED');
  if (!asked) return { scans, gate: { failOnExploitable: false }, notes: [] };
  if (!enhanced) {
    // Nothing scanned (a timeout, an index) is the gate's own "incomplete"; basic scanning is ours to say.
    const notes = scanned.length > 0 ? [basicScanningNote(options)] : [];
    return { scans, gate: { failOnExploitable: false }, notes };
  }
  if (options.epssThreshold === undefined) return { scans, gate: { failOnExploitable: options.failOnExploitable }, notes: [] };

  const { readRiskScores } = await import('./scores.js');
  const result = await readRiskScores({
    client: options.client ?? (async () => (await import('./client.js')).createInspectorClient(options.region)),
    repositoryName: options.repositoryName,
    registryId: options.registryId,
    scans,
    epssThreshold: options.epssThreshold,
  });
  const { scores } = result;
  if (!scores) return { scans, gate: { failOnExploitable: options.failOnExploitable }, notes: result.warning ? [result.warning] : [] };
  return {
    scans: scans.map((scan) => ({ ...scan, findings: withRiskScores(scan.findings, scores) })),
    gate: { epssThreshold: options.epssThreshold, failOnExploitable: options.failOnExploitable },
    notes: [],
  };
}

/** One warning for both inputs: which were set, why they cannot apply, what the gate does. */
export function basicScanningNote(options: Pick<RiskOptions, 'epssThreshold' | 'failOnExploitable'>): string {
  const names = [
    options.epssThreshold !== undefined ? 'epss-threshold' : '',
    options.failOnExploitable ? 'fail-on-exploitable' : '',
  ].filter(Boolean);
  const subject = names.length === 2 ? `${names[0]} and ${names[1]} need` : `${names[0]} needs`;
  return `${subject} enhanced scanning (Amazon Inspector), and this repository's registry uses basic scanning: ${names.length === 2 ? 'they do' : 'it does'} not apply, and the gate uses severity alone.`;
}
