// Pure: the policy inputs → the step's policy. `policy-file` (default `.ecr-policy.yml` when the
// workspace has one) and `policy` (inline YAML, over the file rule by rule); neither: the
// defaults (src/gate/rules/config.ts). A missing or malformed file is one line, before any build.
import { resolvePolicy, type PolicyOrigin } from '../gate/rules/config.js';
import type { Policy } from '../gate/rules/types.js';
import { InputError, oneLine, quoted, toMessage } from '../util/errors.js';
import type { Reader } from './reader.js';
import type { InputEnvironment } from './types.js';

export const DEFAULT_POLICY_FILE = '.ecr-policy.yml';

/** The policy file to read, if any: the input's, or the default when it exists. */
export function policyFileToRead(read: Reader, environment: Pick<InputEnvironment, 'isFile'>): { file: string; full: string } | undefined {
  const given = read.optional('policy-file');
  const file = given ?? DEFAULT_POLICY_FILE;
  const full = read.path(file);
  return given === undefined && !environment.isFile(full) ? undefined : { file, full };
}

/** Whether reading the policy needs the YAML parser (a file to read, or the inline input). */
export function policyNeedsYaml(read: Reader, environment: Pick<InputEnvironment, 'isFile'>): boolean {
  return policyFileToRead(read, environment) !== undefined || read.optional('policy') !== undefined;
}

export function readPolicy(read: Reader, environment: InputEnvironment): Policy {
  const parts: Array<{ data: unknown; origin: PolicyOrigin }> = [];
  const target = policyFileToRead(read, environment);
  if (target !== undefined) {
    const { file, full } = target;
    if (!environment.isFile(full)) {
      throw new InputError(`Input "policy-file" is ${quoted(file)}, which does not exist; accepted: the path of a YAML mapping of rules.`);
    }
    parts.push({
      data: parseYaml(environment, environment.readText(full), `Input "policy-file" (${oneLine(file)})`),
      origin: { input: 'policy-file', file },
    });
  }
  const inline = read.optional('policy');
  if (inline !== undefined) parts.push({ data: parseYaml(environment, inline, 'Input "policy"'), origin: { input: 'policy' } });
  return { rules: resolvePolicy(parts), source: { ...(target ? { file: target.file } : {}), inline: inline !== undefined } };
}

function parseYaml(environment: InputEnvironment, text: string, where: string): unknown {
  try {
    return environment.parseYaml(text);
  } catch (error) {
    const first = oneLine(toMessage(error).split('\n')[0] ?? '');
    throw new InputError(`${where} is not valid YAML (${first}); accepted: a YAML mapping of rules, e.g. "non-root: fail".`);
  }
}
