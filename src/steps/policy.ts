// Phase: the policy (rules on how the image is built), for every image of the step. Its facts are
// read from what was really pushed, while ECR scans: each platform manifest's layers (size) and
// image config (user, health check) from the registry, the base images and build checks from
// buildx's metadata file (BuildKit's provenance and warnings), the SBOM beside the image, and
// what each base's tag names today (its own registry). Then each image's rules are judged
// (src/gate/rules/evaluate.ts, pure), and, once the scan's log group is done, logged: one line a
// rule, build checks as annotations on their Dockerfile lines.
//
// Reading never fails the step: a fact that cannot be read is "no data" with the reason.
import * as core from '../util/actions-core.js';
import * as path from 'node:path';
import { evaluatePolicy } from '../gate/rules/evaluate.js';
import type {
  BaseImage,
  BuildCheck,
  ImageFacts,
  Known,
  PlatformFacts,
  PolicyConfig,
  RuleResult,
  SbomPackage,
} from '../gate/rules/types.js';
import { statements as statementLayers } from '../attest/layout.js';
import { packagesFromSbom } from '../attest/sbom.js';
import { DEFAULT_SBOM_GENERATOR } from '../buildx/argv.js';
import { basesFromMetadata, basesFromProvenance, provenanceMode } from '../buildx/provenance.js';
import { buildChecksFromMetadata } from '../buildx/warnings.js';
import { manifestReader, type Manifest } from '../ecr/images.js';
import { toMessage } from '../util/errors.js';
import { labelFor } from './label.js';
import type { ImageRun, Session, Step } from './types.js';

/** What buildx must write into its metadata file for the rules that are on. */
export function metadataNeeded(rules: PolicyConfig): { provenance: boolean; warnings: boolean } {
  return {
    provenance: rules['base-images'].level !== 'off' || rules['base-fresh'].level !== 'off',
    warnings: rules['build-checks'].level !== 'off',
  };
}

/**
 * Loads the modules that read the policy's facts (the registry's client, the tag look-up) while
 * buildx builds, when this process only waits: not after the push, where the facts are read.
 */
export function preloadPolicyReaders(rules: PolicyConfig): void {
  if (policyOff(rules)) return;
  void import('../attest/registry.js').catch(() => undefined);
  if (rules['base-fresh'].level !== 'off') void import('../attest/tag-lookup.js').catch(() => undefined);
}

/** Every rule off: nothing to read. */
export function policyOff(rules: PolicyConfig): boolean {
  return Object.values(rules).every((rule) => rule.level === 'off');
}

/**
 * Reads every image's facts and judges its rules (image.policy); logs nothing, so that it runs
 * beside the scan's log group. Never rejects.
 */
export async function judgePolicies(step: Step, session: Session, images: ImageRun[]): Promise<void> {
  const rules = step.inputs.policy.rules;
  const tags = new TagCache(session);
  await Promise.all(
    images.map(async (image) => {
      let facts: ImageFacts;
      try {
        facts = policyOff(rules) ? { buildChecks: unknown('off'), platforms: [] } : await imageFacts(step, session, image, tags);
      } catch (error) {
        // Whatever went wrong is every rule's "no data", with the reason: never a pass, never a crash.
        facts = nothingKnown(image, `the policy's facts could not be read: ${toMessage(error).split('\n')[0]}`);
      }
      image.policy = { facts, result: evaluatePolicy(rules, facts) };
    }),
  );
}

/** The policy's log: one line a rule that is on, build checks as annotations at their lines. */
export async function logPolicies(step: Step, images: ImageRun[]): Promise<void> {
  if (policyOff(step.inputs.policy.rules)) return;
  await core.group('Policy', async () => {
    for (const image of images) {
      if (!image.policy) continue;
      const say = labelFor(step.inputs, image);
      for (const result of image.policy.result.results) {
        if (result.verdict === 'off') continue;
        const line = say(`${MARK[result.verdict]} ${result.rule}: ${result.verdict === 'no-data' ? 'no data: ' : ''}${result.reason}`);
        // Build checks are annotated one by one, at their lines; a rule that warns, or cannot
        // tell, is a warning of its own (never a silent pass); a failing one the step's error names.
        if (result.rule === 'build-checks' && result.findings.length > 0) {
          core.info(line);
          annotate(result, say);
        } else if (
          result.verdict === 'warn' ||
          (result.verdict === 'no-data' && !(result.rule === 'build-checks' && image.candidate?.reused))
        ) {
          // A reused image's build ran in an earlier run, which reported its checks.
          core.warning(`Policy: ${line}`);
        } else core.info(line);
      }
    }
  });
}

