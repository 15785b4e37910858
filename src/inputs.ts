// The only caller of core.getInput. Every input is read and validated here, up front, so a
// bad value stops the step with one line naming the input before any AWS or Docker call.
import * as core from './util/actions-core.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError, oneLine, quoted, toMessage } from './util/errors.js';
import { parseKeyValues, parseList } from './util/lists.js';
import { THRESHOLDS, type Threshold } from './shared/severity.js';
import { parseIgnoreFile, type IgnoreEntry } from './gate/ignore-file.js';
import { TAG_MUTABILITIES, type TagMutability } from './shared/tag-mutability.js';
import type { BuildSettings } from './buildx/argv.js';
import { CACHE_TAG_PREFIX, isCacheTag } from './buildx/cache.js';
import { parseImages, type ImageSpec } from './multi/images.js';
import { imagesFromBake } from './multi/bake-images.js';

/** Every input, parsed and validated; the build inputs as buildx/argv.ts names them. */
export interface Inputs extends BuildSettings {
  repository: string;
  registryId?: string;
  awsRegion: string;
  createRepository: boolean;
  tagMutability: TagMutability;
  tagMutabilityExclusions: string[];
  lifecyclePolicy?: { path: string; text: string };
  labels: Array<[string, string]>;
  /** `ecr`: a BuildKit registry cache in the same repository (src/buildx/cache.ts). */
  cache: 'none' | 'ecr';
  push: boolean;
  tags: string[];
  shaTag: 'full' | 'short' | 'false';
  releaseTags: 'auto' | 'none';
  latest: 'auto' | 'true' | 'false';
  skipExisting: boolean;
  scan: boolean;
  scanTimeoutSeconds: number;
  severityThreshold: Threshold;
  ignore: string[];
  ignoreUnfixed: boolean;
  /** 0 to 1: with enhanced scanning, a finding at or above the severity fails only when its EPSS is at least this. */
  epssThreshold?: number;
  failOnExploitable: boolean;
  ignoreFile?: { path: string; entries: IgnoreEntry[] };
  onScanIncomplete: 'fail' | 'warn';
  compare: 'base' | 'none';
  gate: 'all' | 'new';
  comment: boolean;
  /** Undefined means the default, `registry/repository`, known only after login. */
  commentKey?: string;
  githubToken: string;
  sarif?: string;
  skipLogout: boolean;
  /** Several images in one step (`images` or `images-file`); then `repository` is empty. */
  images?: ImageSpec[];
  /** With bake-file: the targets the images use (contexts target:<name>) that are not images. */
  bakeHelpers?: Record<string, Record<string, unknown>>;
}

/** Where inputs come from: `core.getInput` in the action, a map in tests. */
export type InputSource = (name: string) => string;

export interface InputEnvironment {
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against (the workspace). */
  cwd: string;
  readText(file: string): string;
  isFile(file: string): boolean;
  isDirectory(file: string): boolean;
  /** YAML's parse (the `yaml` package's), for the ignore file. */
  parseYaml(text: string): unknown;
  /**
   * Runs `docker buildx bake <args>` in `cwd` and gives its standard output (bake-file: --print
   * and --list); throws an Error whose message is bake's standard error.
   */
  bake?(args: string[]): string;
}

