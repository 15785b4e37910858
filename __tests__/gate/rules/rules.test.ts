import { describe, expect, test } from '@jest/globals';
import { checkAttestations } from '../../../src/gate/rules/attestations.js';
import { baseName, checkBaseFresh, checkBaseImages, familiarName } from '../../../src/gate/rules/bases.js';
import { checkBuildChecks } from '../../../src/gate/rules/build-checks.js';
import { defaultPolicy } from '../../../src/gate/rules/config.js';
import { checkHealthcheck, checkNonRoot, isRootUser } from '../../../src/gate/rules/image-config.js';
import { checkMaxSize, formatMb } from '../../../src/gate/rules/size.js';
import type { BaseImage, BuildCheck, Known, PlatformFacts, PolicyConfig } from '../../../src/gate/rules/types.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

const known = <T>(value: T): Known<T> => ({ known: true, value });
const unknown = <T>(why: string): Known<T> => ({ known: false, why });

/** A platform image every rule is fine with; each test changes the one fact it is about. */
const platform = (overrides: Partial<PlatformFacts> = {}): PlatformFacts => ({
  platform: 'linux/amd64',
  digest: D3,
  user: known('app'),
  healthcheck: known(true),
  layersBytes: known(50_000_000),
  bases: known([]),
  baseTagsNow: known([]),
  sbom: known([]),
  attestations: known([{ kind: 'sbom' }, { kind: 'provenance', mode: 'min' }]),
  ...overrides,
});

const base = (repository: string, tag: string | undefined, options: { pinned?: boolean; digest?: string } = {}): BaseImage => {
  const digest = options.digest ?? D1;
  const pinned = options.pinned ?? false;
  return {
    reference: `${repository}${tag !== undefined ? `:${tag}` : ''}${pinned ? `@${digest}` : ''}`,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    digest,
    pinned,
  };
};
const PYTHON = base('docker.io/library/python', '3.12-slim');

describe('non-root', () => {
  test.each([
    ['', 'runs as root: the image sets no USER'],
    ['   ', 'runs as root: the image sets no USER'],
    ['root', 'runs as root: USER is "root"'],
    ['0', 'runs as root: USER is "0"'],
    ['0:0', 'runs as root: USER is "0:0"'],
    ['root:staff', 'runs as root: USER is "root:staff"'],
    ['0:1000', 'runs as root: USER is "0:1000"'],
  ])('USER %j is root: %s', (user, message) => {
    expect(isRootUser(user)).toBe(true);
    expect(checkNonRoot(platform({ user: known(user) }))).toEqual({ ok: false, findings: [{ message, id: 'non-root' }] });
  });

  test.each([
    ['app', 'runs as "app"'],
    ['1000', 'runs as "1000"'],
    ['1000:1000', 'runs as "1000:1000"'],
    ['1000:0', 'runs as "1000:0"'],
    ['nobody', 'runs as "nobody"'],
    ['rooter', 'runs as "rooter"'],
    ['10', 'runs as "10"'],
  ])('USER %j is not root', (user, checked) => {
    expect(isRootUser(user)).toBe(false);
    expect(checkNonRoot(platform({ user: known(user) }))).toEqual({ ok: true, checked });
  });

  test('an image config that could not be read is no data, with its reason', () => {
    expect(checkNonRoot(platform({ user: unknown('the image config could not be read: 404') }))).toEqual({
      noData: 'the image config could not be read: 404',
    });
  });
});

describe('healthcheck', () => {
  test.each<[string, Known<boolean>, ReturnType<typeof checkHealthcheck>]>([
    ['has one', known(true), { ok: true, checked: 'has a HEALTHCHECK' }],
    ['has none (or NONE)', known(false), { ok: false, findings: [{ message: 'has no HEALTHCHECK', id: 'healthcheck' }] }],
    ['unknown', unknown('the image config could not be read'), { noData: 'the image config could not be read' }],
  ])('%s', (_name, healthcheck, expected) => {
    expect(checkHealthcheck(platform({ healthcheck }))).toEqual(expected);
  });
});

