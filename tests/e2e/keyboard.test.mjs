// End to end, keys only (issue 14): every flow a person does, on one journal, with the keyboard
// alone. No element is clicked or typed into: only key presses sent to whatever has focus
// (lib/keyboard.mjs), so focus must land somewhere sensible after each screen change, every
// control must be reachable by Tab and work with Enter, Space or the arrows, and tabTo fails
// when the focused control shows no focus ring. Dialogs are checked with axe-core as they open.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { KDF_TIMEOUT_MS } from './lib/flows.mjs';
import { KEY, focusedTestId, press, tabTo, typeKeys, waitForFocus } from './lib/keyboard.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'quiet harbour lantern';
const JOURNAL_WORD = 'lighthouse';

describe('Every flow with the keyboard alone', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-keyboard-'));
  let app;
  const s = () => app.session;

  before(async () => {
    app = await launchApp({ dataDir, name: 'keyboard' });
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Focus is somewhere on the page, not lost to <body> (as after a screen change gone wrong). */
  async function assertFocusKept(where) {
    const tag = await s().executeScript(
      'const el = document.activeElement; return el && el !== document.body ? el.tagName : null;',
    );
    assert.ok(tag, `focus is lost (nothing focused) after ${where}`);
  }

  /** Tabs to a control and presses Enter on it. */
  async function activate(testId, opts) {
    await tabTo(s(), testId, opts);
    await press(s(), KEY.Enter);
  }

  /** Tabs to a control (checkbox, radio, chip) and presses Space on it. */
  async function toggle(testId, opts) {
    await tabTo(s(), testId, opts);
    await press(s(), KEY.Space);
  }

  /** Opens an area of the sidebar: Shift+Tab back to the sidebar, the arrows to the area, Enter. */
  async function openArea(area) {
    await waitUntil(
      async () => {
        if ((await focusedTestId(s()))?.startsWith('nav-')) return true;
        await press(s(), KEY.Shift, KEY.Tab);
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 50, message: 'Shift+Tab reaches the sidebar' },
    );
    // In the sidebar: the arrows move between its buttons.
    for (let i = 0; i < 12 && (await focusedTestId(s())) !== `nav-${area}`; i++) await press(s(), KEY.ArrowDown);
    await tabTo(s(), `nav-${area}`, { maxStops: 1 });
    await press(s(), KEY.Enter);
    await s().waitFor(`view-${area}`, { why: `Enter on the sidebar opens ${area}` });
    await s().waitForAbsent('busy', { why: `the ${area} area finishes loading` });
    await s().waitForAbsent('loading', { why: `the ${area} area has its answers` });
    await assertFocusKept(`opening ${area}`);
  }

  test('create a journal: passphrase, confirm, recovery key', { timeout: 180_000 }, async () => {
    await s().waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
    await tabTo(s(), 'create-passphrase');
    await typeKeys(s(), PASSPHRASE);
    await tabTo(s(), 'create-confirm');
    await typeKeys(s(), PASSPHRASE);
    await press(s(), KEY.Enter);
    const keyEl = await s().waitFor('recovery-key', { timeoutMs: KDF_TIMEOUT_MS, why: 'Enter creates and shows the recovery key' });
    await assertFocusKept('the recovery key screen');
    const key = String(await keyEl.property('textContent')).trim();
    const index = Number(await s().attribute('recovery-confirm-input', 'data-group-index'));
    await tabTo(s(), 'recovery-confirm-input');
    await typeKeys(s(), key.split('-')[index]);
    await press(s(), KEY.Enter);
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'Enter on the recovery key opens the shell' });
    await assertFocusKept('opening the journal');
  });

  test('lock and unlock', { timeout: 180_000 }, async () => {
    await activate('lock-button');
    await s().waitFor('unlock-passphrase', { why: 'Enter on Lock shows the unlock screen' });
    await waitForFocus(s(), 'unlock-passphrase');
    await typeKeys(s(), PASSPHRASE);
    await press(s(), KEY.Enter);
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the passphrase and Enter unlock' });
    await assertFocusKept('unlocking');
  });

  test('a sobriety clock, from Today', { timeout: 120_000 }, async () => {
    await openArea('today');
    await activate('today-create-clock');
    await s().waitFor('clock-form', { why: 'Enter opens the clock form' });
    await assertAccessible(s(), 'the clock form');
    await tabTo(s(), 'clock-name');
    await typeKeys(s(), 'Alcohol');
    await activate('clock-save');
    await s().waitFor('today-main-clock', { why: 'the clock is saved and shown' });
    await assertFocusKept('saving the clock');
  });

  test('morning check-in', { timeout: 120_000 }, async () => {
    await activate('today-check-in');
    await s().waitFor('checkin-panel', { why: 'Enter opens the check-in' });
    await assertAccessible(s(), 'the check-in');
    await tabTo(s(), 'checkin-intention');
    await typeKeys(s(), 'One day at a time');
    await activate('checkin-morning-save');
    await s().waitFor('checkin-saved', { why: 'the morning check-in is saved' });
    await assertFocusKept('saving the check-in');
    await activate('checkin-close').catch(() => press(s(), KEY.Escape));
    await s().waitForAbsent('checkin-panel', { why: 'the check-in closes' });
    await assertFocusKept('closing the check-in');
  });

  test('log a mood (Ctrl+M)', { timeout: 120_000 }, async () => {
    await press(s(), KEY.Control, 'm');
    await s().waitFor('mood-form', { why: 'Ctrl+M opens the mood log' });
    await assertFocusKept('opening the mood log');
    await assertAccessible(s(), 'the mood log');
    // The five faces are one radio group: Tab reaches it once, the arrows choose.
    await tabTo(s(), 'mood-1');
    for (let i = 0; i < 3; i++) await press(s(), KEY.ArrowRight);
    await tabTo(s(), 'mood-4', { maxStops: 1 });
    await press(s(), KEY.Space);
    assert.equal(await s().attribute('mood-4', 'aria-checked'), 'true', 'the arrows and Space choose the fourth face');
    await tabTo(s(), 'mood-note');
    await typeKeys(s(), 'Steady');
    await activate('mood-save');
    await s().waitFor('mood-saved', { why: 'the mood is saved' });
    await s().waitForAbsent('mood-form', { why: 'the mood log closes after saving' });
    await assertFocusKept('saving a mood');
  });

  test('log a craving', { timeout: 120_000 }, async () => {
    await openArea('mood');
    await activate('log-craving-button');
    await s().waitFor('craving-form', { why: 'Enter opens the craving form' });
    await s().waitFor('trigger-6', { why: 'the trigger catalogue loads' });
    await assertFocusKept('opening the craving form');
    await assertAccessible(s(), 'the craving form');
    await tabTo(s(), 'craving-strength');
    await press(s(), KEY.ArrowRight);
    await toggle('trigger-6');
    await toggle('outcome-passed');
    await activate('craving-save');
    await s().waitFor('craving-saved', { why: 'the craving is saved' });
    await assertFocusKept('saving a craving');
  });

  test('record a slip', { timeout: 120_000 }, async () => {
    await openArea('today');
    await activate('today-slip');
    await s().waitFor('slip-flow', { why: 'Enter opens the slip flow' });
    await assertFocusKept('opening the slip flow');
    await assertAccessible(s(), 'the slip flow');
    await tabTo(s(), 'slip-note');
    await typeKeys(s(), 'A hard evening');
    await activate('slip-save');
    await s().waitFor('slip-done', { why: 'the slip is recorded kindly' });
    await assertFocusKept('recording a slip');
    await activate('slip-done');
    await s().waitForAbsent('slip-flow', { why: 'Done closes the slip flow' });
    await assertFocusKept('closing the slip flow');
  });

  test('write a journal entry and search it', { timeout: 120_000 }, async () => {
    await openArea('journal');
    await activate('journal-new');
    await s().waitFor('journal-editor', { why: 'Enter opens a new entry' });
    await assertFocusKept('opening a new entry');
    await tabTo(s(), 'journal-title', { backwards: true });
    await typeKeys(s(), 'Evening walk');
    await tabTo(s(), 'journal-body');
    await typeKeys(s(), `Walked to the ${JOURNAL_WORD}.`);
    await s().waitForText('journal-save-state', /^Saved/, { why: 'autosave saves the entry' });
    await activate('journal-close');
    await s().waitFor('journal-closed', { why: 'the entry closes' }).catch(() => {});
    await assertFocusKept('closing the entry');
    // The journal's tabs are one tab list: Tab reaches the chosen tab, the arrows move on.
    await tabTo(s(), 'journal-tab-entries');
    for (let i = 0; i < 4 && (await focusedTestId(s())) !== 'journal-tab-search'; i++) await press(s(), KEY.ArrowRight);
    await tabTo(s(), 'journal-tab-search', { maxStops: 1 });
    await press(s(), KEY.Enter);
    await tabTo(s(), 'search-box');
    await typeKeys(s(), JOURNAL_WORD);
    await s().waitFor('search-result', { why: 'the search finds the entry' });
    await activate('search-open');
    await s().waitFor('journal-editor', { why: 'Enter on a result opens the entry' });
    await assertFocusKept('opening a search result');
    await activate('journal-close');
  });

  test('library: search and read an article', { timeout: 120_000 }, async () => {
    await openArea('library');
    await tabTo(s(), 'library-search');
    await typeKeys(s(), 'naloxone');
    await s().waitFor('library-result', { why: 'the library search finds articles' });
    await activate('library-result-open');
    await s().waitFor('article-title', { why: 'Enter opens the article' });
    await assertFocusKept('opening an article');
    await assertAccessible(s(), 'the article reader');
    await screenshot('keyboard-article');
  });

  test('SOS by Ctrl+Shift+S, to the overdose steps', { timeout: 120_000 }, async () => {
    await press(s(), KEY.Control, KEY.Shift, 'S');
    await s().waitFor('view-sos', { why: 'Ctrl+Shift+S opens SOS' });
    await assertFocusKept('opening SOS');
    await s().waitFor('overdose-steps', { why: 'SOS shows the overdose steps' });
    await s().waitForAbsent('below-pending', { why: 'SOS has drawn what is below the window' });
    await assertAccessible(s(), 'SOS');
    // Its panels: the breathing exercise and the delay timer, opened and closed by keys.
    await activate('breathing-start');
    await s().waitFor('breathing-stop', { why: 'Enter starts the breathing exercise' });
    await assertAccessible(s(), 'the breathing exercise');
    await activate('breathing-stop');
    await s().waitFor('breathing-start', { why: 'Enter stops the breathing exercise' });
    await assertFocusKept('stopping the breathing exercise');
    await activate('delay-start');
    await s().waitFor('delay-cancel', { why: 'Enter starts the delay timer' });
    await assertAccessible(s(), 'the delay timer');
    await activate('delay-cancel');
    await s().waitForAbsent('delay-cancel', { why: 'Enter stops the delay timer' });
    await assertFocusKept('stopping the delay timer');
    // The full overdose article opens in the Library when the journal is open.
    await activate('sos-open-overdose');
    await s().waitFor('article-title', { why: 'Enter opens the overdose article' });
    await assertFocusKept('opening the overdose article');
  });

  test('Settings: change the auto-lock time', { timeout: 120_000 }, async () => {
    await openArea('settings');
    await tabTo(s(), 'auto-lock-select');
    const before = await s().executeScript('return document.activeElement.value;');
    await press(s(), KEY.ArrowDown);
    await s().waitFor('privacy-saved', { why: 'a new auto-lock time is saved' });
    const afterValue = await s().executeScript('return document.activeElement.value;');
    assert.notEqual(afterValue, before, 'the arrow key changes the auto-lock time');
  });

  test('backup and import reach the system file dialog', { timeout: 120_000 }, async () => {
    // "Back up now" and "Import" open the system's save and open dialogs, which are not the
    // app's page; reaching their buttons by Tab, with a focus ring, is as far as keys go here.
    await tabTo(s(), 'backup-now');
    await tabTo(s(), 'import-file');
    // A daily backup exists since the first unlock: restoring it needs no system dialog.
    await activate('backup-auto-restore', { backwards: true });
    await s().waitFor('restore-form', { why: 'Enter on a daily backup opens the restore form' });
    await assertFocusKept('opening the restore form');
    await tabTo(s(), 'restore-secret');
    await typeKeys(s(), PASSPHRASE);
    await activate('restore-inspect');
    await s().waitFor('restore-summary', { timeoutMs: KDF_TIMEOUT_MS, why: 'checking shows what the backup holds' });
    await assertFocusKept('checking a backup');
    await activate('restore-confirm');
    await s().waitFor('confirm-no', { why: 'Restore asks first' });
    await waitForFocus(s(), 'confirm-no');
    await assertAccessible(s(), 'the restore confirmation');
    await press(s(), KEY.Escape);
    await s().waitForAbsent('confirm-no', { why: 'Escape closes the question and restores nothing' });
    await waitForFocus(s(), 'restore-confirm');
  });

  test('at 200% text size no area scrolls sideways', { timeout: 180_000 }, async () => {
    await s().executeScript("document.documentElement.style.fontSize = '200%'; return true;");
    try {
      const overflowing = [];
      for (const area of ['today', 'sobriety', 'mood', 'journal', 'insights', 'library', 'sos', 'settings']) {
        await openArea(area);
        const wide = await s().executeScript(`
          const main = document.querySelector('main');
          const page = document.documentElement;
          const out = [];
          if (page.scrollWidth > page.clientWidth + 1) out.push('page ' + page.scrollWidth + '>' + page.clientWidth);
          if (main && main.scrollWidth > main.clientWidth + 1) {
            // Name what sticks out, so the failure says where to look.
            const edge = main.getBoundingClientRect().right;
            // Past main's edge, or a box its own content runs out of unseen (WebKit lets a
            // select's chosen option do that).
            const wide = [...main.querySelectorAll('*')]
              .filter((el) => el.getBoundingClientRect().right > edge + 1 ||
                (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible'))
              .slice(-3)
              .map((el) => el.tagName.toLowerCase() + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '.' + el.className));
            out.push('main ' + main.scrollWidth + '>' + main.clientWidth + ' (' + wide.join(', ') + ')');
          }
          return out;`);
        if (wide.length) overflowing.push(`${area}: ${wide.join(', ')}`);
      }
      await screenshot('keyboard-200-percent-settings');
      assert.deepEqual(overflowing, [], 'at 200% text size, these areas scroll sideways');
    } finally {
      await s().executeScript("document.documentElement.style.fontSize = ''; return true;");
    }
  });
});
