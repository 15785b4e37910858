import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildChecksFromMetadata } from '../../src/buildx/warnings.js';
import { type BuildCheck } from '../../src/gate/rules/types.js';

// Real metadata files from `docker buildx build --metadata-file` with BUILDX_METADATA_WARNINGS=true
// (buildx v0.36.1, BuildKit v0.32.2); each warning carries its Dockerfile (sourceInfo.data, base64).
const metadata = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../__fixtures__/buildx-metadata/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const doc = (rule: string) => `https://docs.docker.com/go/dockerfile/rule/${rule}/`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('buildChecksFromMetadata on real buildx metadata', () => {
  test.each<[string, string, string, BuildCheck[]]>([
    ['a clean build: buildx writes no key', 'single-latest', 'Dockerfile', []],
    [
      'one check, a multi-platform build (listed once)',
      'multi-platform',
      'Dockerfile',
      [
        {
          rule: 'StageNameCasing',
          message: "Stage name 'Build' should be lowercase",
          file: 'Dockerfile',
          line: 4,
          endLine: 4,
          url: doc('stage-name-casing'),
        },
      ],
    ],
    [
      'five checks, a multi-platform build, sorted by line then rule',
      'multi-platform-warnings',
      'app/Dockerfile',
      [
        {
          rule: 'FromAsCasing',
          message: "'as' and 'FROM' keywords' casing do not match",
          file: 'app/Dockerfile',
          line: 1,
          endLine: 1,
          url: doc('from-as-casing'),
        },
        {
          rule: 'RedundantTargetPlatform',
          message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
          file: 'app/Dockerfile',
          line: 1,
          endLine: 1,
          url: doc('redundant-target-platform'),
        },
        {
          rule: 'StageNameCasing',
          message: "Stage name 'Build' should be lowercase",
          file: 'app/Dockerfile',
          line: 1,
          endLine: 1,
          url: doc('stage-name-casing'),
        },
        {
          rule: 'UndefinedVar',
          message: "Usage of undefined variable '$UNDEFINED_DIR'",
          file: 'app/Dockerfile',
          line: 2,
          endLine: 2,
          url: doc('undefined-var'),
        },
        {
          rule: 'JSONArgsRecommended',
          message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
          file: 'app/Dockerfile',
          line: 3,
          endLine: 3,
          url: doc('json-args-recommended'),
        },
      ],
    ],
    [
      'a check BuildKit gives no url for',
      'single-platform-flag',
      'Dockerfile',
      [
        {
          rule: 'InvalidBaseImagePlatform',
          message:
            'Base image 127.0.0.1:15000/base/busybox:latest was pulled with platform "linux/amd64", expected "linux/arm64" for current build',
          file: 'Dockerfile',
          line: 1,
          endLine: 1,
        },
      ],
    ],
    [
      '# check=skip=StageNameCasing: only the other check',
      'single-hub-copy-add-skip',
      'Dockerfile',
      [
        {
          rule: 'JSONArgsRecommended',
          message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
          file: 'Dockerfile',
          line: 11,
          endLine: 11,
          url: doc('json-args-recommended'),
        },
      ],
    ],
    [
      '# syntax=<frontend image>: the checks come from the frontend image',
      'single-syntax-frontend',
      'Dockerfile',
      [
        {
          rule: 'StageNameCasing',
          message: "Stage name 'Build' should be lowercase",
          file: 'Dockerfile',
          line: 2,
          endLine: 2,
          url: doc('stage-name-casing'),
        },
      ],
    ],
    [
      '-f docker/app.Dockerfile: sourceInfo names app.Dockerfile, the check names the workspace path',
      'single-subdir-dockerfile',
      'services/api/docker/app.Dockerfile',
      [
        {
          rule: 'StageNameCasing',
          message: "Stage name 'Build' should be lowercase",
          file: 'services/api/docker/app.Dockerfile',
          line: 1,
          endLine: 1,
          url: doc('stage-name-casing'),
        },
        {
          rule: 'JSONArgsRecommended',
          message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
          file: 'services/api/docker/app.Dockerfile',
          line: 3,
          endLine: 3,
          url: doc('json-args-recommended'),
        },
      ],
    ],
  ])('%s', (_, fixture, dockerfile, expected) => {
    expect(buildChecksFromMetadata(metadata(fixture), dockerfile)).toEqual(expected);
  });
});

describe('buildChecksFromMetadata', () => {
  const warning = (short: string, extra: Record<string, unknown> = {}) => ({
    vertex: 'sha256:0',
    level: 1,
    short: b64(short),
    detail: [b64('detail')],
    url: doc('x'),
    sourceInfo: { filename: 'Dockerfile', data: b64('FROM x\n'), language: 'Dockerfile' },
    range: [{ start: { line: 2 }, end: { line: 3 } }],
    ...extra,
  });

  test.each<[string, unknown, string, BuildCheck[] | undefined]>([
    ['absent key: none found', undefined, 'Dockerfile', []],
    ['not a list: unreadable', { a: 1 }, 'Dockerfile', undefined],
    [
      'identical warnings (other vertices) listed once',
      [warning('RuleA: m (line 2)'), warning('RuleA: m (line 2)', { vertex: 'sha256:1' })],
      'Dockerfile',
      [{ rule: 'RuleA', message: 'm', file: 'Dockerfile', line: 2, endLine: 3, url: doc('x') }],
    ],
    [
      'another file than the Dockerfile: its name beside the Dockerfile',
      [warning('RuleA: m (line 2)', { sourceInfo: { filename: 'other.Dockerfile' } })],
      'build/Dockerfile',
      [{ rule: 'RuleA', message: 'm', file: 'build/other.Dockerfile', line: 2, endLine: 3, url: doc('x') }],
    ],
    [
      'another file, the Dockerfile at the root',
      [warning('RuleA: m', { sourceInfo: { filename: 'other.Dockerfile' } })],
      'Dockerfile',
      [{ rule: 'RuleA', message: 'm', file: 'other.Dockerfile', line: 2, endLine: 3, url: doc('x') }],
    ],
    [
      'no place, no url: no file nor lines',
      [warning('RuleA: m', { sourceInfo: undefined, range: undefined, url: '' })],
      'Dockerfile',
      [{ rule: 'RuleA', message: 'm' }],
    ],
    [
      'a place without a range: the file only',
      [warning('RuleA: m', { range: [] })],
      'Dockerfile',
      [{ rule: 'RuleA', message: 'm', file: 'Dockerfile', url: doc('x') }],
    ],
    [
      'a warning that names no rule is kept whole; empty and malformed ones are skipped',
      [warning('Empty continuation line found in: RUN a (line 4)'), warning(''), { short: 1 }, null],
      'Dockerfile',
      [{ rule: 'warning', message: 'Empty continuation line found in: RUN a', file: 'Dockerfile', line: 2, endLine: 3, url: doc('x') }],
    ],
  ])('%s', (_, warnings, dockerfile, expected) => {
    const input = warnings === undefined ? {} : { 'buildx.build.warnings': warnings };
    expect(buildChecksFromMetadata(input, dockerfile)).toEqual(expected);
  });
});
