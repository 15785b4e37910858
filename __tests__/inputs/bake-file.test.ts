import { describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { imagesFromBake, repositoryOfTag, type BakeRequest } from '../../src/inputs/bake-file.js';
import type { ImageChecks } from '../../src/inputs/image-spec.js';
import { InputError } from '../../src/util/errors.js';

const WORKSPACE = '/ws';
const FILES = new Set(['services/api/Dockerfile', 'services/worker/Worker.Dockerfile', 'base/Dockerfile']);
const DIRS = new Set(['.', 'services/api', 'services/worker', 'base']);
const rel = (file: string) => path.relative(WORKSPACE, file) || '.';
const CHECKS: ImageChecks = {
  isDirectory: (file) => DIRS.has(rel(file)),
  isFile: (file) => FILES.has(rel(file)),
  resolve: (file) => path.resolve(WORKSPACE, file),
};
const STEP = { buildArgs: ['COMMON=1', 'A=step'], platforms: ['linux/amd64'] };
const SOURCE = 'Input "bake-file" (docker-bake.hcl)';
const REQUEST: BakeRequest = { input: 'bake-file', files: ['docker-bake.hcl'], targets: [], where: SOURCE, named: 'docker-bake.hcl' };
/** The images of what bake printed (as readInputs hands it over: the printed text). */
const fromBake = (printed: unknown, defaults = STEP) => imagesFromBake(REQUEST, { printed: JSON.stringify(printed) }, defaults, CHECKS);

// What `docker buildx bake --print` (buildx 0.36) prints for a bake file of two services and a
// base target they both use as a named context, with the group "default" requested.
const PRINTED = {
  group: { default: { targets: ['services'] }, services: { targets: ['api', 'worker'] } },
  target: {
    api: {
      context: 'services/api',
      contexts: { base: 'target:base' },
      dockerfile: 'Dockerfile',
      args: { A: '1' },
      labels: { team: 'shop' },
      tags: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:dev'],
      secret: [{ id: 'npm', env: 'NPM_TOKEN' }],
      output: [{ type: 'docker' }],
      attest: [{ type: 'sbom' }],
    },
    base: { context: 'base', dockerfile: 'Dockerfile', output: [{ type: 'cacheonly' }] },
    worker: {
      context: 'services/worker',
      contexts: { base: 'target:base' },
      dockerfile: 'Worker.Dockerfile',
      tags: ['shop/worker', 'shop/worker:latest'],
      target: 'runtime',
      platforms: ['linux/amd64', 'linux/arm64'],
    },
  },
};

const clone = (): typeof PRINTED => structuredClone(PRINTED);
const failure = (printed: unknown): Error => {
  try {
    fromBake(printed);
  } catch (error) {
    return error as Error;
  }
  throw new Error('imagesFromBake accepted the print');
};

describe('imagesFromBake: each requested target an image', () => {
  test('groups expanded; the repository from the tags; context, dockerfile, target, args and platforms from the bake file', () => {
    const { images, helpers } = fromBake(PRINTED);
    expect(images.map(({ bake: _bake, ...rest }) => rest)).toEqual([
      {
        name: 'api',
        repository: 'shop/api',
        context: 'services/api',
        file: 'services/api/Dockerfile',
        buildArgs: ['COMMON=1', 'A=1'],
        platforms: ['linux/amd64'],
      },
      {
        name: 'worker',
        repository: 'shop/worker',
        context: 'services/worker',
        file: 'services/worker/Worker.Dockerfile',
        target: 'runtime',
        buildArgs: ['COMMON=1', 'A=step'],
        platforms: ['linux/amd64', 'linux/arm64'],
      },
    ]);
    // What the step decides (tags, output, attest) is dropped; the rest is kept for the bake.
    expect(images[0]!.bake).toEqual({
      contexts: { base: 'target:base' },
      labels: { team: 'shop' },
      secret: [{ id: 'npm', env: 'NPM_TOKEN' }],
    });
    expect(helpers).toEqual({ base: PRINTED.target.base });
  });

  test('a target requested twice (directly and through a group) is one image', () => {
    const printed = clone();
    printed.group.default.targets = ['api', 'services'];
    expect(fromBake(printed).images.map((i) => i.name)).toEqual(['api', 'worker']);
  });

  test.each<[string, (p: ReturnType<typeof clone>) => unknown, string]>([
    [
      'a target with no tags',
      (p) => {
        delete (p.target.worker as { tags?: string[] }).tags;
        return p;
      },
      `${SOURCE}, target "worker" has no tags to name its repository; accepted: tags = ["<ECR repository>"] in the target, e.g. tags = ["shop/worker"].`,
    ],
    [
      'tags of two repositories',
      (p) => {
        p.target.worker.tags = ['shop/worker', 'shop/other:1'];
        return p;
      },
      `${SOURCE}, target "worker": tags name 2 repositories (shop/worker, shop/other); accepted: tags of one ECR repository (the step pushes each image to one).`,
    ],
    [
      'two targets tagged for one repository',
      (p) => {
        p.target.worker.tags = ['shop/api:x'];
        return p;
      },
      `${SOURCE}: images "api" and "worker" both push to shop/api, under the same tags; accepted: one repository per image.`,
    ],
    [
      'a missing dockerfile',
      (p) => {
        p.target.worker.dockerfile = 'Nope.Dockerfile';
        return p;
      },
      `${SOURCE}, target "worker": dockerfile is "services/worker/Nope.Dockerfile", which does not exist; accepted: the path of a Dockerfile, relative to the target's context.`,
    ],
    [
      'a bad platform',
      (p) => {
        p.target.worker.platforms = ['x86'];
        return p;
      },
      `${SOURCE}, target "worker": platforms has "x86"; accepted: comma-separated os/arch[/variant], e.g. linux/amd64,linux/arm64.`,
    ],
    [
      'a name outputs cannot key',
      (p) => ({ group: { default: { targets: ['api.v2'] } }, target: { 'api.v2': p.target.api } }),
      `${SOURCE}, target "api.v2": the name "api.v2" is not accepted; accepted: up to 64 letters, digits, _ and -, starting with a letter or digit.`,
    ],
    [
      'nothing requested',
      (p) => ({ group: { default: { targets: [] } }, target: p.target }),
      `${SOURCE} names no target to build; accepted: bake-targets naming its targets or groups, or a "default" group.`,
    ],
    ['no targets at all', () => ({ group: {} }), `${SOURCE}: docker buildx bake --print gave no targets`],
  ])('%s: one line', (_name, change, message) => {
    const error = failure(change(clone()));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).not.toMatch(/\n/);
  });

  test('dockerfile-inline needs no file on disk', () => {
    const printed = clone();
    (printed.target.worker as Record<string, unknown>)['dockerfile-inline'] = 'FROM scratch\n';
    printed.target.worker.dockerfile = 'Nope.Dockerfile';
    const worker = fromBake(printed).images[1]!;
    expect(worker.bake).toMatchObject({ 'dockerfile-inline': 'FROM scratch\n' });
  });
});

describe('repositoryOfTag', () => {
  test.each([
    ['shop/api', 'shop/api'],
    ['shop/api:1.2', 'shop/api'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:dev', 'shop/api'],
    ['127.0.0.1:15000/shop/api@sha256:' + 'a'.repeat(64), 'shop/api'],
    ['localhost/api:1', 'api'],
    ['api', 'api'],
  ])('%s → %s', (tag, repository) => {
    expect(repositoryOfTag(tag)).toBe(repository);
  });
});
