// Signing with a key (src/steps/sign.ts): each digest a tag names and each attestation's statement
// signed as cosign 3 signs and attests, each bundle pushed as a referrer of its digest, on an
// in-memory OCI registry (with and without the referrers API) and a signer holding a real P-256
// key, so that every bundle is checked as `cosign verify --key` would: its signature over the PAE
// of the exact statement bytes, with the public key.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import * as core from '../../__fixtures__/core.js';
import { FakeKms, KEY_ARN, rsaKey } from '../../__fixtures__/kms-client.js';
import { MemoryRegistry, registryModule, sha256 } from '../../__fixtures__/oci-registry.js';
import { imagesInputs, REGISTRY } from '../../__fixtures__/pipeline.js';
import { imageRunOf, stepOf } from '../../__fixtures__/steps.js';
import {
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  IN_TOTO_LAYER,
  OCI_INDEX,
  OCI_MANIFEST,
  PREDICATE_TYPE_ANNOTATION,
  attestationsInManifest,
  mergeReferrersIndex,
  referrerManifests,
  referrersTag,
  type Descriptor,
} from '../../src/attest/layout.js';
import type { KeySignature } from '../../src/report/model.js';
import {
  BUNDLE_MEDIA_TYPE,
  BUNDLE_PREDICATE_ANNOTATION,
  COSIGN_SIGN_PREDICATE,
  bundleText,
  imageSignatureStatement,
  keyHint,
  preAuthEncoding,
  readBundle,
  signatureManifest,
} from '../../src/sign/bundle.js';
import { parseKmsKey } from '../../src/sign/kms-key.js';
import type { Signer } from '../../src/sign/signer.js';
import type { ImageRun, Session } from '../../src/steps/types.js';

const ENDPOINT = `https://${REGISTRY}`;
let registry = new MemoryRegistry();
jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
jest.unstable_mockModule('../../src/attest/registry.js', () =>
  registryModule((endpoint) => {
    if (endpoint !== ENDPOINT) throw new Error(`no registry at ${endpoint}`);
    return registry;
  }),
);
const { signImages } = await import('../../src/steps/sign.js');
const { planKeySigning } = await import('../../src/steps/sign-plan.js');
const { signingFailure } = await import('../../src/steps/signing.js');

beforeEach(() => {
  jest.clearAllMocks();
  registry = new MemoryRegistry();
});

const KEY_NAME = 'awskms:///alias/release';
const SPDX = 'https://spdx.dev/Document';
const SLSA = 'https://slsa.dev/provenance/v1';
const CREATED = '1970-01-01T00:00:00Z';
const session = {
  login: { registry: REGISTRY, endpoint: ENDPOINT, username: 'AWS', password: 'token' },
} as Session;

// The signer: a real P-256 key, signing as KMS's ECDSA_SHA_256 does (over SHA-256 of the PAE).

interface TestSigner {
  signer: Signer;
  publicKey: KeyObject;
  /** The PAEs signed, in order. */
  signed: Buffer[];
}

function keySigner(options: { name?: string; key?: string; refuse?: (pae: Buffer) => Error | undefined } = {}): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signed: Buffer[] = [];
  const signer: Signer = {
    name: options.name ?? KEY_NAME,
    kind: 'kms',
    key: options.key ?? KEY_ARN,
    hint: keyHint(publicKey.export({ format: 'der', type: 'spki' })),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: async (pae) => {
      await Promise.resolve();
      const refused = options.refuse?.(pae);
      if (refused) throw refused;
      signed.push(pae);
      return sign('sha256', pae, { key: privateKey, dsaEncoding: 'der' });
    },
    verify: (pae, signature) => verify('sha256', pae, { key: publicKey, dsaEncoding: 'der' }, signature),
  };
  return { signer, publicKey, signed };
}

// The images, as the build and attestation phases leave them in the registry.

interface Pushed {
  image: ImageRun;
  /** What a tag names: the platform manifest of a single-platform image, else the index. */
  top: Descriptor;
  platforms: Array<{ platform: string; descriptor: Descriptor }>;
  /** `${platform} ${kind}` → the statements' exact bytes. */
  statements: Map<string, Buffer[]>;
  /** The attestations' referrer manifests (attestations: referrers), by subject digest. */
  attestationReferrers: Map<string, Descriptor[]>;
}

