import { describe, expect, test } from '@jest/globals';
import { decideStep, type ImageVerdict } from '../../src/multi/verdict.js';
import type { ScanVerdict } from '../../src/gate/verdict.js';

function verdict(outcome: 'passed' | 'failed' | 'incomplete-warn' | 'incomplete-fail', tags: string[] = []): ScanVerdict {
  const fails = outcome === 'failed' || outcome === 'incomplete-fail';
  return {
    decision: {
      findings: [],
      verdict: outcome.startsWith('incomplete') ? 'incomplete' : (outcome as 'passed' | 'failed'),
      fails,
      reason: outcome,
      blocking: [],
      heldBackByEpss: [],
    },
    expired: [],
    mayPromote: !fails,
    heldBack: fails ? tags.map((tag) => ({ tag, reason: 'the gate failed' })) : [],
  };
}
const image = (name: string, outcome: Parameters<typeof verdict>[0] | undefined, tags = ['v1.2.0', 'latest']): ImageVerdict => ({
  name,
  verdict: outcome === undefined ? undefined : verdict(outcome, tags),
  promotions: tags.map((tag) => ({ tag })),
});

describe('decideStep: one verdict over all images, promotion all or nothing', () => {
  test('all pass: nothing held back, every image promoted', () => {
    const step = decideStep([image('api', 'passed'), image('worker', 'passed'), image('model', 'passed')]);
    expect(step).toMatchObject({ fails: false, mayPromote: true, failed: [], reason: 'All 3 images passed the gate.' });
    expect([...step.heldBack.values()]).toEqual([[], [], []]);
  });

  test('one fails: the step fails and no image is promoted, each held-back tag says which image held it', () => {
    const step = decideStep([image('api', 'passed'), image('worker', 'failed'), image('model', 'passed')]);
    expect(step).toMatchObject({
      fails: true,
      mayPromote: false,
      failed: ['worker'],
      reason: '1 of 3 images failed the gate ("worker"): no image was promoted.',
    });
    expect(step.heldBack.get('worker')).toEqual([
      { tag: 'v1.2.0', reason: 'the gate failed' },
      { tag: 'latest', reason: 'the gate failed' },
    ]);
    expect(step.heldBack.get('api')).toEqual([
      { tag: 'v1.2.0', reason: 'the gate failed on "worker"' },
      { tag: 'latest', reason: 'the gate failed on "worker"' },
    ]);
  });

  test('two fail, on a push with nothing to promote: no promotion to speak of', () => {
    const step = decideStep([image('api', 'failed', []), image('worker', 'failed', []), image('model', 'passed', [])]);
    expect(step.reason).toBe('2 of 3 images failed the gate ("api", "worker").');
    expect(step.fails).toBe(true);
  });

  test('an incomplete scan with on-scan-incomplete: warn neither fails nor holds back; with fail it does', () => {
    const warn = decideStep([image('api', 'incomplete-warn'), image('worker', 'passed')]);
    expect(warn).toMatchObject({ fails: false, incomplete: true, mayPromote: true });
    const fail = decideStep([image('api', 'incomplete-fail'), image('worker', 'passed')]);
    expect(fail).toMatchObject({ fails: true, incomplete: false, mayPromote: false, failed: ['api'] });
  });

  test('scan: false decides nothing: every image promoted', () => {
    const step = decideStep([image('api', undefined), image('worker', undefined)]);
    expect(step).toMatchObject({ fails: false, mayPromote: true, failed: [] });
  });
});
