// The README's pictures, as pages: sample reports made the way src/main.ts makes them
// (decideImage → decideStep → buildReport → the step's report), rendered by the action's own
// renderers, turned into HTML styled like GitHub's markdown. Pure: scripts/screenshots.ts
// writes them and takes the screenshots; __tests__/scripts/screenshots.test.ts checks that the
// committed pictures are of what the renderers write today.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Marked, type Tokens } from 'marked';
import { decideImage, decideStep, type ImageVerdict } from '../../src/gate/verdict.js';
import { buildReport, gateSettings, stepReport } from '../../src/report/assemble.js';
import { renderStepComment } from '../../src/report/comment-body.js';
import type { Report, StepReport } from '../../src/report/model.js';
import { renderStepSummary } from '../../src/report/summary.js';
import type { Finding, PlatformScan } from '../../src/shared/finding.js';
import { AMD64_DIGEST, ARM64_DIGEST, DIGEST, GENERATED_AT, IMAGE, RUN_URL, SHA, finding } from '../../__fixtures__/reports/base.js';
import { comparedReport } from '../../__fixtures__/reports/samples.js';
import { RISK_FINDINGS } from '../../__fixtures__/reports/risk.js';

// ─── The sample scans ────────────────────────────────────────────────────────────────────────

/** A scanned image of a sample: its scans, the verdict on them, the tags a pass would write. */
interface SampleImage {
  name: string;
  image: string;
  digest: string;
  scans: PlatformScan[];
  verdict: ImageVerdict;
  promotions: string[];
  gate: Report['gate'];
}

/**
 * The step's report as the action makes it: the one verdict over the images (all or nothing),
 * each image's report with the tags the verdict let it have or held back.
 */