const MARK: Record<RuleResult['verdict'], string> = { pass: '✓', warn: '⚠', fail: '✗', 'no-data': '?', off: '-' };

/** Each build check, as build-push-action shows them: an annotation on the Dockerfile's line. */
function annotate(result: RuleResult, say: (message: string) => string): void {
  const level = result.level === 'fail' ? core.error : core.warning;
  for (const finding of result.findings) {
    level(say(finding.message), {
      title: `Build check${finding.id ? ` ${finding.id}` : ''}`,
      ...(finding.file ? { file: finding.file } : {}),
      ...(finding.line ? { startLine: finding.line, endLine: finding.endLine ?? finding.line } : {}),
    });
  }
}

/** Facts of which nothing is known, and why. */
function nothingKnown(image: ImageRun, why: string): ImageFacts {
  return {
    buildChecks: unknown(why),
    platforms: (image.platforms ?? []).map((p) => ({
      platform: p.platform,
      digest: p.digest,
      user: unknown(why),
      healthcheck: unknown(why),
      layersBytes: unknown(why),
      bases: unknown(why),
      baseTagsNow: unknown(why),
      sbom: unknown(why),
      attestations: unknown(why),
    })),
  };
}

const unknown = <T>(why: string): Known<T> => ({ known: false, why });
const known = <T>(value: T): Known<T> => ({ known: true, value });

/** A fact read once for every platform that needs it; a failure is "no data" with the reason. */
async function read<T>(what: string, get: () => Promise<T>): Promise<Known<T>> {
  try {
    return known(await get());
  } catch (error) {
    return unknown(`${what} could not be read: ${toMessage(error).split('\n')[0]}`);
  }
}

async function imageFacts(step: Step, session: Session, image: ImageRun, tags: TagCache): Promise<ImageFacts> {
  const { inputs, workspace } = step;
  const rules = inputs.policy.rules;
  const { candidate, platforms } = image;
  if (!candidate || !platforms) throw new Error(`internal: ${image.spec.name} has no candidate image to judge`);
  const metadata = candidate.metadata;
  const reusedWhy = `the image was reused (skip-existing: ${candidate.digest}), and the build that made it left nothing this run can read`;

  const dockerfile = path.relative(workspace, path.resolve(workspace, image.spec.file)) || image.spec.file;
  let buildChecks: Known<BuildCheck[]>;
  if (rules['build-checks'].level === 'off') buildChecks = unknown('off');
  else if (!metadata) buildChecks = unknown(reusedWhy);
  else {
    const checks = buildChecksFromMetadata(metadata, dockerfile.split(path.sep).join('/'));
    buildChecks = checks
      ? known(checks)
      : unknown('buildx wrote no build checks into its metadata file (buildx 0.15 or later writes them)');
  }

  const needs = {
    config: rules['non-root'].level !== 'off' || rules.healthcheck.level !== 'off',
    bases: metadataNeeded(rules).provenance,
    fresh: rules['base-fresh'].level !== 'off',
    sbom: rules.licenses.level !== 'off',
  };
  const needsManifests = needs.config || rules['max-size'].level !== 'off';
  // Everything below is read at once: the registry's client loads while the manifests are asked
  // for, and each platform's config, base tags and SBOM are read side by side.
  const registry = registryOf(session);
  const manifests: Promise<Known<Manifest[]>> = needsManifests
    ? read('the platform manifests', () => manifestsOf(session, image, platforms))
    : Promise.resolve(unknown('off'));
  // BuildKit runs the SBOM generator as an image of the build: a tool, not a base.
  const tools = inputs.sbom ? [inputs.sbomGenerator ?? DEFAULT_SBOM_GENERATOR] : [];
  const bases = needs.bases ? basesByPlatform(metadata, tools, reusedWhy) : undefined;
  const single = platforms.length === 1;
  const statements = new Statements(session, image);
  // A reused image: its bases from the provenance pushed beside it, when there is one.
  const reusedBases = async (platform: string): Promise<Known<BaseImage[]>> => {
    if (!image.attestations?.list.some((a) => a.kind === 'provenance' && a.platform === platform)) return unknown(reusedWhy);
    return read('the provenance', async () => basesFromProvenance(await statements.predicate(platform, 'provenance'), tools));
  };

  const platformFacts = platforms.map(async (platform, i): Promise<PlatformFacts> => {
    const manifest = manifests.then((all): Known<ParsedManifest> => (all.known ? parseManifest(all.value[i]!) : all));
    const config = (async (): Promise<Known<ImageConfig>> => {
      if (!needs.config) return unknown('off');
      const parsed = await manifest;
      if (!parsed.known) return parsed;
      const client = await registry;
      return read('the image config', async () => parseConfig(await client.getBlob(image.ref.repositoryName, parsed.value.config)));
    })();
    const platformBases = (async (): Promise<Known<BaseImage[]>> =>
      !bases ? unknown('off') : metadata ? bases(platform.platform, single) : reusedBases(platform.platform))();
    const baseTagsNow = (async (): Promise<PlatformFacts['baseTagsNow']> => {
      if (!needs.fresh) return unknown('off');
      const named = await platformBases;
      return named.known ? known(await tags.lookUp(named.value)) : named;
    })();
    const [parsed, imageConfig, baseImages, tagsNow, sbom, attestations] = await Promise.all([
      manifest,
      config,
      platformBases,
      baseTagsNow,
      needs.sbom ? sbomOf(step, image, statements, platform.platform) : unknown<SbomPackage[]>('off'),
      attestationsOf(step, image, statements, platform.platform),
    ]);
    return {
      platform: platform.platform,
      digest: platform.digest,
      user: imageConfig.known ? known(imageConfig.value.user) : imageConfig,
      healthcheck: imageConfig.known ? known(imageConfig.value.healthcheck) : imageConfig,
      layersBytes: parsed.known ? known(parsed.value.layersBytes) : parsed,
      bases: baseImages,
      baseTagsNow: tagsNow,
      sbom,
      attestations,
    };
  });
  return { buildChecks, platforms: await Promise.all(platformFacts) };
}

