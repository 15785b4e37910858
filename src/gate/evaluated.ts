// A finding after ignores, comparison with the base image, and the gate.
import type { Finding } from '../shared/finding.js';

export type IgnoreSource = 'input' | 'file' | 'unfixed';

export interface Ignored {
  by: IgnoreSource;
  reason: string;
  expires?: string;
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
