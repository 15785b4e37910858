import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/shared/finding.js';
import { codeBlocks } from '../docs/markdown.js';
import { parsePurl, parseVexDocument, vexMatcher, vexReason, type VexImage, type VexStatement } from '../../src/gate/vex.js';

const INDEX = `sha256:${'a'.repeat(64)}`;
const AMD64 = `sha256:${'b'.repeat(64)}`;
const ARM64 = `sha256:${'c'.repeat(64)}`;
const OTHER = `sha256:${'d'.repeat(64)}`;
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const IMAGE: VexImage = {
  registry: REGISTRY,
  repository: 'team/api',
  digest: INDEX,
  platformDigests: { 'linux/amd64': AMD64, 'linux/arm64': ARM64 },
};

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  id: 'CVE-2024-0001',
  severity: 'CRITICAL',
  package: 'openssl',
  version: '3.0.2',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
  ...overrides,
});

/** A document of these statements (each merged over a not_affected statement for CVE-2024-0001). */
function doc(...statements: Array<Record<string, unknown>>): string {
  return JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/api-1',
    author: 'Platform Team <platform@example.com>',
    timestamp: '2026-01-10T12:00:00Z',
    version: 1,
    statements: statements.map((s) => ({
      vulnerability: { name: 'CVE-2024-0001' },
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      ...s,
    })),
  });
}

function statementsOf(text: string, file = 'docs/vex.json'): VexStatement[] {
  const parsed = parseVexDocument(text, file);
  if ('problem' in parsed) throw new Error(`not parsed: ${parsed.problem}`);
  return parsed.statements;
}

function suppressedBy(text: string, f: Finding = finding(), image: VexImage = IMAGE): string | undefined {
  return vexMatcher({ statements: statementsOf(text), image })(f)?.reason;
}

