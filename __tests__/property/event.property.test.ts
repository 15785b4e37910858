import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseEventFacts } from '../../src/github/event.js';
import { anyText, hex } from './arbitraries.js';

const RUNS = { numRuns: 300 };

const EVENT_NAMES = ['push', 'pull_request', 'pull_request_target', 'release', 'workflow_dispatch', 'schedule', ''];

/** The runner's variables: each missing, empty, plausible or anything. */
const env = fc.record(
  {
    GITHUB_EVENT_NAME: fc.oneof(fc.constantFrom(...EVENT_NAMES), anyText),
    GITHUB_SHA: fc.oneof(hex(40), fc.constant(''), anyText),
    GITHUB_REF: fc.oneof(
      fc.constantFrom('refs/heads/main', 'refs/tags/v1.2.3', 'refs/tags/v1.2.3-rc.1', 'refs/tags/', 'refs/pull/1/merge'),
      anyText.map((t) => `refs/tags/${t}`),
      anyText,
    ),
    GITHUB_REPOSITORY: fc.oneof(fc.constantFrom('octo-org/retail-api', '/', 'a/', '/b', 'a/b/c', ''), anyText),
    GITHUB_SERVER_URL: fc.oneof(fc.constantFrom('https://github.com', 'https://ghe.example.com///', ''), anyText),
    GITHUB_API_URL: fc.oneof(fc.constantFrom('https://api.github.com', ''), anyText),
    GITHUB_RUN_ID: fc.oneof(fc.constantFrom('42', ''), anyText),
  },
  { requiredKeys: [] },
);

/** Payloads shaped like GitHub's, with any field missing or of the wrong type. */
const field = (plausible: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: fc.anything() });
const repoRef = fc.record({ full_name: field(fc.constantFrom('octo-org/retail-api', 'fork/retail-api', '')) }, { requiredKeys: [] });
const shapedPayload = fc.record(
  {
    number: field(fc.integer()),
    pull_request: field(
      fc.record(
        {
          number: field(fc.oneof(fc.nat(), fc.double())),
          head: field(fc.record({ sha: field(fc.oneof(hex(40), fc.constant(''))), repo: field(repoRef) }, { requiredKeys: [] })),
          base: field(
            fc.record({ sha: field(hex(40)), ref: field(fc.constantFrom('main', '')), repo: field(repoRef) }, { requiredKeys: [] }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    release: field(
      fc.record(
        { tag_name: field(fc.oneof(fc.constantFrom('v1.2.3', ''), anyText)), prerelease: field(fc.boolean()) },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(
  shapedPayload,
  fc.anything({
    withNullPrototype: true,
    withMap: true,
    withSet: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
);

describe('parseEventFacts', () => {
  test('never throws on any payload; the SHA and ref are strings; what it reports is well-typed', () => {
    fc.assert(
      fc.property(env, payload, (e, p) => {
        const facts = parseEventFacts(e, p);
        expect(typeof facts.sha).toBe('string');
        expect(typeof facts.ref).toBe('string');
        expect(typeof facts.eventName).toBe('string');
        expect(facts.serverUrl.endsWith('/')).toBe(false);
        expect(facts.apiUrl.endsWith('/')).toBe(false);
        if (facts.release) {
          expect(typeof facts.release.tag).toBe('string');
          if (facts.eventName === 'release') expect(facts.release.tag).not.toBe('');
          expect(typeof facts.release.prerelease).toBe('boolean');
        }
        if (facts.pullRequest) {
          expect(facts.pullRequest.headSha).toBe(facts.sha);
          expect(typeof facts.pullRequest.number).toBe('number');
          expect(typeof facts.pullRequest.fromFork).toBe('boolean');
          for (const optional of [facts.pullRequest.baseSha, facts.pullRequest.baseRef]) {
            if (optional !== undefined) expect(typeof optional).toBe('string');
          }
        }
      }),
      RUNS,
    );
  });
});
