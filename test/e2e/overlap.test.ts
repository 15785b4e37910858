// Issue 30: two runs at once leave what one after the other would: one PR comment, showing the
// newest head commit, and floating tags that never move backwards. The stand-ins answer with
// GitHub's and ECR's own latency here (300 ms and 80 ms a request), which opens the windows
// between reading and writing that a stand-in answering in a millisecond hides.
import { describe, expect, test } from '@jest/globals';
import { commitSha, pullRequestEvent, releaseEvent, runAction } from './harness.js';
import { HIGH, findingsWorkspace } from './fixtures.js';
import { prComments, putGithubLatency, putRepository, registryManifest, uniquePr, uniqueRepository } from './stack.js';

const GITHUB_LATENCY_MS = 300;
const ECR_LATENCY_MS = 80;

async function digestOf(repository: string, tag: string): Promise<string | undefined> {
  return (await registryManifest(repository, tag))?.digest;
}

/**
 * The time between a release's look at the tags (ListImages) and its writes: long enough that two
 * releases started together both decide before either writes, every time, where ECR's 80 ms
 * opened that window for one trial in four.
 */
const DECIDE_WINDOW_MS = 1500;

/** A repository whose every ECR call takes ECR's own time; mutable, so floating tags may move. */
async function slowRepository(prefix: string, listImagesMs = 0): Promise<string> {
  const repository = uniqueRepository(prefix);
  await putRepository(repository, {
    imageTagMutability: 'MUTABLE',
    scenario: {
      scanDelayMs: 300,
      latencyMs: ECR_LATENCY_MS,
      // The answer comes late and tells the tags as they were when the call arrived.
      ...(listImagesMs > 0 ? { hangMs: { operations: ['ListImages'], ms: listImagesMs, after: true } } : {}),
    },
  });
  return repository;
}

describe('runs at the same time', () => {
  test.each([1, 2, 3])(
    'two runs of one pull request at once (trial %i): one comment of the step, showing the newer commit',
    async () => {
      const repository = await slowRepository('overlap-pr');
      const number = uniquePr();
      await putGithubLatency(number, GITHUB_LATENCY_MS);
      const [older, newer] = [commitSha(), commitSha()];
      // A push, then another a few seconds later: the pull request's head is the newer commit.
      const run = (head: string, findings: string) =>
        runAction({
          inputs: { repository, compare: 'none', 'build-args': `FINDINGS=${findings}` },
          event: pullRequestEvent({ number, head }),
          files: findingsWorkspace({ 'app.txt': `${head}\n` }),
          pullHead: newer,
        });
      const [first, second] = await Promise.all([run(older, ''), run(newer, HIGH)]);
      expect(first.main.exitCode).toBe(0);
      expect(second.main.exitCode).toBe(0);

      const comments = (await prComments('acme/retail', number)).filter((c) => c.body.startsWith('<!-- ecr-build-scan-push:'));
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain(`[\`${newer.slice(0, 7)}\`]`);
      expect(comments[0]!.body).toContain('CVE-2024-0002');
      expect(comments[0]!.body).not.toContain(older.slice(0, 7));
      // Both runs point at the comment that survived.
      expect(second.outputs['comment-url']).toBe(comments[0]!.html_url);
    },
    240_000,
  );

  test("a run of an older head after a newer one leaves the newer commit's comment untouched, and says so", async () => {
    const repository = await slowRepository('overlap-stale');
    const number = uniquePr();
    await putGithubLatency(number, GITHUB_LATENCY_MS);
    const [older, newer] = [commitSha(), commitSha()];
    const newest = await runAction({
      inputs: { repository, compare: 'none', 'build-args': `FINDINGS=${HIGH}` },
      event: pullRequestEvent({ number, head: newer }),
      files: findingsWorkspace({ 'app.txt': 'newer\n' }),
    });
    expect(newest.main.exitCode).toBe(0);
    const before = await prComments('acme/retail', number);
    expect(before).toHaveLength(1);

    // The older commit's run, late (a re-run, or a queue): the pull request's head is the newer one.
    const stale = await runAction({
      inputs: { repository, compare: 'none' },
      event: pullRequestEvent({ number, head: older }),
      files: findingsWorkspace({ 'app.txt': 'older\n' }),
      pullHead: newer,
    });
    expect(stale.main.exitCode).toBe(0);
    const after = await prComments('acme/retail', number);
    expect(after).toEqual(before);
    expect(after[0]!.body).toContain(`[\`${newer.slice(0, 7)}\`]`);
    expect(stale.main.log).toMatch(/Left the comment on pull request #\d+ in acme\/retail as it is: the pull request's head is now/);
  }, 240_000);

  test.each([
    ['the lower release started first', ['v1.5.0', 'v1.5.1']],
    ['the higher release started first', ['v1.5.1', 'v1.5.0']],
    ['the lower release started first, again', ['v1.5.0', 'v1.5.1']],
    ['the higher release started first, again', ['v1.5.1', 'v1.5.0']],
  ])(
    'two releases at once (%s): latest, 1.5 and 1 end on the higher release',
    async (_name, order) => {
      const repository = await slowRepository('overlap-release', DECIDE_WINDOW_MS);
      const runs = await Promise.all(
        order.map((tag) =>
          runAction({ inputs: { repository }, event: releaseEvent(tag), files: findingsWorkspace({ 'app.txt': `${tag}\n` }) }),
        ),
      );
      for (const run of runs) expect(run.main.exitCode).toBe(0);
      const higher = await digestOf(repository, '1.5.1');
      const lower = await digestOf(repository, '1.5.0');
      expect(higher).toBeDefined();
      expect(lower).not.toBe(higher);
      for (const tag of ['latest', '1.5', '1']) expect(await digestOf(repository, tag)).toBe(higher);
      // Whichever run's floating tags another run overtook says so: its outputs no longer name
      // them, its report names where they went and why.
      for (const run of runs) {
        const moved = [...run.main.log.matchAll(/Moved (latest|1\.5|1) to 1\.5\.1 \(sha256:[0-9a-f]{64}\): a newer release/g)].map(
          (m) => m[1],
        );
        for (const tag of moved) {
          expect(run.outputs.tags.split('\n').filter((ref) => ref.endsWith(`:${tag}`))).toEqual([]);
          expect(run.summary).toContain(`moved to 1.5.1: a newer release, promoted while this run was`);
        }
        // Whichever run put its floating tags back after the lower release's late writes still names them.
        const restored = [...run.main.log.matchAll(/Put (latest|1\.5|1) back on 1\.5\.1 \(this release\): 1\.5\.0, an older release/g)].map(
          (m) => m[1],
        );
        for (const tag of restored) expect(run.outputs.tags.split('\n').filter((ref) => ref.endsWith(`:${tag}`))).toHaveLength(1);
      }
    },
    240_000,
  );
});
