// The step's inputs as the pipeline reads them: the settings of the step, and the images it
// builds, whichever way the user listed them. One image named by `repository` is a list of one.
import type { BuildSettings } from '../buildx/argv.js';
import type { IgnoreEntry } from '../gate/ignore-file.js';
import type { Policy } from '../gate/rules/types.js';
import type { VexStatement } from '../gate/vex.js';
import type { Threshold } from '../shared/severity.js';
import type { TagMutability } from '../shared/tag-mutability.js';
import type { KmsKeyRef } from '../sign/kms-key.js';

/**
 * How the user listed the images. `repository` (with the build inputs) is one image, whose
 * outputs, reports and comment keep one image's layout; the others are keyed by image name.
 */
export type ImageSource = 'repository' | 'images' | 'images-file' | 'bake-file';

/** What each image of the step builds on its own; everything else of the build is the step's. */
export type ImageBuild = Pick<BuildSettings, 'context' | 'file' | 'target' | 'buildArgs' | 'platforms'>;

/** One image of the step: what it is called, where it goes, how it is built. */
export interface ImageSpec extends ImageBuild {
  /**
   * Its key in the outputs and reports of several images, and its bake target. For one image
   * from `repository`: the repository (one image is built with docker buildx build, never a bake).
   */
  name: string;
  /** The ECR repository it is pushed to. */
  repository: string;
  /**
   * From a bake file: the target as `docker buildx bake --print` resolved it, less what the step
   * decides (tags, output, attest, cache-to); the step's bake keeps the rest (contexts, secrets,
   * ssh, labels, ...).
   */
  bake?: Record<string, unknown>;
}

/** The build settings every image of the step shares. */
export type StepBuildSettings = Omit<BuildSettings, keyof ImageBuild>;

/** Every input, parsed and validated. */
export interface Inputs extends StepBuildSettings {
  source: ImageSource;
  /** The images, in the order the user listed them; one for `repository`. */
  images: ImageSpec[];
  /** With bake-file: the targets the images use (contexts target:<name>) that are not images. */
  bakeHelpers?: Record<string, Record<string, unknown>>;
  registryId?: string;
  awsRegion: string;
  createRepository: boolean;
  tagMutability: TagMutability;
  tagMutabilityExclusions: string[];
  lifecyclePolicy?: { path: string; text: string };
  labels: Array<[string, string]>;
  /** `ecr`: a BuildKit registry cache in each image's repository (src/buildx/cache.ts). */
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
  /**
   * The statements of the OpenVEX documents the `vex` input names (files or globs), in the order
   * read; empty when none. A `not_affected` or `fixed` statement whose product is the image
   * suppresses its vulnerability as an ignore entry does (src/gate/vex.ts).
   */
  vex: VexStatement[];
  /** The rules on how the image is built (policy-file, policy), defaults filled in. */
  policy: Policy;
  onScanIncomplete: 'fail' | 'warn';
  /** ECR managed signing: waited for when the registry's configuration signs the repository (auto), required, or not looked at. */
  signing: 'auto' | 'require' | 'off';
  /** signing: awskms://…: the KMS key that signs each image and its attestations (then signing is off). */
  signingKey?: KmsKeyRef;
  compare: 'base' | 'none';
  gate: 'all' | 'new';
  comment: boolean;
  /** Undefined means the default (`registry/repository` for one image), known only after login. */
  commentKey?: string;
  githubToken: string;
  sarif?: string;
  skipLogout: boolean;
}

/** Where inputs come from: `core.getInput` in the action, a map in tests. */
export type InputSource = (name: string) => string;

/** The files the inputs name, and the environment: the real ones in the action, fakes in tests. */
export interface InputEnvironment {
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against (the workspace). */
  cwd: string;
  readText(file: string): string;
  isFile(file: string): boolean;
  isDirectory(file: string): boolean;
  /**
   * A directory's entries (name, and whether each is a directory), to expand the globs of the
   * `vex` input; a directory that cannot be read has none. Absent: globs match nothing.
   */
  listDirectory?(dir: string): Array<{ name: string; directory: boolean }>;
  /** YAML's parse (the `yaml` package's), for the ignore file, the images list and the policy. */
  parseYaml(text: string): unknown;
}
