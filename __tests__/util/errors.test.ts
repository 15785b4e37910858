import { describe, expect, test } from '@jest/globals';
import { RepositoryNotFoundException } from '@aws-sdk/client-ecr';
import { InputError, errorName, toMessage } from '../../src/util/errors.js';
import { awsError } from '../../__fixtures__/ecr-client.js';

class Circular {
  self: Circular = this;
}

describe('toMessage', () => {
  test.each<[string, unknown, string]>([
    ['an Error', new Error('boom'), 'boom'],
    ['an Error without a message: its name', new TypeError(''), 'TypeError'],
    ['an InputError', new InputError('Input "scan" is "yes"; accepted: true, false.'), 'Input "scan" is "yes"; accepted: true, false.'],
    ['an SDK error', awsError(RepositoryNotFoundException, 'repository missing'), 'repository missing'],
    ['a string', 'plain text', 'plain text'],
    ['an object', { code: 7 }, '{"code":7}'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    // JSON.stringify(undefined) is undefined, not a string: `throw undefined` must still give text.
    ['undefined', undefined, 'undefined'],
    ['a function', () => 1, '() => 1'],
    ['a circular object', new Circular(), '[object Object]'],
  ])('%s', (_name, error, message) => {
    expect(toMessage(error)).toBe(message);
  });
});

describe('errorName', () => {
  test.each<[string, unknown, string | undefined]>([
    ['an SDK error', awsError(RepositoryNotFoundException, 'x'), 'RepositoryNotFoundException'],
    ['an InputError', new InputError('x'), 'InputError'],
    ['a plain object with a name', { name: 'ThrottlingException' }, 'ThrottlingException'],
    ['a name that is not a string', { name: 7 }, undefined],
    ['a string', 'RepositoryNotFoundException', undefined],
    ['null', null, undefined],
  ])('%s', (_name, error, name) => {
    expect(errorName(error)).toBe(name);
  });
});
