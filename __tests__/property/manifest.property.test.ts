import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, platformManifests } from '../../src/shared/manifest.js';
import { anyText, hex } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const PUSHED = 'sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';
/** Attestation manifests get digests of their own, so the property can tell them apart. */
const ATTESTATION_PREFIX = 'sha256:a77e57';

const json = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: json });

const platform = fc.record(
  {
    os: maybe(fc.constantFrom('linux', 'windows', 'unknown', '')),
    architecture: maybe(fc.constantFrom('amd64', 'arm64', 'arm', 'unknown', '')),
    variant: maybe(fc.constantFrom('v7', 'v8', '')),
  },
  { requiredKeys: [] },
);

const imageDescriptor = fc.record(
  {
    mediaType: maybe(fc.constantFrom(...MANIFEST_MEDIA_TYPES)),
    digest: maybe(hex(64).map((h) => `sha256:${h}`)),
    platform: maybe(platform),
    annotations: maybe(fc.dictionary(anyText, fc.string(), { maxKeys: 2 })),
  },
  { requiredKeys: [] },
);

const attestationDescriptor = fc.record({
  mediaType: fc.constant(MANIFEST_MEDIA_TYPES[0]),
  digest: hex(58).map((h) => `${ATTESTATION_PREFIX}${h}`),
  platform: maybe(platform),
  annotations: fc.record({ 'vnd.docker.reference.type': fc.constant('attestation-manifest'), 'vnd.docker.reference.digest': fc.string() }),
});

const descriptor = fc.oneof(
  { weight: 4, arbitrary: imageDescriptor },
  { weight: 1, arbitrary: attestationDescriptor },
  { weight: 1, arbitrary: json },
);

/** Manifests and indexes as JSON objects: right shapes, wrong types, extra fields. */
const manifestObject = fc.oneof(
  fc.record(
    {
      schemaVersion: maybe(fc.constant(2)),
      mediaType: maybe(fc.constantFrom(...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES)),
      manifests: fc.oneof({ weight: 4, arbitrary: fc.array(descriptor, { maxLength: 6 }) }, { weight: 1, arbitrary: json }),
      config: maybe(fc.record({ digest: fc.string() })),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), json),
);

const mediaTypeArgument = fc.option(fc.oneof(fc.constantFrom(...MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES), fc.string()), {
  nil: undefined,
});

describe('platformManifests', () => {
  test('never throws on a JSON object', () => {
    fc.assert(
      fc.property(manifestObject, mediaTypeArgument, (manifest, mediaType) => {
        expect(() => platformManifests(PUSHED, JSON.stringify(manifest), mediaType, 'linux/amd64')).not.toThrow();
      }),
      RUNS,
    );
  });

  test('returns only image platforms named by strings, never attestations or unknown ones', () => {
    fc.assert(
      fc.property(manifestObject, mediaTypeArgument, (manifest, mediaType) => {
        let result: ReturnType<typeof platformManifests>;
        try {
          result = platformManifests(PUSHED, JSON.stringify(manifest), mediaType, 'linux/amd64');
        } catch {
          return; // the property above
        }
        // The names an image descriptor of this index can give: os/architecture[/variant], all strings.
        const named = new Set<string>();
        const manifests = (manifest as { manifests?: unknown }).manifests;
        for (const d of Array.isArray(manifests) ? (manifests as unknown[]) : []) {
          const p = (d as { platform?: { os?: unknown; architecture?: unknown; variant?: unknown } } | null)?.platform;
          const { os, architecture, variant } = p ?? {};
          if (typeof os !== 'string' || typeof architecture !== 'string' || os === '' || architecture === '') continue;
          if (os === 'unknown' && architecture === 'unknown') continue;
          named.add([os, architecture, typeof variant === 'string' && variant !== '' ? variant : undefined].filter(Boolean).join('/'));
        }
        if (result.length === 1 && result[0]?.digest === PUSHED) {
          expect(result[0].platform).toBe('linux/amd64'); // a single manifest: the built platform
          return;
        }
        for (const entry of result) {
          expect(typeof entry.digest).toBe('string');
          expect(entry.digest).not.toBe('');
          expect(entry.digest.startsWith(ATTESTATION_PREFIX)).toBe(false);
          expect(named).toContain(entry.platform);
        }
      }),
      RUNS,
    );
  });
});
