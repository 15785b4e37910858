// Pure: the step's inputs → its settings and its images, whichever way the user listed them
// (`repository` and the build inputs: a list of one; `images` / `images-file`; `bake-file` +
// `bake-targets`). Every input is validated here, up front, so a bad value stops the step with
// one line naming the input before any AWS or Docker call; each image spec goes through the one
// checker (image-spec.ts). The files the inputs name come through InputEnvironment, and a bake
// file arrives already read (src/inputs/bake-print.ts, I/O): nothing here runs a command.
import { InputError, oneLine, quoted, toMessage } from '../util/errors.js';
import { parseKeyValues } from '../util/lists.js';
import { THRESHOLDS } from '../shared/severity.js';
import { TAG_MUTABILITIES } from '../shared/tag-mutability.js';
import { parseIgnoreFile } from '../gate/ignore-file.js';
import { CACHE_TAG_PREFIX, isCacheTag } from '../buildx/cache.js';
import { bakeRequest, imagesFromBake, type BakePrint, type BakeRequest } from './bake-file.js';
import { checkImageSpec, defaultDockerfile, type ImageChecks } from './image-spec.js';
import { parseImages } from './images-list.js';
import { readPolicy } from './policy.js';
import { readVex } from './vex.js';
import { parseKmsKey } from '../sign/kms-key.js';
import { Reader } from './reader.js';
import type { ImageSource, InputEnvironment, InputSource, Inputs } from './types.js';

