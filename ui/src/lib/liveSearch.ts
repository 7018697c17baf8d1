import { messageForError } from './errors';

// Search as people type: wait until typing pauses, then ask; an answer to an older query
// (someone typed more meanwhile) is dropped, so results never jump back. Shared by the
// journal's search and the library's.

export interface LiveSearchState<T> {
  /** null while the box is empty. */
  hits(hits: T[] | null): void;
  searching(busy: boolean): void;
  error(message: string): void;
}

export interface LiveSearch {
  /** Call on every change of the typed text. */
  schedule(text: string): void;
  /** Stops a pending search (when the component goes away). */
  cancel(): void;
}

export function liveSearch<T>(
  search: (text: string) => Promise<T[]>,
  delayMs: number,
  state: LiveSearchState<T>,
): LiveSearch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request = 0;

  async function run(text: string, mine: number) {
    try {
      const result = await search(text);
      if (mine !== request) return; // someone typed more meanwhile
      state.hits(Array.isArray(result) ? result : []);
      state.error('');
    } catch (reason) {
      if (mine === request) state.error(messageForError(reason));
    } finally {
      if (mine === request) state.searching(false);
    }
  }

  return {
    schedule(text) {
      clearTimeout(timer);
      const mine = ++request;
      if (text.trim() === '') {
        state.hits(null);
        state.error('');
        state.searching(false);
        return;
      }
      state.searching(true);
      timer = setTimeout(() => run(text, mine), delayMs);
    },
    cancel() {
      clearTimeout(timer);
      request++;
    },
  };
}
