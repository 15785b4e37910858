// The README's pictures of what users get: the job summary and the PR comment, rendered by the
// action's own renderers from sample scans, turned into HTML styled like GitHub's markdown and
// screenshotted with headless Chromium. Run through scripts/screenshots.sh, which installs
// Chromium and the fonts. Writes docs/*.png and the HTML they were taken from, docs/screenshots/.
//
// The reports are built the way src/main.ts builds them (decideImage → decideStep → buildReport), so the
// verdict sentence in each picture is the one the action writes, not a fixture's stand-in.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked, type Tokens } from 'marked';
import { renderComment } from '../src/report/comment-body.js';
import { renderSummary } from '../src/report/summary.js';
import { buildReport } from '../src/report/assemble.js';
import type { Report } from '../src/report/model.js';
import type { Finding, PlatformScan } from '../src/shared/finding.js';
import { decideImage, decideStep, type ImageVerdict } from '../src/gate/verdict.js';
import { AMD64_DIGEST, ARM64_DIGEST, DIGEST, GENERATED_AT, IMAGE, RUN_URL, SHA, finding } from '../__fixtures__/reports/base.js';
import { comparedReport } from '../__fixtures__/reports/samples.js';
import { RISK_FINDINGS } from '../__fixtures__/reports/risk.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs');
const HTML_DIR = path.join(DOCS, 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const WINDOW_WIDTH = 1000;

// ─── The sample scans ────────────────────────────────────────────────────────────────────────

/** The tags a step of this one image holds back, as the action decides it. */
function heldBack(verdict: ImageVerdict, scans: PlatformScan[], promotions: string[]) {
  const step = decideStep(
    [{ name: IMAGE, decision: verdict.decision, statuses: scans.map((s) => s.status), promotions: promotions.map((tag) => ({ tag })) }],
    { layout: 'one', scanTimeoutSeconds: 600 },
  );
  return step.heldBack.get(IMAGE) ?? [];
}

/** A finding as a scan reports it: no ignore, gate or comparison decided yet. */
function scanned(overrides: Partial<Finding> & Pick<Finding, 'id' | 'severity'>): Finding {
  const { blocking: _blocking, ignored: _ignored, comparison: _comparison, ...plain } = finding(overrides);
  return plain;
}

function platformScan(platform: string, digest: string, findings: Finding[]): PlatformScan {
  return { platform, digest, status: 'ACTIVE', complete: true, scanType: 'ENHANCED', findings, calls: 3 };
}

const reportBase = {
  image: IMAGE,
  digest: DIGEST,
  commit: SHA,
  runUrl: RUN_URL,
  reportPath: '/home/runner/work/_temp/ecr-build-scan-push/report.json',
  generatedAt: GENERATED_AT,
  build: 'built' as const,
};

/**
 * A release of a two-platform image that fails a HIGH gate: two vulnerabilities block (one on
 * both platforms), others are below the threshold, three are ignored (the ignore file with a
 * reason and a date, the ignore input, ignore-unfixed), so the release tags are held back.
 */
function failingRelease(): Report {
  const shared = (platform: string) => [
    scanned({ id: 'CVE-2023-0286', severity: 'CRITICAL', fixedIn: '3.0.2-0ubuntu1.15', fixAvailable: 'YES', platform }),
    scanned({ id: 'CVE-2024-6119', severity: 'HIGH', fixedIn: '3.0.2-0ubuntu1.18', fixAvailable: 'YES', platform }),
    scanned({
      id: 'CVE-2022-37434',
      severity: 'CRITICAL',
      package: 'zlib',
      version: '1:1.2.11.dfsg-2ubuntu9',
      fixAvailable: 'NO',
      platform,
    }),
    scanned({ id: 'CVE-2022-3219', severity: 'LOW', package: 'gnupg2', version: '2.2.27-3ubuntu2.1', fixAvailable: 'NO', platform }),
  ];
  const scans = [
    platformScan('linux/amd64', AMD64_DIGEST, [
      ...shared('linux/amd64'),
      scanned({
        id: 'CVE-2023-4911',
        severity: 'HIGH',
        package: 'glibc',
        version: '2.35-0ubuntu3.1',
        fixedIn: '2.35-0ubuntu3.4',
        fixAvailable: 'YES',
      }),
      scanned({
        id: 'CVE-2023-29491',
        severity: 'HIGH',
        package: 'ncurses',
        version: '6.3-2ubuntu0.1',
        fixedIn: '6.3-2ubuntu0.2',
        fixAvailable: 'YES',
      }),
    ]),
    platformScan('linux/arm64', ARM64_DIGEST, [
      ...shared('linux/arm64'),
      scanned({ id: 'CVE-2024-2511', severity: 'MEDIUM', fixedIn: '3.0.2-0ubuntu1.16', fixAvailable: 'YES', platform: 'linux/arm64' }),
    ]),
  ];
  const verdict = decideImage({
    scans,
    ignores: {
      ids: ['CVE-2023-29491'],
      entries: [
        { id: 'CVE-2024-6119', reason: 'Only reachable through X.509 name checks we never call (SEC-211).', expires: '2099-06-30' },
      ],
      ignoreUnfixed: true,
      today: GENERATED_AT.slice(0, 10),
    },
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail' },
  });
  return buildReport({
    ...reportBase,
    tags: [`${IMAGE}:${SHA}`],
    heldBack: heldBack(verdict, scans, ['1.4.0', '1.4', 'latest']),
    gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: true },
    scans,
    decision: verdict.decision,
    ignores: { expired: verdict.expired },
  });
}

