// Parsing of the list-shaped inputs. Pure: no @actions/* here, so the rules can be tested
// by tables and properties.

/** Splits on newlines (and on commas unless `commas` is false), trims, drops blanks and `#` comments. */
export function parseList(text: string, options: { commas?: boolean } = {}): string[] {
  const separator = options.commas === false ? /\r?\n/ : /\r?\n|,/;
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

/**
 * Parses newline-separated KEY=VALUE lines. The value keeps everything after the first `=`
 * (values may hold `=` and commas). Returns the bad line instead of throwing, so the caller
 * can name its input.
 */
export function parseKeyValues(text: string): { ok: true; pairs: Array<[string, string]> } | { ok: false; line: string } {
  const pairs: Array<[string, string]> = [];
  for (const line of parseList(text, { commas: false })) {
    const at = line.indexOf('=');
    const key = at > 0 ? line.slice(0, at).trim() : '';
    if (key === '' || /\s/.test(key)) return { ok: false, line };
    pairs.push([key, line.slice(at + 1)]);
  }
  return { ok: true, pairs };
}
