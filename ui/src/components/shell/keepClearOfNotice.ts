// The sync rounds' notices float over the top of the area that scrolls under them
// (SyncNoticeDock.svelte). While one shows, what focus, a search or a link scrolls to in the
// area stops below it, not under it.

import { afterKeyboardFocus } from '../../lib/keyboardFocus';

/**
 * Attached to the notice: the area's scroll padding at the top follows the notice's height
 * (which wraps to more lines in a narrow window or a longer language) and its margin, and a
 * control given focus (by Tab or by the page, not by a press of the mouse) that lies under the
 * notice is brought out from under it. jsdom has no ResizeObserver.
 */
export function keepClearOfNotice(notice: HTMLElement): (() => void) | undefined {
  const area = notice.closest('main');
  if (typeof ResizeObserver === 'undefined' || !area) return;
  // Where it sits once the area is scrolled: stuck to the area's top, below its margin.
  const covers = () => notice.offsetHeight + parseFloat(getComputedStyle(notice).marginTop);
  const observer = new ResizeObserver(() => {
    area.style.scrollPaddingTop = `${covers()}px`;
  });
  observer.observe(notice);

  // WebKit's own scrolling to a control reached with Tab goes only as far as the area's top,
  // under the notice, whatever the padding says.
  const stop = afterKeyboardFocus((control) => {
    if (!notice.isConnected || notice.contains(control) || !area.contains(control)) return;
    if (control.getBoundingClientRect().top < notice.getBoundingClientRect().bottom) {
      control.scrollIntoView({ block: 'nearest' });
    }
  });
  return () => {
    observer.disconnect();
    stop();
    area.style.scrollPaddingTop = '';
  };
}