/**
 * Risk-based gating (epss-threshold: 0.1, fail-on-exploitable: true) on an enhanced scan whose
 * findings carry Amazon Inspector's EPSS scores: a CRITICAL with EPSS 0.32 % is held back, the
 * CRITICAL with EPSS 45 % and the findings with a known exploit fail.
 */
function riskRelease(): Report {
  const scans = [platformScan('linux/amd64', AMD64_DIGEST, RISK_FINDINGS)];
  const gate = {
    threshold: 'CRITICAL' as const,
    mode: 'all' as const,
    onIncomplete: 'fail' as const,
    epssThreshold: 0.1,
    failOnExploitable: true,
  };
  const verdict = decideImage({
    scans,
    ignores: { ids: [], entries: [], ignoreUnfixed: false, today: GENERATED_AT.slice(0, 10) },
    gate,
  });
  return buildReport({
    ...reportBase,
    digest: AMD64_DIGEST,
    tags: [`${IMAGE}:${SHA}`],
    heldBack: heldBack(verdict, scans, ['1.4.0', '1.4', 'latest']),
    gate: { ...gate, ignoreUnfixed: false },
    scans,
    decision: verdict.decision,
    ignores: { expired: verdict.expired },
  });
}

/**
 * The `compared` sample (gate: new against the base image): its findings as this image's scan,
 * the base's as those it shares plus those it fixed, compared and decided by the verdict.
 */
