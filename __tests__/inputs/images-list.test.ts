import { describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { ImageChecks } from '../../src/inputs/image-spec.js';
import { parseImages, type ImageDefaults } from '../../src/inputs/images-list.js';
import { InputError } from '../../src/util/errors.js';

const WORKSPACE = '/ws';
// The workspace: services/api, services/worker (each with a Dockerfile), a root Dockerfile, build/Dockerfile.
const FILES = new Set([
  'Dockerfile',
  'services/api/Dockerfile',
  'services/worker/Dockerfile',
  'services/worker/Worker.Dockerfile',
  'build/Dockerfile',
]);
const DIRS = new Set(['.', 'services/api', 'services/worker', 'build']);
const rel = (file: string) => path.relative(WORKSPACE, file) || '.';
const CHECKS: ImageChecks = {
  isDirectory: (file) => DIRS.has(rel(file)),
  isFile: (file) => FILES.has(rel(file)),
  resolve: (file) => path.resolve(WORKSPACE, file),
};
const STEP: ImageDefaults = {
  context: '.',
  file: undefined,
  target: undefined,
  buildArgs: ['COMMON=1', 'VERSION=1'],
  platforms: ['linux/amd64'],
};
const SOURCE = 'Input "images"';

const images = (yaml: string, defaults: ImageDefaults = STEP) => parseImages(parse(yaml), SOURCE, defaults, CHECKS);

describe('parseImages: each entry, with what it inherits from the step', () => {
  test("two images: their own fields, the step's where unset, build-args merged key by key", () => {
    expect(
      images(`
- name: api
  repository: shop/api
  context: services/api
  build-args: { VERSION: 2, EXTRA: "a,b" }
- name: worker
  repository: shop/worker
  context: services/worker
  file: services/worker/Worker.Dockerfile
  target: worker
  platforms: linux/amd64,linux/arm64
  build-args: |
    VERSION=3,4
`),
    ).toEqual([
      {
        name: 'api',
        repository: 'shop/api',
        context: 'services/api',
        file: 'services/api/Dockerfile',
        target: undefined,
        buildArgs: ['COMMON=1', 'VERSION=2', 'EXTRA=a,b'],
        platforms: ['linux/amd64'],
      },
      {
        name: 'worker',
        repository: 'shop/worker',
        context: 'services/worker',
        file: 'services/worker/Worker.Dockerfile',
        target: 'worker',
        buildArgs: ['COMMON=1', 'VERSION=3,4'],
        platforms: ['linux/amd64', 'linux/arm64'],
      },
    ]);
  });

  test.each([
    [
      'the step context and file kept by an entry without context',
      { ...STEP, file: 'build/Dockerfile' },
      '- {name: a, repository: shop/a}',
      'build/Dockerfile',
    ],
    [
      'an entry with its own context gets <context>/Dockerfile, not the step file',
      { ...STEP, file: 'build/Dockerfile' },
      '- {name: a, repository: shop/a, context: services/api}',
      'services/api/Dockerfile',
    ],
    ['no file anywhere: <context>/Dockerfile', STEP, '- {name: a, repository: shop/a}', 'Dockerfile'],
  ])('%s', (_name, defaults, yaml, file) => {
    expect(images(yaml, defaults)[0]!.file).toBe(file);
  });

  test('platforms as a YAML list; the step target inherited', () => {
    const [image] = images('- {name: a, repository: shop/a, platforms: [linux/arm64, linux/amd64]}', { ...STEP, target: 'runtime' });
    expect(image).toMatchObject({ platforms: ['linux/arm64', 'linux/amd64'], target: 'runtime', buildArgs: ['COMMON=1', 'VERSION=1'] });
  });

  test('a remote context is not looked for on disk', () => {
    expect(images('- {name: a, repository: shop/a, context: "https://github.com/acme/a.git#main"}')[0]).toMatchObject({
      context: 'https://github.com/acme/a.git#main',
      file: 'Dockerfile',
    });
  });
});

describe('parseImages: one line for each bad input, naming the image', () => {
  test.each([
    ['not a list', 'name: api', 'Input "images" is not a YAML list of images; accepted: a list of {name, repository'],
    ['an empty list', '[]', 'Input "images" is not a YAML list of images'],
    ['an entry that is not a mapping', '- shop/api', 'Input "images", image 1 is not a mapping'],
    [
      'an unknown field',
      '- {name: a, repository: shop/a, dockerfile: x}',
      'Input "images", image 1 has the field "dockerfile"; accepted: name, repository, context, file, target, build-args, platforms.',
    ],
    ['no name', '- {repository: shop/a}', 'Input "images", image 1 has no name'],
    ['a bad name', '- {name: "a b", repository: shop/a}', 'Input "images", image 1: name "a b" is not accepted'],
    [
      'no repository',
      '- {name: api}',
      'Input "images", image "api" has no repository; accepted: an ECR repository name for each image, e.g. shop/api.',
    ],
    [
      'a bad repository',
      '- {name: api, repository: Shop/API}',
      'Input "images", image "api": repository is "Shop/API"; accepted: an ECR repository name',
    ],
    [
      'duplicate names',
      '- {name: api, repository: shop/a}\n- {name: API, repository: shop/b}',
      'Input "images" names two images "API"; accepted: a different name for each image.',
    ],
    [
      'two images, one repository',
      '- {name: api, repository: shop/a}\n- {name: worker, repository: shop/a}',
      'Input "images": images "api" and "worker" both push to shop/a, under the same tags; accepted: one repository per image.',
    ],
    [
      'a context that is not there',
      '- {name: api, repository: shop/a, context: services/nope}',
      'Input "images", image "api": context is "services/nope", which is not a directory',
    ],
    [
      'a Dockerfile that is not there',
      '- {name: api, repository: shop/a, context: build, file: build/Nope}',
      'Input "images", image "api": file is "build/Nope", which does not exist',
    ],
    [
      'a bad platform',
      '- {name: api, repository: shop/a, platforms: "linux/amd64,amd64"}',
      'Input "images", image "api": platforms has "amd64"',
    ],
    [
      'platforms as a mapping',
      '- {name: api, repository: shop/a, platforms: {a: b}}',
      'Input "images", image "api": platforms is not a list',
    ],
    [
      'a build-arg without =',
      '- {name: api, repository: shop/a, build-args: "NOPE"}',
      'Input "images", image "api": build-args has "NOPE"',
    ],
    [
      'a build-arg that is a mapping',
      '- {name: api, repository: shop/a, build-args: {A: {b: 1}}}',
      'Input "images", image "api": build-args "A" is not a string',
    ],
    ['a name that is a list', '- {name: [a], repository: shop/a}', 'Input "images", image 1: name is not a string'],
  ])('%s', (_name, yaml, message) => {
    const attempt = () => images(yaml);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(message);
  });

  test('every message is one line', () => {
    try {
      images('- {name: "a\\nb", repository: shop/a}');
    } catch (error) {
      expect((error as Error).message).not.toMatch(/\n/);
    }
    expect.assertions(1);
  });
});
