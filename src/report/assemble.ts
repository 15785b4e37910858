// Pure: the one Report, from what the pipeline learned. Renderers and outputs read it as it is.
import { keySigningFailureOf, signingFailureOf, signingFailures } from '../gate/signing.js';
import { SKIPPED_REASONS, policyFailures, withPolicyFailures } from '../gate/verdict.js';
import type { PlatformManifest } from '../shared/manifest.js';
import type { Threshold } from '../shared/severity.js';
import type { ExpiredIgnore } from '../gate/evaluated.js';
import { FINDINGS_READY, type PlatformScan } from '../shared/finding.js';
import { countByPlatform, countExploitable, countFindings, countIgnored, worstFirst, type GateDecision } from '../gate/policy.js';
import { emptyCounts } from '../shared/severity.js';
import type { Comparison, ImageReport, PlatformReport, Report, StepReport } from './model.js';

interface ImageParts {
  /** registry/repository */
  image: string;
  digest?: string;
  /** Full references that now point at this image. */
  tags: string[];
  heldBack?: Report['heldBack'];
  build: Report['build'];
  attestations?: Report['attestations'];
  policy?: Report['policy'];
  signatures?: Report['signatures'];
  keySignatures?: Report['keySignatures'];
  commit?: string;
  commitUrl?: string;
  gate: Report['gate'];
  runUrl?: string;
  reportPath?: string;
  /** ISO 8601 time, passed in so the report is reproducible. */
  generatedAt: string;
}

export interface ReportParts extends ImageParts {
  scans: PlatformScan[];
  decision: GateDecision;
  ignores: { expired: ExpiredIgnore[] };
  comparison?: Comparison;
  /** Warnings about epss-threshold / fail-on-exploitable not applying, for the report to repeat. */
  riskNotes?: string[];
}

/** The step's report: its images' reports and the verdict over them (src/gate/verdict.ts decideStep). */
export function stepReport(
  layout: StepReport['layout'],
  verdict: { verdict: StepReport['verdict']; fails: boolean; reason: string },
  images: ImageReport[],
  runUrl?: string,
): StepReport {
  return { layout, verdict: verdict.verdict, fails: verdict.fails, reason: verdict.reason, images, ...(runUrl ? { runUrl } : {}) };
}

/** The gate's settings as the report shows them. */
export function gateSettings(inputs: {
  severityThreshold: Threshold;
  gate: 'all' | 'new';
  onScanIncomplete: 'fail' | 'warn';
  ignoreUnfixed: boolean;
  epssThreshold?: number;
  failOnExploitable?: boolean;
}): Report['gate'] {
  return {
    threshold: inputs.severityThreshold,
    mode: inputs.gate,
    onIncomplete: inputs.onScanIncomplete,
    ignoreUnfixed: inputs.ignoreUnfixed,
    ...(inputs.epssThreshold !== undefined ? { epssThreshold: inputs.epssThreshold } : {}),
    ...(inputs.failOnExploitable ? { failOnExploitable: true } : {}),
  };
}

export function buildReport(parts: ReportParts): Report {
  const { decision, scans } = parts;
  const perPlatform = countByPlatform(decision.findings);
  const platforms = scans.map((scan): PlatformReport => ({
    platform: scan.platform,
    digest: scan.digest,
    status: scan.status,
    ...(scan.description !== undefined ? { description: scan.description } : {}),
    counts: perPlatform[scan.platform] ?? emptyCounts(),
    ignored: countIgnored(decision.findings.filter((finding) => finding.platform === scan.platform)),
  }));
  const scanType = scans.find((scan) => scan.scanType !== undefined)?.scanType;
  return {
    ...imageFields(parts),
    scan: { status: overallStatus(scans), ...(scanType ? { scanType } : {}), platforms },
    gate: parts.gate,
    ...withPolicy(decision, parts, true),
    findings: [...decision.findings].sort(worstFirst),
    counts: countFindings(decision.findings),
    ignoredCount: countIgnored(decision.findings),
    ...(scanType === 'ENHANCED' ? { exploitableCount: countExploitable(decision.findings) } : {}),
    ...(parts.riskNotes && parts.riskNotes.length > 0 ? { riskNotes: parts.riskNotes } : {}),
    expiredIgnores: parts.ignores.expired,
    ...(parts.comparison ? { comparison: parts.comparison } : {}),
    ...optionalFields(parts),
  };
}

