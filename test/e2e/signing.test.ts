// Issue 32, part 1: ECR managed signing awaited and gated. The registry's signing configuration is
// read before the build (signing: require stops the step when no rule matches); after the push
// the step waits, beside the scan and under scan-timeout, for DescribeImageSigningStatus of every
// digest it pushed; a FAILED signature, or none in time, holds the release tags back. Each case
// is an account (registry id) of its own: the configuration is registry-wide.
import { describe, expect, test } from '@jest/globals';
import { findingsWorkspace } from './fixtures.js';
import { releaseEvent, runAction, workflowCommands, type EventSpec, type RunResult } from './harness.js';
import {
  accountCredentials,
  putRegistrySettings,
  putRepositoryIn,
  putSigningConfiguration,
  registryTags,
  stackEnv,
  uniqueRegistryId,
  uniqueRepository,
  type SigningScenario,
} from './stack.js';

const profile = (name: string) => `arn:aws:signer:us-east-1:111122223333:/signing-profiles/${name}`;
const RELEASE = profile('release_profile');

interface Account {
  registryId: string;
  repository: string;
}

/** A registry of the case's own with one repository, its scan completing at once, and its signing scenario. */
async function account(name: string, signing: SigningScenario, rules: Array<{ filter?: string }> | undefined): Promise<Account> {
  const registryId = uniqueRegistryId();
  const repository = uniqueRepository(name);
  await putRepositoryIn(registryId, repository, { scanDelayMs: 0, signing });
  if (rules) {
    await putSigningConfiguration(
      registryId,
      rules.map((rule) => ({
        signingProfileArn: RELEASE,
        ...(rule.filter ? { repositoryFilters: [{ filter: rule.filter, filterType: 'WILDCARD_MATCH' }] } : {}),
      })),
    );
  }
  return { registryId, repository };
}

/** The action, calling as that account (its access key names it), on a release. */
function release(a: Account, tag: string | EventSpec, inputs: Record<string, string> = {}): Promise<RunResult> {
  return runAction({
    inputs: { repository: a.repository, 'registry-id': a.registryId, ...inputs },
    event: typeof tag === 'string' ? releaseEvent(tag) : tag,
    files: findingsWorkspace(),
    overrideEnv: { AWS_ACCESS_KEY_ID: accountCredentials(a.registryId).accessKeyId },
  });
}

const errors = (run: RunResult) => workflowCommands(run.main.log, 'error');
const warnings = (run: RunResult) => workflowCommands(run.main.log, 'warning');

interface JsonReport {
  signatures?: { outcome: string; profiles: string[]; digests: Array<{ digest: string; statuses: Array<{ status: string }> }> };
}

