// docker login / logout. The password reaches docker only through standard input.
import type { RegistryLogin } from './auth.js';
import type { Runner } from '../util/exec.js';

export async function dockerLogin(login: RegistryLogin, run: Runner): Promise<void> {
  const result = await run('docker', ['login', '--username', login.username, '--password-stdin', login.registry], {
    input: Buffer.from(login.password),
    silent: true,
    ignoreReturnCode: true,
  });
  if (result.exitCode !== 0) {
    const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? '';
    throw new Error(`docker login to ${login.registry} failed: ${reason}`);
  }
}

export async function dockerLogout(registry: string, run: Runner): Promise<{ ok: boolean; message: string }> {
  const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
  return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}
