import { describe, expect, test } from '@jest/globals';
import { RunnerLog, maskedForms } from '../../scripts/lib/runner-log.js';

// Shaped like the stack's registry password (180 random bytes, base64) and an ECR token.
const PASSWORD = 'q83vH+/kQmZ1x0Jr9tY7uA2bC4dE6fG8hI0jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5t==';
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64');
const GITHUB_TOKEN = 'ghs_0123456789abcdef0123456789abcdef';

/** Every way the secret could still show: itself, and its base64 at each alignment. */
function leaks(text: string, secret: string): string[] {
  return maskedForms(secret).filter((form) => text.includes(form));
}

describe('RunnerLog.render', () => {
  const raw = [
    'Starting',
    `::add-mask::${PASSWORD}`,
    `::add-mask::${TOKEN}`,
    '::group::Log in to 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    `docker login -u AWS --password-stdin (password ${PASSWORD})`,
    `auth in config.json: {"auth":"${TOKEN}"}`,
    `the password inside another base64 text: ${Buffer.from(`user:AWS:${PASSWORD}:end`).toString('base64')}`,
    `url-encoded: ${encodeURIComponent(PASSWORD)}`,
    '::endgroup::',
    '::debug::a debug line',
    '::warning file=Dockerfile,line=3,title=Base image::old base image%0Aupdate it',
    '::error::Gate failed: 1 finding at or above CRITICAL',
    '::notice::done',
    '::stop-commands::pause-7f3a',
    '::error::not a command while stopped',
    '::pause-7f3a::',
    '::unknown-command::shown as it is',
    `token ${GITHUB_TOKEN} known before the step`,
  ].join('\n');
  const rendered = new RunnerLog([GITHUB_TOKEN]).render(raw);

  test.each([
    ['the registry password', PASSWORD],
    ['the ECR token (base64 of AWS:password)', TOKEN],
    ['the GitHub token given up front', GITHUB_TOKEN],
  ])('shows no form of %s', (_name, secret) => {
    expect(leaks(rendered, secret)).toEqual([]);
  });

  test('shows the run as the runner does', () => {
    expect(rendered.split('\n')).toEqual([
      'Starting',
      '▶ Log in to 123456789012.dkr.ecr.us-east-1.amazonaws.com',
      '  docker login -u AWS --password-stdin (password ***)',
      '  auth in config.json: {"auth":"***"}',
      // "user:AWS:" is 9 bytes, so its base64 stays; at most the secret's last 2 bytes share a group with ":end".
      expect.stringMatching(/^ {2}the password inside another base64 text: dXNlcjpBV1M6\*\*\*.{0,8}$/),
      '  url-encoded: ***',
      'Warning: Base image: old base image',
      'update it (Dockerfile:3)',
      'Error: Gate failed: 1 finding at or above CRITICAL',
      'Notice: done',
      '::error::not a command while stopped',
      '::unknown-command::shown as it is',
      'token *** known before the step',
    ]);
  });

  test('a line printed before its mask is registered stays as it was, as in the runner', () => {
    const log = new RunnerLog();
    expect(log.render(`early ${PASSWORD}\n::add-mask::${PASSWORD}\nlate ${PASSWORD}`)).toBe(`early ${PASSWORD}\nlate ***`);
  });

  test('masks registered in the main phase apply to the post phase and to what the caller masks', () => {
    const log = new RunnerLog();
    log.render(`::add-mask::${PASSWORD}`);
    expect(log.render(`post ${PASSWORD}`)).toBe('post ***');
    expect(log.mask(`## Summary\n${TOKEN}`)).not.toContain(PASSWORD);
  });

  test('an escaped mask value is unescaped before it is registered', () => {
    const log = new RunnerLog();
    expect(log.render('::add-mask::50%25-secret-value\nvalue 50%-secret-value')).toBe('value ***');
  });
});
