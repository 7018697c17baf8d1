// Screens the desktop shell asks to open: a reminder the person clicked (the evening one opens
// the check-in), or the tray's "Log a mood" and "SOS". Watched once for the whole run (App).
// The open journal (Shell) listens while it is on screen; a request that comes while the
// journal is locked waits, and the Shell opens it right after unlocking.
import type { Screen } from './bindings';
import { watchScreens } from './ipc/reminders';

type Listener = (screen: Screen) => void;
type Accepts = (screen: Screen) => boolean;

const listeners = new Map<Listener, Accepts>();
let waiting: Screen | null = null;

function deliver(screen: Screen) {
  const takers = [...listeners].filter(([, accepts]) => accepts(screen));
  if (takers.length === 0) {
    waiting = screen;
    return;
  }
  for (const [listener] of takers) listener(screen);
}

/** Starts listening to the shell. Call once, when the app starts. */
export function watchScreenRequests(): Promise<void> {
  return Promise.resolve().then(() => watchScreens(deliver));
}

/**
 * Calls `listener` on each request it `accepts` (all, by default), first with one that was
 * waiting. Returns the function that stops it. The lock screen takes only SOS, which needs no
 * unlocking; the open journal takes everything.
 */
export function onScreenRequest(listener: Listener, accepts: Accepts = () => true): () => void {
  listeners.set(listener, accepts);
  if (waiting !== null && accepts(waiting)) {
    const screen = waiting;
    waiting = null;
    listener(screen);
  }
  return () => {
    listeners.delete(listener);
  };
}

/** For tests: as at start-up. */
export function resetScreenRequests() {
  listeners.clear();
  waiting = null;
}
