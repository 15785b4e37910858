// Issue 23: several images in one step: one login, one buildx bake, one verdict (promotion all or
// nothing), one comment, outputs keyed by name.
import { describe, expect, test } from '@jest/globals';
import { pullRequestEvent, pushEvent, releaseEvent, runAction, workflowCommands, type RunResult } from './harness.js';
import { CRITICAL, HIGH } from './fixtures.js';
import { ecrCalls, prComments, putRepository, registryTags, stackEnv, uniquePr, uniqueRepository } from './stack.js';

// Three services of one repository, their Dockerfiles sharing a first stage (the same files, the
// same steps: BuildKit builds it once in the one bake session).
const SERVICE_DOCKERFILE = (name: string) =>
  [
    'FROM scratch AS base',
    'COPY shared/ /shared/',
    '',
    'FROM base',
    'ARG FINDINGS=',
    `COPY services/${name}/app.txt /app.txt`,
    'LABEL ecr-standin.findings="${FINDINGS}"',
    'USER 10001',
    '',
  ].join('\n');

function monorepo(names: string[]): Record<string, string> {
  const files: Record<string, string> = { 'shared/lib.txt': `shared ${Math.random()}\n` };
  for (const name of names) {
    files[`services/${name}/Dockerfile`] = SERVICE_DOCKERFILE(name);
    files[`services/${name}/app.txt`] = `${name} ${Math.random()}\n`;
  }
  return files;
}

function imagesInput(entries: Array<{ name: string; repository: string; findings?: string }>): string {
  return entries
    .map(
      ({ name, repository, findings }) =>
        `- name: ${name}\n  repository: ${repository}\n  file: services/${name}/Dockerfile\n` +
        (findings ? `  build-args:\n    FINDINGS: "${findings}"\n` : ''),
    )
    .join('');
}

async function repositories(names: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of names) {
    result[name] = uniqueRepository(`images-${name}`);
    await putRepository(result[name], { scenario: { scanDelayMs: 300 } });
  }
  return result;
}

function bakes(run: RunResult): number {
  return (run.main.log.match(/in one docker buildx bake/g) ?? []).length;
}

