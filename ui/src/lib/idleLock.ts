// Locks the journal after a stretch without any activity. Activity is any key, pointer, wheel
// or touch event in the window; the check runs every few seconds against a timestamp, so a
// sleeping timer (laptop lid closed) still locks as soon as it wakes.

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

export interface IdleLock {
  /** Changes the idle limit; null turns auto-lock off. */
  setMinutes(minutes: number | null): void;
  stop(): void;
}

export function startIdleLock(
  minutes: number | null,
  onIdle: () => void,
  target: Window = window,
  now: () => number = Date.now,
): IdleLock {
  let limitMs = minutes === null ? null : minutes * 60_000;
  let lastActivity = now();
  let fired = false;
  const touch = () => {
    lastActivity = now();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, touch, { passive: true });
  const timer = setInterval(() => {
    if (fired || limitMs === null) return;
    if (now() - lastActivity >= limitMs) {
      fired = true;
      onIdle();
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
