// The ECR stand-in's admin API (JSON over HTTP under /_admin) and the registry's push
// notifications (POST /_registry/events). See test/stack/README.md for the contract.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, parseJsonBody, sendJson } from '../common/http.ts';
import { EcrError } from './errors.ts';
import type { Input } from './input.ts';
import {
  KEY_OPERATIONS,
  KEY_SPECS,
  type KeySpec,
  type KeyUsage,
  type KmsKey,
  type KmsKeyScenario,
  type KmsKeys,
  aliasArn,
} from './kms-keys.ts';
import {
  type CallScenario,
  DEFAULT_ACCOUNT,
  type RegistrySettings,
  type Repository,
  type Scenario,
  SIGNING_OPERATIONS,
  type SigningScenario,
} from './model.ts';
import { newRepository } from './ops-repositories.ts';
import { MANIFEST_TYPES, type RegistryClient } from './registry-client.ts';
import type { Scanner } from './scans.ts';
import { parseSigningConfiguration } from './signing.ts';
import type { Store } from './store.ts';

const SCENARIO_FIELDS: Record<keyof Scenario, string> = {
  scanOnPush: 'boolean',
  scanType: 'string',
  scanDelayMs: 'number',
  neverCompletes: 'boolean',
  finalStatus: 'string',
  finalDescription: 'string',
  notFoundMs: 'number',
  pushDelayMs: 'number',
  pageSize: 'number',
  findings: 'string',
  enhancedSettleReads: 'number',
  throttle: 'object',
  faults: 'object',
  hangMs: 'object',
  latencyMs: 'number',
  startScanLimitExceeded: 'boolean',
  inspector: 'object',
  signing: 'object',
};
const SIGNING_FIELDS: Record<string, string> = {
  delayMs: 'number',
  failed: 'object',
  never: 'boolean',
  denied: 'boolean',
  digests: 'string',
};
const SIGNING_DIGESTS = ['index', 'platforms', 'both'];
const INSPECTOR_FIELDS: Record<string, string> = { accessDenied: 'boolean', fault: 'boolean', pageSize: 'number' };
const CALL_RULE_FIELDS = new Set(['throttle', 'faults', 'hangMs', 'latencyMs']);
const REPOSITORY_FIELDS = [
  'registryId',
  'scanOnPush',
  'imageScanningConfiguration',
  'imageTagMutability',
  'imageTagMutabilityExclusionFilters',
  'exclusions',
  'encryptionConfiguration',
  'lifecyclePolicyText',
  'scenario',
];

const KMS_KEY_FIELDS = ['spec', 'usage', 'alias', 'account', 'region', 'description', 'signingAlgorithms', 'scenario'];

class AdminError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Checks a scenario strictly, so a typo in a test fails loudly instead of being ignored. */
export function parseScenario(value: unknown, onlyCallRules = false): Scenario {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new AdminError(400, 'scenario must be an object');
  for (const [key, v] of Object.entries(value)) {
    const type = SCENARIO_FIELDS[key as keyof Scenario];
    if (!type || (onlyCallRules && !CALL_RULE_FIELDS.has(key))) {
      throw new AdminError(400, `unknown scenario field '${key}' (known: ${Object.keys(SCENARIO_FIELDS).join(', ')})`);
    }
    if (typeof v !== type || v === null) throw new AdminError(400, `scenario.${key} must be a ${type}`);
  }
  const s = value as Scenario;
  if (s.scanType !== undefined && s.scanType !== 'BASIC' && s.scanType !== 'ENHANCED') {
    throw new AdminError(400, "scenario.scanType must be 'BASIC' or 'ENHANCED'");
  }
  for (const [key, v] of Object.entries(s.inspector ?? {})) {
    const type = INSPECTOR_FIELDS[key];
    if (!type) throw new AdminError(400, `unknown scenario.inspector field '${key}' (known: ${Object.keys(INSPECTOR_FIELDS).join(', ')})`);
    if (typeof v !== type) throw new AdminError(400, `scenario.inspector.${key} must be a ${type}`);
  }
  if (s.signing !== undefined) parseSigningScenario(s.signing, 'scenario.signing');
  if (s.hangMs && typeof s.hangMs.ms !== 'number') throw new AdminError(400, 'scenario.hangMs.ms must be a number');
  if (s.hangMs && s.hangMs.after !== undefined && typeof s.hangMs.after !== 'boolean') {
    throw new AdminError(400, 'scenario.hangMs.after must be a boolean');
  }
  if (s.latencyMs !== undefined && !(s.latencyMs >= 0 && s.latencyMs <= 60_000)) {
    throw new AdminError(400, 'scenario.latencyMs must be a number of ms from 0 to 60000');
  }
  for (const rule of [s.throttle, s.faults, s.hangMs]) {
    if (rule?.operations !== undefined && !Array.isArray(rule.operations)) {
      throw new AdminError(400, "a rule's operations must be a list of operation names");
    }
  }
  return s;
}

