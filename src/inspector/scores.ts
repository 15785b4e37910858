// When epss-threshold is set and the scan is enhanced: Amazon Inspector's scores for the image's
// platform manifests. Never fails the step: a refused or failing call is one warning naming
// inspector2:ListFindings, and the gate then uses severity alone (every score unknown).
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { PlatformScan } from '../shared/finding.js';
import { riskScores, type RiskScore } from './risk-scores.js';
import { inspectorWarning, listImageFindings } from './findings.js';

export interface ScoreRequest {
  /** Builds the client only when it is needed (its module and credentials cost start-up time). */
  client: () => Promise<Pick<Inspector2Client, 'send'>>;
  repositoryName: string;
  registryId?: string;
  scans: readonly PlatformScan[];
  epssThreshold: number | undefined;
}

export interface ScoreResult {
  /** Undefined when Inspector was not asked (no epss-threshold, no enhanced scan) or could not answer. */
  scores?: RiskScore[];
  warning?: string;
  /** ListFindings was called. */
  asked: boolean;
}

export async function readRiskScores(request: ScoreRequest): Promise<ScoreResult> {
  const enhanced = request.scans.filter((scan) => scan.complete && scan.scanType === 'ENHANCED');
  if (request.epssThreshold === undefined || enhanced.length === 0) return { asked: false };
  try {
    const client = await request.client();
    const findings = await listImageFindings(client, {
      repositoryName: request.repositoryName,
      digests: enhanced.map((scan) => scan.digest),
      registryId: request.registryId,
    });
    return { scores: riskScores(findings), asked: true };
  } catch (error) {
    return { warning: inspectorWarning(error), asked: true };
  }
}