const MAX_SCAN_TIMEOUT = 6 * 60 * 60; // a job's own limit: no wait can be longer.
const DEFAULT_IGNORE_FILE = '.ecr-scan-ignore.yml';
// ECR's repository-name pattern (CreateRepository), 2-256 characters.
const REPOSITORY = /^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/; // us-east-1, eusc-de-east-1
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
// An image reference: [host[:port]/]path[:tag][@sha256:digest], no commas or spaces (it becomes
// part of buildx's --sbom=generator=… value).
const IMAGE_REFERENCE =
  /^(?:[A-Za-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const SECRET = /^id=[^,=\s]+,(?:env|src)=[^,]+$/;
const VULNERABILITY_ID = /^\S{1,128}$/;
// A probability written as a decimal: 0, 1, 0.1, .05, 1.0 (no exponent, no percent sign).
const PROBABILITY = /^(?:0|1|0?\.\d+|1\.0+)$/;

class Reader {
  constructor(
    private readonly get: InputSource,
    private readonly environment: Pick<InputEnvironment, 'cwd'>,
  ) {}

  text(name: string): string {
    return this.get(name).trim();
  }

  optional(name: string): string | undefined {
    const value = this.text(name);
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === '') throw new InputError(`Input "${name}" is required and was empty.`);
    return value;
  }

  oneOf<T extends string>(name: string, accepted: readonly T[], fallback: T, normalise = (v: string) => v): T {
    const raw = this.text(name);
    if (raw === '') return fallback;
    const value = normalise(raw);
    if (!(accepted as readonly string[]).includes(value)) {
      throw new InputError(`Input "${name}" is ${quoted(raw)}; accepted: ${accepted.join(', ')}.`);
    }
    return value as T;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.text(name);
    if (raw === '') return fallback;
    // The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    throw new InputError(`Input "${name}" is ${quoted(raw)}; accepted: true, false.`);
  }

  raw(name: string): string {
    return this.get(name);
  }

  list(name: string, options?: { commas?: boolean }): string[] {
    return parseList(this.get(name), options);
  }

  path(file: string): string {
    return path.resolve(this.environment.cwd, file);
  }
}

export function parseInputs(get: InputSource, environment: InputEnvironment): Inputs {
  const read = new Reader(get, environment);

  // Several images (issue 23): each entry names its repository; the step's `repository` is empty.
  const imagesSource = readImagesSource(read, environment);
  const bakeSource = readBakeSource(read, environment);
  if (imagesSource && bakeSource) {
    throw new InputError(
      `Input "${bakeSource.input}" is set together with "${imagesSource.input}"; accepted: one way to list the images, an images list or a bake file.`,
    );
  }
  const several = imagesSource?.input ?? bakeSource?.input;
  if (several && read.optional('repository') !== undefined) {
    throw new InputError(
      `Input "${several}" is set together with "repository"; accepted: repository for one image, or ${several} (each image names its own repository).`,
    );
  }
  const repository = several ? '' : read.required('repository');
  if (!several && !REPOSITORY.test(repository)) {
    throw new InputError(
      `Input "repository" is ${quoted(repository)}; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators, e.g. mlops/retail-api.`,
    );
  }
  const registryId = read.optional('registry-id');
  if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
    throw new InputError(`Input "registry-id" is ${quoted(registryId)}; accepted: a 12-digit AWS account ID.`);
  }
  // `||`: a workflow's `AWS_REGION: ${{ vars.X }}` with X unset gives an empty string, not absence.
  const awsRegion = read.optional('aws-region') || environment.env.AWS_REGION || environment.env.AWS_DEFAULT_REGION || '';
  // A build-only run (push: false, e.g. a fork's PR with no credentials) makes no AWS call.
  const push = read.boolean('push', true);
  if (awsRegion === '' && push) {
    throw new InputError(
      'Input "aws-region" is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set; accepted: a region such as us-east-1.',
    );
  }
  if (awsRegion !== '' && !REGION.test(awsRegion)) {
    throw new InputError(`Input "aws-region" is ${quoted(awsRegion)}; accepted: a region such as us-east-1.`);
  }

  const tagMutability = read.oneOf('tag-mutability', TAG_MUTABILITIES, 'IMMUTABLE', (v) => v.toUpperCase());
  const tagMutabilityExclusions = read.list('tag-mutability-exclusions');
  for (const filter of tagMutabilityExclusions) {
    if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(filter)) {
      throw new InputError(
        `Input "tag-mutability-exclusions" has ${quoted(filter)}; accepted: comma-separated wildcard filters of letters, digits, _ . - and *, e.g. latest,v*.`,
      );
    }
  }

  const lifecyclePolicy = readLifecyclePolicy(read, environment);

  const context = read.text('context') || '.';
  const remoteContext = /^(?:https?:\/\/|git@|github\.com\/)/.test(context) || context === '-';
  const file = read.optional('file') ?? (remoteContext ? 'Dockerfile' : path.join(context, 'Dockerfile'));

  const buildArgs = keyValueLines(read, 'build-args').map(([key, value]) => `${key}=${value}`);
  const labels = keyValueLines(read, 'labels');

  const platforms = read.list('platforms');
  for (const platform of platforms) {
    if (!PLATFORM.test(platform)) {
      throw new InputError(
        `Input "platforms" has ${quoted(platform)}; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.`,
      );
    }
  }

  const secrets = read.list('secrets', { commas: false });
  for (const secret of secrets) {
    if (!SECRET.test(secret)) {
      // Only the id is echoed: a malformed line could hold a secret value.
      const id = /^id=([^,=\s]+)/.exec(secret)?.[1];
      throw new InputError(
        `Input "secrets" has a malformed line${id ? ` (id=${id})` : ''}; accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.`,
      );
    }
  }

  const provenance = read.text('provenance') || 'false';
  if (!/^(?:true|false|min|max|mode=(?:min|max)(?:,[a-z-]+=[^,]+)*)$/.test(provenance)) {
    throw new InputError(`Input "provenance" is ${quoted(provenance)}; accepted: false, true, mode=min or mode=max.`);
  }

  const sbom = read.boolean('sbom', false);
  const sbomGenerator = read.optional('sbom-generator');
  if (sbomGenerator !== undefined && !IMAGE_REFERENCE.test(sbomGenerator)) {
    throw new InputError(
      `Input "sbom-generator" is ${quoted(truncate(sbomGenerator))}; accepted: an image reference such as docker/buildkit-syft-scanner:stable-1 or registry.example.com/team/scanner@sha256:<64 hex>.`,
    );
  }
  if (sbomGenerator !== undefined && !sbom) {
    throw new InputError(`Input "sbom-generator" is set but "sbom" is false; accepted: sbom-generator together with sbom: true.`);
  }
  const attestations = read.oneOf('attestations', ['referrers', 'index'] as const, 'referrers', (v) => v.toLowerCase());

  const cache = read.oneOf('cache', ['none', 'ecr'] as const, 'none', (v) => v.toLowerCase());
  const tags = read.list('tags');
  for (const tag of tags) {
    validateTagShape(tag);
    const bare = tag.slice(tag.lastIndexOf(':') + 1);
    if (cache === 'ecr' && isCacheTag(bare)) {
      throw new InputError(
        `Input "tags" has ${quoted(truncate(tag))}, but with cache: ecr tags starting ${CACHE_TAG_PREFIX} hold the build cache; accepted: tag names that do not start with ${CACHE_TAG_PREFIX}.`,
      );
    }
  }

  const scanTimeoutRaw = read.text('scan-timeout') || '600';
  if (!/^\d+$/.test(scanTimeoutRaw) || Number(scanTimeoutRaw) < 1 || Number(scanTimeoutRaw) > MAX_SCAN_TIMEOUT) {
    throw new InputError(
      `Input "scan-timeout" is ${quoted(scanTimeoutRaw)}; accepted: a whole number of seconds from 1 to ${MAX_SCAN_TIMEOUT}.`,
    );
  }

  const ignore = read.list('ignore');
  for (const id of ignore) {
    if (!VULNERABILITY_ID.test(id)) {
      throw new InputError(`Input "ignore" has ${quoted(id)}; accepted: newline-separated vulnerability IDs such as CVE-2024-1234.`);
    }
  }

  const epssRaw = read.optional('epss-threshold');
  if (epssRaw !== undefined && !PROBABILITY.test(epssRaw)) {
    throw new InputError(
      `Input "epss-threshold" is ${quoted(epssRaw)}; accepted: a number from 0 to 1 (an EPSS probability, e.g. 0.1 for 10 %), or empty for none.`,
    );
  }

  const inputs: Inputs = {
    repository,
    registryId,
    awsRegion,
    createRepository: read.boolean('create-repository', false),
    tagMutability,
    tagMutabilityExclusions,
    lifecyclePolicy,
    context,
    file,
    buildArgs,
    labels,
    target: read.optional('target'),
    platforms,
    cacheFrom: read.list('cache-from', { commas: false }),
    cacheTo: read.list('cache-to', { commas: false }),
    cache,
    secrets,
    provenance,
    sbom,
    sbomGenerator,
    attestations,
    builder: read.optional('builder'),
    noCache: read.boolean('no-cache', false),
    pull: read.boolean('pull', false),
    push,
    tags,
    shaTag: read.oneOf('sha-tag', ['full', 'short', 'false'] as const, 'full', (v) => v.toLowerCase()),
    releaseTags: read.oneOf('release-tags', ['auto', 'none'] as const, 'auto', (v) => v.toLowerCase()),
    latest: read.oneOf('latest', ['auto', 'true', 'false'] as const, 'auto', (v) => v.toLowerCase()),
    skipExisting: read.boolean('skip-existing', true),
    scan: read.boolean('scan', true),
    scanTimeoutSeconds: Number(scanTimeoutRaw),
    severityThreshold: read.oneOf('severity-threshold', THRESHOLDS, 'CRITICAL', (v) => v.toUpperCase()),
    ignore,
    ignoreUnfixed: read.boolean('ignore-unfixed', false),
    epssThreshold: epssRaw === undefined ? undefined : Number(epssRaw),
    failOnExploitable: read.boolean('fail-on-exploitable', false),
    ignoreFile: readIgnoreFile(read, environment),
    onScanIncomplete: read.oneOf('on-scan-incomplete', ['fail', 'warn'] as const, 'fail', (v) => v.toLowerCase()),
    compare: read.oneOf('compare', ['base', 'none'] as const, 'base', (v) => v.toLowerCase()),
    gate: read.oneOf('gate', ['all', 'new'] as const, 'all', (v) => v.toLowerCase()),
    comment: read.boolean('comment', true),
    commentKey: read.optional('comment-key'),
    githubToken: read.text('github-token'),
    sarif: read.optional('sarif'),
    skipLogout: read.boolean('skip-logout', false),
  };

  const checks = {
    repository: (value: string) => REPOSITORY.test(value),
    platform: (value: string) => PLATFORM.test(value),
    isDirectory: (file: string) => environment.isDirectory(file),
    isFile: (file: string) => environment.isFile(file),
    resolve: (file: string) => read.path(file),
  };
  if (imagesSource) {
    inputs.images = parseImages(
      imagesSource.parse(),
      imagesSource.where,
      { context, file: read.optional('file'), target: inputs.target, buildArgs, platforms },
      checks,
    );
  } else if (bakeSource) {
    const { images, helpers } = imagesFromBake(bakeSource.print(), bakeSource.where, { buildArgs, platforms }, checks);
    inputs.images = images;
    inputs.bakeHelpers = helpers;
  } else if (!remoteContext) {
    if (!environment.isDirectory(read.path(context))) {
      throw new InputError(
        `Input "context" is ${quoted(context)}, which is not a directory; accepted: a build context directory (or a git/https URL).`,
      );
    }
    if (!environment.isFile(read.path(file))) {
      throw new InputError(
        `Input "file" is ${quoted(file)}, which does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).`,
      );
    }
  }
  return inputs;
}

