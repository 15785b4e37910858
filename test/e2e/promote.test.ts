// Issue 5: tags that tell the truth — promote on pass, floating tags only forward, safe
// re-runs, repository set-up. Checked in the real registry.
import { describe, expect, test } from '@jest/globals';
import { commitSha, pushEvent, releaseEvent, runAction, workflowCommands } from './harness.js';
import { CRITICAL, findingsWorkspace } from './fixtures.js';
import { ecrCalls, putRepository, registryManifest, registryPushes, registryTags, stackEnv, uniqueRepository } from './stack.js';

async function digestOf(repository: string, tag: string): Promise<string | undefined> {
  return (await registryManifest(repository, tag))?.digest;
}

describe('promotion', () => {
  test('releases: v1.2.3 gets SHA + 1.2.3 + 1.2 + 1 + latest; v1.1.9 after it moves no latest; a prerelease gets no latest; a failing gate moves nothing', async () => {
    const repository = uniqueRepository('release');
    await putRepository(repository, { imageTagMutability: 'MUTABLE', scenario: { scanDelayMs: 200 } });
    const image = `${stackEnv().REGISTRY}/${repository}`;

    const first = releaseEvent('v1.2.3');
    const r1 = await runAction({ inputs: { repository }, event: first, files: findingsWorkspace() });
    expect(r1.main.exitCode).toBe(0);
    const d1 = r1.outputs.digest;
    for (const tag of [first.sha, '1.2.3', '1.2', '1', 'latest']) expect(await digestOf(repository, tag)).toBe(d1);
    expect(r1.outputs.tags.split('\n').sort()).toEqual([first.sha, '1.2.3', '1.2', '1', 'latest'].map((t) => `${image}:${t}`).sort());

    const old = releaseEvent('v1.1.9');
    const r2 = await runAction({ inputs: { repository }, event: old, files: findingsWorkspace() });
    expect(r2.main.exitCode).toBe(0);
    const d2 = r2.outputs.digest;
    expect(d2).not.toBe(d1);
    expect(await digestOf(repository, '1.1.9')).toBe(d2);
    expect(await digestOf(repository, '1.1')).toBe(d2);
    expect(await digestOf(repository, '1')).toBe(d1);
    expect(await digestOf(repository, 'latest')).toBe(d1);
    expect(r2.outputs.tags).not.toContain(':latest');
    expect(r2.summary).toMatch(/latest/);

    const pre = releaseEvent('v1.3.0-rc.1', { prerelease: true });
    const r3 = await runAction({ inputs: { repository }, event: pre, files: findingsWorkspace() });
    expect(r3.main.exitCode).toBe(0);
    expect(await digestOf(repository, '1.3.0-rc.1')).toBe(r3.outputs.digest);
    expect(await digestOf(repository, 'latest')).toBe(d1);
    expect(await digestOf(repository, '1.3')).toBeUndefined();

    const bad = releaseEvent('v1.4.0');
    const r4 = await runAction({
      inputs: { repository, 'build-args': `FINDINGS=${CRITICAL}` },
      event: bad,
      files: findingsWorkspace(),
    });
    expect(r4.main.exitCode).toBe(1);
    expect(await digestOf(repository, bad.sha)).toBe(r4.outputs.digest); // the candidate is there
    expect(await digestOf(repository, '1.4.0')).toBeUndefined();
    expect(await digestOf(repository, 'latest')).toBe(d1);
    expect(r4.outputs.tags).toBe(`${image}:${bad.sha}`);
    expect(r4.summary).toMatch(/held back/i);
  });

  test('a re-run of the same SHA builds and pushes nothing, and still scans and reports', async () => {
    const repository = uniqueRepository('rerun');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const event = pushEvent();
    const first = await runAction({ inputs: { repository }, event, files: findingsWorkspace() });
    expect(first.main.exitCode).toBe(0);
    const pushesBefore = (await registryPushes(repository)).length;
    expect(pushesBefore).toBeGreaterThan(0);
    const second = await runAction({ inputs: { repository }, event, files: findingsWorkspace() });
    expect(second.main.exitCode).toBe(0);
    expect(second.outputs.digest).toBe(first.outputs.digest);
    expect(second.main.log).toContain('skip-existing');
    expect(second.main.log).not.toContain('buildx build');
    expect((await registryPushes(repository)).length).toBe(pushesBefore);
    expect(second.outputs['scan-status']).toBe('COMPLETE');
    expect(second.summary).toMatch(/already existed/);
  });

  test('sha-tag false pushes by digest and writes the extra tags after the gate', async () => {
    const repository = uniqueRepository('by-digest');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const run = await runAction({
      inputs: { repository, 'sha-tag': 'false', tags: 'edge,nightly', builder: stackEnv().REMOTE_BUILDER },
      event: pushEvent(),
      files: findingsWorkspace(),
    });
    expect(run.main.exitCode).toBe(0);
    expect((await registryTags(repository)).sort()).toEqual(['edge', 'nightly']);
    expect(await digestOf(repository, 'edge')).toBe(run.outputs.digest);
  });

  test('a missing repository: a clear error without create-repository, created with it', async () => {
    const repository = uniqueRepository('missing');
    const without = await runAction({ inputs: { repository }, event: pushEvent(), files: findingsWorkspace() });
    expect(without.main.exitCode).toBe(1);
    const error = workflowCommands(without.main.log, 'error')[0];
    expect(error).toContain(repository);
    expect(error).toContain(stackEnv().REGISTRY);
    expect(error).toContain('create-repository');
    expect(await registryPushes(repository)).toEqual([]);

    const withFlag = await runAction({
      inputs: {
        repository,
        'create-repository': 'true',
        'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION',
        'tag-mutability-exclusions': 'latest',
      },
      event: pushEvent(commitSha()),
      files: findingsWorkspace(),
    });
    expect(withFlag.main.exitCode).toBe(0);
    const created = (await ecrCalls(repository)).find((c) => c.operation === 'CreateRepository');
    expect(created).toBeDefined();
    expect(withFlag.outputs['scan-status']).toBe('COMPLETE');
  });
});
