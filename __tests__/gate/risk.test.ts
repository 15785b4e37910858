import { describe, expect, test } from '@jest/globals';
import type { EvaluatedFinding } from '../../src/gate/evaluated.js';
import { describeGate, outcomeFails, formatPercent, gateOutcome, type GateOutcome, type RiskSettings } from '../../src/gate/risk.js';
import type { Severity, Threshold } from '../../src/shared/severity.js';

type Row = [
  name: string,
  finding: { severity: Severity; epss?: number; exploit?: 'YES' | 'NO'; ignored?: boolean; comparison?: 'new' | 'in-base' },
  settings: { threshold?: Threshold; epss?: number; exploitable?: boolean; onlyNew?: boolean },
  expected: GateOutcome,
];

const IGNORED = { by: 'input', reason: 'listed in the ignore input' } as const;

// severity × EPSS × exploit × thresholds × ignores × gate: new
const ROWS: Row[] = [
  // severity alone (no epss-threshold): as before
  ['CRITICAL at CRITICAL fails', { severity: 'CRITICAL' }, {}, 'fails-severity'],
  ['HIGH under CRITICAL passes', { severity: 'HIGH' }, {}, 'passes'],
  ['HIGH at HIGH fails', { severity: 'HIGH' }, { threshold: 'HIGH' }, 'fails-severity'],
  ['a low EPSS changes nothing without epss-threshold', { severity: 'CRITICAL', epss: 0.001 }, {}, 'fails-severity'],
  ['UNDEFINED never fails on severity', { severity: 'UNDEFINED' }, { threshold: 'INFORMATIONAL' }, 'passes'],
  ['NONE never fails on severity', { severity: 'CRITICAL', epss: 0.9 }, { threshold: 'NONE', epss: 0.1 }, 'passes'],
  // EPSS threshold
  ['CRITICAL, EPSS 0.02 under 0.1: held back', { severity: 'CRITICAL', epss: 0.02 }, { epss: 0.1 }, 'held-back-by-epss'],
  ['CRITICAL, EPSS 0.5 over 0.1: fails', { severity: 'CRITICAL', epss: 0.5 }, { epss: 0.1 }, 'fails-severity'],
  ['EPSS exactly at the threshold fails', { severity: 'CRITICAL', epss: 0.1 }, { epss: 0.1 }, 'fails-severity'],
  ['EPSS just under the threshold is held back', { severity: 'CRITICAL', epss: 0.0999 }, { epss: 0.1 }, 'held-back-by-epss'],
  ['no EPSS score: fails (unknown is not 0)', { severity: 'CRITICAL' }, { epss: 0.1 }, 'fails-severity'],
  ['EPSS 0 is a score: held back', { severity: 'CRITICAL', epss: 0 }, { epss: 0.1 }, 'held-back-by-epss'],
  ['epss-threshold 0: every scored finding fails', { severity: 'HIGH', epss: 0 }, { threshold: 'HIGH', epss: 0 }, 'fails-severity'],
  ['epss-threshold 1: only EPSS 1 fails', { severity: 'HIGH', epss: 0.99 }, { threshold: 'HIGH', epss: 1 }, 'held-back-by-epss'],
  ['below the severity, a high EPSS does not fail', { severity: 'MEDIUM', epss: 0.97 }, { threshold: 'HIGH', epss: 0.1 }, 'passes'],
  // known exploits
  ['LOW with an exploit passes without fail-on-exploitable', { severity: 'LOW', exploit: 'YES' }, {}, 'passes'],
  ['LOW with an exploit fails with fail-on-exploitable', { severity: 'LOW', exploit: 'YES' }, { exploitable: true }, 'fails-exploit'],
  [
    'UNDEFINED with an exploit fails with fail-on-exploitable',
    { severity: 'UNDEFINED', exploit: 'YES' },
    { exploitable: true },
    'fails-exploit',
  ],
  ['exploit NO does not fail', { severity: 'LOW', exploit: 'NO' }, { exploitable: true }, 'passes'],
  ['exploit unknown does not fail', { severity: 'LOW' }, { exploitable: true }, 'passes'],
  [
    'held back by EPSS, but an exploit is known: fails on the exploit',
    { severity: 'CRITICAL', epss: 0.02, exploit: 'YES' },
    { epss: 0.1, exploitable: true },
    'fails-exploit',
  ],
  [
    'held back by EPSS with an exploit, fail-on-exploitable off: held back',
    { severity: 'CRITICAL', epss: 0.02, exploit: 'YES' },
    { epss: 0.1 },
    'held-back-by-epss',
  ],
  [
    'at the severity with an exploit: the severity is the reason',
    { severity: 'CRITICAL', exploit: 'YES' },
    { exploitable: true },
    'fails-severity',
  ],
  [
    'threshold NONE still fails on an exploit',
    { severity: 'CRITICAL', exploit: 'YES' },
    { threshold: 'NONE', exploitable: true },
    'fails-exploit',
  ],
  // ignores come first
  ['ignored CRITICAL', { severity: 'CRITICAL', ignored: true }, {}, 'ignored'],
  ['ignored, with an exploit', { severity: 'LOW', exploit: 'YES', ignored: true }, { exploitable: true }, 'ignored'],
  ['ignored, high EPSS', { severity: 'CRITICAL', epss: 0.9, ignored: true }, { epss: 0.1 }, 'ignored'],
  // gate: new
  ['gate new: in the base does not fail', { severity: 'CRITICAL', comparison: 'in-base' }, { onlyNew: true }, 'in-base'],
  ['gate new: new fails', { severity: 'CRITICAL', comparison: 'new' }, { onlyNew: true }, 'fails-severity'],
  [
    'gate new: an exploit in the base does not fail',
    { severity: 'LOW', exploit: 'YES', comparison: 'in-base' },
    { onlyNew: true, exploitable: true },
    'in-base',
  ],
  [
    'gate new: a new exploit fails',
    { severity: 'LOW', exploit: 'YES', comparison: 'new' },
    { onlyNew: true, exploitable: true },
    'fails-exploit',
  ],
  [
    'gate new: new, held back by EPSS',
    { severity: 'CRITICAL', epss: 0.01, comparison: 'new' },
    { onlyNew: true, epss: 0.1 },
    'held-back-by-epss',
  ],
  ['gate new: ignored beats new', { severity: 'CRITICAL', comparison: 'new', ignored: true }, { onlyNew: true }, 'ignored'],
  ['gate all: in the base still fails', { severity: 'CRITICAL', comparison: 'in-base' }, {}, 'fails-severity'],
];

