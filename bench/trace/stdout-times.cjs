// Preloaded into the action's own process by the benchmark (NODE_OPTIONS=--require …), because
// the e2e harness it reuses collects the log without times. Notes, against the process's own
// clock (performance.timeOrigin = process start):
//   - when each `::group::` / `::endgroup::` line is written (the phases), and
//   - when each command the action runs (docker …) starts and exits,
// and appends them to BENCH_TRACE_FILE at exit. The action's behaviour does not change; loading
// this file costs well under a millisecond. It loads nothing the process would not: spawn is
// wrapped when the action itself first requires child_process (the bundle's `createRequire`
// goes through Module._load), so a post phase that runs no command does not pay for loading it.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const file = process.env.BENCH_TRACE_FILE;
if (file) {
  const now = () => (performance.timeOrigin + performance.now()).toFixed(3);
  const lines = [`${performance.timeOrigin.toFixed(3)} ::start::`];

  const write = process.stdout.write;
  process.stdout.write = function timedWrite(chunk, ...rest) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('::group::') || text.includes('::endgroup::')) {
      const at = now();
      for (const line of text.split('\n')) {
        if (line.startsWith('::group::') || line.startsWith('::endgroup::')) lines.push(`${at} ${line.slice(0, 200)}`);
      }
    }
    return write.call(this, chunk, ...rest);
  };

  // @actions/exec runs commands with child_process.spawn.
  let next = 0;
  const timeSpawns = (childProcess) => {
    const spawn = childProcess.spawn;
    childProcess.spawn = function timedSpawn(command, args, ...rest) {
      const id = ++next;
      const words = [command, ...(Array.isArray(args) ? args : [])].map(String);
      // The command and its subcommand(s) only: never arguments that could carry a secret.
      const name = words
        .slice(0, 3)
        .filter((w, i) => i === 0 || /^[a-z][a-z-]*$/.test(w))
        .map((w, i) => (i === 0 ? w.split('/').pop() : w))
        .join(' ');
      lines.push(`${now()} ::spawn::${id} ${name}`);
      const child = spawn.call(this, command, args, ...rest);
      child.once('exit', () => lines.push(`${now()} ::spawned::${id} ${name}`));
      return child;
    };
  };
  const load = Module._load;
  Module._load = function timedLoad(request, ...rest) {
    const exported = load.call(this, request, ...rest);
    if (request === 'child_process' || request === 'node:child_process') {
      Module._load = load;
      timeSpawns(exported);
    }
    return exported;
  };

  process.on('exit', () => {
    lines.push(`${now()} ::exit::`);
    fs.appendFileSync(file, `${lines.join('\n')}\n`);
  });
}
