import { describe, expect, test } from '@jest/globals';
import { checkLicenses, parseExpression, unavoidable } from '../../../src/gate/rules/licenses.js';
import type { PlatformFacts, PolicyConfig, SbomPackage } from '../../../src/gate/rules/types.js';
import { wildcard } from '../../../src/gate/rules/wildcard.js';

type Expression = NonNullable<ReturnType<typeof parseExpression>>;

const id = (name: string): Expression => ({ id: name });
const and = (...parts: Expression[]): Expression => ({ op: 'AND', parts });
const or = (...parts: Expression[]): Expression => ({ op: 'OR', parts });

describe('parseExpression', () => {
  test.each<[string, Expression | undefined]>([
    ['MIT', id('MIT')],
    ['  MIT  ', id('MIT')],
    ['LicenseRef-scancode-public-domain', id('LicenseRef-scancode-public-domain')],
    ['MIT AND Apache-2.0', and(id('MIT'), id('Apache-2.0'))],
    ['MIT OR Apache-2.0', or(id('MIT'), id('Apache-2.0'))],
    ['MIT AND Apache-2.0 AND BSD-3-Clause', and(id('MIT'), id('Apache-2.0'), id('BSD-3-Clause'))],
    ['MIT OR Apache-2.0 OR BSD-3-Clause', or(id('MIT'), id('Apache-2.0'), id('BSD-3-Clause'))],
    // AND binds tighter than OR (SPDX 2.3, annex D).
    ['MIT OR Apache-2.0 AND GPL-3.0-only', or(id('MIT'), and(id('Apache-2.0'), id('GPL-3.0-only')))],
    ['MIT AND Apache-2.0 OR GPL-3.0-only', or(and(id('MIT'), id('Apache-2.0')), id('GPL-3.0-only'))],
    ['(MIT OR Apache-2.0) AND GPL-3.0-only', and(or(id('MIT'), id('Apache-2.0')), id('GPL-3.0-only'))],
    ['(MIT)', id('MIT')],
    ['((MIT))', id('MIT')],
    [
      'MIT OR (Apache-2.0 AND (BSD-3-Clause OR GPL-3.0-only))',
      or(id('MIT'), and(id('Apache-2.0'), or(id('BSD-3-Clause'), id('GPL-3.0-only')))),
    ],
    ['(MIT OR Apache-2.0)AND(GPL-3.0-only)', and(or(id('MIT'), id('Apache-2.0')), id('GPL-3.0-only'))],
    // Read leniently: operators in any case, an unclosed parenthesis.
    ['mit and apache-2.0', and(id('mit'), id('apache-2.0'))],
    ['MIT or Apache-2.0', or(id('MIT'), id('Apache-2.0'))],
    ['(MIT OR GPL-3.0-only', or(id('MIT'), id('GPL-3.0-only'))],
    // WITH: the exception narrows the licence, it is still that licence.
    ['GPL-2.0-only WITH Classpath-exception-2.0', id('GPL-2.0-only')],
    ['GPL-2.0-only with Classpath-exception-2.0', id('GPL-2.0-only')],
    ['MIT OR GPL-2.0-or-later WITH Bison-exception-2.2 AND Apache-2.0', or(id('MIT'), and(id('GPL-2.0-or-later'), id('Apache-2.0')))],
    ['(GPL-3.0-only WITH GCC-exception-3.1)', id('GPL-3.0-only')],
    ['', undefined],
    ['   ', undefined],
  ])('%j', (text, expected) => {
    expect(parseExpression(text)).toEqual(expected);
  });
});