describe('max-size (MB = 10^6 bytes, compressed layers)', () => {
  const rule = (mb: number): PolicyConfig['max-size'] => ({ level: 'fail', mb });

  test.each([
    ['well below', 300, 120_000_000, '120.0 MB compressed, within 300 MB'],
    ['exactly at the budget', 300, 300_000_000, '300.0 MB compressed, within 300 MB'],
    ['one byte below', 300, 299_999_999, '300.0 MB compressed, within 300 MB'],
    ['a small image', 300, 1_234_567, '1.23 MB compressed, within 300 MB'],
    ['an empty image', 1, 0, '0.00 MB compressed, within 1 MB'],
    ['at a fractional budget', 0.5, 500_000, '0.50 MB compressed, within 0.5 MB'],
  ])('%s: passes', (_name, mb, bytes, checked) => {
    expect(checkMaxSize(platform({ layersBytes: known(bytes) }), rule(mb))).toEqual({ ok: true, checked });
  });

  test.each([
    ['one byte over', 300, 300_000_001, 'is 300.0 MB compressed, over the 300 MB budget'],
    ['300 MiB is over 300 MB', 300, 300 * 1024 * 1024, 'is 314.6 MB compressed, over the 300 MB budget'],
    ['well over', 300, 812_345_678, 'is 812.3 MB compressed, over the 300 MB budget'],
    ['a small budget', 4, 5_000_000, 'is 5.00 MB compressed, over the 4 MB budget'],
    ['over a fractional budget', 0.5, 500_001, 'is 0.50 MB compressed, over the 0.5 MB budget'],
  ])('%s: fails', (_name, mb, bytes, message) => {
    expect(checkMaxSize(platform({ layersBytes: known(bytes) }), rule(mb))).toEqual({
      ok: false,
      findings: [{ message, id: 'max-size' }],
    });
  });

  test('sizes not read are no data, with the reason', () => {
    expect(checkMaxSize(platform({ layersBytes: unknown('the manifest could not be read') }), rule(300))).toEqual({
      noData: 'the manifest could not be read',
    });
  });

  test.each([
    [0, '0.00 MB'],
    [999_999, '1.00 MB'],
    [9_994_999, '9.99 MB'],
    [10_000_000, '10.0 MB'],
    [1_500_000_000, '1500.0 MB'],
  ])('formatMb(%d) is %s', (bytes, text) => {
    expect(formatMb(bytes)).toBe(text);
  });
});

