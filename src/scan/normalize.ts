// Pure: ECR's two shapes of findings → one Finding model.
// Basic scanning: `findings` [{name, severity, uri, attributes: [{key: 'package_name', value}]}].
// Enhanced scanning (Amazon Inspector): `enhancedFindings`, one per vulnerability, each listing
// its vulnerable packages; we make one Finding per package, since that is what a user fixes.
// Every field is optional in the API and some are missing in practice: nothing here may throw.
import type {
  Attribute,
  CvssScore,
  EnhancedImageScanFinding,
  ImageScanFinding,
  ImageScanFindings,
  VulnerablePackage,
} from '@aws-sdk/client-ecr';
import { toExploitAvailable, type Cvss, type Finding, type FixAvailable } from '../shared/finding.js';
import { toSeverity } from '../shared/severity.js';

/** Inspector's fixedInVersion when there is no fix. */
const NO_FIX = 'NotAvailable';
const UNKNOWN_ID = 'UNKNOWN';

/** The findings of one page (or all pages) of DescribeImageScanFindings, for one platform. */
export function normalizeFindings(findings: ImageScanFindings | undefined, platform: string): Finding[] {
  return [
    ...(findings?.findings ?? []).map((finding) => normalizeBasicFinding(finding, platform)),
    ...(findings?.enhancedFindings ?? []).flatMap((finding) => normalizeEnhancedFinding(finding, platform)),
  ];
}

export function normalizeBasicFinding(finding: ImageScanFinding, platform: string): Finding {
  const attributes = attributeMap(finding.attributes);
  const cvss3 = toScore(attributes.get('CVSS3_SCORE'));
  const score = cvss3 ?? toScore(attributes.get('CVSS2_SCORE'));
  const scoreVector = score === undefined ? undefined : text(attributes.get(cvss3 !== undefined ? 'CVSS3_VECTOR' : 'CVSS2_VECTOR'));
  return compact({
    id: text(finding.name) ?? UNKNOWN_ID,
    severity: toSeverity(finding.severity),
    package: text(attributes.get('package_name')),
    version: text(attributes.get('package_version')),
    fixAvailable: 'UNKNOWN',
    uri: text(finding.uri),
    description: text(finding.description),
    score,
    scoreVector,
    platform,
  });
}

export function normalizeEnhancedFinding(finding: EnhancedImageScanFinding, platform: string): Finding[] {
  const details = finding.packageVulnerabilityDetails;
  const common: Finding = compact({
    id: text(details?.vulnerabilityId) ?? text(finding.title) ?? text(finding.findingArn) ?? UNKNOWN_ID,
    // UNTRIAGED (and anything else unknown) counts as UNDEFINED.
    severity: toSeverity(finding.severity),
    fixAvailable: toFixAvailable(finding.fixAvailable),
    uri: text(details?.sourceUrl) ?? details?.referenceUrls?.map(text).find((url) => url !== undefined),
    title: text(finding.title),
    description: text(finding.description),
    score: toScore(finding.score) ?? toScore(finding.scoreDetails?.cvss?.score),
    scoreVector: text(finding.scoreDetails?.cvss?.scoringVector),
    cvss: newestCvss(details?.cvss),
    exploitAvailable: toExploitAvailable(finding.exploitAvailable),
    platform,
  });
  const packages = uniquePackages(details?.vulnerablePackages ?? []);
  if (packages.length === 0) return [common];
  return packages.map((pkg) =>
    compact({
      ...common,
      package: text(pkg.name),
      version: packageVersion(pkg),
      fixedIn: fixedIn(pkg.fixedInVersion),
    }),
  );
}

/**
 * The version as the distribution writes it: epoch:version-release (epoch only when not 0),
 * e.g. 1:2.3.4-5.el9, or 3.0.2-0ubuntu1.10.
 */
export function packageVersion(pkg: VulnerablePackage): string | undefined {
  const version = text(pkg.version);
  if (version === undefined) return undefined;
  const release = text(pkg.release);
  const epoch = typeof pkg.epoch === 'number' && pkg.epoch > 0 ? `${pkg.epoch}:` : '';
  return `${epoch}${version}${release && !version.endsWith(`-${release}`) ? `-${release}` : ''}`;
}

function uniquePackages(packages: VulnerablePackage[]): VulnerablePackage[] {
  const seen = new Set<string>();
  return packages.filter((pkg) => {
    // The same package can be listed once per file it was found in (e.g. two copies of a jar).
    const key = `${pkg.name ?? ''}\u0000${packageVersion(pkg) ?? ''}\u0000${pkg.fixedInVersion ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fixedIn(value: string | undefined): string | undefined {
  const version = text(value);
  return version === NO_FIX ? undefined : version;
}

/**
 * The CVSS base score of the newest CVSS version among those the source lists (a CVE often
 * carries both 2.0 and 3.1); for one version, the first listed. Entries without a score are skipped.
 */
export function newestCvss(scores: readonly CvssScore[] | undefined): Cvss | undefined {
  let best: { cvss: Cvss; version: number } | undefined;
  for (const entry of scores ?? []) {
    const baseScore = toScore(entry.baseScore);
    if (baseScore === undefined) continue;
    const version = Number.parseFloat(text(entry.version) ?? '');
    const rank = Number.isFinite(version) ? version : 0;
    if (best && best.version >= rank) continue;
    const cvss: Cvss = { baseScore };
    const vector = text(entry.scoringVector);
    if (vector !== undefined) cvss.vector = vector;
    if (text(entry.version) !== undefined) cvss.version = text(entry.version);
    if (text(entry.source) !== undefined) cvss.source = text(entry.source);
    best = { cvss, version: rank };
  }
  return best?.cvss;
}

function toFixAvailable(value: string | undefined): FixAvailable {
  const upper = (value ?? '').toUpperCase();
  return upper === 'YES' || upper === 'NO' || upper === 'PARTIAL' ? upper : 'UNKNOWN';
}

function attributeMap(attributes: Attribute[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const attribute of attributes ?? []) {
    if (attribute.key && attribute.value !== undefined && !map.has(attribute.key)) map.set(attribute.key, attribute.value);
  }
  return map;
}

function toScore(value: unknown): number | undefined {
  const score = typeof value === 'string' ? Number(value) : value;
  return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Drops undefined fields, so reports and golden files hold only what ECR said. */
function compact(finding: Finding): Finding {
  // Field by field, in the same order: no [key, value] array per field for 10,000 findings.
  const kept: Partial<Record<keyof Finding, unknown>> = {};
  for (const key of Object.keys(finding) as Array<keyof Finding>) {
    if (finding[key] !== undefined) kept[key] = finding[key];
  }
  return kept as Finding;
}
