// The ECR stand-in's state types. Times are epoch milliseconds inside the stand-in and
// epoch seconds (JSON numbers) on the wire, as AWS JSON 1.1 sends timestamps.

export const DEFAULT_ACCOUNT = '123456789012';

export type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';
export const TAG_MUTABILITIES: readonly TagMutability[] = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION'];

export interface ExclusionFilter {
  filterType: 'WILDCARD';
  filter: string;
}

export interface ImageId {
  imageDigest?: string;
  imageTag?: string;
}

/** Which API operations a scenario rule applies to (all when omitted) and how many times. */
export interface CallRule {
  operations?: string[];
  /** How many matching calls the rule affects; unlimited when omitted. */
  count?: number;
}

export interface FaultRule extends CallRule {
  /** HTTP status, default 500. */
  status?: number;
  /** Error __type, default ServerException (ECR's modelled 500). */
  type?: string;
  message?: string;
}

export interface HangRule extends CallRule {
  ms: number;
  /**
   * Wait after the call is handled, before it is answered (default: before it is handled): the
   * answer arrives late and tells what was true when the call arrived, the window between a
   * read and the writes decided on it.
   */
  after?: boolean;
}

/** Per-repository test behaviour, set through the admin API. All fields optional. */
export interface Scenario {
  /** Overrides the repository's scanOnPush for starting scans (not what ECR reports). */
  scanOnPush?: boolean;
  scanType?: 'BASIC' | 'ENHANCED';
  /** IN_PROGRESS this long after the scan starts (default 500 ms). */
  scanDelayMs?: number;
  neverCompletes?: boolean;
  /** Status reported instead of COMPLETE/ACTIVE once the delay is over (no findings). */
  finalStatus?: string;
  finalDescription?: string;
  /** ScanNotFoundException for this long after the scan starts (the push, usually). */
  notFoundMs?: number;
  /** ECR records pushes this long after the registry's notification arrives (ImageNotFoundException meanwhile). */
  pushDelayMs?: number;
  /** Cap on findings per DescribeImageScanFindings page, below ECR's own cap. */
  pageSize?: number;
  /** Extra findings for every image: "ID|SEVERITY|package|version|fixedIn;…". */
  findings?: string;
  /** Enhanced: the first N reads after completion see only part of the findings. */
  enhancedSettleReads?: number;
  throttle?: CallRule;
  faults?: FaultRule;
  hangMs?: HangRule;
  /**
   * Every call takes this long, as ECR's own API takes tens of ms where this stand-in takes one:
   * half before the call is handled, half after (a round trip). Off by default; set it to open
   * the windows real latency opens.
   */
  latencyMs?: number;
  /** StartImageScan always answers LimitExceededException. */
  startScanLimitExceeded?: boolean;
  /** Amazon Inspector's ListFindings for this repository's images (POST /findings/list). */
  inspector?: InspectorScenario;
  /** ECR managed signing of this repository's images (DescribeImageSigningStatus). */
  signing?: SigningScenario;
}

/** The signing operations a `denied` scenario may refuse. */
export const SIGNING_OPERATIONS = [
  'GetSigningConfiguration',
  'PutSigningConfiguration',
  'DeleteSigningConfiguration',
  'DescribeImageSigningStatus',
] as const;
export type SigningOperation = (typeof SIGNING_OPERATIONS)[number];

/**
 * How ECR's managed signing of a repository's images goes. The statuses are computed when they
 * are asked for, from the image's push time, so a test may change this after the push.
 */
export interface SigningScenario {
  /** Each status is IN_PROGRESS until this long after the image was pushed (default 0: COMPLETE at once). */
  delayMs?: number;
  /** After delayMs, FAILED with this failureCode and failureReason (for one profile, or all). */
  failed?: { code: string; reason: string; signingProfileArn?: string };
  /** IN_PROGRESS forever. */
  never?: boolean;
  /**
   * AccessDeniedException: true = the step's two read actions (GetSigningConfiguration,
   * DescribeImageSigningStatus), or a list of signing operations. A repository's scenario can only
   * refuse DescribeImageSigningStatus (the only signing operation that names a repository).
   */
  denied?: boolean | SigningOperation[];
  /**
   * Which digests of a multi-platform image get a status (AWS does not document which ECR signs):
   * the index, its platform manifests, or both (default). A manifest no index refers to (a
   * single-platform image) always does.
   */
  digests?: 'index' | 'platforms' | 'both';
}

export interface SigningRepositoryFilter {
  filter: string;
  filterType: 'WILDCARD_MATCH';
}

export interface SigningRule {
  signingProfileArn: string;
  repositoryFilters?: SigningRepositoryFilter[];
}

/** A registry's signing configuration (PutSigningConfiguration). */
export interface SigningConfiguration {
  rules: SigningRule[];
}

export interface InspectorScenario {
  /** Every call → 403 AccessDeniedException (the role lacks inspector2:ListFindings). */
  accessDenied?: boolean;
  /** Every call → 500 InternalServerException. */
  fault?: boolean;
  /** Findings per page, below the caller's maxResults. */
  pageSize?: number;
}

/** The global scenario (PUT /_admin/scenario) holds only the call rules. */
export type CallScenario = Pick<Scenario, 'throttle' | 'faults' | 'hangMs' | 'latencyMs'>;

/**
 * Test settings for one registry id (PUT /_admin/registries/<registryId>), scoped to the calls
 * that name it (`registryId`, or `registryIds` for GetAuthorizationToken), so a test that
 * passes the action a `registry-id` of its own changes nothing for anyone else.
 */
export interface RegistrySettings {
  /** What GetAuthorizationToken returns as `proxyEndpoint` instead of the stack's registry. */
  proxyEndpoint?: string;
  /** Call rules (throttle, faults, hangMs) for calls naming this registry id. */
  scenario: CallScenario;
  /** Signing calls for this registry id (named, or the caller's account): AccessDeniedException. */
  signing?: Pick<SigningScenario, 'denied'>;
}

export interface Repository {
  name: string;
  registryId: string;
  createdAt: number;
  scanOnPush: boolean;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters: ExclusionFilter[];
  encryptionConfiguration: { encryptionType: string; kmsKey?: string };
  lifecyclePolicyText?: string;
  scenario: Scenario;
}

/** One manifest push, from the registry's notifications. */
export interface PushRecord {
  repository: string;
  digest: string;
  mediaType: string;
  tag?: string;
  size?: number;
  /** When the registry says the push happened. */
  time: number;
  /** When the notification reached the stand-in. */
  receivedAt: number;
}

/** A manifest the ECR side knows about (first push notification, or PutImage). */
export interface ImageRecord {
  repository: string;
  digest: string;
  mediaType: string;
  pushedAt: number;
  /**
   * The signing profiles of the registry's signing rules that matched the repository when ECR
   * learned of the image (ECR signs on push; a configuration put later does not sign it).
   */
  signingProfiles?: string[];
}

export interface ScanRecord {
  repository: string;
  digest: string;
  mediaType: string;
  startedAt: number;
  trigger: 'push' | 'StartImageScan';
  /** DescribeImageScanFindings first-page reads after completion (enhancedSettleReads). */
  reads: number;
}

export interface CallRecord {
  time: string;
  requestId: string;
  operation: string;
  repository?: string;
  /** KMS calls: the key's id (uuid) when the KeyId named one, else the KeyId as given. */
  keyId?: string;
  accessKeyId?: string;
  status: number;
  /** The error __type when the call failed. */
  error?: string;
  message?: string;
  durationMs: number;
  request?: unknown;
}