describe('parseVexDocument: good documents', () => {
  test('a v0.2.0 document: every field the reports and the matching use', () => {
    const text = JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.com/vex/api-1',
      author: 'Platform Team',
      timestamp: '2026-01-10T12:00:00Z',
      version: 2,
      statements: [
        {
          '@id': 'https://example.com/vex/api-1#log4j',
          vulnerability: {
            '@id': 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
            name: 'CVE-2021-44228',
            aliases: ['GHSA-jfh8-c2jp-5v3q'],
          },
          products: [
            {
              '@id': `${REGISTRY}/team/api`,
              identifiers: { purl: `pkg:oci/api@sha256%3A${'a'.repeat(64)}?repository_url=${REGISTRY}/team/api` },
              hashes: { 'sha-256': 'a'.repeat(64) },
              subcomponents: [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }],
            },
          ],
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          impact_statement: 'JNDI lookups are disabled.',
          timestamp: '2026-02-01T00:00:00Z',
        },
        { vulnerability: { name: 'CVE-2024-0002' }, status: 'fixed', status_notes: 'patched in 1.2', action_statement: 'update' },
        { vulnerability: { name: 'CVE-2024-0003' }, status: 'affected', action_statement: 'upgrade zlib' },
        { vulnerability: { name: 'CVE-2024-0004' }, status: 'under_investigation' },
      ],
    });
    expect(statementsOf(text)).toEqual([
      {
        source: {
          file: 'docs/vex.json',
          statement: 1,
          id: 'https://example.com/vex/api-1#log4j',
          document: 'https://example.com/vex/api-1',
        },
        vulnerability: 'CVE-2021-44228',
        aliases: ['GHSA-jfh8-c2jp-5v3q'],
        products: [
          {
            id: `${REGISTRY}/team/api`,
            purl: `pkg:oci/api@sha256%3A${'a'.repeat(64)}?repository_url=${REGISTRY}/team/api`,
            digest: INDEX,
            subcomponents: [{ id: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }],
          },
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        impactStatement: 'JNDI lookups are disabled.',
        time: Date.parse('2026-02-01T00:00:00Z'),
      },
      {
        source: { file: 'docs/vex.json', statement: 2, document: 'https://example.com/vex/api-1' },
        vulnerability: 'CVE-2024-0002',
        aliases: [],
        products: [],
        status: 'fixed',
        statusNotes: 'patched in 1.2',
        actionStatement: 'update',
        time: Date.parse('2026-01-10T12:00:00Z'),
      },
      expect.objectContaining({ vulnerability: 'CVE-2024-0003', status: 'affected', actionStatement: 'upgrade zlib' }),
      expect.objectContaining({ vulnerability: 'CVE-2024-0004', status: 'under_investigation' }),
    ]);
  });

  test.each<[string, unknown, Partial<VexStatement>]>([
    [
      'v0.0.1: the vulnerability, products and subcomponents as strings',
      { vulnerability: 'CVE-2024-0001', products: ['team/api'], subcomponents: ['pkg:apk/alpine/openssl'], status: 'fixed' },
      { vulnerability: 'CVE-2024-0001', products: [{ id: 'team/api', subcomponents: [{ id: 'pkg:apk/alpine/openssl' }] }] },
    ],
    [
      'v0.0.1: subcomponents with no product apply to every image',
      { vulnerability: 'CVE-2024-0001', subcomponents: ['openssl'], status: 'fixed' },
      { products: [{ everyImage: true, subcomponents: [{ id: 'openssl' }] }] },
    ],
    [
      'only an impact statement for not_affected',
      { vulnerability: { name: 'CVE-2024-0001' }, status: 'not_affected', impact_statement: 'not reachable' },
      { impactStatement: 'not reachable' },
    ],
    ['surrounding space trimmed', { vulnerability: { name: ' CVE-2024-0001 ' }, status: 'fixed' }, { vulnerability: 'CVE-2024-0001' }],
    [
      'a sha-256 hash with its prefix',
      { vulnerability: 'X', status: 'fixed', products: [{ hashes: { 'sha-256': `SHA256:${'A'.repeat(64)}` } }] },
      { products: [{ digest: INDEX, subcomponents: [] }] },
    ],
  ])('%s', (_name, statement, expected) => {
    const [parsed] = statementsOf(JSON.stringify({ '@context': 'https://openvex.dev/ns', statements: [statement] }));
    expect(parsed).toEqual(expect.objectContaining(expected));
  });

  test('an empty statements list: no statements; a byte-order mark is allowed', () => {
    expect(statementsOf('\uFEFF{"statements": []}')).toEqual([]);
  });

  test('last_updated over timestamp, the statement over the document', () => {
    const text = JSON.stringify({
      timestamp: '2026-01-01T00:00:00Z',
      last_updated: '2026-03-01T00:00:00Z',
      statements: [
        { vulnerability: 'A', status: 'fixed' },
        { vulnerability: 'B', status: 'fixed', timestamp: '2025-01-01T00:00:00Z' },
      ],
    });
    expect(statementsOf(text).map((s) => s.time)).toEqual([Date.parse('2026-03-01T00:00:00Z'), Date.parse('2025-01-01T00:00:00Z')]);
  });
});