describe('images: several images in one step', () => {
  test('three images sharing a base stage, one with a CRITICAL, on a release: one bake, the step fails, no image is promoted', async () => {
    const repos = await repositories(['api', 'worker', 'model']);
    const event = releaseEvent('v1.2.0');
    const run = await runAction({
      inputs: {
        images: imagesInput([
          { name: 'api', repository: repos.api!, findings: HIGH },
          { name: 'worker', repository: repos.worker!, findings: CRITICAL },
          { name: 'model', repository: repos.model! },
        ]),
        sarif: 'results/ecr.sarif',
      },
      event,
      files: monorepo(['api', 'worker', 'model']),
    });
    expect(run.main.exitCode).toBe(1);
    expect(bakes(run)).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('1 of 3 images failed the gate ("worker"): no image was promoted.');

    // Every image pushed under the SHA; none under the release's tags, not even the clean ones.
    for (const name of ['api', 'worker', 'model']) {
      const tags = await registryTags(repos[name]!);
      expect(tags).toContain(event.sha);
      expect(tags).not.toContain('1.2.0');
      expect(tags).not.toContain('latest');
    }

    const digests = JSON.parse(run.outputs.digests ?? '{}') as Record<string, string>;
    expect(Object.keys(digests)).toEqual(['api', 'worker', 'model']);
    const uris = JSON.parse(run.outputs['image-uris'] ?? '{}') as Record<string, string>;
    expect(uris.worker).toMatch(new RegExp(`/${repos.worker}@${digests.worker}$`));
    const findings = JSON.parse(run.outputs.findings ?? '{}') as Record<string, Record<string, number>>;
    expect(findings.worker?.CRITICAL).toBe(1);
    expect(findings.api).toMatchObject({ CRITICAL: 0, HIGH: 1 });
    expect(findings.model).toMatchObject({ CRITICAL: 0, HIGH: 0 });

    // One summary with a section per image, the clean one folded.
    expect(run.summary).toContain('ECR scan failed: 3 images');
    expect(run.summary).toMatch(/<summary>model: ✅ ECR scan passed<\/summary>/);
    expect(run.summary).toContain('CVE-2024-0001');
    expect(run.summary).toContain('the gate failed on "worker"');

    const report = JSON.parse(run.artifacts.report ?? '{}') as {
      verdict: string;
      images: Record<string, { heldBack: Array<{ tag: string }> }>;
    };
    expect(report.verdict).toBe('failed');
    expect(Object.keys(report.images)).toEqual(['api', 'worker', 'model']);
    expect(report.images.api?.heldBack.map((h) => h.tag)).toEqual(expect.arrayContaining(['1.2.0', 'latest']));

    const sarif = JSON.parse(run.artifacts.sarif ?? '{}') as { runs: Array<{ automationDetails: { id: string }; results: unknown[] }> };
    expect(sarif.runs.map((r) => r.automationDetails.id)).toEqual([
      'ecr-build-scan-push/api/',
      'ecr-build-scan-push/worker/',
      'ecr-build-scan-push/model/',
    ]);
    expect(sarif.runs.map((r) => r.results.length)).toEqual([1, 1, 0]);
  });

  test('all clean, on a release: every image promoted', async () => {
    const repos = await repositories(['api', 'worker']);
    const run = await runAction({
      inputs: {
        images: imagesInput([
          { name: 'api', repository: repos.api! },
          { name: 'worker', repository: repos.worker! },
        ]),
      },
      event: releaseEvent('v2.0.0'),
      files: monorepo(['api', 'worker']),
    });
    expect(run.main.exitCode).toBe(0);
    for (const name of ['api', 'worker'])
      expect(await registryTags(repos[name]!)).toEqual(expect.arrayContaining(['2.0.0', '2.0', '2', 'latest']));
    // Per image: the SHA, 2.0.0, 2.0, 2 and latest.
    expect(run.outputs.tags?.split('\n')).toHaveLength(10);
  });

  test('a pull request: one comment; a re-run of the commit with a third image builds only that one and edits the same comment', async () => {
    const repos = await repositories(['api', 'worker', 'model']);
    const number = uniquePr();
    const event = pullRequestEvent({ number });
    const files = monorepo(['api', 'worker', 'model']);
    const two = imagesInput([
      { name: 'api', repository: repos.api! },
      { name: 'worker', repository: repos.worker!, findings: HIGH },
    ]);
    const first = await runAction({ inputs: { images: two }, event, files });
    expect(first.main.exitCode).toBe(0);
    let comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('ECR scan passed: 2 images');

    const three = `${two}${imagesInput([{ name: 'model', repository: repos.model! }])}`;
    const second = await runAction({ inputs: { images: three }, event, files });
    expect(second.main.exitCode).toBe(0);
    expect(second.main.log).toContain('skipping build and push (skip-existing)');
    expect(second.main.log).toContain('Building model in one docker buildx bake.');
    const before = JSON.parse(first.outputs.digests ?? '{}') as Record<string, string>;
    const after = JSON.parse(second.outputs.digests ?? '{}') as Record<string, string>;
    expect(after.api).toBe(before.api);
    expect(after.worker).toBe(before.worker);
    expect(after.model).toMatch(/^sha256:/);
    comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('ECR scan passed: 3 images');
    expect(second.outputs['comment-url']).toBe(comments[0]!.html_url);
  });

  test('push: false (a fork): every image built in one bake, nothing pushed, no AWS call, one summary', async () => {
    const run = await runAction({
      inputs: {
        images: imagesInput([
          { name: 'api', repository: 'e2e/never-api' },
          { name: 'worker', repository: 'e2e/never-worker' },
        ]),
        push: 'false',
      },
      event: pullRequestEvent({ fork: true }),
      files: monorepo(['api', 'worker']),
    });
    expect(run.main.exitCode).toBe(0);
    expect(run.main.log).toContain('docker buildx bake');
    expect(run.state.registries).toBeUndefined();
    expect(run.outputs.digests).toBeUndefined();
    expect(run.summary).toContain('ECR scan skipped: 2 images');
    expect(run.summary).toContain('push is false: 2 images built, none pushed or scanned.');
    expect(await registryTags('e2e/never-api')).toEqual([]);
    expect(await ecrCalls('e2e/never-api')).toEqual([]);
  });

  test.each([
    [
      'two images with one name',
      '- {name: api, repository: e2e/x-a, file: services/api/Dockerfile}\n- {name: api, repository: e2e/x-b, file: services/api/Dockerfile}',
      {},
      'Input "images" names two images "api"',
    ],
    ['an image without a repository', '- {name: api, file: services/api/Dockerfile}', {}, 'Input "images", image "api" has no repository'],
    [
      'two images in one repository',
      '- {name: api, repository: e2e/x-a, file: services/api/Dockerfile}\n- {name: worker, repository: e2e/x-a, file: services/api/Dockerfile}',
      {},
      'both push to e2e/x-a',
    ],
    [
      'images with repository',
      '- {name: api, repository: e2e/x-a, file: services/api/Dockerfile}',
      { repository: 'e2e/x-b' },
      'Input "images" is set together with "repository"',
    ],
  ])('bad input: %s is one line, before any build', async (_name, images, extra, message) => {
    const run = await runAction({ inputs: { images, ...extra }, event: releaseEvent('v1.0.0'), files: monorepo(['api']) });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(run.main.log).not.toContain('docker buildx bake');
    expect(run.state.registries).toBeUndefined();
  });
});