/** Each platform image's manifest: a single-platform image's is the one the step read already. */
async function manifestsOf(session: Session, image: ImageRun, platforms: ReadonlyArray<{ digest: string }>): Promise<Manifest[]> {
  if (platforms.length === 1 && platforms[0]!.digest === image.candidate?.digest && image.manifest) return [await image.manifest()];
  return manifestReader(session.client, image.ref).getMany(platforms.map((p) => p.digest));
}

interface ParsedManifest {
  config: string;
  layersBytes: number;
}

function parseManifest(manifest: Manifest): Known<ParsedManifest> {
  try {
    const parsed = JSON.parse(manifest.text) as { config?: { digest?: unknown }; layers?: Array<{ size?: unknown }> };
    if (typeof parsed.config?.digest !== 'string') return unknown(`the manifest ${manifest.digest} names no image config`);
    const layersBytes = (parsed.layers ?? []).reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
    return known({ config: parsed.config.digest, layersBytes });
  } catch {
    return unknown(`the manifest ${manifest.digest} is not JSON`);
  }
}

interface ImageConfig {
  user: string;
  healthcheck: boolean;
}

function parseConfig(text: string): ImageConfig {
  const parsed = JSON.parse(text) as { config?: { User?: unknown; Healthcheck?: { Test?: unknown } } };
  const test = parsed.config?.Healthcheck?.Test;
  return {
    user: typeof parsed.config?.User === 'string' ? parsed.config.User : '',
    // HEALTHCHECK NONE is ["NONE"]: no health check (it turns off the base image's).
    healthcheck: Array.isArray(test) && test.length > 0 && test[0] !== 'NONE',
  };
}

/** Each platform's bases from buildx's provenance; a single-platform build's is the unsuffixed key. */
function basesByPlatform(metadata: Record<string, unknown> | undefined, tools: string[], reusedWhy: string) {
  if (!metadata) return () => unknown<BaseImage[]>(reusedWhy);
  const entries = basesFromMetadata(metadata, tools);
  if (!entries) {
    return () => unknown<BaseImage[]>('buildx wrote no provenance into its metadata file (BUILDX_METADATA_PROVENANCE was disabled?)');
  }
  return (platform: string, single: boolean): Known<BaseImage[]> => {
    const entry = entries.find((e) => e.platform === platform) ?? (single || entries.length === 1 ? entries[0] : undefined);
    return entry ? known(entry.bases) : unknown(`buildx's provenance has nothing for ${platform}`);
  };
}

