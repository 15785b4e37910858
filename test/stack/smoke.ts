// End-to-end smoke test of the local stack, with the real clients the action uses:
// @aws-sdk/client-ecr against the ECR stand-in, docker/buildx against the registry with
// both builders, @octokit/core against the GitHub stand-in.
// Run (stack started): node_modules/.bin/node test/stack/smoke.ts
// Uses its own repositories (smoke/…-<run id>) and deletes them at the end; does not reset
// the stand-ins, so it is safe next to other users of the stack.
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  type DescribeImageScanFindingsCommandOutput,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  PutImageCommand,
  StartImageScanCommand,
} from '@aws-sdk/client-ecr';
import { Octokit } from '@octokit/core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// --- environment: $STACK_DIR/env, unless the caller sourced it already -------------------
const stackDir = process.env.STACK_DIR ?? '/var/tmp/ecr-bsp-stack';
for (const line of readFileSync(join(stackDir, 'env'), 'utf8').split('\n')) {
  const m = /^export ([A-Z_0-9]+)=(.*)$/.exec(line);
  if (m && process.env[m[1]!] === undefined) process.env[m[1]!] = m[2]!;
}
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (is the stack started?)`);
  return value;
};
const REGISTRY = env('REGISTRY');
const ECR_ADMIN = env('ECR_STANDIN_ADMIN');
const GITHUB_ADMIN = env('GITHUB_STANDIN_ADMIN');
const run = Date.now().toString(36);

// --- tiny test harness -------------------------------------------------------------------
let failures = 0;
async function step(name: string, fn: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failures++;
    console.log(`FAIL ${name}: ${(err as Error).stack ?? err}`);
  }
}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
async function expectError(promise: Promise<unknown>, name: string, status?: number): Promise<void> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    check(e.name === name, `expected ${name}, got ${e.name}: ${(err as Error).message}`);
    if (status !== undefined) check(e.$metadata?.httpStatusCode === status, `expected HTTP ${status}, got ${e.$metadata?.httpStatusCode}`);
    return;
  }
  throw new Error(`expected ${name}, but the call succeeded`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
/** An admin endpoint's JSON answer; callers name the fields they read. */
async function admin<T = Record<string, never>>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

// --- docker: a throwaway copy of the stack's docker config (builders included) ------------
const work = mkdtempSync(join(tmpdir(), 'stack-smoke-'));
const dockerConfig = join(work, 'docker-config');
cpSync(env('STACK_DOCKER_CONFIG'), dockerConfig, { recursive: true });
function docker(args: string[], input?: string): string {
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
function build(builder: string, image: string, dockerfile: string, extra: string[] = []): void {
  const ctx = join(work, `ctx-${builder}-${Math.random().toString(36).slice(2)}`);
  execFileSync('mkdir', ['-p', ctx]);
  writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
  writeFileSync(join(ctx, 'hello.txt'), `smoke ${run} ${builder}\n`);
  try {
    docker(['buildx', 'build', '--builder', builder, '--progress', 'plain', ...extra, '-t', image, '--push', ctx]);
  } catch (err) {
    throw new Error(`docker buildx build --builder ${builder} failed:\n${(err as { stderr?: string }).stderr?.slice(-3000)}`, {
      cause: err,
    });
  }
}

const ecr = new ECRClient({});
const password = readFileSync(join(stackDir, 'registry-password'), 'utf8').trim();
async function registryDigest(repo: string, tag: string): Promise<string | undefined> {
  const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`,
      accept:
        'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json',
    },
  });
  return res.ok ? (res.headers.get('docker-content-digest') ?? undefined) : undefined;
}

/** Pages through DescribeImageScanFindings once the scan is done; returns every page. */
async function allFindingPages(repositoryName: string, imageDigest: string, maxResults?: number) {
  const first = await until(`scan of ${imageDigest}`, async () => {
    const out = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName, imageId: { imageDigest }, maxResults }));
    return out.imageScanStatus?.status === 'IN_PROGRESS' ? undefined : out;
  });
  const pages: DescribeImageScanFindingsCommandOutput[] = [first];
  while (pages.at(-1)!.nextToken) {
    pages.push(
      await ecr.send(
        new DescribeImageScanFindingsCommand({ repositoryName, imageId: { imageDigest }, maxResults, nextToken: pages.at(-1)!.nextToken }),
      ),
    );
  }
  return pages;
}

