// The SOS row of the welcome and lock screens keeps to the window's bottom edge over what
// scrolls under it (LockSosButton.svelte), with a fade over its top edge. This keeps what focus,
// a click or a search scrolls to above both.

import { afterKeyboardFocus } from '../../lib/keyboardFocus';

/**
 * Attached to the dock: the page's scroll padding follows the dock's height (which a failure
 * shown in it, the language or a larger text size change) plus the fade's, and a field given
 * focus (by Tab or by the screen itself, not by a press of the mouse) that is not clear is
 * brought into sight. jsdom has no ResizeObserver.
 */
export function keepScrollingClear(dock: HTMLElement): (() => void) | undefined {
  if (typeof ResizeObserver === 'undefined') return;
  const page = document.documentElement;
  const fade = () => parseFloat(getComputedStyle(dock, '::before').height) || 0;
  const observer = new ResizeObserver(() => {
    page.style.scrollPaddingBottom = `${dock.offsetHeight + fade()}px`;
  });
  observer.observe(dock);

  // WebKit's own scrolling to a field reached with Tab does not always keep to that padding
  // (at 720x520 it left a field under the fade, and one 14 px above the window's top), so once
  // focus has moved a field that is not clear is brought into sight.
  const stop = afterKeyboardFocus((field) => {
    // The screen may have gone by then; the dock's own controls are in sight with it.
    if (!dock.isConnected || dock.contains(field)) return;
    const r = field.getBoundingClientRect();
    const under = r.bottom > dock.getBoundingClientRect().top - fade();
    if (r.top < 0 || under) field.scrollIntoView({ block: 'nearest' });
  });
  return () => {
    observer.disconnect();
    stop();
    page.style.scrollPaddingBottom = '';
  };
}
