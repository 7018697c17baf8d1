import { describe, expect, it, vi } from 'vitest';
import { onFirstIntent } from './firstIntent';

describe('onFirstIntent', () => {
  it('waits for a key or a pointer, then runs once', () => {
    const target = new EventTarget();
    const then = vi.fn();
    onFirstIntent(then, target);
    target.dispatchEvent(new Event('focusin'));
    target.dispatchEvent(new Event('pointermove'));
    expect(then, 'focus and a passing pointer are not intent').not.toHaveBeenCalled();
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('pointerdown'));
    target.dispatchEvent(new Event('keydown'));
    expect(then).toHaveBeenCalledTimes(1);
  });

  // A pointer pressed, or text put in with no key (as assistive tools can), each counts first.
  it.each(['pointerdown', 'input'])('runs on %s first', (name) => {
    const target = new EventTarget();
    const then = vi.fn();
    onFirstIntent(then, target);
    target.dispatchEvent(new Event(name));
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped', () => {
    const target = new EventTarget();
    const then = vi.fn();
    const stop = onFirstIntent(then, target);
    stop();
    target.dispatchEvent(new Event('keydown'));
    expect(then).not.toHaveBeenCalled();
  });
});
