// The only caller of core.getInput: the step's inputs from the runner (INPUT_* variables), the
// files they name from the workspace, a bake file read by buildx, then parsed and checked by
// parse.ts. The GitHub token is masked as soon as it is read.
import * as core from '../util/actions-core.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { printBake, type BakeCommand } from './bake-print.js';
import { bakeToRead, ignoreFileToRead, parseInputs } from './parse.js';
import { Reader } from './reader.js';
import { policyNeedsYaml } from './policy.js';
import type { InputEnvironment, InputSource, Inputs } from './types.js';

/** The action's inputs, from the runner. */
export async function readInputs(): Promise<Inputs> {
  const get: InputSource = (name) => core.getInput(name);
  const files = {
    env: process.env,
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    readText: (file: string) => readFileSync(file, 'utf8'),
    isFile: (file: string) => existsSync(file) && statSync(file).isFile(),
    isDirectory: (file: string) => existsSync(file) && statSync(file).isDirectory(),
    listDirectory,
  };
  // `yaml` is about a sixth of what the main phase loads: it is loaded only for a run with an
  // ignore file, a policy or an images list to read (a missing file is then reported by parseInputs as usual).
  const reader = new Reader(get, files);
  const needsYaml =
    ignoreFileToRead(reader, files) !== undefined ||
    policyNeedsYaml(reader, files) ||
    reader.optional('images') !== undefined ||
    reader.optional('images-file') !== undefined;
  const parseYaml = !needsYaml
    ? () => {
        throw new Error('internal: the YAML parser was not loaded');
      }
    : (await import('yaml')).parse;
  const inputs = loadInputs(get, { ...files, parseYaml: (text) => parseYaml(text) });
  if (inputs.githubToken !== '') core.setSecret(inputs.githubToken);
  return inputs;
}

/** A directory's entries, for the globs of the `vex` input (inputs/vex.ts walks them); none when it cannot be read. */
function listDirectory(dir: string): Array<{ name: string; directory: boolean }> {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  } catch {
    return [];
  }
}

/**
 * The inputs read and parsed: a bake file (bake-file / bake-targets) is read by
 * `docker buildx bake --print` first (`bake`: the command, a fake in tests), then everything is
 * parsed and checked.
 */
export function loadInputs(get: InputSource, environment: InputEnvironment, bake?: BakeCommand): Inputs {
  const request = bakeToRead(get, environment);
  return parseInputs(get, environment, request && printBake(request, environment.cwd, bake));
}
