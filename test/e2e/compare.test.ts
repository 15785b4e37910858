// Issue 9: did this PR make it worse? Compare with the base image, gate on what is new.
import { describe, expect, test } from '@jest/globals';
import { pullRequestEvent, pushEvent, runAction, workflowCommands } from './harness.js';
import { CRITICAL, HIGH, findingsWorkspace } from './fixtures.js';
import { prComments, putRepository, uniquePr, uniqueRepository } from './stack.js';

const NEW_CRITICAL = 'CVE-2025-1111|CRITICAL|libxml2|2.9.14|2.9.15';

async function mainImage(repository: string, findings: string) {
  const event = pushEvent();
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${findings}`, 'severity-threshold': 'NONE' },
    event,
    files: findingsWorkspace(),
  });
  expect(run.main.exitCode).toBe(0);
  return event.sha;
}

async function prRun(repository: string, base: string, findings: string, inputs: Record<string, string> = {}, number = uniquePr()) {
  const event = pullRequestEvent({ base, number });
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${findings}`, ...inputs },
    event,
    files: findingsWorkspace(),
  });
  return { run, number };
}

describe('compare with the base image', () => {
  test('a PR that adds one CRITICAL and removes one HIGH: the comment names both; gate new fails on the added one', async () => {
    const repository = uniqueRepository('compare');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const base = await mainImage(repository, `${CRITICAL};${HIGH}`);
    const { run, number } = await prRun(repository, base, `${CRITICAL};${NEW_CRITICAL}`, { gate: 'new' });
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs.new).toBe('1');
    expect(run.outputs.fixed).toBe('1');
    const error = workflowCommands(run.main.log, 'error')[0];
    expect(error).toContain('CVE-2025-1111');
    expect(error).not.toContain('CVE-2024-0001');
    const comments = await prComments('acme/retail', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('adds 1 CRITICAL, fixes 1 HIGH');
    expect(comments[0].body).toContain('CVE-2025-1111');
    expect(comments[0].body).toContain('CVE-2024-0002');
    expect(run.outputs['comment-url']).toBe(comments[0].html_url);
    const report = JSON.parse(run.artifacts.report ?? '{}') as { findings: Array<{ id: string; comparison?: string }> };
    expect(report.findings.find((f) => f.id === 'CVE-2025-1111')?.comparison).toBe('new');
    expect(report.findings.find((f) => f.id === 'CVE-2024-0001')?.comparison).toBe('in-base');
  });

  test('a PR whose only CRITICAL is already in base passes with gate new and fails with gate all', async () => {
    const repository = uniqueRepository('inbase');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const base = await mainImage(repository, CRITICAL);
    const asNew = await prRun(repository, base, CRITICAL, { gate: 'new' });
    expect(asNew.run.main.exitCode).toBe(0);
    expect(asNew.run.outputs.new).toBe('0');
    const asAll = await prRun(repository, base, CRITICAL, { gate: 'all' });
    expect(asAll.run.main.exitCode).toBe(1);
  });

  test('no base image: the note, and gate new behaves as all', async () => {
    const repository = uniqueRepository('nobase');
    await putRepository(repository, { scenario: { scanDelayMs: 200 } });
    const { run, number } = await prRun(repository, 'f'.repeat(40), CRITICAL, { gate: 'new' });
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs.new).toBeUndefined();
    expect(run.summary).toContain('No image for the base commit fffffff');
    const comments = await prComments('acme/retail', number);
    expect(comments[0].body).toContain('comparison skipped');
  });
});
