// Issue 4: one PR comment per comment-key, kept current; a comment that cannot be written is a warning.
import { describe, expect, test } from '@jest/globals';
import { commitSha, pullRequestEvent, runAction, workflowCommands } from './harness.js';
import { CRITICAL, HIGH, findingsWorkspace } from './fixtures.js';
import { prComments, putRepository, putToken, stackEnv, uniquePr, uniqueRepository } from './stack.js';

describe('PR comment', () => {
  test('first run creates, second run edits the same comment, another comment-key makes a second one', async () => {
    const repository = uniqueRepository('comment');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const number = uniquePr();
    const firstHead = commitSha();
    const first = await runAction({
      inputs: { repository, 'build-args': `FINDINGS=${HIGH}`, compare: 'none' },
      event: pullRequestEvent({ number, head: firstHead }),
      files: findingsWorkspace(),
    });
    expect(first.main.exitCode).toBe(0);
    let comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(`<!-- ecr-build-scan-push:`);
    expect(comments[0].body).toContain('CVE-2024-0002');
    expect(first.outputs['comment-url']).toBe(comments[0].html_url);
    // The comment names the PR head commit (not the merge commit), linked, so a reader tells a
    // current comment from a stale one.
    expect(comments[0].body).toContain(`**Commit:** [\`${firstHead.slice(0, 7)}\`](https://github.com/acme/retail/commit/${firstHead})`);

    const secondHead = commitSha();
    const second = await runAction({
      inputs: { repository, 'build-args': `FINDINGS=${CRITICAL}`, compare: 'none' },
      event: pullRequestEvent({ number, head: secondHead }),
      files: findingsWorkspace(),
    });
    expect(second.main.exitCode).toBe(1);
    comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('CVE-2024-0001');
    expect(comments[0].body).not.toContain('CVE-2024-0002');
    expect(comments[0].body).toContain(`**Commit:** [\`${secondHead.slice(0, 7)}\`](https://github.com/acme/retail/commit/${secondHead})`);
    expect(comments[0].body).not.toContain(firstHead.slice(0, 7));
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);

    const otherLeg = await runAction({
      inputs: { repository, 'build-args': `FINDINGS=${HIGH}`, compare: 'none', 'comment-key': 'arm64-leg' },
      event: pullRequestEvent({ number }),
      files: findingsWorkspace(),
    });
    expect(otherLeg.main.exitCode).toBe(0);
    comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(2);
    expect(comments.map((c) => c.body.split('\n')[0]).sort()).toEqual(
      [`<!-- ecr-build-scan-push:${stackEnv().REGISTRY}/${repository} -->`, '<!-- ecr-build-scan-push:arm64-leg -->'].sort(),
    );
  });

  test("a read-only token (a fork's) cannot write: a warning, and the scan decides the result", async () => {
    const repository = uniqueRepository('readonly');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const token = `ghs_readonly${Date.now()}`;
    await putToken(token, { login: 'github-actions[bot]', type: 'Bot', write: false });
    const number = uniquePr();
    const run = await runAction({
      inputs: { repository, compare: 'none' },
      event: pullRequestEvent({ number, fork: true }),
      files: findingsWorkspace(),
      githubToken: token,
    });
    expect(run.main.exitCode).toBe(0);
    expect(workflowCommands(run.main.log, 'warning').join('\n')).toMatch(/comment/i);
    expect(run.outputs['comment-url']).toBeUndefined();
    expect(await prComments('acme/retail', number)).toEqual([]);
    // The token never reaches the log except inside ::add-mask::.
    expect(run.allOutput.split('\n').filter((l) => l.includes(token) && !l.startsWith('::add-mask::'))).toEqual([]);
  });
});
