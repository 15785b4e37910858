// Issue 14: the gate on risk (EPSS from Amazon Inspector, known exploits from enhanced
// scanning), end to end: dist/index.js against the stack, the ECR stand-in's enhanced scans and
// its Amazon Inspector ListFindings (AWS_ENDPOINT_URL_INSPECTOR2, same port).
import { describe, expect, test } from '@jest/globals';
import { Inspector2Client, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { pushEvent, runAction, workflowCommands, type RunResult } from './harness.js';
import { findingsWorkspace } from './fixtures.js';
import { ecrCalls, putRepository, stackEnv, uniqueRepository } from './stack.js';

async function riskCase(name: string, options: { findings: string; inputs?: Record<string, string>; scenario?: Record<string, unknown> }) {
  const repository = uniqueRepository(name);
  await putRepository(repository, { scenario: { scanDelayMs: 300, scanType: 'ENHANCED', ...options.scenario } });
  const run = await runAction({
    inputs: { repository, 'build-args': `FINDINGS=${options.findings}`, ...options.inputs },
    event: pushEvent(),
    files: findingsWorkspace(),
  });
  return { repository, run };
}

interface JsonFinding {
  id: string;
  severity: string;
  epss?: number;
  exploitAvailable?: string;
  lastKnownExploitAt?: string;
  heldBack?: string;
  blockedBy?: string;
  blocking: boolean;
}

function reportFindings(run: RunResult): JsonFinding[] {
  if (run.artifacts.report === undefined) throw new Error('the action wrote no report file');
  return (JSON.parse(run.artifacts.report) as { findings: JsonFinding[] }).findings;
}

async function listFindingsCalls(repository: string) {
  return (await ecrCalls(repository)).filter((call) => call.operation === 'ListFindings');
}

const LOW_EPSS_CRITICAL = 'CVE-2024-2001|CRITICAL|openssl|3.0.1|3.0.2|epss=0.02';
const HIGH_EPSS_CRITICAL = 'CVE-2024-2002|CRITICAL|zlib|1.2.11|1.2.13|epss=0.5';
const EXPLOITED_LOW = 'CVE-2024-2003|LOW|bash|5.1|5.1-6|exploit=YES|exploitSeen=2024-06-30';

describe('the gate on risk (enhanced scanning)', () => {
  test('a CRITICAL with EPSS 0.02 passes under epss-threshold 0.1, held back and said so', async () => {
    const { repository, run } = await riskCase('epss-low', { findings: LOW_EPSS_CRITICAL, inputs: { 'epss-threshold': '0.1' } });
    expect(run.main.exitCode).toBe(0);
    expect(run.outputs.critical).toBe('1');
    expect(run.outputs.exploitable).toBe('0');
    expect(reportFindings(run)).toEqual([expect.objectContaining({ id: 'CVE-2024-2001', epss: 0.02, heldBack: 'epss', blocking: false })]);
    expect(run.main.log).toContain('held back by EPSS below 10 %');
    expect(await listFindingsCalls(repository)).toHaveLength(1);
    expect(workflowCommands(run.main.log, 'warning')).toEqual([]);
  });

  test('a CRITICAL with EPSS 0.5 fails', async () => {
    const { run } = await riskCase('epss-high', {
      findings: `${LOW_EPSS_CRITICAL};${HIGH_EPSS_CRITICAL}`,
      inputs: { 'epss-threshold': '0.1' },
    });
    expect(run.main.exitCode).toBe(1);
    const [error] = workflowCommands(run.main.log, 'error');
    expect(error).toContain('CVE-2024-2002');
    expect(error).not.toContain('CVE-2024-2001');
    expect(error).toContain('with EPSS ≥ 10 %');
  });

  test('a LOW with a known exploit fails only with fail-on-exploitable: true', async () => {
    const without = await riskCase('exploit-off', { findings: EXPLOITED_LOW });
    expect(without.run.main.exitCode).toBe(0);
    expect(without.run.outputs.exploitable).toBe('1');

    const { repository, run } = await riskCase('exploit-on', { findings: EXPLOITED_LOW, inputs: { 'fail-on-exploitable': 'true' } });
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs.exploitable).toBe('1');
    expect(workflowCommands(run.main.log, 'error')[0]).toContain('1 finding with a known exploit: CVE-2024-2003');
    expect(reportFindings(run)).toEqual([expect.objectContaining({ id: 'CVE-2024-2003', exploitAvailable: 'YES', blockedBy: 'exploit' })]);
    // fail-on-exploitable reads ECR's own exploitAvailable: Amazon Inspector is not asked.
    expect(await listFindingsCalls(repository)).toEqual([]);
  });

  test('Amazon Inspector refusing: one warning naming inspector2:ListFindings, and the gate uses severity alone', async () => {
    const { repository, run } = await riskCase('inspector-refused', {
      findings: LOW_EPSS_CRITICAL,
      inputs: { 'epss-threshold': '0.1' },
      scenario: { inspector: { accessDenied: true } },
    });
    expect(run.main.exitCode).toBe(1);
    const warnings = workflowCommands(run.main.log, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Amazon Inspector's ListFindings was refused");
    expect(warnings[0]).toContain('inspector2:ListFindings');
    expect(workflowCommands(run.main.log, 'error')[0]).toContain('CVE-2024-2001');
    expect((await listFindingsCalls(repository)).map((call) => call.error)).toEqual(['AccessDeniedException']);
  });

  test('without epss-threshold Amazon Inspector is never asked', async () => {
    const { repository, run } = await riskCase('no-epss', { findings: HIGH_EPSS_CRITICAL });
    expect(run.main.exitCode).toBe(1);
    expect(await listFindingsCalls(repository)).toEqual([]);
  });
});

describe('the gate on risk (basic scanning)', () => {
  test('both inputs warn once that they cannot apply, and the gate uses severity alone', async () => {
    const { repository, run } = await riskCase('basic', {
      findings: `${LOW_EPSS_CRITICAL};${EXPLOITED_LOW}`,
      inputs: { 'epss-threshold': '0.1', 'fail-on-exploitable': 'true' },
      scenario: { scanType: 'BASIC' },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs['scan-status']).toBe('COMPLETE');
    const warnings = workflowCommands(run.main.log, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('epss-threshold and fail-on-exploitable need enhanced scanning');
    // Failing on the CRITICAL's severity, not on the LOW's exploit (basic scanning does not say).
    const [error] = workflowCommands(run.main.log, 'error');
    expect(error).toContain('CVE-2024-2001');
    expect(error).not.toContain('CVE-2024-2003');
    expect(run.outputs.exploitable).toBeUndefined();
    expect(await listFindingsCalls(repository)).toEqual([]);
  });
});

describe('bad values stop the step before anything is built', () => {
  test.each([
    ['epss-threshold', '1.5'],
    ['epss-threshold', 'abc'],
    ['epss-threshold', '-0.1'],
    ['fail-on-exploitable', 'maybe'],
  ])('%s: %s', async (name, value) => {
    const repository = uniqueRepository('bad-risk-input');
    await putRepository(repository);
    const run = await runAction({ inputs: { repository, [name]: value }, event: pushEvent(), files: findingsWorkspace() });
    expect(run.main.exitCode).toBe(1);
    const errors = workflowCommands(run.main.log, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`Input "${name}" is "${value}"; accepted:`);
    expect(await ecrCalls(repository)).toEqual([]);
  });
});

function inspectorClient(): Inspector2Client {
  const stack = stackEnv();
  return new Inspector2Client({
    region: stack.AWS_REGION,
    endpoint: stack.AWS_ENDPOINT_URL_INSPECTOR2 || stack.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: stack.AWS_ACCESS_KEY_ID, secretAccessKey: stack.AWS_SECRET_ACCESS_KEY },
  });
}

describe('the Amazon Inspector stand-in', () => {
  test('ListFindings serves the enhanced scan with EPSS and exploit details, paginated, refusing when told to', async () => {
    const findings = [
      'CVE-2024-1401|CRITICAL|openssl|3.0.1|3.0.2|epss=0.02',
      'CVE-2024-1402|CRITICAL|zlib|1.2.11|1.2.13|epss=0.5|exploit=YES|exploitSeen=2024-07-01',
      'CVE-2024-1403|LOW|bash|5.1|',
    ].join(';');
    const { repository, run } = await riskCase('inspector-standin', { findings, inputs: { 'severity-threshold': 'NONE' } });
    expect(run.main.exitCode).toBe(0);
    const client = inspectorClient();
    const filterCriteria = {
      ecrImageRepositoryName: [{ comparison: 'EQUALS' as const, value: repository }],
      ecrImageHash: [{ comparison: 'EQUALS' as const, value: run.outputs.digest }],
    };
    const first = await client.send(new ListFindingsCommand({ filterCriteria, maxResults: 2 }));
    expect(first.findings).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await client.send(new ListFindingsCommand({ filterCriteria, maxResults: 2, nextToken: first.nextToken }));
    expect(second.nextToken).toBeUndefined();
    const all = [...(first.findings ?? []), ...(second.findings ?? [])];
    expect(
      all.map((f) => [
        f.packageVulnerabilityDetails?.vulnerabilityId,
        f.epss?.score,
        f.exploitAvailable,
        f.exploitabilityDetails?.lastKnownExploitAt?.toISOString(),
      ]),
    ).toEqual([
      ['CVE-2024-1401', 0.02, 'NO', undefined],
      ['CVE-2024-1402', 0.5, 'YES', '2024-07-01T00:00:00.000Z'],
      ['CVE-2024-1403', undefined, 'NO', undefined],
    ]);
    // Another digest: nothing.
    const other = await client.send(
      new ListFindingsCommand({
        filterCriteria: { ...filterCriteria, ecrImageHash: [{ comparison: 'EQUALS', value: `sha256:${'0'.repeat(64)}` }] },
      }),
    );
    expect(other.findings).toEqual([]);

    await putRepository(repository, { scenario: { scanType: 'ENHANCED', inspector: { accessDenied: true } } });
    const refused = await client.send(new ListFindingsCommand({ filterCriteria })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect((refused as Error).message).toContain('inspector2:ListFindings');
    const calls = (await ecrCalls(repository)).filter((c) => c.operation === 'ListFindings');
    expect(calls.map((c) => c.error)).toEqual([undefined, undefined, undefined, 'AccessDeniedException']);
  });

  test('an unsigned request is refused', async () => {
    const stack = stackEnv();
    const response = await fetch(`${stack.AWS_ENDPOINT_URL_INSPECTOR2 || stack.AWS_ENDPOINT_URL_ECR}/findings/list`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
