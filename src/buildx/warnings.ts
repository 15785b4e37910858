// Pure: BuildKit's build checks that found something, read from the warnings buildx writes in its
// --metadata-file when BUILDX_METADATA_WARNINGS=true.
//
// Measured with buildx v0.36.1 against BuildKit v0.32.2 (fixtures: __fixtures__/buildx-metadata/),
// and read in docker/buildx (commands/build.go, commands/bake.go, util/progress/printer.go):
// - `buildx.build.warnings` is written only when there is at least one warning
//   (`len(warnings) > 0 && confutil.MetadataWarningsEnabled()`): a clean build has no key, never
//   `[]`. So an absent key reads as no warnings; the caller must only ask when it set
//   BUILDX_METADATA_WARNINGS=true (without it the key is absent too). `bake` writes the key once,
//   at the top of its metadata, for all its targets.
// - Each warning: `{vertex, level, short, detail: [..], url, sourceInfo: {filename, data,
//   language}, range: [{start: {line}, end: {line}}]}`, `short` and `detail` base64.
//   `short` is `<Rule>: <message> (line N)`, e.g. `StageNameCasing: Stage name 'Build' should be
//   lowercase (line 1)`. `sourceInfo.filename` is the Dockerfile's name only (`-f docker/app.Dockerfile`
//   gives `app.Dockerfile`).
// - buildx already removes repeats (dedupWarnings, by the warning without its vertex) and lists
//   them in map order, so a multi-platform build shows each once, in no fixed order: we dedupe
//   again (cheap) and sort by place.
// - `# check=skip=<Rule>` in the Dockerfile is honoured by BuildKit: the skipped check is absent.
import { posix } from 'node:path';
import { type BuildCheck } from '../shared/build-facts.js';

const WARNINGS_KEY = 'buildx.build.warnings';

/**
 * The build checks from buildx's metadata; `dockerfile` is the workspace-relative path of the
 * Dockerfile built. An absent key is none found (see above); undefined when the key holds
 * something that is not a list of warnings (unreadable: no data rather than a silent pass).
 */
export function buildChecksFromMetadata(metadata: Record<string, unknown>, dockerfile: string): BuildCheck[] | undefined {
  const warnings = metadata[WARNINGS_KEY];
  if (warnings === undefined || warnings === null) return [];
  if (!Array.isArray(warnings)) return undefined;
  const checks = new Map<string, BuildCheck>();
  for (const warning of warnings) {
    const check = checkOf(warning, dockerfile);
    if (check !== undefined)
      checks.set(JSON.stringify([check.file, check.line, check.endLine, check.rule, check.message, check.url]), check);
  }
  return [...checks.values()].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}

function checkOf(warning: unknown, dockerfile: string): BuildCheck | undefined {
  if (!isRecord(warning) || typeof warning.short !== 'string') return undefined;
  const short = fromBase64(warning.short).trim();
  if (short === '') return undefined;
  // A check's warning is `Rule: message (line N)`; anything else (a frontend's own warning) is kept whole.
  const named = /^([A-Za-z][A-Za-z0-9]*): (.*)$/s.exec(short);
  const rule = named === null ? 'warning' : named[1];
  const message = (named === null ? short : named[2]).replace(/ \(line \d+\)$/, '');
  const check: BuildCheck = { rule, message };
  const source = isRecord(warning.sourceInfo) ? warning.sourceInfo : undefined;
  if (source !== undefined) {
    const filename = typeof source.filename === 'string' && source.filename !== '' ? source.filename : posix.basename(dockerfile);
    check.file = filename === posix.basename(dockerfile) ? dockerfile : posix.join(posix.dirname(dockerfile), filename);
    const range = Array.isArray(warning.range) && isRecord(warning.range[0]) ? warning.range[0] : undefined;
    const line = lineOf(range?.start);
    const endLine = lineOf(range?.end);
    if (line !== undefined) check.line = line;
    if (endLine !== undefined) check.endLine = endLine;
  }
  if (typeof warning.url === 'string' && warning.url !== '') check.url = warning.url;
  return check;
}

function lineOf(position: unknown): number | undefined {
  if (!isRecord(position)) return undefined;
  const line = position.line;
  return typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : undefined;
}

function fromBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
