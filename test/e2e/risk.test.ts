// Issue 14: the gate on risk (EPSS from Amazon Inspector, known exploits from enhanced
// scanning), end to end: dist/index.js against the stack, the ECR stand-in's enhanced scans and
// its Amazon Inspector ListFindings (AWS_ENDPOINT_URL_INSPECTOR2, same port).
import { describe, expect, test } from '@jest/globals';
import { Inspector2Client, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { pushEvent, runAction } from './harness.js';
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
