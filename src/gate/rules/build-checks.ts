// Pure: BuildKit's build checks (https://docs.docker.com/reference/build-checks/), as buildx
// wrote them in its metadata file: each is a finding at its Dockerfile line. A Dockerfile's own
// `# check=skip=…` is BuildKit's to honour: a skipped check is not in the metadata.
import type { BuildCheck, Known, Outcome } from './types.js';

export function checkBuildChecks(checks: Known<BuildCheck[]>): Outcome {
  if (!checks.known) return { noData: checks.why };
  if (checks.value.length === 0) return { ok: true, checked: 'no build check found anything' };
  return {
    ok: false,
    findings: checks.value.map((check) => ({
      message: `${check.rule}: ${check.message}${check.file && check.line ? ` (${check.file}:${check.line})` : ''}`,
      id: check.rule,
      ...(check.file ? { file: check.file } : {}),
      ...(check.line ? { line: check.line } : {}),
      ...(check.endLine ? { endLine: check.endLine } : {}),
      ...(check.url ? { url: check.url } : {}),
    })),
  };
}
