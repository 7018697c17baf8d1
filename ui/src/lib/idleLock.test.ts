import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLEPT_AFTER_MS, startIdleLock } from './idleLock';

describe('startIdleLock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the idle limit, and activity resets the count', () => {
    const onIdle = vi.fn();
    const idle = startIdleLock(1, onIdle);
    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(15_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('never locks when turned off, and a new limit applies at once', () => {
    const onIdle = vi.fn();
    const idle = startIdleLock(null, onIdle);
    vi.advanceTimersByTime(3_600_000);
    expect(onIdle).not.toHaveBeenCalled();
    idle.setMinutes(2);
    vi.advanceTimersByTime(125_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('locks when the clock jumps far past a check (the computer slept), even when turned off', () => {
    const onLock = vi.fn();
    const idle = startIdleLock(null, onLock);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onLock).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + 45 * 60_000); // asleep: no timer ran meanwhile
    vi.advanceTimersByTime(5_000);
    expect(onLock).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('does not mistake a slow check for sleep', () => {
    const onLock = vi.fn();
    const idle = startIdleLock(null, onLock);
    vi.setSystemTime(Date.now() + SLEPT_AFTER_MS - 10_000); // a throttled timer, not sleep
    vi.advanceTimersByTime(5_000);
    vi.advanceTimersByTime(60_000);
    expect(onLock).not.toHaveBeenCalled();
    idle.stop();
  });
});
