import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { fakeEnvironment, inputSource } from '../../__fixtures__/inputs.js';
import { loadInputs } from '../../src/inputs/read.js';
import type { Inputs } from '../../src/inputs/types.js';
import { InputError } from '../../src/util/errors.js';
import { LINE_BREAK, anyText, hex, nastyString } from './arbitraries.js';

const RUNS = { numRuns: 300 };

// The yaml package reports odd-but-valid input (e.g. collection keys) through process.emitWarning:
// hundreds of generated files would flood the output with them.
const quiet = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
beforeAll(() => {
  quiet.mockClear();
});
afterAll(() => {
  quiet.mockRestore();
});

const ACTION = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> };
const INPUT_NAMES = Object.keys(ACTION.inputs);

/** What each input is given: mostly values that pass, so later checks are reached, else anything. */
const PLAUSIBLE: Record<string, string[]> = {
  repository: ['mlops/retail-api', 'ab', 'a/b/c', 'A', 'mlops//x', '-x'],
  'registry-id': ['', '123456789012', '012345678901 ', '1234567890123'],
  'aws-region': ['', 'us-east-1', 'eusc-de-east-1', 'US-EAST-1', 'us-east'],
  'create-repository': ['', 'true', 'False', 'yes'],
  'tag-mutability': ['', 'mutable', 'IMMUTABLE_WITH_EXCLUSION', 'ımmutable'],
  'tag-mutability-exclusions': ['', 'latest,v*', 'a b'],
  'lifecycle-policy': ['', 'lifecycle.json', 'missing.json'],
  context: ['', '.', 'app', 'https://github.com/acme/x.git', '-', 'missing'],
  file: ['', 'Dockerfile', 'app/Dockerfile', 'nope'],
  'build-args': ['', 'A=1\nB=x=y,z', 'A=1\r\nB=2', '=1', 'A B=1'],
  labels: ['', 'org.opencontainers.image.title=x', 'bad'],
  platforms: ['', 'linux/amd64,linux/arm64', 'linux/arm/v7', 'Linux/AMD64'],
  secrets: ['', 'id=npm,env=NPM_TOKEN', 'id=a,src=/tmp/a\nid=b,env=B', 'id=npm'],
  provenance: ['', 'false', 'mode=max', 'mode=min,builder-id=x', 'maybe'],
  tags: ['', 'edge,main', 'mlops/retail-api:1', '.bad', 'a@sha256:x'],
  'sha-tag': ['', 'short', 'FULL', 'no'],
  'release-tags': ['', 'none', 'Auto'],
  latest: ['', 'true', 'AUTO', 'never'],
  'scan-timeout': ['', '1', '600', '21600', '21601', '0', '0600', '00000000000000000000001', '99999999999999999999999', '1e3', '-1', '١٢٣'],
  'severity-threshold': ['', 'high', 'NONE', 'undefined'],
  ignore: ['', 'CVE-2024-1234\nGHSA-x', 'two words'],
  'ignore-file': ['', '.ecr-scan-ignore.yml', 'ignore.yml', 'missing.yml'],
  'on-scan-incomplete': ['', 'warn', 'Fail', 'skip'],
  compare: ['', 'none', 'head'],
  gate: ['', 'new', 'some'],
  'github-token': ['', 'ghs_secret'],
};

function inputValue(name: string): fc.Arbitrary<string> {
  const plausible = PLAUSIBLE[name] ?? [''];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: anyText },
    // A value that passes, with something hostile inside or around it.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...plausible), nastyString({ maxLength: 6 }), fc.boolean())
        .map(([v, n, before]) => (before ? n + v : v + n)),
    },
  );
}

const inputMap = fc.record(Object.fromEntries(INPUT_NAMES.map((name) => [name, inputValue(name)])) as Record<string, fc.Arbitrary<string>>);

/** The workspace: a Dockerfile, and maybe a lifecycle policy and ignore files of any content. */
const workspace = fc.record({
  lifecycle: fc.option(
    fc.oneof(
      fc.constant('{"rules":[{"rulePriority":1}]}'),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      anyText,
    ),
    { nil: undefined },
  ),
  ignoreFile: fc.option(
    fc.oneof(
      fc.constant('- id: CVE-1\n  reason: r\n'),
      fc.anything().map((v) => stringify(v) ?? ''),
      anyText,
    ),
    { nil: undefined },
  ),
  defaultIgnoreFile: fc.option(
    fc.oneof(
      fc.constant('- {id: CVE-1, reason: r, expires: 2099-12-31}\n'),
      fc.anything().map((v) => stringify(v) ?? ''),
      anyText,
    ),
    { nil: undefined },
  ),
  env: fc.record({ AWS_REGION: fc.option(fc.constantFrom('', 'eu-west-1', 'bad region'), { nil: undefined }) }),
});

