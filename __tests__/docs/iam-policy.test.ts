// The least-privilege IAM policy (docs/iam-policy.json, shown in README.md) must allow every
// ECR operation the sources send, so a new SDK call cannot ship without its permission.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { codeBlocks, readRepoFile, ROOT, section } from './markdown.js';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

interface Policy {
  Version: string;
  Statement: Statement[];
}

const POLICY_TEXT = readRepoFile('docs/iam-policy.json');
const POLICY = JSON.parse(POLICY_TEXT) as Policy;

function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

const ALLOWED = new Set(POLICY.Statement.filter((s) => s.Effect === 'Allow').flatMap(actions));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The IAM prefix of each AWS client the sources import. */
const SERVICES: Record<string, string> = {
  '@aws-sdk/client-ecr': 'ecr',
  '@aws-sdk/client-inspector2': 'inspector2',
  '@aws-sdk/client-kms': 'kms',
};

/** `new XxxCommand(` in src/ → `ecr:Xxx` (or `inspector2:Xxx`, by the client the file imports), with the file that sends it. */
function operationsInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const clients = Object.keys(SERVICES).filter((client) => text.includes(`from '${client}'`));
    for (const match of text.matchAll(/\bnew\s+([A-Z][A-Za-z0-9]*)Command\s*\(/g)) {
      // A file that sends commands imports exactly one client.
      const action = clients.length === 1 ? `${SERVICES[clients[0]]}:${match[1]}` : `unknown-client:${match[1]}`;
      found.set(action, [...(found.get(action) ?? []), path.relative(ROOT, file)]);
    }
  }
  return found;
}

/** What `docker buildx` itself calls to push an image and read its layers back. */
const REGISTRY_PROTOCOL = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

describe('docs/iam-policy.json', () => {
  const operations = operationsInSource();

  test('the sources send ECR operations (the search itself works)', () => {
    expect(operations.size).toBeGreaterThanOrEqual(5);
    expect(operations.has('ecr:GetAuthorizationToken')).toBe(true);
    expect(operations.has('inspector2:ListFindings')).toBe(true);
  });

  test('allows every ECR operation the sources send', () => {
    const missing = [...operations]
      .filter(([action]) => !ALLOWED.has(action))
      .map(([action, files]) => `${action} (sent from ${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  test('allows what docker buildx needs to push and pull layers', () => {
    expect(REGISTRY_PROTOCOL.filter((action) => !ALLOWED.has(action))).toEqual([]);
  });

  test('allows nothing beyond those (least privilege)', () => {
    const needed = new Set([...operations.keys(), ...REGISTRY_PROTOCOL, 'ecr:ListImages', 'ecr:DescribeImages']);
    expect([...ALLOWED].filter((action) => !needed.has(action))).toEqual([]);
  });

  test('only GetAuthorizationToken, GetSigningConfiguration and inspector2:ListFindings (no resource-level permissions) are granted on "*", each alone', () => {
    for (const statement of POLICY.Statement) {
      const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
      // Registry-level actions have no resource type: GetAuthorizationToken, GetSigningConfiguration.
      if (resources.includes('*'))
        expect([['ecr:GetAuthorizationToken'], ['inspector2:ListFindings'], ['ecr:GetSigningConfiguration']]).toContainEqual(
          actions(statement),
        );
      else
        for (const resource of resources)
          expect(resource).toMatch(/^arn:aws:(ecr:[a-z0-9-]+:\d{12}:repository|kms:[a-z0-9-]+:\d{12}:key)\/.+/);
    }
  });

  test('CreateRepository and PutLifecyclePolicy sit apart, in a statement that can be dropped', () => {
    const optional = POLICY.Statement.filter((s) => actions(s).some((a) => a === 'ecr:CreateRepository' || a === 'ecr:PutLifecyclePolicy'));
    expect(optional).toHaveLength(1);
    expect(actions(optional[0]).sort()).toEqual(['ecr:CreateRepository', 'ecr:PutLifecyclePolicy']);
  });

  test('kms:GetPublicKey and kms:Sign sit apart, on the key, in a statement that can be dropped', () => {
    const kms = POLICY.Statement.filter((s) => actions(s).some((a) => a.startsWith('kms:')));
    expect(kms).toHaveLength(1);
    expect(actions(kms[0]).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    expect(kms[0].Resource).toMatch(/^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]+$/);
  });

  test('README.md shows this same policy', () => {
    const json = codeBlocks(section(readRepoFile('README.md'), 'Permissions'), 'json');
    expect(json).toHaveLength(1);
    expect(JSON.parse(json[0].text)).toEqual(POLICY);
  });
});
