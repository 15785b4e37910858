// Pure: the licences the image ships, as its SBOM declares them. A package is reported when its
// licence expression leaves no way around a denied licence: `GPL-3.0-only` or
// `MIT AND GPL-3.0-only` are denied with GPL-3.0-*, `MIT OR GPL-3.0-only` is not (the MIT
// choice is open). Packages the policy allows (by package URL) are never reported; a package
// whose licence the SBOM does not know (NOASSERTION) is not a finding.
import type { Outcome, PlatformFacts, PolicyConfig, RuleFinding, SbomPackage } from './types.js';
import { matchesAny, wildcard } from './wildcard.js';

type Expression = { id: string } | { op: 'AND' | 'OR'; parts: Expression[] };

/** An SPDX licence expression, read leniently: ids, AND, OR, WITH (its exception kept on the id), parentheses. */
export function parseExpression(text: string): Expression | undefined {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const parseOr = (): Expression | undefined => {
    const parts = [parseAnd()];
    while (tokens[at]?.toUpperCase() === 'OR') {
      at++;
      parts.push(parseAnd());
    }
    const valid = parts.filter((p): p is Expression => p !== undefined);
    return valid.length <= 1 ? valid[0] : { op: 'OR', parts: valid };
  };
  const parseAnd = (): Expression | undefined => {
    const parts = [parseAtom()];
    while (tokens[at]?.toUpperCase() === 'AND') {
      at++;
      parts.push(parseAtom());
    }
    const valid = parts.filter((p): p is Expression => p !== undefined);
    return valid.length <= 1 ? valid[0] : { op: 'AND', parts: valid };
  };
  const parseAtom = (): Expression | undefined => {
    const token = tokens[at++];
    if (token === undefined) return undefined;
    if (token === '(') {
      const inner = parseOr();
      if (tokens[at] === ')') at++;
      return inner;
    }
    if (tokens[at]?.toUpperCase() === 'WITH') at += 2; // the exception narrows the licence, it does not change which it is
    return { id: token.replace(/\+$/, '') };
  };
  return parseOr();
}

/** The denied licence ids an expression cannot avoid: empty when some choice avoids them all. */
export function unavoidable(expression: Expression, denied: (id: string) => boolean): string[] {
  if ('id' in expression) return denied(expression.id) ? [expression.id] : [];
  const each = expression.parts.map((part) => unavoidable(part, denied));
  if (expression.op === 'AND') return [...new Set(each.flat())];
  return each.every((ids) => ids.length > 0) ? [...new Set(each.flat())] : [];
}

const UNKNOWN = new Set(['NOASSERTION', 'NONE', '']);

export function checkLicenses(facts: PlatformFacts, rule: PolicyConfig['licenses']): Outcome {
  if (!facts.sbom.known) return { noData: facts.sbom.why };
  const deny = rule.deny.map((pattern) => wildcard(pattern, { ignoreCase: true }));
  const allow = rule.allowPackages.map((pattern) => wildcard(pattern, { ignoreCase: true }));
  const denied = (id: string) => matchesAny(id, deny);
  const findings: RuleFinding[] = [];
  for (const pkg of facts.sbom.value) {
    if (pkg.purl !== undefined && isAllowed(pkg.purl, allow)) continue;
    const ids = pkg.licenses
      .filter((text) => !UNKNOWN.has(text.trim().toUpperCase()))
      .flatMap((text) => {
        const expression = parseExpression(text);
        return expression ? unavoidable(expression, denied) : [];
      });
    if (ids.length > 0) {
      findings.push({ message: `${describe(pkg)} is under ${[...new Set(ids)].join(', ')}, which the policy denies`, id: ids[0] });
    }
  }
  if (findings.length > 0) return { ok: false, findings };
  return { ok: true, checked: `${facts.sbom.value.length} packages, none under a denied licence` };
}

/** A purl is allowed by a pattern of it with or without its version and qualifiers. */
function isAllowed(purl: string, allow: RegExp[]): boolean {
  const bare = purl.replace(/[?#].*$/, '');
  const unversioned = bare.replace(/@[^/]*$/, '');
  return matchesAny(purl, allow) || matchesAny(bare, allow) || matchesAny(unversioned, allow);
}

function describe(pkg: SbomPackage): string {
  return `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}${pkg.purl ? ` (${pkg.purl})` : ''}`;
}
