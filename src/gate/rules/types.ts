// The policy: rules on how the image is built, besides its CVEs. Types only; the parser is
// config.ts, each rule's evaluator a file of its own, evaluate.ts runs them over an image.
import type { BaseImage, BuildCheck, SbomPackage } from '../../shared/build-facts.js';

export type { BaseImage, BuildCheck, SbomPackage };

/** Every rule, in the order the reports list them. */
export const RULE_NAMES = [
  'non-root',
  'healthcheck',
  'base-images',
  'base-fresh',
  'max-size',
  'licenses',
  'attestations',
  'build-checks',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export const LEVELS = ['off', 'warn', 'fail'] as const;
/** What a rule that finds something does: nothing (off), a warning, or fail the step. */
export type Level = (typeof LEVELS)[number];

/** Each rule's level and parameters, all of them present (defaults filled in). */
export interface PolicyConfig {
  'non-root': { level: Level };
  healthcheck: { level: Level };
  'base-images': {
    level: Level;
    /** Wildcard patterns (`*` any run of characters) a base image's reference must match; empty: any. */
    allowed: string[];
    /** Every base named by digest in the Dockerfile. */
    pinned: boolean;
  };
  'base-fresh': { level: Level };
  'max-size': {
    level: Level;
    /** The compressed size of each platform image (its layers), in MB (10^6 bytes). */
    mb?: number;
  };
  licenses: {
    level: Level;
    /** SPDX licence ids, `*` a wildcard (`GPL-3.0-*`), matched without regard to case. */
    deny: string[];
    /** Package URLs never reported (`pkg:pypi/example`, or with a version; `*` a wildcard). */
    allowPackages: string[];
  };
  attestations: {
    level: Level;
    /** An SBOM beside each platform image (default true). */
    sbom: boolean;
    /** Provenance beside each platform image: any (`min`, the default), with mode=max (`max`), or not required (`false`). */
    provenance: 'min' | 'max' | false;
  };
  'build-checks': { level: Level };
}

/** Where the policy came from, for the report and messages. */
export interface PolicySource {
  /** The policy file read (workspace-relative), when there was one. */
  file?: string;
  /** The `policy` input was set. */
  inline: boolean;
}

export interface Policy {
  rules: PolicyConfig;
  source: PolicySource;
}

/** A rule's outcome for one image (or one platform of it). */
export type RuleVerdict = 'pass' | 'warn' | 'fail' | 'no-data' | 'off';

/** Something a rule found, where it is: a build check at its line, a package, a base image. */
export interface RuleFinding {
  /** One line: what is wrong. */
  message: string;
  /** The platform it was found on; absent when it is the build's (a build check). */
  platform?: string;
  /** A file of the workspace and a line, when the finding has one (build checks). */
  file?: string;
  line?: number;
  endLine?: number;
  /** A link that explains it (a build check's documentation). */
  url?: string;
  /** The rule's own id for it (a build check's name, a licence id). */
  id?: string;
}

/** One rule's outcome for one image: the worst over its platforms. */
export interface RuleResult {
  rule: RuleName;
  level: Level;
  verdict: RuleVerdict;
  /** One sentence: why (what failed, or what was checked, or why there is no data). */
  reason: string;
  /** What it found; empty when it passed. */
  findings: RuleFinding[];
}

/** The policy's outcome for one image. */
export interface ImagePolicy {
  /** Every rule, in RULE_NAMES order (off ones included, as `off`). */
  results: RuleResult[];
  /** A rule at `fail` failed: the image fails, as a blocking CVE fails it. */
  fails: boolean;
}

/** Facts known, or why they are not: every rule shows "no data" with the reason, never a silent pass. */
export type Known<T> = { known: true; value: T } | { known: false; why: string };

/** What the rules read about one platform image. */
export interface PlatformFacts {
  platform: string;
  /** The platform manifest's digest. */
  digest: string;
  /** The image config's default user (`config.User`), '' when unset. */
  user: Known<string>;
  /** The image config has a HEALTHCHECK (and it is not `NONE`). */
  healthcheck: Known<boolean>;
  /** The sum of the manifest's layer sizes (compressed, as pushed). */
  layersBytes: Known<number>;
  /** The bases of the image's final stage and of the stages it copies from. */
  bases: Known<BaseImage[]>;
  /** For each base named by a tag: the digest that tag names today (undefined: could not be read, with why). */
  baseTagsNow: Known<Array<{ base: BaseImage; digestNow?: string; why?: string }>>;
  sbom: Known<SbomPackage[]>;
  /** The attestations beside (or inside) this platform image. */
  attestations: Known<Array<{ kind: 'sbom' | 'provenance'; mode?: 'min' | 'max' }>>;
}

/** What the rules read about one image: its build's checks and its platforms. */
export interface ImageFacts {
  buildChecks: Known<BuildCheck[]>;
  platforms: PlatformFacts[];
}

/** One rule's result on one platform (or on the build), before its level is applied. */
export type Outcome = { ok: true; checked: string } | { ok: false; findings: RuleFinding[] } | { noData: string };
