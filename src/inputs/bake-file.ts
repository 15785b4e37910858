// Pure: `bake-file` + `bake-targets` → one ImageSpec per image target, from what
// `docker buildx bake --print` printed (read by src/inputs/bake-print.ts: that is I/O, kept
// apart). The bake file's own syntax (HCL, compose, JSON; variables, inherits, matrices) is
// buildx's business: this reads only its JSON.
//
//   target "api" {
//     context  = "services/api"
//     tags     = ["shop/api"]                  # the ECR repository (a registry host is dropped)
//     contexts = { base = "target:base" }      # kept: the bake this step runs has "base" too
//   }
//
// Each requested target (groups expanded) is an image; any other target in the print (one an
// image names in `contexts`, as target:<name>) is a helper, written into the step's bake as is.
import * as path from 'node:path';
import { InputError, oneLine, quoted } from '../util/errors.js';
import { checkDistinct, checkImageSpec, checkName, isRemoteContext, mergeBuildArgs, type ImageChecks } from './image-spec.js';
import type { ImageBuild, ImageSpec } from './types.js';

/** bake-file and bake-targets, checked: what to ask `docker buildx bake --print` for. */
export interface BakeRequest {
  /** The input the messages name first. */
  input: 'bake-file' | 'bake-targets';
  files: string[];
  targets: string[];
  /** `Input "bake-file" (docker-bake.hcl)`: where the images came from, in messages. */
  where: string;
  /** The files as a message names them (`the default bake file` when none is given). */
  named: string;
}

/** What `docker buildx bake` answered: the JSON it printed, or its standard error and the file's targets. */
export type BakePrint = { printed: string } | { error: string; defined?: string[] };

export interface BakeImages {
  images: ImageSpec[];
  /** Targets the images use (contexts target:<name>) that are not images themselves. */
  helpers: Record<string, Record<string, unknown>>;
}

/** What the step decides for each image, whatever the bake file says: dropped from `ImageSpec.bake`. */
const OWNED = ['context', 'dockerfile', 'args', 'platforms', 'target', 'tags', 'output', 'attest', 'cache-to', 'call', 'description'];

/** The inputs checked before bake runs (a missing file, a target bake would take for a flag); undefined when neither is set. */
export function bakeRequest(files: string[], targets: string[], checks: Pick<ImageChecks, 'isFile' | 'resolve'>): BakeRequest | undefined {
  if (files.length === 0 && targets.length === 0) return undefined;
  for (const file of files) {
    if (!checks.isFile(checks.resolve(file))) {
      throw new InputError(
        `Input "bake-file" has ${quoted(file)}, which does not exist; accepted: paths of bake files (HCL, compose or JSON), newline- or comma-separated.`,
      );
    }
  }
  for (const target of targets) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(target)) {
      throw new InputError(`Input "bake-targets" has ${quoted(target)}; accepted: names of the bake file's targets or groups.`);
    }
  }
  const named = files.length > 0 ? oneLine(files.join(', ')) : 'the default bake file';
  const input = files.length > 0 ? 'bake-file' : 'bake-targets';
  return { input, files, targets, where: `Input "${input}" (${named})`, named };
}

/** The images of the bake file, from bake's answer; bake's errors as one line naming the input. */
export function imagesFromBake(
  request: BakeRequest,
  print: BakePrint,
  defaults: Pick<ImageBuild, 'buildArgs' | 'platforms'>,
  checks: ImageChecks,
): BakeImages {
  const source = request.where;
  if ('error' in print) {
    const unknown = /failed to find target (\S+)/.exec(print.error);
    if (unknown) {
      const names =
        print.defined && print.defined.length > 0
          ? `its targets and groups (${truncate(print.defined.join(', '))})`
          : 'names of its targets and groups';
      throw new InputError(`Input "bake-targets" has ${quoted(unknown[1]!)}, which ${request.named} does not define; accepted: ${names}.`);
    }
    throw new InputError(
      `${source} could not be read by docker buildx bake --print: ${bakeError(print.error)}; accepted: a bake file buildx reads.`,
    );
  }
  let definition: { group?: Record<string, { targets?: unknown }>; target?: Record<string, unknown> } | null;
  try {
    definition = JSON.parse(print.printed) as typeof definition;
  } catch {
    throw new InputError(`${source}: docker buildx bake --print did not print JSON; accepted: a bake file buildx reads.`);
  }
  if (definition === null || typeof definition !== 'object' || typeof definition.target !== 'object' || definition.target === null) {
    throw new InputError(`${source}: docker buildx bake --print gave no targets; accepted: a bake file that defines the images' targets.`);
  }
  const targets = definition.target as Record<string, Record<string, unknown>>;
  const groups = definition.group ?? {};
  const names: string[] = [];
  const expand = (name: string, seen: Set<string>): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const group = groups[name];
    if (group && Array.isArray(group.targets)) {
      for (const t of group.targets) if (typeof t === 'string') expand(t, seen);
    } else if (targets[name] !== undefined) {
      names.push(name);
    }
  };
  expand('default', new Set());
  if (names.length === 0) {
    throw new InputError(`${source} names no target to build; accepted: bake-targets naming its targets or groups, or a "default" group.`);
  }

  const images = names.map((name) => imageOf(name, targets[name]!, source, defaults, checks));
  checkDistinct(images, source);
  const helpers = Object.fromEntries(Object.entries(targets).filter(([name]) => !names.includes(name)));
  return { images, helpers };
}

