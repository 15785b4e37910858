// The benchmark: the action against the least work possible. Prints one table (median, spread,
// target, PASS/MISS for every figure; ratios from runs measured side by side), then where the
// time goes (per phase, per report stage). `--write-docs` puts the results in docs/performance.md.
// Every timing target is a ratio to a reference measured in the same run (bare node, the floor by
// hand, the poll schedule's bound, the least work on the findings, the matrix): absolute times
// move with the CPU, such ratios much less. Absolute times are info rows.
//
//   node_modules/.bin/tsx bench/run.ts [--write-docs] [--only=startup,report,overhead,scan,cold,attest,images,policy,signing,kms-signing] [--profile]
//   BENCH_REPEATS (default 5)        repeats of parts 1, 2, 4, 5, 10's toy image, 11 and 12 (all but 4 run 2× or 3× as many: they are cheap)
//   BENCH_SCAN_REPEATS (default 3)   repeats of part 3 (each about 35 s)
//   BENCH_COLD_REPEATS (default 3)   repeats of parts 6 to 9 and 10's retail API (builds of examples/retail-api on fresh BuildKits, 2–5 min each)
//   BENCH_BUILDER                    buildx builder for the action and the floor (default: the stack's remote BuildKit)
//   --profile                        also writes --cpu-prof profiles of start-up and the big reports (paths printed)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeDocs } from './docs.js';
import { profileByPackage } from './lib/profile.js';
import { summarize, pairedRatios, type Summary } from './lib/stats.js';
import {
  bytes,
  chars,
  count,
  mb,
  ms,
  perSecond,
  ratio,
  renderGrid,
  renderMarkdown,
  renderText,
  row,
  seconds,
  single,
  type Row,
} from './lib/table.js';
import type { ColdResult } from './cold.js';
import type { AttestResult } from './attest.js';
import type { SigningResult } from './signing.js';
import type { KmsSigningResult } from './kms-signing.js';
import type { ImagesResult } from './images.js';
import type { PolicyActionRun, PolicyResult } from './policy.js';
import type { FloorRun } from './floor.js';
import type { ActionRun, OverheadResult } from './overhead.js';
import type { ReportRun } from './report/run.js';
import type { LatencyResult } from './scan-latency.js';
import type { StartupResult } from './startup.js';

type Part = 'startup' | 'report' | 'overhead' | 'scan' | 'cold' | 'attest' | 'images' | 'policy' | 'signing' | 'kms-signing';
const PARTS: Part[] = ['startup', 'report', 'overhead', 'scan', 'cold', 'attest', 'images', 'policy', 'signing', 'kms-signing'];

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1 (got "${raw}")`);
  return value;
}

function parseArgs(argv: string[]) {
  let only: Part[] = PARTS;
  let writeDocsFlag = false;
  let profile = false;
  for (const arg of argv) {
    if (arg === '--write-docs') writeDocsFlag = true;
    else if (arg === '--profile') profile = true;
    else if (arg.startsWith('--only=')) {
      only = arg
        .slice('--only='.length)
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean) as Part[];
      const unknown = only.filter((p) => !PARTS.includes(p));
      if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`usage: tsx bench/run.ts [--write-docs] [--only=${PARTS.join(',')}] [--profile]\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  return { only, writeDocs: writeDocsFlag, profile };
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export interface Results {
  startup?: StartupResult;
  report?: Record<'basic' | 'enhanced', ReportRun[]>;
  overhead?: OverheadResult;
  scan?: LatencyResult;
  cold?: ColdResult;
  attest?: AttestResult;
  images?: ImagesResult;
  signing?: SigningResult;
  kmsSigning?: KmsSigningResult;
  policy?: PolicyResult;
}

export interface Environment {
  date: string;
  node: string;
  cpus: string;
  memory: string;
  commit: string;
  repeats: number;
  scanRepeats: number;
  coldRepeats: number;
  builder: string;
  command: string;
  seconds: number;
}

const MB = 1e6;
const MiB = 1024 * 1024;

