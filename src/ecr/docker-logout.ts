// `docker logout`, for the post phase. A module of its own so that the post phase loads only
// this and the command runner: docker-login.ts carries the retry helper and the AWS SDK's error
// classification (@smithy/core, ~400 KiB bundled), which logging out never needs.
import type { Runner } from '../util/exec.js';

export async function dockerLogout(registry: string, run: Runner): Promise<{ ok: boolean; message: string }> {
  const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
  return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}