function platformManifest(repository: string, platform: string): Descriptor {
  const [os, architecture] = platform.split('/') as [string, string];
  const configText = JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [] } });
  const layerText = `the filesystem of ${repository} for ${platform}`;
  const config = {
    mediaType: 'application/vnd.oci.image.config.v1+json',
    digest: registry.seedBlob(repository, configText),
    size: configText.length,
  };
  const layer = {
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: registry.seedBlob(repository, layerText),
    size: layerText.length,
  };
  const text = JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] }, null, 3);
  const digest = registry.seedManifest(repository, text, OCI_MANIFEST);
  return { mediaType: OCI_MANIFEST, digest, size: Buffer.byteLength(text), platform: { os, architecture } };
}

/** An in-toto statement as BuildKit writes it (indented, a final newline): signed byte for byte. */
function statementOf(predicateType: string, subject: string, platform: string, stage = 'final'): Buffer {
  const [algorithm, hex] = subject.split(':') as [string, string];
  const predicate =
    predicateType === SPDX
      ? { spdxVersion: 'SPDX-2.3', name: `sbom of the ${stage} stage for ${platform}` }
      : { buildType: 'https://mobyproject.org/buildkit@v1', platform };
  return Buffer.from(
    `${JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', predicateType, subject: [{ name: 'pkg:docker/x', digest: { [algorithm]: hex } }], predicate }, null, 2)}\n`,
  );
}

/**
 * An image pushed as the step pushes it: its platform manifests, and per platform an SBOM and a
 * provenance, either beside it as referrer manifests (listed by the referrers API, or by the
 * referrers tag on a registry without one) or inside BuildKit's index.
 */
function pushImage(
  repository: string,
  platformNames: string[],
  storage: 'referrers' | 'index' = 'referrers',
  options: { buildStageSbom?: boolean } = {},
): Pushed {
  const platforms = platformNames.map((platform) => ({ platform, descriptor: platformManifest(repository, platform) }));
  const statements = new Map<string, Buffer[]>();
  const attestationReferrers = new Map<string, Descriptor[]>();
  const list: NonNullable<ImageRun['attestations']>['list'] = [];
  const indexEntries: unknown[] = platforms.map((p) => p.descriptor);
  if (storage === 'referrers') registry.seedBlob(repository, EMPTY_CONFIG_BYTES);
  for (const { platform, descriptor } of platforms) {
    // BUILDKIT_SBOM_SCAN_STAGE: a second SBOM, of the build stage, in the same attestation manifest.
    const kinds = options.buildStageSbom ? (['sbom', 'sbom', 'provenance'] as const) : (['sbom', 'provenance'] as const);
    const layers = kinds.map((kind, i) => {
      const predicateType = kind === 'sbom' ? SPDX : SLSA;
      const statement = statementOf(predicateType, descriptor.digest, platform, kind === 'sbom' && i > 0 ? 'build' : 'final');
      statements.set(`${platform} ${kind}`, [...(statements.get(`${platform} ${kind}`) ?? []), statement]);
      const digest = registry.seedBlob(repository, statement.toString());
      return { mediaType: IN_TOTO_LAYER, digest, size: statement.length, annotations: { [PREDICATE_TYPE_ANNOTATION]: predicateType } };
    });
    const configText = JSON.stringify({ architecture: 'unknown', os: 'unknown' });
    const config = {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: registry.seedBlob(repository, configText),
      size: configText.length,
    };
    const attestationText = JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers }, null, 2);
    const subject = { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
    if (storage === 'index') {
      const digest = registry.seedManifest(repository, attestationText, OCI_MANIFEST);
      indexEntries.push({
        mediaType: OCI_MANIFEST,
        digest,
        size: Buffer.byteLength(attestationText),
        annotations: { 'vnd.docker.reference.digest': descriptor.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { os: 'unknown', architecture: 'unknown' },
      });
      // As src/steps/attestations.ts lists them: one entry per statement.
      list.push(...attestationsInManifest(attestationText, digest, platform));
      continue;
    }
    const referrers = referrerManifests(attestationText, subject, platform, CREATED);
    for (const referrer of referrers) {
      registry.seedManifest(repository, referrer.text, OCI_MANIFEST);
      list.push({ kind: referrer.kind, platform, digest: referrer.digest, predicateType: referrer.predicateType });
    }
    attestationReferrers.set(
      descriptor.digest,
      referrers.map((r) => r.descriptor),
    );
    if (!registry.referrersApi) {
      const tag = mergeReferrersIndex(
        undefined,
        referrers.map((r) => r.descriptor),
      );
      registry.seedManifest(repository, tag.text, OCI_INDEX, referrersTag(descriptor.digest));
    }
  }
  let top: Descriptor;
  let text: string;
  if (platforms.length === 1 && storage === 'referrers') {
    top = { mediaType: OCI_MANIFEST, digest: platforms[0]!.descriptor.digest, size: platforms[0]!.descriptor.size };
    text = registry.manifestText(repository, top.digest)!;
  } else {
    text = JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: indexEntries }, null, 2);
    top = { mediaType: OCI_INDEX, digest: registry.seedManifest(repository, text, OCI_INDEX), size: Buffer.byteLength(text) };
  }
  const image: ImageRun = {
    ...imageRunOf(repository, { name: repository.slice(repository.indexOf('/') + 1) }),
    candidate: { digest: top.digest, mediaType: top.mediaType, reused: false },
    manifest: () => Promise.resolve({ digest: top.digest, text, mediaType: top.mediaType }),
    platforms: platforms.map((p) => ({ platform: p.platform, digest: p.descriptor.digest })),
    attestations: {
      storage: storage === 'index' ? 'index' : registry.referrersApi ? 'referrers-api' : 'referrers-tag',
      list,
      missing: [],
    },
  };
  return { image, top, platforms, statements, attestationReferrers };
}

