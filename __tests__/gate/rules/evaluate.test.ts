import { describe, expect, test } from '@jest/globals';
import { defaultPolicy } from '../../../src/gate/rules/config.js';
import { evaluatePolicy } from '../../../src/gate/rules/evaluate.js';
import {
  RULE_NAMES,
  type BaseImage,
  type BuildCheck,
  type ImageFacts,
  type Known,
  type Level,
  type PlatformFacts,
  type PolicyConfig,
  type RuleName,
  type RuleResult,
} from '../../../src/gate/rules/types.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;

const known = <T>(value: T): Known<T> => ({ known: true, value });
const unknown = <T>(why: string): Known<T> => ({ known: false, why });

const PYTHON: BaseImage = {
  reference: 'docker.io/library/python:3.12-slim',
  repository: 'docker.io/library/python',
  tag: '3.12-slim',
  digest: D1,
  pinned: false,
};

/** Every rule on at one level, with the parameters the facts below meet. */
const policy = (level: Level, overrides: Partial<Record<RuleName, Level>> = {}): PolicyConfig => {
  const at = (rule: RuleName) => overrides[rule] ?? level;
  return {
    'non-root': { level: at('non-root') },
    healthcheck: { level: at('healthcheck') },
    'base-images': { level: at('base-images'), allowed: ['python:3.12-*'], pinned: false },
    'base-fresh': { level: at('base-fresh') },
    'max-size': { level: at('max-size'), mb: 300 },
    licenses: { level: at('licenses'), deny: ['AGPL-3.0-only', 'GPL-3.0-*'], allowPackages: [] },
    attestations: { level: at('attestations'), sbom: true, provenance: 'min' },
    'build-checks': { level: at('build-checks') },
  };
};

/** A platform image every rule passes. */
const clean = (platform = 'linux/amd64', overrides: Partial<PlatformFacts> = {}): PlatformFacts => ({
  platform,
  digest: D3,
  user: known('app'),
  healthcheck: known(true),
  layersBytes: known(120_000_000),
  bases: known([PYTHON]),
  baseTagsNow: known([{ base: PYTHON, digestNow: D1 }]),
  sbom: known([
    { name: 'fastapi', version: '0.115.0', purl: 'pkg:pypi/fastapi@0.115.0', licenses: ['MIT'] },
    { name: 'zlib', version: '1.3', purl: 'pkg:deb/debian/zlib@1.3', licenses: ['Zlib'] },
  ]),
  attestations: known([{ kind: 'sbom' }, { kind: 'provenance', mode: 'min' }]),
  ...overrides,
});

const image = (platforms: PlatformFacts[], buildChecks: Known<BuildCheck[]> = known([])): ImageFacts => ({ buildChecks, platforms });

const PASS_REASONS: Record<RuleName, string> = {
  'non-root': 'runs as "app"',
  healthcheck: 'has a HEALTHCHECK',
  'base-images': 'base python:3.12-slim: allowed',
  'base-fresh': 'python:3.12-slim: up to date',
  'max-size': '120.0 MB compressed, within 300 MB',
  licenses: '2 packages, none under a denied licence',
  attestations: 'has an SBOM and provenance',
  'build-checks': 'no build check found anything',
};

const passing = (level: Level): RuleResult[] =>
  RULE_NAMES.map((rule) =>
    level === 'off'
      ? { rule, level, verdict: 'off', reason: 'off', findings: [] }
      : { rule, level, verdict: 'pass', reason: PASS_REASONS[rule], findings: [] },
  );

const resultOf = (results: RuleResult[], rule: RuleName): RuleResult => results.find((result) => result.rule === rule)!;

/** For each rule: a platform image it finds something in (and only it), and the finding's message. */
const BROKEN: Record<Exclude<RuleName, 'build-checks'>, { facts: Partial<PlatformFacts>; message: string; id: string }> = {
  'non-root': { facts: { user: known('') }, message: 'runs as root: the image sets no USER', id: 'non-root' },
  healthcheck: { facts: { healthcheck: known(false) }, message: 'has no HEALTHCHECK', id: 'healthcheck' },
  'base-images': {
    facts: { bases: known([{ ...PYTHON, reference: 'docker.io/library/python:3.11-slim', tag: '3.11-slim' }]) },
    message: 'python:3.11-slim is not an allowed base (allowed: python:3.12-*)',
    id: 'not-allowed',
  },
  'base-fresh': {
    facts: { baseTagsNow: known([{ base: PYTHON, digestNow: D2 }]) },
    message: `python:3.12-slim has moved since this image was built: built on ${D1}, the tag now names ${D2}; rebuild to pick it up`,
    id: 'outdated',
  },
  'max-size': { facts: { layersBytes: known(300_000_001) }, message: 'is 300.0 MB compressed, over the 300 MB budget', id: 'max-size' },
  licenses: {
    facts: { sbom: known([{ name: 'readline', version: '8.2', licenses: ['GPL-3.0-only'] }]) },
    message: 'readline 8.2 is under GPL-3.0-only, which the policy denies',
    id: 'GPL-3.0-only',
  },
  attestations: { facts: { attestations: known([{ kind: 'sbom' }]) }, message: 'has no provenance', id: 'provenance' },
};
const PER_PLATFORM_RULES = Object.keys(BROKEN) as Array<keyof typeof BROKEN>;

