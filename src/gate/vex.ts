// Pure: OpenVEX documents (the `vex` input) parsed, and which of an image's findings their
// statements suppress. https://github.com/openvex/spec (OPENVEX-SPEC.md, v0.2.0; v0.0.1's
// string `vulnerability`, string products and statement-level `subcomponents` are read too).
//
// A statement suppresses a finding, as an ignore entry does, when its vulnerability (name or an
// alias, without regard to case) is the finding's, one of its products is this image (by
// repository, digest or `pkg:oci/…` purl; no products = every image) and, when that product lists
// subcomponents, one of them is the finding's package. Of the statements that match a finding,
// the newest (last_updated / timestamp, inherited from the document) is the finding's status, as
// the spec's inheritance says; only `not_affected` and `fixed` suppress, and on a tie the one that
// suppresses nothing wins.
import type { Finding } from '../shared/finding.js';
import { oneLine, quoted } from '../util/errors.js';

export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** The spec's justification labels for `not_affected`. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;

/** A product or subcomponent: the identifiers it was given (any of them may match). */
export interface VexComponent {
  /** `@id`: an IRI, a purl, an image reference or a digest. */
  id?: string;
  /** identifiers.purl */
  purl?: string;
  /** hashes["sha-256"], as a digest `sha256:<hex>`. */
  digest?: string;
}

export interface VexProduct extends VexComponent {
  /** v0.0.1 subcomponents with no product: every image (a product's identifiers are not read). */
  everyImage?: true;
  /** When not empty, the statement holds only for findings in one of these packages. */
  subcomponents: VexComponent[];
}

/** Where a statement was read: what the reports name. */
export interface VexSource {
  /** The file, as the input named it (a glob's match: relative to the workspace). */
  file: string;
  /** 1-based position in the document's statements. */
  statement: number;
  /** The statement's `@id`, when it has one. */
  id?: string;
  /** The document's `@id`. */
  document?: string;
}

export interface VexStatement {
  source: VexSource;
  /** vulnerability.name (or the v0.0.1 string). */
  vulnerability: string;
  aliases: string[];
  /** Empty: every image. */
  products: VexProduct[];
  status: VexStatus;
  justification?: string;
  impactStatement?: string;
  actionStatement?: string;
  statusNotes?: string;
  /** Milliseconds since the epoch: last_updated or timestamp, the statement's or else the document's; undefined when none. */
  time?: number;
}

/** The image a finding was found in, as statements name it. */
export interface VexImage {
  /** e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com */
  registry?: string;
  /** e.g. team/api */
  repository: string;
  /** The image's digest (an index, or the one manifest). */
  digest?: string;
  /** Each platform's manifest digest, by platform (linux/amd64 → sha256:…). */
  platformDigests: Readonly<Record<string, string>>;
}

export interface VexOptions {
  statements: readonly VexStatement[];
  image: VexImage;
}

/** A statement that suppressed a finding: which one, and the reason the reports show. */
export interface VexSuppression {
  source: VexSource;
  status: 'not_affected' | 'fixed';
  /** `VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path` */
  reason: string;
}

/**
 * One document's statements, or what is wrong with it (one phrase, the caller names the input
 * and the file): `is not valid JSON (…)`, `is not an OpenVEX document (statement 2 has no status)`.
 */
export function parseVexDocument(text: string, file: string): { statements: VexStatement[] } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: `is not valid JSON (${oneLine(message.split('\n')[0] ?? '')})` };
  }
  try {
    return { statements: readDocument(data, file) };
  } catch (error) {
    if (error instanceof NotVex) return { problem: `is not an OpenVEX document (${error.message})` };
    throw error;
  }
}

class NotVex extends Error {}

function readDocument(data: unknown, file: string): VexStatement[] {
  if (!isRecord(data)) throw new NotVex('not a JSON object');
  if (!Array.isArray(data.statements)) throw new NotVex(data.statements === undefined ? 'no statements list' : 'statements is not a list');
  const document = optionalText(data['@id'], 'its @id');
  const documentTime = newest(time(data.timestamp, 'its timestamp'), time(data.last_updated, 'its last_updated'));
  return data.statements.map((item: unknown, index) => readStatement(item, index + 1, { file, document, time: documentTime }));
}

