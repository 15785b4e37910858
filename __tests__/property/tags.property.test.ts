import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import semver from 'semver';
import type { EventFacts } from '../../src/github/event.js';
import { computeTagPlan, isValidDockerTag, moveFloatingTags, releaseVersion, type TagPlan } from '../../src/tags/plan.js';
import { InputError } from '../../src/util/errors.js';
import { LINE_BREAK, anyText, hex, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 400 };
const REPOSITORY = 'mlops/retail-api';
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${REPOSITORY}`;
/** Docker's tag grammar (https://github.com/distribution/reference/blob/main/regexp.go). */
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

type PlanInputs = Parameters<typeof computeTagPlan>[1];

/** A number as a release tag may write it: small, leading zeros, beyond 2^53. */
const numberPart = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 20 }).map(String) },
  { weight: 1, arbitrary: fc.nat({ max: 20 }).map((n) => `0${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('9007199254740991', '9007199254740992', '99999999999999999999') },
);
const identifier = fc.oneof(
  fc.constantFrom('rc', 'alpha', 'beta', '1', '01', '0', 'x-y', 'RC', ''),
  fc.stringMatching(/^[0-9A-Za-z-]{1,140}$/),
  nastyString({ minLength: 1, maxLength: 4 }),
);
const dotted = fc.array(identifier, { minLength: 1, maxLength: 3 }).map((ids) => ids.join('.'));

/** Release tags: semver with v, prerelease and build parts, leading zeros, huge numbers, unicode, garbage. */
const releaseTag = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', 'v', 'V', 'vv', '='),
        numberPart,
        numberPart,
        numberPart,
        fc.option(dotted, { nil: undefined }),
        fc.option(dotted, { nil: undefined }),
      )
      .map(
        ([v, major, minor, patch, pre, build]) =>
          `${v}${major}.${minor}.${patch}${pre === undefined ? '' : `-${pre}`}${build === undefined ? '' : `+${build}`}`,
      ),
  },
  // Long prerelease or build parts: semver allows 256 characters, Docker 128.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 100, max: 250 }), fc.constantFrom('-', '+')).map(([n, sep]) => `v1.2.3${sep}${'r'.repeat(n)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('nightly', 'v1', 'v1.2', 'release-2024', '', '-', '.x', 'v1.2.3 ', ' v1.2.3', 'x'.repeat(129)) },
  { weight: 1, arbitrary: anyText },
);

const sha = fc.oneof(
  { weight: 4, arbitrary: hex(40) },
  { weight: 1, arbitrary: hex(40).map((h) => h.toUpperCase()) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(''),
      hex(39),
      hex(41),
      hex(7),
      nastyString({ maxLength: 45 }),
      hex(40).map((h) => `${h}\n`),
    ),
  },
);

const facts: fc.Arbitrary<Pick<EventFacts, 'sha' | 'release'>> = fc.record({
  sha,
  release: fc.option(fc.record({ tag: releaseTag, prerelease: fc.boolean() }), { nil: undefined }),
});

/** `tags` entries of the shapes parseInputs lets through: bare tags and image:tag references. */
const validTag = fc.oneof(
  fc.constantFrom('latest', 'edge', '1', '1.2', 'main', '_x'),
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/),
);
const extraTag = fc.oneof(
  { weight: 4, arbitrary: validTag },
  { weight: 1, arbitrary: validTag.map((t) => `${REPOSITORY}:${t}`) },
  { weight: 1, arbitrary: validTag.map((t) => `${IMAGE}:${t}`) },
  { weight: 1, arbitrary: validTag.map((t) => `localhost:5000/${REPOSITORY}:${t}`) },
  { weight: 1, arbitrary: validTag.map((t) => `ghcr.io/other/app:${t}`) },
  // Any name before the colon: parseInputs checks only the part after it (and no @).
  {
    weight: 1,
    arbitrary: fc.tuple(nastyString({ maxLength: 10 }), validTag).map(([name, t]) => `${name.replace(/[\n,@]/g, '').trim()}:${t}`),
  },
);

const planInputs: fc.Arbitrary<PlanInputs> = fc.record({
  shaTag: fc.constantFrom('full', 'short', 'false'),
  releaseTags: fc.constantFrom('auto', 'none'),
  latest: fc.constantFrom('auto', 'true', 'false'),
  tags: fc.array(extraTag, { maxLength: 4 }),
  repository: fc.constant(REPOSITORY),
});

