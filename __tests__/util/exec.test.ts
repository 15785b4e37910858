import { describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../src/util/exec.js';

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
