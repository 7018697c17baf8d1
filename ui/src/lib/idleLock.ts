// Locks the journal after a stretch without any activity, and after the computer slept.
// Activity is any key, pointer, wheel or touch event in the window; the check runs every few
// seconds against a timestamp, so a sleeping timer (laptop lid closed) still locks as soon as
// it wakes.
//
// Sleep is noticed by the clock: when far more time passed between two checks than the check
// interval, the computer was asleep (or the app was frozen). That lock is always on, even when
// idle auto-lock is set to "Never": a laptop that went to sleep is often opened again by someone
// else, and the system does not tell us about sleep on every platform (where it does, the shell
// also sends a lock signal, see lockSignals.ts).

import { ACTIVITY_EVENTS } from './activityReports';

const CHECK_EVERY_MS = 5_000;
/**
 * A gap between checks longer than this means the computer slept. Well above the check interval,
 * and above the once-a-minute timers a WebView may allow a hidden window, so a minimized app
 * is not mistaken for a sleeping one.
 */
export const SLEPT_AFTER_MS = 90_000;

export interface IdleLock {
  /** Changes the idle limit; null turns idle auto-lock off (the lock after sleep stays on). */
  setMinutes(minutes: number | null): void;
  stop(): void;
}

/** Calls `onLock` once, after `minutes` without activity or after the computer slept. */
export function startIdleLock(
  minutes: number | null,
  onLock: () => void,
  target: Window = window,
  now: () => number = Date.now,
): IdleLock {
  let limitMs = minutes === null ? null : minutes * 60_000;
  let lastActivity = now();
  let lastCheck = lastActivity;
  let fired = false;
  const touch = () => {
    lastActivity = now();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, touch, { passive: true });
  const timer = setInterval(() => {
    const at = now();
    const slept = at - lastCheck > SLEPT_AFTER_MS;
    lastCheck = at;
    if (fired) return;
    const idle = limitMs !== null && at - lastActivity >= limitMs;
    if (slept || idle) {
      fired = true;
      onLock();
    }
  }, CHECK_EVERY_MS);
  return {
    setMinutes(next) {
      limitMs = next === null ? null : next * 60_000;
      lastActivity = now();
    },
    stop() {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, touch);
    },
  };
}
