// Escaping for text we did not write: IDs, package names, descriptions and URLs come from
// ECR (and, through it, from whoever published a package), tags and reasons from users.
// Rendered into a job summary or a PR comment, none of it may close a table cell, start a
// link, open HTML or end our hidden marker. Pure.
import { createHash } from 'node:crypto';

// C0 and C1 controls, DEL, zero-width and bidi controls (which can make text read differently
// from what it is: https://trojansource.codes), and the line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or escaped.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const BREAKS = /[\t\n\r\u2028\u2029]+/g;
/** Anything cleanText changes beyond the trim: a break, an invisible character, two spaces. */
const NEEDS_CLEANING =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\t\n\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]| {2}/;

/** Whitespace made single spaces, control characters removed, trimmed. */
export function cleanText(value: string): string {
  // Most text needs nothing but the trim: one test instead of three replaces (10,000 findings'
  // texts go through here for the SARIF file alone).
  if (!NEEDS_CLEANING.test(value)) return value.trim();
  return value.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/** At most `max` characters (code points, so no surrogate pair is split), ending in `…` when cut. */
export function shorten(value: string, max: number): string {
  // Code points are at most as many as UTF-16 units: short strings need no splitting.
  if (value.length <= max) return value;
  const points = Array.from(value);
  if (points.length <= max) return value;
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const MARKDOWN_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '|': '\\|',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  // A zero-width space after @ and # keeps "@someone", "@org/team" and "owner/repo#12" from
  // notifying people or cross-referencing issues from our comment.
  '@': '@&#8203;',
  '#': '#&#8203;',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

/**
 * Text that is safe inline in markdown and in a table cell: one line, no markup, no HTML.
 * `max` is in characters before escaping (escaping never cuts an escape in half).
 */
export function escapeText(value: string | undefined, max = 200): string {
  if (value === undefined) return '';
  return shorten(cleanText(value), max).replace(/[\\|`*_[\]~@#<>&]/g, (c) => MARKDOWN_ESCAPES[c] ?? c);
}

// Values that read best as code (digests, tags, image references, versions) and that can be
// put between backticks as they are.
const CODE_SAFE = /^[A-Za-z0-9._:/@+=~-]+$/;

/** `value` as inline code when that is safe, otherwise as escaped text. */
export function code(value: string | undefined, max = 200): string {
  if (value === undefined || value === '') return '';
  const short = shorten(value, max);
  return CODE_SAFE.test(value) ? `\`${short}\`` : escapeText(value, max);
}

const MAX_URL = 1000;

/**
 * The URL when it is http(s) and short enough to link, with everything that could end a markdown
 * link destination or a table cell percent-encoded; otherwise undefined.
 */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = cleanText(value);
  if (text.length > MAX_URL || !/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined; // never link a URL that carries credentials
  return url.href.replace(/[()[\]|\\`<>"' ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](url)` when the URL is http(s), otherwise the text alone; both escaped. */
export function link(text: string, url: string | undefined, max = 200): string {
  const href = safeUrl(url);
  const label = escapeText(text, max);
  return href && label ? `[${label}](${href})` : label;
}

/** For text placed inside raw HTML (e.g. `<summary>`), where markdown escapes do not apply. */
export function escapeHtml(value: string, max = 200): string {
  return shorten(cleanText(value), max).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MAX_KEY = 200;

/**
 * A comment key made safe inside `<!-- … -->`: only [A-Za-z0-9._/:@+-] pass, everything else
 * (and `%` itself) is percent-encoded, and a `-` that follows a `-` is encoded too, so the key
 * can hold neither `-->`, `--!>` nor a line break. Distinct keys stay distinct; a very long key
 * is replaced by its prefix and a hash.
 */
export function escapeCommentKey(key: string): string {
  let out = '';
  for (const char of key) {
    const plain = /^[A-Za-z0-9._/:@+]$/.test(char) || (char === '-' && !out.endsWith('-'));
    out += plain ? char : encodeChar(char);
  }
  if (out.length <= MAX_KEY) return out;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  const head = out.slice(0, MAX_KEY - 24).replace(/%[0-9A-F]?$/, ''); // not half an escape
  return `${head}.sha256.${hash}`;
}

function encodeChar(char: string): string {
  return Array.from(Buffer.from(char, 'utf8'))
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** 12,345 — the same on every runner, whatever its locale. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 finding", "2 findings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
