import { messageForError, type ErrorContext } from './errors';

/** What a view shows while it asks for its data. */
export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: string };

export type LoaderOptions<T> = {
  /** Where the error happened, for its wording (see `messageForError`). */
  context?: ErrorContext;
  /** The view's own words for some failures (e.g. an entry that no longer exists), or null. */
  explain?: (reason: unknown) => string | null;
  /** Called with each answer that is kept (never with a stale one), e.g. to fill a bindable prop. */
  onReady?: (value: T) => void;
};

/**
 * A view's data from the backend: loading, ready with the value, or failed with a plain
 * message, and `reload()` to ask again (the "Try again" button, or after a change).
 *
 * - The newest request wins: an answer that comes back after a later `reload()` started is
 *   dropped, so a quick change of filter never shows the older answer.
 * - The last good value stays while reloading and after a failed reload, so a hiccup does not
 *   blank the screen; `error` says what went wrong meanwhile.
 * - `value` can be set, for a view that updates its list in place after a change; `error`
 *   too, for a failed change said on the same line (the next good answer clears it).
 *
 * Create it while a component starts; call `reload()` to load (in an `$effect` when the
 * request depends on state, so it loads again when that changes).
 */
export class Loader<T> {
  /** The newest value kept, or null before the first answer. */
  value: T | null = $state.raw(null);
  /** True once a first answer came back. */
  loaded = $state(false);
  /** What went wrong with the newest request, in plain words; '' when it did not fail. */
  error = $state('');
  /** True while a request is under way. */
  loading = $state(false);

  #fetch: () => Promise<T>;
  #options: LoaderOptions<T>;
  #request = 0;

  constructor(fetch: () => Promise<T>, options: LoaderOptions<T> = {}) {
    this.#fetch = fetch;
    this.#options = options;
  }

  /** The state as one of three: loading (nothing yet), ready, or failed. */
  get state(): LoadState<T> {
    if (this.error) return { status: 'failed', error: this.error };
    if (this.loaded) return { status: 'ready', value: this.value as T };
    return { status: 'loading' };
  }

  /** Asks again; resolves to true when this request's answer was kept. */
  reload = (): Promise<boolean> => this.load(this.#fetch);

  /**
   * Asks with another request than the usual one, under the same rules (the newest request
   * wins, the last good value stays on failure): the next page appended to the rows kept, or
   * the rows kept fetched again after a change. `fetch` reads `value` after its await to build
   * on the rows as they are then.
   */
  load = async (fetch: () => Promise<T>): Promise<boolean> => {
    const mine = ++this.#request;
    this.loading = true;
    try {
      const value = await fetch();
      if (mine !== this.#request) return false; // a newer request wins
      this.value = value;
      this.loaded = true;
      this.error = '';
      this.#options.onReady?.(value);
      return true;
    } catch (reason) {
      if (mine === this.#request) {
        this.error = this.#options.explain?.(reason) ?? messageForError(reason, this.#options.context);
      }
      return false;
    } finally {
      if (mine === this.#request) this.loading = false;
    }
  };
}