export interface SkippedParts extends ImageParts {
  /** `push: false` (built only) or `scan: false` (pushed, not scanned). */
  skipped: 'not-pushed' | 'scan-off';
  /** The platform manifests, when pushed: listed with status SKIPPED. */
  platforms?: PlatformManifest[];
}

/** The report when nothing was scanned: status SKIPPED, verdict skipped, the step does not fail. */
export function skippedReport(parts: SkippedParts): Report {
  const reason = SKIPPED_REASONS[parts.skipped];
  return {
    ...imageFields(parts),
    scan: {
      status: 'SKIPPED',
      platforms: (parts.platforms ?? []).map((manifest) => ({
        platform: manifest.platform,
        digest: manifest.digest,
        status: 'SKIPPED',
        counts: emptyCounts(),
        ignored: 0,
      })),
    },
    gate: parts.gate,
    ...withPolicy({ verdict: 'skipped', reason, fails: false }, parts, false),
    findings: [],
    counts: emptyCounts(),
    ignoredCount: 0,
    expiredIgnores: [],
    ...optionalFields(parts),
  };
}

/**
 * The image's verdict, with its policy and its signatures: a rule at `fail` that failed, a managed
 * signature that failed or did not come, or signing with a key that failed, fails the image as a
 * blocking CVE does, and its sentence is the one the step says for one image
 * (src/gate/verdict.ts withPolicyFailures).
 */
function withPolicy(
  gate: Pick<Report, 'verdict' | 'reason' | 'fails'>,
  parts: Pick<ImageParts, 'policy' | 'signatures' | 'keySignatures' | 'gate'>,
  scanned: boolean,
): Pick<Report, 'verdict' | 'reason' | 'fails' | 'heldBy'> {
  const failures = parts.policy ? policyFailures(parts.policy.results) : [];
  const signing = signingFailures(signingFailureOf(parts.signatures, parts.gate.onIncomplete), keySigningFailureOf(parts.keySignatures));
  if (failures.length === 0 && !signing) return { verdict: gate.verdict, reason: gate.reason, fails: gate.fails };
  const reason = withPolicyFailures(gate.reason, { gateFails: gate.fails, scanned }, failures, signing);
  const heldBy = failures.length > 0 && signing ? 'policy and signing' : failures.length > 0 ? 'policy' : 'signing';
  return { verdict: 'failed', reason, fails: true, ...(gate.fails ? {} : { heldBy }) };
}

/**
 * COMPLETE/ACTIVE when every platform is; otherwise the first platform's status that is not
 * (TIMEOUT, FAILED, …). No platform at all means there was nothing ECR could scan.
 */
export function overallStatus(scans: readonly PlatformScan[]): string {
  if (scans.length === 0) return 'UNSUPPORTED_IMAGE';
  const notComplete = scans.find((scan) => !scan.complete);
  if (notComplete) return notComplete.status;
  return scans.find((scan) => (FINDINGS_READY as readonly string[]).includes(scan.status))?.status ?? scans[0].status;
}

function imageFields(
  parts: ImageParts,
): Pick<
  Report,
  | 'image'
  | 'digest'
  | 'imageUri'
  | 'tags'
  | 'heldBack'
  | 'build'
  | 'attestations'
  | 'policy'
  | 'signatures'
  | 'keySignatures'
  | 'commit'
  | 'commitUrl'
> {
  return {
    image: parts.image,
    ...(parts.digest ? { digest: parts.digest, imageUri: `${parts.image}@${parts.digest}` } : {}),
    tags: parts.tags,
    heldBack: parts.heldBack ?? [],
    build: parts.build,
    ...(parts.attestations ? { attestations: parts.attestations } : {}),
    ...(parts.policy ? { policy: parts.policy } : {}),
    ...(parts.signatures ? { signatures: parts.signatures } : {}),
    ...(parts.keySignatures ? { keySignatures: parts.keySignatures } : {}),
    ...(parts.commit ? { commit: parts.commit } : {}),
    ...(parts.commit && parts.commitUrl ? { commitUrl: parts.commitUrl } : {}),
  };
}

function optionalFields(parts: ImageParts): Pick<Report, 'runUrl' | 'reportPath' | 'generatedAt'> {
  return {
    ...(parts.runUrl ? { runUrl: parts.runUrl } : {}),
    ...(parts.reportPath ? { reportPath: parts.reportPath } : {}),
    generatedAt: parts.generatedAt,
  };
}
