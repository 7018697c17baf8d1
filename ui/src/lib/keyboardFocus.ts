// Focus that Tab (or the page itself) gives, told apart from focus a press of the mouse gives.
// What floats over a scrolling area (the lock screen's SOS row, the "changes arrived" notice)
// brings a control that lands under it into sight, but never one just pressed: the page would
// move under the pointer before the button is let go, and the click would land on something
// else.

/**
 * Calls `then(control)` in the frame after `control` gets focus, unless a press of the mouse gave
 * it, and only if it still has focus by then. A press's focus comes in the same task as the
 * press, so the press is remembered for that task only: a release the page never sees (after a
 * right-click's menu, say) cannot leave it set. Returns the function that stops it.
 */
export function afterKeyboardFocus(then: (control: HTMLElement) => void): () => void {
  let pressing = false;
  const onPress = () => {
    pressing = true;
    setTimeout(() => (pressing = false));
  };
  const onFocus = (event: Event) => {
    const control = event.target;
    if (pressing || !(control instanceof HTMLElement)) return;
    requestAnimationFrame(() => {
      if (document.activeElement === control) then(control);
    });
  };
  const listeners: [string, EventListener][] = [
    ['pointerdown', onPress],
    ['focusin', onFocus],
  ];
  for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
  };
}
