import { afterEach, describe, expect, it, vi } from 'vitest';
import { answered, askAhead } from './ahead';
import { deferred } from '../../testing/deferred';

afterEach(() => {
  vi.useRealTimers();
});

describe('answers asked ahead', () => {
  it('are taken once by the call that needs them; the next call asks afresh', async () => {
    let n = 0;
    const ask = vi.fn(async () => ++n);
    await askAhead([ask]);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await answered(ask)).toBe(1);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(await answered(ask)).toBe(2);
  });

  it('resolve once every answer is in, failures included, and keep the failure for its screen', async () => {
    const slow = deferred<string>();
    const failing = vi.fn(() => Promise.reject(new Error('no')));
    let done = false;
    const all = askAhead([() => slow.promise, failing]).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    slow.resolve('in');
    await all;
    expect(done).toBe(true);
    await expect(answered(failing)).rejects.toThrow('no');
  });

  it('keep a call that throws at once as its failure, without stopping the others', async () => {
    const throwing = vi.fn((): Promise<unknown> => {
      throw new TypeError('no shell');
    });
    const fine = vi.fn(async () => 'ok');
    await askAhead([throwing, fine]);
    await expect(answered(throwing)).rejects.toThrow('no shell');
    expect(await answered(fine)).toBe('ok');
  });

  it('drop an answer not taken within a second, so a later call never gets an old one', async () => {
    vi.useFakeTimers();
    let n = 0;
    const ask = vi.fn(async () => ++n);
    await askAhead([ask]);
    vi.advanceTimersByTime(1001);
    expect(await answered(ask)).toBe(2);
  });

  it('ask without waiting when nothing was asked ahead', async () => {
    const ask = vi.fn(async () => 'now');
    expect(await answered(ask)).toBe('now');
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
