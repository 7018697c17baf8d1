// Start-up timestamps (issue 12): named marks on the page's own clock (milliseconds since the
// navigation started) that perf/harness.mjs reads with `performance.getEntriesByType('mark')`,
// to say where the wait before the first field goes. Only times, nothing about the journal.

/** The UI's code starts running (top of main.ts, once the first files are fetched and parsed). */
export const BOOT_START = 'daybreak:boot-start';
/** The one boot call (the journal's state and the language) has answered. */
export const BOOT_ANSWERED = 'daybreak:boot-answered';
/** The welcome or unlock screen, with its field, is in the page. */
export const FIRST_SCREEN = 'daybreak:first-screen';

/** Records `name` now, once: a second call (Try again, a later lock) keeps the first time. */
export function markBoot(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