describe('parseVexDocument: what is wrong, in one phrase', () => {
  const statement = (s: Record<string, unknown>) => JSON.stringify({ statements: [{ vulnerability: 'CVE-1', status: 'fixed' }, s] });
  test.each<[string, string, string | RegExp]>([
    ['not JSON', '{"statements": [', /^is not valid JSON \([^\n]+\)$/],
    ['a list', '[]', 'is not an OpenVEX document (not a JSON object)'],
    ['null', 'null', 'is not an OpenVEX document (not a JSON object)'],
    [
      'no statements (a CycloneDX VEX)',
      '{"bomFormat": "CycloneDX", "vulnerabilities": []}',
      'is not an OpenVEX document (no statements list)',
    ],
    ['statements not a list', '{"statements": {}}', 'is not an OpenVEX document (statements is not a list)'],
    [
      'a statement that is a string',
      statement('CVE-1' as unknown as Record<string, unknown>),
      'is not an OpenVEX document (statement 2 is not an object)',
    ],
    ['no vulnerability', statement({ status: 'fixed' }), 'is not an OpenVEX document (statement 2 has no vulnerability)'],
    [
      'an empty vulnerability',
      statement({ vulnerability: ' ', status: 'fixed' }),
      'is not an OpenVEX document (statement 2 has no vulnerability)',
    ],
    [
      'a vulnerability without a name',
      statement({ vulnerability: { '@id': 'x' }, status: 'fixed' }),
      "is not an OpenVEX document (statement 2's vulnerability has no name)",
    ],
    [
      'a vulnerability that is a number',
      statement({ vulnerability: 7, status: 'fixed' }),
      "is not an OpenVEX document (statement 2's vulnerability is neither an object nor a name)",
    ],
    [
      'aliases not names',
      statement({ vulnerability: { name: 'A', aliases: [1] }, status: 'fixed' }),
      "is not an OpenVEX document (statement 2's vulnerability aliases is not a list of names)",
    ],
    ['no status', statement({ vulnerability: 'CVE-1' }), 'is not an OpenVEX document (statement 2 has no status)'],
    [
      'an unknown status',
      statement({ vulnerability: 'CVE-1', status: 'wont_fix' }),
      'is not an OpenVEX document (statement 2 has the status "wont_fix"; a status is one of not_affected, affected, fixed, under_investigation)',
    ],
    [
      'not_affected without a reason',
      statement({ vulnerability: 'CVE-1', status: 'not_affected' }),
      'is not an OpenVEX document (statement 2 is not_affected with neither a justification nor an impact_statement)',
    ],
    [
      'an unknown justification',
      statement({ vulnerability: 'CVE-1', status: 'not_affected', justification: 'not_used' }),
      'is not an OpenVEX document (statement 2 has the justification "not_used"; a justification is one of component_not_present, vulnerable_code_not_present, vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary, inline_mitigations_already_exist)',
    ],
    [
      'products not a list',
      statement({ vulnerability: 'CVE-1', status: 'fixed', products: 'team/api' }),
      "is not an OpenVEX document (statement 2's products is not a list)",
    ],
    [
      'a product that is a number',
      statement({ vulnerability: 'CVE-1', status: 'fixed', products: [1] }),
      "is not an OpenVEX document (statement 2's product 1 is neither an object nor an identifier)",
    ],
    [
      'a subcomponent that is a number',
      statement({ vulnerability: 'CVE-1', status: 'fixed', products: [{ '@id': 'team/api', subcomponents: [2] }] }),
      "is not an OpenVEX document (statement 2's product 1's subcomponent 1 is neither an object nor an identifier)",
    ],
    [
      'identifiers not an object',
      statement({ vulnerability: 'CVE-1', status: 'fixed', products: [{ identifiers: 'pkg:oci/api' }] }),
      "is not an OpenVEX document (statement 2's product 1's identifiers is not an object)",
    ],
    [
      'a timestamp that is no date',
      statement({ vulnerability: 'CVE-1', status: 'fixed', timestamp: 'yesterday' }),
      'is not an OpenVEX document (statement 2\'s timestamp "yesterday" is not a date and time)',
    ],
    ['a document @id that is not text', '{"@id": 5, "statements": []}', 'is not an OpenVEX document (its @id is not text)'],
  ])('%s', (_name, text, problem) => {
    const parsed = parseVexDocument(text, 'docs/vex.json');
    expect('problem' in parsed).toBe(true);
    const found = 'problem' in parsed ? parsed.problem : '';
    if (typeof problem === 'string') expect(found).toBe(problem);
    else expect(found).toMatch(problem);
    expect(found).not.toContain('\n');
  });
});