function s(values: readonly number[]): Summary {
  return summarize(values);
}

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  if (r.startup) {
    const st = r.startup;
    // The target is a ratio to bare node measured beside it (absolute milliseconds move with the CPU).
    rows.push(
      row(
        '1 start-up',
        'start-up over bare node / bare node (paired)',
        s(pairedRatios(st.overhead, st.bare)),
        ratio,
        '≤ 2.00',
        (v) => v <= 2,
      ),
    );
    rows.push(row('1 start-up', '  dist/index.js to first API call, over bare node', s(st.overhead), ms));
    rows.push(row('1 start-up', '  spawn → first request (action)', s(st.action), ms));
    rows.push(row('1 start-up', '  spawn → exit (node -e 0)', s(st.bare), ms));
    rows.push(single('1 start-up', 'dist/index.js size (undici not in it)', st.indexBytes, bytes, '≤ 100 KiB', (v) => v <= 100 * 1024));
    rows.push(single('1 start-up', `dist/*.js, all ${st.jsFiles.length} files`, st.allJsBytes, bytes));
  }
  if (r.overhead) {
    const o = r.overhead;
    const action = o.action.map((a) => a.total);
    const floor = o.floor.map((f) => f.total);
    rows.push(row('2 overhead', 'whole action (main + post), fresh SHA', s(action), ms));
    rows.push(row('2 overhead', 'floor by hand (login, build --push, describe)', s(floor), ms));
    rows.push(row('2 overhead', 'action / floor (paired)', s(pairedRatios(action, floor)), ratio, '≤ 1.50', (v) => v <= 1.5));
    rows.push(row('2 overhead', '  action - floor (paired)', s(action.map((a, i) => a - (floor[i] ?? Number.NaN))), ms));
    rows.push(
      row(
        '2 overhead',
        '  main phase only / floor (paired)',
        s(
          pairedRatios(
            o.action.map((a) => a.main),
            floor,
          ),
        ),
        ratio,
      ),
    );
    rows.push(row('2 overhead', '  post phase (logout, clean-up)', s(o.action.map((a) => a.post)), ms));
  }
  if (r.scan) {
    for (const [key, runs] of Object.entries(r.scan.action)) {
      const delay = Number(key);
      const fixed = r.scan.fixed[delay] ?? [];
      const part = `3 scan ${delay / 1000} s`;
      // The target is a ratio to the poll schedule's own bound for this wait, max(1 s, 10% of the
      // time waited when the scan completed), measured per run (bench/scan-latency.ts).
      rows.push(
        row(
          part,
          'action: noticed after completion / bound (worst run decides)',
          s(runs.map((n) => n.latencyMs / n.boundMs)),
          ratio,
          '≤ 1.00',
          (v) => v <= 1,
          'max',
        ),
      );
      rows.push(row(part, '  action: noticed after completion', s(runs.map((n) => n.latencyMs / 1000)), seconds));
      rows.push(row(part, '  bound: max(1 s, 10% of the time waited at completion)', s(runs.map((n) => n.boundMs / 1000)), seconds));
      rows.push(row(part, 'action: calls/s while waiting', s(runs.map((n) => n.callsPerSecond)), perSecond, '≤ 1/s', (v) => v <= 1));
      rows.push(row(part, '  action: DescribeImageScanFindings calls', s(runs.map((n) => n.calls)), count));
      rows.push(row(part, '  fixed 5 s poll: noticed after completion', s(fixed.map((n) => n.latencyMs / 1000)), seconds));
      rows.push(row(part, '  fixed 5 s poll: noticed / its own bound', s(fixed.map((n) => n.latencyMs / n.boundMs)), ratio));
      rows.push(row(part, '  fixed 5 s poll: calls/s while waiting', s(fixed.map((n) => n.callsPerSecond)), perSecond));
      rows.push(
        row(
          part,
          '  action / fixed poll: calls (paired)',
          s(
            pairedRatios(
              runs.map((n) => n.calls),
              fixed.map((n) => n.calls),
            ),
          ),
          ratio,
        ),
      );
    }
  }
  if (r.report) {
    for (const mode of ['basic', 'enhanced'] as const) {
      const runs = r.report[mode];
      if (runs.length === 0) continue;
      const part = `4 report ${mode}`;
      const pages = runs[0].pagesServed;
      // The target is a ratio to the least any job must do with the same findings, timed in the
      // same process after the action's work (bench/report/child.ts, leastWork).
      rows.push(
        row(
          part,
          `10,000 findings, ${pages} pages read: CPU time / least work (paired)`,
          s(
            pairedRatios(
              runs.map((x) => x.cpuMs),
              runs.map((x) => x.referenceCpuMs),
            ),
          ),
          ratio,
          '≤ 3.00',
          (v) => v <= 3,
        ),
      );
      rows.push(row(part, '  CPU time of the action', s(runs.map((x) => x.cpuMs)), ms));
      rows.push(row(part, '  least work: parse the pages, stringify JSON report and SARIF', s(runs.map((x) => x.referenceCpuMs)), ms));
      rows.push(row(part, 'peak memory (maxRSS of the process)', s(runs.map((x) => x.peakRssBytes)), mb, '< 150 MB', (v) => v < 150 * MB));
      rows.push(row(part, '  maxRSS before the work (modules loaded)', s(runs.map((x) => x.baselineRssBytes)), mb));
      rows.push(row(part, 'job summary', s(runs.map((x) => x.summaryBytes)), bytes, '≤ 1 MiB', (v) => v <= MiB));
      rows.push(row(part, 'PR comment', s(runs.map((x) => x.commentChars)), chars, '≤ 65,536 chars', (v) => v <= 65_536));
      rows.push(row(part, '  JSON report file', s(runs.map((x) => x.jsonBytes)), bytes));
      rows.push(row(part, '  SARIF file', s(runs.map((x) => x.sarifBytes)), bytes));
    }
  }
  if (r.overhead) {
    const o = r.overhead;
    const fresh = o.action.map((a) => a.total);
    const again = o.rerun.map((a) => a.total);
    rows.push(row('5 re-run', 'same SHA again (skip-existing), main + post', s(again), ms));
    // The target is read on part 6's image (r / a): on a one-file image a re-run's fixed costs
    // are most of a fresh run.
    rows.push(row('5 re-run', 're-run / fresh run (paired; target on part 6)', s(pairedRatios(again, fresh)), ratio));
  }
  if (r.cold) rows.push(...coldRows(r.cold));
  if (r.attest) rows.push(...attestRows(r.attest));
  if (r.images) rows.push(...imagesRows(r.images));
  if (r.signing) rows.push(...signingRows(r.signing));
  if (r.kmsSigning) rows.push(...kmsSigningRows(r.kmsSigning));
  if (r.policy) rows.push(...policyRows(r.policy));
  return rows;
}