const MAX_SCAN_TIMEOUT = 6 * 60 * 60; // a job's own limit: no wait can be longer.
const DEFAULT_IGNORE_FILE = '.ecr-scan-ignore.yml';
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/; // us-east-1, eusc-de-east-1
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
// An image reference: [host[:port]/]path[:tag][@sha256:digest], no commas or spaces (it becomes
// part of buildx's --sbom=generator=… value).
const IMAGE_REFERENCE =
  /^(?:[A-Za-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const SECRET = /^id=[^,=\s]+,(?:env|src)=[^,]+$/;
const VULNERABILITY_ID = /^\S{1,128}$/;
// A probability written as a decimal: 0, 1, 0.1, .05, 1.0 (no exponent, no percent sign).
const PROBABILITY = /^(?:0|1|0?\.\d+|1\.0+)$/;

export function parseInputs(get: InputSource, environment: InputEnvironment, bake?: BakePrint): Inputs {
  const read = new Reader(get, environment);
  const checks = imageChecks(read, environment);
  const listed = listedImages(read, environment, checks);
  const repository = listed.source === 'repository' ? read.required('repository') : '';
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
  const buildArgs = keyValueLines(read, 'build-args').map(([key, value]) => `${key}=${value}`);
  const labels = keyValueLines(read, 'labels');

  const platforms = read.list('platforms');

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

  const build = { context, target: read.optional('target'), buildArgs, platforms };
  const inputs: Inputs = {
    source: listed.source,
    images: [],
    registryId,
    awsRegion,
    createRepository: read.boolean('create-repository', false),
    tagMutability,
    tagMutabilityExclusions,
    lifecyclePolicy,
    labels,
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
    vex: readVex(read, environment),
    policy: readPolicy(read, environment),
    onScanIncomplete: read.oneOf('on-scan-incomplete', ['fail', 'warn'] as const, 'fail', (v) => v.toLowerCase()),
    ...readSigning(read),
    compare: read.oneOf('compare', ['base', 'none'] as const, 'base', (v) => v.toLowerCase()),
    gate: read.oneOf('gate', ['all', 'new'] as const, 'all', (v) => v.toLowerCase()),
    comment: read.boolean('comment', true),
    commentKey: read.optional('comment-key'),
    githubToken: read.text('github-token'),
    sarif: read.optional('sarif'),
    skipLogout: read.boolean('skip-logout', false),
  };

  switch (listed.source) {
    case 'repository': {
      const spec = { name: repository, repository, ...build, file: read.optional('file') ?? defaultDockerfile(context) };
      checkImageSpec(spec, {}, checks);
      inputs.images = [spec];
      break;
    }
    case 'images':
    case 'images-file':
      inputs.images = parseImages(listed.parse(), listed.where, { ...build, file: read.optional('file') }, checks);
      break;
    case 'bake-file': {
      if (bake === undefined) throw new Error('internal: the bake file was not read (docker buildx bake --print)');
      const { images, helpers } = imagesFromBake(listed.request, bake, build, checks);
      inputs.images = images;
      inputs.bakeHelpers = helpers;
      break;
    }
  }
  return inputs;
}

/** How the user listed the images, checked for conflicts; an images list is parsed when asked for. */
export type ListedImages =
  | { source: 'repository' }
  | { source: 'images' | 'images-file'; where: string; parse: () => unknown }
  | { source: 'bake-file'; request: BakeRequest };

/**
 * Which way the images are listed: one of `repository`, `images` / `images-file`, `bake-file` /
 * `bake-targets`; two at once is one line. readInputs asks this first, to read a bake file
 * before parseInputs runs.
 */
export function listedImages(
  read: Reader,
  environment: InputEnvironment,
  checks: ImageChecks = imageChecks(read, environment),
): ListedImages {
  const images = readImagesSource(read, environment);
  const bake = bakeRequest(read.list('bake-file'), read.list('bake-targets'), checks);
  if (images && bake) {
    throw new InputError(
      `Input "${bake.input}" is set together with "${images.input}"; accepted: one way to list the images, an images list or a bake file.`,
    );
  }
  const several = images?.input ?? bake?.input;
  if (several && read.optional('repository') !== undefined) {
    throw new InputError(
      `Input "${several}" is set together with "repository"; accepted: repository for one image, or ${several} (each image names its own repository).`,
    );
  }
  if (images) return { source: images.input, where: images.where, parse: images.parse };
  if (bake) return { source: 'bake-file', request: bake };
  return { source: 'repository' };
}

/** The bake file the inputs ask for, checked, or undefined: what readInputs must read before parsing. */
export function bakeToRead(get: InputSource, environment: InputEnvironment): BakeRequest | undefined {
  const listed = listedImages(new Reader(get, environment), environment);
  return listed.source === 'bake-file' ? listed.request : undefined;
}

function imageChecks(read: Reader, environment: Pick<InputEnvironment, 'isDirectory' | 'isFile'>): ImageChecks {
  return {
    isDirectory: (file) => environment.isDirectory(file),
    isFile: (file) => environment.isFile(file),
    resolve: (file) => read.path(file),
  };
}

/** The `images` input, or the file `images-file` names: where it comes from, and its YAML parsed. */
function readImagesSource(
  read: Reader,
  environment: InputEnvironment,
): { input: Extract<ImageSource, 'images' | 'images-file'>; where: string; parse: () => unknown } | undefined {
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
export function ignoreFileToRead(read: Reader, environment: Pick<InputEnvironment, 'isFile'>) {
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

/**
 * `signing`: ECR's managed signing awaited (auto, require) or not (off), or a KMS key that signs
 * (awskms://…, cosign's form; ECR's managed signing is then not awaited).
 */
function readSigning(read: Reader): Pick<Inputs, 'signing' | 'signingKey'> {
  const raw = read.text('signing');
  if (raw.startsWith('awskms://')) return { signing: 'off', signingKey: parseKmsKey(raw) };
  const modes = ['auto', 'require', 'off'] as const;
  const value = raw === '' ? 'auto' : raw.toLowerCase();
  if (!(modes as readonly string[]).includes(value)) {
    throw new InputError(`Input "signing" is ${quoted(raw)}; accepted: auto, require, off, awskms:///<KMS key id, alias/<name> or ARN>.`);
  }
  return { signing: value as (typeof modes)[number] };
}
