// Start-up and unlock timestamps (issue 12): named marks on the page's own clock (milliseconds
// since the navigation started) that perf/harness.mjs reads with
// `performance.getEntriesByType('mark')`, to say where the wait before the first field, and
// between pressing Unlock and seeing Today, goes. Only times, nothing about the journal.

/** The UI's code starts running (top of main.ts, once the first files are fetched and parsed). */
export const BOOT_START = 'daybreak:boot-start';
/**
 * The first screen's state (the journal's state and the language) is in hand: handed over as
 * the window was made (lib/handedBoot.ts), or else the boot call has answered.
 */
export const BOOT_ANSWERED = 'daybreak:boot-answered';
/**
 * The welcome or unlock screen, with its field, is in the page and the code's: drawn by it, or
 * the drawing the page came with taken over (main.ts).
 */
export const FIRST_SCREEN = 'daybreak:first-screen';

/** The first screen has been painted: the frame after it was drawn into the page has run. */
export const FIRST_PAINT = 'daybreak:first-paint';
/** The unlock button was pressed with a passphrase typed: the unlock call goes out. */
export const UNLOCK_SUBMITTED = 'daybreak:unlock-submitted';
/** The unlock call answered (the key derivation and opening the journal are done). */
export const UNLOCK_ANSWERED = 'daybreak:unlock-answered';
/** Today, with its data, has been painted: the journal is open and showing. */
export const TODAY_READY = 'daybreak:today-ready';

/** Records `name` now, once: a second call (Try again, a later lock) keeps the first time. */
export function markBoot(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}

/** Records `name` now, replacing an earlier one: each unlock is timed on its own. */
export function markAgain(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Runs `then` once the page has painted what is in it now: a frame's callback runs just before
 * that frame is painted, and a task queued from it runs just after. Without frames (tests), soon.
 */
export function afterPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(then, 0));
}
