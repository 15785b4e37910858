import { describe, expect, test } from '@jest/globals';
import { ECRServiceException } from '@aws-sdk/client-ecr';
import { isRetryableAwsError } from '../../src/aws/errors.js';

const service = (name: string, fault: 'client' | 'server' = 'client', httpStatusCode = 400) =>
  new ECRServiceException({ name, $fault: fault, $metadata: { httpStatusCode }, message: name });
const network = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('isRetryableAwsError', () => {
  test.each([
    ['ThrottlingException', service('ThrottlingException'), true],
    ['TooManyRequestsException', service('TooManyRequestsException'), true],
    ['a 429 of any name', service('SomethingElse', 'client', 429), true],
    ['ServerException (5xx)', service('ServerException', 'server', 500), true],
    ['ServiceUnavailableException by name', service('ServiceUnavailableException', 'client', 400), true],
    ['any server fault', service('Odd', 'server', 400), true],
    ['a 503 of any name', service('Odd', 'client', 503), true],
    ['TimeoutError', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    ['ECONNRESET', network('ECONNRESET'), true],
    ['ENOTFOUND', network('ENOTFOUND'), true],
    ['ECONNABORTED', network('ECONNABORTED'), true],
    ['LimitExceededException: a daily quota, not a rate', service('LimitExceededException'), false],
    ['RepositoryNotFoundException', service('RepositoryNotFoundException'), false],
    ['ValidationException', service('ValidationException'), false],
    ['AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
    ['a plain error', new Error('boom'), false],
    ['not an object', 'boom', false],
  ])('%s → %s', (_name, error, retryable) => {
    expect(isRetryableAwsError(error)).toBe(retryable);
  });
});
