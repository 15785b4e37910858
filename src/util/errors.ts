/** A problem with what the user asked for: reported as one line, before any work is done. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The one way we turn a caught `unknown` into text a user can read. */
export function toMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** The AWS SDK's error name (`RepositoryNotFoundException`, …), when there is one. */
export function errorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const name = (error as { name: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}