describe('gateOutcome', () => {
  test.each(ROWS)('%s', (_name, f, s, expected) => {
    const finding: Pick<EvaluatedFinding, 'severity' | 'epss' | 'exploitAvailable' | 'ignored' | 'comparison'> = {
      severity: f.severity,
      ...(f.epss !== undefined ? { epss: f.epss } : {}),
      ...(f.exploit ? { exploitAvailable: f.exploit } : {}),
      ...(f.ignored ? { ignored: IGNORED } : {}),
      ...(f.comparison ? { comparison: f.comparison } : {}),
    };
    const settings: RiskSettings = {
      threshold: s.threshold ?? 'CRITICAL',
      epssThreshold: s.epss,
      failOnExploitable: s.exploitable ?? false,
      onlyNew: s.onlyNew ?? false,
    };
    expect(gateOutcome(finding, settings)).toBe(expected);
  });

  test.each([
    ['fails-severity', true],
    ['fails-exploit', true],
    ['held-back-by-epss', false],
    ['passes', false],
    ['ignored', false],
    ['in-base', false],
  ] as Array<[GateOutcome, boolean]>)('%s fails the step: %s', (outcome, fails) => {
    expect(outcomeFails(outcome)).toBe(fails);
  });
});

describe('describeGate', () => {
  test.each([
    [{ threshold: 'CRITICAL', failOnExploitable: false }, 'fails on CRITICAL'],
    [{ threshold: 'HIGH', failOnExploitable: false }, 'fails on HIGH or above'],
    [
      { threshold: 'CRITICAL', epssThreshold: 0.1, failOnExploitable: true },
      'fails on CRITICAL with EPSS ≥ 10 %, and on any finding with a known exploit',
    ],
    [{ threshold: 'HIGH', epssThreshold: 0.005, failOnExploitable: false }, 'fails on HIGH or above with EPSS ≥ 0.5 %'],
    [{ threshold: 'NONE', failOnExploitable: true }, 'fails on any finding with a known exploit'],
    [{ threshold: 'NONE', failOnExploitable: false }, 'never fails (severity-threshold: NONE)'],
  ] as Array<[Parameters<typeof describeGate>[0], string]>)('%j', (settings, expected) => {
    expect(describeGate(settings)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    [0.1, '10 %'],
    [0.02, '2 %'],
    [0.5, '50 %'],
    [1, '100 %'],
    [0, '0 %'],
    [0.97314, '97.3 %'],
    [0.0032, '0.32 %'],
    [0.00044, '0.044 %'],
    [0.000001, '< 0.001 %'],
  ])('%d → %s', (score, text) => {
    expect(formatPercent(score)).toBe(text);
  });
});
