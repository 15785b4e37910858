// The bundled post phase (dist/index.js with the runner's STATE_* variables) loads only what
// logging out and cleaning up need: no node:crypto, no child process, no HTTP, no AWS SDK, not
// even node:fs/promises (synchronous file calls do: it pulls in readline and streams).
// Each would add to the start of a Node process the runner spawns for every job
// (docs/performance.md, part 2).
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
// Written by the child at exit: the built-in modules it loaded.
const REPORT = `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILE, JSON.stringify({
  builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
})));`;

describe('dist/index.js, post phase', () => {
  test('logs out from the config file and removes the temp dir, loading no crypto, child_process, HTTP, SDK or fs/promises', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'post-phase-'));
    const dockerConfig = path.join(dir, 'docker');
    const tempDir = path.join(dir, 'ecr-build-scan-push-x');
    mkdirSync(dockerConfig);
    mkdirSync(tempDir);
    writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [REGISTRY]: { auth: 'QVdTOnNlY3JldA==' } } }));
    writeFileSync(path.join(dir, 'report.cjs'), REPORT);
    const stdout = execFileSync(process.execPath, ['--require', path.join(dir, 'report.cjs'), path.join(ROOT, 'dist', 'index.js')], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        DOCKER_CONFIG: dockerConfig,
        LOADED_FILE: path.join(dir, 'loaded.json'),
        GITHUB_STATE: path.join(dir, 'state'),
        STATE_isPost: 'true',
        STATE_registries: JSON.stringify([REGISTRY]),
        STATE_tempDir: tempDir,
      },
      encoding: 'utf8',
    });
    expect(stdout).toBe(`Logged out of ${REGISTRY}.\n`);
    expect(JSON.parse(readFileSync(path.join(dockerConfig, 'config.json'), 'utf8'))).toEqual({ auths: {} });
    expect(existsSync(tempDir)).toBe(false);

    const { builtins } = JSON.parse(readFileSync(path.join(dir, 'loaded.json'), 'utf8')) as { builtins: string[] };
    // (node:net is loaded for stdout itself, a pipe here as on the runner.) The AWS SDK needs
    // node:crypto and node:http, so neither in the list means no SDK either.
    const heavy = builtins.filter((name) => /^(crypto|child_process|http|https|http2|tls|zlib|dns|fs\/promises)$/.test(name));
    expect(heavy).toEqual([]);
  });
});
