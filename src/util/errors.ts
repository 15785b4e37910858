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

/**
 * Text made to fit on one line of a message: line breaks, tabs and other control characters
 * (C0, DEL, C1, U+2028/2029) written as escapes, so a value we echo cannot start a new line.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or escaped.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A value echoed in a message: quoted, on one line. */
export function quoted(value: string): string {
  return `"${oneLine(value)}"`;
}

/** The AWS errors that mean the credentials are wrong, expired or not allowed: retrying will not help. */
const CREDENTIAL_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'AccessDeniedException',
  'AccessDenied',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'CredentialsProviderError',
]);

export function isCredentialError(error: unknown): boolean {
  const name = errorName(error);
  return name !== undefined && CREDENTIAL_ERRORS.has(name);
}
