import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { buildxArgs, type BuildOutput, type BuildRequest } from '../../src/buildx/argv.js';
import { parseBuildMetadata, type BuildResult } from '../../src/buildx/metadata.js';
import { LINE_BREAK, anyText, hex, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };

const value = fc.oneof(fc.constantFrom('', ' ', 'a b', 'A=1,B=2', '--push', '-'), nastyString({ maxLength: 15 }));
const output: fc.Arbitrary<BuildOutput> = fc.oneof(
  value.map((reference) => ({ kind: 'push-tag' as const, reference })),
  fc.record({ kind: fc.constant('push-digest' as const), name: value, referrers: fc.boolean() }),
  fc.constant({ kind: 'none' as const }),
);
const request: fc.Arbitrary<BuildRequest> = fc.record(
  {
    context: value,
    file: value,
    buildArgs: fc.array(value, { maxLength: 3 }),
    labels: fc.array(fc.tuple(value, value), { maxLength: 3 }),
    target: value,
    platforms: fc.array(value, { maxLength: 3 }),
    cacheFrom: fc.array(value, { maxLength: 2 }),
    cacheTo: fc.array(value, { maxLength: 2 }),
    secrets: fc.array(value, { maxLength: 2 }),
    provenance: value,
    sbom: fc.boolean(),
    sbomGenerator: value,
    attestations: fc.constantFrom('referrers' as const, 'index' as const),
    builder: value,
    noCache: fc.boolean(),
    pull: fc.boolean(),
    output,
    metadataFile: value,
  },
  {
    requiredKeys: [
      'context',
      'file',
      'buildArgs',
      'labels',
      'platforms',
      'cacheFrom',
      'cacheTo',
      'secrets',
      'provenance',
      'sbom',
      'attestations',
      'noCache',
      'pull',
      'output',
      'metadataFile',
    ],
  },
);

describe('buildxArgs', () => {
  test('each value is one argv element after its flag, never split or merged; context last', () => {
    fc.assert(
      fc.property(request, (r) => {
        const args = buildxArgs(r);
        expect(args.slice(0, 2)).toEqual(['buildx', 'build']);
        expect(args.slice(-3)).toEqual(['--metadata-file', r.metadataFile, r.context]);
        for (const arg of args) expect(typeof arg).toBe('string');
        // One element per flag and per value: nothing split on spaces or commas, nothing merged.
        const flags =
          2 +
          (r.builder ? 2 : 0) +
          2 +
          2 * r.buildArgs.length +
          2 * r.labels.length +
          (r.target ? 2 : 0) +
          (r.platforms.length > 0 ? 2 : 0);
        const more =
          2 * (r.cacheFrom.length + r.cacheTo.length + r.secrets.length) + 1 + (r.noCache ? 1 : 0) + (r.pull ? 1 : 0) + (r.sbom ? 1 : 0);
        const out = r.output.kind === 'push-tag' ? 3 : r.output.kind === 'push-digest' ? 2 : 0;
        expect(args).toHaveLength(flags + more + out + 3);
        for (const a of [...r.buildArgs, ...r.cacheFrom, ...r.cacheTo, ...r.secrets, r.file]) expect(args).toContain(a);
        for (const [k, v] of r.labels) expect(args).toContain(`${k}=${v}`);
        expect(args).toContain(`--provenance=${r.provenance}`);
        if (r.sbom) expect(args).toContain(r.sbomGenerator ? `--sbom=generator=${r.sbomGenerator}` : '--sbom=true');
        if (r.output.kind === 'push-tag') expect(args.slice(-6, -3)).toEqual(['--tag', r.output.reference, '--push']);
      }),
      RUNS,
    );
  });
});

/** buildx metadata files: plausible objects with fields missing or mistyped, any JSON, any text. */
const digest = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  fc.constantFrom('sha256:', 'sha512:00', ''),
  anyText,
);
const metadataObject = fc.record(
  {
    'containerimage.digest': fc.oneof(digest, fc.jsonValue()),
    'containerimage.descriptor': fc.oneof(
      fc.record(
        {
          digest: fc.oneof(digest, fc.jsonValue()),
          mediaType: fc.oneof(fc.constant('application/vnd.oci.image.index.v1+json'), fc.jsonValue()),
          platform: fc.oneof(
            fc.record(
              {
                os: fc.oneof(fc.constant('linux'), fc.jsonValue()),
                architecture: fc.oneof(fc.constant('arm64'), fc.jsonValue()),
                variant: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);
const metadataText = fc.oneof(
  metadataObject.map((m) => JSON.stringify(m)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  anyText,
);

describe('parseBuildMetadata', () => {
  test('gives a sha256 digest, or an Error (not a TypeError) of one line', () => {
    fc.assert(
      fc.property(metadataText, (text) => {
        let result: BuildResult;
        try {
          result = parseBuildMetadata(text);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).constructor).toBe(Error);
          expect((error as Error).message).not.toMatch(LINE_BREAK);
          return;
        }
        expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        if (result.mediaType !== undefined) expect(typeof result.mediaType).toBe('string');
        if (result.platform !== undefined) expect(result.platform).not.toMatch(/\[object |undefined|null/);
      }),
      RUNS,
    );
  });
});
