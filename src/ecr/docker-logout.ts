// Logging out, for the post phase: the same change to the Docker config that `docker logout
// <registry>` makes.
//
// Where docker keeps the login in its config file (no `credsStore`, no `credHelpers` entry for
// the registry: how GitHub's hosted runners are set up, and how `docker login` in main stored
// it), the entry is removed from config.json here, as the CLI's own file store does (read,
// delete the `auths` keys, write a temporary file beside it with the same permissions, rename).
// That spares the post phase the docker CLI (~15 ms) and @actions/exec (~10 ms of loading), a
// tenth of the action's fixed cost (docs/performance.md). No library does this edit; the
// Docker CLI's logic is a few lines (cli/command/registry/logout.go, cli/config/configfile).
// Where a credential helper holds the secret, or the file is not what docker writes, `docker
// logout` runs, so the helper erases it.
//
// The file calls are synchronous: the post phase has nothing to do meanwhile, and loading
// node:fs/promises (with the readline and stream modules it pulls in) costs it ~1.5 ms.
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Runner } from '../util/exec.js';

export interface LogoutResult {
  ok: boolean;
  message: string;
}

/** Where the docker CLI reads its config: `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');
}

/** The registry as docker names it in `auths` (registry.ConvertToHostname): no scheme, no path. */
export function registryHostname(registry: string): string {
  return registry.replace(/^https?:\/\//, '').split('/')[0];
}

export async function dockerLogout(registry: string, run: Runner, configDir: string = dockerConfigDir()): Promise<LogoutResult> {
  const edited = removeFromConfigFile(registry, configDir);
  if (edited) return edited;
  const result = await run('docker', ['logout', registry], { silent: true, ignoreReturnCode: true });
  return { ok: result.exitCode === 0, message: (result.stderr || result.stdout).trim() };
}

interface DockerConfig {
  auths?: Record<string, unknown>;
  credsStore?: unknown;
  credHelpers?: Record<string, unknown>;
}

/**
 * Removes the registry from config.json when the file store holds it; undefined when `docker
 * logout` must do it instead (a credential helper, or a file docker would not have written).
 */
function removeFromConfigFile(registry: string, configDir: string): LogoutResult | undefined {
  const host = registryHostname(registry);
  const notLoggedIn = { ok: true, message: `Not logged in to ${host}` };
  let file: string;
  let text: string;
  try {
    // A symlinked config.json is edited where it lives, as docker does.
    file = realpathSync(path.join(configDir, 'config.json'));
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? notLoggedIn : undefined;
  }
  let config: DockerConfig;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed) || (parsed.auths !== undefined && !isObject(parsed.auths))) return undefined;
    if (parsed.credHelpers !== undefined && !isObject(parsed.credHelpers)) return undefined;
    config = parsed as DockerConfig;
  } catch {
    return undefined;
  }
  // The forms docker logout tries, for logins saved by older clients.
  const keys = [host, `http://${host}`, `https://${host}`];
  if (config.credsStore || keys.some((key) => config.credHelpers?.[key])) return undefined;
  const auths = config.auths ?? {};
  const present = keys.filter((key) => Object.hasOwn(auths, key));
  if (present.length === 0) return notLoggedIn;
  for (const key of present) delete auths[key];
  replaceFile(file, `${JSON.stringify(config, null, '\t')}\n`);
  return { ok: true, message: `Removing login credentials for ${host}` };
}

/** Writes beside the file and renames over it, keeping its permissions: never a half-written config. */
function replaceFile(file: string, text: string): void {
  const { mode } = statSync(file);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    chmodSync(temp, mode & 0o777);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
