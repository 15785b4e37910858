// The managed-signing phase: the configuration read before the build (auto, require), and the
// wait for DescribeImageSigningStatus of every digest pushed, under the scan's deadline.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeImageSigningStatusCommand, GetSigningConfigurationCommand } from '@aws-sdk/client-ecr';
import * as core from '../../__fixtures__/core.js';
import { FakeEcrClient } from '../../__fixtures__/ecr-client.js';
import { imageRunOf, stepOf } from '../../__fixtures__/steps.js';
import type { ImageRun, Session } from '../../src/steps/types.js';

jest.unstable_mockModule('../../src/util/actions-core.js', () => core);
const { awaitSignatures, planSigning, signingFailure } = await import('../../src/steps/signing.js');

const RELEASE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release';
const INDEX = `sha256:${'1'.repeat(64)}`;
const AMD64 = `sha256:${'2'.repeat(64)}`;

beforeEach(() => {
  jest.clearAllMocks();
});

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

function session(fake: FakeEcrClient): Session {
  return { client: fake.client } as Session;
}

function pushed(repository: string): ImageRun {
  const image = imageRunOf(repository);
  return { ...image, candidate: { digest: INDEX, reused: false }, platforms: [{ platform: 'linux/amd64', digest: AMD64 }] };
}

describe('planSigning', () => {
  const withConfig = (rules: unknown[]) =>
    new FakeEcrClient().on(
      GetSigningConfigurationCommand,
      () => ({ registryId: '123456789012', signingConfiguration: { rules } }) as never,
    );

  test('auto: no configuration waits for nothing; require stops the step in one line', async () => {
    const none = new FakeEcrClient().on(GetSigningConfigurationCommand, () => {
      throw named('SigningConfigurationNotFoundException');
    });
    await expect(planSigning(stepOf({ repository: 'shop/api' }), session(none), ['shop/api'])).resolves.toEqual({
      wait: false,
      why: 'the registry has no signing configuration',
    });
    await expect(planSigning(stepOf({ repository: 'shop/api', signing: 'require' }), session(none), ['shop/api'])).rejects.toThrow(
      'Input "signing" is require, and the registry has no signing configuration.',
    );
  });

  test('refused: a warning naming ecr:GetSigningConfiguration (auto), the same words failing the step (require)', async () => {
    const denied = new FakeEcrClient().on(GetSigningConfigurationCommand, () => {
      throw named('AccessDeniedException', 'not authorized to perform: ecr:GetSigningConfiguration');
    });
    await expect(planSigning(stepOf({ repository: 'shop/api' }), session(denied), ['shop/api'])).resolves.toMatchObject({ wait: false });
    expect(core.warning).toHaveBeenCalledWith(expect.stringMatching(/allow ecr:GetSigningConfiguration/));
    await expect(planSigning(stepOf({ repository: 'shop/api', signing: 'require' }), session(denied), ['shop/api'])).rejects.toThrow(
      /allow ecr:GetSigningConfiguration/,
    );
  });

  test('require with a rule for one repository and not the other: names the other', async () => {
    const client = withConfig([{ signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'shop/*', filterType: 'WILDCARD_MATCH' }] }]);
    await expect(
      planSigning(stepOf({ repository: 'shop/api', signing: 'require' }), session(client), ['shop/api', 'ml/model']),
    ).rejects.toThrow(/no rule of the registry's signing configuration matches "ml\/model"/);
  });

  test('off: the configuration is not read', async () => {
    const client = new FakeEcrClient();
    await expect(planSigning(stepOf({ repository: 'shop/api', signing: 'off' }), session(client), ['shop/api'])).resolves.toMatchObject({
      wait: false,
    });
    expect(client.commandNames()).toEqual([]);
  });
});

describe('awaitSignatures', () => {
  const plan = { wait: true as const, rules: [{ signingProfileArn: RELEASE }] };

  test('IN_PROGRESS, then COMPLETE on the platform manifest (the index unsigned): signed, every digest asked each round', async () => {
    let round = 0;
    const client = new FakeEcrClient().on(DescribeImageSigningStatusCommand, (input) => {
      if (input.imageId?.imageDigest === INDEX) return { signingStatuses: [] };
      round += 1;
      return { signingStatuses: [{ signingProfileArn: RELEASE, status: round < 3 ? 'IN_PROGRESS' : 'COMPLETE' }] } as never;
    });
    let now = 0;
    const step = stepOf(
      { repository: 'shop/api' },
      { deps: { clock: { now: () => now }, sleep: (ms: number) => ((now += ms), Promise.resolve()) } },
    );
    const image = pushed('shop/api');
    await awaitSignatures(step, session(client), [image], plan, 60_000);
    expect(image.signatures?.outcome).toBe('signed');
    expect(client.inputsOf(DescribeImageSigningStatusCommand).map((i) => i.imageId?.imageDigest)).toEqual([
      INDEX,
      AMD64,
      INDEX,
      AMD64,
      INDEX,
      AMD64,
    ]);
    expect(signingFailure(step, image)).toBeUndefined();
  });

  test("FAILED: the verdict's words name the profile, digest, code and reason", async () => {
    const client = new FakeEcrClient().on(
      DescribeImageSigningStatusCommand,
      () =>
        ({
          signingStatuses: [{ signingProfileArn: RELEASE, status: 'FAILED', failureCode: 'REVOKED', failureReason: 'revoked' }],
        }) as never,
    );
    const step = stepOf({ repository: 'shop/api' });
    const image = pushed('shop/api');
    await awaitSignatures(step, session(client), [image], plan, 60_000);
    expect(signingFailure(step, image)).toBe(
      `ECR's managed signing failed: signing profile release failed on ${INDEX}: REVOKED (revoked); signing profile release failed on ${AMD64}: REVOKED (revoked).`,
    );
  });

  test('never COMPLETE before the deadline: a failure, or nothing for the verdict with on-scan-incomplete: warn', async () => {
    const client = new FakeEcrClient().on(
      DescribeImageSigningStatusCommand,
      () => ({ signingStatuses: [{ signingProfileArn: RELEASE, status: 'IN_PROGRESS' }] }) as never,
    );
    for (const [value, fails] of [
      ['fail', true],
      ['warn', false],
    ] as const) {
      let now = 0;
      const step = stepOf(
        { repository: 'shop/api', 'scan-timeout': '5', 'on-scan-incomplete': value },
        { deps: { clock: { now: () => now }, sleep: (ms: number) => ((now += ms), Promise.resolve()) } },
      );
      const image = pushed('shop/api');
      await awaitSignatures(step, session(client), [image], plan, 5_000);
      expect(image.signatures?.outcome).toBe('timeout');
      expect(now).toBe(5_000);
      expect(signingFailure(step, image) !== undefined).toBe(fails);
    }
  });

  test('no rule matching the repository: nothing asked, outcome none', async () => {
    const client = new FakeEcrClient();
    const image = pushed('shop/api');
    await awaitSignatures(
      stepOf({ repository: 'shop/api' }),
      session(client),
      [image],
      { wait: true, rules: [{ signingProfileArn: RELEASE, repositoryFilters: [{ filter: 'ml/*' }] }] },
      60_000,
    );
    expect(image.signatures?.outcome).toBe('none');
    expect(client.commandNames()).toEqual([]);
  });
});
