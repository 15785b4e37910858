// A fake InputEnvironment (a workspace of files held in memory) and an InputSource over a map,
// so the inputs are parsed without the runner, the real filesystem or process.env.
import * as path from 'node:path';
import type { InputEnvironment, InputSource } from '../src/inputs/types.js';
import { parse } from 'yaml';

export const WORKSPACE = '/home/runner/work/retail-api/retail-api';

export interface Workspace {
  /** Files, path relative to the workspace → content. Their directories exist too. */
  files?: Record<string, string>;
  /** Extra directories, relative to the workspace. */
  dirs?: string[];
  env?: Record<string, string | undefined>;
  /** `docker buildx bake <args>` for bake-file (loadInputs' BakeCommand): its output, or a throw with its standard error. */
  bake?: (args: string[]) => string;
}

export function fakeEnvironment({ files = {}, dirs = [], env = {} }: Workspace = {}): InputEnvironment {
  const contents = new Map(Object.entries(files).map(([file, text]) => [path.resolve(WORKSPACE, file), text]));
  const directories = new Set<string>([WORKSPACE, ...dirs.map((dir) => path.resolve(WORKSPACE, dir))]);
  for (const file of contents.keys()) {
    for (let dir = path.dirname(file); dir.startsWith(WORKSPACE); dir = path.dirname(dir)) directories.add(dir);
  }
  return {
    env,
    cwd: WORKSPACE,
    readText(file) {
      const text = contents.get(file);
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return text;
    },
    isFile: (file) => contents.has(file),
    parseYaml: parse,
    isDirectory: (file) => directories.has(file),
  };
}

/** core.getInput over a map: a missing input is '' as on the runner. */
export function inputSource(values: Record<string, string>): InputSource {
  return (name) => values[name] ?? '';
}
