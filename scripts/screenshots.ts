// The README's pictures of what users get (docs/*.png): the pages of scripts/lib/screenshot-pages.ts
// (the action's own renderers on sample reports), written to docs/screenshots/ and
// screenshotted with headless Chromium. Run through scripts/screenshots.sh, which installs
// Chromium and the fonts. Each PNG carries the SHA-256 of the page it was taken of (a tEXt
// chunk), so a test can tell a picture that no longer shows what the renderers write.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageHash, screenshotPages, withTextChunk, PAGE_HASH_KEY } from './lib/screenshot-pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs');
const HTML_DIR = path.join(DOCS, 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const WINDOW_WIDTH = 1000;

// ─── Chromium ────────────────────────────────────────────────────────────────────────────────

function chromium(args: string[]): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'screenshots-chromium-'));
  try {
    const result = spawnSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    if (result.error) throw new Error(`could not run ${CHROMIUM} (${result.error.message}); run scripts/screenshots.sh, which installs it`);
    if (result.status !== 0)
      throw new Error(`${CHROMIUM} exited ${result.status}: ${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
    return result.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's laid-out height at the screenshot's width. */
function measureHeight(htmlFile: string): number {
  const dom = chromium([`--window-size=${WINDOW_WIDTH},400`, '--dump-dom', `file://${htmlFile}`]);
  const match = /data-height="(\d+)"/.exec(dom);
  if (!match) throw new Error(`no height measured in ${htmlFile}`);
  return Number(match[1]);
}

function screenshot(name: string, html: string): void {
  const htmlFile = path.join(HTML_DIR, `${name}.html`);
  const png = path.join(DOCS, `${name}.png`);
  writeFileSync(htmlFile, html);
  const height = measureHeight(htmlFile);
  chromium([`--screenshot=${png}`, `--window-size=${WINDOW_WIDTH},${height}`, `file://${htmlFile}`]);
  writeFileSync(png, withTextChunk(readFileSync(png), PAGE_HASH_KEY, pageHash(html)));
  console.log(`${path.relative(ROOT, png)} (${WINDOW_WIDTH}×${height}) from ${path.relative(ROOT, htmlFile)}`);
}

const USAGE = `Usage: npm run screenshots        (tsx scripts/screenshots.ts; scripts/screenshots.sh installs Chromium first)

Renders the README's pictures (docs/summary.png, comment.png, compare-comment.png, risk-summary.png,
images-summary.png, images-comment.png) from the sample reports with headless Chromium ($CHROMIUM,
default chromium), and the HTML they were taken from (docs/screenshots/).

Options:
  -h, --help   print this and exit
`;
for (const arg of process.argv.slice(2)) {
  if (arg === '-h' || arg === '--help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  console.error(`screenshots.ts: unknown argument '${arg}' (it takes none; try --help)`);
  process.exit(2);
}

mkdirSync(HTML_DIR, { recursive: true });
for (const { name, html } of screenshotPages()) screenshot(name, html);
