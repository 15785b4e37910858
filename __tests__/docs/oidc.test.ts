// docs/oidc.md's AWS side: the CloudFormation template (docs/cloudformation.yml) is plain YAML,
// its role's permissions are exactly docs/iam-policy.json's, and both trust policies (the
// template's and docs/trust-policy.json) trust GitHub's provider for one repository only.
import { describe, expect, test } from '@jest/globals';
import { parseDocument } from 'yaml';
import { readRepoFile } from './markdown.js';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: { Federated?: unknown };
  Condition?: Record<string, Record<string, unknown>>;
}
interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}
interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, { Default?: string }>;
  Resources: {
    GitHubOidcProvider: { Type: string; Properties: { Url: string; ClientIdList: string[] } };
    Role: {
      Type: string;
      Properties: { AssumeRolePolicyDocument: PolicyDocument; Policies: { PolicyName: string; PolicyDocument: PolicyDocument }[] };
    };
  };
}

const templateDoc = parseDocument(readRepoFile('docs/cloudformation.yml'));
const TEMPLATE = templateDoc.toJS() as Template;
const IAM_POLICY = JSON.parse(readRepoFile('docs/iam-policy.json')) as PolicyDocument;
const TRUST_POLICY = JSON.parse(readRepoFile('docs/trust-policy.json')) as PolicyDocument;

/** The values docs/iam-policy.json is written for (and parameters as a user gives them), as CloudFormation would substitute them. */
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  EcrRepository: 'mlops/retail-api',
  GitHubRepository: 'OWNER/NAME',
  Branch: 'main',
  Environment: 'production',
  SigningKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
};

/** Resolves `Fn::Sub` strings (the only intrinsic the policy's resources use). */
function resolve(value: unknown): unknown {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'Fn::Sub' in value) {
    const text = (value as { 'Fn::Sub': string })['Fn::Sub'];
    return text.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
      if (!(name in PSEUDO)) throw new Error(`unknown \${${name}} in ${text}`);
      return PSEUDO[name];
    });
  }
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

const list = (action: string | string[]) => (Array.isArray(action) ? action : [action]);

test('the template is plain YAML (long-form intrinsics, no custom tags) and a CloudFormation template', () => {
  expect(templateDoc.errors).toEqual([]);
  expect(templateDoc.warnings).toEqual([]);
  expect(TEMPLATE.AWSTemplateFormatVersion).toBe('2010-09-09');
  expect(TEMPLATE.Resources.Role.Type).toBe('AWS::IAM::Role');
  expect(TEMPLATE.Resources.GitHubOidcProvider).toEqual({
    Type: 'AWS::IAM::OIDCProvider',
    Condition: 'CreateProvider',
    Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
  });
});

describe("the role's permissions are docs/iam-policy.json's", () => {
  const [policy] = TEMPLATE.Resources.Role.Properties.Policies;
  // A statement under a condition (Fn::If [condition, statement, AWS::NoValue]) is there when its parameter is set.
  const statements = policy.PolicyDocument.Statement.map((s) =>
    'Fn::If' in s ? (s as unknown as { 'Fn::If': [string, Statement, unknown] })['Fn::If'][1] : s,
  );

  test('the same statements, in the same order', () => {
    expect(statements.map((s) => s.Sid)).toEqual(IAM_POLICY.Statement.map((s) => s.Sid));
  });

  test.each(IAM_POLICY.Statement.map((s) => [s.Sid ?? '?', s] as const))('%s', (sid, expected) => {
    const statement = statements.find((s) => s.Sid === sid);
    expect(statement).toBeDefined();
    expect(statement?.Effect).toBe(expected.Effect);
    expect(list(statement?.Action ?? []).sort()).toEqual(list(expected.Action).sort());
    expect(resolve(statement?.Resource)).toEqual(expected.Resource);
  });
});

describe.each([
  ['docs/cloudformation.yml', TEMPLATE.Resources.Role.Properties.AssumeRolePolicyDocument],
  ['docs/trust-policy.json', TRUST_POLICY],
])('the trust policy of %s', (_file, trust) => {
  const [statement] = trust.Statement;

  test('one statement: AssumeRoleWithWebIdentity for GitHub tokens meant for STS', () => {
    expect(trust.Statement).toHaveLength(1);
    expect(statement.Effect).toBe('Allow');
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(statement.Condition?.StringEquals).toEqual({ 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' });
    expect(Object.keys(statement.Condition ?? {}).sort()).toEqual(['StringEquals', 'StringLike']);
  });

  test('every sub it allows is of one repository (no wildcard in the owner or name)', () => {
    const subs = list(statement.Condition?.StringLike?.['token.actions.githubusercontent.com:sub'] as string[]).map((sub) =>
      // The template's entries are Fn::If [condition, Fn::Sub, AWS::NoValue].
      typeof sub === 'string' ? sub : (resolve((sub as { 'Fn::If': unknown[] })['Fn::If'][1]) as string),
    );
    expect(subs.length).toBeGreaterThan(0);
    for (const sub of subs) expect(sub).toMatch(/^repo:OWNER\/NAME:(ref:refs\/(heads|tags)\/[^:]+|environment:[^:*]+|pull_request)$/);
  });
});

test("the template's provider ARN is the one docs/trust-policy.json names", () => {
  expect(TRUST_POLICY.Statement[0].Principal?.Federated).toBe(
    resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }),
  );
  const federated = TEMPLATE.Resources.Role.Properties.AssumeRolePolicyDocument.Statement[0].Principal?.Federated as {
    'Fn::If': unknown[];
  };
  expect(resolve(federated['Fn::If'][2])).toBe(TRUST_POLICY.Statement[0].Principal?.Federated);
});
