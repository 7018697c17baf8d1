// Answers asked for before the screen that needs them mounts (issue 12).
//
// A screen that asks for its data as it mounts is drawn twice: its empty frame is laid out and
// painted while the answer waits (the answer, a millisecond away once the page is idle, is not
// read until that paint is done), then everything again with the data. Asked for just before it
// mounts (`askAhead`), the answers are in hand by then: the screen's own call (`answered`) takes
// them, and the first frame has the data. Unlocking asks ahead for Today; opening Settings for
// what its sections show.

/** How long an answer asked ahead waits to be taken; one never taken is then dropped. */
const KEPT_MS = 1000;

const waiting = new Map<
  () => Promise<unknown>,
  { answer: Promise<unknown>; timer: ReturnType<typeof setTimeout> }
>();

/**
 * Asks each of `asks` now, keeping their answers for the screen about to mount. Resolves once
 * all have answered or failed (a failure is the screen's to show, when it takes it).
 */
export async function askAhead(asks: readonly (() => Promise<unknown>)[]): Promise<void> {
  const answers = asks.map((ask) => {
    const answer = new Promise<unknown>((resolve) => resolve(ask())); // a throw, as a failure
    answer.catch(() => {}); // seen by the screen when it takes it; dropped with it otherwise
    clearTimeout(waiting.get(ask)?.timer);
    waiting.set(ask, { answer, timer: setTimeout(() => waiting.delete(ask), KEPT_MS) });
    return answer;
  });
  await Promise.allSettled(answers);
}

/** The answer asked ahead for `ask`, taken (the next call asks afresh), or else `ask()` now. */
export function answered<T>(ask: () => Promise<T>): Promise<T> {
  const early = waiting.get(ask);
  if (!early) return ask();
  waiting.delete(ask);
  clearTimeout(early.timer);
  return early.answer as Promise<T>;
}
