import { vi } from 'vitest';

/**
 * Holds back the page's next frames, to look at a screen as it is before its first paint
 * (components/common/AfterFirstPaint.svelte draws what lies below the window only after it).
 * `paint()` runs the frames held so far; `restore()` gives `requestAnimationFrame` back.
 */
export function holdPaint(): { paint: () => void; restore: () => void } {
  const held: FrameRequestCallback[] = [];
  const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    held.push(callback);
    return held.length;
  });
  return {
    paint: () => held.splice(0).forEach((callback) => callback(performance.now())),
    restore: () => frames.mockRestore(),
  };
}

/** Lets queued timers and promise callbacks run (what a held frame is not). */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
