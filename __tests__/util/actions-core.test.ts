// src/util/actions-core.ts: @actions/core's runner I/O without its OIDC client. Each function is
// checked against what @actions/core 3 writes for the same call.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../../src/util/actions-core.js';

let dir: string;
let stdout: string[];
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'actions-core-'));
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('inputs', () => {
  test.each<[string, string, string, { name: string; options?: core.InputOptions }, string]>([
    ['a name with spaces and hyphens', 'INPUT_CACHE-FROM_LIST', ' x ', { name: 'cache-from list' }, 'x'],
    ['untrimmed on request', 'INPUT_TAGS', ' a \n', { name: 'tags', options: { trimWhitespace: false } }, ' a \n'],
    ['missing → empty', 'INPUT_OTHER', 'x', { name: 'missing' }, ''],
  ])('getInput: %s', (_what, variable, value, call, expected) => {
    process.env[variable] = value;
    expect(core.getInput(call.name, call.options)).toBe(expected);
  });

  test('getInput: required and missing throws with the name', () => {
    expect(() => core.getInput('repository', { required: true })).toThrow('Input required and not supplied: repository');
  });

  test.each([
    ['true', true],
    ['True', true],
    ['FALSE', false],
  ])('getBooleanInput(%s)', (value, expected) => {
    process.env.INPUT_PUSH = value;
    expect(core.getBooleanInput('push')).toBe(expected);
  });

  test('getBooleanInput: anything else throws, naming the input', () => {
    process.env.INPUT_PUSH = 'yes';
    expect(() => core.getBooleanInput('push')).toThrow(/specification: push/);
  });
});

describe('file commands', () => {
  test.each([
    ['setOutput', 'GITHUB_OUTPUT', (n: string, v: string) => core.setOutput(n, v)],
    ['saveState', 'GITHUB_STATE', (n: string, v: string) => core.saveState(n, v)],
  ])('%s writes name<<delimiter, value, delimiter to %s', (_fn, variable, call) => {
    const file = path.join(dir, variable);
    writeFileSync(file, '');
    process.env[variable] = file;
    call('digest', 'line 1\nline 2');
    const match = /^digest<<(ghadelimiter_[0-9a-f-]+)\nline 1\nline 2\n(.*)\n$/.exec(readFileSync(file, 'utf8'));
    expect(match?.[2]).toBe(match?.[1]);
  });

  test('setOutput without GITHUB_OUTPUT falls back to the ::set-output:: command', () => {
    delete process.env.GITHUB_OUTPUT;
    core.setOutput('digest', 'sha256:1');
    expect(stdout.join('')).toBe(`${os.EOL}::set-output name=digest::sha256:1${os.EOL}`);
  });

  test('getState reads STATE_<name>', () => {
    process.env.STATE_isPost = 'true';
    expect(core.getState('isPost')).toBe('true');
    expect(core.getState('other')).toBe('');
  });
});

describe('log commands', () => {
  test.each([
    ['info', () => core.info('plain % text'), 'plain % text\n'],
    ['debug', () => core.debug('a%b\nc'), '::debug::a%25b%0Ac\n'],
    ['setSecret', () => core.setSecret('s3cret'), '::add-mask::s3cret\n'],
    ['warning', () => core.warning('careful'), '::warning::careful\n'],
    ['warning with a file', () => core.warning('x', { file: 'Dockerfile', startLine: 3 }), '::warning file=Dockerfile,line=3::x\n'],
    ['error from an Error', () => core.error(new Error('boom')), '::error::Error: boom\n'],
  ])('%s', (_what, call, expected) => {
    call();
    expect(stdout.join('')).toBe(expected.replace(/\n/g, os.EOL));
  });

  test('setFailed: an error annotation and exit code 1', () => {
    core.setFailed('gate failed');
    expect(stdout.join('')).toBe(`::error::gate failed${os.EOL}`);
    expect(process.exitCode).toBe(1);
  });

  test('group: group and endgroup around the work, also when it throws; returns its value', async () => {
    await expect(core.group('Build', async () => 42)).resolves.toBe(42);
    await expect(
      core.group('Push', async () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(stdout.join('')).toBe(['::group::Build', '::endgroup::', '::group::Push', '::endgroup::', ''].join(os.EOL));
  });

  test('summary is the one @actions/core writes (GITHUB_STEP_SUMMARY)', async () => {
    const file = path.join(dir, 'summary.md');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
    await core.summary.addRaw('# Report', true).write();
    expect(readFileSync(file, 'utf8')).toBe(`# Report${os.EOL}`);
  });
});
