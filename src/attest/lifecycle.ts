// Pure: does a lifecycle policy expire what attestations: referrers pushes beside the image?
// An attestation is an untagged artifact manifest. Amazon ECR's lifecycle documentation
// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html) selects
// images by tagStatus, and says nothing to exempt a manifest that has a subject; its page on
// referrers (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-artifact-delete.html)
// deletes them like images. So a rule expiring untagged (or any) images may take the evidence
// of an image it keeps: the step says so, once, naming the rule.

interface Rule {
  rulePriority?: unknown;
  description?: unknown;
  selection?: { tagStatus?: unknown };
  action?: { type?: unknown };
}

/**
 * The warning for a policy whose rules expire untagged manifests, or undefined. `pushed` says
 * what the step puts beside the image (its SBOM and provenance, its signatures).
 */
export function lifecycleWarning(policyText: string, pushed = 'the SBOM and provenance'): string | undefined {
  let rules: Rule[];
  try {
    const parsed = JSON.parse(policyText) as { rules?: unknown };
    rules = Array.isArray(parsed.rules) ? (parsed.rules as Rule[]) : [];
  } catch {
    return undefined; // inputs.ts has refused a policy that is not JSON already
  }
  const expiring = rules.filter((rule) => {
    const status = rule.selection?.tagStatus;
    const type = rule.action?.type ?? 'expire';
    return type === 'expire' && (status === 'untagged' || status === 'any');
  });
  if (expiring.length === 0) return undefined;
  const named = expiring
    .map((rule) => `rule ${String(rule.rulePriority ?? '?')} (tagStatus ${String(rule.selection?.tagStatus)})`)
    .join(', ');
  return (
    `lifecycle-policy has ${named}, which ${expiring.length === 1 ? 'expires' : 'expire'} untagged images: ${pushed} this step ` +
    'pushes beside the image are untagged artifact manifests, and ECR lifecycle rules do not exempt them, so they can expire while the image stays. ' +
    'Give that rule a longer window than you need the evidence for, or drop it (README: "SBOM and provenance beside the image").'
  );
}