/** The attestations beside (or inside) a platform image, as the attestations phase listed them. */
async function attestationsOf(
  step: Step,
  image: ImageRun,
  statements: Statements,
  platform: string,
): Promise<PlatformFacts['attestations']> {
  const { inputs } = step;
  const listed = image.attestations;
  const reused = image.candidate?.reused === true;
  if (!listed) {
    // Neither asked for: a fresh build has none; a reused image's were not listed.
    return reused ? unknown("sbom and provenance are off, so the reused image's attestations were not listed") : known([]);
  }
  const asked = inputs.provenance.includes('mode=max') ? 'max' : 'min';
  // A reused image's provenance says its own mode (read only when the rule asks for max).
  const modeOf = async (): Promise<'max' | 'min' | undefined> => {
    if (!reused) return asked;
    if (inputs.policy.rules.attestations.provenance !== 'max') return undefined;
    try {
      return provenanceMode(await statements.predicate(platform, 'provenance'));
    } catch {
      return undefined;
    }
  };
  const list: Array<{ kind: 'sbom' | 'provenance'; mode?: 'min' | 'max' }> = [];
  for (const a of listed.list.filter((a) => a.platform === platform)) {
    const mode = a.kind === 'provenance' ? await modeOf() : undefined;
    list.push(mode ? { kind: a.kind, mode } : { kind: a.kind });
  }
  return known(list);
}

/** The SBOM beside a platform image → its packages. */
async function sbomOf(step: Step, image: ImageRun, statements: Statements, platform: string): Promise<Known<SbomPackage[]>> {
  if (!step.inputs.sbom && !image.candidate?.reused) return unknown('the image has no SBOM: the licenses rule needs sbom: true');
  if (!image.attestations?.list.some((a) => a.kind === 'sbom' && a.platform === platform)) {
    return unknown(`no SBOM was found beside the ${platform} image`);
  }
  return read('the SBOM', async () => packagesFromSbom(await statements.text(platform, 'sbom')));
}

/** An image's attestations' in-toto statements, each read once (its manifest, then its layer). */
class Statements {
  private readonly texts = new Map<string, Promise<string>>();
  constructor(
    private readonly session: Session,
    private readonly image: ImageRun,
  ) {}

  text(platform: string, kind: 'sbom' | 'provenance'): Promise<string> {
    const key = `${platform} ${kind}`;
    let text = this.texts.get(key);
    if (!text) {
      text = this.read(platform, kind);
      this.texts.set(key, text);
    }
    return text;
  }

  async predicate(platform: string, kind: 'sbom' | 'provenance'): Promise<unknown> {
    return (JSON.parse(await this.text(platform, kind)) as { predicate?: unknown }).predicate;
  }

  private async read(platform: string, kind: 'sbom' | 'provenance'): Promise<string> {
    const { image, session } = this;
    const attestation = image.attestations?.list.find((a) => a.kind === kind && a.platform === platform);
    if (!attestation) throw new Error(`no ${kind} beside the ${platform} image`);
    const manifest = await manifestReader(session.client, image.ref).get(attestation.digest);
    const layer = statementLayers(manifest.text).find((statement) => statement.kind === kind)?.layer;
    if (!layer) throw new Error(`the attestation ${attestation.digest} holds no ${kind} statement`);
    return (await registryOf(session)).getBlob(image.ref.repositoryName, layer.digest);
  }
}

/** The registry's client, loaded on first use. */
async function registryOf(session: Session) {
  const { Registry } = await import('../attest/registry.js');
  return new Registry(session.login);
}

/** Each base tag asked of its registry once a step, whatever images and platforms share it. */
class TagCache {
  private readonly asked = new Map<string, Promise<{ digest: string } | { why: string }>>();
  constructor(private readonly session: Session) {}

  async lookUp(bases: BaseImage[]): Promise<Array<{ base: BaseImage; digestNow?: string; why?: string }>> {
    const named = bases.filter((base) => base.tag !== undefined);
    return Promise.all(
      named.map(async (base) => {
        const key = `${base.repository}:${base.tag}`;
        let answer = this.asked.get(key);
        if (!answer) {
          answer = import('../attest/tag-lookup.js').then(({ lookUpTag }) => lookUpTag(base.repository, base.tag!, this.session.login));
          this.asked.set(key, answer);
        }
        const found = await answer;
        return 'digest' in found ? { base, digestNow: found.digest } : { base, why: found.why };
      }),
    );
  }
}