// What is checked of each signature: as cosign verifies it.

interface ReferrerManifest {
  mediaType: string;
  artifactType: string;
  config: Descriptor;
  layers: Descriptor[];
  subject: Descriptor;
  annotations: Record<string, string>;
}

/**
 * The signature's referrer manifest and bundle in the registry: the subject is the digest signed,
 * the bundle v0.3 carries this key's hint and the exact statement, and its signature verifies over
 * the statement's PAE with the public key.
 */
function expectSigned(repository: string, entry: KeySignature, statement: Buffer | Buffer[], key: TestSigner, subject: Descriptor): Buffer {
  const text = registry.manifestText(repository, entry.referrer);
  expect(text).toBeDefined();
  expect(sha256(text!)).toBe(entry.referrer);
  const manifest = JSON.parse(text!) as ReferrerManifest;
  expect(manifest.mediaType).toBe(OCI_MANIFEST);
  expect(manifest.artifactType).toBe(BUNDLE_MEDIA_TYPE);
  expect(manifest.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  expect(manifest.config.digest).toBe(EMPTY_CONFIG.digest);
  expect(manifest.subject).toEqual({ mediaType: subject.mediaType, size: subject.size, digest: subject.digest });
  expect(manifest.annotations[BUNDLE_PREDICATE_ANNOTATION]).toBe(entry.predicateType);
  expect(manifest.layers).toHaveLength(1);
  expect(manifest.layers[0]!.mediaType).toBe(BUNDLE_MEDIA_TYPE);
  const bundle = readBundle(registry.blob(repository, manifest.layers[0]!.digest)!);
  expect(bundle).toBeDefined();
  expect(bundle!.hint).toBe(key.signer.hint);
  expect(bundle!.payloadType).toBe('application/vnd.in-toto+json');
  const expected = Array.isArray(statement) ? statement : [statement];
  expect(expected.some((s) => s.equals(bundle!.payload))).toBe(true);
  expect(verify('sha256', preAuthEncoding(bundle!.payload), { key: key.publicKey, dsaEncoding: 'der' }, bundle!.signature)).toBe(true);
  return bundle!.payload;
}

/** Each signature in `list` checked against what it should sign. */
function expectAllSigned(pushed: Pushed, list: KeySignature[], key: TestSigner): void {
  const repository = pushed.image.ref.repositoryName;
  for (const entry of list) {
    if (entry.what === 'image') {
      const subject =
        entry.digest === pushed.top.digest ? pushed.top : pushed.platforms.find((p) => p.descriptor.digest === entry.digest)!.descriptor;
      expectSigned(repository, entry, imageSignatureStatement(entry.digest), key, subject);
    } else {
      const subject = pushed.platforms.find((p) => p.platform === entry.platform)!.descriptor;
      expect(entry.digest).toBe(subject.digest);
      expectSigned(repository, entry, pushed.statements.get(`${entry.platform} ${entry.what}`)!, key, subject);
    }
  }
}

/** A list's entries without their referrer digests, sorted, to compare with what is expected. */
function summary(list: KeySignature[]) {
  return list
    .map(({ referrer: _referrer, ...rest }) => rest)
    .sort((a, b) => `${a.digest} ${a.what}`.localeCompare(`${b.digest} ${b.what}`));
}

function sorted<T extends { digest: string; what: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => `${a.digest} ${a.what}`.localeCompare(`${b.digest} ${b.what}`));
}

const oneImage = () => stepOf({ repository: 'shop/api' });

