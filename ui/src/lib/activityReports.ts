// Tells the desktop shell that the person is active, so that its own idle deadline (the
// backstop for a window that is suspended or frozen, see src-tauri/src/idle.rs) moves on. One
// report at most every REPORT_EVERY_MS: the first activity after a quiet spell is reported at
// once, and activity within the interval once more at its end. A report therefore never comes
// before the activity it stands for, so the shell never counts the person idle earlier than the
// UI's own idle lock does (idleLock.ts); and it locks 30 s past the limit, since the UI looks at
// its deadline every 5 s and goes first, saving what is being typed.

/** What counts as activity, here and for the UI's own idle lock (idleLock.ts). Defined here, in
 * the first screen's code, so that the idle lock itself loads with the journal's screens. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export const REPORT_EVERY_MS = 15_000;

/** Calls `report` on activity in `target`, throttled. Returns the function that stops it. */
export function startActivityReports(
  report: () => void,
  target: Window = window,
  everyMs: number = REPORT_EVERY_MS,
): () => void {
  let cooling: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const coolDown = () => {
    cooling = setTimeout(() => {
      cooling = undefined;
      if (pending) {
        pending = false;
        report();
        coolDown();
      }
    }, everyMs);
  };
  const onActivity = () => {
    if (cooling !== undefined) {
      pending = true;
      return;
    }
    report();
    coolDown();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { passive: true });
  return () => {
    clearTimeout(cooling);
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity);
  };
}
