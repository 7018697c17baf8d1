// Answers asked for before the screen that needs them mounts (issue 12).
//
// A screen that asks for its data as it mounts is drawn twice: its empty frame is laid out and
// painted while the answer waits (the answer, a millisecond away once the page is idle, is not
// read until that paint is done), then everything again with the data. Asked for just before it
// mounts (`askAhead`), the answers are in hand by then: the screen's own call (`answered`) takes
// them, and the first frame has the data. Unlocking asks ahead for Today; opening Settings or
// SOS for what their parts show. Each waits `AHEAD_WAIT_MS` at most (`askAheadWithin`), and locking
// drops whatever was not taken (`forgetAhead`).

/** How long an answer asked ahead waits to be taken; one never taken is then dropped. */
const KEPT_MS = 1000;

/** At most this long a screen waits for what it asked ahead: a slow answer never holds it. */
export const AHEAD_WAIT_MS = 150;

/** One call a screen makes as it opens, with no arguments (`getToday`, `vaultStatus`, ...). */
export type Ask = () => Promise<unknown>;

// Keyed by the function: ask ahead only for calls whose arguments (the language, say) cannot
// change between asking and the screen taking the answer.
const waiting = new Map<Ask, { answer: Promise<unknown>; timer: ReturnType<typeof setTimeout> }>();
/** Counts the locks (`forgetAhead`): a list that comes after one is not asked for. */
let locks = 0;

/**
 * Asks each of `asks` now, keeping their answers for the screen about to mount. Resolves once
 * all have answered or failed (a failure is the screen's to show, when it takes it).
 */
export async function askAhead(asks: readonly Ask[]): Promise<void> {
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

/**
 * Asks ahead for what `which` names (a list, or a promise of one from a screen's file) and
 * resolves once every answer is in or `ms` have passed, whichever comes first. When `which`
 * itself comes too late, nothing is asked: the screen, shown by then, asks for itself.
 */
export async function askAheadWithin(
  which: () => readonly Ask[] | Promise<readonly Ask[]>,
  ms: number = AHEAD_WAIT_MS,
): Promise<void> {
  const locksBefore = locks;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    const asks = await Promise.race([Promise.resolve().then(which), late]);
    if (asks === 'late' || locks !== locksBefore) return; // too late, or the journal locked
    await Promise.race([askAhead(asks), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drops every answer still waiting: on lock, nothing read from the journal stays behind. */
export function forgetAhead(): void {
  locks++;
  for (const { timer } of waiting.values()) clearTimeout(timer);
  waiting.clear();
}

/** How many answers asked ahead are still waiting to be taken. */
export function pendingAhead(): number {
  return waiting.size;
}
