// Pure: the policy's patterns: `*` matches any run of characters (`/` too), everything else
// itself. Licence ids are matched without regard to case, as SPDX says they are.
export function wildcard(pattern: string, options: { ignoreCase?: boolean } = {}): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, options.ignoreCase ? 'i' : '');
}

export function matchesAny(value: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(value));
}
