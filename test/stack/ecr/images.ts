// Images as ECR's metadata layer sees them: a manifest is visible to DescribeImages,
// ListImages and the scan APIs only once its push notification has arrived (ECR's eventual
// consistency); tags and manifest bytes always come from the registry.
import type { OpContext } from './context.ts';
import { imageNotFound } from './errors.ts';
import { severityCounts, type FindingSpec } from './findings.ts';
import { seconds } from './input.ts';
import type { ImageId, ImageRecord, Repository, ScanRecord } from './model.ts';
import { isIndexType } from './registry-client.ts';
import type { ScanView } from './scans.ts';

/** The known image an ImageId names; ImageNotFoundException when ECR would not see it. */
export async function resolveKnownImage(ctx: OpContext, repo: Repository, id: ImageId): Promise<ImageRecord> {
  let digest = id.imageDigest;
  if (id.imageTag !== undefined) {
    const tagged = await ctx.registry.resolveTag(repo.name, id.imageTag);
    if (!tagged || (digest !== undefined && digest !== tagged)) throw imageNotFound(id, repo.name, repo.registryId);
    digest = tagged;
  }
  const image = digest === undefined ? undefined : ctx.store.image(repo.name, digest);
  if (!image) throw imageNotFound(id, repo.name, repo.registryId);
  return image;
}

/**
 * Enhanced scans with scenario.enhancedSettleReads: read k (k ≤ N) after completion sees
 * k/(N+1) of the findings, as if Inspector were still adding them; later reads see all.
 */
export function visibleFindings(repo: Repository, all: FindingSpec[], read: number): FindingSpec[] {
  const settle = repo.scenario.scanType === 'ENHANCED' ? (repo.scenario.enhancedSettleReads ?? 0) : 0;
  if (settle <= 0 || read > settle) return all;
  return all.slice(0, Math.floor((all.length * Math.max(read, 1)) / (settle + 1)));
}

/** imageScanStatus + imageScanFindingsSummary for DescribeImages (does not count as a read). */
export async function scanSummary(ctx: OpContext, repo: Repository, scan: ScanRecord | undefined) {
  if (!scan) return {};
  const view: ScanView = await ctx.scanner.view(repo, scan, ctx.now);
  if (view.hidden) return {};
  const status = { status: view.status, ...(view.description !== undefined ? { description: view.description } : {}) };
  if (view.completedAt === undefined || !view.findings) return { imageScanStatus: status };
  const enhanced = repo.scenario.scanType === 'ENHANCED';
  const visible = visibleFindings(repo, view.findings, Math.max(scan.reads, 1));
  return {
    imageScanStatus: status,
    imageScanFindingsSummary: {
      imageScanCompletedAt: seconds(view.completedAt),
      vulnerabilitySourceUpdatedAt: seconds(view.completedAt),
      findingSeverityCounts: severityCounts(visible, enhanced),
    },
  };
}

/** An ImageDetail, or undefined when the manifest is gone from the registry. */
export async function imageDetail(ctx: OpContext, repo: Repository, image: ImageRecord, tags: string[]) {
  const manifest = await ctx.registry.getManifest(repo.name, image.digest);
  if (!manifest) return undefined;
  const json = JSON.parse(manifest.bytes.toString('utf8')) as {
    config?: { mediaType?: string; size?: number };
    layers?: { size?: number }[];
    manifests?: { size?: number }[];
  };
  const parts = isIndexType(manifest.mediaType) ? (json.manifests ?? []) : (json.layers ?? []);
  return {
    registryId: repo.registryId,
    repositoryName: repo.name,
    imageDigest: image.digest,
    ...(tags.length > 0 ? { imageTags: tags } : {}),
    imageSizeInBytes: parts.reduce((sum, p) => sum + (p.size ?? 0), 0),
    imagePushedAt: seconds(image.pushedAt),
    imageManifestMediaType: manifest.mediaType,
    ...(json.config?.mediaType ? { artifactMediaType: json.config.mediaType } : {}),
    imageStatus: 'ACTIVE',
    ...(await scanSummary(ctx, repo, ctx.store.scan(repo.name, image.digest))),
  };
}

/** `*` matches any run of characters; everything else is literal. */
export function wildcardMatch(pattern: string, tag: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(tag);
}

/** Whether an existing tag may not be moved, per imageTagMutability and its exclusion filters. */
export function isTagImmutable(repo: Repository, tag: string): boolean {
  const excluded = repo.imageTagMutabilityExclusionFilters.some((f) => wildcardMatch(f.filter, tag));
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
    default:
      return false;
  }
}
