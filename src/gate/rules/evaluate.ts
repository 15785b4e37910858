// Pure: the policy over one image. Each rule looks at each platform image (a build check at
// the build), finds what is wrong or says why it cannot tell, and its level decides what that
// means: `fail` fails the image (as a blocking CVE does), `warn` warns, `off` is not looked at.
// A rule that cannot tell is `no-data` with its reason, never a silent pass, and never a failure.
import { checkAttestations } from './attestations.js';
import { checkBaseFresh, checkBaseImages } from './bases.js';
import { checkBuildChecks } from './build-checks.js';
import { checkHealthcheck, checkNonRoot } from './image-config.js';
import { checkLicenses } from './licenses.js';
import { checkMaxSize } from './size.js';
import {
  type Outcome,
  RULE_NAMES,
  type ImageFacts,
  type ImagePolicy,
  type PlatformFacts,
  type PolicyConfig,
  type RuleFinding,
  type RuleName,
  type RuleResult,
} from './types.js';

/** A rule's look at one platform image (or the build): fine (and what was checked), what is wrong, or no data. */

type PlatformRule = (facts: PlatformFacts, config: PolicyConfig) => Outcome;

const PER_PLATFORM: Record<Exclude<RuleName, 'build-checks'>, PlatformRule> = {
  'non-root': (facts) => checkNonRoot(facts),
  healthcheck: (facts) => checkHealthcheck(facts),
  'base-images': (facts, config) => checkBaseImages(facts, config['base-images']),
  'base-fresh': (facts) => checkBaseFresh(facts),
  'max-size': (facts, config) => checkMaxSize(facts, config['max-size']),
  licenses: (facts, config) => checkLicenses(facts, config.licenses),
  attestations: (facts, config) => checkAttestations(facts, config.attestations),
};

export function evaluatePolicy(config: PolicyConfig, facts: ImageFacts): ImagePolicy {
  const results = RULE_NAMES.map((rule): RuleResult => {
    const level = config[rule].level;
    if (level === 'off') return { rule, level, verdict: 'off', reason: 'off', findings: [] };
    const outcomes =
      rule === 'build-checks'
        ? [{ platform: undefined, outcome: checkBuildChecks(facts.buildChecks) }]
        : facts.platforms.map((platform) => ({ platform: platform.platform, outcome: PER_PLATFORM[rule](platform, config) }));
    return combine(rule, level, outcomes);
  });
  return { results, fails: results.some((result) => result.verdict === 'fail') };
}

function combine(rule: RuleName, level: 'warn' | 'fail', outcomes: Array<{ platform: string | undefined; outcome: Outcome }>): RuleResult {
  const several = outcomes.length > 1;
  const on = (platform: string | undefined, text: string) => (several && platform ? `${platform}: ${text}` : text);
  const findings: RuleFinding[] = [];
  for (const { platform, outcome } of outcomes) {
    if ('ok' in outcome && !outcome.ok) findings.push(...outcome.findings.map((f) => (platform && !f.platform ? { ...f, platform } : f)));
  }
  if (findings.length > 0) {
    const first = findings[0]!;
    const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : '';
    return { rule, level, verdict: level, reason: `${on(first.platform, first.message)}${more}`, findings };
  }
  const missing = outcomes.filter((o) => 'noData' in o.outcome);
  if (missing.length > 0) {
    const why = [...new Set(missing.map((o) => on(o.platform, (o.outcome as { noData: string }).noData)))].join('; ');
    return { rule, level, verdict: 'no-data', reason: why, findings: [] };
  }
  const checked = [...new Set(outcomes.map((o) => (o.outcome as { checked: string }).checked))];
  return { rule, level, verdict: 'pass', reason: checked.join('; '), findings: [] };
}