/** The `images` input, or the file `images-file` names: where it comes from, and its YAML parsed. */
function readImagesSource(
  read: Reader,
  environment: InputEnvironment,
): { input: 'images' | 'images-file'; where: string; parse: () => unknown } | undefined {
  const inline = read.optional('images');
  const file = read.optional('images-file');
  if (inline !== undefined && file !== undefined) {
    throw new InputError('Input "images-file" is set together with "images"; accepted: one of them.');
  }
  const yaml = (text: string, where: string) => {
    try {
      return environment.parseYaml(text);
    } catch (error) {
      throw new InputError(`${where} is not valid YAML: ${oneLine(toMessage(error))}; accepted: a YAML list of images.`);
    }
  };
  if (inline !== undefined) return { input: 'images', where: 'Input "images"', parse: () => yaml(inline, 'Input "images"') };
  if (file === undefined) return undefined;
  const where = `Input "images-file" (${oneLine(file)})`;
  const full = read.path(file);
  if (!environment.isFile(full)) {
    throw new InputError(`Input "images-file" is ${quoted(file)}, which does not exist; accepted: the path of a YAML list of images.`);
  }
  return { input: 'images-file', where, parse: () => yaml(environment.readText(full), where) };
}

/**
 * `bake-file` + `bake-targets`: the bake file(s), read by `docker buildx bake --print` (so HCL,
 * compose and JSON, variables and inherits are buildx's to resolve), its JSON parsed.
 */
