// Focus is never lost to the page: when the control that had focus goes away (a button
// replaced once its job is done, a form closed) or is disabled while it works, keyboard users
// would be dropped at the top of the page with nothing focused. This puts focus on the open
// dialog, or else on the screen's heading, so the next Tab starts from where the person is.

const FALLBACK = '[aria-modal="true"]';

/** Watches `root`; returns a function that stops watching. */
export function keepFocus(root: HTMLElement, doc: Document = root.ownerDocument): () => void {
  let last: HTMLElement | null = null;

  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) last = event.target;
  };

  const lost = () => {
    const active = doc.activeElement;
    if (active && active !== doc.body) return false;
    if (!last) return false;
    const disabled = 'disabled' in last && (last as HTMLButtonElement).disabled;
    return !last.isConnected || disabled;
  };

  const restore = () => {
    if (!lost()) return;
    const dialogs = [...doc.querySelectorAll<HTMLElement>(FALLBACK)];
    const target = dialogs.at(-1) ?? root.querySelector<HTMLElement>('h1');
    target?.focus({ preventScroll: true });
  };

  // After the change has settled: a control made disabled loses focus a moment later.
  const soon = () => void setTimeout(restore, 0);
  const observer = new MutationObserver(soon);
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
