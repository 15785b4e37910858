// Pure: the policy's YAML (the policy file, the `policy` input) → every rule's level and
// parameters. A rule is a level (`off`, `warn`, `fail`) or a mapping with `level` and the rule's
// parameters. Without any policy, `build-checks` and `non-root` warn and the rest is off; a
// policy changes the rules it names (the inline `policy` input over the file, rule by rule).
// Anything wrong is one line naming the input, the rule and what is accepted, before any build.
import { InputError, oneLine, quoted } from '../../util/errors.js';
import { LEVELS, RULE_NAMES, type Level, type PolicyConfig, type RuleName } from './types.js';

export function defaultPolicy(): PolicyConfig {
  return {
    'non-root': { level: 'warn' },
    healthcheck: { level: 'off' },
    'base-images': { level: 'off', allowed: [], pinned: false },
    'base-fresh': { level: 'off' },
    'max-size': { level: 'off' },
    licenses: { level: 'off', deny: [], allowPackages: [] },
    attestations: { level: 'off', sbom: true, provenance: 'min' },
    'build-checks': { level: 'warn' },
  };
}

/** Where a policy's text came from, as messages name it: `Input "policy-file" (.ecr-policy.yml)`. */
export interface PolicyOrigin {
  input: 'policy' | 'policy-file';
  file?: string;
}

/** Each rule's parameters (YAML keys besides `level`), and what a message says is accepted. */
const PARAMETERS: Record<RuleName, Record<string, string>> = {
  'non-root': {},
  healthcheck: {},
  'base-images': {
    allowed: 'a list of image reference patterns, * a wildcard, e.g. ["*.dkr.ecr.*.amazonaws.com/base/*"]',
    pinned: 'true or false',
  },
  'base-fresh': {},
  'max-size': { mb: 'a number of MB greater than 0, e.g. 300' },
  licenses: {
    deny: 'a list of SPDX licence ids, * a wildcard, e.g. [AGPL-3.0-only, "GPL-3.0-*"]',
    'allow-packages': 'a list of package URLs, * a wildcard, e.g. ["pkg:pypi/example"]',
  },
  attestations: { sbom: 'true or false', provenance: 'min, max or false' },
  'build-checks': {},
};

// A reference pattern: registry, path, tag or digest characters, and `*`.
const REFERENCE_PATTERN = /^[A-Za-z0-9._:/@*-]{1,255}$/;
// An SPDX licence id (or LicenseRef-…), with `*`.
const LICENCE_PATTERN = /^[A-Za-z0-9.+*-]{1,128}$/;
// A package URL (purl-spec: pkg:type/namespace/name@version?qualifiers#subpath), with `*`.
const PURL_PATTERN = /^pkg:[a-z*][a-z0-9.+*-]*\/\S{1,500}$/i;

/**
 * The rules from the file and the inline input, over the defaults. `file` and `inline` are what
 * the YAML parser gave (undefined when there is none).
 */
export function resolvePolicy(parts: Array<{ data: unknown; origin: PolicyOrigin }>): PolicyConfig {
  const policy = defaultPolicy();
  const setBy = new Map<RuleName, string>();
  for (const { data, origin } of parts) {
    for (const [rule, settings] of Object.entries(parseRules(data, origin)) as Array<[RuleName, Record<string, unknown>]>) {
      (policy as unknown as Record<string, unknown>)[rule] = { ...policy[rule], ...settings };
      setBy.set(rule, `${whereOf(origin)}, rule "${rule}"`);
    }
  }
  // What a rule needs to be on, once the file and the input are merged (one may give the level, the other the list).
  const size = policy['max-size'];
  if (size.level !== 'off' && size.mb === undefined) {
    throw new InputError(
      `${setBy.get('max-size')} has no mb; accepted: { level: ${size.level}, mb: 300 } (a number of MB greater than 0).`,
    );
  }
  const licenses = policy.licenses;
  if (licenses.level !== 'off' && licenses.deny.length === 0) {
    throw new InputError(
      `${setBy.get('licenses')} has no deny list; accepted: { level: ${licenses.level}, deny: [AGPL-3.0-only, "GPL-3.0-*"] }.`,
    );
  }
  return policy;
}