describe('unavoidable', () => {
  // As checkLicenses builds it: the deny patterns, without regard to case.
  const deny = (...patterns: string[]) => {
    const regexps = patterns.map((pattern) => wildcard(pattern, { ignoreCase: true }));
    return (name: string) => regexps.some((regexp) => regexp.test(name));
  };
  const GPL = deny('AGPL-3.0-only', 'GPL-3.0-*');

  test.each<[string, string[]]>([
    ['MIT', []],
    ['GPL-3.0-only', ['GPL-3.0-only']],
    ['GPL-3.0-or-later', ['GPL-3.0-or-later']],
    ['AGPL-3.0-only', ['AGPL-3.0-only']],
    // The pattern is the whole id: AGPL-3.0-or-later is neither AGPL-3.0-only nor GPL-3.0-*.
    ['AGPL-3.0-or-later', []],
    ['LGPL-3.0-only', []],
    ['GPL-2.0-only', []],
    ['MIT AND GPL-3.0-only', ['GPL-3.0-only']],
    ['GPL-3.0-only AND MIT', ['GPL-3.0-only']],
    ['MIT OR GPL-3.0-only', []],
    ['GPL-3.0-only OR MIT', []],
    ['GPL-3.0-only OR AGPL-3.0-only', ['GPL-3.0-only', 'AGPL-3.0-only']],
    ['GPL-3.0-only AND GPL-3.0-only', ['GPL-3.0-only']],
    ['GPL-3.0-only OR GPL-3.0-or-later', ['GPL-3.0-only', 'GPL-3.0-or-later']],
    ['(MIT OR GPL-3.0-only) AND AGPL-3.0-only', ['AGPL-3.0-only']],
    ['(MIT OR GPL-3.0-only) AND (Apache-2.0 OR AGPL-3.0-only)', []],
    ['(MIT AND GPL-3.0-only) OR Apache-2.0', []],
    ['(MIT AND GPL-3.0-only) OR (Apache-2.0 AND AGPL-3.0-only)', ['GPL-3.0-only', 'AGPL-3.0-only']],
    ['MIT OR Apache-2.0 AND GPL-3.0-only', []],
    ['MIT AND Apache-2.0 OR GPL-3.0-only', []],
    ['GPL-3.0-only AND (MIT OR (Apache-2.0 AND AGPL-3.0-only))', ['GPL-3.0-only']],
    ['AGPL-3.0-only AND (GPL-3.0-only OR (MIT AND GPL-3.0-or-later))', ['AGPL-3.0-only', 'GPL-3.0-only', 'GPL-3.0-or-later']],
    // Case-insensitive, as SPDX ids are.
    ['gpl-3.0-or-later', ['gpl-3.0-or-later']],
    ['agpl-3.0-ONLY', ['agpl-3.0-ONLY']],
    ['mit and gpl-3.0-only', ['gpl-3.0-only']],
    // WITH: the licence is still the denied one, whatever its exception.
    ['GPL-3.0-only WITH GCC-exception-3.1', ['GPL-3.0-only']],
    ['MIT OR GPL-3.0-only WITH GCC-exception-3.1', []],
    // `+` (or any later version): a choice of an earlier one that is not denied is open.
    ['GPL-2.0+', []],
    ['MIT OR GPL-3.0+', []],
  ])('%s against [AGPL-3.0-only, GPL-3.0-*]', (text, ids) => {
    expect(unavoidable(parseExpression(text)!, GPL)).toEqual(ids);
  });

  test.each<[string, string[], string[]]>([
    ['lower-case patterns match upper-case ids', ['agpl-3.0-only'], ['AGPL-3.0-only']],
    ['* inside an id', ['*GPL-3.0*'], ['AGPL-3.0-only']],
    ['a pattern with no * matches only itself', ['AGPL-3.0'], []],
    ['no deny list', [], []],
  ])('%s', (_name, patterns, ids) => {
    expect(unavoidable(parseExpression('AGPL-3.0-only')!, deny(...patterns))).toEqual(ids);
  });
});

