import { describe, expect, jest, test } from '@jest/globals';
import { GetAuthorizationTokenCommand, type GetAuthorizationTokenCommandOutput } from '@aws-sdk/client-ecr';
import { FakeEcrClient } from '../../__fixtures__/ecr-client.js';
import { getRegistryLogin, type RegistryLogin } from '../../src/ecr/auth.js';

const PASSWORD = 'eyJwYXlsb2FkIjoiQ1R4c2VjcmV0In0=';
const ENDPOINT = 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function tokenClient(response: Omit<GetAuthorizationTokenCommandOutput, '$metadata'>): FakeEcrClient {
  return new FakeEcrClient().on(GetAuthorizationTokenCommand, () => response);
}

describe('getRegistryLogin', () => {
  test.each<[string, string, string, RegistryLogin]>([
    [
      'ECR',
      base64(`AWS:${PASSWORD}`),
      ENDPOINT,
      {
        registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
        endpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com',
        username: 'AWS',
        password: PASSWORD,
      },
    ],
    [
      'a password with colons',
      base64('AWS:pa:ss:word'),
      ENDPOINT,
      {
        registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
        endpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com',
        username: 'AWS',
        password: 'pa:ss:word',
      },
    ],
    [
      'an http endpoint with a port and a slash',
      base64('AWS:pw'),
      'http://localhost.localstack.cloud:4510/',
      { registry: 'localhost.localstack.cloud:4510', endpoint: 'http://localhost.localstack.cloud:4510', username: 'AWS', password: 'pw' },
    ],
    [
      'a China region',
      base64('AWS:pw'),
      'https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      {
        registry: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
        endpoint: 'https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
        username: 'AWS',
        password: 'pw',
      },
    ],
  ])('%s', async (_name, authorizationToken, proxyEndpoint, login) => {
    const fake = tokenClient({ authorizationData: [{ authorizationToken, proxyEndpoint, expiresAt: new Date('2025-03-14T21:00:00Z') }] });
    await expect(getRegistryLogin(fake.client, undefined, jest.fn())).resolves.toEqual(login);
  });

  test('masks the password, then the token, before returning them', async () => {
    const token = base64(`AWS:${PASSWORD}`);
    const fake = tokenClient({ authorizationData: [{ authorizationToken: token, proxyEndpoint: ENDPOINT }] });
    const mask = jest.fn<(secret: string) => void>();
    const login = await getRegistryLogin(fake.client, undefined, mask);
    expect(mask.mock.calls).toEqual([[PASSWORD], [token]]);
    expect(login.password).toBe(PASSWORD);
  });

  test('the password is not returned when masking fails', async () => {
    const fake = tokenClient({ authorizationData: [{ authorizationToken: base64(`AWS:${PASSWORD}`), proxyEndpoint: ENDPOINT }] });
    const mask = jest.fn<(secret: string) => void>(() => {
      throw new Error('cannot write ::add-mask::');
    });
    await expect(getRegistryLogin(fake.client, undefined, mask)).rejects.toThrow('cannot write ::add-mask::');
    expect(mask.mock.calls).toEqual([[PASSWORD]]);
  });

  test.each<[string, string | undefined, object]>([
    ["the caller's registry", undefined, {}],
    ['a cross-account registry', '210987654321', { registryIds: ['210987654321'] }],
  ])('asks for %s', async (_name, registryId, input) => {
    const fake = tokenClient({ authorizationData: [{ authorizationToken: base64('AWS:pw'), proxyEndpoint: ENDPOINT }] });
    await getRegistryLogin(fake.client, registryId, jest.fn());
    expect(fake.inputsOf(GetAuthorizationTokenCommand)).toEqual([input]);
  });

  const NO_DATA = 'ECR returned no authorization data for GetAuthorizationToken.';
  test.each<[string, Omit<GetAuthorizationTokenCommandOutput, '$metadata'>, string]>([
    ['no authorizationData', {}, NO_DATA],
    ['an empty list', { authorizationData: [] }, NO_DATA],
    ['no token', { authorizationData: [{ proxyEndpoint: ENDPOINT }] }, NO_DATA],
    ['an empty token', { authorizationData: [{ authorizationToken: '', proxyEndpoint: ENDPOINT }] }, NO_DATA],
    ['no proxyEndpoint', { authorizationData: [{ authorizationToken: base64('AWS:pw') }] }, NO_DATA],
    [
      'a token without a colon',
      { authorizationData: [{ authorizationToken: base64('AWSpassword'), proxyEndpoint: ENDPOINT }] },
      'ECR returned an authorization token that is not user:password.',
    ],
    [
      'a token that is not base64',
      { authorizationData: [{ authorizationToken: '!!!!', proxyEndpoint: ENDPOINT }] },
      'ECR returned an authorization token that is not user:password.',
    ],
  ])('%s is an error', async (_name, response, message) => {
    const mask = jest.fn();
    await expect(getRegistryLogin(tokenClient(response).client, undefined, mask)).rejects.toThrow(new Error(message));
    expect(mask).not.toHaveBeenCalled();
  });

  test('a service error passes through', async () => {
    const fake = new FakeEcrClient().on(GetAuthorizationTokenCommand, () => {
      throw Object.assign(new Error('User is not authorized to perform: ecr:GetAuthorizationToken'), { name: 'AccessDeniedException' });
    });
    await expect(getRegistryLogin(fake.client, undefined, jest.fn())).rejects.toThrow(
      'User is not authorized to perform: ecr:GetAuthorizationToken',
    );
  });
});
