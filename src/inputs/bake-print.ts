// I/O: a bake file read the way buildx reads it, `docker buildx bake --print`, before anything is
// built; when bake refuses, also `--list` of its targets, for the message. What the answer means
// is src/inputs/bake-file.ts's (pure).
import { execFileSync } from 'node:child_process';
import type { BakePrint, BakeRequest } from './bake-file.js';

/** Runs `docker buildx bake <args>` in `cwd`: its standard output, or an Error whose message is its standard error. */
export type BakeCommand = (args: string[], cwd: string) => string;

export function printBake(request: BakeRequest, cwd: string, bake: BakeCommand = dockerBake): BakePrint {
  const fileArgs = request.files.flatMap((file) => ['--file', file]);
  try {
    return { printed: bake(['--print', ...fileArgs, ...request.targets], cwd) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message, ...(/failed to find target/.test(message) ? { defined: definedTargets(bake, fileArgs, cwd) } : {}) };
  }
}

/** The bake file's targets and groups (a courtesy for the message: none when bake cannot list them). */
function definedTargets(bake: BakeCommand, fileArgs: string[], cwd: string): string[] | undefined {
  try {
    const listed = JSON.parse(bake(['--list=type=targets,format=json', ...fileArgs], cwd)) as Array<{ name?: unknown }>;
    return listed.map((entry) => entry.name).filter((name): name is string => typeof name === 'string');
  } catch {
    return undefined;
  }
}

/** `docker buildx bake <args>`, synchronously: the inputs are read before anything else runs. */
function dockerBake(args: string[], cwd: string): string {
  try {
    return execFileSync('docker', ['buildx', 'bake', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stderr?: unknown; code?: unknown; message?: string };
    if (failed.code === 'ENOENT') throw new Error('docker is not installed (not on PATH)', { cause: error });
    const stderr = typeof failed.stderr === 'string' ? failed.stderr : '';
    throw new Error(stderr.trim() !== '' ? stderr : (failed.message ?? String(error)), { cause: error });
  }
}
