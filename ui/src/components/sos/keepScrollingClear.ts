// The SOS row of the welcome and lock screens keeps to the window's bottom edge over what
// scrolls under it (LockSosButton.svelte), with a fade over its top edge. This keeps what focus,
// a click or a search scrolls to above both.

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
  // focus has moved a field that is not clear is brought into sight. Not for focus a press of
  // the mouse gave: the page would move under the pointer before the button is let go, and the
  // click would land on something else. A press's focus comes in the same task as the press,
  // so the flag lasts that task only: a release the page never sees (after a right-click's
  // menu, say) cannot leave it set.
  let pressing = false;
  const onPress = () => {
    pressing = true;
    setTimeout(() => (pressing = false));
  };
  const bringClear = (event: Event) => {
    const field = event.target;
    if (pressing || !(field instanceof HTMLElement) || dock.contains(field)) return;
    requestAnimationFrame(() => {
      // Focus may have moved on, or the screen gone, by the frame.
      if (!dock.isConnected || document.activeElement !== field) return;
      const r = field.getBoundingClientRect();
      const under = r.bottom > dock.getBoundingClientRect().top - fade();
      if (r.top < 0 || under) field.scrollIntoView({ block: 'nearest' });
    });
  };
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPress],
    ['focusin', bringClear],
  ];
  for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
  return () => {
    observer.disconnect();
    for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    page.style.scrollPaddingBottom = '';
  };
}
