// Notices from the shell's sync rounds (src-tauri/src/sync.rs): changes from another computer
// arrived, so what is on screen may be out of date; syncing stopped; the passphrase was changed
// on another computer. Only the open journal's screens (Shell)
// listen, from when they show: rounds run only while the journal is open, and registering at
// start-up would put one more call before the first screen.
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

/** The most pressing first: nothing leaves this computer, then the next unlock's passphrase. */
const MOST_PRESSING_FIRST: readonly SyncNotice[] = ['stopped', 'passphraseChanged', 'received'];

/** The notice to show of those pending, or none. */
export function mostPressing(pending: readonly SyncNotice[]): SyncNotice | null {
  return MOST_PRESSING_FIRST.find((notice) => pending.includes(notice)) ?? null;
}