describe('attestations', () => {
  type Attestations = Array<{ kind: 'sbom' | 'provenance'; mode?: 'min' | 'max' }>;
  const SBOM = { kind: 'sbom' } as const;
  const MIN = { kind: 'provenance', mode: 'min' } as const;
  const MAX = { kind: 'provenance', mode: 'max' } as const;
  const MODE_UNKNOWN = { kind: 'provenance' } as const;
  const NO_SBOM = { message: 'has no SBOM', id: 'sbom' };
  const NO_PROVENANCE = { message: 'has no provenance', id: 'provenance' };
  const ONLY_MIN = { message: 'has provenance with mode=min, where mode=max is asked', id: 'provenance' };

  test.each<[string, boolean, 'min' | 'max' | false, Attestations, ReturnType<typeof checkAttestations>]>([
    ['the defaults, both there', true, 'min', [SBOM, MIN], { ok: true, checked: 'has an SBOM and provenance' }],
    ['min is met by max provenance', true, 'min', [SBOM, MAX], { ok: true, checked: 'has an SBOM and provenance' }],
    ['min is met by provenance of unknown mode', true, 'min', [SBOM, MODE_UNKNOWN], { ok: true, checked: 'has an SBOM and provenance' }],
    ['no SBOM', true, 'min', [MIN], { ok: false, findings: [NO_SBOM] }],
    ['no provenance', true, 'min', [SBOM], { ok: false, findings: [NO_PROVENANCE] }],
    ['neither', true, 'min', [], { ok: false, findings: [NO_SBOM, NO_PROVENANCE] }],
    ['max asked, max there', true, 'max', [SBOM, MAX], { ok: true, checked: 'has an SBOM and provenance (mode=max)' }],
    ['max asked, one of two is max', true, 'max', [SBOM, MIN, MAX], { ok: true, checked: 'has an SBOM and provenance (mode=max)' }],
    [
      'max asked, max there beside an unknown mode',
      true,
      'max',
      [SBOM, MODE_UNKNOWN, MAX],
      { ok: true, checked: 'has an SBOM and provenance (mode=max)' },
    ],
    ['max asked, only min', true, 'max', [SBOM, MIN], { ok: false, findings: [ONLY_MIN] }],
    ['max asked, no provenance at all', true, 'max', [SBOM], { ok: false, findings: [NO_PROVENANCE] }],
    ['max asked, neither', true, 'max', [], { ok: false, findings: [NO_SBOM, NO_PROVENANCE] }],
    ['max asked, its mode unknown', true, 'max', [SBOM, MODE_UNKNOWN], { noData: "its provenance's mode could not be read" }],
    ['max asked, min and an unknown mode', true, 'max', [SBOM, MIN, MODE_UNKNOWN], { noData: "its provenance's mode could not be read" }],
    ['provenance not asked, none there', true, false, [SBOM], { ok: true, checked: 'has an SBOM' }],
    ['provenance not asked, no SBOM', true, false, [MIN], { ok: false, findings: [NO_SBOM] }],
    ['SBOM not asked, none there', false, 'min', [MIN], { ok: true, checked: 'has provenance' }],
    ['SBOM not asked, no provenance', false, 'min', [], { ok: false, findings: [NO_PROVENANCE] }],
    ['SBOM not asked, max asked', false, 'max', [MAX], { ok: true, checked: 'has provenance (mode=max)' }],
    ['nothing asked', false, false, [], { ok: true, checked: 'nothing asked for' }],
  ])('%s', (_name, sbom, provenance, list, expected) => {
    expect(checkAttestations(platform({ attestations: known(list) }), { level: 'fail', sbom, provenance })).toEqual(expected);
  });

  test('attestations not read are no data, with the reason (whatever is asked)', () => {
    const facts = platform({ attestations: unknown('the referrers could not be listed') });
    expect(checkAttestations(facts, defaultPolicy().attestations)).toEqual({ noData: 'the referrers could not be listed' });
    expect(checkAttestations(facts, { level: 'fail', sbom: false, provenance: false })).toEqual({
      noData: 'the referrers could not be listed',
    });
  });
});

describe('base names', () => {
  test.each([
    ['docker.io/library/python', 'python'],
    ['docker.io/team/app', 'team/app'],
    [`${ECR}/base/python`, `${ECR}/base/python`],
    ['ghcr.io/org/image', 'ghcr.io/org/image'],
    ['registry.example/docker.io/library/x', 'registry.example/docker.io/library/x'],
  ])('familiarName(%s) is %s', (repository, name) => {
    expect(familiarName(repository)).toBe(name);
  });

  test.each([
    [PYTHON, 'python:3.12-slim'],
    [base('docker.io/library/python', '3.12-slim', { pinned: true }), `python:3.12-slim@${D1}`],
    [base('docker.io/library/python', undefined, { pinned: true }), `python@${D1}`],
    [base('docker.io/library/python', undefined), 'python'],
    [base(`${ECR}/base/node`, '22'), `${ECR}/base/node:22`],
  ])('baseName of %j', (image, name) => {
    expect(baseName(image)).toBe(name);
  });
});

