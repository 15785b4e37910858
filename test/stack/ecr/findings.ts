// Scan findings come from the image itself: labels in its config blob say what a scanner
// would find. This file parses those labels and shapes findings the way ECR returns them,
// for basic scanning (Clair-style) and enhanced scanning (Amazon Inspector).
import { createHash } from 'node:crypto';

export const LABEL_FINDINGS = 'ecr-standin.findings';
export const LABEL_GENERATE = 'ecr-standin.generate';

export const BASIC_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;
export const ENHANCED_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED'] as const;
export type Severity = (typeof BASIC_SEVERITIES)[number] | 'UNTRIAGED';

/**
 * One finding as the labels describe it: "ID|SEVERITY|package|version|fixedIn", optionally
 * followed by risk fields "|exploit=YES|epss=0.02|exploitSeen=2024-07-01" (any order).
 */
export interface FindingSpec {
  id: string;
  severity: Severity;
  pkg: string;
  version: string;
  /** Empty when no fix is available. */
  fixedIn: string;
  /** Enhanced scanning's exploitAvailable (NO when not given). */
  exploit?: 'YES' | 'NO';
  /** Amazon Inspector's EPSS score, 0 to 1 (absent when not given: ListFindings then has no `epss`). */
  epss?: number;
  /** exploitabilityDetails.lastKnownExploitAt, epoch ms. */
  exploitSeen?: number;
}

const RISK_FIELDS = 'exploit=YES|NO, epss=0..1, exploitSeen=YYYY-MM-DD';

/** The optional "key=value" fields after fixedIn; throws on anything else. */
function parseRiskFields(fields: string[], entry: string, source: string): Pick<FindingSpec, 'exploit' | 'epss' | 'exploitSeen'> {
  const risk: Pick<FindingSpec, 'exploit' | 'epss' | 'exploitSeen'> = {};
  for (const field of fields) {
    const [key, value = ''] = field.split('=').map((part) => part.trim());
    const bad = () => new Error(`${source}: bad field '${field}' in '${entry}' (want ${RISK_FIELDS})`);
    if (key === 'exploit') {
      const upper = value.toUpperCase();
      if (upper !== 'YES' && upper !== 'NO') throw bad();
      risk.exploit = upper;
    } else if (key === 'epss') {
      const score = Number(value);
      if (value === '' || !Number.isFinite(score) || score < 0 || score > 1) throw bad();
      risk.epss = score;
    } else if (key === 'exploitSeen') {
      const time = Date.parse(value);
      if (!Number.isFinite(time)) throw bad();
      risk.exploitSeen = time;
    } else {
      throw bad();
    }
  }
  return risk;
}

/** What the scanner learns from an image's config blob. */
export interface ImageFacts {
  os: string;
  architecture: string;
  labels: Record<string, string>;
  firstLayer?: string;
}

/** Parses "ID|SEVERITY|pkg|version|fixedIn;…". Throws with the bad entry quoted. */
export function parseFindings(text: string, source: string): FindingSpec[] {
  const out: FindingSpec[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [id, severity, pkg, version, fixedIn = '', ...rest] = entry.split('|').map((f) => f.trim());
    const sev = normaliseSeverity(severity ?? '');
    if (!id || !sev || !pkg || version === undefined) {
      throw new Error(
        `${source}: bad finding '${entry}' (want ID|SEVERITY|package|version|fixedIn[|${RISK_FIELDS}], severity one of ${[...BASIC_SEVERITIES, 'UNTRIAGED'].join(', ')})`,
      );
    }
    out.push({ id, severity: sev, pkg, version, fixedIn, ...parseRiskFields(rest, entry, source) });
  }
  return out;
}

/** Parses "HIGH=2000,LOW=500" into that many deterministic synthetic findings. */
export function generateFindings(text: string, source: string, start = 1): FindingSpec[] {
  const out: FindingSpec[] = [];
  let n = start;
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^([A-Za-z]+)\s*=\s*(\d+)$/.exec(part);
    const sev = m ? normaliseSeverity(m[1]!) : undefined;
    if (!m || !sev) throw new Error(`${source}: bad entry '${part}' (want SEVERITY=COUNT,…)`);
    for (let i = 0; i < Number(m[2]); i++, n++) {
      out.push({
        id: `CVE-9000-${String(n).padStart(6, '0')}`,
        severity: sev,
        pkg: `pkg-${n}`,
        version: `1.0.${n}`,
        // Every fifth synthetic finding has no fix, so "fixable only" gates have work to do.
        fixedIn: n % 5 === 0 ? '' : `1.0.${n}-fix1`,
      });
    }
  }
  return out;
}