/** A repository's `signing` scenario (or a registry's, where only `denied` is allowed). */
function parseSigningScenario(value: unknown, where: string, only?: string[]): SigningScenario {
  if (!isObject(value)) throw new AdminError(400, `${where} must be an object`);
  const known = only ?? Object.keys(SIGNING_FIELDS);
  for (const [key, v] of Object.entries(value)) {
    const type = SIGNING_FIELDS[key];
    if (!type || !known.includes(key)) throw new AdminError(400, `unknown ${where} field '${key}' (known: ${known.join(', ')})`);
    const ok =
      key === 'denied'
        ? typeof v === 'boolean' || (Array.isArray(v) && v.every((op) => SIGNING_OPERATIONS.includes(op)))
        : typeof v === type;
    if (!ok || v === null) {
      throw new AdminError(
        400,
        key === 'denied'
          ? `${where}.denied must be true/false or a list of ${SIGNING_OPERATIONS.join(', ')}`
          : `${where}.${key} must be a ${type}`,
      );
    }
  }
  const s = value as SigningScenario;
  if (s.delayMs !== undefined && !(s.delayMs >= 0)) throw new AdminError(400, `${where}.delayMs must be a number of ms >= 0`);
  if (s.digests !== undefined && !SIGNING_DIGESTS.includes(s.digests)) {
    throw new AdminError(400, `${where}.digests must be one of ${SIGNING_DIGESTS.join(', ')}`);
  }
  if (s.failed !== undefined) {
    const f = s.failed as unknown as Record<string, unknown>;
    const unknown = Object.keys(f).filter((k) => !['code', 'reason', 'signingProfileArn'].includes(k));
    if (unknown.length > 0 || typeof f.code !== 'string' || typeof f.reason !== 'string') {
      throw new AdminError(400, `${where}.failed must be {code: string, reason: string, signingProfileArn?: string}`);
    }
    if (f.signingProfileArn !== undefined && typeof f.signingProfileArn !== 'string') {
      throw new AdminError(400, `${where}.failed.signingProfileArn must be a string`);
    }
  }
  return s;
}

/** A KMS key's scenario: `denied` operations, `disabled`, and the call rules of a repository scenario. */
function parseKmsKeyScenario(value: unknown): KmsKeyScenario {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new AdminError(400, 'a KMS key scenario must be an object');
  const { denied, disabled, ...rules } = value;
  const known = ['denied', 'disabled', ...CALL_RULE_FIELDS];
  const unknown = Object.keys(rules).filter((key) => !CALL_RULE_FIELDS.has(key));
  if (unknown.length > 0) throw new AdminError(400, `unknown KMS key scenario field(s) ${unknown.join(', ')} (known: ${known.join(', ')})`);
  if (denied !== undefined && !(Array.isArray(denied) && denied.every((op) => KEY_OPERATIONS.includes(op as string)))) {
    throw new AdminError(400, `scenario.denied must be a list of ${KEY_OPERATIONS.join(', ')}`);
  }
  if (disabled !== undefined && typeof disabled !== 'boolean') throw new AdminError(400, 'scenario.disabled must be a boolean');
  return {
    ...(parseScenario(rules, true) as CallScenario),
    ...(denied === undefined ? {} : { denied: denied as string[] }),
    ...(disabled === undefined ? {} : { disabled }),
  };
}

export class EcrAdmin {
  private readonly store: Store;
  private readonly registry: RegistryClient;
  private readonly scanner: Scanner;
  private readonly kms: KmsKeys;
  private readonly startedAt = Date.now();

  constructor(store: Store, registry: RegistryClient, scanner: Scanner, kms: KmsKeys) {
    this.store = store;
    this.registry = registry;
    this.scanner = scanner;
    this.kms = kms;
  }