describe('signImages: what is signed', () => {
  test('a single-platform image with an SBOM and a provenance: 3 bundles (the image, the SBOM, the provenance), subject = the platform manifest', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);

    const signatures = pushed.image.keySignatures!;
    expect(signatures).toMatchObject({ kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'signed' });
    expect(signatures.problem).toBeUndefined();
    const digest = pushed.top.digest;
    expect(summary(signatures.list)).toEqual(
      sorted([
        { digest, what: 'image', predicateType: COSIGN_SIGN_PREDICATE, reused: false },
        { digest, what: 'sbom', platform: 'linux/amd64', predicateType: SPDX, reused: false },
        { digest, what: 'provenance', platform: 'linux/amd64', predicateType: SLSA, reused: false },
      ]),
    );
    expectAllSigned(pushed, signatures.list, key);
    expect(key.signed).toHaveLength(3);

    // Pushed as referrers of the platform manifest, beside the attestations' own.
    const referrers = registry.referrersOf('shop/api', digest);
    expect(referrers.map((r) => r.digest).sort()).toEqual(
      [...pushed.attestationReferrers.get(digest)!.map((d) => d.digest), ...signatures.list.map((s) => s.referrer)].sort(),
    );
    expect(referrers.filter((r) => r.artifactType === BUNDLE_MEDIA_TYPE)).toHaveLength(3);
    // The registry took each subject (OCI-Subject): no referrers tag.
    expect(registry.manifestPuts.map((p) => p.reference).sort()).toEqual(signatures.list.map((s) => s.referrer).sort());
    expect(registry.manifestText('shop/api', referrersTag(digest))).toBeUndefined();
    expect(core.info).toHaveBeenCalledWith(
      `Signed with ${KEY_NAME}: signed 1 digest of the image, 1 SBOM, 1 provenance (bundles pushed as referrers).`,
    );
    expect(core.group).toHaveBeenCalledWith(`Sign with ${KEY_NAME}`, expect.any(Function));
  });

  test("the referrer manifests' created annotation is the step clock's time, to the second", async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const step = stepOf({ repository: 'shop/api' }, { deps: { clock: { now: () => Date.UTC(2026, 11, 7, 5, 8, 21, 456) } } });
    await signImages(step, session, [pushed.image], keySigner().signer, false);
    for (const entry of pushed.image.keySignatures!.list) {
      const manifest = registry.manifestJson('shop/api', entry.referrer) as unknown as ReferrerManifest;
      expect(manifest.annotations['org.opencontainers.image.created']).toBe('2026-12-07T05:08:21Z');
    }
  });

  test('an image without attestations: its one digest', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    pushed.image.attestations = undefined;
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    expect(summary(pushed.image.keySignatures!.list)).toEqual([
      { digest: pushed.top.digest, what: 'image', predicateType: COSIGN_SIGN_PREDICATE, reused: false },
    ]);
    expectAllSigned(pushed, pushed.image.keySignatures!.list, key);
    expect(core.info).toHaveBeenCalledWith(`Signed with ${KEY_NAME}: signed 1 digest of the image (bundles pushed as referrers).`);
  });

  test('a multi-platform image: the index and both platform manifests, and each platform its attestations', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);

    const [amd64, arm64] = pushed.platforms.map((p) => p.descriptor.digest) as [string, string];
    const signatures = pushed.image.keySignatures!;
    expect(signatures.outcome).toBe('signed');
    expect(summary(signatures.list)).toEqual(
      sorted([
        { digest: pushed.top.digest, what: 'image', predicateType: COSIGN_SIGN_PREDICATE, reused: false },
        { digest: amd64, what: 'image', platform: 'linux/amd64', predicateType: COSIGN_SIGN_PREDICATE, reused: false },
        { digest: arm64, what: 'image', platform: 'linux/arm64', predicateType: COSIGN_SIGN_PREDICATE, reused: false },
        { digest: amd64, what: 'sbom', platform: 'linux/amd64', predicateType: SPDX, reused: false },
        { digest: amd64, what: 'provenance', platform: 'linux/amd64', predicateType: SLSA, reused: false },
        { digest: arm64, what: 'sbom', platform: 'linux/arm64', predicateType: SPDX, reused: false },
        { digest: arm64, what: 'provenance', platform: 'linux/arm64', predicateType: SLSA, reused: false },
      ]),
    );
    expectAllSigned(pushed, signatures.list, key);
    expect(new Set(signatures.list.map((s) => s.referrer)).size).toBe(7);
    expect(registry.referrersOf('shop/api', pushed.top.digest).map((r) => r.digest)).toEqual([
      signatures.list.find((s) => s.digest === pushed.top.digest)!.referrer,
    ]);
    for (const digest of [amd64, arm64]) {
      expect(registry.referrersOf('shop/api', digest).filter((r) => r.artifactType === BUNDLE_MEDIA_TYPE)).toHaveLength(3);
    }
    expect(core.info).toHaveBeenCalledWith(
      `Signed with ${KEY_NAME}: signed 3 digests of the image, 2 SBOMs, 2 provenances (bundles pushed as referrers).`,
    );
  });

  test("attestations: index: each statement read from BuildKit's attestation manifest by its predicate type", async () => {
    const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64'], 'index');
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const signatures = pushed.image.keySignatures!;
    expect(signatures.outcome).toBe('signed');
    expect(signatures.list).toHaveLength(7);
    expect(
      signatures.list
        .filter((s) => s.what === 'image')
        .map((s) => s.digest)
        .sort(),
    ).toEqual([pushed.top.digest, ...pushed.platforms.map((p) => p.descriptor.digest)].sort());
    expectAllSigned(pushed, signatures.list, key);
  });

  test.each(['index', 'referrers'] as const)(
    'attestations: %s with two SBOMs per platform (BUILDKIT_SBOM_SCAN_STAGE): each statement signed once',
    async (storage) => {
      const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64'], storage, { buildStageSbom: true });
      const key = keySigner();
      await signImages(oneImage(), session, [pushed.image], key.signer, false);
      const signatures = pushed.image.keySignatures!;
      expect(signatures.outcome).toBe('signed');
      // 3 digests of the image; per platform 2 SBOMs and 1 provenance.
      expect(signatures.list.map((s) => s.what).sort()).toEqual(
        ['image', 'image', 'image', 'provenance', 'provenance', 'sbom', 'sbom', 'sbom', 'sbom'].sort(),
      );
      expectAllSigned(pushed, signatures.list, key);
      // Every statement signed, none twice.
      const statements = [...pushed.statements.values()].flat();
      const payloads = signatures.list
        .filter((s) => s.what !== 'image')
        .map((s) => {
          const manifest = registry.manifestJson('shop/api', s.referrer) as unknown as ReferrerManifest;
          return readBundle(registry.blob('shop/api', manifest.layers[0]!.digest)!)!.payload.toString();
        });
      expect(payloads.sort()).toEqual(statements.map((b) => b.toString()).sort());
      expect(key.signed).toHaveLength(3 + statements.length);
    },
  );

  test('an attestation manifest the registry does not have: the image fails, naming it', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const missing = `sha256:${'9'.repeat(64)}`;
    pushed.image.attestations!.list[0] = { ...pushed.image.attestations!.list[0]!, digest: missing };
    await signImages(oneImage(), session, [pushed.image], keySigner().signer, false);
    expect(pushed.image.keySignatures).toMatchObject({ outcome: 'failed', list: [] });
    expect(pushed.image.keySignatures!.problem).toBe(
      `Signing with ${KEY_NAME} failed: the sbom attestation ${missing} for linux/amd64 is not in shop/api`,
    );
    expect(registry.manifestPuts).toEqual([]);
  });

  test('an image with no candidate (not built) is left alone', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    delete pushed.image.candidate;
    await signImages(oneImage(), session, [pushed.image], keySigner().signer, false);
    expect(pushed.image.keySignatures).toBeUndefined();
    expect(registry.manifestPuts).toEqual([]);
  });
});

