// Pure: the OCI labels added to every image unless the user set them.
import type { EventFacts } from '../github/event.js';

export function defaultLabels(facts: Pick<EventFacts, 'serverUrl' | 'owner' | 'repo' | 'sha'>, now: Date): Array<[string, string]> {
  const labels: Array<[string, string]> = [];
  if (facts.owner && facts.repo) labels.push(['org.opencontainers.image.source', `${facts.serverUrl}/${facts.owner}/${facts.repo}`]);
  if (facts.sha) labels.push(['org.opencontainers.image.revision', facts.sha]);
  labels.push(['org.opencontainers.image.created', now.toISOString()]);
  return labels;
}

/** The user's labels, in their order, then each default label whose key the user did not set. */
export function mergeLabels(user: Array<[string, string]>, defaults: Array<[string, string]>): Array<[string, string]> {
  const keys = new Set(user.map(([key]) => key));
  return [...user, ...defaults.filter(([key]) => !keys.has(key))];
}
