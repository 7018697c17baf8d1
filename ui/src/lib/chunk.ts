/**
 * A part of the UI that is loaded when it is first needed (Vite splits it into its own file).
 * The first call starts the import; later calls share it, so asking again costs nothing. A load
 * that failed is forgotten, so the next call tries again (components/common/Lazy.svelte offers
 * that to the person). Keeps the first screen's file small: the lock screen paints before the
 * journal's screens load.
 */
export function chunk<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().then(
      (module) => module.default,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}
