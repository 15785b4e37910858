// Pure: the `images` input (or the `images-file` it names) → one build per image, each with the
// step's build inputs where the entry leaves a field unset. Every problem is one InputError
// naming the entry, before anything is built or pushed (issue 23).
//
//   images: |
//     - name: api
//       repository: shop/api
//       context: services/api          # file: <context>/Dockerfile unless given
//       build-args: { VERSION: "2" }   # merged over the step's build-args, key by key
//     - name: worker
//       repository: shop/worker
//       target: worker
//       platforms: linux/amd64,linux/arm64
import * as path from 'node:path';
import { InputError, quoted } from '../util/errors.js';
import { parseList } from '../util/lists.js';

/** One image of a multi-image step: what it is called, where it goes, how it is built. */
export interface ImageSpec {
  /** The entry's name: its key in the outputs and the reports, and its bake target. */
  name: string;
  repository: string;
  context: string;
  file: string;
  target?: string;
  buildArgs: string[];
  platforms: string[];
  /**
   * From a bake file (bake-file): the target as `docker buildx bake --print` resolved it, less
   * what the step decides (tags, output, attest, cache-to); the bake this step runs keeps the rest
   * (contexts, secrets, ssh, labels, ...).
   */
  bake?: Record<string, unknown>;
}

/** What an entry inherits from the step's own inputs. */
export interface ImageDefaults {
  context: string;
  /** The step's `file` input as given (undefined: <context>/Dockerfile of each image). */
  file?: string;
  target?: string;
  buildArgs: string[];
  platforms: string[];
}

/** The checks inputs.ts applies to the step's own inputs, applied to each entry's. */
export interface ImageChecks {
  repository(value: string): boolean;
  platform(value: string): boolean;
  isDirectory(file: string): boolean;
  isFile(file: string): boolean;
  /** Resolves a path against the workspace. */
  resolve(file: string): string;
}

const FIELDS = ['name', 'repository', 'context', 'file', 'target', 'build-args', 'platforms'] as const;
// A bake target's name (buildx: letters, digits, _ and -), kept lowercase-insensitive unique.
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|github\.com\/)/;

/**
 * `source` names where the list came from in messages: `Input "images"` or
 * `Input "images-file" (path)`.
 */
export function parseImages(value: unknown, source: string, defaults: ImageDefaults, checks: ImageChecks): ImageSpec[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError(
      `${source} is not a YAML list of images; accepted: a list of {name, repository, context?, file?, target?, build-args?, platforms?}.`,
    );
  }
  const images = value.map((entry, i) => parseEntry(entry, i, source, defaults, checks));
  checkDistinct(images, source);
  return images;
}

/** Two images of one name, or two in one repository (they would push to the same tags): one line. */
export function checkDistinct(images: ImageSpec[], source: string): void {
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

function parseEntry(entry: unknown, i: number, source: string, defaults: ImageDefaults, checks: ImageChecks): ImageSpec {
  const where = `${source}, image ${i + 1}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new InputError(`${where} is not a mapping; accepted: {name, repository, context?, file?, target?, build-args?, platforms?}.`);
  }
  const fields = entry as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new InputError(`${where} has the field ${quoted(key)}; accepted: ${FIELDS.join(', ')}.`);
    }
  }
  const text = (key: (typeof FIELDS)[number]): string | undefined => {
    const v = fields[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw new InputError(`${where}: ${key} is not a string; accepted: a string.`);
    const s = String(v).trim();
    return s === '' ? undefined : s;
  };

  const name = text('name');
  if (name === undefined)
    throw new InputError(`${where} has no name; accepted: a name of letters, digits, _ and - (the image's key in the outputs).`);
  if (!NAME.test(name)) {
    throw new InputError(
      `${where}: name ${quoted(name)} is not accepted; accepted: up to 64 letters, digits, _ and -, starting with a letter or digit.`,
    );
  }
  const named = `${source}, image ${quoted(name)}`;
  const repository = text('repository');
  if (repository === undefined) {
    throw new InputError(`${named} has no repository; accepted: an ECR repository name for each image, e.g. shop/${name.toLowerCase()}.`);
  }
  if (!checks.repository(repository)) {
    throw new InputError(
      `${named}: repository ${quoted(repository)} is not accepted; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators.`,
    );
  }

  const context = text('context') ?? defaults.context;
  const remote = REMOTE_CONTEXT.test(context) || context === '-';
  // The step's `file` applies to an image that keeps the step's context; one with its own context
  // gets its own <context>/Dockerfile, as the single-image default has it.
  const file =
    text('file') ??
    (text('context') === undefined && defaults.file !== undefined
      ? defaults.file
      : remote
        ? 'Dockerfile'
        : path.join(context, 'Dockerfile'));
  if (!remote) {
    checkContext(context, named, checks);
    if (!checks.isFile(checks.resolve(file))) {
      throw new InputError(
        `${named}: file ${quoted(file)} does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).`,
      );
    }
  }

  const platforms =
    fields.platforms === undefined || fields.platforms === null ? defaults.platforms : listOf(fields.platforms, `${named}: platforms`);
  checkPlatforms(platforms, named, checks);

  return {
    name,
    repository,
    context,
    file,
    target: text('target') ?? defaults.target,
    buildArgs: mergeBuildArgs(defaults.buildArgs, fields['build-args'], named),
    platforms,
  };
}

/** A local build context that is not a directory: one line naming the image. */
export function checkContext(context: string, named: string, checks: ImageChecks): void {
  if (!checks.isDirectory(checks.resolve(context))) {
    throw new InputError(
      `${named}: context ${quoted(context)} is not a directory; accepted: a build context directory (or a git/https URL).`,
    );
  }
}

/** A platform that is not os/arch[/variant]: one line naming the image. */
export function checkPlatforms(platforms: string[], named: string, checks: ImageChecks): void {
  for (const platform of platforms) {
    if (!checks.platform(platform)) {
      throw new InputError(`${named}: platforms has ${quoted(platform)}; accepted: os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
    }
  }
}

/** A newline- (and, unless told, comma-) separated string, or a YAML list of strings. */
function listOf(value: unknown, what: string, commas = true): string[] {
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
