// Steps several suites share: getting a fresh journal open through the real UI, and locking
// and unlocking it again.

import assert from 'node:assert/strict';

// Key derivation takes about a second in the app; debug builds on a busy machine are slower.
export const KDF_TIMEOUT_MS = 60_000;

/** First run: choose `passphrase`, confirm the recovery key, and land in the shell. */
export async function createJournal(session, passphrase) {
  await session.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
  await session.type('create-passphrase', passphrase);
  await session.type('create-confirm', passphrase);
  await session.click('create-submit');
  const keyEl = await session.waitFor('recovery-key', { timeoutMs: KDF_TIMEOUT_MS, why: 'creating shows the recovery key' });
  const key = String(await keyEl.property('textContent')).trim();
  const index = Number(await session.attribute('recovery-confirm-input', 'data-group-index'));
  await session.type('recovery-confirm-input', key.split('-')[index], { verify: false });
  await session.click('recovery-confirm-submit');
  await session.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'confirming the recovery key opens the shell' });
  return key;
}

/** Locks, checks nothing of the journal is left in the DOM, and unlocks with `passphrase`. */
export async function lockAndUnlock(session, passphrase, { mustNotShow = [] } = {}) {
  await session.click('lock-button');
  await session.waitFor('unlock-passphrase', { why: 'the lock button leads to the unlock screen' });
  const html = String(await session.executeScript('return document.body.innerHTML;'));
  for (const text of mustNotShow) {
    assert.ok(!html.includes(text), `while locked, the page must not contain ${JSON.stringify(text)}`);
  }
  await session.type('unlock-passphrase', passphrase);
  await session.click('unlock-submit');
  await session.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the right passphrase unlocks again' });
}

/**
 * Sets an <input> (date, time, ...) the way a person's edit would reach the app: value set,
 * then input and change events. Typing into WebKit's date fields through WebDriver depends on
 * the locale's field order, so this is the reliable way to enter a date.
 */
export async function setInputValue(session, testId, value) {
  const ok = await session.executeScript(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!el) return false;
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));
     return el.value === arguments[1];`,
    [testId, value],
  );
  assert.ok(ok, `${testId} must accept the value ${JSON.stringify(value)}`);
}

/** A local date `days` days before today, as YYYY-MM-DD. */
export function localDateDaysAgo(days, from = new Date()) {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() - days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Whether the element `testId` is in sight as the screen first shows, nothing scrolled: whole
 * inside the window, and on top where it is (what a click at its middle would reach).
 */
export async function inSightUnscrolled(session, testId) {
  return session.executeScript(
    `const el = document.querySelector('[data-testid="' + arguments[0] + '"]');
     const r = el.getBoundingClientRect();
     const whole = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
     return scrollY === 0 && whole && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));`,
    [testId],
  );
}

/**
 * The screen's pane scrolls, never the window: a window with room to scroll moves the whole app,
 * sidebar and all, when a control far down is focused or scrolled to (the page's visually hidden
 * labels once gave it that room: Shell.svelte's `.content`).
 */
export async function assertWindowDoesNotScroll(session, where) {
  const [scrolled, room] = await session.executeScript(
    'const d = document.scrollingElement; return [d.scrollTop, d.scrollHeight - d.clientHeight];',
  );
  assert.deepEqual([scrolled, room], [0, 0], `the window itself neither scrolls nor can on ${where}`);
}

// Whether an element shows whole in the window, above the SOS row of the welcome or lock
// screen and above the fade over the row's top edge (`LockSosButton.svelte`), which lets clicks
// through but dims what lies under it; or is in the row.
const CLEAR_OF_SOS_ROW = `(el) => {
  const dock = document.querySelector('.sos-dock');
  if (dock.contains(el)) return true;
  const r = el.getBoundingClientRect();
  const fade = parseFloat(getComputedStyle(dock, '::before').height) || 0;
  // Within a pixel: layout puts edges on fractions of one, scrolling on whole ones.
  return r.top >= -1 && r.bottom <= dock.getBoundingClientRect().top - fade + 1;
}`;

/** Whether the element `testId` shows clear of the SOS row as the screen first shows, unscrolled. */
export async function clearOfSosRow(session, testId) {
  return session.executeScript(
    `return scrollY === 0 && (${CLEAR_OF_SOS_ROW})(document.querySelector('[data-testid="' + arguments[0] + '"]'));`,
    [testId],
  );
}

/** What has focus (its test id, or its tag and label), and whether it shows clear of the SOS row. */
export async function focusClearOfSosRow(session) {
  return session.executeScript(
    `const el = document.activeElement;
     const name = el.dataset.testid || el.tagName + ' ' + (el.labels?.[0]?.textContent ?? '').trim();
     return { name, clear: (${CLEAR_OF_SOS_ROW})(el) };`,
  );
}

/**
 * Whether the first screen in the page is the one the shell served already drawn in it
 * (src-tauri/src/first_screen.rs), taken over by the UI's code rather than drawn again. Two
 * traces of Svelte's server drawing that only taking it over keeps: the drawing begins with a
 * comment holding `[` (a screen the code draws itself has none), and its fields' ids, made with
 * `$props.id()`, begin with `s` (the code's own begin with `c`; taking over reuses the
 * drawing's, where a screen drawn again over a mismatch would have new ones). Ask before
 * leaving the first screen.
 */
export async function firstScreenCameDrawn(session) {
  return session.executeScript(
    `const root = document.getElementById('app');
     const first = root?.firstChild;
     const field = root?.querySelector('input[id]');
     return first?.nodeType === Node.COMMENT_NODE && first.data === '[' && /^s[0-9]/.test(field?.id ?? '');`,
  );
}
