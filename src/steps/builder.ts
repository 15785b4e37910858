// The builder, asked at most once: `docker buildx inspect` (a CLI plugin that also asks the
// builder: ~100 ms, on a 2-core runner not free even in parallel), and only when something needs
// it: the driver, which cache: ecr must know before the build (can it export?), and the default
// platform, which names a single-platform image buildx did not describe (a reused image, or a
// builder whose metadata has no platform). A fresh build with cache: none never asks.
import * as core from '../util/actions-core.js';
import { inspectBuilder, type BuilderInfo } from '../buildx/run.js';
import { NO_CACHE, planEcrCache, type CacheSpecs } from '../buildx/cache.js';
import type { EventFacts } from '../github/event.js';
import type { RepositoryInfo } from '../shared/tag-mutability.js';
import { runCommand, type Runner } from '../util/exec.js';
import type { Builder } from './types.js';

export class BuilderQuery implements Builder {
  private pending?: Promise<BuilderInfo>;

  constructor(
    /** The `builder` input (undefined: buildx's current builder). */
    private readonly name: string | undefined,
    private readonly run: Runner = runCommand,
  ) {}

  start(): void {
    void this.info();
  }

  /** The driver and default platform; never rejects (a failed inspect: linux/amd64, driver unknown). */
  info(): Promise<BuilderInfo> {
    this.pending ??= inspectBuilder(this.name, this.run).catch(() => ({ platform: 'linux/amd64' }));
    return this.pending;
  }

  platform(): Promise<string> {
    return this.info().then((info) => info.platform);
  }

  /** Whether the inspect has been started (for tests). */
  get asked(): boolean {
    return this.pending !== undefined;
  }
}

/** cache: ecr → the cache specs this image's build adds; its warnings and notes written to the log (`say` labels them). */
export async function ecrCache(
  options: {
    cache: 'none' | 'ecr';
    facts: Pick<EventFacts, 'branch' | 'defaultBranch' | 'pullRequest'>;
    /** registry/repository */
    image: string;
    repository: RepositoryInfo;
    builder: Pick<Builder, 'info'>;
  },
  say: (message: string) => string = (message) => message,
): Promise<CacheSpecs> {
  if (options.cache !== 'ecr') return NO_CACHE;
  const { facts } = options;
  const plan = planEcrCache({
    image: options.image,
    branch: facts.branch,
    defaultBranch: facts.defaultBranch,
    fromFork: facts.pullRequest?.fromFork === true,
    repository: options.repository,
    driver: (await options.builder.info()).driver,
  });
  for (const note of plan.notes) core.info(say(note));
  for (const warning of plan.warnings) core.warning(say(warning));
  const read = plan.from.map((spec) => spec.replace(/^.*:/, '')).join(', ');
  core.info(say(`cache: ecr: reading ${read || 'no cache'}${plan.writeTag ? `; writing ${plan.writeTag}` : ''}.`));
  return { from: plan.from, to: plan.to };
}
