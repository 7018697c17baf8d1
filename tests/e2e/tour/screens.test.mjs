// Every screen, in one language, light and dark: the tour scripts/screenshots.sh runs once per
// language (TOUR_LANG, e.g. es_ES.UTF-8) to see how each screen reads, overflows or wraps.
// Not part of the end-to-end suite (run.sh's default glob does not reach this folder), though
// it checks what it visits: each screen must show.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from '../lib/app.mjs';
import { forceColorScheme, screenshot } from '../lib/artifacts.mjs';
import { KDF_TIMEOUT_MS, localDateDaysAgo, setInputValue } from '../lib/flows.mjs';

const LANG = process.env.TOUR_LANG || 'en_US.UTF-8';
const TAG = LANG.slice(0, 2);
const PASSPHRASE = 'a lantern on the quay';
const AREAS = ['today', 'sobriety', 'mood', 'journal', 'insights', 'library', 'sos', 'settings'];

describe(`every screen (${LANG})`, { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-tour-'));
  let app;
  const s = () => app.session;
  let n = 0;

  async function both(name) {
    n += 1;
    for (const scheme of ['light', 'dark']) {
      await forceColorScheme(s(), scheme);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await screenshot(`${TAG}-${String(n).padStart(2, '0')}-${name}-${scheme}`);
    }
    await forceColorScheme(s(), null);
  }

  before(async () => {
    app = await launchApp({ dataDir, name: `tour-${TAG}`, env: { LANG, LC_ALL: LANG, LANGUAGE: LANG.split('.')[0] } });
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('first run, every area, the lock screen and its SOS', { timeout: 600_000 }, async () => {
    await s().waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
    await both('welcome');
    await s().click('join-start');
    await s().waitFor('join-submit', { why: '"I already use Daybreak on another computer" opens the join form' });
    await both('join-from-folder');
    await s().click('join-back');
    await s().type('create-passphrase', PASSPHRASE);
    await s().type('create-confirm', PASSPHRASE);
    await s().click('create-submit');
    const keyEl = await s().waitFor('recovery-key', { timeoutMs: KDF_TIMEOUT_MS, why: 'creating shows the key' });
    await both('recovery-key');
    const key = String(await keyEl.property('textContent')).trim();
    const index = Number(await s().attribute('recovery-confirm-input', 'data-group-index'));
    await s().type('recovery-confirm-input', key.split('-')[index], { verify: false });
    await s().click('recovery-confirm-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the shell opens' });

    // Something to show: a clock of 30 days and a mood.
    await s().click('nav-sobriety');
    await s().click('new-clock-button');
    await s().waitFor('clock-form', { why: 'the clock form opens' });
    await both('clock-form');
    await s().type('clock-name', 'Alcohol');
    await setInputValue(s(), 'clock-start-date', localDateDaysAgo(30));
    await setInputValue(s(), 'clock-start-time', '00:00');
    await s().click('clock-save');
    await s().waitForAbsent('clock-form', { why: 'saving closes the form' });
    if (await s().exists('milestone-celebration')) {
      await both('celebration');
      await s().click('celebration-dismiss');
    }
    await s().click('nav-mood');
    await s().click('log-mood-button');
    await s().waitFor('mood-form', { why: 'the mood form opens' });
    await s().click('mood-4');
    await s().click('halt-tired'); // a ticked box beside unticked ones
    await both('mood-form');
    await s().click('mood-save');
    await s().waitForAbsent('mood-form', { why: 'the mood form closes' });

    for (const area of AREAS) {
      await s().click(`nav-${area}`);
      await s().waitFor(`view-${area}`, { why: `the ${area} area shows` });
      await new Promise((resolve) => setTimeout(resolve, 800));
      if (await s().exists('milestone-celebration')) await s().click('celebration-dismiss');
      await both(`area-${area}`);
    }
    // A reading, open in the reader: the first the library lists.
    await s().click('nav-library');
    await s().click('library-item-open');
    await s().waitFor('article-body', { why: 'the reading opens' });
    await both('article');

    // Today → Check in: the evening form's radio buttons, one chosen in each group.
    await s().click('nav-today');
    await s().click('today-check-in');
    await s().click('checkin-sober-yes');
    await s().click('checkin-difficulty-2');
    await s().executeScript(`document.querySelector('[data-testid="checkin-difficulty"]').scrollIntoView({ block: 'center' });`);
    await both('check-in');
    await s().click('checkin-close');
    await s().click('nav-settings');
    await s().waitFor('view-settings', { why: 'Settings shows again' });

    // Settings → Use on two computers, further down the page than the area's first screenful.
    await s().executeScript(`document.querySelector('[data-testid="sync-settings"]').scrollIntoView({ block: 'start' });`);
    await both('settings-sync');

    await s().click('lock-button');
    await s().waitFor('unlock-passphrase', { why: 'locking shows the unlock screen' });
    await both('unlock');
    await s().click('lock-sos');
    await s().waitFor('public-sos', { why: 'the lock screen opens SOS' });
    await both('lock-screen-sos');
  });
});
