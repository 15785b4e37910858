// In-memory state of the ECR stand-in: repositories and their scenarios, the manifests ECR
// "knows" (from push notifications or PutImage), scans, the push log and the call log.
// Registry content itself is not copied here: the registry stays the source of truth.
import type {
  CallRecord,
  CallRule,
  CallScenario,
  ImageRecord,
  PushRecord,
  RegistrySettings,
  Repository,
  ScanRecord,
  SigningConfiguration,
} from './model.ts';
import { matchingProfiles } from './signing.ts';

const MAX_CALLS = 20000;
const MAX_PUSHES = 20000;

export class Store {
  readonly repositories = new Map<string, Repository>();
  /** Keyed by `${repository}@${digest}`. */
  readonly images = new Map<string, ImageRecord>();
  readonly scans = new Map<string, ScanRecord>();
  pushes: PushRecord[] = [];
  calls: CallRecord[] = [];
  globalScenario: CallScenario = {};
  /** Per registry id: a proxyEndpoint override and call rules (PUT /_admin/registries/<id>). */
  readonly registries = new Map<string, RegistrySettings>();
  /** Per registry id: its signing configuration (PutSigningConfiguration). */
  readonly signingConfigurations = new Map<string, SigningConfiguration>();
  /** How often each scenario rule object has fired; a new scenario starts from zero. */
  private ruleUses = new WeakMap<object, number>();

  reset(): void {
    this.repositories.clear();
    this.images.clear();
    this.scans.clear();
    this.pushes = [];
    this.calls = [];
    this.globalScenario = {};
    this.registries.clear();
    this.signingConfigurations.clear();
    this.ruleUses = new WeakMap();
  }

  /** Removes a repository and everything the stand-in recorded about it. */
  forgetRepository(name: string): void {
    this.repositories.delete(name);
    for (const map of [this.images, this.scans]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${name}@`)) map.delete(key);
    }
    this.pushes = this.pushes.filter((p) => p.repository !== name);
  }

  imagesOf(repository: string): ImageRecord[] {
    return [...this.images.values()]
      .filter((i) => i.repository === repository)
      .sort((a, b) => a.pushedAt - b.pushedAt || a.digest.localeCompare(b.digest));
  }

  image(repository: string, digest: string): ImageRecord | undefined {
    return this.images.get(`${repository}@${digest}`);
  }

  scan(repository: string, digest: string): ScanRecord | undefined {
    return this.scans.get(`${repository}@${digest}`);
  }

  /** A manifest push from the registry's notifications. */
  recordPush(push: PushRecord): void {
    this.pushes.push(push);
    if (this.pushes.length > MAX_PUSHES) this.pushes.splice(0, this.pushes.length - MAX_PUSHES);
    this.recordImage(push.repository, push.digest, push.mediaType, push.time);
  }

  /**
   * ECR learns about a manifest (first push, or PutImage). The first time, a repository
   * that scans on push starts a scan, timed from the push, and the registry's signing rules
   * that match the repository then are the profiles that sign it.
   */
  recordImage(repository: string, digest: string, mediaType: string, time: number): ImageRecord {
    const key = `${repository}@${digest}`;
    const existing = this.images.get(key);
    if (existing) return existing;
    const repo = this.repositories.get(repository);
    const profiles = repo ? matchingProfiles(this.signingConfigurations.get(repo.registryId), repository) : [];
    const image: ImageRecord = {
      repository,
      digest,
      mediaType,
      pushedAt: time,
      ...(profiles.length > 0 ? { signingProfiles: profiles } : {}),
    };
    this.images.set(key, image);
    if (repo && scansOnPush(repo)) this.startScan(repository, digest, mediaType, time, 'push');
    return image;
  }

  startScan(repository: string, digest: string, mediaType: string, time: number, trigger: ScanRecord['trigger']): ScanRecord {
    const scan: ScanRecord = { repository, digest, mediaType, startedAt: time, trigger, reads: 0 };
    this.scans.set(`${repository}@${digest}`, scan);
    return scan;
  }

  logCall(call: CallRecord): void {
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  /** True when `rule` applies to `operation` and has uses left; counts the use. */
  takeRule(rule: CallRule | undefined, operation: string): boolean {
    if (!rule) return false;
    if (rule.operations && !rule.operations.includes(operation)) return false;
    const used = this.ruleUses.get(rule) ?? 0;
    if (rule.count !== undefined && used >= rule.count) return false;
    this.ruleUses.set(rule, used + 1);
    return true;
  }

  ruleUseCount(rule: object | undefined): number {
    return rule ? (this.ruleUses.get(rule) ?? 0) : 0;
  }
}

/**
 * Whether pushes start scans: the scenario's scanOnPush wins; enhanced scanning (Inspector)
 * scans every push; basic scanning follows the repository's scanOnPush.
 */
export function scansOnPush(repo: Repository): boolean {
  if (repo.scenario.scanOnPush !== undefined) return repo.scenario.scanOnPush;
  return repo.scenario.scanType === 'ENHANCED' || repo.scanOnPush;
}
