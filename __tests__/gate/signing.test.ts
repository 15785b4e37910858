import { describe, expect, test } from '@jest/globals';
import { imageSigning, matchingProfiles, shortProfile, signingFailureText, type SigningRule } from '../../src/gate/signing.js';

const RELEASE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release';
const AUDIT = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/audit';
const INDEX = `sha256:${'a'.repeat(64)}`;
const AMD64 = `sha256:${'b'.repeat(64)}`;

describe('matchingProfiles', () => {
  const rules: SigningRule[] = [
    { signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'mlops/*', filterType: 'WILDCARD_MATCH' }] },
    {
      signingProfileArn: AUDIT,
      repositoryFilters: [
        { filter: '*prod*', filterType: 'WILDCARD_MATCH' },
        { filter: '*/api', filterType: 'WILDCARD_MATCH' },
      ],
    },
    { signingProfileArn: RELEASE },
  ];

  test.each([
    ['mlops/retail-api', [RELEASE]],
    ['mlops/team/prod-api', [RELEASE, AUDIT]],
    ['shop/api', [AUDIT, RELEASE]],
    ['other', [RELEASE]],
  ])('%s → %j (a rule without filters matches every repository; `*` crosses `/`; each profile once)', (repository, profiles) => {
    expect(matchingProfiles(rules, repository)).toEqual(profiles);
  });

  test('filters match the whole name, and regex characters are literal', () => {
    const only: SigningRule[] = [{ signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'a.b' }] }];
    expect(matchingProfiles(only, 'a.b')).toEqual([RELEASE]);
    expect(matchingProfiles(only, 'axb')).toEqual([]);
    expect(matchingProfiles(only, 'a.b/c')).toEqual([]);
    expect(matchingProfiles([], 'a.b')).toEqual([]);
  });
});

describe('imageSigning', () => {
  const complete = (profile: string) => ({ signingProfileArn: profile, status: 'COMPLETE' });

  test('every digest that lists a profile COMPLETE, and every profile on some digest: signed', () => {
    // ECR signing the platform manifests only (the index answers no status): signed.
    expect(
      imageSigning(
        [RELEASE],
        [
          { digest: INDEX, statuses: [] },
          { digest: AMD64, statuses: [complete(RELEASE)] },
        ],
      ),
    ).toEqual({ state: 'signed', signed: [{ digest: AMD64, profile: RELEASE }] });
  });

  test('IN_PROGRESS anywhere, or a profile no digest lists yet: waiting, saying for what', () => {
    expect(imageSigning([RELEASE], [{ digest: INDEX, statuses: [{ signingProfileArn: RELEASE, status: 'IN_PROGRESS' }] }])).toEqual({
      state: 'waiting',
      waitingFor: [`release on ${INDEX}`],
    });
    expect(imageSigning([RELEASE, AUDIT], [{ digest: INDEX, statuses: [complete(RELEASE)] }])).toEqual({
      state: 'waiting',
      waitingFor: ['audit (no digest has its status yet)'],
    });
    expect(imageSigning([RELEASE], [{ digest: INDEX, statuses: [] }])).toEqual({
      state: 'waiting',
      waitingFor: ['release (no digest has its status yet)'],
    });
  });

  test('a FAILED status fails, whatever else is COMPLETE, with the profile, digest, code and reason', () => {
    const state = imageSigning(
      [RELEASE],
      [
        { digest: INDEX, statuses: [complete(RELEASE)] },
        {
          digest: AMD64,
          statuses: [
            {
              signingProfileArn: RELEASE,
              status: 'FAILED',
              failureCode: 'SIGNING_PROFILE_REVOKED',
              failureReason: 'The profile was revoked',
            },
          ],
        },
      ],
    );
    expect(state).toEqual({
      state: 'failed',
      failures: [{ digest: AMD64, profile: RELEASE, code: 'SIGNING_PROFILE_REVOKED', reason: 'The profile was revoked' }],
    });
    if (state.state !== 'failed') throw new Error('not failed');
    expect(signingFailureText(state.failures)).toBe(
      `signing profile release failed on ${AMD64}: SIGNING_PROFILE_REVOKED (The profile was revoked)`,
    );
  });

  test('shortProfile: the name after /signing-profiles/, else the whole ARN', () => {
    expect(shortProfile(RELEASE)).toBe('release');
    expect(shortProfile('arn:other')).toBe('arn:other');
  });
});
