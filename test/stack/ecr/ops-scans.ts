// Scan operations: StartImageScan and DescribeImageScanFindings.
import type { Operation } from './context.ts';
import { EcrError, formatImageId, missingMember, scanNotFound } from './errors.ts';
import { basicFinding, enhancedFinding, severityCounts, type FindingSpec } from './findings.ts';
import { resolveKnownImage, visibleFindings } from './images.ts';
import { type Input, decodeToken, encodeToken, imageIdOf, optInt, optString, repositoryOf, seconds } from './input.ts';
import { isIndexType } from './registry-client.ts';

// ECR's page caps: basic scan findings 1000 per page, Inspector's enhanced findings 100.
const BASIC_PAGE_CAP = 1000;
const ENHANCED_PAGE_CAP = 100;
const DEFAULT_MAX_RESULTS = 100;

function requiredImageId(input: Input) {
  if (input.imageId === undefined || input.imageId === null) throw missingMember('imageId');
  return imageIdOf(input.imageId, 'imageId');
}

const startImageScan: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const id = requiredImageId(input);
  const image = await resolveKnownImage(ctx, repo, id);
  if (repo.scenario.scanType === 'ENHANCED') {
    throw new EcrError(
      'ValidationException',
      'StartImageScan is not supported when enhanced scanning is configured: Amazon Inspector scans images on push and continuously.',
    );
  }
  if (isIndexType(image.mediaType)) {
    throw new EcrError(
      'UnsupportedImageTypeException',
      `The image with imageId ${formatImageId(id)} is an image index (manifest list), which cannot be scanned.`,
    );
  }
  // ECR allows one basic scan per image per 24 hours, a scan on push included.
  if (repo.scenario.startScanLimitExceeded || ctx.store.scan(repo.name, image.digest)) {
    throw new EcrError('LimitExceededException', 'The scan quota per image has been exceeded. Wait and try again.');
  }
  ctx.store.startScan(repo.name, image.digest, image.mediaType, ctx.now, 'StartImageScan');
  return {
    registryId: repo.registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
    imageScanStatus: { status: 'IN_PROGRESS' },
  };
};

const describeImageScanFindings: Operation = async (input, ctx) => {
  const repo = repositoryOf(ctx.store, input, ctx.account);
  const id = requiredImageId(input);
  const image = await resolveKnownImage(ctx, repo, id);
  const scan = ctx.store.scan(repo.name, image.digest);
  if (!scan) throw scanNotFound(id, repo.name, repo.registryId);
  const view = await ctx.scanner.view(repo, scan, ctx.now);
  if (view.hidden) throw scanNotFound(id, repo.name, repo.registryId);

  const result: Record<string, unknown> = {
    registryId: repo.registryId,
    repositoryName: repo.name,
    imageId: { imageDigest: image.digest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
    imageScanStatus: { status: view.status, ...(view.description !== undefined ? { description: view.description } : {}) },
  };
  if (view.completedAt === undefined || !view.findings || !view.facts) return result;

  const enhanced = repo.scenario.scanType === 'ENHANCED';
  const maxResults = optInt(input, 'maxResults', 1, 1000) ?? DEFAULT_MAX_RESULTS;
  const pageSize = Math.min(maxResults, enhanced ? ENHANCED_PAGE_CAP : BASIC_PAGE_CAP, repo.scenario.pageSize ?? Infinity);
  // The token pins the snapshot (how many findings were visible on the first page), so
  // every page of one listing is consistent even while enhanced findings "keep arriving".
  const scope = `DescribeImageScanFindings:${repo.name}@${image.digest}:${scan.startedAt}`;
  const token = decodeToken(optString(input, 'nextToken'), scope);
  let visible: FindingSpec[];
  let offset = 0;
  if (token) {
    visible = view.findings.slice(0, Number(token.visible));
    offset = Number(token.offset);
  } else {
    scan.reads += 1;
    visible = visibleFindings(repo, view.findings, scan.reads);
  }
  const page = visible.slice(offset, offset + pageSize);
  const end = offset + page.length;

  const findings: Record<string, unknown> = {
    imageScanCompletedAt: seconds(view.completedAt),
    vulnerabilitySourceUpdatedAt: seconds(view.completedAt),
    findingSeverityCounts: severityCounts(visible, enhanced),
  };
  if (enhanced) {
    const tags = (await ctx.registry.tagsByDigest(repo.name)).get(image.digest) ?? [];
    const context = {
      accountId: repo.registryId,
      region: ctx.region,
      repository: repo.name,
      digest: image.digest,
      tags,
      pushedAt: image.pushedAt,
      observedAt: view.completedAt,
      facts: view.facts,
    };
    findings.enhancedFindings = page.map((f) => enhancedFinding(f, context));
  } else {
    findings.findings = page.map(basicFinding);
  }
  result.imageScanFindings = findings;
  if (end < visible.length) result.nextToken = encodeToken(scope, { offset: end, visible: visible.length });
  return result;
};

export const scanOperations: Record<string, Operation> = {
  StartImageScan: startImageScan,
  DescribeImageScanFindings: describeImageScanFindings,
};
