// Notices from the shell's sync rounds (src-tauri/src/sync.rs): changes from another computer
// arrived, so what is on screen may be out of date. Watched once for the whole run of the app
// (App.svelte); the open journal's screens (Shell) listen while they are showing.
import type { SyncNotice } from './bindings';
import { watchSync } from './ipc/sync';

type Listener = (notice: SyncNotice) => void;

const listeners = new Set<Listener>();

/** Starts listening to the shell. Call once, when the app starts. */
export function watchSyncNotices(): Promise<void> {
  return Promise.resolve().then(() =>
    watchSync((notice) => {
      for (const listener of [...listeners]) listener(notice);
    }),
  );
}

/** Calls `listener` on each notice. Returns the function that stops it again. */
export function onSyncNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
