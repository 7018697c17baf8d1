// End to end in Spanish: started with LANG=es_ES.UTF-8, the real app speaks Spanish from the
// first screen (WebKitGTK's navigator.languages follows LANG), and one full flow (create a
// journal, add a clock, log a mood, open SOS) reads in Spanish, with dates and numbers in the
// Spanish way. Then a language chosen in Settings wins over the system's, from the lock screen on,
// after a restart. Each screen is saved light and dark in tests/e2e/artifacts/ to look at. The
// test command installs the es_ES.UTF-8 locale (WebKitGTK ignores LANG for a locale not installed).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { forceColorScheme, screenshot } from './lib/artifacts.mjs';
import {
  KDF_TIMEOUT_MS,
  clearOfSosRow,
  firstScreenCameDrawn,
  focusClearOfSosRow,
  inSightUnscrolled,
  localDateDaysAgo,
  setInputValue,
} from './lib/flows.mjs';
import { KEY, press } from './lib/keyboard.mjs';
import { pause, waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'una linterna en el muelle';

describe('Daybreak in Spanish, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-spanish-'));
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-spanish-exports-'));
  let app;
  const s = () => app.session;

  /** The screen as it is now, in the light and the dark styles. */
  async function both(name) {
    for (const scheme of ['light', 'dark']) {
      await forceColorScheme(s(), scheme);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await screenshot(`spanish-${name}-${scheme}`);
    }
    await forceColorScheme(s(), null);
  }

  const bodyText = async () => String(await s().executeScript('return document.body.innerText;'));
  /** The titles of the X server's windows: what a window list or a screen-sharing picker shows. */
  const windowTitles = () =>
    [...execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' }).matchAll(/^\s*0x[0-9a-f]+ "([^"]*)"/gm)].map((m) => m[1]);
  const titled = (title, why) => waitUntil(async () => windowTitles().includes(title), { message: why });
  /** Runs `work` with the window at its smallest, 720x520, then gives it its size back. */
  const inTheSmallestWindow = async (work) => {
    const { width, height } = await s().cmd('GET', '/window/rect');
    await s().cmd('POST', '/window/rect', { width: 720, height: 520 });
    try {
      await waitUntil(async () => (await s().executeScript('return innerHeight;')) < 600, {
        message: 'the window is 720x520',
      });
      await work();
    } finally {
      await s().cmd('POST', '/window/rect', { width, height });
      await waitUntil(async () => (await s().executeScript('return innerWidth;')) > 800, {
        message: 'the window is back to its size',
      });
    }
  };

  const SPANISH_SYSTEM = {
    LANG: 'es_ES.UTF-8',
    LC_ALL: 'es_ES.UTF-8',
    LANGUAGE: 'es_ES:es',
    DAYBREAK_EXPORT_DIR: exportDir,
  };

  before(async () => {
    app = await launchApp({ dataDir, name: 'spanish', env: SPANISH_SYSTEM });
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  test('the system language is Spanish, so the first screen is', { timeout: 120_000 }, async () => {
    await s().waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
    assert.ok(await firstScreenCameDrawn(s()), 'the welcome screen came drawn in the page, and the code took it over');
    const [language, lang] = await s().executeScript('return [navigator.language, document.documentElement.lang];');
    assert.match(String(language), /^es\b/i, 'WebKitGTK gives the page the language LANG names');
    assert.equal(lang, 'es', 'the page says it is in Spanish (screen readers read it so)');
    const text = await bodyText();
    assert.match(text, /Te damos la bienvenida a Daybreak/, 'the welcome heading is Spanish');
    assert.match(text, /Crear mi diario/, 'the create button is Spanish');
    assert.doesNotMatch(text, /Welcome to Daybreak|Create my journal/, 'no English left on the welcome screen');
    // The longer Spanish words make the screen taller than the window: SOS keeps in sight.
    assert.ok(await inSightUnscrolled(s(), 'lock-sos'), 'SOS shows without scrolling');
    assert.ok(await clearOfSosRow(s(), 'create-submit'), 'the Create button too, whole, above the SOS row');
    await both('01-welcome');

    // In the smallest window, each control Tab reaches is brought clear of the SOS row.
    await inTheSmallestWindow(async () => {
      const fromTheTop = `scrollTo(0, 0); document.querySelector('h1').focus();`;
      await s().executeScript(fromTheTop);
      const stops = [];
      while (!stops.includes('lock-sos')) {
        assert.ok(stops.length < 12, `Tab reaches SOS on the welcome screen; it went ${stops.join(' -> ')}`);
        await press(s(), KEY.Tab);
        const reached = async () => {
          const focus = await focusClearOfSosRow(s());
          return focus.clear && focus;
        };
        const after = stops.at(-1) ?? 'the heading';
        const message = `what Tab reaches after ${after} at 720x520 shows whole above the SOS row`;
        stops.push((await waitUntil(reached, { timeoutMs: 3000, message })).name);
      }

      // A press of the mouse on a field partly under the row's fade focuses it where it is:
      // moving the page between the press and the release would drop the click elsewhere.
      await s().executeScript(fromTheTop);
      assert.equal(await s().executeScript('return scrollY;'), 0, 'the page is at its top');
      assert.equal(await clearOfSosRow(s(), 'create-confirm'), false, 'so the field is partly under the fade');
      const [x, y] = await s().executeScript(
        `const r = document.querySelector('[data-testid="create-confirm"]').getBoundingClientRect();
         return [Math.round(r.left + 40), Math.round(r.bottom - 4)];`,
      );
      const down = [{ type: 'pointerMove', x, y, origin: 'viewport' }, { type: 'pointerDown', button: 0 }];
      const up = [{ type: 'pause', duration: 150 }, { type: 'pointerUp', button: 0 }];
      const mouse = { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' } };
      await s().cmd('POST', '/actions', { actions: [{ ...mouse, actions: [...down, ...up] }] });
      await pause(300);
      const [focused, scrolled] = await s().executeScript('return [document.activeElement.dataset.testid, scrollY];');
      assert.equal(focused, 'create-confirm', 'the press focuses the field');
      assert.equal(scrolled, 0, 'and the page stays where it was under the pointer');
    });
  });

  test('create a journal: the recovery key screen and Today are in Spanish', { timeout: 180_000 }, async () => {
    await s().type('create-passphrase', PASSPHRASE);
    await s().type('create-confirm', PASSPHRASE);
    await s().click('create-submit');
    const keyEl = await s().waitFor('recovery-key', { timeoutMs: KDF_TIMEOUT_MS, why: 'creating shows the recovery key' });
    const text = await bodyText();
    assert.match(text, /Tu clave de recuperación/);
    assert.match(text, /Anótala en papel/);
    await both('02-recovery-key');
    const key = String(await keyEl.property('textContent')).trim();
    const index = Number(await s().attribute('recovery-confirm-input', 'data-group-index'));
    await s().type('recovery-confirm-input', key.split('-')[index], { verify: false });
    await s().click('recovery-confirm-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'confirming the recovery key opens the shell' });
    await s().waitFor('today-empty', { why: 'Today invites a first clock' });
    const today = await bodyText();
    assert.match(today, /Empieza a contar tus días/, 'Today speaks Spanish');
    assert.match(today, /Crear un contador/);
    await both('03-today-empty');
  });

  test('add a clock: thirty days read “30 días”', { timeout: 120_000 }, async () => {
    await s().click('nav-sobriety');
    await s().click('new-clock-button');
    await s().waitFor('clock-form', { why: 'the new-clock button opens the form' });
    await s().type('clock-name', 'Alcohol');
    await setInputValue(s(), 'clock-start-date', localDateDaysAgo(30));
    await setInputValue(s(), 'clock-start-time', '00:00');
    await s().click('clock-save');
    await s().waitForAbsent('clock-form', { why: 'saving closes the form' });
    const days = await s().waitFor('clock-days', { why: 'the new clock appears as a card' });
    assert.equal((await days.text()).trim(), '30 días', 'the day count is Spanish, with its plural');
    const text = await bodyText();
    assert.match(text, /Sobriedad/, 'the Sobriety heading is Spanish');
    assert.match(text, /Sin consumir desde hace/, 'the clock card is Spanish');
    await both('04-sobriety');

    await s().click('nav-today');
    await s().waitFor('today-days', { why: 'Today shows the main clock' });
    assert.equal((await s().text('today-days')).trim(), '30 días');
    if (await s().exists('milestone-celebration')) {
      assert.match(await s().text('milestone-celebration'), /Un hito|Gracias/, 'the celebration is Spanish');
      await both('05-celebration');
      await s().click('celebration-dismiss');
      await s().waitForAbsent('milestone-celebration', { why: 'dismissing closes the celebration' });
    }
    assert.match(await bodyText(), /He tenido un desliz/, 'the slip button is Spanish');
    await both('06-today');
  });

  test('log a mood', { timeout: 120_000 }, async () => {
    await s().click('nav-mood');
    const heading = await bodyText();
    assert.match(heading, /Ánimo y detonantes/, 'the area is named in Spanish');
    assert.match(heading, /Anotar ganas de consumir/);
    await s().click('log-mood-button');
    await s().waitFor('mood-form', { why: 'the log-mood button opens the mood form' });
    await s().click('mood-4');
    await both('07-mood-form');
    await s().click('mood-save');
    await s().waitFor('mood-saved', { why: 'saving a mood confirms it' });
    await s().waitForAbsent('mood-form', { why: 'the mood form closes after saving' });
    await both('08-mood-saved');
  });

  // Spanish names run longer than English ones, and the open area's name is bold: "Ánimo y
  // detonantes" once wrapped onto a second line when opened, pushing every item below it down.
  test('the sidebar stays put whichever area is open', { timeout: 120_000 }, async () => {
    const places = () =>
      s().executeScript(
        `return [...document.querySelectorAll('nav [data-testid^="nav-"]')]
           .map((b) => { const r = b.getBoundingClientRect(); return Math.round(r.top) + '+' + Math.round(r.height); })
           .join(' ');`,
      );
    // Every area the sidebar lists, read from it, so a new area is checked too.
    const areas = await s().executeScript(
      `return [...document.querySelectorAll('nav [data-testid^="nav-"]')].map((b) => b.dataset.testid.slice(4));`,
    );
    assert.ok(areas.length >= 8, `the sidebar lists every area (found ${areas.join(', ')})`);
    const openEachArea = async (size) => {
      let first = null;
      for (const area of areas) {
        await s().click(`nav-${area}`);
        await waitUntil(
          () => s().executeScript(`return document.querySelector('[data-testid="nav-${area}"]').getAttribute('aria-current') === 'page';`),
          { message: `the ${area} item is marked as the open area` },
        );
        const now = await places();
        first ??= now;
        assert.equal(now, first, `${size}: opening ${area} moves the sidebar's items (top+height of each)`);
      }
    };
    await openEachArea('the default window');
    // The smallest window: the sidebar at its narrowest, where a bold name may need two lines.
    await inTheSmallestWindow(() => openEachArea('720x520'));
  });

  test('open SOS: breathing, the delay and the overdose steps are in Spanish', { timeout: 120_000 }, async () => {
    await s().click('nav-sos');
    await s().waitFor('overdose-steps', { why: 'SOS shows the overdose steps' });
    const text = await bodyText();
    assert.match(text, /Respira conmigo/, 'the breathing exercise is Spanish');
    assert.match(text, /Si alguien puede estar sufriendo una sobredosis/, 'the overdose steps are Spanish');
    assert.match(text, /Dale naloxona/);
    assert.match(text, /Date un tiempo/, 'play the delay is Spanish');
    assert.match(text, /Número de emergencias, España\./, 'the country beside the number is named in Spanish');
    assert.doesNotMatch(text, /If someone may have overdosed|Breathe with me/, 'no English left in SOS');
    await both('09-sos');
  });

  test('the library names its topics in Spanish', { timeout: 120_000 }, async () => {
    await s().click('nav-library');
    await s().waitFor('library-topic-jump', { why: 'the library lists its topics' });
    const topics = String(
      await s().executeScript(
        `return [...document.querySelectorAll('[data-testid="library-topic-jump"]')].map((b) => b.textContent.trim()).join('|');`,
      ),
    ).split('|');
    assert.ok(topics.includes('Sobredosis'), `the overdose topic is Spanish (${topics})`);
    assert.ok(topics.includes('Ganas de consumir'), `the cravings topic is Spanish (${topics})`);
    assert.ok(!topics.some((t) => /^(Overdose|Cravings|The brain|Support)$/.test(t)), `no English topic (${topics})`);

    // Searching reads the Spanish articles: a Spanish word, typed whole (a space after it, so not
    // as a prefix) and without its accent, finds the one it is in ("médica", in withdrawal's title).
    await s().type('library-search', 'ayuda medica ', { verify: false });
    await s().waitFor('library-result', { why: 'searching in Spanish finds articles' });
    assert.match(await s().text('library-results'), /La abstinencia de opioides/, 'the withdrawal article, by its Spanish title');
  });

  test('the open exports are saved under Spanish names, and the screen says where', { timeout: 120_000 }, async () => {
    await s().click('nav-settings');
    for (const [testId, name] of [
      ['export-json', /^exportacion-daybreak-\d{4}-\d\d-\d\d\.json$/],
      ['export-csv', /^hojas-de-calculo-daybreak-\d{4}-\d\d-\d\d\.zip$/],
    ]) {
      await s().click(testId);
      const shown = await s().waitFor(`${testId}-path`, { timeoutMs: 30_000, why: `${testId} says where it went` });
      const saved = fs.readdirSync(exportDir).find((file) => name.test(file));
      assert.ok(saved, `${testId}: a file named ${name} in ${fs.readdirSync(exportDir)}`);
      assert.ok((await shown.text()).includes(saved), `${testId}: the screen names ${saved}`);
    }
    await s().executeScript(`document.querySelector('[data-testid="export-csv-path"]').scrollIntoView({ block: 'center' });`);
    await both('09b-exports-saved');
  });

  test('English chosen in Settings is spoken after a restart, from the lock screen on', { timeout: 180_000 }, async () => {
    await s().click('nav-settings');
    const select = await s().waitFor('language-select', { why: 'Settings offers the language' });
    assert.match(await bodyText(), /Daybreak te habla en/, 'the language setting itself is Spanish first');
    // The neutral window title is the plain word Settings promises, in the language spoken.
    await titled('Daybreak', 'xwininfo sees the window, titled Daybreak until asked otherwise');
    await s().click('neutral-title');
    await titled('Notas', 'the neutral title is the Spanish word');
    assert.ok(!windowTitles().includes('Daybreak'), 'no window says Daybreak');
    await s().executeScript(
      `const el = arguments[0]; el.value = 'en'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [select],
    );
    await s().waitFor('language-saved', { why: 'the language is saved' });
    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    assert.equal(settings.language, 'en', 'the plain settings file holds the language');
    assert.match(await bodyText(), /Daybreak speaks/, 'the screen changed language at once');
    assert.equal(await s().executeScript('return document.documentElement.lang;'), 'en');
    await titled('Notes', 'the neutral title is said again in English');

    await app.close();
    app = await launchApp({ dataDir, name: 'spanish-restarted', env: SPANISH_SYSTEM });
    await s().waitFor('unlock-passphrase', { timeoutMs: 60_000, why: 'a restart shows the lock screen' });
    assert.ok(await firstScreenCameDrawn(s()), 'the lock screen came drawn in the page, and the code took it over');
    const lockScreen = await bodyText();
    assert.match(lockScreen, /Unlock/, 'the lock screen speaks the chosen English');
    assert.doesNotMatch(lockScreen, /Desbloquear/, 'not the system’s Spanish');
    await both('10-lock-screen-english');
  });
});