function readStatement(item: unknown, position: number, doc: { file: string; document?: string; time?: number }): VexStatement {
  const where = `statement ${position}`;
  if (!isRecord(item)) throw new NotVex(`${where} is not an object`);
  const { name, aliases } = readVulnerability(item.vulnerability, where);
  if (item.status === undefined || item.status === null || item.status === '') throw new NotVex(`${where} has no status`);
  if (typeof item.status !== 'string' || !(VEX_STATUSES as readonly string[]).includes(item.status)) {
    throw new NotVex(
      `${where} has the status ${typeof item.status === 'string' ? quoted(item.status) : 'that is not text'}; a status is one of ${VEX_STATUSES.join(', ')}`,
    );
  }
  const status = item.status as VexStatus;
  const justification = optionalText(item.justification, `${where}'s justification`);
  if (justification !== undefined && !(VEX_JUSTIFICATIONS as readonly string[]).includes(justification)) {
    throw new NotVex(`${where} has the justification ${quoted(justification)}; a justification is one of ${VEX_JUSTIFICATIONS.join(', ')}`);
  }
  const impactStatement = optionalText(item.impact_statement, `${where}'s impact_statement`);
  if (status === 'not_affected' && justification === undefined && impactStatement === undefined) {
    throw new NotVex(`${where} is not_affected with neither a justification nor an impact_statement`);
  }
  if (item.products !== undefined && item.products !== null && !Array.isArray(item.products)) {
    throw new NotVex(`${where}'s products is not a list`);
  }
  // v0.0.1: subcomponents beside the products, for every one of them.
  const shared = readComponents(item.subcomponents, `${where}'s subcomponents`);
  const given = ((item.products as unknown[] | undefined) ?? []).map((product, i) => readProduct(product, `${where}'s product ${i + 1}`));
  const products =
    shared.length === 0
      ? given
      : given.length === 0
        ? [{ everyImage: true as const, subcomponents: shared }]
        : given.map((p) => ({ ...p, subcomponents: [...p.subcomponents, ...shared] }));
  const statementTime = newest(time(item.timestamp, `${where}'s timestamp`), time(item.last_updated, `${where}'s last_updated`));
  const id = optionalText(item['@id'], `${where}'s @id`);
  const statement: VexStatement = {
    source: {
      file: doc.file,
      statement: position,
      ...(id !== undefined ? { id } : {}),
      ...(doc.document !== undefined ? { document: doc.document } : {}),
    },
    vulnerability: name,
    aliases,
    products,
    status,
  };
  if (justification !== undefined) statement.justification = justification;
  if (impactStatement !== undefined) statement.impactStatement = impactStatement;
  const actionStatement = optionalText(item.action_statement, `${where}'s action_statement`);
  if (actionStatement !== undefined) statement.actionStatement = actionStatement;
  const statusNotes = optionalText(item.status_notes, `${where}'s status_notes`);
  if (statusNotes !== undefined) statement.statusNotes = statusNotes;
  const when = statementTime ?? doc.time;
  if (when !== undefined) statement.time = when;
  return statement;
}

function readVulnerability(value: unknown, where: string): { name: string; aliases: string[] } {
  if (value === undefined || value === null) throw new NotVex(`${where} has no vulnerability`);
  if (typeof value === 'string') {
    if (value.trim() === '') throw new NotVex(`${where} has no vulnerability`);
    return { name: value.trim(), aliases: [] };
  }
  if (!isRecord(value)) throw new NotVex(`${where}'s vulnerability is neither an object nor a name`);
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (name === '') throw new NotVex(`${where}'s vulnerability has no name`);
  if (
    value.aliases !== undefined &&
    value.aliases !== null &&
    (!Array.isArray(value.aliases) || value.aliases.some((a) => typeof a !== 'string'))
  ) {
    throw new NotVex(`${where}'s vulnerability aliases is not a list of names`);
  }
  const aliases = ((value.aliases as string[] | undefined) ?? []).map((a) => a.trim()).filter((a) => a !== '');
  return { name, aliases };
}

function readProduct(value: unknown, where: string): VexProduct {
  const component = readComponent(value, where);
  const subcomponents = isRecord(value) ? readComponents(value.subcomponents, `${where}'s subcomponents`) : [];
  return { ...component, subcomponents };
}

function readComponents(value: unknown, where: string): VexComponent[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new NotVex(`${where} is not a list`);
  return value.map((item: unknown, i) => readComponent(item, `${where.replace(/s$/, '')} ${i + 1}`));
}

