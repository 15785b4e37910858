// Pure: event facts + inputs → which tags this run writes. The build pushes only the
// candidate (the SHA tag); everything else is a promotion written after the gate passes.
// semver's parts, not its index: the index also loads ranges and every other function (~80 KB
// the main phase would compile at every start).
import SemVer from 'semver/classes/semver.js';
import gt from 'semver/functions/gt.js';
import gte from 'semver/functions/gte.js';
import prerelease from 'semver/functions/prerelease.js';
import valid from 'semver/functions/valid.js';
import { InputError, oneLine, quoted } from '../util/errors.js';

/** The event as the tags see it: the commit, and the release when the event is one. */
export interface TagEvent {
  sha: string;
  release?: { tag: string; prerelease: boolean };
}

/** `latest`: auto (a stable release that is the highest), true (every run), false (never). */
export type LatestMode = 'auto' | 'true' | 'false';

/** The inputs that decide the tags of one image. */
export interface TagInputs {
  shaTag: 'full' | 'short' | 'false';
  releaseTags: 'auto' | 'none';
  latest: LatestMode;
  /** Extra tags: bare names, or full references to this image. */
  tags: string[];
  /** The image's repository, which a full reference in `tags` must name. */
  repository: string;
}

export type PromotionKind = 'extra' | 'release' | 'minor' | 'major' | 'latest';

export interface Promotion {
  tag: string;
  kind: PromotionKind;
}

export interface TagPlan {
  /** The SHA tag the build pushes; undefined when `sha-tag` is false (pushed by digest). */
  candidate?: string;
  /** The release's version when the release is semver (build metadata dropped). */
  version?: string;
  /** Tags written after the gate, in this order. Floating ones are still subject to `moveFloatingTags`. */
  promotions: Promotion[];
}

const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const HEX40 = /^[0-9a-f]{40}$/;

export function isValidDockerTag(tag: string): boolean {
  return DOCKER_TAG.test(tag);
}

/** A release tag (`v1.2.3`, `1.2.3-rc.1`, `v1.2.3+build.5`) as a semver version, or undefined. */
export function releaseVersion(tag: string): SemVer | undefined {
  const stripped = tag.replace(/^v/, '');
  if (!valid(stripped)) return undefined;
  return new SemVer(stripped);
}

/**
 * `tags` entries are bare names; full references to this image (as docker/metadata-action
 * prints them) are reduced to their tag. A reference to another image is an error.
 */
export function reduceExtraTag(entry: string, image: string | undefined, repository: string): string {
  const slash = entry.lastIndexOf('/');
  const colon = entry.lastIndexOf(':');
  if (colon <= slash) {
    if (entry.includes('/')) {
      throw new InputError(
        `Input "tags" has ${quoted(entry)}, a reference without a tag; accepted: tag names, or image:tag references to ${image ?? repository}.`,
      );
    }
    return entry;
  }
  const name = entry.slice(0, colon);
  const tag = entry.slice(colon + 1);
  // Before login the registry host is not known yet: accept any registry, check it after.
  const sameImage = image === undefined ? name === repository || name.endsWith(`/${repository}`) : name === image || name === repository;
  if (!sameImage) {
    throw new InputError(
      `Input "tags" has ${quoted(entry)}, which names another image (${oneLine(name)}); accepted: tag names, or references to ${image ?? repository} (the tags of other images are written by their own step).`,
    );
  }
  return tag;
}

export function computeTagPlan(
  facts: TagEvent,
  inputs: TagInputs,
  /** registry/repository; undefined before login. */
  image: string | undefined,
): TagPlan {
  const plan: TagPlan = { promotions: [] };
  if (inputs.shaTag !== 'false') {
    const sha = facts.sha.toLowerCase();
    if (!HEX40.test(sha)) {
      throw new InputError(
        `Input "sha-tag" is "${inputs.shaTag}" but the commit SHA is ${sha === '' ? 'not set (GITHUB_SHA is empty)' : `${quoted(sha)}, not 40 hex digits`}; accepted: sha-tag false, or a run with a commit.`,
      );
    }
    plan.candidate = inputs.shaTag === 'full' ? sha : sha.slice(0, 7);
  }

  const seen = new Set<string>(plan.candidate ? [plan.candidate] : []);
  const add = (tag: string, kind: PromotionKind): void => {
    // A semver prerelease can be longer than the 128 characters Docker allows in a tag.
    if (seen.has(tag) || !isValidDockerTag(tag)) return;
    seen.add(tag);
    plan.promotions.push({ tag, kind });
  };

  const release = facts.release;
  if (release && inputs.releaseTags === 'auto') {
    const version = releaseVersion(release.tag);
    if (version) {
      plan.version = version.version;
      const prerelease = release.prerelease || version.prerelease.length > 0;
      add(version.version, 'release');
      if (!prerelease) {
        add(`${version.major}.${version.minor}`, 'minor');
        add(`${version.major}`, 'major');
      }
    } else if (isValidDockerTag(release.tag)) {
      add(release.tag, 'release'); // a non-semver tag is pushed as it is
    }
  }

  for (const entry of inputs.tags) add(reduceExtraTag(entry, image, inputs.repository), 'extra');

  const stableRelease = plan.version !== undefined && prerelease(plan.version) === null && release?.prerelease !== true;
  if (inputs.latest === 'true' || (inputs.latest === 'auto' && stableRelease)) add('latest', 'latest');
  return plan;
}

