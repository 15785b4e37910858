// Writes the results into docs/performance.md, between two markers; the rest of the page (how
// to read the figures, what the misses mean) is written by hand and left as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './lib/env.js';
import type { Environment } from './run.js';

const BEGIN = '<!-- bench:results:begin (written by `npm run bench -- --write-docs`; do not edit by hand) -->';
const END = '<!-- bench:results:end -->';

export interface DocsInput {
  table: string;
  phases?: string;
  commands?: string;
  stages?: string;
  cold?: string;
  env: Environment;
}

function block(input: DocsInput): string {
  const { env } = input;
  const lines = [
    BEGIN,
    '',
    `Last run: ${env.date.slice(0, 16).replace('T', ' ')} UTC, commit ${env.commit}; ${env.node}, ${env.cpus}, ${env.memory}; ` +
      `BENCH_REPEATS=${env.repeats}, BENCH_SCAN_REPEATS=${env.scanRepeats}, BENCH_COLD_REPEATS=${env.coldRepeats}, builder \`${env.builder || '(none)'}\`; took ${env.seconds} s.`,
    '',
    '```sh',
    env.command,
    '```',
    '',
    input.table,
    '',
  ];
  if (input.phases) lines.push('Where the time goes (parts 2 and 5), medians:', '', input.phases, '');
  if (input.commands) lines.push('Commands run and ECR API calls made per run, medians:', '', input.commands, '');
  if (input.cold) lines.push('Cold runner, examples/retail-api (parts 6 and 7), medians:', '', input.cold, '');
  if (input.stages)
    lines.push(
      'Big reports (part 4): CPU time per stage and peak memory once each stage was done, then the least work the target is a ratio to, medians:',
      '',
      input.stages,
      '',
    );
  lines.push(END);
  return lines.join('\n');
}

const SKELETON = `# Performance

How the action compares with the least work possible. Run it with \`npm run bench\`
(\`bash scripts/bench.sh\`: installs packages if needed, starts the local stack, runs
\`bench/run.ts\`); \`npm run bench -- --write-docs\` also updates the results below.

${BEGIN}
${END}
`;

export function writeDocs(input: DocsInput): string {
  const file = path.join(ROOT, 'docs', 'performance.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : SKELETON;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block(input)}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block(input)}\n`;
  writeFileSync(file, next);
  return file;
}
