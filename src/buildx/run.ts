// Runs docker buildx build and reads back what it pushed.
import { readFile, writeFile } from 'node:fs/promises';
import { buildxArgs, DEFAULT_SBOM_GENERATOR, type BuildRequest } from './argv.js';
import { bakeArgs, bakeDefinition, type BakeTarget } from './bake.js';
import { parseBakeMetadata, parseBuildMetadata, type BuildResult } from './metadata.js';
import { CommandError, type Runner } from '../util/exec.js';
import { withRetry, type RetrySeams } from '../util/retry.js';
import { actionRetrySeams } from '../util/retry-defaults.js';
import { commandTransientCause } from '../util/transient.js';

/**
 * Runs the build, again when it failed on a transient registry fault (src/util/retry.ts): the
 * same argument list, so the builder's cache makes the next attempt an upload (its steps
 * CACHED) and the same image, digest and tag.
 */
export async function runBuild(request: BuildRequest, run: Runner, seams: RetrySeams = actionRetrySeams): Promise<BuildResult | undefined> {
  await runBuildx(buildxArgs(request), `docker buildx build${describeOutput(request)}`, [request], run, seams);
  if (request.output.kind === 'none') return undefined;
  return parseBuildMetadata(await readFile(request.metadataFile, 'utf8'));
}

/**
 * Several images in one `docker buildx bake` (one BuildKit session: stages they share are built
 * once), again on a transient registry fault as runBuild; each target's result by its name.
 */
export async function runBake(
  targets: BakeTarget[],
  options: {
    file: string;
    metadataFile: string;
    builder?: string;
    absolute: (file: string) => string;
    /** From a bake file: the targets the images use that are not images (Inputs.bakeHelpers). */
    helpers?: Record<string, Record<string, unknown>>;
  },
  run: Runner,
  seams: RetrySeams = actionRetrySeams,
): Promise<Map<string, BuildResult>> {
  const definition = bakeDefinition(targets, options.absolute, options.helpers);
  await writeFile(options.file, `${JSON.stringify(definition, null, 2)}\n`, 'utf8');
  const what = `docker buildx bake of ${targets.map((t) => t.name).join(', ')}`;
  await runBuildx(
    bakeArgs(options),
    what,
    targets.map((t) => t.request),
    run,
    seams,
  );
  const pushed = targets.filter((t) => t.request.output.kind !== 'none').map((t) => t.name);
  return parseBakeMetadata(await readFile(options.metadataFile, 'utf8'), pushed);
}

/** Runs buildx (build or bake) with the retry helper; a failure says why, in the inputs' words where it can. */
async function runBuildx(
  args: string[],
  what: string,
  requests: Array<Pick<BuildRequest, 'sbom' | 'sbomGenerator' | 'output' | 'metadataExtras'>>,
  run: Runner,
  seams: RetrySeams,
): Promise<void> {
  await withRetry({ ...seams, what, transient: commandTransientCause }, async () => {
    const env = metadataEnv(requests);
    const result = await run('docker', args, { ignoreReturnCode: true, ...(env ? { env } : {}) });
    if (result.exitCode === 0) return;
    const generator = requests.find((r) => r.sbom);
    const answered = withRegistryAnswer(lastErrorLine(result.stderr), result.stderr);
    const reason = generator ? withGeneratorHint(generator, answered) : answered;
    const byDigest = requests.find((r) => r.output.kind === 'push-digest')?.output;
    if (byDigest?.kind === 'push-digest' && /push-by-digest is currently not implemented/.test(result.stderr)) {
      if (byDigest.referrers) {
        throw new Error(
          'Input "attestations" is referrers (sbom or provenance is on), which pushes by digest, and the docker driver cannot do that: set "builder" to a docker-container or remote builder (e.g. from docker/setup-buildx-action).',
        );
      }
      throw new Error(
        'Input "sha-tag" is false, which pushes by digest, and the docker driver cannot do that: set "builder" to a docker-container or remote builder (e.g. from docker/setup-buildx-action), or use sha-tag full or short.',
      );
    }
    const command = `docker ${args[0]} ${args[1]}`; // docker buildx build | bake
    throw new CommandError(`${command} failed (exit ${result.exitCode})${reason ? `: ${reason}` : ''}`, reason ?? '');
  });
}

/**
 * The environment that makes buildx write the provenance and the build checks into its metadata
 * file, when a request asks (the whole environment: a child's `env` replaces it); else undefined.
 */