/** Parts 6 and 7: examples/retail-api on fresh BuildKits (bench/cold.ts). */
function coldRows(c: ColdResult): Row[] {
  const total = (runs: { total: number }[]) => runs.map((r) => r.total);
  const [a, fa, r, b, fb, cu, e] = [c.noCache, c.noCacheFloor, c.rerun, c.cached, c.floor, c.unlinked, c.firstExport].map(total);
  const build = (runs: ColdResult['noCache']) => runs.map((run) => run.phases['build + push'] ?? 0);
  const minus = (x: number[], y: number[]) => x.map((v, i) => v - (y[i] ?? Number.NaN));
  const part6 = '6 cold runner';
  const part7 = '7 real work';
  return [
    row(part6, '(a) retail API, fresh BuildKit, no cache (main + post)', s(a), ms),
    row(part6, '(b) the same with cache: ecr, warm from the run before', s(b), ms),
    row(part6, '(b) / (a) (paired)', s(pairedRatios(b, a)), ratio, '≤ 0.25', (v) => v <= 0.25),
    row(part6, '  (a) build + push phase', s(build(c.noCache)), ms),
    row(part6, '  (b) build + push phase', s(build(c.cached)), ms),
    row(part6, '  (b) steps CACHED', s(c.cached.map((run) => run.steps.cached)), count),
    row(part6, '  (b) steps in all (FROM not counted)', s(c.cached.map((run) => run.steps.total)), count),
    row(part6, '  (a) steps CACHED', s(c.noCache.map((run) => run.steps.cached)), count),
    row(part6, '  (c) as (b), the runtime COPY steps without --link', s(cu), ms),
    row(part6, '  (c) / (a) (paired)', s(pairedRatios(cu, a)), ratio),
    row(part6, '  (c) steps CACHED', s(c.unlinked.map((run) => run.steps.cached)), count),
    row(part6, '  (e) cache: ecr, nothing to read yet (first export)', s(e), ms),
    row(part6, '  exporting the cache adds: (e) - (a) (paired)', s(minus(e, a)), ms),
    row(part6, "(r) re-run of (a)'s commit (skip-existing), main + post", s(r), ms),
    row(part6, 're-run / fresh run: (r) / (a) (paired)', s(pairedRatios(r, a)), ratio, '≤ 0.20', (v) => v <= 0.2),
    row(part7, '(a) action / floor by hand, no cache (paired)', s(pairedRatios(a, fa)), ratio, '≤ 1.03', (v) => v <= 1.03),
    row(part7, '(a) action - floor (paired)', s(minus(a, fa)), ms),
    row(part7, '  floor for (a): login, build --push, one describe', s(fa), ms),
    row(part7, '  (b) action / floor by hand, same cache flags (paired)', s(pairedRatios(b, fb)), ratio),
    row(part7, '  (b) action - floor (paired)', s(minus(b, fb)), ms),
    row(part7, '  floor for (b)', s(fb), ms),
    row(part7, '  floor for (b): steps CACHED', s(c.floor.map((f) => f.steps.cached)), count),
  ];
}

/** Part 8: sbom + provenance mode=max on examples/retail-api (bench/attest.ts). */
function attestRows(t: AttestResult): Row[] {
  const total = (runs: { total: number }[]) => runs.map((r) => r.total);
  const [sa, fs, a, sw, fsw] = [t.attested, t.attestedFloor, t.plain, t.warm, t.warmFloor].map(total);
  const minus = (x: number[], y: number[]) => x.map((v, i) => v - (y[i] ?? Number.NaN));
  const part = '8 attestations';
  const rows = [
    row(part, '(s) sbom + provenance mode=max, fresh BuildKit, no cache', s(sa), ms),
    row(part, '  by hand, same attestations (inside the index)', s(fs), ms),
    row(part, '(s) action / by hand (paired)', s(pairedRatios(sa, fs)), ratio, '≤ 1.10', (v) => v <= 1.1),
    row(part, '  what they add to a cold run: (s) - (a) (paired)', s(minus(sa, a)), ms),
    row(part, '  (a) the same run without attestations', s(a), ms),
    row(part, '(sw) as (s), cache: ecr warm', s(sw), ms),
    row(part, '  by hand, same attestations and cache flags', s(fsw), ms),
    row(part, '(sw) action / by hand (paired)', s(pairedRatios(sw, fsw)), ratio, '≤ 1.10', (v) => v <= 1.1),
    row(part, 'attestation manifests in the SHA tag (max over runs)', s([Math.max(...t.attestationsInTag)]), count, '0', (v) => v === 0),
  ];
  if (t.referrers.length > 0)
    rows.push(
      row(part, '  referrers of the first platform manifest (min over runs)', s([Math.min(...t.referrers)]), count, '≥ 2', (v) => v >= 2),
    );
  return rows;
}

