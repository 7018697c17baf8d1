// Focus is never lost to the page: when the control that had focus goes away (a button
// replaced once its job is done, a form closed) or is disabled while it works, keyboard users
// would be dropped at the top of the page with nothing focused. This puts focus on the open
// dialog, or else on the screen's heading, so the next Tab starts from where the person is.

const FALLBACK = '[aria-modal="true"]';

/** Watches `root`; returns a function that stops watching. */
export function keepFocus(root: HTMLElement, doc: Document = root.ownerDocument): () => void {
  let last: HTMLElement | null = null;
  // The focused control was disabled while it worked (a Save button while it saves). WebKit
  // drops focus from it at its next rendering, without a focusout, and it may be enabled
  // again by the time anything here looks: that is focus lost too.
  let disabledWhileFocused = false;

  const isDisabled = (el: HTMLElement) => 'disabled' in el && (el as HTMLButtonElement).disabled;

  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) last = event.target;
    disabledWhileFocused = false;
  };

  const lost = () => {
    const active = doc.activeElement;
    if (active && active !== doc.body) return false;
    if (!last) return false;
    return !last.isConnected || isDisabled(last) || disabledWhileFocused;
  };

  const restore = () => {
    if (!lost()) return;
    disabledWhileFocused = false;
    // Back to the control itself when it is there and working again; else the open dialog or
    // the screen's heading.
    const back = last?.isConnected && !isDisabled(last) ? last : null;
    const dialogs = [...doc.querySelectorAll<HTMLElement>(FALLBACK)];
    const target = back ?? dialogs.at(-1) ?? root.querySelector<HTMLElement>('h1');
    target?.focus({ preventScroll: true });
  };

  // After the change has settled: a control made disabled loses focus a moment later.
  const soon = () => void setTimeout(restore, 0);
  const observer = new MutationObserver(() => {
    if (last && doc.activeElement === last && isDisabled(last)) disabledWhileFocused = true;
    soon();
  });
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', soon);
  return () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', soon);
  };
}
