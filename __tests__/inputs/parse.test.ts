import { describe, expect, jest, test } from '@jest/globals';
import type { ImageBuild, InputEnvironment, Inputs } from '../../src/inputs/types.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import * as core from '../../__fixtures__/core.js';
import { WORKSPACE, fakeEnvironment, inputSource, type Workspace } from '../../__fixtures__/inputs.js';
import { defaultPolicy } from '../../src/gate/rules/config.js';

// readInputs registers the token with core.setSecret; parseInputs needs no mock.
jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { loadInputs, readInputs } = await import('../../src/inputs/read.js');
const { InputError } = await import('../../src/util/errors.js');

const REQUIRED = { repository: 'mlops/retail-api', 'aws-region': 'us-east-1' };
const DOCKERFILE = { Dockerfile: 'FROM alpine:3.20\n' };

/**
 * One image from `repository` as these tables state it: the step's settings with the one image's
 * repository and build beside them (`flat`).
 */
type Flat = Omit<Inputs, 'images' | 'source'> & ImageBuild & { repository: string };

/** What the minimal inputs parse to: every default of action.yml. */
const DEFAULTS: Flat = {
  repository: 'mlops/retail-api',
  registryId: undefined,
  awsRegion: 'us-east-1',
  createRepository: false,
  tagMutability: 'IMMUTABLE',
  tagMutabilityExclusions: [],
  lifecyclePolicy: undefined,
  context: '.',
  file: 'Dockerfile',
  buildArgs: [],
  labels: [],
  target: undefined,
  platforms: [],
  cacheFrom: [],
  cacheTo: [],
  cache: 'none',
  secrets: [],
  provenance: 'false',
  sbom: false,
  sbomGenerator: undefined,
  attestations: 'referrers',
  builder: undefined,
  noCache: false,
  pull: false,
  push: true,
  tags: [],
  shaTag: 'full',
  releaseTags: 'auto',
  latest: 'auto',
  skipExisting: true,
  scan: true,
  scanTimeoutSeconds: 600,
  severityThreshold: 'CRITICAL',
  ignore: [],
  ignoreUnfixed: false,
  epssThreshold: undefined,
  failOnExploitable: false,
  ignoreFile: undefined,
  vex: [],
  policy: { rules: defaultPolicy(), source: { inline: false } },
  onScanIncomplete: 'fail',
  signing: 'auto',
  compare: 'base',
  gate: 'all',
  comment: true,
  commentKey: undefined,
  githubToken: '',
  sarif: undefined,
  skipLogout: false,
};

function parseWith(values: Record<string, string>, workspace: Workspace = { files: DOCKERFILE }): Inputs {
  return loadInputs(inputSource(values), fakeEnvironment(workspace), workspace.bake);
}

/** A step of one image from `repository`, as one object: its settings and the image's fields. */
function flat(inputs: Inputs): Flat {
  const { images, source, ...settings } = inputs;
  expect(source).toBe('repository');
  expect(images).toHaveLength(1);
  const { name, repository, bake: _bake, ...build } = images[0]!;
  expect(name).toBe(repository);
  return { ...settings, repository, ...build };
}

/** The step's one image from `repository` parsed with these inputs, as one object. */
function flatWith(values: Record<string, string>, workspace: Workspace = { files: DOCKERFILE }): Flat {
  return flat(parseWith(values, workspace));
}

