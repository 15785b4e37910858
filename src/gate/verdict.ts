// Pure: the verdict. This image's scans, the base image's findings (compare: base), the ignores
// and the gate's settings → what fails, what is held back, what may be promoted. The one place
// the pipeline decides: src/main.ts, the screenshots and the benchmark all call it.
//
// Order: ignores → comparison with the base → gate, so `new` leaves out what is ignored and
// base findings the user ignores are never called fixed.
import type { BaseFindings } from '../scan/base.js';
import { compareWithBase, ignoredBy, type Comparison } from './compare.js';
import type { ExpiredIgnore } from './evaluated.js';
import type { PlatformScan } from '../shared/finding.js';
import { applyIgnores, type IgnoreOptions } from './ignore.js';
import { decideGate, type GateDecision, type GateSettings } from './policy.js';

export interface VerdictInput {
  /** This image's scans, one per platform manifest. */
  scans: readonly PlatformScan[];
  /** The base image's findings, or why there are none; undefined when no comparison was asked for. */
  base?: BaseFindings;
  ignores: IgnoreOptions;
  /** The gate's settings; whether a base is available is the verdict's to say. */
  gate: Omit<GateSettings, 'baseAvailable'>;
  /** The tags promotion would write after a pass (release, floating and extra tags). */
  promotions: ReadonlyArray<{ tag: string }>;
}

export interface ScanVerdict {
  /** The gate: every finding (ignores and comparison applied, `blocking` set), pass or fail, why. */
  decision: GateDecision;
  /** Ignore-file entries past their date: they ignore nothing, and the caller warns. */
  expired: ExpiredIgnore[];
  /** Against the base image; undefined when no comparison was asked for. */
  comparison?: Comparison;
  /** The gate lets the release tags be written. */
  mayPromote: boolean;
  /** Tags the gate holds back: every promotion when it fails, none otherwise. */
  heldBack: Array<{ tag: string; reason: string }>;
}

/** Why a tag is held back when the gate fails. */
export const HELD_BY_GATE = 'the gate failed';

export function decideVerdict(input: VerdictInput): ScanVerdict {
  const ignores = applyIgnores(
    input.scans.flatMap((scan) => scan.findings),
    input.ignores,
  );
  const { base } = input;
  const compared = base?.available
    ? compareWithBase(
        ignores.findings,
        base.scans.flatMap((scan) => scan.findings),
        {
          basePlatforms: base.platforms.map((p) => p.platform),
          headScans: input.scans,
          isIgnored: ignoredBy(input.ignores),
        },
      )
    : undefined;
  const comparison: Comparison | undefined = base
    ? base.available && compared
      ? { available: true, baseSha: base.baseSha, baseDigest: base.baseDigest, fixed: compared.fixed, newCount: compared.newCount }
      : { available: false, baseSha: base.baseSha, note: base.available ? undefined : base.note, fixed: [], newCount: 0 }
    : undefined;
  const decision = decideGate(compared?.findings ?? ignores.findings, input.scans, {
    ...input.gate,
    baseAvailable: comparison?.available === true,
  });
  return {
    decision,
    expired: ignores.expired,
    ...(comparison ? { comparison } : {}),
    mayPromote: !decision.fails,
    heldBack: decision.fails ? input.promotions.map((p) => ({ tag: p.tag, reason: HELD_BY_GATE })) : [],
  };
}
