import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_EVERY_MS, startActivityReports } from './activityReports';

describe('activity reports to the shell', () => {
  let stop: (() => void) | undefined;

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  const move = () => window.dispatchEvent(new Event('pointermove'));

  it('reports the first activity at once, then at most once per interval, and the last burst at its end', async () => {
    const report = vi.fn();
    stop = startActivityReports(report);
    expect(report).not.toHaveBeenCalled();

    move();
    expect(report).toHaveBeenCalledTimes(1);
    // A burst of movement for 10 s: nothing more until the interval is over.
    for (let i = 0; i < 100; i++) {
      await vi.advanceTimersByTimeAsync(100);
      move();
    }
    expect(report).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REPORT_EVERY_MS - 10_000);
    expect(report, 'the activity inside the interval is reported at its end').toHaveBeenCalledTimes(2);

    // Quiet from here on: no more reports.
    await vi.advanceTimersByTimeAsync(10 * REPORT_EVERY_MS);
    expect(report).toHaveBeenCalledTimes(2);

    // The next activity after a quiet spell goes at once again.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(report).toHaveBeenCalledTimes(3);
  });

  it('a minute of steady activity makes five reports, not hundreds', async () => {
    const report = vi.fn();
    stop = startActivityReports(report);
    for (let ms = 0; ms <= 60_000; ms += 250) {
      move();
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(report).toHaveBeenCalledTimes(5);
    expect(REPORT_EVERY_MS).toBeGreaterThanOrEqual(15_000);
    expect(REPORT_EVERY_MS).toBeLessThanOrEqual(30_000);
  });

  it('stops reporting once stopped, also the one that was due', async () => {
    const report = vi.fn();
    stop = startActivityReports(report);
    move();
    move();
    stop();
    await vi.advanceTimersByTimeAsync(REPORT_EVERY_MS);
    move();
    expect(report).toHaveBeenCalledTimes(1);
  });
});