describe('signing: ECR managed signing', () => {
  test('signed a while after the push: the step waits for it beside the scan, then promotes; a re-run of the same SHA waits for the existing image and pushes nothing', async () => {
    const a = await account('signing-ok', { delayMs: 2500 }, [{ filter: 'e2e/signing-*' }]);
    const event = releaseEvent('v1.0.0');
    const run = await release(a, event);
    expect(errors(run)).toEqual([]);
    expect(run.main.exitCode).toBe(0);
    expect(run.main.log).toMatch(/Signed by ECR \(release_profile\): sha256:/);
    expect(await registryTags(a.repository)).toEqual(expect.arrayContaining(['1.0.0', 'latest']));
    const report = JSON.parse(run.artifacts.report!) as JsonReport;
    expect(report.signatures).toMatchObject({ outcome: 'signed', profiles: [RELEASE] });
    const output = JSON.parse(run.outputs.signatures!) as Record<
      string,
      Record<string, Array<{ kind: string; profile: string; status: string }>>
    >;
    expect(output[a.repository]![run.outputs.digest!]).toEqual([{ kind: 'managed', profile: RELEASE, status: 'COMPLETE' }]);

    const again = await release(a, event);
    expect(again.main.log).toMatch(/skip-existing/);
    expect(again.main.exitCode).toBe(0);
    expect(again.main.log).toMatch(/Signed by ECR \(release_profile\)/);
  });

  test('a multi-platform image ECR signs per platform manifest only (the index answers no status): signed', async () => {
    const a = await account('signing-multi', { digests: 'platforms' }, [{}]);
    const run = await release(a, 'v2.0.0', { platforms: 'linux/amd64,linux/arm64', builder: stackEnv().REMOTE_BUILDER });
    expect(errors(run)).toEqual([]);
    const report = JSON.parse(run.artifacts.report!) as JsonReport;
    expect(report.signatures?.outcome).toBe('signed');
    // The index and two platform manifests asked; the platforms' statuses COMPLETE, the index's none.
    expect(report.signatures?.digests.map((d) => d.statuses.map((s) => s.status).join(','))).toEqual(['', 'COMPLETE', 'COMPLETE']);
  });

  test('FAILED: the step fails before any promotion, naming the profile, the failure code and the reason', async () => {
    const a = await account('signing-failed', { failed: { code: 'SIGNING_PROFILE_REVOKED', reason: 'The signing profile was revoked' } }, [
      {},
    ]);
    const run = await release(a, 'v3.0.0');
    expect(run.main.exitCode).toBe(1);
    expect(errors(run).at(-1)).toMatch(
      /signing profile release_profile failed on sha256:\w+: SIGNING_PROFILE_REVOKED \(The signing profile was revoked\)/,
    );
    // The summary says the image failed, and why, as the step's error does.
    expect(run.summary).toMatch(/^## ❌ .*\n\n\*\*ECR's managed signing failed: signing profile release\\?_profile failed/m);
    const tags = await registryTags(a.repository);
    expect(tags).not.toContain('3.0.0');
    expect(tags).not.toContain('latest');
  });

  test('never signed within scan-timeout: fails (on-scan-incomplete: fail), or warns and promotes (warn)', async () => {
    const a = await account('signing-never', { never: true }, [{}]);
    const late = await release(a, 'v4.0.0', { 'scan-timeout': '4' });
    expect(late.main.exitCode).toBe(1);
    expect(errors(late).at(-1)).toMatch(
      /managed signature did not arrive within scan-timeout \(4 s\): still waiting for release_profile on sha256:/,
    );
    expect(await registryTags(a.repository)).not.toContain('4.0.0');

    const warned = await release(a, 'v4.0.1', { 'scan-timeout': '4', 'on-scan-incomplete': 'warn' });
    expect(warned.main.exitCode).toBe(0);
    expect(warnings(warned).join('\n')).toMatch(/managed signature did not arrive within scan-timeout/);
    expect(await registryTags(a.repository)).toContain('4.0.1');
  });

  test('signing: require with no rule matching the repository: one line, before anything is built', async () => {
    const a = await account('signing-require', {}, [{ filter: 'other/*' }]);
    const run = await release(a, 'v5.0.0', { signing: 'require' });
    expect(run.main.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      expect.stringMatching(
        /^::error::Input "signing" is require, and no rule of the registry's signing configuration matches "e2e\/signing-require-\w+"/,
      ),
    ]);
    expect(run.main.log).not.toMatch(/docker buildx build/);
    expect(await registryTags(a.repository)).toEqual([]);
  });

  test('ecr:GetSigningConfiguration refused: auto warns naming the permission and goes on; require fails before the build', async () => {
    const a = await account('signing-denied', {}, [{}]);
    await putRegistrySettings(a.registryId, { signing: { denied: true } });
    const auto = await release(a, 'v6.0.0');
    expect(auto.main.exitCode).toBe(0);
    expect(warnings(auto)).toEqual([expect.stringMatching(/Managed signing not awaited: .*allow ecr:GetSigningConfiguration/)]);

    const required = await release(a, 'v6.0.1', { signing: 'require' });
    expect(required.main.exitCode).toBe(1);
    expect(errors(required)).toEqual([
      expect.stringMatching(
        /^::error::Input "signing" is require, and the signing configuration could not be read \(AccessDeniedException\)/,
      ),
    ]);
    expect(required.main.log).not.toMatch(/docker buildx build/);
  });
});
