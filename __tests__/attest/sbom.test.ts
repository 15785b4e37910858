import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { packagesFromSbom } from '../../src/attest/sbom.js';
import { type SbomPackage } from '../../src/gate/rules/types.js';

// A real SBOM from BuildKit's generator (docker/buildkit-syft-scanner, syft v1.57.2) of the Python
// base with a local package whose metadata declares `License: AGPL-3.0-only`, trimmed to a handful
// of packages (and one file, two subjects).
const AGPL_SBOM = readFileSync(new URL('../../__fixtures__/sbom/python-agpl.spdx.json', import.meta.url), 'utf8');

const statement = (predicate: Record<string, unknown>, predicateType = 'https://spdx.dev/Document') =>
  JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', predicateType, subject: [], predicate });
const spdx = (packages: unknown[], extra: Record<string, unknown> = {}) =>
  statement({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages, ...extra });

describe('packagesFromSbom on a real SBOM', () => {
  const packages = packagesFromSbom(AGPL_SBOM);

  test.each<[string, SbomPackage]>([
    ['agpl-demo', { name: 'agpl-demo', version: '1.0.0', purl: 'pkg:pypi/agpl-demo@1.0.0', licenses: ['AGPL-3.0-only'] }],
    ['pip', { name: 'pip', version: '23.0.1', purl: 'pkg:pypi/pip@23.0.1', licenses: ['MIT'] }],
    ['setuptools', { name: 'setuptools', version: '66.1.1', purl: 'pkg:pypi/setuptools@66.1.1', licenses: ['MIT'] }],
    [
      'ca-certificates',
      {
        name: 'ca-certificates',
        version: '20250419~deb12u2',
        purl: 'pkg:deb/debian/ca-certificates@20250419~deb12u2?arch=all&distro=debian-12.15',
        licenses: ['GPL-2.0-only AND GPL-2.0-or-later AND MPL-2.0'],
      },
    ],
    [
      'libc6',
      {
        name: 'libc6',
        version: '2.36-9+deb12u14',
        purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12.15&upstream=glibc',
        licenses: ['LicenseRef-40c7e1f2118531f038ca22999bd976901254e1bc5cd1b0f0211bdd064c599987'],
      },
    ],
  ])('%s', (name, expected) => {
    expect(packages.filter((p) => p.name === name)).toEqual([expected]);
  });

  test('the scanned directory (the document root) is not a package; the same package found twice is listed once', () => {
    expect(packages.map((p) => p.name)).toEqual([
      'agpl-demo',
      'bash',
      'ca-certificates',
      'cli',
      'libc6',
      'pip',
      'python3.11',
      'setuptools',
      'tzdata',
      'zlib1g',
    ]);
  });

  test('a package syft found without a purl or a licence (a binary, its version UNKNOWN as syft writes it)', () => {
    expect(packages.find((p) => p.name === 'cli')).toEqual({ name: 'cli', version: 'UNKNOWN', licenses: [] });
  });
});

describe('packagesFromSbom', () => {
  test.each<[string, string, SbomPackage[]]>([
    [
      'declared, then concluded; NOASSERTION, NONE and empty skipped; duplicates once',
      spdx([
        { SPDXID: 'SPDXRef-a', name: 'a', licenseDeclared: 'MIT', licenseConcluded: 'Apache-2.0' },
        { SPDXID: 'SPDXRef-b', name: 'b', licenseDeclared: 'NOASSERTION', licenseConcluded: 'GPL-3.0-only' },
        { SPDXID: 'SPDXRef-c', name: 'c', licenseDeclared: 'NONE', licenseConcluded: '' },
        { SPDXID: 'SPDXRef-d', name: 'd', licenseDeclared: 'MIT', licenseConcluded: 'MIT' },
      ]),
      [
        { name: 'a', licenses: ['MIT', 'Apache-2.0'] },
        { name: 'b', licenses: ['GPL-3.0-only'] },
        { name: 'c', licenses: [] },
        { name: 'd', licenses: ['MIT'] },
      ],
    ],
    [
      'the purl from externalRefs of type purl; cpe ignored',
      spdx([
        {
          SPDXID: 'SPDXRef-a',
          name: 'requests',
          versionInfo: '2.32.3',
          externalRefs: [
            {
              referenceCategory: 'SECURITY',
              referenceType: 'cpe23Type',
              referenceLocator: 'cpe:2.3:a:python:requests:2.32.3:*:*:*:*:*:*:*',
            },
            { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:pypi/requests@2.32.3' },
          ],
        },
      ]),
      [{ name: 'requests', version: '2.32.3', purl: 'pkg:pypi/requests@2.32.3', licenses: [] }],
    ],
    [
      'a described root without a purl (documentDescribes, purpose CONTAINER) skipped; a described package with a purl kept',
      spdx(
        [
          { SPDXID: 'SPDXRef-image', name: 'registry/app', primaryPackagePurpose: 'CONTAINER' },
          {
            SPDXID: 'SPDXRef-lib',
            name: 'lib',
            primaryPackagePurpose: 'LIBRARY',
            externalRefs: [{ referenceType: 'purl', referenceLocator: 'pkg:npm/lib@1' }],
          },
        ],
        { documentDescribes: ['SPDXRef-image', 'SPDXRef-lib'] },
      ),
      [{ name: 'lib', purl: 'pkg:npm/lib@1', licenses: [] }],
    ],
    ['no packages', spdx([]), []],
    ['packages absent', statement({ spdxVersion: 'SPDX-2.3' }), []],
    ['entries without a name skipped', spdx([{ SPDXID: 'SPDXRef-x' }, null, 'x']), []],
  ])('%s', (_, text, expected) => {
    expect(packagesFromSbom(text)).toEqual(expected);
  });

  test.each<[string, string, string]>([
    ['not JSON', '{', 'The SBOM attestation is not JSON: expected an in-toto statement with an SPDX document.'],
    [
      'not a statement',
      JSON.stringify({ spdxVersion: 'SPDX-2.3' }),
      'The SBOM attestation is not an in-toto statement (no in-toto _type).',
    ],
    [
      'another predicate (CycloneDX)',
      statement({ bomFormat: 'CycloneDX' }, 'https://cyclonedx.org/bom'),
      'The SBOM attestation is not an SPDX document (predicateType "https://cyclonedx.org/bom", expected https://spdx.dev/Document).',
    ],
    [
      'an SPDX predicate type without an SPDX document',
      statement({ packages: [] }),
      'The SBOM attestation has no SPDX document in its predicate (no spdxVersion).',
    ],
  ])('throws on %s', (_, text, message) => {
    expect(() => packagesFromSbom(text)).toThrow(new Error(message));
  });
});