function readBakeSource(
  read: Reader,
  environment: InputEnvironment,
): { input: 'bake-file' | 'bake-targets'; where: string; print: () => unknown } | undefined {
  const files = read.list('bake-file');
  const targets = read.list('bake-targets');
  if (files.length === 0 && targets.length === 0) return undefined;
  for (const file of files) {
    if (!environment.isFile(read.path(file))) {
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
  const where = files.length > 0 ? `Input "bake-file" (${named})` : `Input "bake-targets" (${named})`;
  const fileArgs = files.flatMap((file) => ['--file', file]);
  const bake = (args: string[]): string => {
    if (!environment.bake) throw new Error('internal: docker buildx bake is not available to read the bake file');
    return environment.bake(args);
  };
  const print = (): unknown => {
    let printed: string;
    try {
      printed = bake(['--print', ...fileArgs, ...targets]);
    } catch (error) {
      const message = toMessage(error);
      const unknown = /failed to find target (\S+)/.exec(message);
      if (unknown) {
        throw new InputError(
          `Input "bake-targets" has ${quoted(unknown[1]!)}, which ${named} does not define; accepted: ${definedTargets(bake, fileArgs)}.`,
        );
      }
      throw new InputError(
        `${where} could not be read by docker buildx bake --print: ${bakeError(message)}; accepted: a bake file buildx reads.`,
      );
    }
    try {
      return JSON.parse(printed) as unknown;
    } catch {
      throw new InputError(`${where}: docker buildx bake --print did not print JSON; accepted: a bake file buildx reads.`);
    }
  };
  return { input: files.length > 0 ? 'bake-file' : 'bake-targets', where, print };
}

/** The bake file's targets and groups, for a message: `its targets and groups (api, worker, ...)`. */
function definedTargets(bake: (args: string[]) => string, fileArgs: string[]): string {
  try {
    const listed = JSON.parse(bake(['--list=type=targets,format=json', ...fileArgs])) as Array<{ name?: unknown }>;
    const names = listed.map((entry) => entry.name).filter((name): name is string => typeof name === 'string');
    if (names.length > 0) return `its targets and groups (${truncate(names.join(', '))})`;
  } catch {
    // The listing is a courtesy: the message stands without it.
  }
  return 'names of its targets and groups';
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

function keyValueLines(read: Reader, name: string): Array<[string, string]> {
  const parsed = parseKeyValues(read.raw(name));
  if (!parsed.ok) {
    throw new InputError(`Input "${name}" has the line ${quoted(truncate(parsed.line))}; accepted: newline-separated KEY=VALUE.`);
  }
  return parsed.pairs;
}

/**
 * Bare tag names only. A full reference (as docker/metadata-action prints) is accepted here and
 * reduced to its tag later, once the registry is known (see tags/plan.ts).
 */
function validateTagShape(tag: string): void {
  const bare = tag.includes(':') ? tag.slice(tag.lastIndexOf(':') + 1) : tag;
  if (!TAG.test(bare) || tag.includes('@')) {
    throw new InputError(
      `Input "tags" has ${quoted(truncate(tag))}; accepted: tag names of up to 128 letters, digits, _ . - (not starting with . or -), newline- or comma-separated.`,
    );
  }
}

function readLifecyclePolicy(read: Reader, environment: InputEnvironment): Inputs['lifecyclePolicy'] {
  const file = read.optional('lifecycle-policy');
  if (file === undefined) return undefined;
  const full = read.path(file);
  if (!environment.isFile(full)) {
    throw new InputError(
      `Input "lifecycle-policy" is ${quoted(file)}, which does not exist; accepted: the path of a lifecycle-policy JSON file.`,
    );
  }
  const text = environment.readText(full);
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `Input "lifecycle-policy" (${oneLine(file)}) is not valid JSON: ${oneLine(toMessage(error))}; accepted: an ECR lifecycle policy document.`,
    );
  }
  const rules = (policy as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new InputError(
      `Input "lifecycle-policy" (${oneLine(file)}) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.`,
    );
  }
  return { path: full, text };
}

/** The ignore file a run reads: the input's (which must exist), or the default one when it exists. */
function ignoreFileToRead(read: Reader, environment: Pick<InputEnvironment, 'isFile'>) {
  const given = read.optional('ignore-file');
  const file = given ?? DEFAULT_IGNORE_FILE;
  const full = read.path(file);
  return given === undefined && !environment.isFile(full) ? undefined : { file, full };
}

function readIgnoreFile(read: Reader, environment: InputEnvironment): Inputs['ignoreFile'] {
  const target = ignoreFileToRead(read, environment);
  if (target === undefined) return undefined;
  const { file, full } = target;
  if (!environment.isFile(full)) {
    throw new InputError(
      `Input "ignore-file" is ${quoted(file)}, which does not exist; accepted: the path of a YAML list of {id, reason, expires?}.`,
    );
  }
  try {
    return { path: full, entries: parseIgnoreFile(environment.readText(full), (text) => environment.parseYaml(text)) };
  } catch (error) {
    throw new InputError(
      `Input "ignore-file" (${oneLine(file)}) ${oneLine(toMessage(error))}; accepted: a YAML list of {id, reason, expires: YYYY-MM-DD}.`,
    );
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The action's inputs, from the runner. */
export async function readInputs(): Promise<Inputs> {
  const get: InputSource = (name) => core.getInput(name);
  const files = {
    env: process.env,
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    readText: (file: string) => readFileSync(file, 'utf8'),
    isFile: (file: string) => existsSync(file) && statSync(file).isFile(),
    isDirectory: (file: string) => existsSync(file) && statSync(file).isDirectory(),
  };
  // `yaml` is about a sixth of what the main phase loads: it is loaded only for a run with an
  // ignore file or an images list to read (a missing file is then reported by parseInputs as usual).
  const reader = new Reader(get, files);
  const needsYaml =
    ignoreFileToRead(reader, files) !== undefined ||
    reader.optional('images') !== undefined ||
    reader.optional('images-file') !== undefined;
  const parseYaml = !needsYaml
    ? () => {
        throw new Error('internal: the YAML parser was not loaded');
      }
    : (await import('yaml')).parse;
  const inputs = parseInputs(get, { ...files, parseYaml: (text) => parseYaml(text), bake: (args) => dockerBake(args, files.cwd) });
  if (inputs.githubToken !== '') core.setSecret(inputs.githubToken);
  return inputs;
}

/** `docker buildx bake <args>` (bake-file's --print and --list), before anything is built: its output. */
function dockerBake(args: string[], cwd: string): string {
  try {
    return execFileSync('docker', ['buildx', 'bake', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stderr?: unknown; code?: unknown; message?: string };
    if (failed.code === 'ENOENT') throw new Error('docker is not installed (not on PATH)', { cause: error });
    const stderr = typeof failed.stderr === 'string' ? failed.stderr : '';
    throw new Error(stderr.trim() !== '' ? stderr : (failed.message ?? String(error)), { cause: error });
  }
}