/** All findings for one image: its labels (generic and per-architecture) plus the scenario's. */
export function findingsForImage(facts: ImageFacts, scenarioFindings: string | undefined): FindingSpec[] {
  const labels = facts.labels;
  const arch = facts.architecture;
  const all: FindingSpec[] = [];
  for (const key of [LABEL_FINDINGS, `${LABEL_FINDINGS}.${arch}`]) {
    if (labels[key]) all.push(...parseFindings(labels[key], `label ${key}`));
  }
  for (const key of [LABEL_GENERATE, `${LABEL_GENERATE}.${arch}`]) {
    if (labels[key]) all.push(...generateFindings(labels[key], `label ${key}`, all.length + 1));
  }
  if (scenarioFindings) all.push(...parseFindings(scenarioFindings, 'scenario.findings'));
  // A scanner reports a vulnerability once per package.
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.id}\u0000${f.pkg}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function normaliseSeverity(value: string): Severity | undefined {
  const upper = value.toUpperCase();
  return (BASIC_SEVERITIES as readonly string[]).includes(upper) || upper === 'UNTRIAGED' ? (upper as Severity) : undefined;
}

/** Basic scanning has UNDEFINED where Inspector has UNTRIAGED. */
export function severityFor(f: FindingSpec, enhanced: boolean): Severity {
  if (enhanced) return f.severity === 'UNDEFINED' ? 'UNTRIAGED' : f.severity;
  return f.severity === 'UNTRIAGED' ? 'UNDEFINED' : f.severity;
}

export function severityCounts(findings: FindingSpec[], enhanced: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const sev = severityFor(f, enhanced);
    counts[sev] = (counts[sev] ?? 0) + 1;
  }
  return counts;
}