export function metadataEnv(requests: Array<Pick<BuildRequest, 'metadataExtras'>>): Record<string, string> | undefined {
  const provenance = requests.some((r) => r.metadataExtras?.provenance);
  const warnings = requests.some((r) => r.metadataExtras?.warnings);
  if (!provenance && !warnings) return undefined;
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  // `min` (buildx's default, set in case the job's environment disables it) already has the
  // materials, which name the base images; `max` adds the build's whole definition and the
  // Dockerfile's source, which no rule reads, and cost a warm retail-api build ~1-3 s in part
  // 10 of the benchmark (docs/performance.md). A job that asks for max keeps it.
  if (provenance && env.BUILDX_METADATA_PROVENANCE !== 'max') env.BUILDX_METADATA_PROVENANCE = 'min';
  if (warnings) env.BUILDX_METADATA_WARNINGS = 'true';
  return env;
}

function describeOutput(request: BuildRequest): string {
  switch (request.output.kind) {
    case 'push-tag':
      return ` pushing ${request.output.reference}`;
    case 'push-digest':
      return ` pushing ${request.output.name}`;
    case 'none':
      return '';
  }
}

/**
 * BuildKit ends its own retries of a 5xx with `failed to push …: unavailable`; the status the
 * registry answered is on an earlier line (`unexpected status from PUT request to …: 503 …`).
 */
function withRegistryAnswer(reason: string | undefined, stderr: string): string | undefined {
  if (!reason || !/: unavailable\s*$/.test(reason)) return reason;
  const statuses = stderr.match(/unexpected status from \w+ request to \S+: \d{3} [A-Za-z ]+/g);
  const last = statuses?.[statuses.length - 1];
  return last ? `${reason} (the registry answered: ${last.replace(/^.*: (\d{3} [A-Za-z ]+)$/, '$1').trim()})` : reason;
}

/**
 * BuildKit pulls the SBOM generator image like a base image; when it cannot, its line names the
 * image (`failed to resolve source metadata for <image>: … not found`) but not the input.
 */
function withGeneratorHint(request: Pick<BuildRequest, 'sbom' | 'sbomGenerator'>, reason: string | undefined): string | undefined {
  if (!request.sbom || !reason) return reason;
  const generator = request.sbomGenerator ?? DEFAULT_SBOM_GENERATOR;
  const named = reason.includes(generator) || (!request.sbomGenerator && /buildkit-syft-scanner/.test(reason));
  if (!named || !/resolve|pull|not found|unauthorized|denied|no such host|manifest unknown/i.test(reason)) return reason;
  return `${reason} (the SBOM generator image could not be pulled: set "sbom-generator" to an image reference the builder can pull, e.g. a copy in your own registry)`;
}

/** The line of buildx's output that says what went wrong (it ends with `ERROR: …`). */
export function lastErrorLine(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = [...lines].reverse().find((line) => /^ERROR:|error:/i.test(line));
  return (error ?? lines[lines.length - 1])?.replace(/^ERROR:\s*/, '');
}

export interface BuilderInfo {
  /** The driver (`docker`, `docker-container`, `remote`, `kubernetes`), when buildx said. */
  driver?: string;
  /** Its default platform, for a single-platform build that did not name one. */
  platform: string;
}

/** One `docker buildx inspect`: the builder's driver and default platform. */
export async function inspectBuilder(builder: string | undefined, run: Runner): Promise<BuilderInfo> {
  const args = ['buildx', 'inspect', ...(builder ? [builder] : [])];
  const result = await run('docker', args, { silent: true, ignoreReturnCode: true });
  const lines = result.stdout.split('\n');
  const line = lines.find((l) => /^\s*Platforms:/.test(l));
  const first = line
    ?.replace(/^\s*Platforms:\s*/, '')
    .split(',')[0]
    ?.replace('*', '')
    .trim();
  // The builder's own Driver line comes first; node sections have no such line.
  const driver = lines.map((l) => /^Driver:\s*(\S+)/.exec(l)?.[1]).find(Boolean);
  return { driver, platform: first || 'linux/amd64' };
}

/** The builder's default platform, for a single-platform build that did not name one. */
export async function builderPlatform(builder: string | undefined, run: Runner): Promise<string> {
  return (await inspectBuilder(builder, run)).platform;
}
