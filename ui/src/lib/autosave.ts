import { m } from './i18n';
// Saving as people write: after a quiet moment, or at once when asked (blur, closing, locking).
// One save runs at a time; changes made while it runs are saved by the next one.

/** What the editor shows next to the text. */
export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; reason: string };

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return m.autosave_saves_as_you_write();
    case 'saving':
      return m.autosave_saving();
    case 'saved':
      return m.autosave_saved();
    case 'error':
      return m.autosave_not_saved({ reason: state.reason });
  }
}

export const AUTOSAVE_DELAY_MS = 800;

export interface Autosave {
  /** Something changed: save once typing pauses for the delay. */
  changed(): void;
  /** Save now if anything is unsaved, and wait for any save under way. */
  flush(): Promise<void>;
  /** True while a change is waiting to be saved. */
  readonly pending: boolean;
  /** Stops the timer (for when the editor goes away, after a last flush). */
  dispose(): void;
}

/**
 * `save` stores the current text and resolves to true when it worked. On false (or a throw)
 * the change stays pending, so the next change, blur or flush tries again.
 */
export function createAutosave(save: () => Promise<boolean>, delayMs = AUTOSAVE_DELAY_MS): Autosave {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  function clearTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  async function run(): Promise<void> {
    clearTimer();
    while (running) await running;
    if (!dirty) return;
    dirty = false;
    const current = save().then(
      (ok) => {
        if (!ok) dirty = true;
      },
      () => {
        dirty = true;
      },
    );
    running = current;
    try {
      await current;
    } finally {
      if (running === current) running = null;
    }
  }

  return {
    changed() {
      dirty = true;
      clearTimer();
      timer = setTimeout(() => void run(), delayMs);
    },
    flush: run,
    get pending() {
      return dirty;
    },
    dispose: clearTimer,
  };
}