function readComponent(value: unknown, where: string): VexComponent {
  if (typeof value === 'string') {
    if (value.trim() === '') throw new NotVex(`${where} is empty`);
    return { id: value.trim() };
  }
  if (!isRecord(value)) throw new NotVex(`${where} is neither an object nor an identifier`);
  const component: VexComponent = {};
  const id = optionalText(value['@id'], `${where}'s @id`);
  if (id !== undefined) component.id = id;
  if (value.identifiers !== undefined && value.identifiers !== null) {
    if (!isRecord(value.identifiers)) throw new NotVex(`${where}'s identifiers is not an object`);
    const purl = optionalText(value.identifiers.purl, `${where}'s purl`);
    if (purl !== undefined) component.purl = purl;
  }
  if (value.hashes !== undefined && value.hashes !== null) {
    if (!isRecord(value.hashes)) throw new NotVex(`${where}'s hashes is not an object`);
    const sha256 = optionalText(value.hashes['sha-256'], `${where}'s sha-256`);
    if (sha256 !== undefined) component.digest = `sha256:${sha256.toLowerCase().replace(/^sha256:/, '')}`;
  }
  return component;
}

function optionalText(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new NotVex(`${what} is not text`);
  const text = value.trim();
  return text === '' ? undefined : text;
}

function time(value: unknown, what: string): number | undefined {
  const text = optionalText(value, what);
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new NotVex(`${what} ${quoted(text)} is not a date and time`);
  return ms;
}

function newest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Matching

/** A function that says which statement, if any, suppresses a finding. Build it once per image. */
export type VexMatcher = (finding: Pick<Finding, 'id' | 'package' | 'platform'>) => VexSuppression | undefined;

export function vexMatcher(options: VexOptions): VexMatcher {
  const { image } = options;
  // By vulnerability (name and aliases, upper case): the statements that name it, in order.
  const byId = new Map<string, VexStatement[]>();
  for (const statement of options.statements) {
    const ids = new Set([statement.vulnerability, ...statement.aliases].map(normalizeId));
    for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), statement]);
  }
  const repositories = imageRepositories(image);
  return (finding) => {
    const candidates = byId.get(normalizeId(finding.id));
    if (candidates === undefined) return undefined;
    const facts: FindingFacts = {
      digests: new Set(
        [image.digest, image.platformDigests[finding.platform]].filter((d): d is string => d !== undefined).map(normalizeDigest),
      ),
      arch: finding.platform.split('/')[1]?.toLowerCase(),
      package: finding.package?.trim().toLowerCase(),
      repositories,
      repositoryName: image.repository.toLowerCase(),
    };
    let chosen: VexStatement | undefined;
    for (const statement of candidates) {
      if (!statementHolds(statement, facts)) continue;
      if (chosen === undefined || isNewer(statement, chosen)) chosen = statement;
    }
    if (chosen === undefined || (chosen.status !== 'not_affected' && chosen.status !== 'fixed')) return undefined;
    return { source: chosen.source, status: chosen.status, reason: vexReason(chosen) };
  };
}

/** `VEX docs/vex.json (statement 1): not_affected, vulnerable_code_not_in_execute_path: the parser is never called` */
export function vexReason(statement: VexStatement): string {
  const { source } = statement;
  const where = `VEX ${source.file} (statement ${source.statement}${source.id ? `, ${source.id}` : ''})`;
  const label =
    statement.status === 'not_affected' && statement.justification ? `not_affected, ${statement.justification}` : statement.status;
  const notes =
    statement.status === 'not_affected'
      ? [statement.impactStatement]
      : statement.status === 'fixed'
        ? [statement.statusNotes, statement.actionStatement]
        : [statement.statusNotes];
  const text = notes.filter((n): n is string => n !== undefined).join('; ');
  return `${where}: ${label}${text ? `: ${text}` : ''}`.replace(/\s+/g, ' ');
}

interface FindingFacts {
  /** The image's digest and the finding's platform manifest's, `sha256:…` in lower case. */
  digests: Set<string>;
  /** The finding's architecture (linux/arm64 → arm64). */
  arch?: string;
  package?: string;
  /** `<registry>/<repo>` and `<repo>`, lower case. */
  repositories: Set<string>;
  repositoryName: string;
}

/** A later statement wins; on a tie (or no times), the one that suppresses nothing. */
function isNewer(statement: VexStatement, than: VexStatement): boolean {
  const a = statement.time ?? -Infinity;
  const b = than.time ?? -Infinity;
  if (a !== b) return a > b;
  return suppresses(than) && !suppresses(statement);
}

function suppresses(statement: VexStatement): boolean {
  return statement.status === 'not_affected' || statement.status === 'fixed';
}

