import type { ClockView } from './bindings';
import { localDay } from './localTime';

/** Refresh the on-screen clocks this often, so minutes move without a round trip. */
export const TICK_MS = 15_000;

/** The current streak's real elapsed time: what the backend said, plus time since then. */
export function liveElapsedSeconds(clock: ClockView, fetchedAt: number, now: number): number {
  return clock.elapsedSeconds + Math.max(0, Math.floor((now - fetchedAt) / 1000));
}

/**
 * Whether the backend's numbers could be out of date: the day count changes at local midnight,
 * and a milestone whose moment has passed may now want celebrating. Milestones already in the
 * past when the data came are ignored, so a stale one can't cause a refetch loop.
 */
export function shouldRefetch(fetchedAt: number, now: number, clocks: readonly ClockView[]): boolean {
  if (localDay(new Date(fetchedAt)) !== localDay(new Date(now))) return true;
  return clocks.some((clock) => {
    if (!clock.nextMilestone) return false;
    const at = Date.parse(clock.nextMilestone.at);
    return at > fetchedAt && at <= now;
  });
}
