import { TICK_MS } from './liveClock';

/**
 * The current time as reactive state, updated every `everyMs`. Call while a component starts;
 * the timer stops when the component goes away.
 */
export function useNow(everyMs = TICK_MS): { readonly current: number } {
  let current = $state(Date.now());
  $effect(() => {
    const id = setInterval(() => (current = Date.now()), everyMs);
    return () => clearInterval(id);
  });
  return {
    get current() {
      return current;
    },
  };
}
