// Part 4 from the outside: bundles child.ts the way dist/ is bundled (one ESM file; esbuild,
// which tsx brings, because ncc takes ~10 s) and runs it in a fresh Node 24 process per repeat,
// so every run starts cold as the action does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NODE24, ROOT } from '../lib/env.js';
import type { ScanMode } from './pages.js';

export interface ReportRun {
  mode: ScanMode;
  findingsServed: number;
  findingsRead: number;
  pagesServed: number;
  calls: number;
  status: string;
  /** CPU time of the action's work: the sum of `stages`. */
  cpuMs: number;
  stages: Record<string, number>;
  /** The reference, timed in the same process after the action's work (child.ts, leastWork): CPU ms per part. */
  reference: Record<string, number>;
  /** The sum of `reference`: the least any job must do with these findings. */
  referenceCpuMs: number;
  peakAfter: Record<string, number>;
  generatorMs: number;
  wallMs: number;
  peakRssBytes: number;
  baselineRssBytes: number;
  summaryBytes: number;
  summaryTextBytes: number;
  commentChars: number;
  jsonBytes: number;
  sarifBytes: number;
  verdict: string;
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

export async function bundleChild(): Promise<string> {
  const esbuild = (await import('esbuild')) as unknown as Esbuild;
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-child-')), 'child.mjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'report', 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: out,
    logLevel: 'error',
    // For --profile's breakdown by package; Node reads it only with --enable-source-maps.
    sourcemap: true,
    // CommonJS dependencies inside an ESM bundle need a require, as ncc's output has.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return out;
}

export function runChild(bundle: string, mode: ScanMode, total: number, nodeArgs: string[] = []): Promise<ReportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [...nodeArgs, bundle, mode, String(total), path.join(ROOT, '__fixtures__', 'ecr')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`big-report child (${mode}) exited with ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      if (stderr.trim()) process.stderr.write(`[bench] big-report ${mode}: ${stderr.trim().split('\n').slice(0, 3).join(' / ')}\n`);
      resolve(JSON.parse(line) as ReportRun);
    });
  });
}

export async function measureBigReports(
  repeats: number,
  total = 10_000,
  options: { profileDir?: string } = {},
): Promise<Record<ScanMode, ReportRun[]>> {
  const bundle = await bundleChild();
  try {
    const runs: Record<ScanMode, ReportRun[]> = { basic: [], enhanced: [] };
    for (let i = 0; i < repeats; i += 1) {
      for (const mode of ['basic', 'enhanced'] as const) runs[mode].push(await runChild(bundle, mode, total));
    }
    if (options.profileDir) {
      for (const mode of ['basic', 'enhanced'] as const) {
        await runChild(bundle, mode, total, ['--cpu-prof', `--cpu-prof-dir=${path.join(options.profileDir, mode)}`]);
      }
    }
    return runs;
  } finally {
    // The profiles' source map goes with the bundle: keep both when profiling.
    if (!options.profileDir) rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}
