import { afterEach, describe, expect, it, vi } from 'vitest';

import { afterKeyboardFocus } from './keyboardFocus';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('afterKeyboardFocus', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
  });

  function buttons() {
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    const seen = vi.fn();
    stop = afterKeyboardFocus(seen);
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id) as HTMLButtonElement);
    return { a: a!, b: b!, seen };
  }

  it('sees focus given by the keyboard or the page, in the next frame', async () => {
    const { a, seen } = buttons();
    a.focus();
    expect(seen).not.toHaveBeenCalled();
    await nextFrame();
    expect(seen).toHaveBeenCalledExactlyOnceWith(a);
  });

  it('leaves alone focus a press of the mouse gave, but not the next focus', async () => {
    const { a, b, seen } = buttons();
    a.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    a.focus();
    await nextFrame();
    expect(seen).not.toHaveBeenCalled();
    b.focus(); // a later task: Tab after the press
    await nextFrame();
    expect(seen).toHaveBeenCalledExactlyOnceWith(b);
  });

  it('does nothing for a control that lost focus before the frame, or once stopped', async () => {
    const { a, b, seen } = buttons();
    a.focus();
    b.focus();
    await nextFrame();
    expect(seen).toHaveBeenCalledExactlyOnceWith(b);
    stop?.();
    a.focus();
    await nextFrame();
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
