// Part 9 (issue 23): three retail-api-like services of one repository (examples/retail-api three
// times under services/<name>, each with its own one-line app change; the same requirements, so
// the builder stage is the same), cold, every run on a fresh BuildKit as a runner has:
//   (m)  one step with `images` (one login, one bake, the scans at once);
//   (s)  three single-image steps, one per service, each on its own fresh BuildKit (the matrix
//        users run today: its legs are separate runners, so what it costs is their total).
// Each pair alternates which goes first. Target: (m) ≤ 0.5 of (s)'s total.
import { performance } from 'node:perf_hooks';
import { branchPush, changedApp, alternate } from './cold.js';
import { runAction } from '../test/e2e/harness.js';
import { putRepository, stackEnv, uniqueRepository } from '../test/e2e/stack.js';
import { startFreshBuilder } from './lib/buildkitd.js';

export interface ImagesResult {
  /** (m): one step, three images, ms. */
  multi: number[];
  /** (s): the three single-image steps' total, ms. */
  singles: number[];
  /** (s): each single step, ms. */
  single: number[][];
}

const SERVICES = ['api', 'worker', 'model'] as const;

function monorepo(version: number): Record<string, string> {
  const files: Record<string, string> = {};
  SERVICES.forEach((name, i) => {
    for (const [file, text] of Object.entries(changedApp(version * 10 + i))) files[`services/${name}/${file}`] = text;
  });
  return files;
}

async function timed(inputs: Record<string, string>, files: Record<string, string>, what: string): Promise<number> {
  const builder = await startFreshBuilder();
  try {
    const event = branchPush('main');
    const t0 = performance.now();
    const run = await runAction({
      inputs: { ...inputs, builder: builder.name },
      event,
      files,
      env: { BUILDX_CONFIG: builder.buildxConfig },
    });
    const ms = performance.now() - t0;
    if (run.main.exitCode !== 0) throw new Error(`${what}: the step failed:\n${run.main.log.slice(-2000)}`);
    return ms;
  } finally {
    await builder.stop();
  }
}

export async function measureImages(repeats: number, log: (m: string) => void): Promise<ImagesResult> {
  const stack = stackEnv();
  if (!stack.PYTHON_BASE_IMAGE) throw new Error('the stack env has no PYTHON_BASE_IMAGE: run bash scripts/stack/start.sh');
  const repos: Record<string, string> = {};
  for (const name of SERVICES) {
    repos[name] = uniqueRepository(`bench-images-${name}`);
    await putRepository(repos[name]!, { scanOnPush: true, scenario: { scanDelayMs: 0 } });
  }
  const buildArgs = `BASE_IMAGE=${stack.PYTHON_BASE_IMAGE}`;
  const images = SERVICES.map((name) => `- {name: ${name}, repository: ${repos[name]}, context: services/${name}}`).join('\n');
  const result: ImagesResult = { multi: [], singles: [], single: [] };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  let version = 2000;
  for (let i = 0; i < repeats; i += 1) {
    const [m, singles] = await alternate(
      i,
      () => timed({ images, 'build-args': buildArgs, cache: 'none' }, monorepo((version += 1)), '(m)'),
      async () => {
        const files = monorepo((version += 1));
        const each: number[] = [];
        for (const name of SERVICES) {
          each.push(
            await timed(
              { repository: repos[name]!, context: `services/${name}`, 'build-args': buildArgs, cache: 'none' },
              files,
              `(s) ${name}`,
            ),
          );
        }
        return each;
      },
    );
    const total = singles.reduce((a, b) => a + b, 0);
    result.multi.push(m);
    result.singles.push(total);
    result.single.push(singles);
    log(`part 9: ${i + 1}/${repeats}: (m) one step ${s(m)}; (s) three steps ${s(total)} (${singles.map(s).join(', ')})`);
  }
  return result;
}
