// docker login / logout. The password reaches docker only through standard input. The login
// is retried when the registry's answer says the fault is transient (src/util/retry.ts).
import type { RegistryLogin } from './auth.js';
import { CommandError, type Runner } from '../util/exec.js';
import { withRetry, type RetrySeams } from '../util/retry.js';
import { actionRetrySeams } from '../util/retry-defaults.js';
import { commandTransientCause } from '../util/transient.js';

/** `onStart`: called when docker's process is being started (on the first attempt), or when the login ends. */
export async function dockerLogin(
  login: RegistryLogin,
  run: Runner,
  seams: RetrySeams = actionRetrySeams,
  onStart?: () => void,
): Promise<void> {
  const what = `docker login to ${login.registry}`;
  await withRetry({ ...seams, what, transient: commandTransientCause }, async () => {
    const result = await run('docker', ['login', '--username', login.username, '--password-stdin', login.registry], {
      input: Buffer.from(login.password),
      silent: true,
      ignoreReturnCode: true,
      ...(onStart ? { onStart } : {}),
    });
    if (result.exitCode !== 0) {
      const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
      throw new CommandError(`${what} failed: ${reason}`, reason);
    }
  });
}
