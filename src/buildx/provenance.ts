// Pure: the base images a build used, read from the SLSA provenance buildx writes in its
// --metadata-file (with BUILDX_METADATA_PROVENANCE=min|max; the materials are there in both).
//
// Measured with buildx v0.36.1 against BuildKit v0.32.2 (fixtures: __fixtures__/buildx-metadata/),
// and read in moby/buildkit (solver/llbsolver/provenance.go, solver/llbsolver/provenance/predicate.go,
// util/purl/image.go, frontend/dockerfile/builder/build.go, frontend/gateway/gateway.go) and
// docker/buildx (build/provenance.go):
// - A single-platform build writes `buildx.build.provenance` (also with one explicit `--platform`:
//   its platform is then in `containerimage.descriptor`); a multi-platform one writes
//   `buildx.build.provenance/<os>/<arch>[/<variant>]` per platform. buildx converts an SLSA v1
//   predicate to v0.2 before writing it, so the keys are always v0.2's `materials` and
//   `invocation.parameters`.
// - Each image the build resolved is a material `{uri: pkg:docker/…, digest: {sha256}}`: the FROMs
//   of the stages the target needs and the images of `COPY --from=<image>`; a stage the target does
//   not need is not built and not listed. The digest is what the reference resolved to (an index
//   digest when the image is multi-platform). `FROM scratch` lists no material (the key
//   `materials` is absent).
// - RefToPURL writes the familiar name: `python:3.12` → `pkg:docker/python@3.12`,
//   `docker/dockerfile:1` → `pkg:docker/docker/dockerfile@1`, `127.0.0.1:15000/base/x` →
//   `pkg:docker/127.0.0.1%3A15000/base/x@latest` (an untagged name gets `latest`). A name with a
//   digest carries a `digest=` qualifier (`…/x?digest=sha256:…`, `…/x@1.0?digest=sha256:…`): that is
//   what `pinned` means here.
// - Other materials are not images: `ADD http(s)://…` (its URL), git contexts (their URL), an
//   image's blob or a git bundle (`pkg:docker/…?ref_type=blob|bundle`), OCI layouts (`pkg:oci/…`).
// - A `# syntax=<image>` directive (or BUILDKIT_SYNTAX) makes the dockerfile frontend forward to
//   `gateway.v0` with the args `source` and `cmdline` = <image>: `invocation.parameters` shows
//   `frontend: gateway.v0, args.source: <image>`, and the frontend image is a material without a
//   platform qualifier (`pkg:docker/docker/dockerfile@1`). Measured with BuildKit's own dockerfile
//   frontend built from its v0.32.2 source and named by `# syntax=`. Materials of the source's
//   repository are excluded: the frontend built nothing in the image.
import { type BaseImage } from '../shared/build-facts.js';

const PROVENANCE_KEY = 'buildx.build.provenance';
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** An image named by a `pkg:docker` package URL. */
export interface DockerPurl {
  /** registry/path; Docker Hub as `docker.io/library/x` or `docker.io/org/x`. */
  repository: string;
  tag?: string;
  /** The `digest` qualifier (or a digest written as the version): the image was named by digest. */
  digest?: string;
  /** The `platform` qualifier, e.g. `linux/amd64`. */
  platform?: string;
}

/**
 * The bases of each platform's image, from buildx's metadata; undefined when the metadata holds no
 * provenance (not asked for, or the driver gave none). `platform` is undefined for a
 * single-platform build's unsuffixed key.
 */
export function basesFromMetadata(
  metadata: Record<string, unknown>,
  /** Images the step itself had BuildKit run (the SBOM generator): tools of the build, not its bases. */
  tools: string[] = [],
): Array<{ platform?: string; bases: BaseImage[] }> | undefined {
  const excluded = new Set(tools.map(repositoryOf));
  const entries = Object.entries(metadata).filter(([key]) => key === PROVENANCE_KEY || key.startsWith(`${PROVENANCE_KEY}/`));
  if (entries.length === 0) return undefined;
  return entries
    .map(([key, predicate]) => ({
      platform: key === PROVENANCE_KEY ? undefined : key.slice(PROVENANCE_KEY.length + 1),
      bases: basesOf(predicate, excluded),
    }))
    .sort((a, b) => (a.platform ?? '').localeCompare(b.platform ?? ''));
}

/**
 * The bases a provenance predicate names: BuildKit's SLSA v0.2 (`materials`, what buildx writes
 * into its metadata file) or v1 (`buildDefinition.resolvedDependencies`, the attestation BuildKit
 * pushes by default), each `{uri, digest}`. For a reused image, whose build's metadata is gone.
 */
export function basesFromProvenance(predicate: unknown, tools: string[] = []): BaseImage[] {
  return basesOf(predicate, new Set(tools.map(repositoryOf)));
}