function statementHolds(statement: VexStatement, facts: FindingFacts): boolean {
  if (statement.products.length === 0) return true;
  return statement.products.some(
    (product) =>
      (product.everyImage === true || isImage(product, facts)) &&
      (product.subcomponents.length === 0 || product.subcomponents.some((sub) => isPackage(sub, facts.package))),
  );
}

/** The product names this image (any of its identifiers). */
function isImage(component: VexComponent, facts: FindingFacts): boolean {
  if (component.digest !== undefined && facts.digests.has(component.digest)) return true;
  return [component.id, component.purl].some((identifier) => identifier !== undefined && identifierIsImage(identifier, facts));
}

function identifierIsImage(identifier: string, facts: FindingFacts): boolean {
  if (/^pkg:/i.test(identifier)) {
    const purl = parsePurl(identifier);
    return purl !== undefined && purl.type === 'oci' && ociPurlIsImage(purl, facts);
  }
  const text = identifier.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (/^sha256:[0-9a-f]+$/i.test(text)) return facts.digests.has(normalizeDigest(text));
  const at = text.lastIndexOf('@');
  const reference = at >= 0 ? text.slice(0, at) : text;
  if (at >= 0 && !facts.digests.has(normalizeDigest(text.slice(at + 1)))) return false;
  return facts.repositories.has(stripTag(reference).toLowerCase());
}

/**
 * `pkg:oci/<name>@<digest>?repository_url=<registry>/<repo>&arch=…`: the name is the
 * repository's last path segment; each other part given (the digest, repository_url, arch)
 * must agree, since together they name one image.
 */
function ociPurlIsImage(purl: Purl, facts: FindingFacts): boolean {
  const last = facts.repositoryName.slice(facts.repositoryName.lastIndexOf('/') + 1);
  if (purl.name.toLowerCase() !== last) return false;
  if (purl.version !== undefined && !facts.digests.has(normalizeDigest(purl.version))) return false;
  const url = purl.qualifiers.get('repository_url');
  if (url !== undefined && !facts.repositories.has(stripTag(url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')).toLowerCase())) return false;
  const arch = purl.qualifiers.get('arch');
  return arch === undefined || facts.arch === undefined || arch.toLowerCase() === facts.arch;
}

/** The subcomponent is the finding's package: by its purl's name (version ignored), or by its identifier as the package's name. */
function isPackage(component: VexComponent, pkg: string | undefined): boolean {
  if (pkg === undefined || pkg === '') return false;
  return [component.id, component.purl].some((identifier) => {
    if (identifier === undefined) return false;
    if (/^pkg:/i.test(identifier)) {
      const purl = parsePurl(identifier);
      if (purl === undefined) return false;
      const name = purl.name.toLowerCase();
      const namespace = purl.namespace?.toLowerCase();
      return pkg === name || (namespace !== undefined && (pkg === `${namespace}/${name}` || pkg === `${namespace}:${name}`));
    }
    return identifier.toLowerCase() === pkg;
  });
}

interface Purl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Map<string, string>;
}

/** A package URL's parts, percent-decoded (https://github.com/package-url/purl-spec); undefined when it is not one. */
export function parsePurl(text: string): Purl | undefined {
  let rest = text.trim().replace(/^pkg:\/*/i, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qualifiers = new Map<string, string>();
  const question = rest.indexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0) qualifiers.set(pair.slice(0, eq).toLowerCase(), decode(pair.slice(eq + 1)));
    }
    rest = rest.slice(0, question);
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const type = rest.slice(0, slash).toLowerCase();
  let path = rest.slice(slash + 1).replace(/\/+$/, '');
  let version: string | undefined;
  const at = path.lastIndexOf('@');
  if (at > path.lastIndexOf('/')) {
    version = decode(path.slice(at + 1));
    path = path.slice(0, at);
  }
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(decode);
  const name = segments.pop();
  if (name === undefined || name === '') return undefined;
  const purl: Purl = { type, name, qualifiers };
  if (segments.length > 0) purl.namespace = segments.join('/');
  if (version !== undefined && version !== '') purl.version = version;
  return purl;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function imageRepositories(image: VexImage): Set<string> {
  const repository = image.repository.toLowerCase();
  const names = new Set([repository]);
  if (image.registry) names.add(`${image.registry.toLowerCase()}/${repository}`);
  return names;
}

/** `registry:5000/team/api:1.2` → `registry:5000/team/api` (a port is not a tag). */
function stripTag(reference: string): string {
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
}

function normalizeDigest(digest: string): string {
  return digest.trim().toLowerCase();
}

/** Vulnerability IDs are matched without regard to case or surrounding space, as ignore entries are. */
function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}