const CVSS3: Record<string, { score: number; vector: string }> = {
  CRITICAL: { score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  HIGH: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
  MEDIUM: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' },
  LOW: { score: 3.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N' },
  INFORMATIONAL: { score: 0, vector: 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N' },
};
const CVSS2: Record<string, { score: string; vector: string }> = {
  CRITICAL: { score: '10', vector: 'AV:N/AC:L/Au:N/C:C/I:C/A:C' },
  HIGH: { score: '7.8', vector: 'AV:N/AC:L/Au:N/C:N/I:N/A:C' },
  MEDIUM: { score: '5', vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N' },
  LOW: { score: '2.6', vector: 'AV:N/AC:H/Au:N/C:P/I:N/A:N' },
  INFORMATIONAL: { score: '0', vector: 'AV:L/AC:H/Au:M/C:N/I:N/A:N' },
};

/** A basic-scan finding: {name, description, uri, severity, attributes}. */
export function basicFinding(f: FindingSpec) {
  const severity = severityFor(f, false);
  const attributes = [
    { key: 'package_version', value: f.version },
    { key: 'package_name', value: f.pkg },
  ];
  const cvss = CVSS2[severity];
  if (cvss) attributes.push({ key: 'CVSS2_VECTOR', value: cvss.vector }, { key: 'CVSS2_SCORE', value: cvss.score });
  return {
    name: f.id,
    description: `${f.id}: synthetic vulnerability in ${f.pkg} ${f.version} (ECR stand-in).`,
    uri: `https://security-tracker.debian.org/tracker/${f.id}`,
    severity,
    attributes,
  };
}

export interface EnhancedContext {
  accountId: string;
  region: string;
  repository: string;
  digest: string;
  tags: string[];
  pushedAt: number;
  observedAt: number;
  facts: ImageFacts;
}

/** An enhanced-scan finding in Amazon Inspector's shape (timestamps in epoch seconds). */
export function enhancedFinding(f: FindingSpec, ctx: EnhancedContext) {
  const severity = severityFor(f, true);
  const cvss = CVSS3[severity];
  const seconds = ctx.observedAt / 1000;
  const findingId = createHash('sha256').update(`${ctx.repository}|${ctx.digest}|${f.id}|${f.pkg}`).digest('hex').slice(0, 32);
  return {
    awsAccountId: ctx.accountId,
    description: `${f.id}: synthetic vulnerability in ${f.pkg} ${f.version} (ECR stand-in).`,
    findingArn: `arn:aws:inspector2:${ctx.region}:${ctx.accountId}:finding/${findingId}`,
    firstObservedAt: seconds,
    lastObservedAt: seconds,
    updatedAt: seconds,
    packageVulnerabilityDetails: {
      ...(cvss ? { cvss: [{ baseScore: cvss.score, scoringVector: cvss.vector, source: 'NVD', version: '3.1' }] } : {}),
      referenceUrls: [`https://nvd.nist.gov/vuln/detail/${f.id}`],
      relatedVulnerabilities: [],
      source: 'NVD',
      sourceUrl: `https://nvd.nist.gov/vuln/detail/${f.id}`,
      vendorCreatedAt: seconds,
      vendorSeverity: severity,
      vendorUpdatedAt: seconds,
      vulnerabilityId: f.id,
      vulnerablePackages: [
        {
          arch: ctx.facts.architecture,
          epoch: 0,
          name: f.pkg,
          packageManager: 'OS',
          release: '',
          ...(ctx.facts.firstLayer ? { sourceLayerHash: ctx.facts.firstLayer } : {}),
          version: f.version,
          // Inspector says "NotAvailable" when there is no fix.
          fixedInVersion: f.fixedIn || 'NotAvailable',
        },
      ],
    },
    remediation: {
      recommendation: { text: f.fixedIn ? `Upgrade ${f.pkg} to ${f.fixedIn} or later.` : 'None Provided' },
    },
    resources: [
      {
        details: {
          awsEcrContainerImage: {
            architecture: ctx.facts.architecture,
            imageHash: ctx.digest,
            imageTags: ctx.tags,
            platform: ctx.facts.os.toUpperCase(),
            pushedAt: ctx.pushedAt / 1000,
            registry: ctx.accountId,
            repositoryName: ctx.repository,
          },
        },
        id: `arn:aws:ecr:${ctx.region}:${ctx.accountId}:repository/${ctx.repository}/${ctx.digest}`,
        tags: {},
        type: 'AWS_ECR_CONTAINER_IMAGE',
      },
    ],
    ...(cvss
      ? {
          score: cvss.score,
          scoreDetails: {
            cvss: { adjustments: [], score: cvss.score, scoreSource: 'NVD', scoringVector: cvss.vector, version: '3.1' },
          },
        }
      : {}),
    severity,
    status: 'ACTIVE',
    title: `${f.id} - ${f.pkg}`,
    type: 'PACKAGE_VULNERABILITY',
    fixAvailable: f.fixedIn ? 'YES' : 'NO',
    exploitAvailable: f.exploit ?? 'NO',
  };
}

/**
 * The same finding as Amazon Inspector's ListFindings returns it: ECR's shape, plus `epss`,
 * `exploitabilityDetails`, `inspectorScore` (REST-JSON: timestamps in epoch seconds).
 * https://docs.aws.amazon.com/inspector/v2/APIReference/API_Finding.html
 */
export function inspectorFinding(f: FindingSpec, ctx: EnhancedContext) {
  const { score, scoreDetails, ...ecr } = enhancedFinding(f, ctx);
  return {
    ...ecr,
    ...(f.epss !== undefined ? { epss: { score: f.epss } } : {}),
    ...(f.exploitSeen !== undefined ? { exploitabilityDetails: { lastKnownExploitAt: f.exploitSeen / 1000 } } : {}),
    ...(score !== undefined
      ? {
          inspectorScore: score,
          inspectorScoreDetails: {
            adjustedCvss: {
              adjustments: [],
              cvssSource: 'NVD',
              score,
              scoreSource: 'NVD',
              scoringVector: scoreDetails?.cvss.scoringVector,
              version: '3.1',
            },
          },
        }
      : {}),
  };
}