/** mode=max or min: max carries the build's definition (`buildConfig`, v0.2; `internalParameters.buildConfig`, v1). */
export function provenanceMode(predicate: unknown): 'max' | 'min' {
  if (!isRecord(predicate)) return 'min';
  const definition = isRecord(predicate.buildDefinition) ? predicate.buildDefinition : undefined;
  const internal = definition && isRecord(definition.internalParameters) ? definition.internalParameters : undefined;
  return predicate.buildConfig !== undefined || internal?.buildConfig !== undefined ? 'max' : 'min';
}

function basesOf(predicate: unknown, excluded: Set<string>): BaseImage[] {
  if (!isRecord(predicate)) return [];
  const definition = isRecord(predicate.buildDefinition) ? predicate.buildDefinition : undefined;
  const materials = Array.isArray(predicate.materials)
    ? (predicate.materials as unknown[])
    : definition && Array.isArray(definition.resolvedDependencies)
      ? (definition.resolvedDependencies as unknown[])
      : [];
  const frontend = frontendRepository(predicate);
  const bases = new Map<string, BaseImage>();
  for (const material of materials) {
    if (!isRecord(material) || typeof material.uri !== 'string') continue;
    const image = parseDockerPurl(material.uri);
    if (image === undefined || image.repository === frontend || excluded.has(image.repository)) continue;
    const hex = isRecord(material.digest) ? material.digest.sha256 : undefined;
    const digest = typeof hex === 'string' && DIGEST.test(`sha256:${hex}`) ? `sha256:${hex}` : image.digest;
    if (digest === undefined) continue;
    const base: BaseImage = {
      reference: `${image.repository}${image.tag === undefined ? '' : `:${image.tag}`}${image.digest === undefined ? '' : `@${image.digest}`}`,
      repository: image.repository,
      ...(image.tag === undefined ? {} : { tag: image.tag }),
      digest,
      pinned: image.digest !== undefined,
    };
    bases.set(`${base.reference} ${base.digest}`, base);
  }
  return [...bases.values()];
}

/** The repository of the `# syntax=` frontend image, when the build went through one. */
function frontendRepository(predicate: Record<string, unknown>): string | undefined {
  // v0.2: invocation.parameters; v1: buildDefinition.externalParameters.request.
  const external = isRecord(predicate.buildDefinition) ? predicate.buildDefinition.externalParameters : undefined;
  const parameters = isRecord(predicate.invocation) ? predicate.invocation.parameters : isRecord(external) ? external.request : undefined;
  if (!isRecord(parameters) || parameters.frontend !== 'gateway.v0' || !isRecord(parameters.args)) return undefined;
  const source = parameters.args.source;
  if (typeof source !== 'string' || source === '') return undefined;
  return repositoryOf(source);
}

/** An image reference (name[:tag][@digest]) → its registry/path, Docker Hub made explicit. */
export function repositoryOf(reference: string): string {
  const name = reference.split('@')[0]!;
  // A tag's colon comes after the last slash (a port's before it).
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return normalizeRepository(colon > slash ? name.slice(0, colon) : name);
}

/**
 * A `pkg:docker` package URL (as BuildKit's RefToPURL writes it) → the image it names; undefined
 * for any other URL, and for a blob or bundle of an image (`ref_type` qualifier): not an image.
 */
export function parseDockerPurl(uri: string): DockerPurl | undefined {
  const match = /^pkg:docker\/([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(uri);
  if (match === null) return undefined;
  const qualifiers = new Map<string, string>();
  for (const pair of (match[2] ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) qualifiers.set(decode(pair.slice(0, eq)).toLowerCase(), decode(pair.slice(eq + 1)));
  }
  if (qualifiers.has('ref_type')) return undefined;
  const at = match[1].lastIndexOf('@');
  const path = at < 0 ? match[1] : match[1].slice(0, at);
  const version = at < 0 ? undefined : decode(match[1].slice(at + 1));
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map(decode);
  if (segments.length === 0) return undefined;
  let digest = qualifiers.get('digest');
  let tag = version === '' ? undefined : version;
  // PURLToRef reads a digest written as the version (older purls: `pkg:docker/x@sha256:…`).
  if (tag !== undefined && DIGEST.test(tag)) {
    digest ??= tag;
    tag = undefined;
  }
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const platform = qualifiers.get('platform');
  return {
    repository: normalizeRepository(segments.join('/')),
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    ...(platform === undefined || platform === '' ? {} : { platform }),
  };
}

/** A familiar name → registry/path, as distribution/reference normalizes it (Docker Hub made explicit). */
function normalizeRepository(name: string): string {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (first === 'docker.io' || first === 'index.docker.io') return normalizeRepository(name.slice(slash + 1));
  if (first.includes('.') || first.includes(':') || first === 'localhost') return name;
  return slash < 0 ? `docker.io/library/${name}` : `docker.io/${name}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