/** Part 9: three services in one step against three single-image steps (bench/images.ts). */
function imagesRows(t: ImagesResult): Row[] {
  const part = '9 images';
  return [
    row(part, '(m) one step, three images (images), fresh BuildKit, no cache', s(t.multi), ms),
    row(part, '(s) three single-image steps, each on a fresh BuildKit: total', s(t.singles), ms),
    row(part, '(m) / (s) (paired)', s(pairedRatios(t.multi, t.singles)), ratio, '≤ 0.50', (v) => v <= 0.5),
  ];
}

/** Part 11: waiting for ECR's managed signing when it signs within the scan's time (bench/signing.ts). */
function signingRows(t: SigningResult): Row[] {
  const part = '11 signing';
  const total = (runs: { total: number }[]) => runs.map((r) => r.total);
  const scanWait = (runs: ActionRun[]) => runs.map((r) => r.phases['scan wait'] ?? Number.NaN);
  const [u, sg] = [total(t.unsigned), total(t.signed)];
  return [
    row(part, '(u) toy image, scan after 2 s, no signing configuration', s(u), ms),
    row(part, '(s) the same, ECR signing 1 s after the push (waited for)', s(sg), ms),
    row(part, '(s) / (u) (paired)', s(pairedRatios(sg, u)), ratio, '≤ 1.02', (v) => v <= 1.02),
    row(part, '  (s) − (u) (paired)', s(sg.map((v, i) => v - (u[i] ?? Number.NaN))), ms),
    row(part, '  scan wait, (u)', s(scanWait(t.unsigned)), ms),
    row(part, '  scan wait, (s)', s(scanWait(t.signed)), ms),
  ];
}

/** Part 12: what signing with a KMS key adds, toy image with SBOM and provenance (bench/kms-signing.ts). */
function kmsSigningRows(t: KmsSigningResult): Row[] {
  const part = '12 kms signing';
  const total = (runs: { total: number }[]) => runs.map((r) => r.total);
  const [u, k] = [total(t.unsigned), total(t.signed)];
  const minus = (x: number[], y: number[]) => x.map((v, i) => v - (y[i] ?? Number.NaN));
  const outside = (runs: ActionRun[]) => runs.map((r) => r.total - (r.phases['build + push'] ?? 0));
  return [
    row(part, '(u) toy image, sbom + provenance, signing: off', s(u), ms),
    row(part, '(k) the same, signing: awskms:/// (P-256 key)', s(k), ms),
    row(part, '(k) / (u) (paired)', s(pairedRatios(k, u)), ratio, '≤ 1.15', (v) => v <= 1.15),
    row(part, '  (k) − (u) (paired)', s(k.map((v, i) => v - (u[i] ?? Number.NaN))), ms),
    row(
      part,
      "  (k) − (u) outside build + push (paired; without the build's own spread)",
      s(minus(outside(t.signed), outside(t.unsigned))),
      ms,
    ),
    row(part, '  (k) its Sign log group', s(t.signed.map((r) => r.phases.sign ?? 0)), ms),
    row(part, '  (k) kms:Sign calls per run', s(t.signed.map((r) => r.signs)), count),
  ];
}

/** Part 12: the action's phases without and with the KMS key, and the pairs one by one. */
export function kmsSigningPhaseTable(t: KmsSigningResult, markdown: boolean): string {
  const median = (values: number[]) => (values.length === 0 ? '' : ms.format(summarize(values).median));
  const kinds = [t.unsigned, t.signed];
  // The Sign group runs once the gate passes, before promotion.
  const at = ACTION_PHASES.indexOf('promote');
  const names = [...ACTION_PHASES.slice(0, at), 'sign', ...ACTION_PHASES.slice(at)];
  const present = names.filter((n) => kinds.some((runs) => runs.some((r) => (r.phases[n] ?? 0) > 0)));
  const rows = present.map((n) => [n, ...kinds.map((runs) => median(runs.map((r) => r.phases[n] ?? 0)))]);
  rows.push(['main phase (spawn → close)', ...kinds.map((runs) => median(runs.map((r) => r.main)))]);
  rows.push(['post phase (spawn → close)', ...kinds.map((runs) => median(runs.map((r) => r.post)))]);
  rows.push(['total', ...kinds.map((runs) => median(runs.map((r) => r.total)))]);
  return renderGrid(['Phase (median)', '(u) signing: off', '(k) awskms'], rows, markdown);
}

