// Workspaces for the end-to-end cases. Findings come from the image itself: the ECR stand-in
// reads the `ecr-standin.findings` labels of each platform manifest's config
// (`ID|SEVERITY|package|version|fixedIn;…`), so a case chooses its findings with build-args.
export const FINDINGS_DOCKERFILE = [
  'FROM scratch',
  'ARG FINDINGS=',
  'ARG FINDINGS_ARM64=',
  'ARG GENERATE=',
  'COPY app.txt /app.txt',
  'LABEL ecr-standin.findings="${FINDINGS}" ecr-standin.findings.arm64="${FINDINGS_ARM64}" ecr-standin.generate="${GENERATE}"',
  // Not root: what the policy's default non-root rule asks (test/e2e/policy.test.ts builds a root image of its own).
  'USER 10001',
  '',
].join('\n');

export function findingsWorkspace(extra: Record<string, string> = {}): Record<string, string> {
  return { Dockerfile: FINDINGS_DOCKERFILE, 'app.txt': `app ${Math.random()}\n`, ...extra };
}

export const CRITICAL = 'CVE-2024-0001|CRITICAL|openssl|3.0.1|3.0.2';
export const HIGH = 'CVE-2024-0002|HIGH|zlib|1.2.11|1.2.13';
export const MEDIUM = 'CVE-2024-0003|MEDIUM|curl|8.0.0|8.1.0';