describe('signImages: a re-run', () => {
  test('every signature by this key is found and kept: reused, nothing signed or pushed again', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const first = pushed.image.keySignatures!.list;
    const puts = registry.manifestPuts.length;
    const blobs = registry.blobPuts.length;
    const signed = key.signed.length;
    jest.clearAllMocks();

    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const again = pushed.image.keySignatures!;
    expect(again.outcome).toBe('signed');
    expect(sorted(again.list)).toEqual(sorted(first.map((s) => ({ ...s, reused: true }))));
    expect(registry.manifestPuts).toHaveLength(puts);
    expect(registry.blobPuts).toHaveLength(blobs);
    expect(key.signed).toHaveLength(signed);
    expect(core.info).toHaveBeenCalledWith(`Signed with ${KEY_NAME}: nothing new to sign; 7 signatures by this key already there.`);
  });

  test('a referrers API that lists no annotations: every bundle is read, and each found', async () => {
    registry = new MemoryRegistry({ referrersAnnotations: false });
    const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const first = pushed.image.keySignatures!.list;
    const puts = registry.manifestPuts.length;
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    expect(sorted(pushed.image.keySignatures!.list)).toEqual(sorted(first.map((s) => ({ ...s, reused: true }))));
    expect(registry.manifestPuts).toHaveLength(puts);
    expect(key.signed).toHaveLength(7);
  });

  test("a bundle by another key is not reused: this key's are pushed beside it", async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const other = keySigner({ name: 'awskms:///alias/other', key: 'arn:aws:kms:us-east-1:123456789012:alias/other' });
    await signImages(oneImage(), session, [pushed.image], other.signer, false);
    const theirs = pushed.image.keySignatures!.list.map((s) => s.referrer);

    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const ours = pushed.image.keySignatures!.list;
    expect(ours.every((s) => !s.reused)).toBe(true);
    expect(ours.map((s) => s.referrer).filter((r) => theirs.includes(r))).toEqual([]);
    expectAllSigned(pushed, ours, key);
    expect(key.signed).toHaveLength(3);
    const bundles = registry.referrersOf('shop/api', pushed.top.digest).filter((r) => r.artifactType === BUNDLE_MEDIA_TYPE);
    expect(bundles.map((b) => b.digest).sort()).toEqual([...theirs, ...ours.map((s) => s.referrer)].sort());
  });

  test("a bundle with this key's hint whose signature does not verify is not reused", async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    pushed.image.attestations = undefined;
    const key = keySigner();
    const forger = keySigner();
    // Another key's signature under this key's hint, pushed as cosign pushes a bundle.
    const statement = imageSignatureStatement(pushed.top.digest);
    const forged = signatureManifest(
      bundleText(statement, await forger.signer.sign(preAuthEncoding(statement)), key.signer.hint),
      pushed.top,
      COSIGN_SIGN_PREDICATE,
      CREATED,
    );
    registry.seedBlob('shop/api', forged.bundle.text);
    registry.seedBlob('shop/api', EMPTY_CONFIG_BYTES);
    registry.seedManifest('shop/api', forged.text, OCI_MANIFEST);

    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const [entry] = pushed.image.keySignatures!.list;
    expect(entry).toMatchObject({ what: 'image', reused: false });
    expect(entry!.referrer).not.toBe(forged.digest);
    expectAllSigned(pushed, pushed.image.keySignatures!.list, key);
  });

  test('an image signature by this key that cosign wrote (other JSON, same subject) is reused', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    pushed.image.attestations = undefined;
    const key = keySigner();
    const [algorithm, hex] = pushed.top.digest.split(':') as [string, string];
    const statement = Buffer.from(
      JSON.stringify(
        {
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ name: '', digest: { [algorithm]: hex } }],
          predicateType: COSIGN_SIGN_PREDICATE,
          predicate: {},
        },
        null,
        1,
      ),
    );
    const cosigns = signatureManifest(
      bundleText(statement, await key.signer.sign(preAuthEncoding(statement)), key.signer.hint),
      pushed.top,
      COSIGN_SIGN_PREDICATE,
      CREATED,
    );
    registry.seedBlob('shop/api', cosigns.bundle.text);
    registry.seedBlob('shop/api', EMPTY_CONFIG_BYTES);
    registry.seedManifest('shop/api', cosigns.text, OCI_MANIFEST);
    const signed = key.signed.length;

    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    expect(pushed.image.keySignatures!.list).toEqual([
      { digest: pushed.top.digest, what: 'image', predicateType: COSIGN_SIGN_PREDICATE, referrer: cosigns.digest, reused: true },
    ]);
    expect(key.signed).toHaveLength(signed);
    expect(registry.manifestPuts).toEqual([]);
  });
});