function comparedPullRequest(): Report {
  const sample = comparedReport;
  const comparison = sample.comparison;
  if (!comparison?.baseSha || !comparison.baseDigest) throw new Error('the compared sample has no base');
  const scan = (digest: string, findings: Finding[]): PlatformScan => ({
    ...platformScan('linux/amd64', digest, findings),
    status: 'COMPLETE',
    scanType: 'BASIC',
  });
  const head = scan(DIGEST, sample.findings.map(scanned));
  const inBase = sample.findings.filter((f) => f.comparison === 'in-base');
  const base = scan(comparison.baseDigest, [...inBase, ...comparison.fixed].map(scanned));
  const verdict = decideImage({
    scans: [head],
    base: {
      available: true,
      baseSha: comparison.baseSha,
      baseDigest: comparison.baseDigest,
      tag: comparison.baseSha,
      platforms: [{ platform: 'linux/amd64', digest: comparison.baseDigest }],
      scans: [base],
    },
    ignores: {
      ids: sample.findings.filter((f) => f.ignored?.by === 'input').map((f) => f.id),
      entries: [],
      ignoreUnfixed: false,
      today: GENERATED_AT.slice(0, 10),
    },
    gate: { threshold: sample.gate.threshold, mode: 'new', onIncomplete: 'fail' },
  });
  return buildReport({
    ...reportBase,
    tags: [`${IMAGE}:${SHA}`],
    gate: sample.gate,
    scans: [head],
    decision: verdict.decision,
    ignores: { expired: verdict.expired },
    comparison: verdict.comparison,
  });
}

// ─── Markdown to HTML, as GitHub shows it ────────────────────────────────────────────────────

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*\n?/;
const ALERT_ICON: Record<string, string> = { NOTE: 'ℹ️', TIP: '💡', IMPORTANT: '❗', WARNING: '⚠️', CAUTION: '🛑' };

/**
 * GitHub-flavoured markdown as github.com renders it: tables, raw HTML kept, alerts
 * (`> [!WARNING]`) drawn as alerts, and `<details>` opened so the picture shows what it folds.
 * `breaks` is how comments treat a single newline (a line break); documents do not.
 */
function toHtml(markdown: string, breaks: boolean): string {
  const marked = new Marked({ gfm: true, breaks });
  marked.use({
    renderer: {
      blockquote(this: { parser: { parse(tokens: Tokens.Generic[]): string } }, token: Tokens.Blockquote): string | false {
        const match = ALERT.exec(token.text);
        if (!match) return false;
        const kind = match[1];
        const [first, ...rest] = token.tokens;
        if (first?.type === 'paragraph') {
          const paragraph = first as Tokens.Paragraph;
          paragraph.text = paragraph.text.replace(ALERT, '');
          paragraph.tokens = marked.Lexer.lexInline(paragraph.text);
        }
        const body = this.parser.parse(
          [first, ...rest].filter((t) => t && !(t.type === 'paragraph' && (t as Tokens.Paragraph).text.trim() === '')),
        );
        const title = kind.charAt(0) + kind.slice(1).toLowerCase();
        return `<div class="alert alert-${kind.toLowerCase()}"><p class="alert-title">${ALERT_ICON[kind]} ${title}</p>${body}</div>\n`;
      },
    },
  });
  return (marked.parse(markdown, { async: false }) as string).replace(/<details>/g, '<details open>');
}

// ─── Pages ───────────────────────────────────────────────────────────────────────────────────

// A small subset of github-markdown-css (light), enough for what the renderers write.
const MARKDOWN_CSS = `
.markdown-body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  font-size: 14px; line-height: 1.5; color: #1f2328; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
.markdown-body h1, .markdown-body h2, .markdown-body h3 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body details, .markdown-body .alert { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body li + li { margin-top: .25em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body strong { font-weight: 600; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 85%; padding: .2em .4em; margin: 0; white-space: break-spaces; background: #818b981f; border-radius: 6px; }
.markdown-body sub { font-size: 75%; line-height: 0; vertical-align: baseline; position: relative; bottom: -.25em; color: #1f2328; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: table; max-width: 100%; font-variant: tabular-nums; }
.markdown-body th { font-weight: 600; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body td code { white-space: nowrap; }
/* github.com never wraps a table (it scrolls one too wide); here only long text may wrap, never an ID. */
.markdown-body td:nth-child(-n+2) { white-space: nowrap; }
.markdown-body summary { cursor: pointer; display: list-item; margin-bottom: 16px; }
.markdown-body details > :last-child { margin-bottom: 0; }
.markdown-body .alert { padding: 8px 16px; border-left: .25em solid #9a6700; }
.markdown-body .alert > :last-child { margin-bottom: 0; }
.markdown-body .alert-title { font-weight: 500; color: #9a6700; margin-bottom: 4px; }
.markdown-body .alert-note { border-color: #0969da; } .markdown-body .alert-note .alert-title { color: #0969da; }
.markdown-body .alert-caution { border-color: #d1242f; } .markdown-body .alert-caution .alert-title { color: #d1242f; }
`;

