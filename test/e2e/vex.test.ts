// Issue 31, part 2: OpenVEX statements (input `vex`) suppress findings of the image they name,
// end to end against the stack.
import { describe, expect, test } from '@jest/globals';
import { pushEvent, runAction, workflowCommands } from './harness.js';
import { CRITICAL, HIGH, findingsWorkspace } from './fixtures.js';
import { ecrCalls, putRepository, stackEnv, uniqueRepository } from './stack.js';

interface JsonReport {
  findings: Array<{
    id: string;
    severity: string;
    ignored?: { by: string; reason: string; vex?: { file: string; statement: number; id?: string; document?: string; status: string } };
  }>;
}

function readReport(run: { artifacts: { report?: string } }): JsonReport {
  if (run.artifacts.report === undefined) throw new Error('the action wrote no report file');
  return JSON.parse(run.artifacts.report) as JsonReport;
}

/** An OpenVEX document with these statements about this image's CVE-2024-0001 (the CRITICAL). */
function vexDocument(...statements: Array<Record<string, unknown>>): string {
  return JSON.stringify(
    {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.com/vex/retail-api-2026-01',
      author: 'Platform Team <platform@example.com>',
      timestamp: '2026-01-10T12:00:00Z',
      version: 1,
      statements,
    },
    null,
    2,
  );
}

async function vexCase(name: string, vex: string, files: Record<string, string>) {
  const repository = uniqueRepository(name);
  await putRepository(repository, { scenario: { scanDelayMs: 300 } });
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${CRITICAL};${HIGH}`, vex },
    event: pushEvent(),
    files: findingsWorkspace(files),
  });
  return { repository, run };
}

describe('vex: OpenVEX statements suppress the findings of the image they name', () => {
  test('a not_affected statement for the CRITICAL, product = the image repository: the step passes and the reports name the statement', async () => {
    const repository = uniqueRepository('vex-pass');
    const registry = stackEnv().REGISTRY;
    await putRepository(repository, { scenario: { scanDelayMs: 300 } });
    const document = vexDocument(
      {
        vulnerability: { name: 'CVE-2024-0002' },
        products: [{ '@id': 'team/another-image' }],
        status: 'not_affected',
        justification: 'component_not_present',
      },
      {
        vulnerability: { name: 'cve-2024-0001', aliases: ['GHSA-aaaa-bbbb-cccc'] },
        products: [
          {
            '@id': `${registry}/${repository}:latest`,
            identifiers: { purl: `pkg:oci/${repository.split('/').pop()}?repository_url=${registry}/${repository}` },
          },
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        impact_statement: 'TLS is terminated at the load balancer',
      },
    );
    const run = await runAction({
      inputs: { repository, 'build-args': `FINDINGS=${CRITICAL};${HIGH}`, vex: '.vex/*.json' },
      event: pushEvent(),
      files: findingsWorkspace({ '.vex/retail-api.json': document }),
    });
    expect(run.main.exitCode).toBe(0);
    expect(workflowCommands(run.main.log, 'error')).toEqual([]);
    expect(run.outputs.critical).toBe('0');
    expect(run.outputs.high).toBe('1');
    expect(run.outputs.ignored).toBe('1');
    const reason =
      'VEX .vex/retail-api.json (statement 2): not_affected, vulnerable_code_not_in_execute_path: TLS is terminated at the load balancer';
    const report = readReport(run);
    expect(report.findings.find((f) => f.id === 'CVE-2024-0001')?.ignored).toEqual({
      by: 'vex',
      reason,
      vex: { file: '.vex/retail-api.json', statement: 2, document: 'https://example.com/vex/retail-api-2026-01', status: 'not_affected' },
    });
    // The statement for another image suppressed nothing.
    expect(report.findings.find((f) => f.id === 'CVE-2024-0002')?.ignored).toBeUndefined();
    // The summary lists the ignored finding with the statement (markdown-escaped: not\_affected).
    expect(run.summary).toContain('| VEX |');
    expect(run.summary).toContain('VEX .vex/retail-api.json (statement 2): not\\_affected, vulnerable\\_code\\_not\\_in\\_execute\\_path');
  });

  test.each([
    ['affected', { status: 'affected', action_statement: 'upgrade openssl' }, {}],
    ['under_investigation', { status: 'under_investigation' }, {}],
    [
      'not_affected for another repository',
      { status: 'not_affected', justification: 'component_not_present' },
      { products: [{ '@id': 'team/another-image' }] },
    ],
  ])('a statement that is %s still fails on the CRITICAL', async (_name, status, products) => {
    const document = vexDocument({ vulnerability: { name: 'CVE-2024-0001' }, ...status, ...products });
    const { run } = await vexCase('vex-fails', 'security/vex.json', { 'security/vex.json': document });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('CVE-2024-0001');
    expect(run.outputs.critical).toBe('1');
    expect(readReport(run).findings.find((f) => f.id === 'CVE-2024-0001')?.ignored).toBeUndefined();
  });

  test.each([
    [
      'a statement without a status',
      'docs/vex.json',
      {
        'docs/vex.json': vexDocument(
          { vulnerability: { name: 'CVE-2024-0002' }, status: 'fixed' },
          { vulnerability: { name: 'CVE-2024-0001' } },
        ),
      },
      'Input "vex": docs/vex.json is not an OpenVEX document (statement 2 has no status); accepted: OpenVEX JSON.',
    ],
    [
      'a file that is not JSON',
      'docs/vex.json',
      { 'docs/vex.json': '{"statements": [' },
      /^Input "vex": docs\/vex\.json is not valid JSON \(.+\); accepted: OpenVEX JSON\.$/,
    ],
    [
      'a file that does not exist',
      'docs/missing.json',
      {},
      'Input "vex": docs/missing.json does not exist; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    ],
    [
      'a glob that matches nothing',
      '.vex/*.json',
      {},
      'Input "vex": ".vex/*.json" matches no file; accepted: OpenVEX JSON files or globs (e.g. .vex/*.json), relative to the workspace.',
    ],
  ])('%s: one line, before any build', async (_name, vex, files, line) => {
    const { repository, run } = await vexCase('vex-bad', vex, files);
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    const message = errors[0]!.replace(/^::error[^:]*::/, '');
    if (typeof line === 'string') expect(message).toBe(line);
    else expect(message).toMatch(line);
    expect(run.main.log).not.toMatch(/docker buildx build|#\d+ \[internal\]/);
    expect(await ecrCalls(repository)).toEqual([]);
  });
});
