// Phase: signing with a key (signing: awskms://…), once the verdict lets the images through and
// before any tag is promoted. Each digest a tag names (the image index and each platform
// manifest; a single-platform image is one) is signed as cosign 3 signs an image, and each
// attestation's in-toto statement (SBOM, provenance) as cosign 3 attests, each a Sigstore
// bundle pushed as an OCI referrer of its digest (src/sign/bundle.ts), so that
// `cosign verify --key` and `cosign verify-attestation --key` find them. A signature by the same
// key already there (a re-run) is kept, not made again. Images the step holds back are not signed:
// a signature by this key says the image passed this step.
import * as core from '../util/actions-core.js';
import { pushReferrers, referrersOf } from '../attest/push.js';
import { OCI_MANIFEST, asDescriptor, statements, type Descriptor } from '../attest/layout.js';
import { Registry } from '../attest/registry.js';
import type { KeySignature } from '../report/model.js';
import { isIndex } from '../shared/manifest.js';
import {
  BUNDLE_MEDIA_TYPE,
  BUNDLE_PREDICATE_ANNOTATION,
  COSIGN_SIGN_PREDICATE,
  IN_TOTO_PAYLOAD_TYPE,
  bundleText,
  imageSignatureStatement,
  preAuthEncoding,
  readBundle,
  signatureManifest,
  type SignatureManifest,
} from '../sign/bundle.js';
import type { Signer } from '../sign/signer.js';
import { toMessage } from '../util/errors.js';
import { labelFor } from './label.js';
import type { ImageRun, Session, Step } from './types.js';

type RegistryApi = Pick<Registry, 'referrers' | 'getManifest' | 'getBlob' | 'putBlob' | 'hasBlob' | 'putManifest'>;

/** One thing to sign: a statement about `subject`. */
interface Signing {
  subject: Descriptor;
  what: KeySignature['what'];
  platform?: string;
  predicateType: string;
  statement: Buffer;
}

/**
 * Signs every image (all or nothing: the verdict counts a failure, and no image is promoted).
 * When the step already fails, nothing is signed and each image says why.
 */
