// Keys only: what a person without a mouse does, through WebDriver's key actions sent to
// whatever has focus. No element is clicked or typed into directly, so a flow that passes here
// can be done with a keyboard alone, in the order focus really moves.

import { DEFAULT_TIMEOUT_MS, waitUntil } from './webdriver.mjs';

/** WebDriver's codes for the keys the suites press. */
export const KEY = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Escape: '\uE00C',
  Space: '\uE00D',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** Presses the keys together (a chord, e.g. Control+Shift+S), then lets them go. */
export function press(session, ...keys) {
  const down = keys.map((value) => ({ type: 'keyDown', value }));
  const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
  return session.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
}

/** Types text, one key at a time, into whatever has focus. */
export function typeKeys(session, text) {
  const actions = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  return session.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
}

/** The data-testid of the focused element (or of its nearest marked ancestor), or null. */
export function focusedTestId(session) {
  return session.executeScript(`
    const el = document.activeElement;
    const marked = el && el.closest('[data-testid]');
    return marked ? marked.getAttribute('data-testid') : null;`);
}

/**
 * Presses Tab (or Shift+Tab) until the element with this test id has focus, and fails with
 * the order focus took when it never comes, so a missing or misplaced stop is easy to see.
 * Also checks the focus can be seen: the focused element must have a visible outline or
 * box-shadow (the app's :focus-visible ring).
 */
export async function tabTo(session, testId, { backwards = false, maxStops = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < maxStops; i++) {
    const now = await focusedTestId(session);
    if (now === testId) {
      const ring = await session.executeScript(`
        const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';`);
      if (!ring) throw new Error(`${testId} has focus but no visible focus ring`);
      return seen.length;
    }
    seen.push(now ?? '(unmarked)');
    await (backwards ? press(session, KEY.Shift, KEY.Tab) : press(session, KEY.Tab));
  }
  throw new Error(`Tab never reached ${testId}; focus went: ${seen.join(' -> ')}`);
}

/** Waits until the element with this test id has focus (after a screen change). */
export function waitForFocus(session, testId, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  return waitUntil(async () => (await focusedTestId(session)) === testId, {
    timeoutMs,
    message: `${testId} has focus`,
  });
}
