import { describe, expect, jest, test } from '@jest/globals';
import { RetriesExhaustedError, withRetry, type RetryOptions } from '../../src/util/retry.js';

/** Fake time: sleep moves the clock; each attempt may take `attemptMs` of it. */
function fakeTime(attemptMs = 0) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
    sleeps,
    options(overrides: Partial<RetryOptions> = {}): RetryOptions & { warn: jest.Mock<(m: string) => void> } {
      const warn = jest.fn<(m: string) => void>();
      return {
        what: 'docker login to 127.0.0.1:15000',
        transient: (error) => (error instanceof Error && error.message.includes('503') ? '503 Service Unavailable' : undefined),
        clock: { now: () => now },
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
        ...overrides,
        warn,
      };
    },
    attempt: <T>(results: Array<T | Error>) =>
      jest.fn(async (n: number) => {
        now += attemptMs;
        const result = results[n - 1];
        if (result instanceof Error) throw result;
        return result as T;
      }),
  };
}

const unavailable = () => new Error('docker login to 127.0.0.1:15000 failed: … failed with status: 503 Service Unavailable');
const denied = () => new Error('docker login to 127.0.0.1:15000 failed: … failed with status: 401 Unauthorized');

describe('withRetry', () => {
  test('first attempt succeeds: no warning, no sleep', async () => {
    const time = fakeTime();
    const options = time.options();
    const attempt = time.attempt(['ok']);
    await expect(withRetry(options, attempt)).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(options.warn).not.toHaveBeenCalled();
    expect(time.sleeps).toEqual([]);
  });

  test('two transient failures, then success: one warning per retry, naming the attempt and the cause; backoff 5 s then 20 s', async () => {
    const time = fakeTime();
    const options = time.options();
    const attempt = time.attempt([unavailable(), unavailable(), 'ok']);
    await expect(withRetry(options, attempt)).resolves.toBe('ok');
    expect(attempt.mock.calls.map(([n]) => n)).toEqual([1, 2, 3]);
    expect(time.sleeps).toEqual([5000, 20_000]);
    expect(options.warn.mock.calls.map(([m]) => m)).toEqual([
      'docker login to 127.0.0.1:15000: attempt 1 of 3 failed (503 Service Unavailable); retrying in 5 s.',
      'docker login to 127.0.0.1:15000: attempt 2 of 3 failed (503 Service Unavailable); retrying in 20 s.',
    ]);
  });

  test('a permanent error is thrown as it is, at once, without a warning', async () => {
    const time = fakeTime();
    const options = time.options();
    const error = denied();
    const attempt = time.attempt([error, 'ok']);
    await expect(withRetry(options, attempt)).rejects.toBe(error);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(options.warn).not.toHaveBeenCalled();
  });

  test('a permanent error after a transient one: thrown at once', async () => {
    const time = fakeTime();
    const options = time.options();
    const error = denied();
    await expect(withRetry(options, time.attempt([unavailable(), error, 'ok']))).rejects.toBe(error);
    expect(options.warn).toHaveBeenCalledTimes(1);
  });

  test('three transient failures: gives up after the third, naming the last cause and the attempts', async () => {
    const time = fakeTime(1000);
    const options = time.options();
    const attempt = time.attempt([unavailable(), unavailable(), unavailable(), 'never']);
    const error = await withRetry(options, attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect((error as RetriesExhaustedError).attempts).toBe(3);
    expect((error as Error).message).toBe(
      'docker login to 127.0.0.1:15000 failed: … failed with status: 503 Service Unavailable (gave up after 3 attempts in 28 s)',
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(options.warn).toHaveBeenCalledTimes(2);
  });

  test('attempts: 1 never retries', async () => {
    const time = fakeTime();
    const options = time.options({ attempts: 1 });
    await expect(withRetry(options, time.attempt([unavailable(), 'ok']))).rejects.toThrow('gave up after 1 attempt in 0 s');
    expect(options.warn).not.toHaveBeenCalled();
  });

  test('the budget: no attempt is started that, as long as the last, would end after 2 minutes', async () => {
    // 50 s per attempt (the Docker engine's own retries of a dead registry): 50 s + 5 s + 50 s = 105 s;
    // a third would end at 105 + 20 + 50 = 175 s > 120 s, so it is not started.
    const time = fakeTime(50_000);
    const options = time.options();
    const attempt = time.attempt([unavailable(), unavailable(), 'ok']);
    const started = time.now();
    const error = await withRetry(options, attempt).catch((e: unknown) => e);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(time.now() - started).toBe(105_000);
    expect((error as Error).message).toMatch(/gave up after 2 attempts in 105 s: another would not end within the 120 s retry budget\)$/);
    expect(options.warn).toHaveBeenCalledTimes(1);
  });

  test('a long first attempt leaves no room for a second: fails without a warning', async () => {
    const time = fakeTime(100_000);
    const options = time.options();
    await expect(withRetry(options, time.attempt([unavailable(), 'ok']))).rejects.toThrow(/gave up after 1 attempt in 100 s/);
    expect(options.warn).not.toHaveBeenCalled();
  });

  test('40 s attempts: 40 + 5 + 40 + 20 + 40 = 145 s is over the budget, so two attempts', async () => {
    const time = fakeTime(40_000);
    const options = time.options();
    const attempt = time.attempt([unavailable(), unavailable(), 'ok']);
    await expect(withRetry(options, attempt)).rejects.toThrow(RetriesExhaustedError);
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  test('fast attempts fit: 3 attempts of 5 s take 5 + 5 + 5 + 20 + 5 = 40 s', async () => {
    const time = fakeTime(5_000);
    const options = time.options();
    const started = time.now();
    await expect(withRetry(options, time.attempt([unavailable(), unavailable(), 'ok']))).resolves.toBe('ok');
    expect(time.now() - started).toBe(40_000);
  });

  test('custom backoff repeats its last pause', async () => {
    const time = fakeTime();
    const options = time.options({ attempts: 4, backoffMs: [100, 200] });
    await withRetry(options, time.attempt([unavailable(), unavailable(), unavailable(), 'ok']));
    expect(time.sleeps).toEqual([100, 200, 200]);
  });
});