describe('signImages: a registry without the referrers API', () => {
  test('the referrers tag sha256-<hex> of each subject lists the new bundles beside what it listed', async () => {
    registry = new MemoryRegistry({ referrersApi: false });
    const pushed = pushImage('shop/api', ['linux/amd64', 'linux/arm64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    const signatures = pushed.image.keySignatures!;
    expect(signatures.outcome).toBe('signed');
    expect(signatures.list).toHaveLength(7);
    expectAllSigned(pushed, signatures.list, key);

    for (const subject of [pushed.top, ...pushed.platforms.map((p) => p.descriptor)]) {
      const tag = registry.manifestJson('shop/api', referrersTag(subject.digest)) as { mediaType: string; manifests: Descriptor[] };
      expect(tag.mediaType).toBe(OCI_INDEX);
      const before = (pushed.attestationReferrers.get(subject.digest) ?? []).map((d) => d.digest);
      const bundles = signatures.list.filter((s) => s.digest === subject.digest).map((s) => s.referrer);
      // What it listed first, as it was; then the bundles.
      expect(tag.manifests.slice(0, before.length).map((d) => d.digest)).toEqual(before);
      expect(tag.manifests.map((d) => d.digest).sort()).toEqual([...before, ...bundles].sort());
      for (const descriptor of tag.manifests.filter((d) => bundles.includes(d.digest))) {
        expect(descriptor).toMatchObject({ mediaType: OCI_MANIFEST, artifactType: BUNDLE_MEDIA_TYPE });
        expect(descriptor.annotations?.[BUNDLE_PREDICATE_ANNOTATION]).toBe(
          signatures.list.find((s) => s.referrer === descriptor.digest)!.predicateType,
        );
        expect(descriptor.size).toBe(Buffer.byteLength(registry.manifestText('shop/api', descriptor.digest)!));
      }
    }
  });

  test('a re-run finds its bundles under the referrers tag: all reused, nothing written', async () => {
    registry = new MemoryRegistry({ referrersApi: false });
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const key = keySigner();
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    expect(registry.manifestPuts.filter((p) => p.mediaType === OCI_INDEX).map((p) => p.reference)).toEqual([
      referrersTag(pushed.top.digest),
    ]);
    const puts = registry.manifestPuts.length;
    await signImages(oneImage(), session, [pushed.image], key.signer, false);
    expect(pushed.image.keySignatures!.list.map((s) => s.reused)).toEqual([true, true, true]);
    expect(registry.manifestPuts).toHaveLength(puts);
  });

  test('a registry with the referrers API that does not answer OCI-Subject: asked, and no tag written', async () => {
    registry = new MemoryRegistry({ referrersApi: true, ociSubject: false });
    const pushed = pushImage('shop/api', ['linux/amd64']);
    await signImages(oneImage(), session, [pushed.image], keySigner().signer, false);
    expect(pushed.image.keySignatures!.outcome).toBe('signed');
    expect(registry.manifestPuts.every((p) => p.reference.startsWith('sha256:'))).toBe(true);
  });

  test('the empty config is uploaded once when the repository lacks it', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64'], 'index');
    expect(registry.blob('shop/api', EMPTY_CONFIG.digest)).toBeUndefined();
    await signImages(oneImage(), session, [pushed.image], keySigner().signer, false);
    expect(registry.blobPuts.filter((b) => b.digest === EMPTY_CONFIG.digest)).toHaveLength(1);
    expect(registry.blob('shop/api', EMPTY_CONFIG.digest)).toBe('{}');
  });
});

describe('signImages: when not everything signs', () => {
  test('the step fails: every image skipped, nothing signed or pushed', async () => {
    const api = pushImage('shop/api', ['linux/amd64']);
    const worker = pushImage('shop/worker', ['linux/amd64', 'linux/arm64']);
    const key = keySigner();
    const step = stepOf(imagesInputs(3));
    await signImages(step, session, [api.image, worker.image], key.signer, true);
    for (const image of [api.image, worker.image]) {
      expect(image.keySignatures).toEqual({ kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'skipped', list: [] });
      expect(signingFailure(step, image)).toBeUndefined();
    }
    expect(key.signed).toEqual([]);
    expect(registry.manifestPuts).toEqual([]);
    expect(registry.blobPuts).toEqual([]);
    expect(core.info).toHaveBeenCalledWith(
      `Not signed with ${KEY_NAME}: the step fails, and a signature by this key says an image passed it.`,
    );
    expect(step.progress.phase).not.toBe('signing');
  });

  test("the signer refuses one image: that image failed (the verdict's problem), the others signed", async () => {
    const api = pushImage('shop/api', ['linux/amd64']);
    const worker = pushImage('shop/worker', ['linux/amd64', 'linux/arm64']);
    const model = pushImage('shop/model', ['linux/amd64']);
    const refusal = `KMS refused kms:Sign on ${KEY_ARN} (AccessDeniedException): allow kms:Sign on the key for this role (docs/iam-policy.json), or name another key in signing.`;
    const workerHex = worker.top.digest.slice('sha256:'.length);
    const key = keySigner({ refuse: (pae) => (pae.includes(workerHex) ? new Error(refusal) : undefined) });
    const step = stepOf(imagesInputs(3));
    await signImages(step, session, [api.image, worker.image, model.image], key.signer, false);

    expect(step.progress.phase).toBe('signing');
    const problem = `Signing with ${KEY_NAME} failed: ${refusal}`;
    expect(problem).toMatch(/^Signing with awskms:\/\/\/alias\/release failed: /);
    expect(worker.image.keySignatures).toEqual({ kind: 'kms', name: KEY_NAME, key: KEY_ARN, outcome: 'failed', problem, list: [] });
    expect(signingFailure(step, worker.image)).toBe(problem);
    // No referrer manifest is pushed for the image that failed.
    expect(registry.manifestPuts.filter((p) => p.repository === 'shop/worker')).toEqual([]);
    expect(core.info).toHaveBeenCalledWith(`worker: ${problem}`);

    for (const pushed of [api, model]) {
      expect(pushed.image.keySignatures!.outcome).toBe('signed');
      expect(pushed.image.keySignatures!.list).toHaveLength(3);
      expectAllSigned(pushed, pushed.image.keySignatures!.list, key);
      expect(signingFailure(step, pushed.image)).toBeUndefined();
    }
    expect(core.info).toHaveBeenCalledWith(
      `api: Signed with ${KEY_NAME}: signed 1 digest of the image, 1 SBOM, 1 provenance (bundles pushed as referrers).`,
    );
  });

  test('a problem that does not end a sentence is ended by the verdict', async () => {
    const pushed = pushImage('shop/api', ['linux/amd64']);
    const key = keySigner({ refuse: () => new Error('KMS Sign: connect ECONNREFUSED 127.0.0.1:4566') });
    const step = oneImage();
    await signImages(step, session, [pushed.image], key.signer, false);
    expect(pushed.image.keySignatures!.problem).toBe(`Signing with ${KEY_NAME} failed: KMS Sign: connect ECONNREFUSED 127.0.0.1:4566`);
    expect(signingFailure(step, pushed.image)).toBe(`Signing with ${KEY_NAME} failed: KMS Sign: connect ECONNREFUSED 127.0.0.1:4566.`);
  });
});

describe('planKeySigning', () => {
  const REF = parseKmsKey(KEY_NAME);

  test('no key: no signer, no KMS client', async () => {
    const createKmsClient = jest.fn(() => Promise.reject(new Error('not called')));
    expect(await planKeySigning(stepOf({ repository: 'shop/api' }, { deps: { createKmsClient } }), undefined)).toBeUndefined();
    expect(createKmsClient).not.toHaveBeenCalled();
  });

  test("the key's signer, from the step's KMS client in the step's region, and a line naming it", async () => {
    const kms = new FakeKms(rsaKey());
    const createKmsClient = jest.fn((_region: string, _key: typeof REF) => Promise.resolve(kms.client));
    const step = stepOf({ repository: 'shop/api', 'aws-region': 'eu-west-1' }, { deps: { createKmsClient } });
    const signer = await planKeySigning(step, REF);
    expect(createKmsClient).toHaveBeenCalledWith('eu-west-1', REF);
    expect(signer).toMatchObject({ name: KEY_NAME, kind: 'kms', key: KEY_ARN });
    expect(kms.inputsOf('GetPublicKey')).toEqual([{ KeyId: 'alias/release' }]);
    expect(core.info).toHaveBeenCalledWith(`Signing with ${KEY_NAME} (${KEY_ARN}); cosign verifies with its public key.`);

    // That signer signs an image end to end (KMS RSA PKCS#1 v1.5 over the digest), verified with its PEM.
    const pushed = pushImage('shop/api', ['linux/amd64']);
    await signImages(step, session, [pushed.image], signer!, false);
    const signatures = pushed.image.keySignatures!;
    expect(signatures.outcome).toBe('signed');
    expect(kms.inputsOf('Sign').map((input) => input.MessageType)).toEqual(['DIGEST', 'DIGEST', 'DIGEST']);
    for (const entry of signatures.list) {
      const manifest = registry.manifestJson('shop/api', entry.referrer) as unknown as ReferrerManifest;
      const bundle = readBundle(registry.blob('shop/api', manifest.layers[0]!.digest)!)!;
      expect(bundle.hint).toBe(signer!.hint);
      expect(verify('sha256', preAuthEncoding(bundle.payload), signer!.publicKeyPem, bundle.signature)).toBe(true);
    }
    // And a re-run with it reuses them (the RSA signature checked with the key).
    await signImages(step, session, [pushed.image], signer!, false);
    expect(pushed.image.keySignatures!.list.map((s) => s.reused)).toEqual([true, true, true]);
    expect(kms.inputsOf('Sign')).toHaveLength(3);
  });

  test('KMS refusing GetPublicKey: the one-line InputError, nothing logged as signing', async () => {
    const kms = new FakeKms(rsaKey()).fail(
      'GetPublicKey',
      Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }),
    );
    const step = stepOf({ repository: 'shop/api' }, { deps: { createKmsClient: () => Promise.resolve(kms.client) } });
    await expect(planKeySigning(step, REF)).rejects.toThrow(/^KMS refused kms:GetPublicKey on alias\/release \(AccessDeniedException\)/);
    expect(core.info).not.toHaveBeenCalled();
  });
});
