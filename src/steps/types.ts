// The pipeline's shared types: what the phases (src/steps/*) take and fill in, and what the
// pipeline reaches the world through. Types only; this file imports nothing above it.
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Inspector2Client } from '@aws-sdk/client-inspector2';
import type { AttestedImage } from '../attest/push.js';
import type { RegistryLogin } from '../ecr/auth.js';
import type { ExistingImage, ImageRef, Manifest } from '../ecr/images.js';
import type { EventFacts } from '../github/event.js';
import type { RiskStep } from '../inspector/risk-step.js';
import type { ImageFacts, ImagePolicy } from '../gate/rules/types.js';
import type { ImageVerdict } from '../gate/verdict.js';
import type { ImageSignatures } from '../gate/signing.js';
import type { ImageSpec, Inputs } from '../inputs/types.js';
import type { ReportAttestations, ReportKeySignatures } from '../report/model.js';
import type { PlatformScan } from '../shared/finding.js';
import type { PlatformManifest } from '../shared/manifest.js';
import type { RepositoryInfo } from '../shared/tag-mutability.js';
import type { KmsClient } from '../sign/kms.js';
import type { KmsKeyRef } from '../sign/kms-key.js';
import type { TagPlan } from '../tags/plan.js';
import type { Runner } from '../util/exec.js';

export type EcrClient = Pick<ECRClient, 'send'>;

/**
 * What the pipeline reaches the world through, besides @actions/core: the ECR client, the
 * commands it runs (docker), and time. The runner calls run() with none of them; a unit test
 * passes fakes (as actions/typescript-action's template tests its main.ts).
 */
export interface Dependencies {
  createClient(region: string): Promise<EcrClient>;
  run: Runner;
  clock: { now(): number };
  /** Resolves after `ms`; when it honours `signal`, no timer outlives a wait (src/util/sleep.ts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the poller's jitter. */
  random(): number;
  /** The KMS client for signing: awskms://… (src/sign/kms.ts); by default built when a key signs. */
  createKmsClient?: (region: string, key: KmsKeyRef) => Promise<KmsClient>;
  /** Amazon Inspector's client (epss-threshold); by default built on first use. */
  createInspectorClient?: () => Promise<Pick<Inspector2Client, 'send'>>;
}

/** Where the step is, for the failure summary: the phase it was in, and whether its report was written. */
export interface Progress {
  phase: string;
  published: boolean;
}

/** The step as every phase sees it. */
export interface Step {
  inputs: Inputs;
  facts: EventFacts;
  deps: Dependencies;
  progress: Progress;
  /** The action's temporary directory (buildx's metadata files, the report). */
  tempDir: string;
  workspace: string;
}

/** The builder, asked at most once and only when something needs it (src/steps/builder.ts). */
export interface Builder {
  /** Starts `docker buildx inspect` now (if not yet), so that it overlaps other work. */
  start(): void;
  /** The driver and default platform; never rejects. */
  info(): Promise<{ driver?: string; platform: string }>;
  /** The builder's default platform, for a single-platform image that did not name one. */
  platform(): Promise<string>;
}

/** After the login: the ECR client and the registry's credentials, for the phases that talk to it. */
export interface Session {
  client: EcrClient;
  login: RegistryLogin;
  builder: Builder;
}

/** The candidate image: the SHA tag's existing image reused (skip-existing), or a fresh build. */
export interface Candidate {
  digest: string;
  mediaType?: string;
  /** Platform of a single-platform build, when buildx said. */
  platform?: string;
  /** The build was skipped because the SHA tag already pointed at an image. */
  reused: boolean;
  /** attestations: referrers: the image without its attestations, and the attestations pushed beside it. */
  attested?: AttestedImage;
  /** A fresh build: buildx's metadata (its provenance and build checks, for the policy); none for a reused image. */
  metadata?: Record<string, unknown>;
}

/** One image of the step, filled in as the phases run (a step of one image has one). */
export interface ImageRun {
  spec: ImageSpec;
  /** registry/repository */
  image: string;
  ref: ImageRef;
  repository: RepositoryInfo;
  plan: TagPlan;
  /** The SHA tag's image, looked up while docker logs in. */
  existing?: Promise<ExistingImage | undefined>;
  candidate?: Candidate;
  /** The candidate's manifest (the one ECR serves under its digest), read once when needed. */
  manifest?: () => Promise<Manifest>;
  platforms?: PlatformManifest[];
  /** Undefined when neither sbom nor provenance is asked for. */
  attestations?: ReportAttestations;
  scanned?: ScannedImage;
  /** ECR's managed signatures, as awaited (src/steps/signing.ts); undefined when none were. */
  signatures?: ImageSignatures;
  /** Its signatures by a key (signing: awskms://…, src/steps/sign.ts); undefined when no key signs. */
  keySignatures?: ReportKeySignatures;
  /** The policy's rules judged on what was pushed (src/steps/policy.ts), and the facts they read. */
  policy?: { facts: ImageFacts; result: ImagePolicy };
  /** Promotion's outcome: tags written (or already there), tags held back and why. */
  promoted?: { written: string[]; heldBack: Array<{ tag: string; reason: string }> };
}

/** An image's scan and its verdict. */
export interface ScannedImage {
  scans: PlatformScan[];
  verdict: ImageVerdict;
  risk: RiskStep;
}