/** Part 12: each pair, in the order run. */
export function kmsSigningPairs(t: KmsSigningResult, markdown: boolean): string {
  const rows = t.unsigned.map((u, i) => {
    const k = t.signed[i]!;
    return [
      String(i + 1),
      i % 2 === 0 ? '(u)' : '(k)',
      ms.format(u.total),
      ms.format(k.total),
      ratio.format(k.total / u.total),
      ms.format(k.total - u.total),
      ms.format((k.phases['build + push'] ?? 0) - (u.phases['build + push'] ?? 0)),
      ms.format(k.total - (k.phases['build + push'] ?? 0) - (u.total - (u.phases['build + push'] ?? 0))),
      ms.format(k.phases.sign ?? 0),
    ];
  });
  return renderGrid(
    ['Pair', 'first', '(u) off', '(k) awskms', '(k) / (u)', '(k) − (u)', 'of it build + push', 'of it the rest', 'Sign group'],
    rows,
    markdown,
  );
}

/** Part 10: what the strict policy adds, toy image and examples/retail-api warm (bench/policy.ts). */
function policyRows(p: PolicyResult): Row[] {
  const total = (runs: { total: number }[]) => runs.map((r) => r.total);
  const [toff, tstrict, roff, rstrict] = [p.toyOff, p.toyStrict, p.retailOff, p.retailStrict].map(total);
  const minus = (x: number[], y: number[]) => x.map((v, i) => v - (y[i] ?? Number.NaN));
  const group = (runs: PolicyActionRun[]) => runs.map((r) => r.phases.policy ?? 0);
  const outside = (runs: PolicyActionRun[]) => runs.map((r) => r.total - (r.phases['build + push'] ?? 0));
  const part = '10 policy';
  const rows: Row[] = [];
  if (p.toyOff.length > 0)
    rows.push(
      row(part, '(t) toy image, whole action (main + post), every rule off', s(toff), ms),
      row(part, '(t) the same with the strict policy', s(tstrict), ms),
      row(part, '(t) strict / every rule off (paired)', s(pairedRatios(tstrict, toff)), ratio, '≤ 1.05', (v) => v <= 1.05),
      row(part, '  (t) strict − every rule off (paired)', s(minus(tstrict, toff)), ms),
      row(part, '  (t) its Policy log group', s(group(p.toyStrict)), ms),
    );
  if (p.retailOff.length > 0)
    rows.push(
      row(part, '(r) retail API warm, sbom + provenance mode=max, every rule off', s(roff), ms),
      row(part, '(r) the same with the strict policy', s(rstrict), ms),
      row(part, '(r) strict / every rule off (paired)', s(pairedRatios(rstrict, roff)), ratio, '≤ 1.03', (v) => v <= 1.03),
      row(part, '  (r) strict − every rule off (paired)', s(minus(rstrict, roff)), ms),
      row(
        part,
        "  (r) the same outside build + push (paired; without the build's own spread)",
        s(minus(outside(p.retailStrict), outside(p.retailOff))),
        ms,
      ),
      row(part, '  (r) its Policy log group', s(group(p.retailStrict)), ms),
    );
  return rows;
}

/** Part 10: the action's phases with every rule off and with the strict policy, per image. */
export function policyPhaseTable(p: PolicyResult, markdown: boolean): string {
  const median = (values: number[]) => (values.length === 0 ? '' : ms.format(summarize(values).median));
  const kinds = [p.toyOff, p.toyStrict, p.retailOff, p.retailStrict];
  const names = [...ACTION_PHASES.slice(0, -1), 'policy', 'exit'];
  const present = names.filter((n) => kinds.some((runs) => runs.some((r) => (r.phases[n] ?? 0) > 0)));
  const rows = present.map((n) => [n, ...kinds.map((runs) => median(runs.map((r) => r.phases[n] ?? 0)))]);
  rows.push(['main phase (spawn → close)', ...kinds.map((runs) => median(runs.map((r) => r.main)))]);
  rows.push(['post phase (spawn → close)', ...kinds.map((runs) => median(runs.map((r) => r.post)))]);
  rows.push(['total', ...kinds.map((runs) => median(runs.map((r) => r.total)))]);
  return renderGrid(['Phase (median)', '(t) every rule off', '(t) strict', '(r) every rule off', '(r) strict'], rows, markdown);
}

