// A finding after ignores, comparison with the base image, and the gate.
import type { Finding } from '../shared/finding.js';
import type { VexSource } from './vex.js';

/** Who ignored a finding: the ignore input, the ignore file, ignore-unfixed, or an OpenVEX statement (the vex input). */
export type IgnoreSource = 'input' | 'file' | 'unfixed' | 'vex';

export interface Ignored {
  by: IgnoreSource;
  /** For `vex`: the statement and what it says, e.g. `VEX docs/vex.json (statement 1): not_affected, component_not_present`. */
  reason: string;
  expires?: string;
  /** For `vex`: the statement that suppressed the finding (file, position, @ids) and its status. */
  vex?: VexSource & { status: 'not_affected' | 'fixed' };
}

export interface EvaluatedFinding extends Finding {
  ignored?: Ignored;
  /** Against the base image (compare: base): new in this image, or already in the base. */
  comparison?: 'new' | 'in-base';
  /** This finding fails the gate. */
  blocking: boolean;
  /** Failing for a known exploit (fail-on-exploitable), not for its severity. */
  blockedBy?: 'exploit';
  /** At or above severity-threshold, but its EPSS score is below epss-threshold: not failing, and said so. */
  heldBack?: 'epss';
}

/** An ignore-file entry whose date has passed: it ignores nothing any more, and says so. */
export interface ExpiredIgnore {
  id: string;
  reason: string;
  expires: string;
  /** Findings it would have ignored. */
  matched: number;
}
