import { describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { locate, runCommand } from '../../src/util/exec.js';

// runCommand runs real processes through @actions/exec (sh is on every runner).
describe('runCommand: onStart', () => {
  test('is called once, as the process starts: before it has done anything, long before it ends', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'exec-test-'));
    const marker = path.join(dir, 'ran');
    const seen: string[] = [];
    const onStart = jest.fn(() => {
      let ran = 'no';
      try {
        ran = readFileSync(marker, 'utf8');
      } catch {
        // not written yet
      }
      seen.push(ran);
    });
    const result = await runCommand('sh', ['-c', `sleep 0.3; echo yes > ${marker}; echo done`], { silent: true, onStart });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'done\n' });
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['no']);
  });

  test('is still called when the command cannot be started, so nothing waits on it forever', async () => {
    const onStart = jest.fn();
    await expect(runCommand('no-such-command-ecr-bsp', [], { silent: true, onStart })).rejects.toThrow(/Unable to locate executable file/);
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  test('is called once when the command fails', async () => {
    const onStart = jest.fn();
    const result = await runCommand('sh', ['-c', 'echo nope >&2; exit 3'], { silent: true, ignoreReturnCode: true, onStart });
    expect(result).toMatchObject({ exitCode: 3, stderr: 'nope\n' });
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});

describe('locate', () => {
  test('finds a command on PATH once per process; a path or a missing name is kept as given', async () => {
    const first = locate('sh');
    expect(locate('sh')).toBe(first);
    const found = await first;
    expect(path.isAbsolute(found)).toBe(true);
    expect(path.basename(found)).toBe('sh');
    expect(await locate('/bin/sh')).toBe('/bin/sh');
    expect(await locate('./tool')).toBe('./tool');
    expect(await locate('no-such-command-ecr-bsp-2')).toBe('no-such-command-ecr-bsp-2');
  });

  test('runCommand runs what locate found, and a missing command still fails as @actions/exec words it', async () => {
    const result = await runCommand('sh', ['-c', 'echo "$0"'], { silent: true });
    expect(result.stdout.trim()).toBe(await locate('sh'));
    await expect(runCommand('no-such-command-ecr-bsp-3', [], { silent: true })).rejects.toThrow(
      /Unable to locate executable file: no-such-command-ecr-bsp-3/,
    );
  });
});
