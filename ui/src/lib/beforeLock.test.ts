import { afterEach, describe, expect, it, vi } from 'vitest';
import { onBeforeLock, runBeforeLock } from './beforeLock';

describe('beforeLock', () => {
  const removers: Array<() => void> = [];
  afterEach(() => {
    removers.splice(0).forEach((remove) => remove());
    vi.useRealTimers();
  });

  it('waits for every registered task', async () => {
    const done: string[] = [];
    removers.push(
      onBeforeLock(async () => {
        await Promise.resolve();
        done.push('a');
      }),
    );
    removers.push(onBeforeLock(() => void done.push('b')));
    await runBeforeLock();
    expect(done.sort()).toEqual(['a', 'b']);
  });

  it('forgets a task once it is removed', async () => {
    const task = vi.fn();
    const remove = onBeforeLock(task);
    remove();
    await runBeforeLock();
    expect(task).not.toHaveBeenCalled();
  });

  it('still finishes when a task fails', async () => {
    const other = vi.fn();
    removers.push(onBeforeLock(() => Promise.reject(new Error('disk'))));
    removers.push(onBeforeLock(other));
    await expect(runBeforeLock()).resolves.toBeUndefined();
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after the time limit', async () => {
    vi.useFakeTimers();
    removers.push(onBeforeLock(() => new Promise<void>(() => {})));
    let finished = false;
    void runBeforeLock(1000).then(() => (finished = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(finished).toBe(true);
  });
});