// A bake file (HCL) of two services that both take the shared files from a third target, "base",
// as a named context: buildx resolves the file (variables from the environment, inherits), the
// step builds "base" once for both. The worker's findings come from an HCL variable.
function bakeWorkspace(repos: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = { 'shared/lib.txt': `shared ${Math.random()}\n` };
  for (const name of ['api', 'worker']) {
    files[`services/${name}/Dockerfile`] = [
      'FROM base',
      'ARG FINDINGS=',
      'COPY app.txt /app.txt',
      'LABEL ecr-standin.findings="${FINDINGS}"',
      '',
    ].join('\n');
    files[`services/${name}/app.txt`] = `${name} ${Math.random()}\n`;
  }
  files['docker-bake.hcl'] = `variable "WORKER_FINDINGS" { default = "" }

group "services" {
  targets = ["api", "worker"]
}

target "base" {
  context = "shared"
  dockerfile-inline = "FROM scratch\\nCOPY . /shared/\\n"
}

target "_service" {
  contexts = { base = "target:base" }
  labels = { "team" = "shop" }
}

target "api" {
  inherits = ["_service"]
  context = "services/api"
  tags = ["${repos.api}:dev"]
}

target "worker" {
  inherits = ["_service"]
  context = "services/worker"
  tags = ["123456789012.dkr.ecr.us-east-1.amazonaws.com/${repos.worker}"]
  args = { FINDINGS = "\${WORKER_FINDINGS}" }
}
`;
  return files;
}

describe('bake-file: the images from a bake file', () => {
  test('HCL read by buildx (variables, inherits, a shared target:base context), cache: ecr and SBOM + provenance per image, in one bake', async () => {
    const repos = await repositories(['api', 'worker']);
    const event = pushEvent();
    const run = await runAction({
      inputs: {
        'bake-file': 'docker-bake.hcl',
        'bake-targets': 'services',
        cache: 'ecr',
        sbom: 'true',
        provenance: 'mode=max',
        builder: stackEnv().REMOTE_BUILDER!,
      },
      event,
      env: { WORKER_FINDINGS: HIGH },
      files: bakeWorkspace(repos),
    });
    expect(run.main.log).not.toMatch(/::error/);
    expect(run.main.exitCode).toBe(0);
    expect(bakes(run)).toBe(1);
    expect(run.main.log).toContain('Building api, worker in one docker buildx bake.');

    const digests = JSON.parse(run.outputs.digests ?? '{}') as Record<string, string>;
    expect(Object.keys(digests)).toEqual(['api', 'worker']);
    const findings = JSON.parse(run.outputs.findings ?? '{}') as Record<string, Record<string, number>>;
    // The HCL variable, from the step's environment, reached the worker's build.
    expect(findings.worker?.HIGH).toBe(1);
    expect(findings.api?.HIGH).toBe(0);

    for (const name of ['api', 'worker']) {
      const tags = await registryTags(repos[name]!);
      // The image under the SHA (the bake file's own tags are the step's to decide), the cache
      // beside it in its own repository, the attestations in a referrers tag (this registry has no
      // referrers API).
      expect(tags).toContain(event.sha);
      expect(tags).not.toContain('dev');
      expect(tags).toContain('buildcache-main');
      expect(tags.filter((t) => t.startsWith('sha256-'))).toHaveLength(1);
    }
    const report = JSON.parse(run.artifacts.report ?? '{}') as {
      images: Record<string, { attestations?: { list: Array<{ kind: string }> } }>;
    };
    for (const name of ['api', 'worker']) {
      expect(report.images[name]?.attestations?.list.map((a) => a.kind).sort()).toEqual(['provenance', 'sbom']);
    }
  });

  test.each([
    [
      'an unknown bake target',
      'api,nope',
      'Input "bake-targets" has "nope", which docker-bake.hcl does not define; accepted: its targets and groups (',
    ],
    ['a target with no tags', 'base', 'Input "bake-file" (docker-bake.hcl), target "base" has no tags to name its repository'],
  ])('bad input: %s is one line, before any build', async (_name, targets, message) => {
    const run = await runAction({
      inputs: { 'bake-file': 'docker-bake.hcl', 'bake-targets': targets },
      event: releaseEvent('v1.0.0'),
      files: bakeWorkspace({ api: 'e2e/never-api', worker: 'e2e/never-worker' }),
    });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(run.main.log).not.toContain('in one docker buildx bake');
    expect(run.state.registries).toBeUndefined();
  });
});
