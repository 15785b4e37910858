// The classification, on the messages the stack really printed when each fault was made
// (__fixtures__/faults/*.json: docker login and buildx on both kinds of builder; the AWS SDK
// against the ECR stand-in). docs/reliability.md lists how they were made.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lastErrorLine } from '../../src/buildx/run.js';
import { awsTransientCause, dockerTransientCause } from '../../src/util/transient.js';

interface DockerMessage {
  tool: 'buildx' | 'docker login';
  builder: 'docker' | 'remote' | null;
  fault: string;
  expected: 'transient' | 'permanent';
  stderr: string;
}
interface AwsMessage {
  fault: string;
  expected: 'transient' | 'permanent';
  error: Record<string, unknown>;
}

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../__fixtures__/faults/${name}`, import.meta.url), 'utf8')) as T;
const dockerMessages = fixture<DockerMessage[]>('docker-messages.json');
const awsMessages = fixture<AwsMessage[]>('aws-errors.json');

/** What the action classifies: buildx's last error line (as runBuild reports it), docker login's last line. */
function reason(message: DockerMessage): string {
  return message.tool === 'buildx' ? (lastErrorLine(message.stderr) ?? '') : message.stderr;
}

describe('dockerTransientCause on the recorded messages', () => {
  test('the fixture covers both builders and both outcomes', () => {
    expect(new Set(dockerMessages.map((m) => `${m.tool}/${m.builder}/${m.expected}`))).toEqual(
      new Set([
        'buildx/docker/transient',
        'buildx/docker/permanent',
        'buildx/remote/transient',
        'buildx/remote/permanent',
        'docker login/null/transient',
        'docker login/null/permanent',
      ]),
    );
  });

  test.each(dockerMessages.map((m) => [`${m.tool} (${m.builder ?? 'daemon'}): ${m.fault} → ${m.expected}`, m] as const))(
    '%s',
    (_name, message) => {
      const cause = dockerTransientCause(reason(message));
      if (message.expected === 'transient') expect(cause).toEqual(expect.any(String));
      else expect(cause).toBeUndefined();
    },
  );
});

describe('dockerTransientCause: the cause a warning names', () => {
  test.each<[string, string | undefined]>([
    ['failed with status: 503 Service Unavailable', '503 Service Unavailable'],
    ['received unexpected HTTP status: 502 Bad Gateway', '502 Bad Gateway'],
    ['status: 504 Gateway Timeout', '504 Gateway Timeout'],
    ['failed with status: 429 Too Many Requests', '429 Too Many Requests'],
    ['toomanyrequests: Rate exceeded', '429 Too Many Requests'],
    ['TOOMANYREQUESTS: Rate exceeded', '429 Too Many Requests'],
    ['dial tcp 127.0.0.1:1: connect: connection refused', 'connection refused'],
    ['read tcp 127.0.0.1:5->127.0.0.1:6: read: connection reset by peer', 'connection reset'],
    ['write: broken pipe', 'broken pipe'],
    ['dial tcp 10.0.0.1:443: i/o timeout', 'i/o timeout'],
    ['net/http: TLS handshake timeout', 'timeout'],
    ['dial tcp: lookup 1.dkr.ecr.us-east-1.amazonaws.com: no such host', 'name resolution failed'],
    ['Get "http://127.0.0.1:5/v2/": EOF', 'connection closed (EOF)'],
    ['failed to build: EOF', 'connection closed (EOF)'],
    ['unexpected EOF', 'unexpected EOF'],
    ['failed to push 127.0.0.1:5/a:b: unavailable', 'registry unavailable'],
    // permanent: credentials, immutable tags, unknown repositories, other 4xx, build steps
    ['denied: Your authorization token has expired. Reauthenticate and try again.', undefined],
    ['denied: User: arn:aws:sts::1:assumed-role/x is not authorized to perform: ecr:InitiateLayerUpload', undefined],
    ['failed with status: 401 Unauthorized', undefined],
    ['403 Forbidden', undefined],
    [
      "tag invalid: The image tag 'v1' already exists in the 'a' repository and cannot be overwritten because the repository is immutable.",
      undefined,
    ],
    ["name unknown: The repository with name 'a' does not exist in the registry with id '1'", undefined],
    ['received unexpected HTTP status: 400 Bad Request', undefined],
    ['received unexpected HTTP status: 404 Not Found', undefined],
    ['failed to solve: process "/bin/sh -c curl http://x" did not complete successfully: exit code: 7', undefined],
    ['failed to solve: failed to compute cache key: "/missing" not found', undefined],
    ['no basic auth credentials', undefined],
    ['some message nobody has seen', undefined],
  ])('%s → %s', (text, cause) => {
    expect(dockerTransientCause(text)).toBe(cause);
  });

  test('a RUN step that failed on a network error is still the build failing (permanent)', () => {
    expect(dockerTransientCause('process "/bin/sh -c wget x" did not complete successfully: connection refused')).toBeUndefined();
  });
});

describe('awsTransientCause on the recorded SDK errors', () => {
  /** The SDK error as the stand-in made it: an Error with the recorded fields. */
  function sdkError(fields: Record<string, unknown>): Error {
    return Object.assign(new Error(String(fields.message)), fields);
  }

  test.each(awsMessages.map((m) => [`${m.fault} → ${m.expected}`, m] as const))('%s', (_name, message) => {
    const cause = awsTransientCause(sdkError(message.error));
    if (message.expected === 'transient') expect(cause).toEqual(expect.any(String));
    else expect(cause).toBeUndefined();
  });

  test.each<[string, Record<string, unknown>, string | undefined]>([
    ['ServerException', { name: 'ServerException', $fault: 'server', $metadata: { httpStatusCode: 500 } }, 'ServerException, HTTP 500'],
    [
      'ThrottlingException',
      { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } },
      'ThrottlingException, HTTP 400',
    ],
    ['ECONNREFUSED', { name: 'Error', code: 'ECONNREFUSED', $metadata: {} }, 'Error, ECONNREFUSED'],
    ['TimeoutError', { name: 'TimeoutError', $metadata: {} }, 'TimeoutError'],
    [
      'ImageTagAlreadyExistsException',
      { name: 'ImageTagAlreadyExistsException', $fault: 'client', $metadata: { httpStatusCode: 400 } },
      undefined,
    ],
    ['ExpiredTokenException', { name: 'ExpiredTokenException', $fault: 'client', $metadata: { httpStatusCode: 400 } }, undefined],
    ['AccessDeniedException', { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }, undefined],
    [
      'LimitExceededException (a quota)',
      { name: 'LimitExceededException', $fault: 'client', $metadata: { httpStatusCode: 400 } },
      undefined,
    ],
    ['AbortError', { name: 'AbortError', $metadata: {} }, undefined],
  ])('%s → %s', (_name, fields, cause) => {
    expect(awsTransientCause(sdkError(fields))).toBe(cause);
  });

  test('not an object: permanent', () => {
    expect(awsTransientCause('boom')).toBeUndefined();
    expect(awsTransientCause(undefined)).toBeUndefined();
  });
});