function whereOf(origin: PolicyOrigin): string {
  return origin.file !== undefined ? `Input "${origin.input}" (${origin.file})` : `Input "${origin.input}"`;
}

/** One policy document's rules: only those it names, with only the parameters it gives. */
export function parseRules(data: unknown, origin: PolicyOrigin): Partial<Record<RuleName, Record<string, unknown>>> {
  const where = whereOf(origin);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`${where} is not a mapping of rules; accepted: rule: level, e.g. "non-root: fail", one rule a line.`);
  }
  const rules: Partial<Record<RuleName, Record<string, unknown>>> = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (!(RULE_NAMES as readonly string[]).includes(name)) {
      throw new InputError(`${where} has rule ${quoted(name)}, which is not a rule; accepted: ${RULE_NAMES.join(', ')}.`);
    }
    rules[name as RuleName] = parseRule(name as RuleName, value, where);
  }
  return rules;
}

function parseRule(rule: RuleName, value: unknown, where: string): Record<string, unknown> {
  const at = `${where}, rule "${rule}"`;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return { level: level(value, at) };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${at}: ${describe(value)} is neither a level nor a mapping; accepted: off, warn, fail, or { level: fail, ... }.`);
  }
  const record = value as Record<string, unknown>;
  const accepted = PARAMETERS[rule];
  const settings: Record<string, unknown> = {};
  if (!('level' in record)) {
    throw new InputError(`${at} has no level; accepted: level off, warn or fail, e.g. { level: fail${exampleParameters(rule)} }.`);
  }
  settings.level = level(record.level, at);
  for (const [key, raw] of Object.entries(record)) {
    if (key === 'level') continue;
    if (!(key in accepted)) {
      const known = ['level', ...Object.keys(accepted)].join(', ');
      throw new InputError(`${at} has ${quoted(key)}, which it does not take; accepted: ${known}.`);
    }
    const bad = () => new InputError(`${at} has ${key} ${describe(raw)}; accepted: ${accepted[key]}.`);
    switch (`${rule}.${key}`) {
      case 'base-images.allowed':
        settings.allowed = patterns(raw, REFERENCE_PATTERN, bad);
        break;
      case 'base-images.pinned':
      case 'attestations.sbom':
        if (typeof raw !== 'boolean') throw bad();
        settings[key] = raw;
        break;
      case 'max-size.mb': {
        const mb = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
        if (!Number.isFinite(mb) || mb <= 0 || mb > 1_000_000) throw bad();
        settings.mb = mb;
        break;
      }
      case 'licenses.deny':
        settings.deny = patterns(raw, LICENCE_PATTERN, bad);
        break;
      case 'licenses.allow-packages':
        settings.allowPackages = patterns(raw, PURL_PATTERN, bad);
        break;
      case 'attestations.provenance':
        if (raw === false || raw === 'false') settings.provenance = false;
        else if (raw === 'min' || raw === 'max') settings.provenance = raw;
        else throw bad();
        break;
    }
  }
  return settings;
}

function level(value: unknown, at: string): Level {
  // YAML 1.1 reads a bare `off` as false in some parsers; `yaml` (1.2) keeps it a string.
  const text = value === false ? 'off' : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && (LEVELS as readonly string[]).includes(text)) return text as Level;
  throw new InputError(`${at} has level ${describe(value)}; accepted: ${LEVELS.join(', ')}.`);
}

function patterns(raw: unknown, shape: RegExp, bad: () => InputError): string[] {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) throw bad();
  return list.map((item) => {
    if (typeof item !== 'string' || !shape.test(item.trim())) throw bad();
    return item.trim();
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return quoted(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (Array.isArray(value))
    return `[${value.length > 3 ? `${value.slice(0, 3).map(describe).join(', ')}, …` : value.map(describe).join(', ')}]`;
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return oneLine(String(value));
}

function exampleParameters(rule: RuleName): string {
  if (rule === 'max-size') return ', mb: 300';
  if (rule === 'licenses') return ', deny: [AGPL-3.0-only]';
  if (rule === 'base-images') return ', allowed: ["*.dkr.ecr.*.amazonaws.com/base/*"]';
  return '';
}