describe('checkLicenses', () => {
  const facts = (packages: SbomPackage[]): PlatformFacts => ({
    platform: 'linux/amd64',
    digest: `sha256:${'1'.repeat(64)}`,
    user: { known: true, value: 'app' },
    healthcheck: { known: true, value: true },
    layersBytes: { known: true, value: 1 },
    bases: { known: true, value: [] },
    baseTagsNow: { known: true, value: [] },
    sbom: { known: true, value: packages },
    attestations: { known: true, value: [] },
  });
  const rule = (allowPackages: string[] = [], denied = ['AGPL-3.0-only', 'GPL-3.0-*']): PolicyConfig['licenses'] => ({
    level: 'fail',
    deny: denied,
    allowPackages,
  });
  const pkg = (name: string, licenses: string[], purl?: string, version?: string): SbomPackage => ({
    name,
    licenses,
    ...(purl !== undefined ? { purl } : {}),
    ...(version !== undefined ? { version } : {}),
  });
  const READLINE = pkg('readline', ['GPL-3.0-only'], 'pkg:deb/debian/readline@8.2-1?arch=amd64&distro=debian-12', '8.2-1');
  const READLINE_FINDING = {
    message: 'readline 8.2-1 (pkg:deb/debian/readline@8.2-1?arch=amd64&distro=debian-12) is under GPL-3.0-only, which the policy denies',
    id: 'GPL-3.0-only',
  };
  const FASTAPI = pkg('fastapi', ['MIT'], 'pkg:pypi/fastapi@0.115.0', '0.115.0');

  test.each<[string, SbomPackage[], ReturnType<typeof checkLicenses>]>([
    [
      'no package under a denied licence',
      [FASTAPI, pkg('zlib', ['Zlib'])],
      { ok: true, checked: '2 packages, none under a denied licence' },
    ],
    ['an empty SBOM', [], { ok: true, checked: '0 packages, none under a denied licence' }],
    ['a denied licence, named with version and purl', [FASTAPI, READLINE], { ok: false, findings: [READLINE_FINDING] }],
    [
      'a package with neither version nor purl',
      [pkg('libmystery', ['AGPL-3.0-only'])],
      { ok: false, findings: [{ message: 'libmystery is under AGPL-3.0-only, which the policy denies', id: 'AGPL-3.0-only' }] },
    ],
    [
      'a choice that avoids it',
      [FASTAPI, pkg('dual', ['MIT OR GPL-3.0-only'])],
      { ok: true, checked: '2 packages, none under a denied licence' },
    ],
    [
      'a conjunction that does not',
      [pkg('both', ['MIT AND GPL-3.0-or-later'])],
      { ok: false, findings: [{ message: 'both is under GPL-3.0-or-later, which the policy denies', id: 'GPL-3.0-or-later' }] },
    ],
    [
      'denied in any of its expressions (declared, concluded)',
      [pkg('two', ['MIT', 'GPL-3.0-only'])],
      { ok: false, findings: [{ message: 'two is under GPL-3.0-only, which the policy denies', id: 'GPL-3.0-only' }] },
    ],
    [
      'the same id twice is named once',
      [pkg('twice', ['GPL-3.0-only', 'MIT AND GPL-3.0-only'])],
      { ok: false, findings: [{ message: 'twice is under GPL-3.0-only, which the policy denies', id: 'GPL-3.0-only' }] },
    ],
    [
      'several ids, the first is the id',
      [pkg('many', ['AGPL-3.0-only AND GPL-3.0-or-later'])],
      {
        ok: false,
        findings: [{ message: 'many is under AGPL-3.0-only, GPL-3.0-or-later, which the policy denies', id: 'AGPL-3.0-only' }],
      },
    ],
    [
      'ids matched without regard to case',
      [pkg('lower', ['gpl-3.0-or-later'])],
      { ok: false, findings: [{ message: 'lower is under gpl-3.0-or-later, which the policy denies', id: 'gpl-3.0-or-later' }] },
    ],
    [
      'WITH an exception is still the licence',
      [pkg('gcc-libs', ['GPL-3.0-only WITH GCC-exception-3.1'])],
      { ok: false, findings: [{ message: 'gcc-libs is under GPL-3.0-only, which the policy denies', id: 'GPL-3.0-only' }] },
    ],
    [
      'NOASSERTION and NONE are not findings, in any case',
      [pkg('a', ['NOASSERTION']), pkg('b', ['noassertion']), pkg('c', ['NONE']), pkg('d', [' ']), pkg('e', [])],
      { ok: true, checked: '5 packages, none under a denied licence' },
    ],
    [
      'NOASSERTION beside a denied expression: the denied one counts',
      [pkg('f', ['NOASSERTION', 'GPL-3.0-only'])],
      { ok: false, findings: [{ message: 'f is under GPL-3.0-only, which the policy denies', id: 'GPL-3.0-only' }] },
    ],
    [
      'one finding for each package, in SBOM order',
      [pkg('z', ['AGPL-3.0-only']), FASTAPI, READLINE],
      {
        ok: false,
        findings: [{ message: 'z is under AGPL-3.0-only, which the policy denies', id: 'AGPL-3.0-only' }, READLINE_FINDING],
      },
    ],
  ])('%s', (_name, packages, expected) => {
    expect(checkLicenses(facts(packages), rule())).toEqual(expected);
  });

  test.each<[string, string, string | undefined, boolean]>([
    ['the name allows any version', 'pkg:pypi/example', 'pkg:pypi/example@1.2.3', true],
    ['the name allows a purl with no version', 'pkg:pypi/example', 'pkg:pypi/example', true],
    [
      'the name allows any version and qualifiers',
      'pkg:deb/debian/readline',
      'pkg:deb/debian/readline@8.2-1?arch=amd64&distro=debian-12',
      true,
    ],
    ['the name allows a subpath', 'pkg:golang/example.com/mod', 'pkg:golang/example.com/mod@v1.2.0#sub/dir', true],
    [
      'the name and version allow that version with qualifiers',
      'pkg:deb/debian/readline@8.2-1',
      'pkg:deb/debian/readline@8.2-1?arch=amd64',
      true,
    ],
    ['the name and version allow that version', 'pkg:pypi/example@1.2.3', 'pkg:pypi/example@1.2.3', true],
    ['the name and version do not allow another version', 'pkg:pypi/example@1.2.3', 'pkg:pypi/example@1.2.4', false],
    ['the purl in full, qualifiers too', 'pkg:deb/debian/readline@8.2-1?arch=amd64', 'pkg:deb/debian/readline@8.2-1?arch=amd64', true],
    ['a version wildcard', 'pkg:pypi/example@1.*', 'pkg:pypi/example@1.9.0', true],
    ['a version wildcard, another major', 'pkg:pypi/example@1.*', 'pkg:pypi/example@2.0.0', false],
    ['a namespace wildcard', 'pkg:deb/debian/*', 'pkg:deb/debian/readline@8.2-1?arch=amd64', true],
    ['without regard to case', 'pkg:pypi/example', 'pkg:pypi/Example@1.0', true],
    ['a scoped npm package', 'pkg:npm/%40scope/name', 'pkg:npm/%40scope/name@1.0.0', true],
    ['a scoped npm package, @ unescaped', 'pkg:npm/@scope/name', 'pkg:npm/@scope/name@1.0.0', true],
    ['a scoped npm package with no version is not cut at its scope', 'pkg:npm/@scope', 'pkg:npm/@scope/name', false],
    ['the name is not a prefix', 'pkg:pypi/example', 'pkg:pypi/example-two@1.0', false],
    ['another type', 'pkg:pypi/example', 'pkg:npm/example@1.0', false],
    ['a package with no purl is never allowed', 'pkg:pypi/example', undefined, false],
  ])('allow-packages: %s', (_name, pattern, purl, allowed) => {
    const denied = pkg('example', ['GPL-3.0-only'], purl, '1.0');
    const outcome = checkLicenses(facts([FASTAPI, denied]), rule([pattern]));
    expect(outcome).toEqual(
      allowed
        ? { ok: true, checked: '2 packages, none under a denied licence' }
        : {
            ok: false,
            findings: [
              {
                message: `example 1.0${purl !== undefined ? ` (${purl})` : ''} is under GPL-3.0-only, which the policy denies`,
                id: 'GPL-3.0-only',
              },
            ],
          },
    );
  });

  test('an SBOM not read is no data, with the reason', () => {
    expect(checkLicenses({ ...facts([]), sbom: { known: false, why: 'the image has no SBOM' } }, rule())).toEqual({
      noData: 'the image has no SBOM',
    });
  });
});