export async function signImages(step: Step, session: Session, images: ImageRun[], signer: Signer, stepFails: boolean): Promise<void> {
  const base = { kind: 'kms' as const, name: signer.name, key: signer.key };
  if (stepFails) {
    for (const image of images) image.keySignatures = { ...base, outcome: 'skipped', list: [] };
    core.info(`Not signed with ${signer.name}: the step fails, and a signature by this key says an image passed it.`);
    return;
  }
  step.progress.phase = 'signing';
  const registry = new Registry(session.login);
  const created = new Date(step.deps.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await core.group(`Sign with ${signer.name}`, async () => {
    await Promise.all(
      images.map(async (image) => {
        if (!image.candidate || !image.manifest) return;
        const say = labelFor(step.inputs, image);
        try {
          const list = await signImage(registry, image, signer, created);
          image.keySignatures = { ...base, outcome: 'signed', list };
          core.info(say(signedLine(signer, list)));
        } catch (error) {
          const problem = `Signing with ${signer.name} failed: ${toMessage(error)}`;
          image.keySignatures = { ...base, outcome: 'failed', problem, list: [] };
          core.info(say(problem));
        }
      }),
    );
  });
}

async function signImage(registry: RegistryApi, image: ImageRun, signer: Signer, created: string): Promise<KeySignature[]> {
  const repository = image.ref.repositoryName;
  const signings = await whatToSign(registry, image);
  // Each subject's referrers, read once: a bundle by this key over the same statement is kept.
  const subjects = [...new Set(signings.map((s) => s.subject.digest))];
  const existing = new Map(
    await Promise.all(subjects.map(async (digest) => [digest, await bundlesOf(registry, repository, digest)] as const)),
  );
  const pushed: Array<{ signing: Signing; manifest: SignatureManifest }> = [];
  const list = await Promise.all(
    signings.map(async (signing): Promise<KeySignature> => {
      const entry = {
        digest: signing.subject.digest,
        what: signing.what,
        ...(signing.platform ? { platform: signing.platform } : {}),
        predicateType: signing.predicateType,
      };
      // A registry may leave the annotations out of its referrers list: then every bundle is read.
      const candidates = (existing.get(signing.subject.digest) ?? []).filter((d) => {
        const type = d.annotations?.[BUNDLE_PREDICATE_ANNOTATION];
        return type === undefined || type === signing.predicateType;
      });
      for (const candidate of candidates) {
        if (await signedBefore(registry, repository, candidate, signing, signer))
          return { ...entry, referrer: candidate.digest, reused: true };
      }
      const signature = await signer.sign(preAuthEncoding(signing.statement));
      const manifest = signatureManifest(
        bundleText(signing.statement, signature, signer.hint),
        signing.subject,
        signing.predicateType,
        created,
      );
      await registry.putBlob(repository, manifest.bundle.digest, manifest.bundle.text);
      pushed.push({ signing, manifest });
      return { ...entry, referrer: manifest.digest, reused: false };
    }),
  );
  await pushReferrers(
    registry,
    repository,
    pushed.map(({ signing, manifest }) => ({
      digest: manifest.digest,
      text: manifest.text,
      subject: signing.subject,
      descriptor: manifest.descriptor,
    })),
    () => undefined,
  );
  return list;
}

/** The image's digests a tag names (the index and each platform manifest) and its attestations' statements. */
async function whatToSign(registry: RegistryApi, image: ImageRun): Promise<Signing[]> {
  const manifest = await image.manifest!();
  const top: Descriptor = {
    mediaType: manifest.mediaType ?? OCI_MANIFEST,
    digest: manifest.digest,
    size: Buffer.byteLength(manifest.text),
  };
  const platforms = image.platforms ?? [];
  // platform → the manifest its attestations describe: each platform manifest of an index, or
  // the one manifest of a single-platform image.
  const byPlatform = new Map<string, Descriptor>();
  const parsed = JSON.parse(manifest.text) as { manifests?: unknown[] };
  if (isIndex(top.mediaType, parsed)) {
    for (const entry of parsed.manifests ?? []) {
      const descriptor = asDescriptor(entry);
      const platform = descriptor && platforms.find((p) => p.digest === descriptor.digest)?.platform;
      if (descriptor && platform !== undefined) byPlatform.set(platform, descriptor);
    }
  } else {
    for (const p of platforms) if (p.digest === top.digest) byPlatform.set(p.platform, top);
  }
  const signings: Signing[] = [top, ...[...byPlatform.values()].filter((d) => d !== top)].map((subject) => {
    const platform = subject === top ? undefined : [...byPlatform].find(([, d]) => d === subject)?.[0];
    return {
      subject,
      what: 'image' as const,
      ...(platform !== undefined ? { platform } : {}),
      predicateType: COSIGN_SIGN_PREDICATE,
      statement: imageSignatureStatement(subject.digest),
    };
  });
  const repository = image.ref.repositoryName;
  // Each attestation's statements, read at once (in the report's order).
  // attestations: index lists each statement, several of one kind sharing a manifest: each manifest and type once.
  const seen = new Set<string>();
  const attestations = (image.attestations?.list ?? []).filter(
    (a) => !seen.has(`${a.digest} ${a.predicateType}`) && !!seen.add(`${a.digest} ${a.predicateType}`),
  );
  const attested = await Promise.all(
    attestations.map(async (attestation): Promise<Signing[]> => {
      const subject = byPlatform.get(attestation.platform);
      if (!subject) return [];
      const text = await registry.getManifest(repository, attestation.digest, [OCI_MANIFEST]);
      if (!text)
        throw new Error(`the ${attestation.kind} attestation ${attestation.digest} for ${attestation.platform} is not in ${repository}`);
      const found = statements(text).filter((statement) => statement.predicateType === attestation.predicateType);
      return Promise.all(
        found.map(async (statement) => ({
          subject,
          what: attestation.kind,
          platform: attestation.platform,
          predicateType: statement.predicateType,
          statement: Buffer.from(await registry.getBlob(repository, statement.layer.digest)),
        })),
      );
    }),
  );
  return [...signings, ...attested.flat()];
}

/** The bundle referrers of a digest (the referrers API, else its referrers tag). */
async function bundlesOf(registry: RegistryApi, repository: string, digest: string): Promise<Descriptor[]> {
  const { text } = await referrersOf(registry, repository, digest);
  if (!text) return [];
  const index = JSON.parse(text) as { manifests?: unknown[] };
  return (index.manifests ?? []).flatMap((entry) => {
    const descriptor = asDescriptor(entry);
    return descriptor && descriptor.artifactType === BUNDLE_MEDIA_TYPE ? [descriptor] : [];
  });
}

/** Whether a referrer is this key's signature of the same statement (its signature checked, not only its hint). */
async function signedBefore(
  registry: RegistryApi,
  repository: string,
  referrer: Descriptor,
  signing: Signing,
  signer: Pick<Signer, 'hint' | 'verify'>,
): Promise<boolean> {
  const text = await registry.getManifest(repository, referrer.digest, [OCI_MANIFEST]);
  const layer = text ? asDescriptor((JSON.parse(text) as { layers?: unknown[] }).layers?.[0]) : undefined;
  if (!layer || layer.mediaType !== BUNDLE_MEDIA_TYPE) return false;
  const bundle = readBundle(await registry.getBlob(repository, layer.digest));
  if (!bundle || bundle.hint !== signer.hint || bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE) return false;
  if (!sameStatement(bundle.payload, signing)) return false;
  return signer.verify(preAuthEncoding(bundle.payload), bundle.signature);
}

/** An attestation's statement byte for byte; an image signature by its predicate type and subject digest (cosign may format it otherwise). */
function sameStatement(payload: Buffer, signing: Signing): boolean {
  if (signing.what !== 'image') return payload.equals(signing.statement);
  try {
    const statement = JSON.parse(payload.toString('utf8')) as {
      predicateType?: string;
      subject?: Array<{ digest?: Record<string, string> }>;
    };
    const [algorithm, hex] = signing.subject.digest.split(':') as [string, string];
    return statement.predicateType === COSIGN_SIGN_PREDICATE && (statement.subject ?? []).some((s) => s.digest?.[algorithm] === hex);
  } catch {
    return false;
  }
}

function signedLine(signer: Signer, list: KeySignature[]): string {
  const fresh = list.filter((s) => !s.reused);
  const count = (what: KeySignature['what']) => fresh.filter((s) => s.what === what).length;
  const parts = [
    count('image') > 0 ? `${count('image')} digest${count('image') === 1 ? '' : 's'} of the image` : '',
    count('sbom') > 0 ? `${count('sbom')} SBOM${count('sbom') === 1 ? '' : 's'}` : '',
    count('provenance') > 0 ? `${count('provenance')} provenance${count('provenance') === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const reused = list.length - fresh.length;
  const signed = parts.length > 0 ? `signed ${parts.join(', ')} (bundles pushed as referrers)` : 'nothing new to sign';
  return `Signed with ${signer.name}: ${signed}${reused > 0 ? `; ${reused} signature${reused === 1 ? '' : 's'} by this key already there` : ''}.`;
}
