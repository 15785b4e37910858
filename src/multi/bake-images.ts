// Pure: a bake file's targets (`bake-file` + `bake-targets`), as `docker buildx bake --print`
// resolved them, → one ImageSpec per image target (issue 23). The bake file's own syntax (HCL,
// compose, JSON; variables, inherits, matrices) is buildx's business: this reads only its JSON.
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
import { InputError, quoted } from '../util/errors.js';
import {
  checkContext,
  checkDistinct,
  checkPlatforms,
  mergeBuildArgs,
  NAME,
  REMOTE_CONTEXT,
  type ImageChecks,
  type ImageDefaults,
  type ImageSpec,
} from './images.js';

export interface BakeImages {
  images: ImageSpec[];
  /** Targets the images use (contexts target:<name>) that are not images themselves. */
  helpers: Record<string, Record<string, unknown>>;
}

/** What the step decides for each image, whatever the bake file says: dropped from `ImageSpec.bake`. */
const OWNED = ['context', 'dockerfile', 'args', 'platforms', 'target', 'tags', 'output', 'attest', 'cache-to', 'call', 'description'];

/** `source` names the bake file in messages: `Input "bake-file" (docker-bake.hcl)`. */
export function imagesFromBake(
  printed: unknown,
  source: string,
  defaults: Pick<ImageDefaults, 'buildArgs' | 'platforms'>,
  checks: ImageChecks,
): BakeImages {
  const definition = printed as { group?: Record<string, { targets?: unknown }>; target?: Record<string, unknown> } | null;
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
  defaults: Pick<ImageDefaults, 'buildArgs' | 'platforms'>,
  checks: ImageChecks,
): ImageSpec {
  const named = `${source}, target ${quoted(name)}`;
  if (!NAME.test(name)) {
    throw new InputError(
      `${named}: the name is not accepted as an image's name; accepted: up to 64 letters, digits, _ and -, starting with a letter or digit.`,
    );
  }
  const repository = repositoryOf(target.tags, named, name, checks);

  const context = typeof target.context === 'string' && target.context !== '' ? target.context : '.';
  const remote = REMOTE_CONTEXT.test(context) || context === '-';
  const dockerfile = typeof target.dockerfile === 'string' && target.dockerfile !== '' ? target.dockerfile : 'Dockerfile';
  // bake reads a relative dockerfile against the target's context; the step, against the workspace.
  const file = remote || path.isAbsolute(dockerfile) ? dockerfile : path.join(context, dockerfile);
  if (!remote) {
    checkContext(context, named, checks);
    if (typeof target['dockerfile-inline'] !== 'string' && !checks.isFile(checks.resolve(file))) {
      throw new InputError(
        `${named}: dockerfile ${quoted(file)} does not exist; accepted: the path of a Dockerfile, relative to the target's context.`,
      );
    }
  }

  const platforms = Array.isArray(target.platforms) ? target.platforms.filter((p): p is string => typeof p === 'string') : [];
  checkPlatforms(platforms, named, checks);
  const args = target.args && typeof target.args === 'object' ? (target.args as Record<string, unknown>) : undefined;
  const bake = Object.fromEntries(Object.entries(target).filter(([key]) => !OWNED.includes(key)));

  return {
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
}

/** The ECR repository a target's tags name: each tag less its registry host, tag and digest. */
function repositoryOf(tags: unknown, named: string, name: string, checks: ImageChecks): string {
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
  const repository = repositories[0]!;
  if (!checks.repository(repository)) {
    throw new InputError(
      `${named}: tags name the repository ${quoted(repository)}, which is not accepted; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators.`,
    );
  }
  return repository;
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
