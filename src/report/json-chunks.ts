// JSON text in pieces, for files too big to hold whole: the JSON report and SARIF of 10,000
// findings are megabytes of text, and one string of it (plus its UTF-8 copy, plus the object
// graph it came from) is most of the action's peak memory. Arrays marked with streamedArray are
// rendered one item at a time; joined, the pieces are byte for byte what JSON.stringify gives.
// Pure.

const ITEMS = Symbol('streamed array items');

/** An array whose items are made and rendered one at a time. */
export interface StreamedArray<T = unknown> {
  readonly [ITEMS]: () => Iterable<T>;
  /** What JSON.stringify sees: the items, made all at once. */
  toJSON(): T[];
}

/**
 * An array for jsonChunks to render item by item. `items` is called once per rendering, so a
 * value holding it can be rendered (or measured, then written) more than once.
 */
export function streamedArray<T>(items: () => Iterable<T>): StreamedArray<T> {
  return { [ITEMS]: items, toJSON: () => Array.from(items()) };
}

/**
 * `JSON.stringify(value, null, indent)` as pieces of text. Plain objects and arrays that hold a
 * streamedArray are walked; the items of a streamedArray, and every other value, are rendered
 * by JSON.stringify itself, one piece each.
 */
export function* jsonChunks(value: unknown, indent = 0): Generator<string> {
  const gap = ' '.repeat(Math.min(10, Math.max(0, Math.floor(indent))));
  if (isWalked(value)) yield* render(value, gap, '');
  else {
    const text = stringify(value, gap, '');
    if (text !== undefined) yield text;
  }
}

/** A value for which isWalked is true. */
function* render(value: unknown, gap: string, margin: string): Generator<string> {
  if (isStreamed(value)) yield* renderItems(value[ITEMS](), false, gap, margin);
  else if (Array.isArray(value)) yield* renderItems(value, true, gap, margin);
  else yield* renderObject(value as object, gap, margin);
}

/** Items of a streamed array rendered per JSON.stringify call: few calls, none holding much. */
const BATCH = 16;

function* renderItems(items: Iterable<unknown>, walk: boolean, gap: string, margin: string): Generator<string> {
  const inner = margin + gap;
  const separator = gap ? `,\n${inner}` : ',';
  if (!walk) {
    // A streamed array's items are plain values: JSON.stringify renders them, a batch at a time,
    // at their depth (no line of theirs re-indented afterwards, which cost more than rendering).
    const depth = gap ? inner.length / gap.length : 0;
    let first = true;
    let batch: unknown[] = [];
    for (const item of items) {
      batch.push(item);
      if (batch.length < BATCH) continue;
      yield (first ? (gap ? '[\n' : '[') : gap ? ',\n' : ',') + stringifyItems(batch, gap, depth);
      first = false;
      batch = [];
    }
    if (batch.length > 0) {
      yield (first ? (gap ? '[\n' : '[') : gap ? ',\n' : ',') + stringifyItems(batch, gap, depth);
      first = false;
    }
    yield first ? '[]' : gap ? `\n${margin}]` : ']';
    return;
  }
  let first = true;
  for (const item of items) {
    const lead = first ? (gap ? `[\n${inner}` : '[') : separator;
    first = false;
    if (isWalked(item)) {
      yield lead;
      yield* render(item, gap, inner);
    } else {
      // An array holds undefined, functions and symbols as null.
      yield lead + (stringify(item, gap, inner) ?? 'null');
    }
  }
  yield first ? '[]' : gap ? `\n${margin}]` : ']';
}

/**
 * Items as JSON.stringify writes them inside an array at `depth` (each on its own line, indented,
 * joined by `,`), without the brackets: the batch is stringified inside depth − 1 arrays, and
 * the text around it, which those arrays add, is cut off.
 */
function stringifyItems(items: unknown[], gap: string, depth: number): string {
  if (!gap) return JSON.stringify(items).slice(1, -1);
  let wrapped: unknown = items;
  for (let i = 1; i < depth; i += 1) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, gap);
  let open = 0;
  let close = 0;
  for (let i = 0; i < depth; i += 1) {
    open += i * gap.length + 2; // `${gap × i}[\n`
    close += i * gap.length + 2; // `\n${gap × i}]`
  }
  return text.slice(open, text.length - close);
}

function* renderObject(value: object, gap: string, margin: string): Generator<string> {
  const inner = margin + gap;
  const separator = gap ? `,\n${inner}` : ',';
  const colon = gap ? ': ' : ':';
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    // An object leaves out undefined, functions and symbols, as JSON.stringify does.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    const lead = `${first ? (gap ? `{\n${inner}` : '{') : separator}${JSON.stringify(key)}${colon}`;
    first = false;
    if (isWalked(member)) {
      yield lead;
      yield* render(member, gap, inner);
    } else {
      yield lead + (stringify(member, gap, inner) ?? 'null');
    }
  }
  yield first ? '{}' : gap ? `\n${margin}}` : '}';
}

/** Values walked here rather than handed to JSON.stringify whole: those holding a streamed array. */
function isWalked(value: unknown): boolean {
  if (isStreamed(value)) return true;
  if (Array.isArray(value)) return value.some(isWalked);
  return isPlainObject(value) && Object.values(value).some(isWalked);
}

/** JSON.stringify at a depth: its line breaks (never inside a string) indented by `margin`. */
function stringify(value: unknown, gap: string, margin: string): string | undefined {
  const text = JSON.stringify(value, null, gap) as string | undefined;
  return text !== undefined && gap && margin ? text.replace(/\n/g, `\n${margin}`) : text;
}

function isStreamed(value: unknown): value is StreamedArray {
  return typeof value === 'object' && value !== null && ITEMS in value;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