describe('base-images', () => {
  const rule = (allowed: string[] = [], pinned = false): PolicyConfig['base-images'] => ({ level: 'fail', allowed, pinned });
  const check = (bases: BaseImage[], config: PolicyConfig['base-images']) => checkBaseImages(platform({ bases: known(bases) }), config);
  const ECR_PATTERN = '*.dkr.ecr.*.amazonaws.com/base/*';
  const ECR_PYTHON = base(`${ECR}/base/python`, '3.12');

  test.each<[string, BaseImage[], PolicyConfig['base-images'], string]>([
    ['FROM scratch: no bases, even with a list and pinned', [], rule(['python:*'], true), 'no base image (FROM scratch)'],
    ['no list: any base named by a version', [PYTHON], rule(), 'base python:3.12-slim: named by version'],
    ['a familiar pattern against a Docker Hub base', [PYTHON], rule(['python:3.12-*']), 'base python:3.12-slim: allowed'],
    ['a full pattern against a Docker Hub base', [PYTHON], rule(['docker.io/library/python:3.12-*']), 'base python:3.12-slim: allowed'],
    ['a repository without tag allows any tag', [PYTHON], rule(['python']), 'base python:3.12-slim: allowed'],
    ['a full repository without tag', [PYTHON], rule(['docker.io/library/python']), 'base python:3.12-slim: allowed'],
    ['a Docker Hub organisation, familiar', [base('docker.io/team/app', '1.0')], rule(['team/*']), 'base team/app:1.0: allowed'],
    ['a Docker Hub organisation, full', [base('docker.io/team/app', '1.0')], rule(['docker.io/team/*']), 'base team/app:1.0: allowed'],
    ['an ECR base', [ECR_PYTHON], rule([ECR_PATTERN]), `base ${ECR}/base/python:3.12: allowed`],
    [
      'any of several patterns',
      [PYTHON, ECR_PYTHON],
      rule([ECR_PATTERN, 'python:3.12-*']),
      `bases python:3.12-slim, ${ECR}/base/python:3.12: allowed`,
    ],
    [
      'pinned by digest only is not latest',
      [base('docker.io/library/python', undefined, { pinned: true })],
      rule(),
      `base python@${D1}: named by version`,
    ],
    [
      'a pattern on the digest',
      [base('docker.io/library/python', undefined, { pinned: true })],
      rule([`python@${D1}`]),
      `base python@${D1}: allowed`,
    ],
    [
      'pinned asked, tag and digest named',
      [base('docker.io/library/python', '3.12-slim', { pinned: true })],
      rule(['python:3.12-*'], true),
      `base python:3.12-slim@${D1}: allowed, pinned`,
    ],
    [
      'pinned asked, digest only',
      [base(`${ECR}/base/python`, undefined, { pinned: true })],
      rule([], true),
      `base ${ECR}/base/python@${D1}: named by version, pinned`,
    ],
  ])('%s: passes', (_name, bases, config, checked) => {
    expect(check(bases, config)).toEqual({ ok: true, checked });
  });

  const latest = (name: string) => ({ message: `${name} is built on "latest", which moves: name a version`, id: 'latest' });
  const notAllowed = (name: string, allowed: string) => ({
    message: `${name} is not an allowed base (allowed: ${allowed})`,
    id: 'not-allowed',
  });
  const notPinned = (name: string) => ({ message: `${name} is not pinned: name it by digest, FROM ${name}@${D1}`, id: 'not-pinned' });

  test.each<[string, BaseImage[], PolicyConfig['base-images'], Array<{ message: string; id: string }>]>([
    ['latest named explicitly', [base('docker.io/library/python', 'latest')], rule(), [latest('python:latest')]],
    ['no tag and not pinned (latest by default)', [base('docker.io/library/python', undefined)], rule(), [latest('python')]],
    ['latest on an ECR base', [base(`${ECR}/base/python`, 'latest')], rule([ECR_PATTERN]), [latest(`${ECR}/base/python:latest`)]],
    ['another minor version', [PYTHON], rule(['python:3.11-*']), [notAllowed('python:3.12-slim', 'python:3.11-*')]],
    ['a Docker Hub base where only ECR is allowed', [PYTHON], rule([ECR_PATTERN]), [notAllowed('python:3.12-slim', ECR_PATTERN)]],
    [
      'a pattern is the whole name, not a prefix',
      [base('docker.io/library/python-evil', '1')],
      rule(['python']),
      [notAllowed('python-evil:1', 'python')],
    ],
    [
      'a pattern is the whole name, not a suffix',
      [base('docker.io/evil/python', '3.12-slim')],
      rule(['python:3.12-*']),
      [notAllowed('evil/python:3.12-slim', 'python:3.12-*')],
    ],
    [
      'a tag pattern does not allow a base named by digest only',
      [base('docker.io/library/python', undefined, { pinned: true })],
      rule(['python:3.12-*']),
      [notAllowed(`python@${D1}`, 'python:3.12-*')],
    ],
    [
      'ECR in another path',
      [base(`${ECR}/team/python`, '3.12')],
      rule([ECR_PATTERN]),
      [notAllowed(`${ECR}/team/python:3.12`, ECR_PATTERN)],
    ],
    ['the list is named in full', [PYTHON], rule(['node:*', 'golang:*']), [notAllowed('python:3.12-slim', 'node:*, golang:*')]],
    ['pinned asked, named by tag', [PYTHON], rule([], true), [notPinned('python:3.12-slim')]],
    ['pinned asked, allowed but not pinned', [ECR_PYTHON], rule([ECR_PATTERN], true), [notPinned(`${ECR}/base/python:3.12`)]],
    [
      'everything wrong with one base, in order: latest, not allowed, not pinned',
      [base('docker.io/library/python', 'latest')],
      rule([ECR_PATTERN], true),
      [latest('python:latest'), notAllowed('python:latest', ECR_PATTERN), notPinned('python:latest')],
    ],
    [
      'each base on its own: one fine, one not',
      [ECR_PYTHON, base('docker.io/library/node', undefined)],
      rule([ECR_PATTERN]),
      [latest('node'), notAllowed('node', ECR_PATTERN)],
    ],
  ])('%s: fails', (_name, bases, config, findings) => {
    expect(check(bases, config)).toEqual({ ok: false, findings });
  });

  test('bases not read are no data, with the reason', () => {
    expect(checkBaseImages(platform({ bases: unknown('the build has no provenance to name its bases') }), rule(['python:*']))).toEqual({
      noData: 'the build has no provenance to name its bases',
    });
  });
});

