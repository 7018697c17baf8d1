// Notices from the shell's sync rounds (src-tauri/src/sync.rs): changes from another computer
// arrived, so what is on screen may be out of date; syncing stopped (or resumed); the
// passphrase was changed on another computer. Only the open journal's screens (Shell) listen,
// from when they show: registering at start-up would put one more call before the first
// screen, and what a round found before they listened (the rebuild inside an unlock or a join)
// is told again when they start.
import type { SyncNotice } from './bindings';
import { watchSync } from './ipc/sync';

/**
 * Calls `listener` on each notice from now on (the shell keeps one channel: a new watch
 * replaces the last). Returns the function that stops it.
 */
export function watchSyncNotices(listener: (notice: SyncNotice) => void): () => void {
  let live = true;
  // Asked after this turn, so a shell that cannot be reached (a test, a browser) never throws here.
  void Promise.resolve()
    .then(() =>
      watchSync((notice) => {
        if (live) listener(notice);
      }),
    )
    .catch(() => {});
  return () => {
    live = false;
  };
}

/** The notices shown to the person ("resumed" only puts "stopped" away). */
export type ShownSyncNotice = Exclude<SyncNotice, 'resumed'>;

/** The most pressing first: nothing leaves this computer, then the next unlock's passphrase. */
const MOST_PRESSING_FIRST: readonly ShownSyncNotice[] = ['stopped', 'passphraseChanged', 'received'];

/** The notice to show of those pending, or none. */
export function mostPressing(pending: readonly ShownSyncNotice[]): ShownSyncNotice | null {
  return MOST_PRESSING_FIRST.find((notice) => pending.includes(notice)) ?? null;
}