/** For each rule: a platform image it cannot tell about. */
const NO_DATA: Record<Exclude<RuleName, 'build-checks'>, Partial<PlatformFacts>> = {
  'non-root': { user: unknown('the image config could not be read') },
  healthcheck: { healthcheck: unknown('the image config could not be read') },
  'base-images': { bases: unknown('the provenance names no bases') },
  'base-fresh': { baseTagsNow: unknown('the provenance names no bases') },
  'max-size': { layersBytes: unknown('the manifest could not be read') },
  licenses: { sbom: unknown('the image has no SBOM') },
  attestations: { attestations: unknown('the referrers could not be listed') },
};

const CHECK: BuildCheck = { rule: 'JSONArgsRecommended', message: 'JSON arguments recommended for CMD', file: 'Dockerfile', line: 9 };
const CHECK_FINDING = {
  message: 'JSONArgsRecommended: JSON arguments recommended for CMD (Dockerfile:9)',
  id: 'JSONArgsRecommended',
  file: 'Dockerfile',
  line: 9,
};

describe('evaluatePolicy', () => {
  test.each<Level>(['off', 'warn', 'fail'])('a clean image, every rule at %s: every rule in order, nothing fails', (level) => {
    expect(evaluatePolicy(policy(level), image([clean()]))).toEqual({ results: passing(level), fails: false });
  });

  test('results are in RULE_NAMES order, whatever order the config lists them in', () => {
    const config = policy('warn');
    const reversed = Object.fromEntries(Object.entries(config).reverse()) as unknown as PolicyConfig;
    expect(evaluatePolicy(reversed, image([clean()])).results.map((result) => result.rule)).toEqual([...RULE_NAMES]);
    expect(RULE_NAMES).toEqual([
      'non-root',
      'healthcheck',
      'base-images',
      'base-fresh',
      'max-size',
      'licenses',
      'attestations',
      'build-checks',
    ]);
  });

  test('the default policy on a clean image: non-root and build-checks pass, the rest off', () => {
    const { results, fails } = evaluatePolicy(defaultPolicy(), image([clean()]));
    expect(fails).toBe(false);
    expect(results.map((result) => [result.rule, result.verdict])).toEqual([
      ['non-root', 'pass'],
      ['healthcheck', 'off'],
      ['base-images', 'off'],
      ['base-fresh', 'off'],
      ['max-size', 'off'],
      ['licenses', 'off'],
      ['attestations', 'off'],
      ['build-checks', 'pass'],
    ]);
  });

  describe('a finding: the level decides', () => {
    const cases = PER_PLATFORM_RULES.flatMap((rule) => (['off', 'warn', 'fail'] as const).map((level) => [rule, level] as const));

    test.each(cases)('%s at %s, one platform', (rule, level) => {
      const { facts, message, id } = BROKEN[rule];
      const { results, fails } = evaluatePolicy(policy('fail', { [rule]: level }), image([clean('linux/amd64', facts)]));
      // Every other rule still passes: each test breaks one rule only.
      expect(results.filter((result) => result.rule !== rule)).toEqual(passing('fail').filter((result) => result.rule !== rule));
      expect(resultOf(results, rule)).toEqual(
        level === 'off'
          ? { rule, level, verdict: 'off', reason: 'off', findings: [] }
          : // One platform: the reason does not name it; the finding does.
            { rule, level, verdict: level, reason: message, findings: [{ message, id, platform: 'linux/amd64' }] },
      );
      expect(fails).toBe(level === 'fail');
    });

    test.each(cases)('%s at %s, found on the second of two platforms: the platform is named', (rule, level) => {
      const { facts, message, id } = BROKEN[rule];
      const { results, fails } = evaluatePolicy(
        policy('fail', { [rule]: level }),
        image([clean('linux/amd64'), clean('linux/arm64', facts)]),
      );
      expect(resultOf(results, rule)).toEqual(
        level === 'off'
          ? { rule, level, verdict: 'off', reason: 'off', findings: [] }
          : { rule, level, verdict: level, reason: `linux/arm64: ${message}`, findings: [{ message, id, platform: 'linux/arm64' }] },
      );
      expect(fails).toBe(level === 'fail');
    });

    test.each(['off', 'warn', 'fail'] as const)('build-checks at %s: one finding for the build, whatever the platforms', (level) => {
      for (const platforms of [[clean('linux/amd64')], [clean('linux/amd64'), clean('linux/arm64'), clean('linux/s390x')]]) {
        const { results, fails } = evaluatePolicy(policy('fail', { 'build-checks': level }), image(platforms, known([CHECK])));
        expect(resultOf(results, 'build-checks')).toEqual(
          level === 'off'
            ? { rule: 'build-checks', level, verdict: 'off', reason: 'off', findings: [] }
            : // Not per platform: no platform in the reason or on the finding, and not once per platform.
              { rule: 'build-checks', level, verdict: level, reason: CHECK_FINDING.message, findings: [CHECK_FINDING] },
        );
        expect(fails).toBe(level === 'fail');
      }
    });
  });

  test('found on every platform: the first is named and the rest counted', () => {
    const { results } = evaluatePolicy(
      policy('warn'),
      image([clean('linux/amd64', { user: known('root') }), clean('linux/arm64', { user: known('0:0') })]),
    );
    expect(resultOf(results, 'non-root')).toEqual({
      rule: 'non-root',
      level: 'warn',
      verdict: 'warn',
      reason: 'linux/amd64: runs as root: USER is "root" (and 1 more)',
      findings: [
        { message: 'runs as root: USER is "root"', id: 'non-root', platform: 'linux/amd64' },
        { message: 'runs as root: USER is "0:0"', id: 'non-root', platform: 'linux/arm64' },
      ],
    });
  });

  test('several findings on one platform: counted, the platform not named', () => {
    const { results } = evaluatePolicy(policy('fail'), image([clean('linux/amd64', { attestations: known([]) })]));
    expect(resultOf(results, 'attestations')).toEqual({
      rule: 'attestations',
      level: 'fail',
      verdict: 'fail',
      reason: 'has no SBOM (and 1 more)',
      findings: [
        { message: 'has no SBOM', id: 'sbom', platform: 'linux/amd64' },
        { message: 'has no provenance', id: 'provenance', platform: 'linux/amd64' },
      ],
    });
  });

  test('several build checks: the first in the reason, the rest counted', () => {
    const other = { rule: 'StageNameCasing', message: 'Stage name should be lowercase' };
    const { results } = evaluatePolicy(policy('warn'), image([clean('linux/amd64'), clean('linux/arm64')], known([CHECK, other, other])));
    expect(resultOf(results, 'build-checks')).toEqual({
      rule: 'build-checks',
      level: 'warn',
      verdict: 'warn',
      reason: `${CHECK_FINDING.message} (and 2 more)`,
      findings: [
        CHECK_FINDING,
        { message: 'StageNameCasing: Stage name should be lowercase', id: 'StageNameCasing' },
        { message: 'StageNameCasing: Stage name should be lowercase', id: 'StageNameCasing' },
      ],
    });
  });

  describe('no data: shown with its reason, never a pass, never a failure', () => {
    const cases = PER_PLATFORM_RULES.flatMap((rule) => (['warn', 'fail'] as const).map((level) => [rule, level] as const));

    test.each(cases)('%s at %s, one platform', (rule, level) => {
      const facts = NO_DATA[rule];
      const why = (Object.values(facts)[0] as { why: string }).why;
      const { results, fails } = evaluatePolicy(policy('fail', { [rule]: level }), image([clean('linux/amd64', facts)]));
      expect(resultOf(results, rule)).toEqual({ rule, level, verdict: 'no-data', reason: why, findings: [] });
      expect(fails).toBe(false);
    });

    test.each(cases)('%s at %s, no data on one of two platforms: no data, naming it', (rule, level) => {
      const facts = NO_DATA[rule];
      const why = (Object.values(facts)[0] as { why: string }).why;
      const { results, fails } = evaluatePolicy(
        policy('fail', { [rule]: level }),
        image([clean('linux/amd64'), clean('linux/arm64', facts)]),
      );
      expect(resultOf(results, rule)).toEqual({ rule, level, verdict: 'no-data', reason: `linux/arm64: ${why}`, findings: [] });
      expect(fails).toBe(false);
    });

    test.each(cases)('%s at %s, a finding on one platform and no data on the other: the finding wins', (rule, level) => {
      const { facts, message, id } = BROKEN[rule];
      const { results, fails } = evaluatePolicy(
        policy('fail', { [rule]: level }),
        image([clean('linux/amd64', NO_DATA[rule]), clean('linux/arm64', facts)]),
      );
      expect(resultOf(results, rule)).toEqual({
        rule,
        level,
        verdict: level,
        reason: `linux/arm64: ${message}`,
        findings: [{ message, id, platform: 'linux/arm64' }],
      });
      expect(fails).toBe(level === 'fail');
    });

    test('no data on every platform: each named, in platform order', () => {
      const { results } = evaluatePolicy(
        policy('fail'),
        image([
          clean('linux/amd64', { layersBytes: unknown('the manifest could not be read') }),
          clean('linux/arm64', { layersBytes: unknown('the manifest could not be read') }),
          clean('linux/arm/v7', { layersBytes: unknown('timeout') }),
        ]),
      );
      expect(resultOf(results, 'max-size')).toEqual({
        rule: 'max-size',
        level: 'fail',
        verdict: 'no-data',
        reason: 'linux/amd64: the manifest could not be read; linux/arm64: the manifest could not be read; linux/arm/v7: timeout',
        findings: [],
      });
    });

    test.each(['warn', 'fail'] as const)('build-checks at %s with no data: its reason once, naming no platform', (level) => {
      const { results, fails } = evaluatePolicy(
        policy('fail', { 'build-checks': level }),
        image([clean('linux/amd64'), clean('linux/arm64')], unknown('the builder does not run build checks')),
      );
      expect(resultOf(results, 'build-checks')).toEqual({
        rule: 'build-checks',
        level,
        verdict: 'no-data',
        reason: 'the builder does not run build checks',
        findings: [],
      });
      expect(fails).toBe(false);
    });

    test('no data at off is off', () => {
      const { results } = evaluatePolicy(policy('off'), image([clean('linux/amd64', NO_DATA['non-root'])], unknown('none')));
      expect(results).toEqual(passing('off'));
    });

    test('a rule that passes on one platform: the no data on the other is not hidden by it', () => {
      const { results } = evaluatePolicy(
        policy('fail'),
        image([clean('linux/amd64', { sbom: unknown('the image has no SBOM') }), clean('linux/arm64')]),
      );
      expect(resultOf(results, 'licenses').verdict).toBe('no-data');
      expect(resultOf(results, 'licenses').reason).toBe('linux/amd64: the image has no SBOM');
    });
  });

  test('passing on several platforms: each different reason once, naming no platform', () => {
    const { results, fails } = evaluatePolicy(
      policy('fail'),
      image([clean('linux/amd64'), clean('linux/arm64', { layersBytes: known(98_765_432) }), clean('linux/arm/v7')]),
    );
    expect(fails).toBe(false);
    expect(resultOf(results, 'non-root')).toEqual({
      rule: 'non-root',
      level: 'fail',
      verdict: 'pass',
      reason: 'runs as "app"',
      findings: [],
    });
    expect(resultOf(results, 'max-size')).toEqual({
      rule: 'max-size',
      level: 'fail',
      verdict: 'pass',
      reason: '120.0 MB compressed, within 300 MB; 98.8 MB compressed, within 300 MB',
      findings: [],
    });
  });

  describe('fails: only a fail-level rule that found something', () => {
    test.each<[string, Partial<Record<RuleName, Level>>, Partial<PlatformFacts>, Known<BuildCheck[]>, boolean]>([
      ['nothing found', {}, {}, known([]), false],
      ['a warn-level finding', { 'non-root': 'warn' }, { user: known('root') }, known([]), false],
      ['an off rule that would find something', { 'non-root': 'off' }, { user: known('root') }, known([]), false],
      ['a fail-level rule with no data', {}, { user: unknown('no config') }, unknown('no checks'), false],
      [
        'warn findings and fail no data together',
        { healthcheck: 'warn' },
        { healthcheck: known(false), user: unknown('no config') },
        known([]),
        false,
      ],
      ['a fail-level finding', {}, { healthcheck: known(false) }, known([]), true],
      ['a fail-level build check', {}, {}, known([CHECK]), true],
      [
        'a fail-level finding beside a warn one',
        { 'non-root': 'warn' },
        { user: known('root'), healthcheck: known(false) },
        known([]),
        true,
      ],
    ])('%s: %s', (_name, levels, facts, checks, fails) => {
      const outcome = evaluatePolicy(policy('fail', levels), image([clean('linux/amd64', facts)], checks));
      expect(outcome.fails).toBe(fails);
      expect(outcome.fails).toBe(outcome.results.some((result) => result.level === 'fail' && result.verdict === 'fail'));
    });
  });

  test('a finding that names its platform keeps it', () => {
    // Build checks carry none; per-platform findings are given theirs, and a verdict is never 'fail' at warn.
    const { results } = evaluatePolicy(policy('warn'), image([clean('linux/amd64', { healthcheck: known(false) })], known([CHECK])));
    expect(resultOf(results, 'healthcheck').findings).toEqual([
      { message: 'has no HEALTHCHECK', id: 'healthcheck', platform: 'linux/amd64' },
    ]);
    expect(resultOf(results, 'build-checks').findings[0]).not.toHaveProperty('platform');
    expect(results.map((result) => result.verdict)).not.toContain('fail');
  });
});