function plan(f: Pick<EventFacts, 'sha' | 'release'>, inputs: PlanInputs, image: string | undefined): TagPlan | InputError {
  try {
    return computeTagPlan(f, inputs, image);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

describe('computeTagPlan', () => {
  test('every candidate and promotion is a tag Docker accepts, each promotion once (or an InputError)', () => {
    fc.assert(
      fc.property(facts, planInputs, fc.constantFrom(IMAGE, undefined), (f, inputs, image) => {
        const result = plan(f, inputs, image);
        if (result instanceof InputError) return;
        if (result.candidate !== undefined) expect(result.candidate).toMatch(DOCKER_TAG);
        for (const p of result.promotions) expect(p.tag).toMatch(DOCKER_TAG);
        const tags = result.promotions.map((p) => p.tag);
        expect(new Set(tags).size).toBe(tags.length);
        expect(tags).not.toContain(result.candidate);
      }),
      RUNS,
    );
  });

  test('an InputError is one line naming sha-tag or tags', () => {
    fc.assert(
      fc.property(facts, planInputs, fc.constantFrom(IMAGE, undefined), (f, inputs, image) => {
        const result = plan(f, inputs, image);
        if (!(result instanceof InputError)) return;
        expect(result.message).toMatch(/^Input "(sha-tag|tags)" /);
        expect(result.message).not.toMatch(LINE_BREAK);
      }),
      RUNS,
    );
  });

  test('a prerelease (by flag or by version) never gets minor, major or latest unless latest is true', () => {
    fc.assert(
      fc.property(facts, planInputs, (f, inputs) => {
        fc.pre(f.release !== undefined);
        const result = plan(f, { ...inputs, tags: [] }, IMAGE);
        if (result instanceof InputError) return;
        const version = releaseVersion(f.release?.tag ?? '');
        const prerelease = f.release?.prerelease === true || (version !== undefined && version.prerelease.length > 0);
        const kinds = result.promotions.map((p) => p.kind);
        if (prerelease) {
          expect(kinds).not.toContain('minor');
          expect(kinds).not.toContain('major');
          if (inputs.latest !== 'true') expect(kinds).not.toContain('latest');
        }
        if (version === undefined || inputs.releaseTags === 'none') {
          expect(kinds).not.toContain('minor');
          expect(kinds).not.toContain('major');
        }
      }),
      RUNS,
    );
  });

  test('isValidDockerTag agrees with the grammar for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, validTag, releaseTag), (tag) => {
        expect(isValidDockerTag(tag)).toBe(DOCKER_TAG.test(tag));
      }),
      RUNS,
    );
  });
});

/** Tags already in the repository: stable and prerelease versions with and without v, and others. */
const existingTag = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('', 'v'), fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }))
      .map(([v, a, b, c]) => `${v}${a}.${b}.${c}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.constantFrom('rc.1', 'beta'))
      .map(([a, b, c, p]) => `${a}.${b}.${c}-${p}`),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('latest', '1', '1.2', 'main', 'v01.2.3'), hex(40)) },
);
const smallRelease = fc.record({
  tag: fc.oneof(
    fc
      .tuple(fc.constantFrom('', 'v'), fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.constantFrom('', '-rc.1', '+build.7'))
      .map(([v, a, b, c, s]) => `${v}${a}.${b}.${c}${s}`),
    releaseTag,
  ),
  prerelease: fc.boolean(),
});

describe('moveFloatingTags', () => {
  test('floating tags move only forward, and write ∪ held is the promotions', () => {
    fc.assert(
      fc.property(hex(40), smallRelease, planInputs, fc.array(existingTag, { maxLength: 12 }), (commit, release, inputs, existing) => {
        const result = plan({ sha: commit, release }, inputs, IMAGE);
        fc.pre(!(result instanceof InputError));
        const tagPlan = result as TagPlan;
        const { write, held } = moveFloatingTags(tagPlan, existing, inputs.latest);

        // A partition of the promotions (tags are unique), each kept with its kind, in order.
        const kindOf = new Map(tagPlan.promotions.map((p) => [p.tag, p.kind]));
        const out = [...write, ...held];
        expect(out.map((p) => p.tag).sort()).toEqual([...kindOf.keys()].sort());
        for (const p of out) expect(p.kind).toBe(kindOf.get(p.tag));
        expect(write.map((p) => p.tag)).toEqual(tagPlan.promotions.filter((p) => write.includes(p)).map((p) => p.tag));
        for (const h of held) expect(h.reason).not.toBe('');

        const stable = existing.map(releaseVersion).filter((v): v is semver.SemVer => v !== undefined && v.prerelease.length === 0);
        for (const promotion of write) {
          if (tagPlan.version === undefined) continue;
          const current = new semver.SemVer(tagPlan.version);
          const line =
            promotion.kind === 'minor'
              ? stable.filter((v) => v.major === current.major && v.minor === current.minor)
              : promotion.kind === 'major'
                ? stable.filter((v) => v.major === current.major)
                : promotion.kind === 'latest' && inputs.latest === 'auto'
                  ? stable
                  : [];
          for (const v of line) expect(semver.gte(current, v)).toBe(true);
        }
        // Only floating tags are ever held, and only because a newer stable version exists.
        for (const h of held) {
          expect(['minor', 'major', 'latest']).toContain(h.kind);
          if (h.kind === 'latest') expect(inputs.latest).toBe('auto');
        }
      }),
      RUNS,
    );
  });
});