/** Parts 6 and 7: the action's phases per kind of cold run, beside the floors' steps. */
export function coldPhaseTable(c: ColdResult, markdown: boolean): string {
  const median = (values: number[]) => (values.length === 0 ? '' : ms.format(summarize(values).median));
  const phase = (runs: ColdResult['noCache'], name: string) => median(runs.map((r) => r.phases[name] ?? 0));
  const kinds = [c.noCache, c.rerun, c.firstExport, c.cached, c.unlinked];
  const present = ACTION_PHASES.filter((p) => kinds.some((runs) => runs.some((r) => (r.phases[p] ?? 0) > 0)));
  const floorFor = (floor: ColdResult['floor']): Record<string, string> => ({
    login: median(floor.map((f) => f.login)),
    'build + push': median(floor.map((f) => f.buildPush)),
    'scan wait': median(floor.map((f) => f.describe)),
  });
  const floors = [floorFor(c.noCacheFloor), floorFor(c.floor)];
  const rows = present.map((p) => [p, ...kinds.map((runs) => phase(runs, p)), ...floors.map((f) => f[p] ?? '—')]);
  rows.push(['post phase (spawn → close)', ...kinds.map((runs) => median(runs.map((r) => r.post))), '—', '—']);
  rows.push([
    'total',
    ...kinds.map((runs) => median(runs.map((r) => r.total))),
    median(c.noCacheFloor.map((f) => f.total)),
    median(c.floor.map((f) => f.total)),
  ]);
  return renderGrid(
    [
      'Phase (median)',
      '(a) no cache',
      '(r) re-run',
      '(e) first export',
      '(b) cache: ecr',
      '(c) no --link',
      'floor for (a)',
      'floor for (b)',
    ],
    rows,
    markdown,
  );
}

const ACTION_PHASES = ['start-up', 'login', 'repository', 'build + push', 'between groups', 'scan wait', 'promote', 'report', 'exit'];

/** Where the time goes: the action's phases (fresh and re-run) beside the floor's steps. */
export function phaseTable(o: OverheadResult, markdown: boolean): string {
  const median = (values: number[]) => (values.length === 0 ? '' : ms.format(summarize(values).median));
  const phase = (runs: ActionRun[], name: string) => median(runs.map((r) => r.phases[name] ?? 0));
  const floorStep = (pick: (f: FloorRun) => number) => median(o.floor.map(pick));
  const floorFor: Record<string, string> = {
    login: floorStep((f) => f.login),
    'build + push': floorStep((f) => f.buildPush),
    'scan wait': floorStep((f) => f.describe),
  };
  const present = ACTION_PHASES.filter((p) => o.action.some((r) => (r.phases[p] ?? 0) > 0) || o.rerun.some((r) => (r.phases[p] ?? 0) > 0));
  const rows = present.map((p) => [p, phase(o.action, p), phase(o.rerun, p), floorFor[p] ?? '—']);
  rows.push(['main phase (spawn → close)', median(o.action.map((r) => r.main)), median(o.rerun.map((r) => r.main)), '']);
  rows.push(['post phase (spawn → close)', median(o.action.map((r) => r.post)), median(o.rerun.map((r) => r.post)), '—']);
  rows.push(['total', median(o.action.map((r) => r.total)), median(o.rerun.map((r) => r.total)), median(o.floor.map((f) => f.total))]);
  return renderGrid(['Phase (median)', 'action, fresh SHA', 'action, re-run', 'floor by hand'], rows, markdown);
}

/** The commands the action ran and the ECR API calls it made, per run, beside the floor's. */
export function commandTable(o: OverheadResult, markdown: boolean): string {
  const median = (values: number[], unit: { format(v: number): string }) =>
    values.length === 0 ? '' : unit.format(summarize(values).median);
  const names = [...new Set([...o.action, ...o.rerun].flatMap((r) => Object.keys(r.commands)))].sort(
    (a, b) => Number(a.startsWith('post')) - Number(b.startsWith('post')),
  );
  const floorFor: Record<string, string> = {
    'docker login': median(
      o.floor.map((f) => f.login),
      ms,
    ),
    'docker buildx build': median(
      o.floor.map((f) => f.buildPush),
      ms,
    ),
  };
  const rows = names.map((name) => [
    name,
    median(
      o.action.map((r) => r.commands[name] ?? 0),
      ms,
    ),
    median(
      o.rerun.map((r) => r.commands[name] ?? 0),
      ms,
    ),
    floorFor[name] ?? '—',
  ]);
  const operations = [...new Set([...o.action, ...o.rerun].flatMap((r) => Object.keys(r.apiCalls)))];
  for (const op of operations) {
    rows.push([
      `ECR ${op} (calls)`,
      median(
        o.action.map((r) => r.apiCalls[op] ?? 0),
        count,
      ),
      median(
        o.rerun.map((r) => r.apiCalls[op] ?? 0),
        count,
      ),
      op === 'DescribeImageScanFindings'
        ? median(
            o.floor.map((f) => f.describeCalls),
            count,
          )
        : '—',
    ]);
  }
  return renderGrid(['Command or API call (median)', 'action, fresh SHA', 'action, re-run', 'floor by hand'], rows, markdown);
}

