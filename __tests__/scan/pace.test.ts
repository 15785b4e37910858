import { describe, expect, test } from '@jest/globals';
import { CallPacer, repositoryKey } from '../../src/scan/pace.js';
import { FakeTime } from './fakes.js';

describe('CallPacer: at most one call a second per repository', () => {
  test('callers of one repository take turns a second apart; another repository does not wait', async () => {
    const time = new FakeTime();
    const pacer = new CallPacer(time.clock, time.sleep);
    const started: Array<[string, number]> = [];
    const call = async (key: string) => {
      await pacer.turn(key);
      started.push([key, time.clock.now()]);
    };
    await Promise.all([call('a'), call('a'), call('b'), call('a')]);
    expect(started.filter(([key]) => key === 'a').map(([, at]) => at)).toEqual([0, 1000, 2000]);
    expect(started.filter(([key]) => key === 'b').map(([, at]) => at)).toEqual([0]);
  });

  test('a turn after a quiet second is at once', async () => {
    const time = new FakeTime();
    const pacer = new CallPacer(time.clock, time.sleep);
    await pacer.turn('a');
    await time.sleep(5000);
    const before = time.clock.now();
    await pacer.turn('a');
    expect(time.clock.now()).toBe(before);
  });

  test('a repository is its registry and name', () => {
    expect(repositoryKey({ repositoryName: 'shop/api' })).toBe('/shop/api');
    expect(repositoryKey({ repositoryName: 'shop/api', registryId: '210987654321' })).toBe('210987654321/shop/api');
  });
});
