// Pure: the one checker of an image spec, whichever way the image was listed (`repository` and
// the build inputs, an `images` entry, a bake target): its repository, context, Dockerfile and
// platforms. Each problem is one InputError naming where the value came from, before anything
// is built or pushed. Also what the lists share: names, build-args merged by key, and the rule
// that no two images share a name or a repository.
import * as path from 'node:path';
import { InputError, quoted } from '../util/errors.js';
import { parseList } from '../util/lists.js';
import type { ImageSpec } from './types.js';

/** The file system as the checks see it (InputEnvironment's, resolved against the workspace). */
export interface ImageChecks {
  isDirectory(file: string): boolean;
  isFile(file: string): boolean;
  /** Resolves a path against the workspace. */
  resolve(file: string): string;
}

/**
 * Where a spec came from, for its messages. `entry` is undefined for the step's own inputs
 * (`Input "context" is "x"`); for a list, `Input "images", image "api"` or
 * `Input "bake-file" (docker-bake.hcl), target "api"` (`… : context is "x"`).
 */
export interface SpecWhere {
  entry?: string;
  /** How the entry names a field in its own words (a bake target: `dockerfile`, and `tags` for the repository). */
  fields?: Partial<Record<'repository' | 'file', string>>;
  /** What `file` is relative to, in the accepted values (a bake target: its context). */
  fileAccepted?: string;
}

// ECR's repository-name pattern (CreateRepository), 2-256 characters.
export const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
/** An image's name in a list (a bake target's: letters, digits, _ and -), unique whatever the case. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A build context that is not a directory of the workspace: a URL, a git remote, or standard input. */
export const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|github\.com\/)/;

export function isRemoteContext(context: string): boolean {
  return REMOTE_CONTEXT.test(context) || context === '-';
}

/** `<context>/Dockerfile`, or `Dockerfile` for a remote context (buildx reads it from there). */
export function defaultDockerfile(context: string): string {
  return isRemoteContext(context) ? 'Dockerfile' : path.join(context, 'Dockerfile');
}

/**
 * Checks one image spec; throws the first problem as one InputError. `dockerfileInline`: the
 * Dockerfile is given inline (a bake target's dockerfile-inline), so no file is looked for.
 */
export function checkImageSpec(spec: ImageSpec, where: SpecWhere, checks: ImageChecks, options: { dockerfileInline?: boolean } = {}): void {
  if (!REPOSITORY.test(spec.repository)) {
    throw new InputError(
      `${subject(where, 'repository', spec.repository)}; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators, e.g. ${example(spec)}.`,
    );
  }
  if (!isRemoteContext(spec.context)) {
    if (!checks.isDirectory(checks.resolve(spec.context))) {
      throw new InputError(
        `${subject(where, 'context', spec.context)}, which is not a directory; accepted: a build context directory (or a git/https URL).`,
      );
    }
    if (!options.dockerfileInline && !checks.isFile(checks.resolve(spec.file))) {
      throw new InputError(
        `${subject(where, 'file', spec.file)}, which does not exist; accepted: ${where.fileAccepted ?? 'the path of a Dockerfile (default <context>/Dockerfile)'}.`,
      );
    }
  }
  for (const platform of spec.platforms) {
    if (!PLATFORM.test(platform)) {
      throw new InputError(
        `${subject(where, 'platforms', platform, 'has')}; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.`,
      );
    }
  }
}

/** `Input "context" is "x"`, or `Input "images", image "api": context is "x"`. */
function subject(where: SpecWhere, field: 'repository' | 'context' | 'file' | 'platforms', value: string, verb = 'is'): string {
  if (where.entry === undefined) return `Input "${field}" ${verb} ${quoted(value)}`;
  const named = field === 'repository' || field === 'file' ? (where.fields?.[field] ?? field) : field;
  return `${where.entry}: ${named} ${verb} ${quoted(value)}`;
}

function example(spec: ImageSpec): string {
  return spec.name !== spec.repository && NAME.test(spec.name) ? `shop/${spec.name.toLowerCase()}` : 'mlops/retail-api';
}

/** An image's name in a list: one line naming the entry when it is not accepted. */
export function checkName(name: string, entry: string, what = 'name'): void {
  if (!NAME.test(name)) {
    throw new InputError(
      `${entry}: ${what} ${quoted(name)} is not accepted; accepted: up to 64 letters, digits, _ and -, starting with a letter or digit.`,
    );
  }
}

/** Two images of one name, or two in one repository (they would push to the same tags): one line. */
export function checkDistinct(images: readonly ImageSpec[], source: string): void {
  const byName = new Map<string, string>();
  const byRepository = new Map<string, string>();
  for (const image of images) {
    const other = byName.get(image.name.toLowerCase());
    if (other !== undefined) {
      throw new InputError(`${source} names two images ${quoted(image.name)}; accepted: a different name for each image.`);
    }
    byName.set(image.name.toLowerCase(), image.name);
    // Every image of the step gets the same tags (the commit's SHA, the release's): two images in
    // one repository would push to the same tag.
    const same = byRepository.get(image.repository);
    if (same !== undefined) {
      throw new InputError(
        `${source}: images ${quoted(same)} and ${quoted(image.name)} both push to ${image.repository}, under the same tags; accepted: one repository per image.`,
      );
    }
    byRepository.set(image.repository, image.name);
  }
}

/** A newline- (and, unless told, comma-) separated string, or a YAML list of strings. */
export function listOf(value: unknown, what: string, commas = true): string[] {
  if (typeof value === 'string') return parseList(value, { commas });
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => v.trim()).filter(Boolean);
  throw new InputError(`${what} is not a list; accepted: a comma-separated string or a YAML list of strings.`);
}

/** The step's KEY=VALUE build-args with the entry's (a mapping or KEY=VALUE lines) over them, key by key. */
export function mergeBuildArgs(step: string[], value: unknown, named: string): string[] {
  const merged = new Map(step.map((arg) => [arg.slice(0, arg.indexOf('=')), arg] as const));
  if (value === undefined || value === null) return [...merged.values()];
  let pairs: Array<[string, string]>;
  if (typeof value === 'object' && !Array.isArray(value)) {
    pairs = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new InputError(`${named}: build-args ${quoted(key)} is not a string; accepted: KEY: value pairs.`);
      }
      return [key, String(v)];
    });
  } else if (typeof value === 'string' || Array.isArray(value)) {
    pairs = listOf(value, `${named}: build-args`, false).map((line) => {
      const at = line.indexOf('=');
      if (at <= 0) throw new InputError(`${named}: build-args has ${quoted(line)}; accepted: KEY=VALUE lines or a KEY: value mapping.`);
      return [line.slice(0, at).trim(), line.slice(at + 1)];
    });
  } else {
    throw new InputError(`${named}: build-args is not accepted; accepted: KEY=VALUE lines or a KEY: value mapping.`);
  }
  for (const [key, v] of pairs) {
    if (key === '' || /\s/.test(key))
      throw new InputError(`${named}: build-args has the key ${quoted(key)}; accepted: keys without spaces.`);
    merged.set(key, `${key}=${v}`);
  }
  return [...merged.values()];
}
