// Reads README.md the way a renderer does (marked's lexer), for the docs tests: its fenced code
// blocks, wherever they sit (lists included), and the section each one is under.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexer, walkTokens, type Token, type Tokens } from 'marked';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export interface CodeBlock {
  lang: string;
  text: string;
  /** The nearest heading above the block, to name it in test titles. */
  heading: string;
  /** 1-based position among the document's code blocks of the same language. */
  index: number;
}

export function codeBlocks(markdown: string, lang?: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const counts = new Map<string, number>();
  let heading = '(top)';
  const tokens = lexer(markdown);
  // walkTokens returns the promises of async extensions; there are none here, the walk is synchronous.
  void walkTokens(tokens, (token: Token) => {
    if (token.type === 'heading') heading = (token as Tokens.Heading).text;
    if (token.type !== 'code') return;
    const code = token as Tokens.Code;
    const blockLang = (code.lang ?? '').trim().split(/\s+/)[0] ?? '';
    const index = (counts.get(blockLang) ?? 0) + 1;
    counts.set(blockLang, index);
    blocks.push({ lang: blockLang, text: code.text, heading, index });
  });
  return lang === undefined ? blocks : blocks.filter((block) => block.lang === lang);
}

/** The markdown of one `## Heading` section, up to the next heading of the same level. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === `## ${title}`);
  if (start === -1) throw new Error(`README.md has no "## ${title}" section`);
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}
