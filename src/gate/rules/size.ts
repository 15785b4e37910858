// Pure: the size budget. What a node pulls is the compressed layers, so that is what counts: the
// sum of the platform manifest's layer sizes, as pushed (MB = 10^6 bytes, as registries show it).
import type { Outcome, PlatformFacts, PolicyConfig } from './types.js';

export function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
}

export function checkMaxSize(facts: PlatformFacts, rule: PolicyConfig['max-size']): Outcome {
  if (!facts.layersBytes.known) return { noData: facts.layersBytes.why };
  const bytes = facts.layersBytes.value;
  const budget = (rule.mb ?? Infinity) * 1e6;
  if (bytes <= budget) return { ok: true, checked: `${formatMb(bytes)} compressed, within ${rule.mb} MB` };
  return {
    ok: false,
    findings: [{ message: `is ${formatMb(bytes)} compressed, over the ${rule.mb} MB budget`, id: 'max-size' }],
  };
}
