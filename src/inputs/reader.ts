// The inputs as the parser reads them: trimmed text, a required value, one of a list, a boolean,
// a list, a path under the working directory; a bad value is one line naming the input.
import * as path from 'node:path';
import { InputError, quoted } from '../util/errors.js';
import { parseList } from '../util/lists.js';
import type { InputEnvironment, InputSource } from './types.js';

export class Reader {
  constructor(
    private readonly get: InputSource,
    private readonly environment: Pick<InputEnvironment, 'cwd'>,
  ) {}

  text(name: string): string {
    return this.get(name).trim();
  }

  optional(name: string): string | undefined {
    const value = this.text(name);
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === '') throw new InputError(`Input "${name}" is required and was empty.`);
    return value;
  }

  oneOf<T extends string>(name: string, accepted: readonly T[], fallback: T, normalise = (v: string) => v): T {
    const raw = this.text(name);
    if (raw === '') return fallback;
    const value = normalise(raw);
    if (!(accepted as readonly string[]).includes(value)) {
      throw new InputError(`Input "${name}" is ${quoted(raw)}; accepted: ${accepted.join(', ')}.`);
    }
    return value as T;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.text(name);
    if (raw === '') return fallback;
    // The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    throw new InputError(`Input "${name}" is ${quoted(raw)}; accepted: true, false.`);
  }

  raw(name: string): string {
    return this.get(name);
  }

  list(name: string, options?: { commas?: boolean }): string[] {
    return parseList(this.get(name), options);
  }

  path(file: string): string {
    return path.resolve(this.environment.cwd, file);
  }
}
