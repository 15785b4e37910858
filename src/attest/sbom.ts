// Pure: an SBOM attestation's layer (an in-toto statement whose predicate is an SPDX 2.3 JSON
// document, as BuildKit's SBOM generators write it) → the packages the licences rule reads.
//
// Measured with docker/buildkit-syft-scanner (syft v1.57.2; fixture __fixtures__/sbom/python-agpl.spdx.json):
// - The statement is `{_type: https://in-toto.io/Statement/v1, predicateType: https://spdx.dev/Document,
//   subject: [the image's files], predicate: {spdxVersion: SPDX-2.3, packages, files, relationships, …}}`.
// - syft adds one package for what it scanned, described by the document (`SPDXRef-DOCUMENT DESCRIBES`):
//   `SPDXRef-DocumentRoot-Directory-…` (or `…-Image-…`), `primaryPackagePurpose: FILE`, no purl. It
//   is not a package of the image: skipped.
// - A Python package's licence comes from its metadata (`License:` of PKG-INFO/METADATA) as
//   `licenseDeclared` (`AGPL-3.0-only`); Debian packages get `licenseDeclared` from their copyright
//   file (`GPL-2.0-only AND MPL-2.0 …`) or `licenseConcluded` as `LicenseRef-<sha256>` when the
//   text matches no SPDX id; the other field is `NOASSERTION`. Expressions are kept as written.
// - The same package found in two places (an egg-info in site-packages and in its source tree) is
//   two SPDX packages with the same name, version, purl and licences: listed once here.
import { type SbomPackage } from '../shared/build-facts.js';

const SPDX_PREDICATE = 'https://spdx.dev/Document';
const NO_LICENSE = new Set(['', 'NOASSERTION', 'NONE']);
/** What a generator's own root package is for, when it is the scanned directory or image. */
const ROOT_PURPOSES = new Set(['FILE', 'CONTAINER']);

/** The packages of an SPDX SBOM attestation's in-toto statement; throws when the text is not one. */
export function packagesFromSbom(statementText: string): SbomPackage[] {
  const document = spdxDocumentOf(statementText);
  const described = describedIds(document);
  const packages = new Map<string, SbomPackage>();
  for (const entry of Array.isArray(document.packages) ? document.packages : []) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') continue;
    const purl = purlOf(entry.externalRefs);
    const id = typeof entry.SPDXID === 'string' ? entry.SPDXID : '';
    const isRoot =
      id.startsWith('SPDXRef-DocumentRoot-') ||
      (described.has(id) &&
        purl === undefined &&
        typeof entry.primaryPackagePurpose === 'string' &&
        ROOT_PURPOSES.has(entry.primaryPackagePurpose));
    if (isRoot) continue;
    const licenses = [...new Set([entry.licenseDeclared, entry.licenseConcluded].filter(isLicense).map((l) => l.trim()))];
    const pkg: SbomPackage = {
      name: entry.name,
      ...(typeof entry.versionInfo === 'string' && entry.versionInfo !== '' ? { version: entry.versionInfo } : {}),
      ...(purl === undefined ? {} : { purl }),
      licenses,
    };
    packages.set(JSON.stringify([pkg.name, pkg.version, pkg.purl, pkg.licenses]), pkg);
  }
  return [...packages.values()];
}

function spdxDocumentOf(statementText: string): Record<string, unknown> {
  let statement: unknown;
  try {
    statement = JSON.parse(statementText);
  } catch {
    throw new Error('The SBOM attestation is not JSON: expected an in-toto statement with an SPDX document.');
  }
  if (!isRecord(statement) || typeof statement._type !== 'string' || !statement._type.startsWith('https://in-toto.io/Statement/')) {
    throw new Error('The SBOM attestation is not an in-toto statement (no in-toto _type).');
  }
  if (statement.predicateType !== SPDX_PREDICATE) {
    throw new Error(
      `The SBOM attestation is not an SPDX document (predicateType ${JSON.stringify(statement.predicateType ?? null)}, expected ${SPDX_PREDICATE}).`,
    );
  }
  const document = statement.predicate;
  if (!isRecord(document) || typeof document.spdxVersion !== 'string' || !document.spdxVersion.startsWith('SPDX-')) {
    throw new Error('The SBOM attestation has no SPDX document in its predicate (no spdxVersion).');
  }
  return document;
}

/** The SPDX ids the document says it describes (`documentDescribes`, `SPDXRef-DOCUMENT DESCRIBES x`). */
function describedIds(document: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(document.documentDescribes)) {
    for (const id of document.documentDescribes) if (typeof id === 'string') ids.add(id);
  }
  const self = typeof document.SPDXID === 'string' ? document.SPDXID : 'SPDXRef-DOCUMENT';
  if (Array.isArray(document.relationships)) {
    for (const r of document.relationships) {
      if (isRecord(r) && r.spdxElementId === self && r.relationshipType === 'DESCRIBES' && typeof r.relatedSpdxElement === 'string') {
        ids.add(r.relatedSpdxElement);
      }
    }
  }
  return ids;
}

function purlOf(externalRefs: unknown): string | undefined {
  if (!Array.isArray(externalRefs)) return undefined;
  for (const ref of externalRefs) {
    if (isRecord(ref) && ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string' && ref.referenceLocator !== '') {
      return ref.referenceLocator;
    }
  }
  return undefined;
}

function isLicense(value: unknown): value is string {
  return typeof value === 'string' && !NO_LICENSE.has(value.trim().toUpperCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