function environmentOf(w: { lifecycle?: string; ignoreFile?: string; defaultIgnoreFile?: string; env: { AWS_REGION?: string } }) {
  const files: Record<string, string> = { Dockerfile: 'FROM alpine\n', 'app/Dockerfile': 'FROM alpine\n' };
  if (w.lifecycle !== undefined) files['lifecycle.json'] = w.lifecycle;
  if (w.ignoreFile !== undefined) files['ignore.yml'] = w.ignoreFile;
  if (w.defaultIgnoreFile !== undefined) files['.ecr-scan-ignore.yml'] = w.defaultIgnoreFile;
  return fakeEnvironment({ files, env: w.env });
}

/** Runs parseInputs; returns the Inputs or the InputError, and fails on any other throw. */
function attempt(values: Record<string, string>, environment: ReturnType<typeof fakeEnvironment>): Inputs | InputError {
  try {
    return loadInputs(inputSource(values), environment, () => {
      throw new Error('ERROR: no bake file here');
    });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

describe('parseInputs over arbitrary input maps', () => {
  test('returns Inputs or throws an InputError of one line that starts by naming an input of action.yml', () => {
    fc.assert(
      fc.property(inputMap, workspace, (values, w) => {
        const result = attempt(values, environmentOf(w));
        if (!(result instanceof InputError)) {
          expect(Number.isSafeInteger(result.scanTimeoutSeconds)).toBe(true);
          expect(result.scanTimeoutSeconds).toBeGreaterThanOrEqual(1);
          expect(result.scanTimeoutSeconds).toBeLessThanOrEqual(6 * 60 * 60);
          return;
        }
        const named = /^Input "([^"]+)"/.exec(result.message)?.[1];
        expect(INPUT_NAMES).toContain(named);
        expect(result.message).not.toMatch(LINE_BREAK);
      }),
      RUNS,
    );
  });

  test('scan-timeout: any digits with leading zeros or of any size either pass within 1..21600 or name the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String), fc.stringMatching(/^0{0,20}\d{1,25}$/)), (timeout) => {
        const result = attempt(
          { repository: 'mlops/retail-api', 'aws-region': 'us-east-1', 'scan-timeout': timeout },
          environmentOf({ env: {} }),
        );
        const n = BigInt(timeout);
        if (n >= 1n && n <= 21600n) {
          expect(result).not.toBeInstanceOf(InputError);
          if (!(result instanceof InputError)) expect(result.scanTimeoutSeconds).toBe(Number(n));
        } else {
          expect(result).toBeInstanceOf(InputError);
          expect((result as InputError).message).toMatch(/^Input "scan-timeout" /);
        }
      }),
      RUNS,
    );
  });

  test('a malformed secrets line never shows what follows its id', () => {
    const secretValue = hex(16).map((h) => `s3cr3t${h}`);
    const malformed = fc.oneof(
      secretValue.map((s) => `id=npm,env=${s},extra`),
      secretValue.map((s) => `id=npm,token=${s}`),
      secretValue.map((s) => `id=npm ${s}`),
      secretValue.map((s) => `id=npm,${s}`),
      secretValue.map((s) => `id=npm=${s}`),
      secretValue.map((s) => `id=npm\t${s}`),
      secretValue.map((s) => `${s}`),
      secretValue.map((s) => `env=${s}`),
      fc.tuple(secretValue, nastyString({ maxLength: 4 })).map(([s, n]) => `id=npm,env=VAR,${n}${s}`),
    );
    fc.assert(
      fc.property(fc.array(malformed, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'), (lines, sep) => {
        const result = attempt(
          { repository: 'mlops/retail-api', 'aws-region': 'us-east-1', secrets: lines.join(sep) },
          environmentOf({ env: {} }),
        );
        expect(result).toBeInstanceOf(InputError);
        expect((result as InputError).message).toMatch(/^Input "secrets" /);
        expect((result as InputError).message).not.toMatch(/s3cr3t/);
      }),
      RUNS,
    );
  });
});
