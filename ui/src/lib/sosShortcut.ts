import { isMac } from './moodShortcut';

// The global SOS shortcut: Ctrl+Shift+S, or Cmd+Shift+S on macOS. It works from anywhere in
// the unlocked app, even while typing in a field or with a dialog open: in a crisis, help
// comes first.

/** For `aria-keyshortcuts` and for the SOS button's title. */
export function sosShortcut(mac = isMac()): { aria: string; text: string } {
  return mac ? { aria: 'Meta+Shift+S', text: '⌘⇧S' } : { aria: 'Control+Shift+S', text: 'Ctrl+Shift+S' };
}

export function isSosShortcut(event: KeyboardEvent, mac = isMac()): boolean {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!modifier || !event.shiftKey || event.altKey) return false;
  // The letter the layout types; the physical key only when the layout types a non-Latin letter.
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key === 's';
  return /^\p{L}$/u.test(key) && event.code === 'KeyS';
}
