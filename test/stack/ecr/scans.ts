// The scan lifecycle: what DescribeImageScanFindings (and DescribeImages' summary) sees for
// a scan at a given moment, from the repository's scenario and the image's own labels.
import { EcrError } from './errors.ts';
import { findingsForImage, type FindingSpec, type ImageFacts } from './findings.ts';
import type { Repository, ScanRecord } from './model.ts';
import { isIndexType, type RegistryClient } from './registry-client.ts';

export const DEFAULT_SCAN_DELAY_MS = 500;

/** What the scanner makes of a manifest, worked out once per digest. */
type Analysis =
  { kind: 'image'; facts: ImageFacts } | { kind: 'index' } | { kind: 'unsupported'; reason: string } | { kind: 'error'; reason: string };

export interface ScanView {
  /** The scan exists but ECR does not show it yet (scenario.notFoundMs). */
  hidden: boolean;
  status: string;
  description?: string;
  /** Epoch ms, when the status is COMPLETE or ACTIVE. */
  completedAt?: number;
  /** All findings of a completed scan (before enhancedSettleReads trims them). */
  findings?: FindingSpec[];
  facts?: ImageFacts;
}

const UNSUPPORTED_OS = 'UnsupportedImageError: The operating system and/or package manager are not supported.';

const FINAL_DESCRIPTIONS: Record<string, string> = {
  FAILED: 'ScanFailed: The scan failed to complete.',
  UNSUPPORTED_IMAGE: UNSUPPORTED_OS,
  FINDINGS_UNAVAILABLE: 'Findings are unavailable for this image.',
  SCAN_ELIGIBILITY_EXPIRED: 'The scan eligibility duration for this image has expired.',
  LIMIT_EXCEEDED: 'The scan limit for this image has been exceeded.',
};

export class Scanner {
  private readonly registry: RegistryClient;
  private readonly analyses = new Map<string, Promise<Analysis>>();

  constructor(registry: RegistryClient) {
    this.registry = registry;
  }

  forget(): void {
    this.analyses.clear();
  }

  /** The scan as ECR would report it at `now`. */
  async view(repo: Repository, scan: ScanRecord, now: number): Promise<ScanView> {
    const scenario = repo.scenario;
    const enhanced = scenario.scanType === 'ENHANCED';
    const elapsed = now - scan.startedAt;
    if (scenario.notFoundMs !== undefined && elapsed < scenario.notFoundMs) {
      return { hidden: true, status: 'IN_PROGRESS' };
    }
    if (isIndexType(scan.mediaType)) {
      return {
        hidden: false,
        status: 'UNSUPPORTED_IMAGE',
        description: 'UnsupportedImageError: Image indexes (manifest lists) are not scanned; scan the images they reference.',
      };
    }
    const delay = scenario.scanDelayMs ?? DEFAULT_SCAN_DELAY_MS;
    if (scenario.neverCompletes || elapsed < delay) return { hidden: false, status: 'IN_PROGRESS' };
    if (scenario.finalStatus) {
      return {
        hidden: false,
        status: scenario.finalStatus,
        description: scenario.finalDescription ?? FINAL_DESCRIPTIONS[scenario.finalStatus] ?? '',
      };
    }
    const analysis = await this.analyse(scan.repository, scan.digest);
    if (analysis.kind === 'index') return { hidden: false, status: 'UNSUPPORTED_IMAGE', description: UNSUPPORTED_OS };
    if (analysis.kind === 'unsupported') return { hidden: false, status: 'UNSUPPORTED_IMAGE', description: analysis.reason };
    if (analysis.kind === 'error') return { hidden: false, status: 'FAILED', description: `ScanFailed: ${analysis.reason}` };
    let findings: FindingSpec[];
    try {
      findings = findingsForImage(analysis.facts, scenario.findings);
    } catch (err) {
      // A malformed label is a test-authoring mistake: fail loudly, visibly in the status.
      return { hidden: false, status: 'FAILED', description: `ScanFailed: ${(err as Error).message}` };
    }
    return {
      hidden: false,
      status: enhanced ? 'ACTIVE' : 'COMPLETE',
      description: enhanced ? 'Continuous scan is selected for image.' : 'The scan was completed successfully.',
      completedAt: scan.startedAt + delay,
      findings,
      facts: analysis.facts,
    };
  }

  /** Reads the manifest and its config blob from the registry (once per digest). */
  analyse(repository: string, digest: string): Promise<Analysis> {
    const key = `${repository}@${digest}`;
    let analysis = this.analyses.get(key);
    if (!analysis) {
      analysis = this.readImage(repository, digest).catch((err: Error) => {
        this.analyses.delete(key); // the registry may answer next time
        return { kind: 'error', reason: err.message } as const;
      });
      this.analyses.set(key, analysis);
    }
    return analysis;
  }

  private async readImage(repository: string, digest: string): Promise<Analysis> {
    const manifest = await this.registry.getManifest(repository, digest);
    if (!manifest) return { kind: 'error', reason: `manifest ${digest} is not in the registry` };
    if (isIndexType(manifest.mediaType)) return { kind: 'index' };
    const json = JSON.parse(manifest.bytes.toString('utf8')) as {
      config?: { digest?: string; mediaType?: string };
      layers?: { digest?: string; mediaType?: string }[];
    };
    // BuildKit's provenance/SBOM attestations are manifests of in-toto layers, not images.
    if ((json.layers ?? []).some((l) => (l.mediaType ?? '').startsWith('application/vnd.in-toto'))) {
      return { kind: 'unsupported', reason: UNSUPPORTED_OS };
    }
    if (!json.config?.digest) throw new EcrError('ServerException', `manifest ${digest} has no config`, 500);
    const blob = await this.registry.getBlob(repository, json.config.digest);
    if (!blob) return { kind: 'error', reason: `config blob ${json.config.digest} is not in the registry` };
    const config = JSON.parse(blob.toString('utf8')) as {
      os?: string;
      architecture?: string;
      config?: { Labels?: Record<string, string> | null };
    };
    return {
      kind: 'image',
      facts: {
        os: config.os ?? 'linux',
        architecture: config.architecture ?? 'amd64',
        labels: config.config?.Labels ?? {},
        firstLayer: json.layers?.[0]?.digest,
      },
    };
  }
}
