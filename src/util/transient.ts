// Which failures are worth another attempt, read from what each tool really says. The docker
// CLI and buildx report a registry fault only as text (their exit code is 1 either way), so
// their last error line is matched against the messages collected from the local stack by
// making each fault happen (__fixtures__/faults/docker-messages.json, docs/reliability.md).
// The AWS SDK's errors are classified by the SDK's own rules.
//
// Permanent wins: denied or expired credentials, an immutable tag, an unknown repository, a
// Dockerfile or RUN step error. Anything not known to be transient is permanent (any other
// 4xx included): a retry that cannot help only delays the failure.
import { isRetryableAwsError } from '../aws/errors.js';
import { errorName } from './errors.js';
import { CommandError } from './exec.js';

const PERMANENT: readonly RegExp[] = [
  /\b40[13]\b|unauthorized|forbidden|no basic auth credentials|\bdenied\b|token has expired|expired token/i,
  /\bTAG_INVALID\b|\btag invalid\b|cannot be overwritten because the repository is immutable/i,
  /\bNAME_UNKNOWN\b|\bname unknown\b|repository with name .* does not exist/i,
  /\bMANIFEST_INVALID\b|\bmanifest invalid\b|\bBLOB_UNKNOWN\b|invalid reference format/i,
  // A build step, not the registry: `process "/bin/sh -c …" did not complete successfully`,
  // `executor failed running [...]`, a Dockerfile that does not parse, a COPY of a missing file.
  /did not complete successfully|executor failed running|dockerfile parse error|failed to compute cache key|failed to read dockerfile/i,
];

/** [pattern, the cause as a warning says it]; the first match wins. */
const TRANSIENT: ReadonlyArray<readonly [RegExp, string | ((match: RegExpExecArray) => string)]> = [
  [/connection refused/i, 'connection refused'],
  [/connection reset/i, 'connection reset'],
  [/broken pipe/i, 'broken pipe'],
  [/i\/o timeout/i, 'i/o timeout'],
  [/TLS handshake timeout|timeout awaiting response headers|Client\.Timeout exceeded|context deadline exceeded/i, 'timeout'],
  [/no such host|temporary failure in name resolution|server misbehaving/i, 'name resolution failed'],
  [/network is unreachable|no route to host/i, 'network unreachable'],
  [/\b(5\d\d) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i, (m) => `${m[1]} ${m[2]}`],
  [/\b429\b|toomanyrequests|too many requests/i, '429 Too Many Requests'],
  [/\bunexpected EOF\b/, 'unexpected EOF'],
  // `Get "http://…/v2/": EOF`, `failed to build: EOF`: the connection closed unanswered.
  [/(?:":|:) EOF\s*$/, 'connection closed (EOF)'],
  // BuildKit after its own retries of a 5xx: `failed to push …: unavailable`.
  [/: unavailable\s*$|code = Unavailable/i, 'registry unavailable'],
];

/** The transient cause in a docker or buildx error line, or undefined when it is permanent. */
export function dockerTransientCause(text: string): string | undefined {
  if (PERMANENT.some((pattern) => pattern.test(text))) return undefined;
  for (const [pattern, cause] of TRANSIENT) {
    const match = pattern.exec(text);
    if (match) return typeof cause === 'string' ? cause : cause(match);
  }
  return undefined;
}

/** A docker or buildx command's failure (a CommandError), classified by the line that says why. */
export function commandTransientCause(error: unknown): string | undefined {
  return error instanceof CommandError ? dockerTransientCause(error.reason) : undefined;
}

/**
 * The transient cause of an AWS SDK error (throttling, 5xx, timeouts, connection errors, by the
 * SDK's own classification), or undefined. Credential errors are permanent even where the SDK
 * would retry them after correcting the clock.
 */
export function awsTransientCause(error: unknown): string | undefined {
  // One classification for every AWS call the action retries: the poller's (aws/errors.ts).
  if (!isRetryableAwsError(error)) return undefined;
  const name = errorName(error) ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (error as { code?: unknown }).code;
  return [name, typeof code === 'string' && code !== name ? code : undefined, status ? `HTTP ${status}` : undefined]
    .filter(Boolean)
    .join(', ');
}
