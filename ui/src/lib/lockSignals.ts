// The system's own reasons to lock: the computer is about to sleep, or the person locked their
// screen. The desktop shell reports them on one channel, watched once for the whole run of the
// app (App.svelte). Whatever shows the open journal (the Shell) listens while it is on screen,
// so a signal that comes while the journal is locked does nothing.
import type { LockSignal } from './bindings';
import { watchLockSignals } from './ipc/system';
import { lock, vaultStatus } from './ipc/vault';

type Listener = (signal: LockSignal) => void;

const listeners = new Set<Listener>();

/** Starts listening to the shell. Call once, when the app starts. */
export function watchSystemLockSignals(): Promise<void> {
  return Promise.resolve().then(() =>
    watchLockSignals((signal) => {
      for (const listener of [...listeners]) listener(signal);
    }),
  );
}

/** Calls `listener` on each signal. Returns the function that stops it again. */
export function onLockSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Notes, from now until `stop()`, the locks the shell does by itself (`locks`, a count of
 * `locked`) and whether the system asked for one (`asked`: `suspend` or `screenLocked`). For a
 * screen that opens the journal: App tears down only what shows the open journal, so a lock in
 * the moment between the journal opening and its screens mounting is this screen's to notice.
 * (An ask while the key is still being derived keeps the journal from opening: the call fails
 * with `locked_while_opening`, or creating answers that the new journal is not open.)
 */
function noticeShellLock(): { locks: () => number; asked: () => boolean; stop: () => void } {
  let locks = 0;
  let asked = false;
  const stop = onLockSignal((signal) => {
    if (signal === 'locked') locks++;
    else asked = true;
  });
  return { locks: () => locks, asked: () => asked, stop };
}

/**
 * Runs `open`, a call that leaves the journal open (unlocking, recovering, creating or joining
 * it), and says whether the system asked for a lock, or the shell locked, while it ran. If so,
 * the journal is locked here and now (it may be already): the screens that open it must not
 * open a locked journal, nor wait for the shell's own lock a second later. A lock the shell
 * says it did counts only if the journal's status agrees (`stillOpen`), so a late signal of an
 * earlier lock does not keep an open journal behind the lock screen; an ask always counts.
 */
export async function openNoticingLocks<T>(
  open: () => Promise<T>,
): Promise<{ value: T; lockedMeanwhile: boolean }> {
  const shellLock = noticeShellLock();
  try {
    const value = await open();
    const lockedMeanwhile = shellLock.asked() || (shellLock.locks() > 0 && !(await stillOpen(shellLock)));
    if (lockedMeanwhile) await lock().catch(() => {}); // locked already, most likely
    return { value, lockedMeanwhile };
  } finally {
    shellLock.stop();
  }
}

/**
 * Whether the journal is open after all (the lock signalled was an earlier one). Unknown counts
 * as locked, and so does another lock signalled, or asked for, while the status was being read.
 */
async function stillOpen(shellLock: ReturnType<typeof noticeShellLock>): Promise<boolean> {
  const before = shellLock.locks();
  const status = await vaultStatus().catch(() => null);
  return status?.state === 'unlocked' && shellLock.locks() === before && !shellLock.asked();
}
