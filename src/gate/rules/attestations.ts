// Pure: the supply-chain rule: an SBOM and provenance beside each platform image (provenance
// with mode=max when the policy asks), whichever way they are stored (referrers or the index).
import type { Outcome, PlatformFacts, PolicyConfig, RuleFinding } from './types.js';

export function checkAttestations(facts: PlatformFacts, rule: PolicyConfig['attestations']): Outcome {
  if (!facts.attestations.known) return { noData: facts.attestations.why };
  const list = facts.attestations.value;
  const findings: RuleFinding[] = [];
  if (rule.sbom && !list.some((a) => a.kind === 'sbom')) findings.push({ message: 'has no SBOM', id: 'sbom' });
  const provenance = list.filter((a) => a.kind === 'provenance');
  if (rule.provenance !== false && provenance.length === 0) findings.push({ message: 'has no provenance', id: 'provenance' });
  else if (rule.provenance === 'max' && !provenance.some((a) => a.mode === 'max')) {
    if (provenance.some((a) => a.mode === undefined)) return { noData: "its provenance's mode could not be read" };
    findings.push({ message: 'has provenance with mode=min, where mode=max is asked', id: 'provenance' });
  }
  if (findings.length > 0) return { ok: false, findings };
  const has = [
    ...(rule.sbom ? ['an SBOM'] : []),
    ...(rule.provenance !== false ? [`provenance${rule.provenance === 'max' ? ' (mode=max)' : ''}`] : []),
  ];
  return { ok: true, checked: has.length > 0 ? `has ${has.join(' and ')}` : 'nothing asked for' };
}
