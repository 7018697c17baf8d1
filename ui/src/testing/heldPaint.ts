import { expect, vi } from 'vitest';

/**
 * Holds back the page's next frames, to look at a screen as it is before its first paint
 * (components/common/AfterFirstPaint.svelte draws what lies below the window only after it).
 * `held()` says how many frames wait (none means nothing asked for one, and the test proves
 * nothing); `paint()` runs them; `restore()` gives `requestAnimationFrame` back.
 */
export function holdPaint(): { held: () => number; paint: () => void; restore: () => void } {
  const held: FrameRequestCallback[] = [];
  const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    held.push(callback);
    return held.length;
  });
  return {
    held: () => held.length,
    paint: () => held.splice(0).forEach((callback) => callback(performance.now())),
    restore: () => frames.mockRestore(),
  };
}

/**
 * Runs `test` with the page's frames held back (see holdPaint), and gives them back after it,
 * whether it passed or not.
 */
export async function withHeldPaint(
  test: (frames: ReturnType<typeof holdPaint>) => Promise<void>,
): Promise<void> {
  const frames = holdPaint();
  try {
    await test(frames);
  } finally {
    frames.restore();
  }
}

/** Lets queued timers and promise callbacks run (what a held frame is not). */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until every part held back for after the first paint (AfterFirstPaint) is drawn. Call it
 * once the screen's markers are in the page (a screen rendered has them at once).
 */
export async function belowDrawn(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('[data-testid="below-pending"]')).toBeNull());
}