function imageOf(
  name: string,
  target: Record<string, unknown>,
  source: string,
  defaults: Pick<ImageBuild, 'buildArgs' | 'platforms'>,
  checks: ImageChecks,
): ImageSpec {
  const named = `${source}, target ${quoted(name)}`;
  checkName(name, named, 'the name');
  const repository = repositoryOf(target.tags, named, name);

  const context = typeof target.context === 'string' && target.context !== '' ? target.context : '.';
  const dockerfile = typeof target.dockerfile === 'string' && target.dockerfile !== '' ? target.dockerfile : 'Dockerfile';
  // bake reads a relative dockerfile against the target's context; the step, against the workspace.
  const file = isRemoteContext(context) || path.isAbsolute(dockerfile) ? dockerfile : path.join(context, dockerfile);
  const platforms = Array.isArray(target.platforms) ? target.platforms.filter((p): p is string => typeof p === 'string') : [];
  const args = target.args && typeof target.args === 'object' ? (target.args as Record<string, unknown>) : undefined;
  const bake = Object.fromEntries(Object.entries(target).filter(([key]) => !OWNED.includes(key)));

  const spec: ImageSpec = {
    name,
    repository,
    context,
    file,
    ...(typeof target.target === 'string' && target.target !== '' ? { target: target.target } : {}),
    // The bake file's args over the step's build-args, key by key, as an images entry's are.
    buildArgs: mergeBuildArgs(defaults.buildArgs, args && Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null)), named),
    platforms: platforms.length > 0 ? platforms : defaults.platforms,
    bake,
  };
  checkImageSpec(
    spec,
    {
      entry: named,
      fields: { repository: 'the repository its tags name', file: 'dockerfile' },
      fileAccepted: "the path of a Dockerfile, relative to the target's context",
    },
    checks,
    { dockerfileInline: typeof target['dockerfile-inline'] === 'string' },
  );
  return spec;
}

/** The ECR repository a target's tags name: each tag less its registry host, tag and digest. */
function repositoryOf(tags: unknown, named: string, name: string): string {
  const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
  if (list.length === 0) {
    throw new InputError(
      `${named} has no tags to name its repository; accepted: tags = ["<ECR repository>"] in the target, e.g. tags = ["shop/${name.toLowerCase()}"].`,
    );
  }
  const repositories = [...new Set(list.map(repositoryOfTag))];
  if (repositories.length > 1) {
    throw new InputError(
      `${named}: tags name ${repositories.length} repositories (${repositories.join(', ')}); accepted: tags of one ECR repository (the step pushes each image to one).`,
    );
  }
  return repositories[0]!;
}

/** `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.2@sha256:…` → `shop/api`. */
export function repositoryOfTag(tag: string): string {
  let rest = tag.trim();
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const parts = rest.split('/');
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) parts.shift();
  const last = parts.length - 1;
  const colon = parts[last]!.indexOf(':');
  if (colon >= 0) parts[last] = parts[last]!.slice(0, colon);
  return parts.join('/');
}

/** bake's standard error, in one line: its last ERROR line, or its last line. */
function bakeError(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const error = [...lines].reverse().find((line) => line.startsWith('ERROR:'));
  return truncate(oneLine((error ?? lines.at(-1) ?? 'no output').replace(/^ERROR:\s*/, '')));
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