/** CPU time per stage of the big-report run, and the peak memory once each stage was done. */
export function stageTable(report: Record<'basic' | 'enhanced', ReportRun[]>, markdown: boolean): string {
  const stages = Object.keys(report.basic[0]?.stages ?? report.enhanced[0]?.stages ?? {});
  const cell = (runs: ReportRun[], pick: (r: ReportRun) => number, unit: { format(v: number): string }) =>
    runs.length === 0 ? '' : unit.format(summarize(runs.map(pick)).median);
  const rows = stages.map((stage) => [
    stage,
    cell(report.basic, (r) => r.stages[stage] ?? 0, ms),
    cell(report.enhanced, (r) => r.stages[stage] ?? 0, ms),
    cell(report.basic, (r) => r.peakAfter[stage] ?? 0, mb),
    cell(report.enhanced, (r) => r.peakAfter[stage] ?? 0, mb),
  ]);
  rows.push([
    'total',
    cell(report.basic, (r) => r.cpuMs, ms),
    cell(report.enhanced, (r) => r.cpuMs, ms),
    cell(report.basic, (r) => r.peakRssBytes, mb),
    cell(report.enhanced, (r) => r.peakRssBytes, mb),
  ]);
  // The reference (least work), after the action's work in the same process; not in the peak.
  const parts = Object.keys(report.basic[0]?.reference ?? report.enhanced[0]?.reference ?? {});
  for (const p of parts)
    rows.push([
      `least work: ${p}`,
      cell(report.basic, (r) => r.reference[p] ?? 0, ms),
      cell(report.enhanced, (r) => r.reference[p] ?? 0, ms),
      '',
      '',
    ]);
  if (parts.length > 0)
    rows.push([
      'least work: total',
      cell(report.basic, (r) => r.referenceCpuMs, ms),
      cell(report.enhanced, (r) => r.referenceCpuMs, ms),
      '',
      '',
    ]);
  return renderGrid(['Stage (median)', 'CPU basic', 'CPU enhanced', 'peak RSS after, basic', 'peak RSS after, enhanced'], rows, markdown);
}

/** --profile: each profile set, by package (sampled time; profiling itself slows the process). */
function profileSummaries(dir: string): string[] {
  const lines: string[] = [`CPU profiles in ${dir}:`];
  for (const sub of ['startup', 'report/basic', 'report/enhanced']) {
    const where = path.join(dir, sub);
    if (!existsSync(where)) continue;
    const { profiles, meanMs, rows } = profileByPackage(where);
    lines.push('', `${sub}: ${profiles} profile(s), ${ms.format(meanMs)} sampled`);
    lines.push(
      renderGrid(
        ['Where (self time)', 'ms'],
        rows.slice(0, 15).map(([k, v]) => [k, v.toFixed(1)]),
        false,
      ),
    );
  }
  return lines;
}

