// The global "log mood" shortcut: Ctrl+M, or Cmd+M on macOS. A shortcut with a modifier is
// fine even while typing in a field, so it is not ignored there.

export function isMac(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);
}

/** For `aria-keyshortcuts` and for the button's title. */
export function moodShortcut(mac = isMac()): { aria: string; text: string } {
  return mac ? { aria: 'Meta+M', text: '⌘M' } : { aria: 'Control+M', text: 'Ctrl+M' };
}

export function isMoodShortcut(event: KeyboardEvent, mac = isMac()): boolean {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!modifier || event.altKey || event.shiftKey) return false;
  // The letter the layout types; the physical key only when the layout types a non-Latin letter.
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key === 'm';
  return /^\p{L}$/u.test(key) && event.code === 'KeyM';
}
