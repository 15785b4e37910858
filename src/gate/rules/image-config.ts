// Pure: the rules on the image config the registry holds (its `config` object): who the
// container runs as by default, and whether it says how to check its health.
import type { Outcome, PlatformFacts } from './types.js';

/** `root`, `0`, `0:…`, `root:…`, or no user at all (Docker's default: root). */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0]!;
  return name === '' || name === 'root' || name === '0';
}

export function checkNonRoot(facts: PlatformFacts): Outcome {
  if (!facts.user.known) return { noData: facts.user.why };
  const user = facts.user.value;
  if (!isRootUser(user)) return { ok: true, checked: `runs as "${user}"` };
  const message = user.trim() === '' ? 'runs as root: the image sets no USER' : `runs as root: USER is "${user}"`;
  return { ok: false, findings: [{ message, id: 'non-root' }] };
}

export function checkHealthcheck(facts: PlatformFacts): Outcome {
  if (!facts.healthcheck.known) return { noData: facts.healthcheck.why };
  if (facts.healthcheck.value) return { ok: true, checked: 'has a HEALTHCHECK' };
  return { ok: false, findings: [{ message: 'has no HEALTHCHECK', id: 'healthcheck' }] };
}