function environment(repeats: number, scanRepeats: number, coldRepeats: number, builder: string, started: number): Environment {
  let commit = 'unknown';
  try {
    const root = path.resolve(import.meta.dirname, '..');
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'dist'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' + uncommitted changes in src/ or dist/';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    commit,
    repeats,
    scanRepeats,
    coldRepeats,
    builder,
    command: `BENCH_REPEATS=${repeats} BENCH_SCAN_REPEATS=${scanRepeats} BENCH_COLD_REPEATS=${coldRepeats} npm run bench -- --write-docs`,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const repeats = positiveInt('BENCH_REPEATS', 5);
  const scanRepeats = positiveInt('BENCH_SCAN_REPEATS', 3);
  const coldRepeats = positiveInt('BENCH_COLD_REPEATS', 3);
  const profileDir = args.profile ? mkdtempSync(path.join(os.tmpdir(), 'bench-profile-')) : undefined;
  const needsStack =
    args.only.includes('overhead') ||
    args.only.includes('scan') ||
    args.only.includes('cold') ||
    args.only.includes('attest') ||
    args.only.includes('images') ||
    args.only.includes('policy') ||
    args.only.includes('signing') ||
    args.only.includes('kms-signing');
  let builder = process.env.BENCH_BUILDER ?? '';
  if (needsStack && !builder) {
    const { stackEnv } = await import('../test/e2e/stack.js');
    builder = stackEnv().REMOTE_BUILDER;
  }
  const results: Results = {};

  // CPU-bound parts first, while nothing else runs.
  if (args.only.includes('startup')) {
    log(`part 1: start-up, ${repeats * 3} spawns each of bare node and dist/index.js`);
    const { measureStartup } = await import('./startup.js');
    results.startup = await measureStartup(repeats * 3, { profileDir: profileDir && path.join(profileDir, 'startup') });
  }
  if (args.only.includes('report')) {
    log(`part 4: 10,000 findings through the report, ${repeats} cold processes each for basic and enhanced scanning`);
    const { measureBigReports } = await import('./report/run.js');
    results.report = await measureBigReports(repeats, 10_000, { profileDir: profileDir && path.join(profileDir, 'report') });
  }
  if (args.only.includes('overhead')) {
    // 3× as many: a repeat takes ~2 s, and the median of 8 moved by ±20 ms between runs minutes
    // apart on this shared host, as much as the target's margin.
    log(`parts 2 and 5: the action against the floor and a re-run, ${repeats * 3} repeats, builder ${builder}`);
    const { measureOverhead } = await import('./overhead.js');
    results.overhead = await measureOverhead(repeats * 3, builder, log);
  }
  if (args.only.includes('scan')) {
    log(`part 3: scans completing after 2, 10 and 30 s, ${scanRepeats} repeats`);
    const { measureScanLatency } = await import('./scan-latency.js');
    results.scan = await measureScanLatency(scanRepeats, builder, log);
  }

  if (args.only.includes('cold')) {
    log(
      `parts 6 and 7: examples/retail-api on fresh BuildKits, ${coldRepeats} repeats of (a) no cache and its floor, (r) re-run, (e) first export, (b) cache: ecr and its floor, (c) without --link`,
    );
    const { measureColdRunner } = await import('./cold.js');
    results.cold = await measureColdRunner(coldRepeats, log);
  }

  if (args.only.includes('attest')) {
    log(
      `part 8: sbom + provenance on examples/retail-api, ${coldRepeats} repeats of (s) cold and its by-hand, (a) without, (sw) warm and its by-hand`,
    );
    const { measureAttestations } = await import('./attest.js');
    results.attest = await measureAttestations(coldRepeats, log);
  }

  if (args.only.includes('images')) {
    log(`part 9: three services of one repository, ${coldRepeats} repeats of (m) one step with images and (s) three single-image steps`);
    const { measureImages } = await import('./images.js');
    results.images = await measureImages(coldRepeats, log);
  }

  if (args.only.includes('signing')) {
    log(`part 11: waiting for ECR's managed signing within the scan's time, ${repeats * 2} pairs, builder ${builder}`);
    const { measureSigning } = await import('./signing.js');
    results.signing = await measureSigning(repeats * 2, builder, log);
  }
  if (args.only.includes('kms-signing')) {
    log(`part 12: signing with a KMS key against signing: off, sbom + provenance, ${repeats * 2} pairs, builder ${builder}`);
    const { measureKmsSigning } = await import('./kms-signing.js');
    results.kmsSigning = await measureKmsSigning(repeats * 2, builder, log);
  }
  if (args.only.includes('policy')) {
    log(
      `part 10: the strict policy against every rule off, ${repeats * 3} pairs on the toy image (builder ${builder}) and ${coldRepeats} pairs of examples/retail-api warm with sbom + provenance`,
    );
    const { measurePolicy } = await import('./policy.js');
    results.policy = await measurePolicy(repeats * 3, coldRepeats, builder, log);
  }

  const rows = tableRows(results);
  const env = environment(repeats, scanRepeats, coldRepeats, builder, started);
  const out: string[] = ['', renderText(rows), ''];
  if (results.overhead) {
    out.push('Where the time goes: the action (parts 2 and 5) beside the floor', '', phaseTable(results.overhead, false), '');
    out.push('Commands run and API calls made, per run', '', commandTable(results.overhead, false), '');
  }
  if (results.cold)
    out.push('Cold runner, examples/retail-api (parts 6 and 7): where the time goes', '', coldPhaseTable(results.cold, false), '');
  if (results.policy) out.push('The strict policy (part 10): where the time goes', '', policyPhaseTable(results.policy, false), '');
  if (results.kmsSigning)
    out.push(
      `Signing with a KMS key (part 12, ${results.kmsSigning.key} on ${results.kmsSigning.registry}): where the time goes`,
      '',
      kmsSigningPhaseTable(results.kmsSigning, false),
      '',
      'Part 12, pair by pair',
      '',
      kmsSigningPairs(results.kmsSigning, false),
      '',
    );
  if (results.report)
    out.push(
      'Big reports (part 4): CPU time per stage, peak memory once each stage was done, then the least work (the reference)',
      '',
      stageTable(results.report, false),
      '',
    );
  out.push(`${env.node}, ${env.cpus}, ${env.memory}; commit ${env.commit}; ${env.seconds} s`);
  if (profileDir) out.push('', ...profileSummaries(profileDir));
  process.stdout.write(`${out.join('\n')}\n`);

  if (args.writeDocs) {
    if (args.only.length !== PARTS.length) log('--write-docs with --only: the docs get only the parts that ran');
    const file = writeDocs({
      table: renderMarkdown(rows),
      phases: results.overhead ? phaseTable(results.overhead, true) : undefined,
      commands: results.overhead ? commandTable(results.overhead, true) : undefined,
      stages: results.report ? stageTable(results.report, true) : undefined,
      cold: results.cold ? coldPhaseTable(results.cold, true) : undefined,
      env,
    });
    log(`wrote ${file}`);
  }
  const missed = rows.filter((r) => r.verdict === 'MISS').length;
  log(`${rows.filter((r) => r.verdict === 'PASS').length} targets met, ${missed} missed`);
}

await main();
