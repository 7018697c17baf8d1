import { describe, expect, it } from 'vitest';
import { isSosShortcut, sosShortcut } from './sosShortcut';

function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', init);
}

describe('sosShortcut', () => {
  it('names the shortcut for each platform', () => {
    expect(sosShortcut(false)).toEqual({ aria: 'Control+Shift+S', text: 'Ctrl+Shift+S' });
    expect(sosShortcut(true).aria).toBe('Meta+Shift+S');
  });

  it('accepts Ctrl+Shift+S off macOS and Cmd+Shift+S on macOS', () => {
    expect(isSosShortcut(key({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isSosShortcut(key({ key: 'S', code: 'KeyS', metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(isSosShortcut(key({ key: 'S', code: 'KeyS', metaKey: true, shiftKey: true }), false)).toBe(false);
  });

  it('ignores near misses', () => {
    expect(isSosShortcut(key({ key: 's', code: 'KeyS', ctrlKey: true }), false)).toBe(false);
    expect(
      isSosShortcut(key({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true, altKey: true }), false),
    ).toBe(false);
    expect(isSosShortcut(key({ key: 'D', code: 'KeyS', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSosShortcut(key({ key: 'S', code: 'KeyS', shiftKey: true }), false)).toBe(false);
  });

  it('uses the physical key when the layout types a non-Latin letter', () => {
    expect(isSosShortcut(key({ key: 'Ы', code: 'KeyS', ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(isSosShortcut(key({ key: 'Ы', code: 'KeyD', ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });
});
