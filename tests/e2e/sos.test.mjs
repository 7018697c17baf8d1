// End to end: SOS. From the lock screen open SOS and see the crisis lines without unlocking;
// unlock, add a person and a reason and see them in SOS; fill the relapse prevention plan and
// export it as a readable page.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { readmeScreenshot, screenshot } from './lib/artifacts.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { KDF_TIMEOUT_MS, assertWindowDoesNotScroll, createJournal } from './lib/flows.mjs';
import { pause, waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'lifeboat in the harbour';

describe('SOS and the relapse prevention plan, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-sos-'));
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-export-'));
  let app;
  const s = () => app.session;

  before(async () => {
    // The app writes the plan's printable page here instead of ~/Downloads.
    process.env.DAYBREAK_EXPORT_DIR = exportDir;
    // A region the crisis table has, so the lock screen lists lines (with no region at all,
    // as under LANG=C, SOS lists none: sos-country.test.mjs checks that).
    app = await launchApp({ dataDir, name: 'sos', env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  /** Scrolls a control to the middle of the view first: the plan page keeps its save bar
   *  pinned at the bottom, which would cover a control WebDriver scrolled only to the edge. */
  async function clickCentered(testId) {
    await s().waitFor(testId, { why: `${testId} is on the page` });
    await s().executeScript(
      `document.querySelector('[data-testid="' + arguments[0] + '"]').scrollIntoView({ block: 'center' });`,
      [testId],
    );
    await s().click(testId);
  }

  test('from the lock screen, SOS shows crisis lines without unlocking', { timeout: 120_000 }, async () => {
    await s().click('lock-button');
    await s().waitFor('unlock-passphrase', { why: 'locking shows the unlock screen' });
    await s().click('lock-sos');
    await s().waitFor('public-sos', { why: 'the lock screen opens the public SOS panel' });
    const lines = await s().waitFor('crisis-lines', { why: 'crisis lines are public' });
    assert.ok((await s().findAll('crisis-line')).length >= 1, 'at least one crisis line is listed');
    assert.match(await lines.text(), /\d/, 'numbers are shown');
    assert.ok(await s().isShown('overdose-steps'), 'the overdose steps are public too');
    assert.equal(await s().exists('my-people'), false, 'private parts stay hidden while locked');
    assert.equal(await s().exists('sidebar'), false, 'the journal is still locked');
    await screenshot('sos-01-lock-screen');
    await readmeScreenshot(s(), 'sos-lock-screen');
    // Below the fold on a US desktop: 988's line in Spanish, reached through the call's menu.
    const spanishLine = await s().executeScript(
      `const line = [...document.querySelectorAll('[data-testid="crisis-line"]')].find((l) => /español/.test(l.innerText));
       line?.scrollIntoView({ block: 'center' });
       return line ? line.innerText : null;`,
    );
    assert.match(String(spanishLine), /988 Lifeline en español[\s\S]*\b2\b[\s\S]*988/, 'the Spanish line says which option to press');
    await waitUntil(
      () =>
        s().executeScript(
          `const line = [...document.querySelectorAll('[data-testid="crisis-line"]')].find((l) => /español/.test(l.innerText));
           const { top, bottom } = line.getBoundingClientRect();
           return top >= 0 && bottom <= innerHeight;`,
        ),
      { message: 'the Spanish line is scrolled into the window' },
    );
    await pause(300);
    await screenshot('sos-01-lock-screen-988-spanish');
    await s().click('public-sos-close');
    await s().waitForAbsent('public-sos', { why: 'the panel closes' });
    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'unlocking opens the journal' });
  });

  test('a person and a reason added in SOS are shown there', { timeout: 120_000 }, async () => {
    await s().click('nav-sos');
    await s().waitFor('my-people', { why: 'SOS shows my people when unlocked' });
    await s().click('person-add');
    await s().type('person-name', 'Sam (sponsor)');
    await s().type('person-phone', '555 0100');
    await assertAccessible(s(), 'the person form');
    await s().click('person-save');
    const person = await s().waitFor('person-row', { why: 'the new person is listed' });
    assert.match(await person.text(), /Sam \(sponsor\)/);
    assert.match(await person.text(), /555 0100/);
    await s().type('reason-input', 'My little sister looks up to me');
    await s().click('reason-add');
    const reason = await s().waitFor('reason-item', { why: 'the new reason is shown' });
    assert.match(await reason.text(), /My little sister looks up to me/);
    await screenshot('sos-02-people-reasons');
  });

  test('the plan is filled in, saved and exported as a readable page', { timeout: 120_000 }, async () => {
    await s().click('open-plan');
    await s().waitFor('relapse-plan', { why: 'the plan opens from SOS' });
    await s().type('plan-input-warningSigns', 'Skipping meals and staying in my room');
    await clickCentered('plan-add-warningSigns');
    await s().type('plan-input-copingStrategies', 'Walk to the harbour and call Sam');
    await clickCentered('plan-add-copingStrategies');
    await s().type('plan-if-i-slip', 'Tell Sam the same day and be kind to myself.');
    await assertAccessible(s(), 'the relapse prevention plan');
    await clickCentered('plan-save');
    await s().waitFor('plan-saved', { why: 'saving the plan confirms it' });
    await clickCentered('plan-export');
    const where = await s().waitFor('plan-export-path', { why: 'exporting says where the page went' });
    const shown = (await where.text()).trim();
    const files = fs.readdirSync(exportDir).filter((f) => f.endsWith('.html'));
    assert.equal(files.length, 1, `one printable page was written to ${exportDir}`);
    assert.ok(shown.includes(files[0]), `the app names the file it wrote: ${shown}`);
    const html = fs.readFileSync(path.join(exportDir, files[0]), 'utf8');
    assert.match(html, /readable by anyone/, 'the page is clearly marked as readable');
    assert.match(html, /Skipping meals and staying in my room/);
    assert.match(html, /Sam \(sponsor\)/);
    assert.match(html, /My little sister looks up to me/);
    // Controls far down the plan were scrolled to (clickCentered), and only SOS's pane moved.
    await assertWindowDoesNotScroll(s(), 'SOS, after its plan was edited');
    await screenshot('sos-03-plan-exported');
  });
});
