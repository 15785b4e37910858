// Pure: the `images` input (or the `images-file` it names), its YAML parsed → one ImageSpec per
// entry, each with the step's build inputs where the entry leaves a field unset. Every problem
// is one InputError naming the entry, before anything is built or pushed.
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
import { InputError, quoted } from '../util/errors.js';
import { checkDistinct, checkImageSpec, checkName, defaultDockerfile, listOf, mergeBuildArgs, type ImageChecks } from './image-spec.js';
import type { ImageBuild, ImageSpec } from './types.js';

/** What an entry inherits from the step's own inputs. */
export interface ImageDefaults extends Omit<ImageBuild, 'file'> {
  /** The step's `file` input as given (undefined: <context>/Dockerfile of each image). */
  file?: string;
}

const FIELDS = ['name', 'repository', 'context', 'file', 'target', 'build-args', 'platforms'] as const;

/** `source` names where the list came from in messages: `Input "images"` or `Input "images-file" (path)`. */
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
  checkName(name, where);
  const named = `${source}, image ${quoted(name)}`;
  const repository = text('repository');
  if (repository === undefined) {
    throw new InputError(`${named} has no repository; accepted: an ECR repository name for each image, e.g. shop/${name.toLowerCase()}.`);
  }

  const context = text('context') ?? defaults.context;
  // The step's `file` applies to an image that keeps the step's context; one with its own context
  // gets its own <context>/Dockerfile, as the single-image default has it.
  const file = text('file') ?? (text('context') === undefined && defaults.file !== undefined ? defaults.file : defaultDockerfile(context));
  const platforms =
    fields.platforms === undefined || fields.platforms === null ? defaults.platforms : listOf(fields.platforms, `${named}: platforms`);

  const spec: ImageSpec = {
    name,
    repository,
    context,
    file,
    target: text('target') ?? defaults.target,
    buildArgs: mergeBuildArgs(defaults.buildArgs, fields['build-args'], named),
    platforms,
  };
  checkImageSpec(spec, { entry: named }, checks);
  return spec;
}