describe('base-fresh', () => {
  const NODE = base('docker.io/library/node', '22-alpine', { digest: D2 });
  const check = (looked: Array<{ base: BaseImage; digestNow?: string; why?: string }>) =>
    checkBaseFresh(platform({ baseTagsNow: known(looked) }));
  const moved = (name: string, built: string, now: string) => ({
    message: `${name} has moved since this image was built: built on ${built}, the tag now names ${now}; rebuild to pick it up`,
    id: 'outdated',
  });

  test.each<[string, Array<{ base: BaseImage; digestNow?: string; why?: string }>, ReturnType<typeof checkBaseFresh>]>([
    ['no base named by a tag', [], { ok: true, checked: 'no base named by a tag' }],
    ['the tag names the same digest', [{ base: PYTHON, digestNow: D1 }], { ok: true, checked: 'python:3.12-slim: up to date' }],
    [
      'two bases, both the same',
      [
        { base: PYTHON, digestNow: D1 },
        { base: NODE, digestNow: D2 },
      ],
      { ok: true, checked: 'python:3.12-slim, node:22-alpine: up to date' },
    ],
    ['the tag moved', [{ base: PYTHON, digestNow: D3 }], { ok: false, findings: [moved('python:3.12-slim', D1, D3)] }],
    [
      'one moved, one the same',
      [
        { base: PYTHON, digestNow: D1 },
        { base: NODE, digestNow: D3 },
      ],
      { ok: false, findings: [moved('node:22-alpine', D2, D3)] },
    ],
    [
      'one moved, one not read: the move is reported',
      [
        { base: PYTHON, digestNow: D3 },
        { base: NODE, why: 'toomanyrequests' },
      ],
      { ok: false, findings: [moved('python:3.12-slim', D1, D3)] },
    ],
    [
      'the lookup failed, with why',
      [{ base: PYTHON, why: 'toomanyrequests: rate limit' }],
      { noData: 'python:3.12-slim: toomanyrequests: rate limit' },
    ],
    ['the lookup failed, no why', [{ base: PYTHON }], { noData: 'python:3.12-slim: its tag could not be read' }],
    [
      'one the same, one not read: no data, never a pass',
      [
        { base: PYTHON, digestNow: D1 },
        { base: NODE, why: 'unauthorized' },
      ],
      { noData: 'node:22-alpine: unauthorized' },
    ],
    [
      'two not read',
      [
        { base: PYTHON, why: 'unauthorized' },
        { base: NODE, why: 'timeout' },
      ],
      { noData: 'python:3.12-slim: unauthorized; node:22-alpine: timeout' },
    ],
  ])('%s', (_name, looked, expected) => {
    expect(check(looked)).toEqual(expected);
  });

  test('tags not looked up are no data, with the reason', () => {
    expect(checkBaseFresh(platform({ baseTagsNow: unknown('the bases are not known') }))).toEqual({ noData: 'the bases are not known' });
  });
});