/** A floating tag: `1.2`, `1`, and `latest` when it is `auto` (it follows the highest release). */
function isFloating(promotion: Promotion, latestMode: LatestMode): boolean {
  return promotion.kind === 'minor' || promotion.kind === 'major' || (promotion.kind === 'latest' && latestMode === 'auto');
}

/** Whether release `v` is in the line of a floating tag of `current` (`1.2`: 1.2.x; `1`: 1.x; `latest`: any). */
function inLine(kind: PromotionKind, current: SemVer, v: SemVer): boolean {
  return kind === 'minor' ? v.major === current.major && v.minor === current.minor : kind === 'major' ? v.major === current.major : true;
}

/** The highest stable release in a floating tag's line (`1.2`: 1.2.x; `1`: 1.x; `latest`: any), and the tag that names it. */
function highestInLine(kind: PromotionKind, current: SemVer, tags: readonly string[]): { version: SemVer; tag: string } | undefined {
  let highest: { version: SemVer; tag: string } | undefined;
  for (const tag of tags) {
    const v = releaseVersion(tag);
    if (v === undefined || v.prerelease.length > 0) continue;
    if (inLine(kind, current, v) && (highest === undefined || gt(v, highest.version))) highest = { version: v, tag };
  }
  return highest;
}

/**
 * Floating tags move only forward: `1.2`, `1` and `latest` (auto) are written only when this
 * release is the highest stable version in their line among the tags already in the repository.
 * Returns the promotions to write and the ones held back, each with the reason.
 */
export function moveFloatingTags(
  plan: TagPlan,
  existingTags: readonly string[],
  latestMode: LatestMode,
): { write: Promotion[]; held: Array<Promotion & { reason: string }> } {
  const write: Promotion[] = [];
  const held: Array<Promotion & { reason: string }> = [];
  const version = plan.version;
  for (const promotion of plan.promotions) {
    if (!isFloating(promotion, latestMode) || version === undefined) {
      write.push(promotion);
      continue;
    }
    const current = new SemVer(version);
    const highest = highestInLine(promotion.kind, current, existingTags);
    if (highest === undefined || gte(current, highest.version)) write.push(promotion);
    else held.push({ ...promotion, reason: `${highest.version.version} is newer` });
  }
  return { write, held };
}

/** A floating tag to point back at a higher release's image. */
export interface FloatingRepair {
  tag: string;
  /** The higher release's own tag, e.g. `1.5.1`; this run's own release tag when `overtook` is set. */
  release: string;
  /** The digest that release's tag names: where the floating tag goes. */
  digest: string;
  /**
   * Set when this run's release is the highest in the tag's line and a lower release's write
   * landed after this run's: that release's tag (e.g. `1.5.0`). The tag goes back to this image.
   */
  overtook?: string;
}

/**
 * Floating tags move forward only, whatever overlaps: after this run wrote its floating tags
 * (`written`), the repository's tags are read again (`tagsNow`: tag → digest). A floating tag of
 * this run's whose line now holds a higher release (written meanwhile by an overlapping run,
 * whose own floating tags this run's writes may have overtaken) goes back to that release's
 * image, unless it is there already. When this run's release is the highest in the line and the
 * tag now names a lower release's image (that run's write landed after this one's, and its own
 * read missed this release), it comes back to this image (`digest`). Two runs that both repair
 * end at the same tags.
 */
export function floatingRepairs(
  plan: TagPlan,
  written: readonly string[],
  tagsNow: ReadonlyMap<string, string>,
  latestMode: LatestMode,
  /** This run's image. */
  digest?: string,
): FloatingRepair[] {
  if (plan.version === undefined) return [];
  const current = new SemVer(plan.version);
  const own = plan.promotions.find((p) => p.kind === 'release')?.tag;
  const tags = [...tagsNow.keys()];
  const repairs: FloatingRepair[] = [];
  for (const promotion of plan.promotions) {
    if (!isFloating(promotion, latestMode) || !written.includes(promotion.tag)) continue;
    const now = tagsNow.get(promotion.tag);
    const highest = highestInLine(promotion.kind, current, tags);
    if (highest !== undefined && gt(highest.version, current)) {
      const target = tagsNow.get(highest.tag);
      if (target !== undefined && now !== target) repairs.push({ tag: promotion.tag, release: highest.tag, digest: target });
      continue;
    }
    if (digest === undefined || own === undefined || now === undefined || now === digest) continue;
    const lower = lowerReleaseNaming(now, promotion.kind, current, tagsNow);
    if (lower !== undefined) repairs.push({ tag: promotion.tag, release: own, digest, overtook: lower });
  }
  return repairs;
}

/** A stable release tag in the line below `current` that names `digest`, if any. */
function lowerReleaseNaming(
  digest: string,
  kind: PromotionKind,
  current: SemVer,
  tagsNow: ReadonlyMap<string, string>,
): string | undefined {
  for (const [tag, named] of tagsNow) {
    if (named !== digest) continue;
    const v = releaseVersion(tag);
    if (v === undefined || v.prerelease.length > 0 || !gt(current, v) || !inLine(kind, current, v)) continue;
    return tag;
  }
  return undefined;
}