function sampleStep(layout: StepReport['layout'], images: SampleImage[]): StepReport {
  const verdict = decideStep(
    images.map((i) => ({
      name: i.name,
      decision: i.verdict.decision,
      statuses: i.scans.map((s) => s.status),
      promotions: i.promotions.map((tag) => ({ tag })),
    })),
    { layout, scanTimeoutSeconds: 600 },
  );
  const reports = images.map((i) => ({
    name: i.name,
    report: buildReport({
      ...reportBase,
      image: i.image,
      digest: i.digest,
      tags: [`${i.image}:${SHA}`, ...(verdict.mayPromote ? i.promotions.map((tag) => `${i.image}:${tag}`) : [])],
      heldBack: verdict.heldBack.get(i.name),
      gate: i.gate,
      scans: i.scans,
      decision: i.verdict.decision,
      ignores: { expired: i.verdict.expired },
      comparison: i.verdict.comparison,
    }),
  }));
  return stepReport(layout, verdict, reports, RUN_URL);
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
  commitUrl: `${RUN_URL.replace(/\/actions\/runs\/.*$/, '')}/commit/${SHA}`,
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
function failingRelease(): StepReport {
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
  return sampleStep('one', [
    {
      name: IMAGE,
      image: IMAGE,
      digest: DIGEST,
      scans,
      verdict,
      promotions: ['1.4.0', '1.4', 'latest'],
      gate: { threshold: 'HIGH', mode: 'all', onIncomplete: 'fail', ignoreUnfixed: true },
    },
  ]);
}

/**
 * Risk-based gating (epss-threshold: 0.1, fail-on-exploitable: true) on an enhanced scan whose
 * findings carry Amazon Inspector's EPSS scores: a CRITICAL with EPSS 0.32 % is held back, the
 * CRITICAL with EPSS 45 % and the findings with a known exploit fail.
 */
function riskRelease(): StepReport {
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
  return sampleStep('one', [
    {
      name: IMAGE,
      image: IMAGE,
      digest: AMD64_DIGEST,
      scans,
      verdict,
      promotions: ['1.4.0', '1.4', 'latest'],
      gate: { ...gate, ignoreUnfixed: false },
    },
  ]);
}

/**
 * The `compared` sample (gate: new against the base image): its findings as this image's scan,
 * the base's as those it shares plus those it fixed, compared and decided by the verdict.
 */
function comparedPullRequest(): StepReport {
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
  return sampleStep('one', [{ name: IMAGE, image: IMAGE, digest: DIGEST, scans: [head], verdict, promotions: [], gate: sample.gate }]);
}

const REGISTRY = IMAGE.slice(0, IMAGE.indexOf('/'));

/**
 * A monorepo's release of three services in one step (an images list): the API carries a
 * CRITICAL with a fix, so the step fails and no service gets 2.3.0 or latest; the worker has
 * findings below the gate; the model server is clean.
 */
function monorepoRelease(): StepReport {
  const gate = { threshold: 'CRITICAL' as const, mode: 'all' as const, onIncomplete: 'fail' as const };
  const service = (name: string, findings: Finding[]): SampleImage => {
    const digest = `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;
    const scans = [{ ...platformScan('linux/amd64', digest, findings), status: 'COMPLETE', scanType: 'BASIC' as const, calls: 2 }];
    return {
      name,
      image: `${REGISTRY}/shop/${name}`,
      digest,
      scans,
      verdict: decideImage({ scans, ignores: { ids: [], entries: [], ignoreUnfixed: false, today: GENERATED_AT.slice(0, 10) }, gate }),
      promotions: ['2.3.0', '2.3', '2', 'latest'],
      gate: gateSettings({ severityThreshold: 'CRITICAL', gate: 'all', onScanIncomplete: 'fail', ignoreUnfixed: false }),
    };
  };
  return sampleStep('several', [
    service('api', [
      scanned({
        id: 'CVE-2024-45337',
        severity: 'CRITICAL',
        package: 'golang.org/x/crypto',
        version: 'v0.28.0',
        fixedIn: '0.31.0',
        fixAvailable: 'YES',
      }),
      scanned({ id: 'CVE-2024-6119', severity: 'HIGH', fixedIn: '3.0.2-0ubuntu1.18', fixAvailable: 'YES' }),
    ]),
    service('worker', [
      scanned({ id: 'CVE-2024-2511', severity: 'MEDIUM', fixedIn: '3.0.2-0ubuntu1.16', fixAvailable: 'YES' }),
      scanned({ id: 'CVE-2022-3219', severity: 'LOW', package: 'gnupg2', version: '2.2.27-3ubuntu2.1', fixAvailable: 'NO' }),
    ]),
    service('model', []),
  ]);
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

/** Every picture of the README: its file name (docs/<name>.png) and the page it is taken of. */
export function screenshotPages(): Array<{ name: string; html: string }> {
  const release = failingRelease();
  const monorepo = monorepoRelease();
  return [
    { name: 'summary', html: summaryPage(renderStepSummary(release)) },
    { name: 'comment', html: commentPage(renderStepComment(release, IMAGE)) },
    { name: 'compare-comment', html: commentPage(renderStepComment(comparedPullRequest(), IMAGE)) },
    { name: 'risk-summary', html: summaryPage(renderStepSummary(riskRelease())) },
    { name: 'images-summary', html: summaryPage(renderStepSummary(monorepo)) },
    { name: 'images-comment', html: commentPage(renderStepComment(monorepo, `${REGISTRY}/images`)) },
  ];
}

/** The tEXt keyword under which a picture carries the hash of its page. */
export const PAGE_HASH_KEY = 'ecr-build-scan-push:page-sha256';

export function pageHash(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}

/** The PNG with a tEXt chunk (keyword, text) added before its first IDAT chunk. */
export function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const at = chunkOffset(png, 'IDAT');
  return Buffer.concat([png.subarray(0, at), chunk, png.subarray(at)]);
}

/** A PNG's tEXt chunks, keyword → text. */
export function textChunks(png: Buffer): Record<string, string> {
  const found: Record<string, string> = {};
  for (let at = 8; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const zero = data.indexOf(0);
      found[data.toString('latin1', 0, zero)] = data.toString('latin1', zero + 1);
    }
    at += 12 + length;
  }
  return found;
}

function chunkOffset(png: Buffer, wanted: string): number {
  for (let at = 8; at + 12 <= png.length;) {
    if (png.toString('latin1', at + 4, at + 8) === wanted) return at;
    at += 12 + png.readUInt32BE(at);
  }
  throw new Error(`the PNG has no ${wanted} chunk`);
}
