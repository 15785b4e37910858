// Pure: several builds → one `docker buildx bake` definition (its JSON file format) and the
// argument list that runs it, so that BuildKit builds the images in one session, each shared
// stage once (issue 23). Each target says what `buildxArgs` says for one build (src/buildx/argv.ts),
// field by field, in bake's words: https://docs.docker.com/build/bake/reference/
import type { BuildRequest } from './argv.js';

/** One image of the bake: its target name (the image's name) and its build. */
export interface BakeTarget {
  name: string;
  request: Omit<BuildRequest, 'metadataFile' | 'builder'>;
  /**
   * From a bake file: its target, less what the step decides (ImageSpec.bake). The step's fields
   * are written over it; its labels, secrets and cache-from are kept beside the step's.
   */
  base?: Record<string, unknown>;
}

export interface BakeTargetDefinition {
  context: string;
  dockerfile: string;
  args: Record<string, string>;
  labels: Record<string, string>;
  target?: string;
  platforms?: string[];
  'cache-from'?: string[];
  'cache-to'?: string[];
  secret?: string[];
  attest: string[];
  'no-cache'?: boolean;
  pull?: boolean;
  tags?: string[];
  output?: string[];
}

export interface BakeDefinition {
  group: { default: { targets: string[] } };
  target: Record<string, BakeTargetDefinition | Record<string, unknown>>;
}

/**
 * The bake file. `dockerfile` is given as the step gives `--file` (relative to the workspace,
 * or absolute): bake would read a relative one against the target's context, so the caller
 * passes absolute paths (`absolute`).
 */
export function bakeDefinition(
  targets: BakeTarget[],
  absolute: (file: string) => string,
  helpers: Record<string, Record<string, unknown>> = {},
): BakeDefinition {
  // Helpers (targets an image names in contexts, target:<name>) as the bake file has them: bake
  // builds them when an image needs them, in the same session.
  const target: BakeDefinition['target'] = { ...helpers };
  for (const { name, request, base } of targets) {
    const definition: BakeTargetDefinition = {
      context: request.context,
      dockerfile: absolute(request.file),
      args: Object.fromEntries(request.buildArgs.map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)])),
      labels: Object.fromEntries(request.labels),
      attest: attestations(request),
    };
    if (request.target) definition.target = request.target;
    if (request.platforms.length > 0) definition.platforms = request.platforms;
    if (request.cacheFrom.length > 0) definition['cache-from'] = request.cacheFrom;
    if (request.cacheTo.length > 0) definition['cache-to'] = request.cacheTo;
    if (request.secrets.length > 0) definition.secret = request.secrets;
    if (request.noCache) definition['no-cache'] = true;
    if (request.pull) definition.pull = true;
    const output = request.output;
    if (output.kind === 'push-tag') {
      definition.tags = [output.reference];
      definition.output = ['type=registry'];
    } else if (output.kind === 'push-digest') {
      definition.output = [
        `type=image,name=${output.name},push-by-digest=true,name-canonical=true,push=true${output.referrers ? ',oci-mediatypes=true,oci-artifact=false' : ''}`,
      ];
    }
    target[name] = base ? over(base, definition) : definition;
  }
  return { group: { default: { targets: targets.map((t) => t.name) } }, target };
}

/**
 * The step's target over the bake file's: lists and maps the two both have are joined (no-cache
 * and pull the step sets only when true, so the file's stay otherwise).
 */
function over(base: Record<string, unknown>, ours: BakeTargetDefinition): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...ours };
  const list = (key: string) => (Array.isArray(base[key]) ? (base[key] as unknown[]) : []);
  // The bake file's labels are the more specific: they win over the step's.
  if (base.labels && typeof base.labels === 'object') merged.labels = { ...ours.labels, ...(base.labels as object) };
  const cacheFrom = [...(ours['cache-from'] ?? []), ...list('cache-from')];
  if (cacheFrom.length > 0) merged['cache-from'] = cacheFrom;
  const secret = [...list('secret'), ...(ours.secret ?? [])];
  if (secret.length > 0) merged.secret = secret;
  if (typeof base['dockerfile-inline'] === 'string') delete merged.dockerfile;
  return merged;
}

/** `--provenance=<value>` and `--sbom=…` of buildx build, as bake's `attest` entries. */
function attestations(request: BakeTarget['request']): string[] {
  const result: string[] = [];
  const provenance = request.provenance;
  if (provenance === 'false') result.push('type=provenance,disabled=true');
  else if (provenance === 'true') result.push('type=provenance');
  else if (provenance === 'min' || provenance === 'max') result.push(`type=provenance,mode=${provenance}`);
  else result.push(`type=provenance,${provenance}`);
  if (request.sbom) result.push(request.sbomGenerator ? `type=sbom,generator=${request.sbomGenerator}` : 'type=sbom');
  return result;
}

/** `docker buildx bake` of every target in the file, its metadata (per target) written to `metadataFile`. */
export function bakeArgs(options: { file: string; metadataFile: string; builder?: string }): string[] {
  const args = ['buildx', 'bake'];
  if (options.builder) args.push('--builder', options.builder);
  args.push('--file', options.file, '--metadata-file', options.metadataFile);
  return args;
}
