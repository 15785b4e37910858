import { describe, expect, test } from '@jest/globals';
import { MIN_DELAY_MS, nextDelay, pollSchedule } from '../../src/scan/schedule.js';
import { seededRandom } from './fakes.js';

describe('nextDelay', () => {
  test.each([
    // waited, remaining, random → delay
    ['starts at 1 s', 0, 600_000, 0, 1_000],
    ['jitter never takes it below 1 s', 0, 600_000, 0.999_999, 1_000],
    ['above 1 s jitter only shortens it, by up to 10%', 60_000, 600_000, 0.999_999, 5_400],
    ['stays 1 s until 10 s have passed', 9_000, 600_000, 0, 1_000],
    ['then 10% of the time waited', 60_000, 600_000, 0, 6_000],
    ['with the same jitter', 60_000, 600_000, 0.5, 5_700],
    ['never past the deadline', 300_000, 2_500, 0, 2_500],
    ['0 at the deadline', 600_000, 0, 0, 0],
    ['0 past it', 600_000, -5, 0, 0],
    ['a random() outside [0, 1) is clamped', 60_000, 600_000, 7, 5_400],
    ['a random() of NaN counts as 0', 0, 600_000, Number.NaN, 1_000],
  ])('%s', (_name, waited, remaining, random, expected) => {
    expect(nextDelay(waited, remaining, () => random)).toBe(expected);
  });
});

describe('pollSchedule', () => {
  test.each([
    [60_000, 1],
    [600_000, 2],
    [6 * 3_600_000, 3],
  ])('a wait of %i ms: first check at once, then noticed within max(1 s, 10%%), about one call a second at most', (timeoutMs, seed) => {
    const checks = pollSchedule(timeoutMs, seededRandom(seed));
    expect(checks[0]).toBe(0);
    expect(checks.every((at) => at < timeoutMs)).toBe(true);
    for (let i = 1; i < checks.length; i += 1) {
      const gap = checks[i] - checks[i - 1];
      // A scan finishing just after check i-1 is noticed at check i.
      const bound = Math.max(MIN_DELAY_MS, 0.1 * checks[i - 1]);
      expect(gap).toBeLessThanOrEqual(bound);
      expect(gap).toBeGreaterThanOrEqual(Math.floor(0.9 * bound));
      // Calls so far, over the time so far: never much above one a second.
      expect(i + 1).toBeLessThanOrEqual(Math.ceil(checks[i] / 1000) * 1.12 + 1);
    }
    // The last wait reaches the deadline: no time left unwatched.
    const last = checks[checks.length - 1];
    expect(timeoutMs - last).toBeLessThanOrEqual(Math.max(MIN_DELAY_MS, 0.1 * last));
  });

  test('backs off: a 10-minute wait makes about 60 checks, not 600', () => {
    const checks = pollSchedule(600_000, seededRandom(4));
    expect(checks.length).toBeGreaterThan(40);
    expect(checks.length).toBeLessThan(80);
  });

  test('time spent in calls counts as time waited', () => {
    const checks = pollSchedule(10_000, () => 0, 500);
    expect(checks).toEqual([0, 1_500, 3_000, 4_500, 6_000, 7_500, 9_000]);
  });

  test('is reproducible for the same random()', () => {
    expect(pollSchedule(120_000, seededRandom(9))).toEqual(pollSchedule(120_000, seededRandom(9)));
  });
});
