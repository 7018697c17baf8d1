// End to end: help for any country. With the C locale (no region at all) the lock screen's
// SOS shows no country's numbers, only "call your local emergency number" and the country
// list; after a country is chosen in Settings, the locked app's SOS shows that country's
// emergency number, read from the plain settings file beside the journal.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { KDF_TIMEOUT_MS, createJournal } from './lib/flows.mjs';

const PASSPHRASE = 'a lantern on the quay';

describe('SOS for any country, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-sos-country-'));
  let app;
  const s = () => app.session;

  before(async () => {
    // No region anywhere: C names no country.
    app = await launchApp({
      dataDir,
      name: 'sos-country',
      env: { LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' },
    });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openLockScreenSos() {
    await s().click('lock-button');
    await s().waitFor('unlock-passphrase', { why: 'locking shows the unlock screen' });
    await s().click('lock-sos');
    await s().waitFor('public-sos', { why: 'the lock screen opens the public SOS panel' });
    await s().waitFor('crisis-lines', { why: 'the helplines section is public' });
  }

  async function closeSosAndUnlock() {
    await s().click('public-sos-close');
    await s().waitForAbsent('public-sos', { why: 'the panel closes' });
    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'unlocking opens the journal' });
  }

  test('with LANG=C the lock screen SOS shows no 911 and offers the country list', { timeout: 120_000 }, async () => {
    await openLockScreenSos();
    await s().waitFor('sos-country-picker', { why: 'with no country known, the list is right in the top strip' });
    assert.match(
      (await s().text('sos-call-local')).replace(/\s+/g, ' '),
      /call your local emergency number now/,
      'SOS says to call the local emergency number',
    );
    assert.equal(await s().exists('sos-emergency-number'), false, 'no country’s emergency number is shown');
    assert.equal((await s().findAll('crisis-line')).length, 0, 'no country’s lines are listed');
    const panel = await s().text('public-sos');
    for (const number of ['911', '988', '999']) {
      assert.ok(!panel.includes(number), `no ${number} for a person whose country is unknown`);
    }
    assert.match(await s().text('sos-elsewhere'), /findahelpline\.com/, 'the worldwide directory is named');
    await screenshot('sos-country-01-unknown-locked');
    await closeSosAndUnlock();
  });

  test('a country chosen in Settings is shown by the lock screen SOS while locked', { timeout: 120_000 }, async () => {
    await s().click('nav-settings');
    const select = await s().waitFor('crisis-country-setting', { why: 'Settings offers the crisis lines’ country' });
    await s().executeScript(
      `const el = arguments[0]; el.value = 'IE'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [select],
    );
    await s().waitFor('privacy-saved', { why: 'the country is saved' });
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    assert.equal(saved.country, 'IE', 'the plain settings file holds the country');

    await openLockScreenSos();
    await s().waitFor('sos-emergency-number', { why: 'the chosen country’s emergency number is shown' });
    assert.equal(await s().text('sos-emergency-number'), '112', 'Ireland’s emergency number, while locked');
    const numbers = await Promise.all((await s().findAll('crisis-number')).map((n) => n.text()));
    assert.ok(numbers.includes('116 123'), 'with Samaritans Ireland');
    assert.ok(!numbers.includes('911'), 'and no US number');
    assert.equal(await s().exists('sos-country-picker'), false, 'no need to choose again');
    assert.equal(await s().exists('sidebar'), false, 'the journal is still locked');
    await screenshot('sos-country-02-chosen-locked');
  });
});