describe('build-checks', () => {
  const JSON_ARGS: BuildCheck = {
    rule: 'JSONArgsRecommended',
    message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
    file: 'app/Dockerfile',
    line: 12,
    endLine: 13,
    url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
  };

  test.each<[string, Known<BuildCheck[]>, ReturnType<typeof checkBuildChecks>]>([
    ['none found', known([]), { ok: true, checked: 'no build check found anything' }],
    ['no data, with the reason', unknown('the builder does not run build checks'), { noData: 'the builder does not run build checks' }],
    [
      'a finding at its file and lines, with its link',
      known([JSON_ARGS]),
      {
        ok: false,
        findings: [
          {
            message:
              'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (app/Dockerfile:12)',
            id: 'JSONArgsRecommended',
            file: 'app/Dockerfile',
            line: 12,
            endLine: 13,
            url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
          },
        ],
      },
    ],
    [
      'a finding with no place',
      known([{ rule: 'SecretsUsedInArgOrEnv', message: 'Do not use ARG or ENV for secrets' }]),
      { ok: false, findings: [{ message: 'SecretsUsedInArgOrEnv: Do not use ARG or ENV for secrets', id: 'SecretsUsedInArgOrEnv' }] },
    ],
    [
      'a file without a line: the file is kept, the message names no place',
      known([{ rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", file: 'Dockerfile' }]),
      {
        ok: false,
        findings: [{ message: "FromAsCasing: 'as' and 'FROM' keywords' casing do not match", id: 'FromAsCasing', file: 'Dockerfile' }],
      },
    ],
    [
      'several, in the order BuildKit gave them',
      known([
        { rule: 'StageNameCasing', message: 'Stage name should be lowercase', file: 'Dockerfile', line: 1 },
        { rule: 'StageNameCasing', message: 'Stage name should be lowercase', file: 'Dockerfile', line: 7 },
      ]),
      {
        ok: false,
        findings: [
          { message: 'StageNameCasing: Stage name should be lowercase (Dockerfile:1)', id: 'StageNameCasing', file: 'Dockerfile', line: 1 },
          { message: 'StageNameCasing: Stage name should be lowercase (Dockerfile:7)', id: 'StageNameCasing', file: 'Dockerfile', line: 7 },
        ],
      },
    ],
  ])('%s', (_name, checks, expected) => {
    // Strict: a finding carries no empty keys a renderer would have to skip.
    expect(checkBuildChecks(checks)).toStrictEqual(expected);
  });
});
