import { afterEach, describe, expect, it } from 'vitest';
import { instantFromLocal, localDay, localTime, monthRange, splitInstant } from './localTime';
import { restoreTimeZone, useTimeZone } from '../testing/timeZone';

describe('localTime', () => {
  afterEach(() => {
    restoreTimeZone();
  });

  it('builds the UTC instant from a local date and time', () => {
    useTimeZone('America/New_York');
    expect(instantFromLocal('2025-03-03', '08:00')).toBe('2025-03-03T13:00:00.000Z');
    // After the clocks change, the same wall time is a different UTC hour.
    expect(instantFromLocal('2025-07-03', '08:00')).toBe('2025-07-03T12:00:00.000Z');
    useTimeZone('Asia/Tokyo');
    expect(instantFromLocal('2025-03-03', '08:00')).toBe('2025-03-02T23:00:00.000Z');
  });

  it('refuses missing or impossible dates and times', () => {
    expect(instantFromLocal('', '08:00')).toBeNull();
    expect(instantFromLocal('2025-03-03', '')).toBeNull();
    expect(instantFromLocal('2025-02-31', '08:00')).toBeNull();
    expect(instantFromLocal('2025-03-03', '25:00')).toBeNull();
  });

  it('splits an instant into the local day and time, and back', () => {
    useTimeZone('Europe/Berlin');
    expect(splitInstant('2025-03-02T23:30:00.000Z')).toEqual({ day: '2025-03-03', time: '00:30' });
    const date = new Date(2025, 0, 5, 7, 4);
    expect(localDay(date)).toBe('2025-01-05');
    expect(localTime(date)).toBe('07:04');
    expect(instantFromLocal(localDay(date), localTime(date))).toBe(date.toISOString());
  });

  it('gives the first and last day of a month', () => {
    expect(monthRange(2025, 1)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthRange(2024, 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange(2025, 10)).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(monthRange(2025, 11)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
