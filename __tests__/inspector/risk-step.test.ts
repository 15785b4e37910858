import { describe, expect, test } from '@jest/globals';
import { recordedInspectorClient } from '../../__fixtures__/inspector-client.js';
import { applyRisk, basicScanningNote } from '../../src/inspector/risk-step.js';
import type { Finding, PlatformScan } from '../../src/shared/finding.js';

const finding = (id: string, pkg: string): Finding => ({
  id,
  package: pkg,
  severity: 'CRITICAL',
  fixAvailable: 'YES',
  platform: 'linux/amd64',
});
const scan = (scanType: 'BASIC' | 'ENHANCED', complete = true): PlatformScan => ({
  platform: 'linux/amd64',
  digest: 'sha256:a',
  status: complete ? 'ACTIVE' : 'TIMEOUT',
  complete,
  scanType,
  findings: [finding('CVE-2024-6387', 'openssh-server'), finding('CVE-2099-0001', 'x')],
  calls: 1,
});
const base = { region: 'us-east-1', repositoryName: 'mlops/retail-api' };
const pages = () => recordedInspectorClient([{ file: 'list-findings-page-1.json' }, { file: 'list-findings-page-2.json' }]);

describe('applyRisk', () => {
  test('neither input: nothing asked, nothing said', async () => {
    const { client, sent } = pages();
    const step = await applyRisk([scan('ENHANCED')], { ...base, failOnExploitable: false, client: () => Promise.resolve(client) });
    expect(step).toEqual({ scans: [scan('ENHANCED')], gate: { failOnExploitable: false }, notes: [] });
    expect(sent).toEqual([]);
  });

  test('enhanced with epss-threshold: the scores join the findings and the threshold applies', async () => {
    const { client } = pages();
    const step = await applyRisk([scan('ENHANCED')], {
      ...base,
      epssThreshold: 0.1,
      failOnExploitable: true,
      client: () => Promise.resolve(client),
    });
    expect(step.gate).toEqual({ epssThreshold: 0.1, failOnExploitable: true });
    expect(step.notes).toEqual([]);
    expect(step.scans[0].findings.map((f) => [f.id, f.epss])).toEqual([
      ['CVE-2024-6387', 0.9233],
      ['CVE-2099-0001', undefined],
    ]);
  });

  test('fail-on-exploitable alone does not ask Amazon Inspector (ECR says exploitAvailable)', async () => {
    const { client, sent } = pages();
    const step = await applyRisk([scan('ENHANCED')], { ...base, failOnExploitable: true, client: () => Promise.resolve(client) });
    expect(step.gate).toEqual({ failOnExploitable: true });
    expect(sent).toEqual([]);
  });

  test('Inspector refuses: one warning, the EPSS threshold does not apply, fail-on-exploitable still does', async () => {
    const { client } = recordedInspectorClient([
      { status: 403, file: 'access-denied.json', headers: { 'x-amzn-errortype': 'AccessDeniedException' } },
    ]);
    const step = await applyRisk([scan('ENHANCED')], {
      ...base,
      epssThreshold: 0.1,
      failOnExploitable: true,
      client: () => Promise.resolve(client),
    });
    expect(step.gate).toEqual({ failOnExploitable: true });
    expect(step.notes).toHaveLength(1);
    expect(step.notes[0]).toContain('inspector2:ListFindings');
    expect(step.scans[0].findings.every((f) => f.epss === undefined)).toBe(true);
  });

  test('basic scanning: one warning naming both inputs, nothing applies, Inspector not asked', async () => {
    const { client, sent } = pages();
    const step = await applyRisk([scan('BASIC'), scan('BASIC')], {
      ...base,
      epssThreshold: 0.1,
      failOnExploitable: true,
      client: () => Promise.resolve(client),
    });
    expect(step.gate).toEqual({ failOnExploitable: false });
    expect(step.notes).toEqual([
      "epss-threshold and fail-on-exploitable need enhanced scanning (Amazon Inspector), and this repository's registry uses basic scanning: they do not apply, and the gate uses severity alone.",
    ]);
    expect(sent).toEqual([]);
  });

  test('nothing scanned: no warning of ours (the gate says the scan is incomplete)', async () => {
    const step = await applyRisk([scan('ENHANCED', false)], { ...base, epssThreshold: 0.1, failOnExploitable: false });
    expect(step.notes).toEqual([]);
    expect(step.gate).toEqual({ failOnExploitable: false });
  });
});

test('basicScanningNote names only the inputs that were set', () => {
  expect(basicScanningNote({ epssThreshold: 0.2, failOnExploitable: false })).toMatch(
    /^epss-threshold needs enhanced scanning .*: it does not apply/,
  );
  expect(basicScanningNote({ failOnExploitable: true })).toMatch(/^fail-on-exploitable needs /);
});
