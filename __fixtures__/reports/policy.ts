// Sample reports with the policy (rules on how the image is built): one that fails a rule while
// its CVEs pass, one whose rules all pass, one whose findings are hostile text, and a build with
// many build-check hits. Each one's verdict and reason are what buildReport makes of them
// (__tests__/report/assemble.test.ts checks that).
import type { RuleFinding, RuleName, RuleResult } from '../../src/gate/rules/types.js';
import { RULE_NAMES } from '../../src/gate/rules/types.js';
import type { Report, ReportPolicy } from '../../src/report/model.js';
import { ARM64_DIGEST, AMD64_DIGEST, IMAGE, SHA, sampleReport } from './base.js';

/** Every rule, off unless given, in RULE_NAMES order (as the policy's results always are). */
export function policyOf(given: Partial<Record<RuleName, Omit<RuleResult, 'rule'>>>, source: ReportPolicy['source']): ReportPolicy {
  const results = RULE_NAMES.map((rule): RuleResult => ({
    rule,
    ...(given[rule] ?? { level: 'off', verdict: 'off', reason: 'off', findings: [] }),
  }));
  return { source, results, fails: results.some((result) => result.verdict === 'fail') };
}

const CHECKS_URL = 'https://docs.docker.com/go/dockerfile/rule';

/** A build check found at `line` of the Dockerfile, as src/gate/rules/build-checks.ts words it. */
export function buildCheck(name: string, message: string, line: number, file = 'services/api/Dockerfile'): RuleFinding {
  return {
    message: `${name}: ${message} (${file}:${line})`,
    id: name,
    file,
    line,
    endLine: line,
    // BuildKit's own links: JSONArgsRecommended → …/rule/json-args-recommended/.
    url: `${CHECKS_URL}/${name.replace(/([a-z])([A-Z])|([A-Z])([A-Z][a-z])/g, '$1$3-$2$4').toLowerCase()}/`,
  };
}

const CHECKS = [
  buildCheck(
    'JSONArgsRecommended',
    'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
    24,
  ),
  buildCheck('FromAsCasing', "'as' and 'FROM' keywords' casing do not match", 1),
  buildCheck('UndefinedVar', "Usage of undefined variable '$PYTHONPATH'", 12),
];

const ROOT: RuleFinding[] = [
  { message: 'runs as root: the image config sets no user', platform: 'linux/amd64' },
  { message: 'runs as root: the image config sets no user', platform: 'linux/arm64' },
];

/** CVEs pass; non-root at fail fails on both platforms; build checks warn; licenses has no data. */
export const policyReport: Report = sampleReport(
  {
    platforms: [
      { platform: 'linux/amd64', digest: AMD64_DIGEST, status: 'COMPLETE' },
      { platform: 'linux/arm64', digest: ARM64_DIGEST, status: 'COMPLETE' },
    ],
  },
  {
    policy: policyOf(
      {
        'non-root': {
          level: 'fail',
          verdict: 'fail',
          reason: 'linux/amd64: runs as root: the image config sets no user (and 1 more)',
          findings: ROOT,
        },
        healthcheck: { level: 'warn', verdict: 'pass', reason: 'the image config has a health check', findings: [] },
        'max-size': { level: 'fail', verdict: 'pass', reason: '118.4 MB, within 300 MB', findings: [] },
        licenses: {
          level: 'fail',
          verdict: 'no-data',
          reason: 'the image has no SBOM: the licenses rule needs sbom: true',
          findings: [],
        },
        'build-checks': {
          level: 'warn',
          verdict: 'warn',
          reason: `${CHECKS[0]!.message} (and 2 more)`,
          findings: CHECKS,
        },
      },
      { file: '.ecr-policy.yml', inline: false },
    ),
    tags: [`${IMAGE}:${SHA}`],
    heldBack: [
      { tag: '1.2.3', reason: 'the policy failed' },
      { tag: 'latest', reason: 'the policy failed' },
    ],
    verdict: 'failed',
    reason:
      'The policy failed: non-root (linux/amd64): runs as root: the image config sets no user (and 1 more). No finding at or above CRITICAL.',
    fails: true,
  },
);

/** Every rule that is on passed (the defaults: build-checks and non-root, at warn). */
export const policyPassedReport: Report = sampleReport(
  {},
  {
    policy: policyOf(
      {
        'non-root': { level: 'warn', verdict: 'pass', reason: 'runs as app', findings: [] },
        'build-checks': { level: 'warn', verdict: 'pass', reason: 'no build check found anything', findings: [] },
      },
      { inline: false },
    ),
  },
);

/** Text from outside (a base image's name, a licence id, a package, a Dockerfile line) that tries to be markup. */
export const HOSTILE_TEXT = 'evil|cell <img src=x onerror=alert(1)> [click](javascript:alert(1)) @org/team #12 `code` --> **bold**';

/** base-images fails on a hostile base name; a build check's message is hostile too. */
export const policyHostileReport: Report = sampleReport(
  {},
  {
    policy: policyOf(
      {
        'base-images': {
          level: 'fail',
          verdict: 'fail',
          reason: `the base ${HOSTILE_TEXT} is not in the allowed list`,
          findings: [
            { message: `the base ${HOSTILE_TEXT} is not in the allowed list`, platform: 'linux/amd64' },
            { message: `the base docker.io/library/alpine:latest is named latest`, platform: 'linux/amd64' },
          ],
        },
        'build-checks': {
          level: 'warn',
          verdict: 'warn',
          reason: `Hostile: ${HOSTILE_TEXT}`,
          findings: [
            { message: `Hostile: ${HOSTILE_TEXT}`, id: 'Hostile', file: 'Dockerfile', line: 3, url: 'javascript:alert(1)' },
            { message: `Other: ${HOSTILE_TEXT}`, id: 'Other', file: 'Dockerfile', line: 4 },
          ],
        },
      },
      { file: 'policy|<b>.yml', inline: true },
    ),
    verdict: 'failed',
    reason: `The policy failed: base-images (linux/amd64): the base ${HOSTILE_TEXT} is not in the allowed list (and 1 more). No finding at or above CRITICAL.`,
    fails: true,
  },
);

/** A build with `count` build-check hits, build-checks at fail (a Dockerfile in need of care). */
export function manyBuildChecksReport(count: number, messageLength = 200): Report {
  const findings = Array.from({ length: count }, (_, i) =>
    buildCheck(`Check${i}`, `${'x'.repeat(Math.max(0, messageLength - 20))} at step ${i}`, i + 1),
  );
  return sampleReport(
    {},
    {
      policy: policyOf(
        { 'build-checks': { level: 'fail', verdict: 'fail', reason: `${findings[0]!.message} (and ${count - 1} more)`, findings } },
        { inline: true },
      ),
      verdict: 'failed',
      reason: 'The policy failed: build-checks: many.',
      fails: true,
    },
  );
}
