// What the shell hands the page as it makes the window (src-tauri/src/main_window.rs): the
// journal's state and the language, so the first screen is drawn as soon as the UI's code runs,
// without waiting on a call first. It is what was true when the window was made, so it is not
// used after a reload, and App.svelte still asks the shell (`boot`) and follows a different
// answer while the screen drawn from it is still showing.
import type { Boot } from './bindings';

declare global {
  interface Window {
    __DAYBREAK_BOOT__?: Boot;
  }
}

/**
 * The state handed at start, taken once: any later start (Try again) asks the shell. Not after
 * a reload: the window hands every load of its page what was true when it was made.
 */
export function takeHandedBoot(): Boot | undefined {
  if (typeof window === 'undefined') return undefined;
  const handed = window.__DAYBREAK_BOOT__;
  delete window.__DAYBREAK_BOOT__;
  return reloaded() ? undefined : handed;
}

function reloaded(): boolean {
  const [navigation] = performance.getEntriesByType?.('navigation') ?? [];
  return (navigation as PerformanceNavigationTiming | undefined)?.type === 'reload';
}