  async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '');
    try {
      const out = await this.route(method, path, url.searchParams, body);
      sendJson(res, out.status ?? 200, out.body);
    } catch (err) {
      const status = err instanceof AdminError ? err.status : err instanceof EcrError ? 400 : 500;
      const type = err instanceof EcrError ? err.type : undefined;
      sendJson(res, status, { error: (err as Error).message, ...(type ? { type } : {}) });
    }
  }

  private async route(method: string, path: string, q: URLSearchParams, body: Buffer): Promise<{ status?: number; body: unknown }> {
    const repoPrefix = '/_admin/repositories/';
    if (path.startsWith(repoPrefix) || (path === '/_admin/repositories' && q.has('name'))) {
      const name = q.get('name') ?? path.slice(repoPrefix.length).split('/').map(decodeURIComponent).join('/');
      if (method === 'PUT') return this.putRepository(name, json(body));
      if (method === 'GET') return { body: await this.repositoryState(this.mustGet(name)) };
      if (method === 'DELETE') return { body: await this.deleteRepository(name, q.get('keepImages') === '1') };
    }
    const registryPrefix = '/_admin/registries/';
    if (path.startsWith(registryPrefix)) {
      const id = decodeURIComponent(path.slice(registryPrefix.length));
      if (method === 'PUT') return this.putRegistry(id, json(body));
      if (method === 'DELETE') return { body: { registryId: id, deleted: this.store.registries.delete(id) } };
    }
    const signingPrefix = '/_admin/signing/';
    if (path.startsWith(signingPrefix)) {
      const id = decodeURIComponent(path.slice(signingPrefix.length));
      if (!/^[0-9]{12}$/.test(id)) throw new AdminError(400, 'a registry id is 12 digits');
      if (method === 'PUT') {
        const existed = this.store.signingConfigurations.has(id);
        this.store.signingConfigurations.set(id, parseSigningConfiguration(json(body), 'body'));
        return { status: existed ? 200 : 201, body: { registryId: id, signingConfiguration: this.store.signingConfigurations.get(id) } };
      }
      if (method === 'GET') {
        const config = this.store.signingConfigurations.get(id);
        if (!config) throw new AdminError(404, `no signing configuration for registry '${id}'`);
        return { body: { registryId: id, signingConfiguration: config } };
      }
      if (method === 'DELETE') return { body: { registryId: id, deleted: this.store.signingConfigurations.delete(id) } };
    }
    const kmsPrefix = '/_admin/kms/keys/';
    if (path.startsWith(kmsPrefix)) {
      const [id, rest, ...more] = path.slice(kmsPrefix.length).split('/');
      const key = this.kms.byIdOrArn(decodeURIComponent(id ?? ''));
      if (more.length === 0 && (rest === undefined || rest === 'scenario')) {
        if (!key) throw new AdminError(404, `no KMS key '${decodeURIComponent(id ?? '')}'`);
        if (method === 'GET' && rest === undefined) return { body: this.kmsKeyState(key) };
        if (method === 'PUT' && rest === 'scenario') {
          key.scenario = parseKmsKeyScenario(json(body));
          return { body: this.kmsKeyState(key) };
        }
      }
    }
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /_admin/health':
        return {
          body: {
            ok: true,
            service: 'ecr-standin',
            registry: (await this.registry.ping()) ? 'ok' : 'unreachable',
            uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
            repositories: this.store.repositories.size,
          },
        };
      case 'POST /_admin/reset':
        this.store.reset();
        this.scanner.forget();
        return { body: { reset: true } };
      case 'GET /_admin/repositories': {
        const repositories = [];
        for (const repo of this.store.repositories.values()) repositories.push(await this.repositoryState(repo));
        return { body: { repositories } };
      }
      case 'GET /_admin/calls':
        return { body: { calls: filterByQuery(this.store.calls, q, ['repository', 'operation', 'error', 'keyId']) } };
      case 'DELETE /_admin/calls':
        this.store.calls = [];
        return { body: { cleared: true } };
      case 'GET /_admin/pushes':
        return {
          body: {
            pushes: filterByQuery(this.store.pushes, q, ['repository', 'tag', 'digest']).map((p) => ({
              ...p,
              timeIso: new Date(p.time).toISOString(),
            })),
          },
        };
      case 'GET /_admin/scans':
        return { body: { scans: await this.scanStates(q.get('repository') ?? undefined) } };
      case 'GET /_admin/registries':
        return {
          body: {
            registries: Object.fromEntries(
              [...this.store.registries].map(([id, settings]) => [id, { ...settings, scenarioRuleUses: this.ruleUses(settings.scenario) }]),
            ),
          },
        };
      case 'GET /_admin/signing':
        return { body: { signingConfigurations: Object.fromEntries(this.store.signingConfigurations) } };
      case 'GET /_admin/scenario':
        return { body: this.store.globalScenario };
      case 'PUT /_admin/scenario':
        this.store.globalScenario = parseScenario(json(body), true) as CallScenario;
        return { body: this.store.globalScenario };
      case 'POST /_admin/kms/keys':
        return { body: this.createKmsKey(json(body)) };
      case 'GET /_admin/kms/keys':
        return { body: { keys: [...this.kms.keys.values()].map((key) => this.kmsKeyState(key)) } };
      case 'POST /_registry/events':
        return { body: this.recordEvents(json(body)) };
    }
    throw new AdminError(404, `no admin route ${route}`);
  }

  private mustGet(name: string): Repository {
    const repo = this.store.repositories.get(name);
    if (!repo) throw new AdminError(404, `no repository '${name}'`);
    return repo;
  }

  /** Creates or replaces a repository's settings and scenario; what ECR recorded about its images stays. */
  private putRepository(name: string, settings: unknown) {
    if (!isObject(settings)) throw new AdminError(400, 'body must be a JSON object');
    const unknown = Object.keys(settings).filter((k) => !REPOSITORY_FIELDS.includes(k));
    if (unknown.length > 0) {
      throw new AdminError(400, `unknown repository field(s) ${unknown.join(', ')} (known: ${REPOSITORY_FIELDS.join(', ')})`);
    }
    const { scenario, registryId, exclusions, ...rest } = settings as Input & {
      scenario?: unknown;
      registryId?: unknown;
      exclusions?: unknown;
    };
    // Shorthand: "exclusions": ["latest", "dev-*"] for WILDCARD exclusion filters.
    if (Array.isArray(exclusions)) {
      rest.imageTagMutabilityExclusionFilters = exclusions.map((filter) => ({ filterType: 'WILDCARD', filter: String(filter) }));
    }
    const existing = this.store.repositories.get(name);
    const repo = newRepository(
      name,
      rest,
      typeof registryId === 'string' ? registryId : DEFAULT_ACCOUNT,
      existing?.createdAt ?? Date.now(),
      parseScenario(scenario),
    );
    this.store.repositories.set(name, repo);
    return { status: existing ? 200 : 201, body: { name, created: !existing, repository: repo } };
  }

  /** Settings for one registry id: a proxyEndpoint override and call rules, for calls naming it. */
  private putRegistry(id: string, settings: unknown) {
    if (!/^[0-9]{12}$/.test(id)) throw new AdminError(400, 'a registry id is 12 digits');
    if (!isObject(settings)) throw new AdminError(400, 'body must be a JSON object');
    const unknown = Object.keys(settings).filter((k) => !['proxyEndpoint', 'scenario', 'signing'].includes(k));
    if (unknown.length > 0)
      throw new AdminError(400, `unknown registry field(s) ${unknown.join(', ')} (known: proxyEndpoint, scenario, signing)`);
    const { proxyEndpoint } = settings;
    if (proxyEndpoint !== undefined && (typeof proxyEndpoint !== 'string' || !/^https?:\/\/[^/\s]+\/?$/.test(proxyEndpoint))) {
      throw new AdminError(400, 'proxyEndpoint must be a URL like http://127.0.0.1:15010');
    }
    const registry: RegistrySettings = {
      ...(proxyEndpoint === undefined ? {} : { proxyEndpoint: proxyEndpoint.replace(/\/$/, '') }),
      scenario: parseScenario(settings.scenario, true) as CallScenario,
      ...(settings.signing === undefined ? {} : { signing: parseSigningScenario(settings.signing, 'signing', ['denied']) }),
    };
    const existed = this.store.registries.has(id);
    this.store.registries.set(id, registry);
    return { status: existed ? 200 : 201, body: { registryId: id, ...registry } };
  }

  /** A KMS key with a real key pair (POST /_admin/kms/keys), and its alias if asked for. */
  private createKmsKey(options: unknown) {
    if (!isObject(options)) throw new AdminError(400, 'body must be a JSON object');
    const unknown = Object.keys(options).filter((k) => !KMS_KEY_FIELDS.includes(k));
    if (unknown.length > 0)
      throw new AdminError(400, `unknown KMS key field(s) ${unknown.join(', ')} (known: ${KMS_KEY_FIELDS.join(', ')})`);
    const { spec, usage, alias, account, region, description, signingAlgorithms, scenario } = options;
    if (spec !== undefined && !KEY_SPECS.includes(spec as KeySpec))
      throw new AdminError(400, `spec must be one of ${KEY_SPECS.join(', ')}`);
    if (usage !== undefined && !['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC'].includes(usage as string)) {
      throw new AdminError(400, 'usage must be SIGN_VERIFY, ENCRYPT_DECRYPT or GENERATE_VERIFY_MAC');
    }
    if (alias !== undefined && (typeof alias !== 'string' || !/^alias\/[a-zA-Z0-9/_-]+$/.test(alias) || alias.startsWith('alias/aws/'))) {
      throw new AdminError(400, "alias must be 'alias/<name>' (letters, digits, /, _ and -; not alias/aws/…)");
    }
    if (account !== undefined && (typeof account !== 'string' || !/^[0-9]{12}$/.test(account))) {
      throw new AdminError(400, 'account must be 12 digits');
    }
    if (region !== undefined && (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region))) {
      throw new AdminError(400, 'region must be a region name such as us-east-1');
    }
    if (description !== undefined && typeof description !== 'string') throw new AdminError(400, 'description must be a string');
    if (signingAlgorithms !== undefined && !(Array.isArray(signingAlgorithms) && signingAlgorithms.every((a) => typeof a === 'string'))) {
      throw new AdminError(400, 'signingAlgorithms must be a list of signing algorithm names');
    }
    const key = this.kms.create({
      ...(spec === undefined ? {} : { spec: spec as KeySpec }),
      ...(usage === undefined ? {} : { usage: usage as KeyUsage }),
      ...(account === undefined ? {} : { account }),
      ...(region === undefined ? {} : { region }),
      ...(description === undefined ? {} : { description }),
      ...(signingAlgorithms === undefined ? {} : { signingAlgorithms: signingAlgorithms as string[] }),
      scenario: parseKmsKeyScenario(scenario),
    });
    // An alias already in use moves to the new key (a re-run's key takes its fixed alias over).
    if (alias !== undefined) this.kms.setAlias(alias, key);
    const publicKeyPem = key.publicKey?.export({ type: 'spki', format: 'pem' }).toString();
    return {
      keyId: key.keyId,
      arn: key.arn,
      ...(alias === undefined ? {} : { aliasArn: aliasArn(key.region, key.account, alias) }),
      ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
      spec: key.spec,
      keyUsage: key.usage,
      signingAlgorithms: key.signingAlgorithms,
    };
  }

  private kmsKeyState(key: KmsKey) {
    const publicKeyPem = key.publicKey?.export({ type: 'spki', format: 'pem' }).toString();
    const aliases = this.kms.aliasesOf(key);
    return {
      keyId: key.keyId,
      arn: key.arn,
      account: key.account,
      region: key.region,
      spec: key.spec,
      keyUsage: key.usage,
      signingAlgorithms: key.signingAlgorithms,
      description: key.description,
      aliases,
      aliasArns: aliases.map((alias) => aliasArn(key.region, key.account, alias)),
      ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
      signCount: key.signCount,
      createdAtIso: new Date(key.createdAt).toISOString(),
      scenario: key.scenario,
      scenarioRuleUses: this.ruleUses(key.scenario),
    };
  }

  private ruleUses(scenario: CallScenario) {
    return {
      throttle: this.store.ruleUseCount(scenario.throttle),
      faults: this.store.ruleUseCount(scenario.faults),
      hangMs: this.store.ruleUseCount(scenario.hangMs),
    };
  }

  /** Forgets the repository; unless keepImages, also deletes its manifests from the registry. */
  private async deleteRepository(name: string, keepImages: boolean) {
    let manifestsDeleted = 0;
    if (!keepImages) {
      const digests = new Set(this.store.imagesOf(name).map((i) => i.digest));
      for (const digest of (await this.registry.tagsByDigest(name)).keys()) digests.add(digest);
      for (const digest of digests) if (await this.registry.deleteManifest(name, digest)) manifestsDeleted++;
    }
    const existed = this.store.repositories.has(name);
    this.store.forgetRepository(name);
    return { name, deleted: existed, manifestsDeleted };
  }

  private async repositoryState(repo: Repository) {
    const tags = await this.registry.tagsByDigest(repo.name).catch(() => new Map<string, string[]>());
    return {
      ...repo,
      createdAtIso: new Date(repo.createdAt).toISOString(),
      scenarioRuleUses: {
        throttle: this.store.ruleUseCount(repo.scenario.throttle),
        faults: this.store.ruleUseCount(repo.scenario.faults),
        hangMs: this.store.ruleUseCount(repo.scenario.hangMs),
      },
      images: this.store.imagesOf(repo.name).map((i) => ({
        ...i,
        pushedAtIso: new Date(i.pushedAt).toISOString(),
        tags: tags.get(i.digest) ?? [],
      })),
      scans: await this.scanStates(repo.name),
    };
  }

  private async scanStates(repository: string | undefined) {
    const now = Date.now();
    const out = [];
    for (const scan of this.store.scans.values()) {
      if (repository !== undefined && scan.repository !== repository) continue;
      const repo = this.store.repositories.get(scan.repository);
      const view = repo ? await this.scanner.view(repo, scan, now) : undefined;
      out.push({
        ...scan,
        startedAtIso: new Date(scan.startedAt).toISOString(),
        status: view ? (view.hidden ? 'NOT_VISIBLE_YET' : view.status) : 'REPOSITORY_GONE',
        ...(view?.description ? { description: view.description } : {}),
        ...(view?.findings ? { findingCount: view.findings.length } : {}),
      });
    }
    return out;
  }

  /** Registry notifications: records each manifest push (blob events are filtered out). */
  private recordEvents(body: unknown) {
    const events = isObject(body) && Array.isArray(body.events) ? (body.events as Input[]) : [];
    let recorded = 0;
    const receivedAt = Date.now();
    for (const event of events) {
      const target = isObject(event.target) ? event.target : {};
      const mediaType = String(target.mediaType ?? '');
      const repository = String(target.repository ?? '');
      // The tags in the registry changed now, whenever ECR's metadata learns of the image.
      if (repository && event.action === 'push' && MANIFEST_TYPES.includes(mediaType)) {
        if (typeof target.tag === 'string' && target.tag !== '' && typeof target.digest === 'string') {
          this.registry.noteTag(repository, target.tag, target.digest);
        }
      } else if (repository && event.action !== 'pull') {
        this.registry.forget(repository);
      }
      if (event.action !== 'push' || !MANIFEST_TYPES.includes(mediaType)) continue;
      const push = {
        repository,
        digest: String(target.digest ?? ''),
        mediaType,
        ...(typeof target.tag === 'string' && target.tag !== '' ? { tag: target.tag } : {}),
        ...(typeof target.size === 'number' ? { size: target.size } : {}),
        time: Date.parse(String(event.timestamp ?? '')) || receivedAt,
        receivedAt,
      };
      // scenario.pushDelayMs: ECR learns of the push late (ImageNotFoundException meanwhile).
      const delay = this.store.repositories.get(repository)?.scenario.pushDelayMs ?? 0;
      if (delay > 0) {
        setTimeout(() => this.store.recordPush({ ...push, receivedAt: Date.now() }), delay);
      } else {
        this.store.recordPush(push);
      }
      recorded++;
    }
    return { recorded };
  }
}

function json(body: Buffer): unknown {
  try {
    return parseJsonBody(body);
  } catch (err) {
    throw new AdminError(400, `invalid JSON: ${(err as Error).message}`);
  }
}

function filterByQuery<T extends object>(items: T[], q: URLSearchParams, fields: string[]): T[] {
  const since = q.get('since');
  const sinceMs = since ? (/^\d+$/.test(since) ? Number(since) : Date.parse(since)) : undefined;
  return items.filter((item) => {
    const rec = item as Record<string, unknown>;
    for (const field of fields) {
      const want = q.get(field);
      if (want !== null && rec[field] !== want) return false;
    }
    if (sinceMs !== undefined) {
      const t = typeof rec.time === 'number' ? rec.time : Date.parse(String(rec.time));
      if (t < sinceMs) return false;
    }
    return true;
  });
}
