import { describe, expect, it } from 'vitest';
import { liveElapsedSeconds, shouldRefetch } from './liveClock';
import { clock } from '../testing/sobriety';

describe('liveClock', () => {
  it('adds the time since the data came', () => {
    const c = clock({ elapsedSeconds: 3600 });
    expect(liveElapsedSeconds(c, 1_000_000, 1_000_000 + 125_000)).toBe(3725);
    expect(liveElapsedSeconds(c, 1_000_000, 999_000)).toBe(3600);
  });

  it('refetches after local midnight', () => {
    const evening = new Date(2025, 1, 2, 23, 59).getTime();
    const c = clock({ nextMilestone: null });
    expect(shouldRefetch(evening, evening + 50_000, [c])).toBe(false);
    expect(shouldRefetch(evening, evening + 61_000, [c])).toBe(true);
  });

  it('refetches once a milestone moment has passed, but not for one already past', () => {
    const fetched = new Date(2025, 1, 2, 10, 0).getTime();
    const soon = clock({
      nextMilestone: {
        key: 'h-24',
        length: { unit: 'hours', count: 24 },
        at: new Date(fetched + 60_000).toISOString(),
      },
    });
    expect(shouldRefetch(fetched, fetched + 30_000, [soon])).toBe(false);
    expect(shouldRefetch(fetched, fetched + 60_000, [soon])).toBe(true);
    const stale = clock({
      nextMilestone: {
        key: 'h-24',
        length: { unit: 'hours', count: 24 },
        at: new Date(fetched - 1).toISOString(),
      },
    });
    expect(shouldRefetch(fetched, fetched + 60_000, [stale])).toBe(false);
  });
});
