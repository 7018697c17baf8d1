import { afterEach, describe, expect, it, vi } from 'vitest';
import { AHEAD_WAIT_MS, answered, askAhead, askAheadWithin, forgetAhead, pendingAhead } from './ahead';
import { deferred } from '../../testing/deferred';

afterEach(() => {
  forgetAhead();
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

  it('wait at most AHEAD_WAIT_MS for a slow answer, which is still taken when it comes', async () => {
    vi.useFakeTimers();
    const slow = deferred<string>();
    const ask = vi.fn(() => slow.promise);
    let done = false;
    const waited = askAheadWithin(() => [ask]).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(AHEAD_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waited;
    slow.resolve('late but kept');
    expect(await answered(ask)).toBe('late but kept');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('ask nothing when the list itself comes too late: the screen asks for itself', async () => {
    vi.useFakeTimers();
    const ask = vi.fn(async () => 'x');
    const list = deferred<(() => Promise<string>)[]>();
    const waited = askAheadWithin(() => list.promise);
    await vi.advanceTimersByTimeAsync(AHEAD_WAIT_MS);
    await waited;
    list.resolve([ask]);
    await vi.advanceTimersByTimeAsync(10);
    expect(ask).not.toHaveBeenCalled();
    expect(pendingAhead()).toBe(0);
  });

  it('are all dropped on lock (forgetAhead), so none outlives the open journal', async () => {
    const ask = vi.fn(async () => 'from the journal');
    await askAhead([ask, vi.fn(async () => 2)]);
    expect(pendingAhead()).toBe(2);
    forgetAhead();
    expect(pendingAhead()).toBe(0);
    await answered(ask);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('are not asked for when the journal locks while the list is on its way', async () => {
    const ask = vi.fn(async () => 'from the journal');
    const list = deferred<(() => Promise<string>)[]>();
    const waited = askAheadWithin(() => list.promise);
    forgetAhead();
    list.resolve([ask]);
    await waited;
    expect(ask).not.toHaveBeenCalled();
    expect(pendingAhead()).toBe(0);
  });
});