describe('vexMatcher: the product is this image', () => {
  const purl = (version: string, qualifiers = '') => `pkg:oci/api${version}${qualifiers}`;
  test.each<[string, unknown[] | undefined, boolean]>([
    ['no products: every image', undefined, true],
    ['an empty products list: every image', [], true],
    ['the repository', [{ '@id': 'team/api' }], true],
    ['the repository with a tag', [{ '@id': 'team/api:1.2.3' }], true],
    ['registry/repository', [{ '@id': `${REGISTRY}/team/api` }], true],
    ['registry/repository:tag, in another case', [{ '@id': `${REGISTRY.toUpperCase()}/team/api:latest` }], true],
    ['with a scheme', [{ '@id': `https://${REGISTRY}/team/api` }], true],
    ['another repository', [{ '@id': 'team/web' }], false],
    ['only the last segment of the repository', [{ '@id': 'api' }], false],
    ['another registry', [{ '@id': `999999999999.dkr.ecr.us-east-1.amazonaws.com/team/api` }], false],
    ['repository@digest of the index', [{ '@id': `team/api@${INDEX}` }], true],
    ['registry/repository@digest of the platform manifest', [{ '@id': `${REGISTRY}/team/api@${AMD64}` }], true],
    ["repository@digest of another platform's manifest", [{ '@id': `team/api@${ARM64}` }], false],
    ['the right repository at another digest', [{ '@id': `team/api@${OTHER}` }], false],
    ['another repository at the right digest', [{ '@id': `team/web@${INDEX}` }], false],
    ['a bare index digest', [{ '@id': INDEX }], true],
    ['a bare platform digest, in upper case', [{ '@id': AMD64.toUpperCase() }], true],
    ['a bare other digest', [{ '@id': OTHER }], false],
    ['the index digest as a sha-256 hash', [{ hashes: { 'sha-256': 'a'.repeat(64) } }], true],
    [
      'purl: digest and repository_url',
      [{ identifiers: { purl: purl(`@sha256%3A${'a'.repeat(64)}`, `?repository_url=${REGISTRY}/team/api`) } }],
      true,
    ],
    ['purl: the platform digest, no repository_url', [{ identifiers: { purl: purl(`@sha256%3A${'b'.repeat(64)}`) } }], true],
    ['purl: repository_url without the registry, no digest', [{ '@id': purl('', '?repository_url=team/api') }], true],
    ['purl: repository_url, no digest', [{ '@id': purl('', `?repository_url=${REGISTRY}/team/api&tag=1.2`) }], true],
    ['purl: the name alone', [{ '@id': purl('') }], true],
    ['purl: another digest', [{ '@id': purl(`@sha256%3A${'d'.repeat(64)}`, `?repository_url=${REGISTRY}/team/api`) }], false],
    ['purl: another repository_url', [{ '@id': purl(`@sha256%3A${'a'.repeat(64)}`, `?repository_url=${REGISTRY}/team/web`) }], false],
    ['purl: another name', [{ '@id': `pkg:oci/web@sha256%3A${'a'.repeat(64)}` }], false],
    ['purl: this architecture', [{ '@id': purl('', '?arch=amd64') }], true],
    ['purl: another architecture', [{ '@id': purl('', '?arch=arm64') }], false],
    ['a package purl is not the image', [{ '@id': 'pkg:apk/alpine/openssl@3.0.2' }], false],
    ['a product with no identifier we read (a cpe)', [{ identifiers: { cpe23: 'cpe:2.3:a:team:api' } }], false],
    ['any of several products', [{ '@id': 'team/web' }, { '@id': 'team/api' }], true],
    ["any of a product's identifiers", [{ '@id': 'https://example.com/products/api', identifiers: { purl: purl('') } }], true],
  ])('%s', (_name, products, suppresses) => {
    const text = doc(products === undefined ? {} : { products });
    expect(suppressedBy(text) !== undefined).toBe(suppresses);
  });

  test('an image without a registry or digest (a build not pushed) matches by repository only', () => {
    const image: VexImage = { repository: 'team/api', platformDigests: {} };
    expect(suppressedBy(doc({ products: [{ '@id': 'team/api' }] }), finding(), image)).toBeDefined();
    expect(suppressedBy(doc({ products: [{ '@id': INDEX }] }), finding(), image)).toBeUndefined();
  });

  test('a platform digest holds only for that platform', () => {
    const text = doc({ products: [{ '@id': ARM64 }] });
    expect(suppressedBy(text, finding({ platform: 'linux/amd64' }))).toBeUndefined();
    expect(suppressedBy(text, finding({ platform: 'linux/arm64' }))).toBeDefined();
  });
});

