import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { defaultPolicy, resolvePolicy, type PolicyOrigin } from '../../../src/gate/rules/config.js';
import { InputError } from '../../../src/util/errors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const parseYaml = parse;

const FILE: PolicyOrigin = { input: 'policy-file', file: '.ecr-policy.yml' };
const INLINE: PolicyOrigin = { input: 'policy' };

const resolve = (...docs: Array<[string, PolicyOrigin]>) => resolvePolicy(docs.map(([text, origin]) => ({ data: parse(text), origin })));

describe('resolvePolicy', () => {
  test('without a policy: build-checks and non-root warn, the rest is off', () => {
    const policy = resolvePolicy([]);
    expect(policy).toEqual(defaultPolicy());
    const on = Object.entries(policy).filter(([, rule]) => rule.level !== 'off');
    expect(on.map(([name, rule]) => [name, rule.level])).toEqual([
      ['non-root', 'warn'],
      ['build-checks', 'warn'],
    ]);
  });

  test("the issue's example, read as a user writes it", () => {
    const policy = resolve([
      `non-root: fail
healthcheck: warn
max-size: { level: fail, mb: 300 }
base-images: { level: fail, allowed: ["*.dkr.ecr.*.amazonaws.com/base/*"], pinned: true }
licenses: { level: fail, deny: [AGPL-3.0-only, "GPL-3.0-*"], allow-packages: ["pkg:pypi/example"] }
`,
      FILE,
    ]);
    expect(policy['non-root']).toEqual({ level: 'fail' });
    expect(policy.healthcheck).toEqual({ level: 'warn' });
    expect(policy['max-size']).toEqual({ level: 'fail', mb: 300 });
    expect(policy['base-images']).toEqual({ level: 'fail', allowed: ['*.dkr.ecr.*.amazonaws.com/base/*'], pinned: true });
    expect(policy.licenses).toEqual({ level: 'fail', deny: ['AGPL-3.0-only', 'GPL-3.0-*'], allowPackages: ['pkg:pypi/example'] });
    // Rules it does not name keep their defaults.
    expect(policy['build-checks']).toEqual({ level: 'warn' });
    expect(policy['base-fresh']).toEqual({ level: 'off' });
  });

  test('the inline input over the file, rule by rule; a parameter from the file stays when the input gives only a level', () => {
    const policy = resolve(
      ['licenses: { level: warn, deny: [AGPL-3.0-only] }\nnon-root: fail\nmax-size: { level: fail, mb: 100 }', FILE],
      ['licenses: fail\nnon-root: off\nmax-size: { level: warn, mb: 50 }', INLINE],
    );
    expect(policy.licenses).toEqual({ level: 'fail', deny: ['AGPL-3.0-only'], allowPackages: [] });
    expect(policy['non-root'].level).toBe('off');
    expect(policy['max-size']).toEqual({ level: 'warn', mb: 50 });
  });

  test.each([
    ['attestations: { level: fail, provenance: max }', { level: 'fail', sbom: true, provenance: 'max' }],
    ['attestations: { level: warn, sbom: false, provenance: min }', { level: 'warn', sbom: false, provenance: 'min' }],
    ['attestations: { level: fail, provenance: false }', { level: 'fail', sbom: true, provenance: false }],
    ['attestations: FAIL', { level: 'fail', sbom: true, provenance: 'min' }],
  ])('%s', (text, expected) => {
    expect(resolve([text, INLINE]).attestations).toEqual(expected);
  });

  test('an empty document is no policy', () => {
    expect(resolve(['', FILE])).toEqual(defaultPolicy());
    expect(resolve(['# only a comment\n', FILE])).toEqual(defaultPolicy());
  });

  test.each([
    [
      'an unknown rule',
      'non-rot: fail',
      'Input "policy-file" (.ecr-policy.yml) has rule "non-rot", which is not a rule; accepted: non-root, healthcheck, base-images, base-fresh, max-size, licenses, attestations, build-checks.',
    ],
    [
      'an unknown level',
      'non-root: error',
      'Input "policy-file" (.ecr-policy.yml), rule "non-root" has level "error"; accepted: off, warn, fail.',
    ],
    [
      'a mapping without a level',
      'max-size: { mb: 300 }',
      'Input "policy-file" (.ecr-policy.yml), rule "max-size" has no level; accepted: level off, warn or fail, e.g. { level: fail, mb: 300 }.',
    ],
    [
      'a size that is not a number',
      'max-size: { level: fail, mb: big }',
      'Input "policy-file" (.ecr-policy.yml), rule "max-size" has mb "big"; accepted: a number of MB greater than 0, e.g. 300.',
    ],
    [
      'a size of zero',
      'max-size: { level: fail, mb: 0 }',
      'Input "policy-file" (.ecr-policy.yml), rule "max-size" has mb 0; accepted: a number of MB greater than 0, e.g. 300.',
    ],
    [
      'max-size on without a size',
      'max-size: fail',
      'Input "policy-file" (.ecr-policy.yml), rule "max-size" has no mb; accepted: { level: fail, mb: 300 } (a number of MB greater than 0).',
    ],
    [
      'a bad pattern',
      'base-images: { level: fail, allowed: ["registry example/base"] }',
      'Input "policy-file" (.ecr-policy.yml), rule "base-images" has allowed ["registry example/base"]; accepted: a list of image reference patterns, * a wildcard, e.g. ["*.dkr.ecr.*.amazonaws.com/base/*"].',
    ],
    [
      'a parameter another rule takes',
      'non-root: { level: fail, mb: 3 }',
      'Input "policy-file" (.ecr-policy.yml), rule "non-root" has "mb", which it does not take; accepted: level.',
    ],
    [
      'licenses on without a deny list',
      'licenses: fail',
      'Input "policy-file" (.ecr-policy.yml), rule "licenses" has no deny list; accepted: { level: fail, deny: [AGPL-3.0-only, "GPL-3.0-*"] }.',
    ],
    [
      'a licence that is not an SPDX id',
      'licenses: { level: fail, deny: ["GPL 3"] }',
      'Input "policy-file" (.ecr-policy.yml), rule "licenses" has deny ["GPL 3"]; accepted: a list of SPDX licence ids, * a wildcard, e.g. [AGPL-3.0-only, "GPL-3.0-*"].',
    ],
    [
      'a package that is not a purl',
      'licenses: { level: fail, deny: [MIT], allow-packages: [example] }',
      'Input "policy-file" (.ecr-policy.yml), rule "licenses" has allow-packages ["example"]; accepted: a list of package URLs, * a wildcard, e.g. ["pkg:pypi/example"].',
    ],
    [
      'pinned that is not a boolean',
      'base-images: { level: fail, pinned: yes please }',
      'Input "policy-file" (.ecr-policy.yml), rule "base-images" has pinned "yes please"; accepted: true or false.',
    ],
    [
      'a list instead of a mapping',
      '- non-root: fail',
      'Input "policy-file" (.ecr-policy.yml) is not a mapping of rules; accepted: rule: level, e.g. "non-root: fail", one rule a line.',
    ],
    [
      'a rule given a list',
      'healthcheck: [warn]',
      'Input "policy-file" (.ecr-policy.yml), rule "healthcheck": ["warn"] is neither a level nor a mapping; accepted: off, warn, fail, or { level: fail, ... }.',
    ],
  ])('%s: one line naming the input, the rule and what is accepted', (_name, text, message) => {
    const run = () => resolve([text, FILE]);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  test('the inline input is named as such', () => {
    expect(() => resolve(['healthcheck: maybe', INLINE])).toThrow(
      'Input "policy", rule "healthcheck" has level "maybe"; accepted: off, warn, fail.',
    );
  });
});

describe('the policies docs/ shows', () => {
  test.each(['strict', 'lenient'])('docs/policies/%s.yml is one the action accepts, every rule on', (name) => {
    const text = readFileSync(path.join(ROOT, 'docs', 'policies', `${name}.yml`), 'utf8');
    const rules = resolvePolicy([{ data: parseYaml(text), origin: { input: 'policy-file', file: `docs/policies/${name}.yml` } }]);
    expect(Object.entries(rules).filter(([, rule]) => rule.level === 'off')).toEqual([]);
    if (name === 'strict') expect(Object.values(rules).every((rule) => rule.level === 'fail' || rule.level === 'warn')).toBe(true);
    if (name === 'lenient') expect(Object.values(rules).every((rule) => rule.level === 'warn')).toBe(true);
  });
});