/** The error parseInputs throws; fails the test when it parses. */
function failureOf(values: Record<string, string>, workspace: Workspace = { files: DOCKERFILE }): Error {
  try {
    parseWith(values, workspace);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`parseInputs threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('parseInputs accepted the inputs');
}

const POLICY = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' },
    },
  ],
});
const IGNORE_YAML = [
  '- id: CVE-2024-0001',
  '  reason: not reachable from the API',
  '  expires: 2030-01-31',
  '- id: GHSA-abcd-efgh-ijkl',
  '  reason: dev dependency only',
].join('\n');
const IGNORE_ENTRIES = [
  { id: 'CVE-2024-0001', reason: 'not reachable from the API', expires: '2030-01-31' },
  { id: 'GHSA-abcd-efgh-ijkl', reason: 'dev dependency only' },
];

describe('parseInputs: valid inputs', () => {
  test('the required inputs alone give every default', () => {
    expect(flatWith(REQUIRED)).toEqual(DEFAULTS);
  });

  test('push: false needs no region: a build-only run makes no AWS call', () => {
    const inputs = parseWith({ repository: 'mlops/retail-api', push: 'false' }, { files: DOCKERFILE, env: {} });
    expect(inputs.push).toBe(false);
    expect(inputs.awsRegion).toBe('');
  });

  test("action.yml's defaults, passed as the runner passes them, parse like empty inputs", () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const defaults: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default !== undefined) defaults[name] = input.default;
    }
    defaults['github-token'] = 'ghs_runner-token'; // the runner expands ${{ github.token }}
    expect(flatWith({ ...defaults, ...REQUIRED })).toEqual({ ...DEFAULTS, githubToken: 'ghs_runner-token' });
  });

  // Region codes of every AWS partition, as the SDK's own partitions table lists them
  // (@aws-sdk/core util-endpoints partitions.js), including the European Sovereign Cloud.
  test.each([
    'us-east-1',
    'ap-southeast-7',
    'mx-central-1',
    'il-central-1',
    'cn-northwest-1',
    'us-gov-west-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'eusc-de-east-1',
  ])('region %s is accepted', (region) => {
    expect(parseWith({ ...REQUIRED, 'aws-region': region }).awsRegion).toBe(region);
  });

  test.each<[string, Record<string, string>, Workspace, Partial<Flat>]>([
    [
      'region from AWS_REGION',
      { repository: 'api' },
      { files: DOCKERFILE, env: { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' } },
      { repository: 'api', awsRegion: 'eu-west-1' },
    ],
    [
      'region from AWS_DEFAULT_REGION',
      { repository: 'api' },
      { files: DOCKERFILE, env: { AWS_DEFAULT_REGION: 'us-west-2' } },
      { repository: 'api', awsRegion: 'us-west-2' },
    ],
    // `env: AWS_REGION: ${{ vars.AWS_REGION }}` with the variable unset gives an empty AWS_REGION.
    [
      'an empty AWS_REGION falls through to AWS_DEFAULT_REGION',
      { repository: 'api' },
      { files: DOCKERFILE, env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' } },
      { repository: 'api', awsRegion: 'us-west-2' },
    ],
    [
      'the input wins over the environment',
      { ...REQUIRED, 'aws-region': 'ap-southeast-2' },
      { files: DOCKERFILE, env: { AWS_REGION: 'eu-west-1' } },
      { awsRegion: 'ap-southeast-2' },
    ],
    ['GovCloud region', { ...REQUIRED, 'aws-region': 'us-gov-west-1' }, { files: DOCKERFILE }, { awsRegion: 'us-gov-west-1' }],
    ['values are trimmed', { repository: '  mlops/retail-api\n', 'aws-region': ' us-east-1 ' }, { files: DOCKERFILE }, {}],
    ['cross-account registry', { ...REQUIRED, 'registry-id': '210987654321' }, { files: DOCKERFILE }, { registryId: '210987654321' }],
    [
      'create with exclusions, mutability case-insensitive',
      {
        ...REQUIRED,
        'create-repository': 'true',
        'tag-mutability': 'immutable_with_exclusion',
        'tag-mutability-exclusions': 'latest, v*\nrelease-*',
      },
      { files: DOCKERFILE },
      { createRepository: true, tagMutability: 'IMMUTABLE_WITH_EXCLUSION', tagMutabilityExclusions: ['latest', 'v*', 'release-*'] },
    ],
    ['MUTABLE', { ...REQUIRED, 'tag-mutability': 'MUTABLE' }, { files: DOCKERFILE }, { tagMutability: 'MUTABLE' }],
    [
      'MUTABLE_WITH_EXCLUSION',
      { ...REQUIRED, 'tag-mutability': 'MUTABLE_WITH_EXCLUSION' },
      { files: DOCKERFILE },
      { tagMutability: 'MUTABLE_WITH_EXCLUSION' },
    ],
    [
      'lifecycle policy read and kept as text',
      { ...REQUIRED, 'lifecycle-policy': 'ecr/lifecycle.json' },
      { files: { ...DOCKERFILE, 'ecr/lifecycle.json': POLICY } },
      { lifecyclePolicy: { path: `${WORKSPACE}/ecr/lifecycle.json`, text: POLICY } },
    ],
    [
      'context directory, default Dockerfile in it',
      { ...REQUIRED, context: 'services/api' },
      { files: { 'services/api/Dockerfile': 'FROM scratch' } },
      { context: 'services/api', file: 'services/api/Dockerfile' },
    ],
    [
      'context with a trailing slash',
      { ...REQUIRED, context: './services/api/' },
      { files: { 'services/api/Dockerfile': 'FROM scratch' } },
      { context: './services/api/', file: 'services/api/Dockerfile' },
    ],
    [
      'file given, relative to the workspace',
      { ...REQUIRED, context: 'services/api', file: 'docker/api.Dockerfile' },
      { files: { 'docker/api.Dockerfile': 'FROM scratch' }, dirs: ['services/api'] },
      { context: 'services/api', file: 'docker/api.Dockerfile' },
    ],
    // A git context holds its own Dockerfile: the default must name it inside the repository, not
    // path.join(url, 'Dockerfile') ("https:/github.com/…/Dockerfile"), and nothing local is checked.
    [
      "remote git context: default file is the repository's Dockerfile",
      { ...REQUIRED, context: 'https://github.com/octo-org/retail-api.git#main' },
      { files: {} },
      { context: 'https://github.com/octo-org/retail-api.git#main', file: 'Dockerfile' },
    ],
    [
      'remote git context with a file',
      { ...REQUIRED, context: 'https://github.com/octo-org/retail-api.git#main', file: 'docker/Dockerfile' },
      { files: {} },
      { context: 'https://github.com/octo-org/retail-api.git#main', file: 'docker/Dockerfile' },
    ],
    [
      'build-args keep = and commas in values, skip comments and blank lines',
      { ...REQUIRED, 'build-args': 'NODE_VERSION=22\n\n# a comment\nFEATURES=a=1,b=2\nEMPTY=\n' },
      { files: DOCKERFILE },
      { buildArgs: ['NODE_VERSION=22', 'FEATURES=a=1,b=2', 'EMPTY='] },
    ],
    [
      'labels as pairs, in order',
      { ...REQUIRED, labels: 'org.opencontainers.image.title=Retail API\r\nteam=ml-platform' },
      { files: DOCKERFILE },
      {
        labels: [
          ['org.opencontainers.image.title', 'Retail API'],
          ['team', 'ml-platform'],
        ],
      },
    ],
    [
      'target and builder',
      { ...REQUIRED, target: 'runtime', builder: 'builder-amd64' },
      { files: DOCKERFILE },
      { target: 'runtime', builder: 'builder-amd64' },
    ],
    [
      'platforms by comma and newline, with a variant',
      { ...REQUIRED, platforms: 'linux/amd64, linux/arm64\nlinux/arm/v7' },
      { files: DOCKERFILE },
      { platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'] },
    ],
    [
      'cache specs are not split on commas',
      {
        ...REQUIRED,
        'cache-from': 'type=gha\ntype=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/cache:api',
        'cache-to': 'type=gha,mode=max',
      },
      { files: DOCKERFILE },
      {
        cacheFrom: ['type=gha', 'type=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/cache:api'],
        cacheTo: ['type=gha,mode=max'],
      },
    ],
    [
      'secrets by env and by file',
      { ...REQUIRED, secrets: 'id=npm,env=NPM_TOKEN\nid=pip,src=/run/secrets/pip.conf' },
      { files: DOCKERFILE },
      { secrets: ['id=npm,env=NPM_TOKEN', 'id=pip,src=/run/secrets/pip.conf'] },
    ],
    ['provenance mode=max', { ...REQUIRED, provenance: 'mode=max' }, { files: DOCKERFILE }, { provenance: 'mode=max' }],
    ['provenance true', { ...REQUIRED, provenance: 'true' }, { files: DOCKERFILE }, { provenance: 'true' }],
    ['provenance mode=min', { ...REQUIRED, provenance: 'mode=min' }, { files: DOCKERFILE }, { provenance: 'mode=min' }],
    ['sbom true', { ...REQUIRED, sbom: 'true' }, { files: DOCKERFILE }, { sbom: true }],
    [
      'sbom with a generator image in a private registry, by digest',
      { ...REQUIRED, sbom: 'true', 'sbom-generator': `127.0.0.1:15000/docker/buildkit-syft-scanner@sha256:${'a'.repeat(64)}` },
      { files: DOCKERFILE },
      { sbom: true, sbomGenerator: `127.0.0.1:15000/docker/buildkit-syft-scanner@sha256:${'a'.repeat(64)}` },
    ],
    [
      'sbom with the default generator named',
      { ...REQUIRED, sbom: 'True', 'sbom-generator': 'docker/buildkit-syft-scanner:stable-1' },
      { files: DOCKERFILE },
      { sbom: true, sbomGenerator: 'docker/buildkit-syft-scanner:stable-1' },
    ],
    [
      'attestations index, case-insensitive',
      { ...REQUIRED, provenance: 'mode=max', attestations: 'Index' },
      { files: DOCKERFILE },
      { provenance: 'mode=max', attestations: 'index' },
    ],
    [
      'YAML booleans in any accepted case',
      {
        ...REQUIRED,
        'no-cache': 'True',
        pull: 'TRUE',
        push: 'false',
        'skip-existing': 'False',
        scan: 'FALSE',
        'ignore-unfixed': 'true',
        comment: 'false',
        'skip-logout': 'true',
        'create-repository': 'True',
      },
      { files: DOCKERFILE },
      {
        noCache: true,
        pull: true,
        push: false,
        skipExisting: false,
        scan: false,
        ignoreUnfixed: true,
        comment: false,
        skipLogout: true,
        createRepository: true,
      },
    ],
    [
      'tags by comma and newline',
      { ...REQUIRED, tags: 'edge, main\nstable_2024.06' },
      { files: DOCKERFILE },
      { tags: ['edge', 'main', 'stable_2024.06'] },
    ],
    [
      'a full reference in tags is kept for tags/plan.ts to reduce',
      { ...REQUIRED, tags: '123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api:main' },
      { files: DOCKERFILE },
      { tags: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/mlops/retail-api:main'] },
    ],
    ['sha-tag short, case-insensitive', { ...REQUIRED, 'sha-tag': 'SHORT' }, { files: DOCKERFILE }, { shaTag: 'short' }],
    ['sha-tag false', { ...REQUIRED, 'sha-tag': 'false' }, { files: DOCKERFILE }, { shaTag: 'false' }],
    ['cache ecr, case-insensitive', { ...REQUIRED, cache: 'ECR' }, { files: DOCKERFILE }, { cache: 'ecr' }],
    ['cache none', { ...REQUIRED, cache: 'none' }, { files: DOCKERFILE }, { cache: 'none' }],
    [
      'a buildcache- tag without cache: ecr is an ordinary tag',
      { ...REQUIRED, tags: 'buildcache-main' },
      { files: DOCKERFILE },
      { tags: ['buildcache-main'] },
    ],
    [
      'release-tags none, latest true',
      { ...REQUIRED, 'release-tags': 'none', latest: 'TRUE' },
      { files: DOCKERFILE },
      { releaseTags: 'none', latest: 'true' },
    ],
    ['latest false', { ...REQUIRED, latest: 'false' }, { files: DOCKERFILE }, { latest: 'false' }],
    ['scan-timeout lower bound', { ...REQUIRED, 'scan-timeout': '1' }, { files: DOCKERFILE }, { scanTimeoutSeconds: 1 }],
    ['scan-timeout upper bound (6 h)', { ...REQUIRED, 'scan-timeout': '21600' }, { files: DOCKERFILE }, { scanTimeoutSeconds: 21600 }],
    ['scan-timeout trimmed', { ...REQUIRED, 'scan-timeout': ' 900\n' }, { files: DOCKERFILE }, { scanTimeoutSeconds: 900 }],
    ['severity-threshold lower case', { ...REQUIRED, 'severity-threshold': 'high' }, { files: DOCKERFILE }, { severityThreshold: 'HIGH' }],
    ['severity-threshold NONE', { ...REQUIRED, 'severity-threshold': 'none' }, { files: DOCKERFILE }, { severityThreshold: 'NONE' }],
    [
      'severity-threshold INFORMATIONAL',
      { ...REQUIRED, 'severity-threshold': 'INFORMATIONAL' },
      { files: DOCKERFILE },
      { severityThreshold: 'INFORMATIONAL' },
    ],
    ...(
      [
        ['0.1', 0.1],
        ['0', 0],
        ['1', 1],
        ['1.0', 1],
        ['.05', 0.05],
        [' 0.25\n', 0.25],
      ] as Array<[string, number]>
    ).map(([raw, value]): [string, Record<string, string>, Workspace, Partial<Inputs>] => [
      `epss-threshold ${JSON.stringify(raw)}`,
      { ...REQUIRED, 'epss-threshold': raw },
      { files: DOCKERFILE },
      { epssThreshold: value },
    ]),
    ['fail-on-exploitable true', { ...REQUIRED, 'fail-on-exploitable': 'true' }, { files: DOCKERFILE }, { failOnExploitable: true }],
    [
      'ignore list',
      { ...REQUIRED, ignore: 'CVE-2024-0001\n# pinned upstream\nGHSA-abcd-efgh-ijkl' },
      { files: DOCKERFILE },
      { ignore: ['CVE-2024-0001', 'GHSA-abcd-efgh-ijkl'] },
    ],
    [
      'ignore-file given',
      { ...REQUIRED, 'ignore-file': 'security/ignore.yml' },
      { files: { ...DOCKERFILE, 'security/ignore.yml': IGNORE_YAML } },
      { ignoreFile: { path: `${WORKSPACE}/security/ignore.yml`, entries: IGNORE_ENTRIES } },
    ],
    [
      'default .ecr-scan-ignore.yml when present',
      REQUIRED,
      { files: { ...DOCKERFILE, '.ecr-scan-ignore.yml': IGNORE_YAML } },
      { ignoreFile: { path: `${WORKSPACE}/.ecr-scan-ignore.yml`, entries: IGNORE_ENTRIES } },
    ],
    [
      'an empty ignore file ignores nothing',
      REQUIRED,
      { files: { ...DOCKERFILE, '.ecr-scan-ignore.yml': '# nothing ignored yet\n' } },
      { ignoreFile: { path: `${WORKSPACE}/.ecr-scan-ignore.yml`, entries: [] } },
    ],
    [
      'reporting and gate options',
      {
        ...REQUIRED,
        'on-scan-incomplete': 'WARN',
        compare: 'none',
        gate: 'new',
        'comment-key': 'api-arm64',
        'github-token': 'ghs_abc',
        sarif: 'results/ecr.sarif',
      },
      { files: DOCKERFILE },
      {
        onScanIncomplete: 'warn',
        compare: 'none',
        gate: 'new',
        commentKey: 'api-arm64',
        githubToken: 'ghs_abc',
        sarif: 'results/ecr.sarif',
      },
    ],
  ])('%s', (_name, values, workspace, expected) => {
    expect(flatWith(values, workspace)).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe('parseInputs: bad values stop with one line naming the input and what it accepts', () => {
  const YAML_LIST = 'accepted: a YAML list of {id, reason, expires: YYYY-MM-DD}.';
  test.each<[string, Record<string, string>, Workspace, string]>([
    [
      'severity SUPER',
      { ...REQUIRED, 'severity-threshold': 'SUPER' },
      { files: DOCKERFILE },
      'Input "severity-threshold" is "SUPER"; accepted: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, NONE.',
    ],
    ['sha-tag long', { ...REQUIRED, 'sha-tag': 'long' }, { files: DOCKERFILE }, 'Input "sha-tag" is "long"; accepted: full, short, false.'],
    [
      'scan-timeout -1',
      { ...REQUIRED, 'scan-timeout': '-1' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "-1"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'scan-timeout abc',
      { ...REQUIRED, 'scan-timeout': 'abc' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "abc"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'scan-timeout 0',
      { ...REQUIRED, 'scan-timeout': '0' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "0"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'scan-timeout 99999999',
      { ...REQUIRED, 'scan-timeout': '99999999' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "99999999"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'scan-timeout 1.5',
      { ...REQUIRED, 'scan-timeout': '1.5' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "1.5"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'scan-timeout 10m',
      { ...REQUIRED, 'scan-timeout': '10m' },
      { files: DOCKERFILE },
      'Input "scan-timeout" is "10m"; accepted: a whole number of seconds from 1 to 21600.',
    ],
    [
      'tag-mutability unknown',
      { ...REQUIRED, 'tag-mutability': 'unknown' },
      { files: DOCKERFILE },
      'Input "tag-mutability" is "unknown"; accepted: MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION.',
    ],
    [
      'tag-mutability-exclusions with a space',
      { ...REQUIRED, 'tag-mutability-exclusions': 'latest,release 1' },
      { files: DOCKERFILE },
      'Input "tag-mutability-exclusions" has "release 1"; accepted: comma-separated wildcard filters of letters, digits, _ . - and *, e.g. latest,v*.',
    ],
    [
      'on-scan-incomplete maybe',
      { ...REQUIRED, 'on-scan-incomplete': 'maybe' },
      { files: DOCKERFILE },
      'Input "on-scan-incomplete" is "maybe"; accepted: fail, warn.',
    ],
    [
      'release-tags all',
      { ...REQUIRED, 'release-tags': 'all' },
      { files: DOCKERFILE },
      'Input "release-tags" is "all"; accepted: auto, none.',
    ],
    ['latest always', { ...REQUIRED, latest: 'always' }, { files: DOCKERFILE }, 'Input "latest" is "always"; accepted: auto, true, false.'],
    ['compare head', { ...REQUIRED, compare: 'head' }, { files: DOCKERFILE }, 'Input "compare" is "head"; accepted: base, none.'],
    ['gate some', { ...REQUIRED, gate: 'some' }, { files: DOCKERFILE }, 'Input "gate" is "some"; accepted: all, new.'],
    ['cache gha', { ...REQUIRED, cache: 'gha' }, { files: DOCKERFILE }, 'Input "cache" is "gha"; accepted: none, ecr.'],
    [
      'a tag that is a cache tag, with cache: ecr',
      { ...REQUIRED, cache: 'ecr', tags: 'stable\nbuildcache-main' },
      { files: DOCKERFILE },
      'Input "tags" has "buildcache-main", but with cache: ecr tags starting buildcache- hold the build cache; accepted: tag names that do not start with buildcache-.',
    ],
    ['sbom maybe', { ...REQUIRED, sbom: 'maybe' }, { files: DOCKERFILE }, 'Input "sbom" is "maybe"; accepted: true, false.'],
    [
      'provenance mode=full',
      { ...REQUIRED, provenance: 'mode=full' },
      { files: DOCKERFILE },
      'Input "provenance" is "mode=full"; accepted: false, true, mode=min or mode=max.',
    ],
    [
      'attestations inside',
      { ...REQUIRED, attestations: 'inside' },
      { files: DOCKERFILE },
      'Input "attestations" is "inside"; accepted: referrers, index.',
    ],
    [
      'sbom-generator with a comma (would reach buildx as another option)',
      { ...REQUIRED, sbom: 'true', 'sbom-generator': 'scanner:1,mode=x' },
      { files: DOCKERFILE },
      'Input "sbom-generator" is "scanner:1,mode=x"; accepted: an image reference such as docker/buildkit-syft-scanner:stable-1 or registry.example.com/team/scanner@sha256:<64 hex>.',
    ],
    [
      'sbom-generator without sbom',
      { ...REQUIRED, 'sbom-generator': 'docker/buildkit-syft-scanner:stable-1' },
      { files: DOCKERFILE },
      'Input "sbom-generator" is set but "sbom" is false; accepted: sbom-generator together with sbom: true.',
    ],
    [
      'provenance maybe',
      { ...REQUIRED, provenance: 'maybe' },
      { files: DOCKERFILE },
      'Input "provenance" is "maybe"; accepted: false, true, mode=min or mode=max.',
    ],
    ...['1.5', 'abc', '-0.1', '10%', '1e-1', '0.1.2', '2'].map((raw): [string, Record<string, string>, Workspace, string] => [
      `epss-threshold ${raw}`,
      { ...REQUIRED, 'epss-threshold': raw },
      { files: DOCKERFILE },
      `Input "epss-threshold" is "${raw}"; accepted: a number from 0 to 1 (an EPSS probability, e.g. 0.1 for 10 %), or empty for none.`,
    ]),
    [
      'fail-on-exploitable maybe',
      { ...REQUIRED, 'fail-on-exploitable': 'maybe' },
      { files: DOCKERFILE },
      'Input "fail-on-exploitable" is "maybe"; accepted: true, false.',
    ],
    ...['create-repository', 'no-cache', 'pull', 'push', 'skip-existing', 'scan', 'ignore-unfixed', 'comment', 'skip-logout'].map(
      (name): [string, Record<string, string>, Workspace, string] => [
        `${name} yes`,
        { ...REQUIRED, [name]: 'yes' },
        { files: DOCKERFILE },
        `Input "${name}" is "yes"; accepted: true, false.`,
      ],
    ),
    ['push 1', { ...REQUIRED, push: '1' }, { files: DOCKERFILE }, 'Input "push" is "1"; accepted: true, false.'],
    [
      'build-args line without =',
      { ...REQUIRED, 'build-args': 'NODE_VERSION=22\nDEBUG' },
      { files: DOCKERFILE },
      'Input "build-args" has the line "DEBUG"; accepted: newline-separated KEY=VALUE.',
    ],
    [
      'build-args line without a key',
      { ...REQUIRED, 'build-args': '=22' },
      { files: DOCKERFILE },
      'Input "build-args" has the line "=22"; accepted: newline-separated KEY=VALUE.',
    ],
    [
      'build-args key with a space',
      { ...REQUIRED, 'build-args': 'NODE VERSION=22' },
      { files: DOCKERFILE },
      'Input "build-args" has the line "NODE VERSION=22"; accepted: newline-separated KEY=VALUE.',
    ],
    [
      'labels line without =',
      { ...REQUIRED, labels: 'team: ml-platform' },
      { files: DOCKERFILE },
      'Input "labels" has the line "team: ml-platform"; accepted: newline-separated KEY=VALUE.',
    ],
    [
      'a long bad line is cut to 60 characters',
      { ...REQUIRED, labels: `description ${'x'.repeat(80)}` },
      { files: DOCKERFILE },
      `Input "labels" has the line "description ${'x'.repeat(45)}..."; accepted: newline-separated KEY=VALUE.`,
    ],
    [
      'secrets line that is a value',
      { ...REQUIRED, secrets: 'NPM_TOKEN=npm_s3cr3tValue123' },
      { files: DOCKERFILE },
      'Input "secrets" has a malformed line; accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.',
    ],
    [
      'secrets id only',
      { ...REQUIRED, secrets: 'id=npm' },
      { files: DOCKERFILE },
      'Input "secrets" has a malformed line (id=npm); accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.',
    ],
    [
      'secrets with a value key',
      { ...REQUIRED, secrets: 'id=npm,value=npm_s3cr3tValue123' },
      { files: DOCKERFILE },
      'Input "secrets" has a malformed line (id=npm); accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.',
    ],
    [
      'secrets env before id',
      { ...REQUIRED, secrets: 'env=NPM_TOKEN,id=npm' },
      { files: DOCKERFILE },
      'Input "secrets" has a malformed line; accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.',
    ],
    [
      'secrets id=NAME=VALUE',
      { ...REQUIRED, secrets: 'id=NPM_TOKEN=npm_s3cr3tValue123' },
      { files: DOCKERFILE },
      'Input "secrets" has a malformed line (id=NPM_TOKEN); accepted: newline-separated id=NAME,env=VAR or id=NAME,src=PATH.',
    ],
    [
      'platforms amd64',
      { ...REQUIRED, platforms: 'amd64' },
      { files: DOCKERFILE },
      'Input "platforms" has "amd64"; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.',
    ],
    [
      'platforms upper case',
      { ...REQUIRED, platforms: 'linux/amd64,Linux/ARM64' },
      { files: DOCKERFILE },
      'Input "platforms" has "Linux/ARM64"; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.',
    ],
    ...['-rc', '.hidden', 'has space', 'ümlaut', 'x'.repeat(129), 'mlops/retail-api@sha256:abc'].map(
      (tag): [string, Record<string, string>, Workspace, string] => [
        `tag ${tag.slice(0, 20)}`,
        { ...REQUIRED, tags: `edge\n${tag}` },
        { files: DOCKERFILE },
        `Input "tags" has "${tag.length > 60 ? `${tag.slice(0, 57)}...` : tag}"; accepted: tag names of up to 128 letters, digits, _ . - (not starting with . or -), newline- or comma-separated.`,
      ],
    ),
    ['missing repository', { 'aws-region': 'us-east-1' }, { files: DOCKERFILE }, 'Input "repository" is required and was empty.'],
    [
      'blank repository',
      { repository: '  ', 'aws-region': 'us-east-1' },
      { files: DOCKERFILE },
      'Input "repository" is required and was empty.',
    ],
    ...['MLOps/Retail-API', 'a', 'mlops//api', '/api', 'api/', 'api-', 'mlops/retail api'].map(
      (repository): [string, Record<string, string>, Workspace, string] => [
        `repository ${repository}`,
        { ...REQUIRED, repository },
        { files: DOCKERFILE },
        `Input "repository" is "${repository}"; accepted: an ECR repository name of 2-256 lowercase letters, digits, and . _ - / separators, e.g. mlops/retail-api.`,
      ],
    ),
    ...['12345', '1234567890123', 'abcdefghijkl', '1234-5678-9012'].map((id): [string, Record<string, string>, Workspace, string] => [
      `registry-id ${id}`,
      { ...REQUIRED, 'registry-id': id },
      { files: DOCKERFILE },
      `Input "registry-id" is "${id}"; accepted: a 12-digit AWS account ID.`,
    ]),
    [
      'no region at all',
      { repository: 'mlops/retail-api' },
      { files: DOCKERFILE, env: {} },
      'Input "aws-region" is empty and neither AWS_REGION nor AWS_DEFAULT_REGION is set; accepted: a region such as us-east-1.',
    ],
    [
      'region not a region',
      { ...REQUIRED, 'aws-region': 'N. Virginia' },
      { files: DOCKERFILE },
      'Input "aws-region" is "N. Virginia"; accepted: a region such as us-east-1.',
    ],
    [
      'region from env, upper case',
      { repository: 'api' },
      { files: DOCKERFILE, env: { AWS_REGION: 'US-EAST-1' } },
      'Input "aws-region" is "US-EAST-1"; accepted: a region such as us-east-1.',
    ],
    [
      'ignore id with a space',
      { ...REQUIRED, ignore: 'CVE 2024 0001' },
      { files: DOCKERFILE },
      'Input "ignore" has "CVE 2024 0001"; accepted: newline-separated vulnerability IDs such as CVE-2024-1234.',
    ],
    [
      'ignore-file missing',
      { ...REQUIRED, 'ignore-file': 'security/ignore.yml' },
      { files: DOCKERFILE },
      'Input "ignore-file" is "security/ignore.yml", which does not exist; accepted: the path of a YAML list of {id, reason, expires?}.',
    ],
    [
      'ignore-file not a list',
      { ...REQUIRED, 'ignore-file': 'ignore.yml' },
      { files: { ...DOCKERFILE, 'ignore.yml': 'id: CVE-2024-0001\nreason: x\n' } },
      `Input "ignore-file" (ignore.yml) must be a YAML list of {id, reason, expires?} entries; ${YAML_LIST}`,
    ],
    [
      'ignore-file entry a bare id',
      { ...REQUIRED, 'ignore-file': 'ignore.yml' },
      { files: { ...DOCKERFILE, 'ignore.yml': '- CVE-2024-0001\n' } },
      `Input "ignore-file" (ignore.yml) entry 1 must be a mapping with id, reason and optional expires; ${YAML_LIST}`,
    ],
    [
      'ignore-file missing reason',
      { ...REQUIRED, 'ignore-file': 'ignore.yml' },
      { files: { ...DOCKERFILE, 'ignore.yml': `${IGNORE_YAML}\n- id: CVE-2024-0002\n` } },
      `Input "ignore-file" (ignore.yml) entry 3 (CVE-2024-0002) needs a reason; ${YAML_LIST}`,
    ],
    [
      'ignore-file month 13',
      { ...REQUIRED, 'ignore-file': 'ignore.yml' },
      { files: { ...DOCKERFILE, 'ignore.yml': '- id: CVE-2024-0001\n  reason: r\n  expires: 2030-13-01\n' } },
      `Input "ignore-file" (ignore.yml) entry 1 (CVE-2024-0001) has expires "2030-13-01", which is not a date YYYY-MM-DD; ${YAML_LIST}`,
    ],
    [
      'ignore-file 31 June',
      { ...REQUIRED, 'ignore-file': 'ignore.yml' },
      { files: { ...DOCKERFILE, 'ignore.yml': '- id: CVE-2024-0001\n  reason: r\n  expires: 2030-06-31\n' } },
      `Input "ignore-file" (ignore.yml) entry 1 (CVE-2024-0001) has expires "2030-06-31", which is not a date YYYY-MM-DD; ${YAML_LIST}`,
    ],
    [
      'default ignore file malformed',
      REQUIRED,
      { files: { ...DOCKERFILE, '.ecr-scan-ignore.yml': '- id: CVE-2024-0001\n  expires: soon\n' } },
      `Input "ignore-file" (.ecr-scan-ignore.yml) entry 1 (CVE-2024-0001) needs a reason; ${YAML_LIST}`,
    ],
    [
      'lifecycle-policy missing',
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: DOCKERFILE },
      'Input "lifecycle-policy" is "lifecycle.json", which does not exist; accepted: the path of a lifecycle-policy JSON file.',
    ],
    [
      'lifecycle-policy without rules',
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: { ...DOCKERFILE, 'lifecycle.json': '{"rules": []}' } },
      'Input "lifecycle-policy" (lifecycle.json) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.',
    ],
    [
      'lifecycle-policy an empty object',
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: { ...DOCKERFILE, 'lifecycle.json': '{}' } },
      'Input "lifecycle-policy" (lifecycle.json) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.',
    ],
    [
      'lifecycle-policy null',
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: { ...DOCKERFILE, 'lifecycle.json': 'null' } },
      'Input "lifecycle-policy" (lifecycle.json) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.',
    ],
    [
      'lifecycle-policy rules not a list',
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: { ...DOCKERFILE, 'lifecycle.json': '{"rules": {"rulePriority": 1}}' } },
      'Input "lifecycle-policy" (lifecycle.json) has no "rules" list; accepted: an ECR lifecycle policy document {"rules": [...]}.',
    ],
    [
      'context missing',
      { ...REQUIRED, context: 'services/api' },
      { files: DOCKERFILE },
      'Input "context" is "services/api", which is not a directory; accepted: a build context directory (or a git/https URL).',
    ],
    [
      'context is a file',
      { ...REQUIRED, context: 'Dockerfile' },
      { files: DOCKERFILE },
      'Input "context" is "Dockerfile", which is not a directory; accepted: a build context directory (or a git/https URL).',
    ],
    [
      'no Dockerfile in the context',
      { ...REQUIRED, context: 'services/api' },
      { files: DOCKERFILE, dirs: ['services/api'] },
      'Input "file" is "services/api/Dockerfile", which does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).',
    ],
    [
      'file missing',
      { ...REQUIRED, file: 'docker/api.Dockerfile' },
      { files: DOCKERFILE },
      'Input "file" is "docker/api.Dockerfile", which does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).',
    ],
    [
      'file is a directory',
      { ...REQUIRED, file: 'docker' },
      { files: DOCKERFILE, dirs: ['docker'] },
      'Input "file" is "docker", which does not exist; accepted: the path of a Dockerfile (default <context>/Dockerfile).',
    ],
  ])('%s', (_name, values, workspace, message) => {
    const error = failureOf(values, workspace);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
  });

  test.each<[string, string]>([
    ['not YAML', '- id: CVE-2024-0001\n  reason: [unclosed\n'],
    ['a tab-indented mapping', '- id: CVE-2024-0001\n\treason: r\n'],
  ])('ignore-file %s names the input on one line', (_name, text) => {
    const error = failureOf({ ...REQUIRED, 'ignore-file': 'ignore.yml' }, { files: { ...DOCKERFILE, 'ignore.yml': text } });
    expect(error).toBeInstanceOf(InputError);
    // The parser's own words sit between the parentheses; ours are exact around them.
    expect(error.message).toMatch(
      /^Input "ignore-file" \(ignore\.yml\) is not valid YAML \([^\n]+\); accepted: a YAML list of \{id, reason, expires: YYYY-MM-DD\}\.$/,
    );
  });

  test('lifecycle-policy that is not JSON names the input on one line', () => {
    const error = failureOf(
      { ...REQUIRED, 'lifecycle-policy': 'lifecycle.json' },
      { files: { ...DOCKERFILE, 'lifecycle.json': '{rules: []}' } },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^Input "lifecycle-policy" \(lifecycle\.json\) is not valid JSON: [^\n]+; accepted: an ECR lifecycle policy document\.$/,
    );
  });

  test.each([
    'NPM_TOKEN=npm_s3cr3tValue123',
    'id=npm,value=npm_s3cr3tValue123',
    'id=NPM_TOKEN=npm_s3cr3tValue123',
    'id=npm npm_s3cr3tValue123',
    'npm_s3cr3tValue123',
  ])('a malformed secrets line %j is not echoed', (line) => {
    const error = failureOf({ ...REQUIRED, secrets: `id=ok,env=OK\n${line}` });
    expect(error.message).toMatch(/^Input "secrets" has a malformed line/);
    expect(error.message).not.toContain('s3cr3t');
  });

  test('every message is a single line', () => {
    const messages = [
      failureOf({ ...REQUIRED, 'severity-threshold': 'SUPER' }).message,
      failureOf({ ...REQUIRED, 'build-args': 'A=1\nB' }).message,
      failureOf({ ...REQUIRED, 'ignore-file': 'i.yml' }, { files: { ...DOCKERFILE, 'i.yml': 'a: [\n' } }).message,
    ];
    for (const message of messages) expect(message).not.toContain('\n');
  });
});

describe('parseInputs: images (several images in one step)', () => {
  const REGION = { 'aws-region': 'us-east-1' };
  const MONOREPO = { files: { 'services/api/Dockerfile': 'FROM scratch\n', 'services/worker/Dockerfile': 'FROM scratch\n' } };
  const LIST =
    '- {name: api, repository: shop/api, context: services/api}\n- {name: worker, repository: shop/worker, context: services/worker}\n';

  test('images: no repository of the step, each image with its own, the step inputs inherited', () => {
    const inputs = parseWith({ ...REGION, images: LIST, 'build-args': 'COMMON=1', platforms: 'linux/arm64' }, MONOREPO);
    expect(inputs.source).toBe('images');
    expect(inputs.images).toEqual([
      {
        name: 'api',
        repository: 'shop/api',
        context: 'services/api',
        file: 'services/api/Dockerfile',
        target: undefined,
        buildArgs: ['COMMON=1'],
        platforms: ['linux/arm64'],
      },
      {
        name: 'worker',
        repository: 'shop/worker',
        context: 'services/worker',
        file: 'services/worker/Dockerfile',
        target: undefined,
        buildArgs: ['COMMON=1'],
        platforms: ['linux/arm64'],
      },
    ]);
  });

  test('images-file: the same list read from the workspace', () => {
    const inputs = parseWith({ ...REGION, 'images-file': 'images.yml' }, { files: { ...MONOREPO.files, 'images.yml': LIST } });
    expect(inputs.images?.map((i) => i.name)).toEqual(['api', 'worker']);
  });

  test('without images, one image from repository: a list of one, named by its repository', () => {
    const inputs = parseWith(REQUIRED);
    expect(inputs.source).toBe('repository');
    expect(inputs.images).toEqual([
      {
        name: 'mlops/retail-api',
        repository: 'mlops/retail-api',
        context: '.',
        file: 'Dockerfile',
        target: undefined,
        buildArgs: [],
        platforms: [],
      },
    ]);
  });

  test.each<[string, Record<string, string>, Workspace, string]>([
    ['neither repository nor images', { ...REGION }, MONOREPO, 'Input "repository" is required and was empty.'],
    [
      'images with repository',
      { ...REQUIRED, images: LIST },
      MONOREPO,
      'Input "images" is set together with "repository"; accepted: repository for one image, or images (each image names its own repository).',
    ],
    [
      'images and images-file',
      { ...REGION, images: LIST, 'images-file': 'images.yml' },
      MONOREPO,
      'Input "images-file" is set together with "images"; accepted: one of them.',
    ],
    [
      'an images-file that is not there',
      { ...REGION, 'images-file': 'images.yml' },
      MONOREPO,
      'Input "images-file" is "images.yml", which does not exist; accepted: the path of a YAML list of images.',
    ],
    ['images that are not YAML', { ...REGION, images: '- {name: api' }, MONOREPO, 'Input "images" is not valid YAML: '],
    [
      'an image whose context is missing',
      { ...REGION, images: '- {name: api, repository: shop/api, context: services/nope}' },
      MONOREPO,
      'Input "images", image "api": context is "services/nope", which is not a directory',
    ],
    [
      'an image with a bad platform',
      { ...REGION, images: '- {name: api, repository: shop/api, context: services/api, platforms: x86}' },
      MONOREPO,
      'Input "images", image "api": platforms has "x86"',
    ],
  ])('%s', (_name, values, workspace, message) => {
    const error = failureOf(values, workspace);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toMatch(/\n/);
  });
});

describe('readInputs: the runner wiring', () => {
  test('reads INPUT_* from core, files from GITHUB_WORKSPACE, and masks the token', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'inputs-test-'));
    const saved = { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE, AWS_REGION: process.env.AWS_REGION };
    try {
      mkdirSync(path.join(workspace, 'api'));
      writeFileSync(path.join(workspace, 'api', 'Dockerfile'), 'FROM scratch\n');
      writeFileSync(path.join(workspace, '.ecr-scan-ignore.yml'), '- id: CVE-2024-0001\n  reason: not reachable\n');
      process.env.GITHUB_WORKSPACE = workspace;
      process.env.AWS_REGION = 'eu-central-1';
      const values: Record<string, string> = { repository: 'mlops/retail-api', context: 'api', 'github-token': 'ghs_runner-token' };
      core.getInput.mockImplementation((name) => values[name] ?? '');
      core.setSecret.mockClear();

      const inputs = await readInputs();

      expect(flat(inputs)).toEqual({
        ...DEFAULTS,
        awsRegion: 'eu-central-1',
        context: 'api',
        file: 'api/Dockerfile',
        githubToken: 'ghs_runner-token',
        ignoreFile: { path: path.join(workspace, '.ecr-scan-ignore.yml'), entries: [{ id: 'CVE-2024-0001', reason: 'not reachable' }] },
      });
      expect(core.setSecret.mock.calls).toEqual([['ghs_runner-token']]);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('a missing context on disk is an input error', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'inputs-test-'));
    const saved = process.env.GITHUB_WORKSPACE;
    try {
      process.env.GITHUB_WORKSPACE = workspace;
      const values: Record<string, string> = { repository: 'api', 'aws-region': 'us-east-1', context: 'nowhere' };
      core.getInput.mockImplementation((name) => values[name] ?? '');
      await expect(readInputs()).rejects.toThrow(
        new InputError('Input "context" is "nowhere", which is not a directory; accepted: a build context directory (or a git/https URL).'),
      );
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = saved;
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('parseInputs: bake-file and bake-targets (the images from a bake file)', () => {
  const REGION = { 'aws-region': 'us-east-1' };
  const FILES = { 'docker-bake.hcl': 'target "api" {}\n', 'services/api/Dockerfile': 'FROM scratch\n' };
  const PRINTED = JSON.stringify({
    group: { default: { targets: ['api'] } },
    target: {
      api: { context: 'services/api', dockerfile: 'Dockerfile', tags: ['shop/api'], contexts: { base: 'target:base' } },
      base: { context: 'services/api', dockerfile: 'Dockerfile' },
    },
  });
  const LISTED = JSON.stringify([{ name: 'api' }, { name: 'base' }, { name: 'default', group: true }]);

  function bakeOf(calls: string[][], answer: (args: string[]) => string = () => PRINTED) {
    return (args: string[]) => {
      calls.push(args);
      return answer(args);
    };
  }

  test('bake --print reads the files for the targets asked; its targets become the images', () => {
    const calls: string[][] = [];
    const inputs = parseWith(
      { ...REGION, 'bake-file': 'docker-bake.hcl', 'bake-targets': 'api', 'build-args': 'COMMON=1' },
      { files: FILES, bake: bakeOf(calls) },
    );
    expect(calls).toEqual([['--print', '--file', 'docker-bake.hcl', 'api']]);
    expect(inputs.source).toBe('bake-file');
    expect(inputs.images).toEqual([
      {
        name: 'api',
        repository: 'shop/api',
        context: 'services/api',
        file: 'services/api/Dockerfile',
        buildArgs: ['COMMON=1'],
        platforms: [],
        bake: { contexts: { base: 'target:base' } },
      },
    ]);
    expect(Object.keys(inputs.bakeHelpers ?? {})).toEqual(['base']);
  });

  test('bake-targets alone: bake finds its default file', () => {
    const calls: string[][] = [];
    parseWith({ ...REGION, 'bake-targets': 'api' }, { files: FILES, bake: bakeOf(calls) });
    expect(calls).toEqual([['--print', 'api']]);
  });

  test('an unknown target: one line that lists what the file defines', () => {
    const calls: string[][] = [];
    const bake = bakeOf(calls, (args) => {
      if (args[0] === '--print')
        throw new Error('#1 [internal] load local bake definitions\n#1 DONE 0.0s\nERROR: failed to find target nope\n');
      return LISTED;
    });
    const error = failureOf({ ...REGION, 'bake-file': 'docker-bake.hcl', 'bake-targets': 'api,nope' }, { files: FILES, bake });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Input "bake-targets" has "nope", which docker-bake.hcl does not define; accepted: its targets and groups (api, base, default).',
    );
    expect(calls[1]).toEqual(['--list=type=targets,format=json', '--file', 'docker-bake.hcl']);
  });

  test('a bake file buildx cannot read: its ERROR line, in one line', () => {
    const bake = () => {
      throw new Error('docker-bake.hcl:3\n--------\nERROR: docker-bake.hcl:3,1-2: Argument or block definition required\n');
    };
    const error = failureOf({ ...REGION, 'bake-file': 'docker-bake.hcl' }, { files: FILES, bake });
    expect(error.message).toBe(
      'Input "bake-file" (docker-bake.hcl) could not be read by docker buildx bake --print: docker-bake.hcl:3,1-2: Argument or block definition required; accepted: a bake file buildx reads.',
    );
  });

  test.each<[string, Record<string, string>, string]>([
    [
      'bake-file with images',
      { ...REGION, 'bake-file': 'docker-bake.hcl', images: '- {name: api, repository: shop/api}' },
      'Input "bake-file" is set together with "images"; accepted: one way to list the images, an images list or a bake file.',
    ],
    [
      'bake-file with repository',
      { ...REQUIRED, 'bake-file': 'docker-bake.hcl' },
      'Input "bake-file" is set together with "repository"; accepted: repository for one image, or bake-file (each image names its own repository).',
    ],
    [
      'a bake file that is not there',
      { ...REGION, 'bake-file': 'nope.hcl' },
      'Input "bake-file" has "nope.hcl", which does not exist; accepted: paths of bake files (HCL, compose or JSON), newline- or comma-separated.',
    ],
    [
      'a target name bake would take for a flag',
      { ...REGION, 'bake-targets': '--push' },
      'Input "bake-targets" has "--push"; accepted: names of the bake file\'s targets or groups.',
    ],
  ])('%s: one line before bake runs', (_name, values, message) => {
    const calls: string[][] = [];
    const error = failureOf(values, { files: FILES, bake: bakeOf(calls) });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
    expect(calls).toEqual([]);
  });
});

describe('the policy inputs (policy-file, policy)', () => {
  const withFiles = (files: Record<string, string>) => ({ files: { ...DOCKERFILE, ...files } });

  test('.ecr-policy.yml is read when the workspace has one, and the inline policy goes over it rule by rule', () => {
    const inputs = parseWith(
      { ...REQUIRED, policy: 'healthcheck: fail\nnon-root: off' },
      withFiles({ '.ecr-policy.yml': 'non-root: fail\nmax-size: { level: warn, mb: 200 }\n' }),
    );
    expect(inputs.policy.source).toEqual({ file: '.ecr-policy.yml', inline: true });
    expect(inputs.policy.rules['non-root'].level).toBe('off');
    expect(inputs.policy.rules.healthcheck.level).toBe('fail');
    expect(inputs.policy.rules['max-size']).toEqual({ level: 'warn', mb: 200 });
  });

  test('policy-file names another file', () => {
    const inputs = parseWith(
      { ...REQUIRED, 'policy-file': 'security/policy.yml' },
      withFiles({ 'security/policy.yml': 'licenses: { level: fail, deny: [AGPL-3.0-only] }' }),
    );
    expect(inputs.policy.rules.licenses).toEqual({ level: 'fail', deny: ['AGPL-3.0-only'], allowPackages: [] });
    expect(inputs.policy.source).toEqual({ file: 'security/policy.yml', inline: false });
  });

  test.each([
    [
      'a policy-file that does not exist',
      { 'policy-file': 'security/policy.yml' },
      {},
      'Input "policy-file" is "security/policy.yml", which does not exist; accepted: the path of a YAML mapping of rules.',
    ],
    [
      'a policy file that is not YAML',
      {},
      { '.ecr-policy.yml': 'non-root: [fail' },
      /^Input "policy-file" \(\.ecr-policy\.yml\) is not valid YAML \(.+\); accepted: a YAML mapping of rules, e.g\. "non-root: fail"\.$/,
    ],
    [
      'an inline policy with an unknown level',
      { policy: 'non-root: strict' },
      {},
      'Input "policy", rule "non-root" has level "strict"; accepted: off, warn, fail.',
    ],
  ])('%s: one line, before anything is built', (_name, values, files, message) => {
    expect(() => parseWith({ ...REQUIRED, ...values }, withFiles(files))).toThrow(InputError);
    expect(() => parseWith({ ...REQUIRED, ...values }, withFiles(files))).toThrow(message);
  });
});

describe('the vex input (OpenVEX files and globs)', () => {
  const vexDoc = (...ids: string[]) =>
    JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: ids.map((id) => ({ vulnerability: { name: id }, status: 'not_affected', justification: 'component_not_present' })),
    });
  const FILES: Record<string, string> = {
    ...DOCKERFILE,
    'docs/vex.json': vexDoc('CVE-2024-0001'),
    '.vex/api.json': vexDoc('CVE-2024-0002', 'CVE-2024-0003'),
    '.vex/base.json': vexDoc('CVE-2024-0004'),
    '.vex/.draft.json': vexDoc('CVE-2024-0005'),
    '.vex/notes.txt': 'not a VEX document',
    'services/api/security/openvex.json': vexDoc('CVE-2024-0006'),
    'services/web/openvex.json': vexDoc('CVE-2024-0007'),
  };

  /** The fake workspace, listed as read.ts lists the real one (for the globs). */
  function listed(files: Record<string, string>): InputEnvironment {
    const environment = fakeEnvironment({ files });
    const full = Object.keys(files).map((file) => path.resolve(WORKSPACE, file));
    return {
      ...environment,
      listDirectory(dir) {
        const names = new Map<string, boolean>();
        for (const file of full) {
          if (!file.startsWith(`${dir}/`)) continue;
          const [first, ...rest] = path.relative(dir, file).split('/');
          names.set(first!, rest.length > 0 || names.get(first!) === true);
        }
        return [...names].map(([name, directory]) => ({ name, directory }));
      },
    };
  }
  const vexOf = (value: string, files = FILES) => loadInputs(inputSource({ ...REQUIRED, vex: value }), listed(files)).vex;
  const read = (value: string, files = FILES) =>
    vexOf(value, files).map((s) => `${s.source.file}#${s.source.statement} ${s.vulnerability}`);

  test.each([
    ['one file', 'docs/vex.json', ['docs/vex.json#1 CVE-2024-0001']],
    ['./ and a trailing newline', './docs/vex.json\n', ['./docs/vex.json#1 CVE-2024-0001']],
    [
      'newline- and comma-separated, in the order given',
      '.vex/base.json\ndocs/vex.json, .vex/api.json',
      ['.vex/base.json#1 CVE-2024-0004', 'docs/vex.json#1 CVE-2024-0001', '.vex/api.json#1 CVE-2024-0002', '.vex/api.json#2 CVE-2024-0003'],
    ],
    [
      'a glob: sorted, a dot-file left out, relative names',
      '.vex/*.json',
      ['.vex/api.json#1 CVE-2024-0002', '.vex/api.json#2 CVE-2024-0003', '.vex/base.json#1 CVE-2024-0004'],
    ],
    ['a glob that spells the dot', '.vex/.*.json', ['.vex/.draft.json#1 CVE-2024-0005']],
    [
      '? and a class',
      '.vex/[ab]?[is]*.json',
      ['.vex/api.json#1 CVE-2024-0002', '.vex/api.json#2 CVE-2024-0003', '.vex/base.json#1 CVE-2024-0004'],
    ],
    [
      '** at any depth',
      'services/**/openvex.json',
      ['services/api/security/openvex.json#1 CVE-2024-0006', 'services/web/openvex.json#1 CVE-2024-0007'],
    ],
    ['* within one directory level only', 'services/*/openvex.json', ['services/web/openvex.json#1 CVE-2024-0007']],
    ['** does not enter dot-directories', '**/vex.json', ['docs/vex.json#1 CVE-2024-0001']],
    ['a file named twice is read once', 'docs/vex.json\ndocs/*.json', ['docs/vex.json#1 CVE-2024-0001']],
    ['comments and blank lines', '# our statements\n\ndocs/vex.json', ['docs/vex.json#1 CVE-2024-0001']],
  ])('%s', (_name, value, expected) => {
    expect(read(value)).toEqual(expected);
  });

  test('statements carry what the reports name', () => {
    expect(vexOf('docs/vex.json')).toEqual([
      {
        source: { file: 'docs/vex.json', statement: 1 },
        vulnerability: 'CVE-2024-0001',
        aliases: [],
        products: [],
        status: 'not_affected',
        justification: 'component_not_present',
      },
    ]);
  });

  test.each([
    [
      'a file that does not exist',
      'docs/missing.json',
      FILES,
      'Input "vex": docs/missing.json does not exist; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    ],
    [
      'a directory',
      'docs',
      FILES,
      'Input "vex": docs is a directory; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    ],
    [
      'a glob that matches nothing',
      'security/*.vex.json',
      FILES,
      'Input "vex": "security/*.vex.json" matches no file; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    ],
    [
      'a statement with no status',
      'docs/vex.json',
      {
        ...FILES,
        'docs/vex.json': JSON.stringify({ statements: [{ vulnerability: 'CVE-1', status: 'fixed' }, { vulnerability: 'CVE-2' }] }),
      },
      'Input "vex": docs/vex.json is not an OpenVEX document (statement 2 has no status); accepted: OpenVEX JSON.',
    ],
    [
      'a glob matching a file that is not OpenVEX',
      '.vex/*',
      FILES,
      /^Input "vex": \.vex\/notes\.txt is not valid JSON \([^\n]+\); accepted: OpenVEX JSON\.$/,
    ],
    [
      'a CycloneDX document',
      'bom.json',
      { ...FILES, 'bom.json': '{"bomFormat": "CycloneDX", "vulnerabilities": []}' },
      'Input "vex": bom.json is not an OpenVEX document (no statements list); accepted: OpenVEX JSON.',
    ],
  ])('%s: one line naming the input and the file', (_name, value, files, message) => {
    expect(() => vexOf(value, files)).toThrow(InputError);
    expect(() => vexOf(value, files)).toThrow(message);
  });

  test('without a directory listing, a glob matches nothing (one line, not a crash)', () => {
    expect(failureOf({ ...REQUIRED, vex: '.vex/*.json' }, { files: FILES }).message).toBe(
      'Input "vex": ".vex/*.json" matches no file; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    );
  });

  test('readInputs expands globs on disk, relative to the workspace', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'inputs-vex-'));
    const saved = process.env.GITHUB_WORKSPACE;
    try {
      mkdirSync(path.join(workspace, '.vex', 'nested'), { recursive: true });
      writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
      writeFileSync(path.join(workspace, '.vex', 'b.json'), vexDoc('CVE-2024-0002'));
      writeFileSync(path.join(workspace, '.vex', 'nested', 'a.json'), vexDoc('CVE-2024-0001'));
      process.env.GITHUB_WORKSPACE = workspace;
      const values: Record<string, string> = { ...REQUIRED, vex: '.vex/**/*.json' };
      core.getInput.mockImplementation((name) => values[name] ?? '');
      const inputs = await readInputs();
      expect(inputs.vex.map((s) => `${s.source.file} ${s.vulnerability}`)).toEqual([
        '.vex/b.json CVE-2024-0002',
        '.vex/nested/a.json CVE-2024-0001',
      ]);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = saved;
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