describe("vexMatcher: subcomponents are the finding's package", () => {
  test.each<[string, unknown[], Partial<Finding>, boolean]>([
    ['a purl by name, version ignored', [{ '@id': 'pkg:apk/alpine/openssl@3.0.1' }], {}, true],
    ['a purl in identifiers', [{ identifiers: { purl: 'pkg:deb/debian/openssl' } }], {}, true],
    ['a purl of another package', [{ '@id': 'pkg:apk/alpine/zlib@1.3' }], {}, false],
    ['a purl in another case', [{ '@id': 'pkg:pypi/OpenSSL' }], {}, true],
    [
      'a maven purl: namespace:name',
      [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }],
      { package: 'org.apache.logging.log4j:log4j-core' },
      true,
    ],
    ['a maven purl: the name alone', [{ '@id': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' }], { package: 'log4j-core' }, true],
    ['an npm scope, encoded', [{ '@id': 'pkg:npm/%40babel/traverse@7.0.0' }], { package: '@babel/traverse' }, true],
    ['a plain name', [{ '@id': 'openssl' }], {}, true],
    ['any of several', ['zlib', 'openssl'], {}, true],
    ['a finding without a package', [{ '@id': 'openssl' }], { package: undefined }, false],
  ])('%s', (_name, subcomponents, overrides, suppresses) => {
    const text = doc({ products: [{ '@id': 'team/api', subcomponents }] });
    expect(suppressedBy(text, finding(overrides)) !== undefined).toBe(suppresses);
  });

  test('the product must match as well as the subcomponent', () => {
    expect(suppressedBy(doc({ products: [{ '@id': 'team/web', subcomponents: ['openssl'] }] }))).toBeUndefined();
  });

  test('v0.0.1 statement-level subcomponents, with and without products', () => {
    const v1 = (s: Record<string, unknown>) => JSON.stringify({ statements: [{ vulnerability: 'CVE-2024-0001', status: 'fixed', ...s }] });
    expect(suppressedBy(v1({ subcomponents: ['openssl'] }))).toBeDefined();
    expect(suppressedBy(v1({ subcomponents: ['zlib'] }))).toBeUndefined();
    expect(suppressedBy(v1({ products: ['team/api'], subcomponents: ['pkg:apk/alpine/openssl'] }))).toBeDefined();
    expect(suppressedBy(v1({ products: ['team/web'], subcomponents: ['openssl'] }))).toBeUndefined();
  });
});

describe('vexMatcher: the vulnerability, the status and the reason', () => {
  test.each<[string, Record<string, unknown>, Partial<Finding>, string | undefined]>([
    ['not_affected with a justification', {}, {}, 'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path'],
    [
      'not_affected with a justification and an impact statement (spaces folded)',
      { impact_statement: 'the parser\n  is never called' },
      {},
      'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path: the parser is never called',
    ],
    [
      'not_affected with only an impact statement',
      { justification: undefined, impact_statement: 'behind a feature flag' },
      {},
      'VEX docs/vex.json (statement 1): not_affected: behind a feature flag',
    ],
    ['fixed', { status: 'fixed', justification: undefined }, {}, 'VEX docs/vex.json (statement 1): fixed'],
    [
      'fixed with notes and an action statement',
      { status: 'fixed', justification: undefined, status_notes: 'backported', action_statement: 'none needed' },
      {},
      'VEX docs/vex.json (statement 1): fixed: backported; none needed',
    ],
    [
      'the statement @id named',
      { '@id': 'https://example.com/vex#1' },
      {},
      'VEX docs/vex.json (statement 1, https://example.com/vex#1): not_affected, vulnerable_code_not_in_execute_path',
    ],
    ['affected suppresses nothing', { status: 'affected', justification: undefined }, {}, undefined],
    ['under_investigation suppresses nothing', { status: 'under_investigation', justification: undefined }, {}, undefined],
    ['another vulnerability', { vulnerability: { name: 'CVE-2024-9999' } }, {}, undefined],
    [
      'the name in another case, with spaces',
      {},
      { id: ' cve-2024-0001 ' },
      'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path',
    ],
    [
      'an alias',
      { vulnerability: { name: 'GHSA-xxxx-yyyy-zzzz', aliases: ['cve-2024-0001'] } },
      {},
      'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path',
    ],
    [
      'the finding under an alias',
      { vulnerability: { name: 'CVE-2024-0001', aliases: ['GHSA-1'] } },
      { id: 'ghsa-1' },
      'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path',
    ],
    [
      'v0.0.1: the vulnerability as a string',
      { vulnerability: 'CVE-2024-0001' },
      {},
      'VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path',
    ],
  ])('%s', (_name, statement, overrides, reason) => {
    expect(suppressedBy(doc(statement), finding(overrides))).toBe(reason);
  });

  test('the suppression names its statement: file, position, @ids and status', () => {
    const statements = statementsOf(
      doc({ vulnerability: 'CVE-9' }, { '@id': 'stmt-2', status: 'fixed', justification: undefined }),
      'vex/api.json',
    );
    expect(vexMatcher({ statements, image: IMAGE })(finding())).toEqual({
      source: { file: 'vex/api.json', statement: 2, id: 'stmt-2', document: 'https://example.com/vex/api-1' },
      status: 'fixed',
      reason: 'VEX vex/api.json (statement 2, stmt-2): fixed',
    });
  });

  test.each<[string, Array<Record<string, unknown>>, string | undefined]>([
    [
      'a newer affected overrides an older not_affected',
      [{ timestamp: '2026-01-01T00:00:00Z' }, { status: 'affected', timestamp: '2026-02-01T00:00:00Z' }],
      undefined,
    ],
    [
      'a newer not_affected overrides an older under_investigation',
      [{ status: 'under_investigation', timestamp: '2026-01-01T00:00:00Z' }, { timestamp: '2026-02-01T00:00:00Z' }],
      'VEX docs/vex.json (statement 2): not_affected, vulnerable_code_not_in_execute_path',
    ],
    [
      'order does not matter: the newer wins',
      [{ status: 'affected', timestamp: '2026-02-01T00:00:00Z' }, { timestamp: '2026-01-01T00:00:00Z' }],
      undefined,
    ],
    ['a tie: the one that suppresses nothing', [{}, { status: 'affected' }], undefined],
    [
      'a statement for another product does not take part',
      [{ status: 'affected', products: [{ '@id': 'team/web' }], timestamp: '2026-03-01T00:00:00Z' }, {}],
      'VEX docs/vex.json (statement 2): not_affected, vulnerable_code_not_in_execute_path',
    ],
    [
      'of two that suppress, the newer is named',
      [{ status: 'fixed', timestamp: '2026-03-01T00:00:00Z' }, { timestamp: '2026-01-01T00:00:00Z' }],
      'VEX docs/vex.json (statement 1): fixed',
    ],
  ])('several statements: %s', (_name, statements, reason) => {
    expect(suppressedBy(doc(...statements))).toBe(reason);
  });

  test('vexReason of a statement from another file', () => {
    const [statement] = statementsOf(doc({}), '.vex/a.json');
    expect(vexReason(statement!)).toBe('VEX .vex/a.json (statement 1): not_affected, vulnerable_code_not_in_execute_path');
  });
});

describe('parsePurl', () => {
  test.each([
    [
      'pkg:oci/api@sha256%3Aabc?repository_url=r.example/team/api&arch=amd64',
      { type: 'oci', name: 'api', version: 'sha256:abc', q: { repository_url: 'r.example/team/api', arch: 'amd64' } },
    ],
    [
      'pkg:maven/org.apache/log4j-core@2.14.1#sub/path',
      { type: 'maven', namespace: 'org.apache', name: 'log4j-core', version: '2.14.1', q: {} },
    ],
    ['pkg:npm/@babel/traverse@7.0.0', { type: 'npm', namespace: '@babel', name: 'traverse', version: '7.0.0', q: {} }],
    ['PKG:APK/alpine/openssl', { type: 'apk', namespace: 'alpine', name: 'openssl', q: {} }],
  ])('%s', (text, expected) => {
    const purl = parsePurl(text);
    expect(purl && { ...purl, qualifiers: undefined, q: Object.fromEntries(purl.qualifiers) }).toEqual({
      ...expected,
      qualifiers: undefined,
    });
  });

  test.each(['pkg:', 'pkg:oci', 'pkg:oci/'])('%s is not a purl', (text) => {
    expect(parsePurl(text)).toBeUndefined();
  });
});

describe("the README's example", () => {
  test('the OpenVEX document README.md shows parses, and suppresses its CVE in the repository it names (not in another)', () => {
    const [block] = codeBlocks(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'), 'json').filter((b) =>
      b.text.includes('openvex'),
    );
    expect(block).toBeDefined();
    const parsed = parseVexDocument(block!.text, '.vex/retail-api.json');
    if (!('statements' in parsed)) throw new Error(parsed.problem);
    const image = (repository: string) => ({
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      repository,
      digest: `sha256:${'a'.repeat(64)}`,
      platformDigests: { 'linux/amd64': `sha256:${'b'.repeat(64)}` },
    });
    const finding = { id: 'CVE-2024-45490', package: 'libexpat1', platform: 'linux/amd64' };
    expect(vexMatcher({ statements: parsed.statements, image: image('mlops/retail-api') })(finding)?.reason).toMatch(
      /not_affected, vulnerable_code_not_in_execute_path/,
    );
    expect(vexMatcher({ statements: parsed.statements, image: image('mlops/other') })(finding)).toBeUndefined();
  });
});
