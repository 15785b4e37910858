// Pure: the rules on the images a build starts from. base-images: each base matches an allowed
// pattern, is never `latest` (named so, or by no tag), and with `pinned` was named by digest in
// the Dockerfile. base-fresh: the tag a base was named by still names the digest built on.
import type { BaseImage, Outcome, PlatformFacts, PolicyConfig, RuleFinding } from './types.js';
import { matchesAny, wildcard } from './wildcard.js';

/** docker.io/library/python → python; docker.io/team/app → team/app: how a Dockerfile names them. */
export function familiarName(repository: string): string {
  return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

/** How a base reads in a message: its name as a Dockerfile writes it, tag and digest as named. */
export function baseName(base: BaseImage): string {
  const name = familiarName(base.repository);
  return `${name}${base.tag !== undefined ? `:${base.tag}` : ''}${base.pinned ? `@${base.digest}` : ''}`;
}

/** The forms a pattern may be written against: full or familiar, with tag, digest, both or neither. */
function forms(base: BaseImage): string[] {
  const names = [base.repository, familiarName(base.repository)];
  return names.flatMap((name) => [
    name,
    ...(base.tag !== undefined ? [`${name}:${base.tag}`, `${name}:${base.tag}@${base.digest}`] : []),
    `${name}@${base.digest}`,
  ]);
}

export function checkBaseImages(facts: PlatformFacts, rule: PolicyConfig['base-images']): Outcome {
  if (!facts.bases.known) return { noData: facts.bases.why };
  const bases = facts.bases.value;
  if (bases.length === 0) return { ok: true, checked: 'no base image (FROM scratch)' };
  const allowed = rule.allowed.map((pattern) => wildcard(pattern));
  const findings: RuleFinding[] = [];
  for (const base of bases) {
    const name = baseName(base);
    if (base.tag === 'latest' || (base.tag === undefined && !base.pinned)) {
      findings.push({ message: `${name} is built on "latest", which moves: name a version`, id: 'latest' });
    }
    if (allowed.length > 0 && !forms(base).some((form) => matchesAny(form, allowed))) {
      findings.push({ message: `${name} is not an allowed base (allowed: ${rule.allowed.join(', ')})`, id: 'not-allowed' });
    }
    if (rule.pinned && !base.pinned) {
      findings.push({ message: `${name} is not pinned: name it by digest, FROM ${name}@${base.digest}`, id: 'not-pinned' });
    }
  }
  if (findings.length > 0) return { ok: false, findings };
  const list = bases.map(baseName).join(', ');
  return {
    ok: true,
    checked: `${bases.length === 1 ? 'base' : 'bases'} ${list}: ${rule.allowed.length > 0 ? 'allowed' : 'named by version'}${rule.pinned ? ', pinned' : ''}`,
  };
}

export function checkBaseFresh(facts: PlatformFacts): Outcome {
  if (!facts.baseTagsNow.known) return { noData: facts.baseTagsNow.why };
  const looked = facts.baseTagsNow.value;
  if (looked.length === 0) return { ok: true, checked: 'no base named by a tag' };
  const findings: RuleFinding[] = [];
  const unknown: string[] = [];
  for (const { base, digestNow, why } of looked) {
    if (digestNow === undefined) unknown.push(`${baseName(base)}: ${why ?? 'its tag could not be read'}`);
    else if (digestNow !== base.digest) {
      findings.push({
        message: `${baseName(base)} has moved since this image was built: built on ${base.digest}, the tag now names ${digestNow}; rebuild to pick it up`,
        id: 'outdated',
      });
    }
  }
  if (findings.length > 0) return { ok: false, findings };
  if (unknown.length > 0) return { noData: unknown.join('; ') };
  return { ok: true, checked: `${looked.map(({ base }) => baseName(base)).join(', ')}: up to date` };
}
