// Pure: fitting rendered markdown into a size limit, for the job summary (UTF-8 bytes) and the
// PR comment (UTF-16 code units): one loop that halves the rows until the text fits, and one
// cutter for what is still too long with no rows at all.
export interface Measure {
  /** The size of `text` in this measure's unit. */
  size(text: string): number;
  /** The longest start of `text` of at most `size` units (it may end in a broken character: the cutter drops the last line). */
  prefix(text: string, size: number): string;
}

/** GitHub's job summary limit is in bytes of UTF-8. */
export const UTF8_BYTES: Measure = {
  size: (text) => Buffer.byteLength(text, 'utf8'),
  prefix: (text, size) => Buffer.from(text, 'utf8').subarray(0, size).toString('utf8'),
};

/** GitHub's comment limit is in characters as JavaScript counts `length` (UTF-16 code units). */
export const UTF16_UNITS: Measure = {
  size: (text) => text.length,
  prefix: (text, size) => text.slice(0, size),
};

/** At most this many `<details>` are closed after a cut (what the renderers open, and then some). */
const MAX_OPEN_DETAILS = 8;
const CLOSING = '\n\n</details>'.repeat(MAX_OPEN_DETAILS);

export interface FitOptions {
  /** Finding rows to start with; halved until the text fits. */
  maxRows: number;
  /** The limit, in `measure`'s unit. */
  limit: number;
  measure: Measure;
  /** Said on its own paragraph when even no rows do not fit and the text is cut. Short. */
  note: string;
}

/**
 * Renders with `maxRows` rows, then half as many, … until the text fits the limit; with no rows
 * left, it is cut (cutToFit). Rows are bounded in length, so this rarely loops; it makes the
 * limit hold whatever the data.
 */
export function fitToLimit(render: (maxRows: number) => string, options: FitOptions): string {
  for (let rows = Math.max(0, options.maxRows); ; rows = Math.floor(rows / 2)) {
    const text = render(rows);
    if (rows === 0 || options.measure.size(text) <= options.limit) return cutToFit(text, options.limit, options.measure, options.note);
  }
}

/**
 * Text of at most `limit`: as it is when it fits; otherwise cut at a line break, any `<details>`
 * the cut left open closed, and `note` added on its own paragraph.
 */
export function cutToFit(text: string, limit: number, measure: Measure, note: string): string {
  if (measure.size(text) <= limit) return text;
  const room = Math.max(0, limit - measure.size(`${CLOSING}\n\n${note}\n`));
  const cut = measure.prefix(text, room);
  const line = cut.lastIndexOf('\n');
  return `${closeDetails(line > 0 ? cut.slice(0, line) : '')}\n\n${note}\n`;
}

/** Text cut short, with the `<details>` it left open closed (at most MAX_OPEN_DETAILS). */
export function closeDetails(cut: string): string {
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return open > 0 ? `${cut}${'\n\n</details>'.repeat(Math.min(open, MAX_OPEN_DETAILS))}` : cut;
}
