// Per-phase times of one action run, from the `::group::` lines the action printed (timed by
// bench/trace/stdout-times.cjs as they were written).
import { readFileSync } from 'node:fs';

export interface TraceEvent {
  at: number;
  kind: 'start' | 'group' | 'endgroup' | 'exit' | 'spawn' | 'spawned';
  /** The group's title, or `id command` for spawn/spawned. */
  title?: string;
}

/** Both phases' events (main, then post), in the order written. */
export function readTrace(file: string): TraceEvent[][] {
  const processes: TraceEvent[][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(\d+(?:\.\d+)?) ::(start|group|endgroup|exit|spawn|spawned)::(.*)$/.exec(line);
    if (!match) continue;
    const event: TraceEvent = { at: Number(match[1]), kind: match[2] as TraceEvent['kind'], ...(match[3] ? { title: match[3] } : {}) };
    if (event.kind === 'start') processes.push([]);
    processes[processes.length - 1]?.push(event);
  }
  return processes;
}

/** A group's title without what changes from run to run (repository names, counts). */
export function phaseName(title: string): string {
  if (title.startsWith('Log in')) return 'login';
  if (title.startsWith('Repository')) return 'repository';
  if (title.startsWith('Build')) return 'build + push';
  if (title.startsWith('Wait for')) return 'scan wait';
  if (title.startsWith('Promote')) return 'promote';
  if (title.startsWith('Report')) return 'report';
  return title.toLowerCase();
}

/**
 * Milliseconds per phase of the main process: `start-up` (process start → first group), each
 * group, `between groups` (time outside any group, e.g. reading the manifest back) and `exit`
 * (last group end → process exit).
 */
export function mainPhases(events: readonly TraceEvent[]): Record<string, number> {
  const phases: Record<string, number> = {};
  const add = (name: string, ms: number) => (phases[name] = (phases[name] ?? 0) + ms);
  const start = events.find((e) => e.kind === 'start')?.at;
  if (start === undefined) return phases;
  let last = start;
  let open: { name: string; at: number } | undefined;
  let seenGroup = false;
  for (const event of events) {
    if (event.kind === 'group') {
      add(seenGroup ? 'between groups' : 'start-up', event.at - last);
      open = { name: phaseName(event.title ?? ''), at: event.at };
      seenGroup = true;
    } else if (event.kind === 'endgroup' && open) {
      add(open.name, event.at - open.at);
      last = event.at;
      open = undefined;
    } else if (event.kind === 'exit') {
      add(seenGroup ? 'exit' : 'start-up', event.at - last);
    }
  }
  return phases;
}

/** Milliseconds per command the process ran (e.g. `docker login`), summed over runs of the same command. */
export function commandTimes(events: readonly TraceEvent[]): Record<string, number> {
  const started = new Map<string, number>();
  const times: Record<string, number> = {};
  for (const event of events) {
    const match = /^(\d+) (.*)$/.exec(event.title ?? '');
    if (!match) continue;
    const [, id, name] = match;
    if (event.kind === 'spawn') started.set(id, event.at);
    else if (event.kind === 'spawned' && started.has(id)) times[name] = (times[name] ?? 0) + event.at - (started.get(id) ?? event.at);
  }
  return times;
}