const PAGE_CSS = `
html, body { margin: 0; background: #ffffff; }
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
#page { width: 960px; margin: 0 auto; padding: 20px 0; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; background: #ffffff; }
.box-header { padding: 12px 16px; font-size: 14px; font-weight: 600; border-bottom: 1px solid #d1d9e0; }
.box-body { padding: 16px 24px 24px; }
.comment .box-body { padding: 16px; }
.timeline { display: flex; gap: 16px; align-items: flex-start; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #2f81f7; display: flex; align-items: center; justify-content: center; }
.comment { flex: 1; min-width: 0; position: relative; }
.comment::before { content: ""; position: absolute; top: 11px; left: -8px; width: 14px; height: 14px; background: #f6f8fa;
  border-left: 1px solid #d1d9e0; border-bottom: 1px solid #d1d9e0; transform: rotate(45deg); }
.comment .box-header { background: #f6f8fa; font-weight: 400; color: #59636e; border-radius: 6px 6px 0 0; }
.comment .author { font-weight: 600; color: #1f2328; }
.label { display: inline-block; padding: 0 7px; font-size: 12px; font-weight: 500; line-height: 18px; border: 1px solid #d1d9e0; border-radius: 2em; margin: 0 4px; }
`;

// A white play mark on the blue circle, after the GitHub Actions avatar.
const AVATAR = `<div class="avatar"><svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true"><path fill="#fff" d="M4 2.5v11l9-5.5z"/></svg></div>`;

// Written into the page once it is laid out: how tall the page is, so the screenshot holds it all.
const MEASURE = `<script>document.body.dataset.height = String(Math.ceil(document.getElementById('page').getBoundingClientRect().bottom));</script>`;

function page(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${PAGE_CSS}${MARKDOWN_CSS}</style></head>
<body><div id="page">${content}</div>${MEASURE}</body></html>
`;
}

/** The job summary as the run page shows it: a box headed "<job> summary". */
function summaryPage(markdown: string): string {
  return page(
    'Job summary',
    `<div class="box"><div class="box-header">build summary</div><div class="box-body markdown-body">${toHtml(markdown, false)}</div></div>`,
  );
}

/** The PR comment as the conversation tab shows it: avatar, "github-actions bot commented", the body. */
function commentPage(markdown: string): string {
  const header = `<span class="author">github-actions</span><span class="label">bot</span> commented now`;
  return page(
    'Pull request comment',
    `<div class="timeline">${AVATAR}<div class="comment box"><div class="box-header">${header}</div><div class="box-body markdown-body">${toHtml(markdown, true)}</div></div></div>`,
  );
}

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
  console.log(`${path.relative(ROOT, png)} (${WINDOW_WIDTH}×${height}) from ${path.relative(ROOT, htmlFile)}`);
}

const USAGE = `Usage: npm run screenshots        (tsx scripts/screenshots.ts; scripts/screenshots.sh installs Chromium first)

Renders docs/summary.png, docs/comment.png, docs/compare-comment.png and docs/risk-summary.png from the sample reports
with headless Chromium ($CHROMIUM, default chromium), and the HTML they were taken from.

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
const release = failingRelease();
const pullRequest = comparedPullRequest();
screenshot('summary', summaryPage(renderSummary(release)));
screenshot('comment', commentPage(renderComment(release, IMAGE)));
screenshot('compare-comment', commentPage(renderComment(pullRequest, IMAGE)));
screenshot('risk-summary', summaryPage(renderSummary(riskRelease())));