const FINDINGS = 'CVE-2024-0001|CRITICAL|openssl|3.0.1|3.0.2;CVE-2024-0002|LOW|zlib|1.2.13|';
const SCRATCH = `FROM scratch
COPY hello.txt /hello.txt
LABEL ecr-standin.findings="${FINDINGS}"
LABEL ecr-standin.findings.arm64="CVE-2024-0003|HIGH|arm-only|1.0|"
LABEL ecr-standin.generate="HIGH=1200,MEDIUM=30"
`;
const repoRemote = `smoke/remote-${run}`;
const repoDocker = `smoke/docker-${run}`;
const repoEnhanced = `smoke/enhanced-${run}`;

try {
  await step('ECR: GetAuthorizationToken, then docker login --password-stdin', async () => {
    const out = await ecr.send(new GetAuthorizationTokenCommand({}));
    const data = out.authorizationData?.[0];
    check(data?.authorizationToken && data.proxyEndpoint === `http://${REGISTRY}`, 'no token / wrong proxyEndpoint');
    check(data.expiresAt instanceof Date && data.expiresAt.getTime() > Date.now(), 'expiresAt not a future Date');
    const [user, pass] = Buffer.from(data.authorizationToken, 'base64').toString('utf8').split(/:(.*)/s);
    check(user === 'AWS' && pass, 'token is not AWS:<password>');
    const out2 = docker(['login', REGISTRY, '-u', user, '--password-stdin'], pass);
    check(out2.includes('Login Succeeded'), `docker login: ${out2}`);
  });

  await step('ECR: a bad secret key is rejected (InvalidSignatureException, 403)', async () => {
    const bad = new ECRClient({
      credentials: { accessKeyId: env('AWS_ACCESS_KEY_ID'), secretAccessKey: 'not-the-secret' },
      maxAttempts: 1,
    });
    await expectError(bad.send(new DescribeRepositoriesCommand({})), 'InvalidSignatureException', 403);
    const unknown = new ECRClient({ credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    await expectError(unknown.send(new DescribeRepositoriesCommand({})), 'UnrecognizedClientException', 400);
  });

  await step('ECR: repositories via the admin API (scan on push) and CreateRepository (manual scan)', async () => {
    await admin(`${ECR_ADMIN}/repositories/${repoRemote}`, 'PUT', { scanOnPush: true, scenario: { scanDelayMs: 300 } });
    await admin(`${ECR_ADMIN}/repositories/${repoEnhanced}`, 'PUT', {
      scenario: { scanType: 'ENHANCED', scanDelayMs: 200, enhancedSettleReads: 2 },
    });
    const created = await ecr.send(
      new CreateRepositoryCommand({ repositoryName: repoDocker, imageScanningConfiguration: { scanOnPush: false } }),
    );
    check(created.repository?.repositoryUri === `${REGISTRY}/${repoDocker}`, `repositoryUri ${created.repository?.repositoryUri}`);
    await expectError(ecr.send(new CreateRepositoryCommand({ repositoryName: repoDocker })), 'RepositoryAlreadyExistsException');
    await expectError(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [`smoke/none-${run}`] })), 'RepositoryNotFoundException');
  });

  let indexDigest = '';
  await step('build + push, remote builder, linux/amd64+arm64: index UNSUPPORTED_IMAGE, per-arch findings paged', async () => {
    build('stack-remote', `${REGISTRY}/${repoRemote}:v1`, SCRATCH, ['--platform', 'linux/amd64,linux/arm64']);
    const described = await until(
      'DescribeImages v1',
      async () =>
        (await ecr.send(new DescribeImagesCommand({ repositoryName: repoRemote, imageIds: [{ imageTag: 'v1' }] }))).imageDetails?.[0],
    );
    indexDigest = described.imageDigest!;
    check(described.imageManifestMediaType === 'application/vnd.oci.image.index.v1+json', `media type ${described.imageManifestMediaType}`);
    const indexScan = await until('index scan status', async () => {
      const out = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repoRemote, imageId: { imageTag: 'v1' } }));
      return out.imageScanStatus?.status;
    });
    check(indexScan === 'UNSUPPORTED_IMAGE', `index scan status ${indexScan}`);

    const got = await ecr.send(new BatchGetImageCommand({ repositoryName: repoRemote, imageIds: [{ imageTag: 'v1' }] }));
    const index = JSON.parse(got.images![0]!.imageManifest!) as { manifests: { digest: string; platform: { architecture: string } }[] };
    for (const arch of ['amd64', 'arm64']) {
      const platform = index.manifests.find((m) => m.platform.architecture === arch)!;
      const pages = await allFindingPages(repoRemote, platform.digest, 1000);
      const findings = pages.flatMap((p) => p.imageScanFindings?.findings ?? []);
      const expected = 2 + 1230 + (arch === 'arm64' ? 1 : 0);
      check(pages[0]!.imageScanStatus?.status === 'COMPLETE', `${arch}: status ${pages[0]!.imageScanStatus?.status}`);
      check(pages.length === 2, `${arch}: ${pages.length} pages, want 2 (1000 + rest)`);
      check(findings.length === expected, `${arch}: ${findings.length} findings, want ${expected}`);
      check(
        new Set(findings.map((f) => `${f.name}/${f.attributes?.find((a) => a.key === 'package_name')?.value}`)).size === expected,
        'duplicate findings across pages',
      );
      const counts = pages[0]!.imageScanFindings?.findingSeverityCounts ?? {};
      check(
        counts.CRITICAL === 1 && counts.HIGH === 1200 + (arch === 'arm64' ? 1 : 0) && counts.MEDIUM === 30 && counts.LOW === 1,
        `${arch}: counts ${JSON.stringify(counts)}`,
      );
    }
  });

  await step('build + push, docker driver: late push record, ScanNotFound, StartImageScan, quota, findings', async () => {
    // ECR records this push 1.5 s late: DescribeImages answers ImageNotFoundException meanwhile.
    await admin(`${ECR_ADMIN}/repositories/${repoDocker}`, 'PUT', { scenario: { pushDelayMs: 1500 } });
    build('default', `${REGISTRY}/${repoDocker}:v1`, SCRATCH);
    await expectError(
      ecr.send(new DescribeImagesCommand({ repositoryName: repoDocker, imageIds: [{ imageTag: 'v1' }] })),
      'ImageNotFoundException',
    );
    const detail = await until(
      'DescribeImages',
      async () =>
        (await ecr.send(new DescribeImagesCommand({ repositoryName: repoDocker, imageIds: [{ imageTag: 'v1' }] }))).imageDetails?.[0],
    );
    check(
      detail.imageManifestMediaType === 'application/vnd.docker.distribution.manifest.v2+json',
      `media type ${detail.imageManifestMediaType}`,
    );
    check(detail.imageScanStatus === undefined, 'scan status before any scan');
    const imageId = { imageTag: 'v1' };
    await expectError(ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repoDocker, imageId })), 'ScanNotFoundException');
    const started = await ecr.send(new StartImageScanCommand({ repositoryName: repoDocker, imageId }));
    check(started.imageScanStatus?.status === 'IN_PROGRESS', `StartImageScan status ${started.imageScanStatus?.status}`);
    await expectError(ecr.send(new StartImageScanCommand({ repositoryName: repoDocker, imageId })), 'LimitExceededException');
    const pages = await allFindingPages(repoDocker, detail.imageDigest!, 500);
    const total = pages.reduce((n, p) => n + (p.imageScanFindings?.findings?.length ?? 0), 0);
    check(pages.length === 3 && total === 1232, `${pages.length} pages, ${total} findings`);
    const after = await ecr.send(new DescribeImagesCommand({ repositoryName: repoDocker, imageIds: [imageId] }));
    check(after.imageDetails?.[0]?.imageScanFindingsSummary?.findingSeverityCounts?.HIGH === 1200, 'DescribeImages summary');
  });

  await step('scenarios on a scanned image: pageSize, finalStatus, neverCompletes, notFoundMs, findings, faults', async () => {
    const imageId = { imageTag: 'v1' };
    const scenario = (sc: object) => admin(`${ECR_ADMIN}/repositories/${repoDocker}`, 'PUT', { scenario: sc });
    const read = (maxResults?: number) =>
      ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repoDocker, imageId, maxResults }));
    await scenario({ pageSize: 7 });
    const paged = await read(1000);
    check(paged.imageScanFindings?.findings?.length === 7 && paged.nextToken, 'pageSize 7');
    await scenario({ finalStatus: 'FINDINGS_UNAVAILABLE' });
    const unavailable = await read();
    check(unavailable.imageScanStatus?.status === 'FINDINGS_UNAVAILABLE' && !unavailable.imageScanFindings, 'finalStatus');
    await scenario({ neverCompletes: true });
    check((await read()).imageScanStatus?.status === 'IN_PROGRESS', 'neverCompletes');
    await scenario({ notFoundMs: 3_600_000 });
    await expectError(read(), 'ScanNotFoundException');
    await scenario({ findings: 'CVE-2099-0001|CRITICAL|extra|1.0|1.1' });
    check((await read()).imageScanFindings?.findingSeverityCounts?.CRITICAL === 2, 'scenario.findings adds a CRITICAL');
    await scenario({ faults: { operations: ['DescribeImageScanFindings'], count: 1, status: 500 } });
    const retried = await read();
    check(
      retried.$metadata.attempts === 2 && retried.imageScanStatus?.status === 'COMPLETE',
      `fault retried: attempts ${retried.$metadata.attempts}`,
    );
    await scenario({});
  });

  await step('enhanced scanning: Inspector-shaped findings that settle after 2 reads', async () => {
    build('stack-remote', `${REGISTRY}/${repoEnhanced}:v1`, SCRATCH, ['--platform', 'linux/amd64', '--provenance=false']);
    const detail = await until(
      'DescribeImages',
      async () => (await ecr.send(new DescribeImagesCommand({ repositoryName: repoEnhanced }))).imageDetails?.[0],
    );
    const totals: number[] = [];
    for (let read = 0; read < 3; read++) {
      const pages = await allFindingPages(repoEnhanced, detail.imageDigest!, 1000);
      check(pages[0]!.imageScanStatus?.status === 'ACTIVE', `status ${pages[0]!.imageScanStatus?.status}`);
      check(
        pages.every((p) => (p.imageScanFindings?.enhancedFindings?.length ?? 0) <= 100),
        'enhanced page over 100',
      );
      const all = pages.flatMap((p) => p.imageScanFindings?.enhancedFindings ?? []);
      const counted = Object.values(pages[0]!.imageScanFindings?.findingSeverityCounts ?? {}).reduce((a, b) => a + b, 0);
      check(counted === all.length, `read ${read}: counts say ${counted}, pages hold ${all.length}`);
      totals.push(all.length);
      const critical = all.find((f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2024-0001');
      if (critical) {
        check(
          critical.fixAvailable === 'YES' && critical.packageVulnerabilityDetails?.vulnerablePackages?.[0]?.fixedInVersion === '3.0.2',
          'fix fields',
        );
      }
    }
    check(totals[0]! < totals[1]! && totals[1]! < totals[2]! && totals[2] === 1232, `totals per read ${totals}`);
  });

  await step('PutImage adds a tag the registry shows; repeat → ImageAlreadyExists; immutable → ImageTagAlreadyExists', async () => {
    const got = await ecr.send(new BatchGetImageCommand({ repositoryName: repoRemote, imageIds: [{ imageTag: 'v1' }] }));
    const image = got.images![0]!;
    const put = {
      repositoryName: repoRemote,
      imageManifest: image.imageManifest,
      imageManifestMediaType: image.imageManifestMediaType,
      imageTag: 'release-1',
    };
    const out = await ecr.send(new PutImageCommand(put));
    check(out.image?.imageId?.imageDigest === indexDigest, 'PutImage digest');
    check((await registryDigest(repoRemote, 'release-1')) === indexDigest, 'registry does not show release-1 on the index digest');
    await expectError(ecr.send(new PutImageCommand(put)), 'ImageAlreadyExistsException');
    // Make the repository immutable (the admin PUT keeps what ECR recorded), then try to move the tag.
    await admin(`${ECR_ADMIN}/repositories/${repoRemote}`, 'PUT', { scanOnPush: true, imageTagMutability: 'IMMUTABLE' });
    const child = (JSON.parse(image.imageManifest!) as { manifests: { digest: string; mediaType: string }[] }).manifests[0]!;
    const childImage = await ecr.send(new BatchGetImageCommand({ repositoryName: repoRemote, imageIds: [{ imageDigest: child.digest }] }));
    await expectError(
      ecr.send(
        new PutImageCommand({ ...put, imageManifest: childImage.images![0]!.imageManifest, imageManifestMediaType: child.mediaType }),
      ),
      'ImageTagAlreadyExistsException',
    );
    const pushes = await admin<{ pushes: unknown[] }>(`${ECR_ADMIN}/pushes?repository=${repoRemote}&tag=release-1`, 'GET');
    check(pushes.pushes.length === 1, `push log for release-1: ${JSON.stringify(pushes.pushes)}`);
  });

  await step('ECR: throttling scenario → the SDK retries ThrottlingException and succeeds', async () => {
    await admin(`${ECR_ADMIN}/repositories/${repoDocker}`, 'PUT', { scenario: { throttle: { operations: ['DescribeImages'], count: 2 } } });
    const out = await ecr.send(new DescribeImagesCommand({ repositoryName: repoDocker }));
    check(out.$metadata.attempts === 3, `attempts ${out.$metadata.attempts}`);
    const calls = await admin<{ calls: unknown[] }>(
      `${ECR_ADMIN}/calls?repository=${repoDocker}&operation=DescribeImages&error=ThrottlingException`,
      'GET',
    );
    check(calls.calls.length === 2, `throttled calls logged: ${calls.calls.length}`);
  });

  // --- GitHub -----------------------------------------------------------------------------
  const octokit = new Octokit({ auth: 'ghs_smoke0000000000000000000000000000', baseUrl: env('GITHUB_API_URL') });
  const repo = { owner: 'smoke-org', repo: `app-${run}` };
  await step('GitHub: create, list (paginated), patch a comment; /user is 403 for an app token; 422 over 65536 chars', async () => {
    await admin(`${GITHUB_ADMIN}/comments`, 'POST', {
      repo: `${repo.owner}/${repo.repo}`,
      issue: 7,
      body: 'from a human',
      login: 'octocat',
    });
    const created = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: 7,
      body: 'first',
    });
    check(
      created.status === 201 && created.data.user?.login === 'github-actions[bot]' && created.data.user.type === 'Bot',
      'created comment user',
    );
    check(
      created.data.html_url.endsWith(`/${repo.owner}/${repo.repo}/pull/7#issuecomment-${created.data.id}`),
      `html_url ${created.data.html_url}`,
    );
    for (let i = 0; i < 3; i++) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: 7, body: `more ${i}` });
    }
    const page1 = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: 7,
      per_page: 2,
    });
    check(
      page1.data.length === 2 && /rel="next"/.test(page1.headers.link ?? '') && /rel="last"/.test(page1.headers.link ?? ''),
      `link ${page1.headers.link}`,
    );
    const next = /<([^>]+)>; rel="next"/.exec(page1.headers.link!)![1]!;
    const page2 = await octokit.request(`GET ${next}`);
    check(page2.data.length === 2, `page 2 has ${page2.data.length}`);
    const patched = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: created.data.id,
      body: 'edited',
    });
    check(patched.data.body === 'edited', 'patched body');
    const fetched = await octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: created.data.id,
    });
    check(fetched.data.body === 'edited', 'fetched body');
    try {
      await octokit.request('GET /user');
      throw new Error('GET /user succeeded for an installation token');
    } catch (err) {
      const e = err as { status?: number; message?: string };
      check(e.status === 403 && /Resource not accessible by integration/.test(e.message ?? ''), `GET /user: ${e.status} ${e.message}`);
    }
    try {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 7,
        body: 'x'.repeat(65537),
      });
      throw new Error('a 65537-character comment was accepted');
    } catch (err) {
      const e = err as { status?: number; response?: { data?: { errors?: { message?: string }[] } } };
      check(e.status === 422 && /maximum is 65536/.test(e.response?.data?.errors?.[0]?.message ?? ''), `long body: ${e.status}`);
    }
    const seen = await admin<{ comments: unknown[] }>(`${GITHUB_ADMIN}/comments?repo=${repo.owner}/${repo.repo}&issue=7`, 'GET');
    check(seen.comments.length === 5, `admin sees ${seen.comments.length} comments`);
    // An injected 502 on the next comment POST to this repository, then normal service.
    await admin(`${GITHUB_ADMIN}/faults`, 'POST', {
      paths: `^/repos/${repo.owner}/${repo.repo}/issues/\\d+/comments$`,
      methods: ['POST'],
      count: 1,
      status: 502,
    });
    const failed = await octokit
      .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: 7, body: 'x' })
      .then(
        () => 0,
        (err: { status?: number }) => err.status,
      );
    check(failed === 502, `fault: got ${failed}`);
    const again = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: 7,
      body: 'x',
    });
    check(again.status === 201, 'after the fault');
  });
} finally {
  for (const name of [repoRemote, repoDocker, repoEnhanced]) {
    await admin(`${ECR_ADMIN}/repositories/${name}`, 'DELETE').catch(() => undefined);
  }
  rmSync(work, { recursive: true, force: true });
}

console.log(failures === 0 ? 'smoke: all passed' : `smoke: ${failures} step(s) failed`);
process.exit(failures === 0 ? 0 : 1);
