// End to end: reminders. An evening reminder set a minute ahead arrives at a stand-in desktop
// notification service on the run's private session bus, in neutral words with none of the
// journal's text; clicking it opens the check-in. Closing the window with reminders on leaves
// Daybreak running in the tray, locked.
//
// The stand-in is src-tauri/examples/notification_stand_in.rs (built here if missing). The
// window's close button is pressed by tests/e2e/lib/close-window.py, as a window manager would.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { exampleBinary } from './lib/examples.mjs';
import { colourOnScreen, readmeScreenshot, screenshot } from './lib/artifacts.mjs';
import { KDF_TIMEOUT_MS, createJournal, setInputValue } from './lib/flows.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'lantern over still water';
const SECRET_WORDS = 'heron-unique-reminder-entry';
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the stand-in; resolves once it owns the name. `received` fills as notifications come. */
async function startStandIn() {
  const child = spawn(exampleBinary('notification_stand_in'), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const received = [];
  let ready = false;
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    if (message.ready) ready = true;
    else received.push(message);
  });
  await waitUntil(async () => ready, { timeoutMs: 20_000, message: 'the stand-in notification service is on the bus' });
  return {
    received,
    click: (id) => child.stdin.write(`click ${id}\n`),
    stop: () => child.kill(),
  };
}

/** Local wall-clock HH:MM, `minutes` from now. */
function hhmm(minutes) {
  const d = new Date(Date.now() + minutes * 60_000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

describe('Reminders, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-reminders-'));
  let app;
  let service;
  const s = () => app.session;

  before(async () => {
    assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'run.sh gives the run a private session bus');
    service = await startStandIn();
    app = await launchApp({ dataDir, name: 'reminders' });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close({ graceMs: 2_000 });
    if (service) service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('an evening reminder a minute ahead arrives in neutral words, and its click opens the check-in', { timeout: 240_000 }, async (t) => {
    // Something of the journal's own, which no notification may carry.
    await s().click('nav-journal');
    await s().click('journal-new');
    await s().type('journal-body', `Today I wrote ${SECRET_WORDS}.`);

    await s().click('nav-settings');
    await s().waitFor('reminder-settings', { why: 'Settings has a Reminders section' });
    await s().click('reminder-evening');
    await s().waitFor('close-to-tray-question', { why: 'turning a reminder on asks once about the tray' });
    await s().click('close-to-tray-yes');
    await s().waitFor('close-to-tray', { why: 'the answer is kept and can be changed' });
    // At least a minute ahead, on a whole minute that is still to come.
    const at = hhmm(new Date().getSeconds() > 50 ? 2 : 1);
    await setInputValue(s(), 'reminder-evening-time', at);
    await s().waitForText('reminders-saved', 'Saved.');
    await s().executeScript(`document.querySelector('[data-testid="reminder-settings"]').scrollIntoView();`);
    await screenshot('reminders-01-settings');
    // The app draws its checkboxes: in the dark styles an empty one is dark like its card, not the
    // light box WebKitGTK draws from the GTK theme whatever the page's colours.
    const light = (rgb) => (rgb[0] + rgb[1] + rgb[2]) / 3;
    const darkBox = await colourOnScreen(s(), 'reminder-morning', 'dark');
    assert.ok(light(darkBox) < 90, `an empty checkbox is dark in the dark styles (${darkBox})`);
    const lightBox = await colourOnScreen(s(), 'reminder-morning', 'light');
    assert.ok(light(lightBox) > 200, `an empty checkbox is light in the light styles (${lightBox})`);
    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    assert.equal(settings.reminders.evening, `${at}:00`, 'the time is kept in the plain settings file');
    assert.ok(!JSON.stringify(settings).includes(SECRET_WORDS), 'the plain file holds no journal text');

    // Elsewhere in the app, so landing on the check-in shows the click did it.
    await s().click('nav-insights');
    const sent = Date.now();
    await waitUntil(async () => service.received.length > 0, {
      timeoutMs: 150_000,
      message: `the evening reminder (${at}) reaches the notification service`,
    });
    t.diagnostic(`reminder arrived ${Math.round((Date.now() - sent) / 1000)} s after leaving Settings`);
    const [notice] = service.received;
    assert.equal(notice.appName, 'Daybreak');
    assert.equal(notice.summary, 'Daybreak', 'neutral by default: nothing says what it is for');
    assert.equal(notice.body, 'A moment for yourself');
    for (const text of [SECRET_WORDS, 'check-in', 'sober', 'days']) {
      assert.ok(!JSON.stringify(notice).toLowerCase().includes(text.toLowerCase()), `the notification must not contain ${text}`);
    }
    assert.deepEqual(notice.actions.slice(0, 1), ['default'], 'a click on it is an action');

    service.click(notice.id);
    await s().waitFor('view-today', { why: 'the evening reminder opens Today' });
    await s().waitFor('checkin-panel', { why: '...with the check-in open' });
    await screenshot('reminders-02-check-in-after-click');

    // One reminder, not one a minute.
    await new Promise((r) => setTimeout(r, 5_000));
    assert.equal(service.received.length, 1, 'the reminder came once');

    // The README's picture of these settings, at an evening's time rather than the test's.
    await s().click('nav-settings');
    await s().waitFor('reminder-settings', { why: 'back in Settings' });
    await setInputValue(s(), 'reminder-evening-time', '20:30');
    await waitUntil(
      async () => JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).reminders.evening === '20:30:00',
      { message: 'the evening time of 20:30 is kept' },
    );
    await s().executeScript(`document.querySelector('[data-testid="reminder-settings"]').scrollIntoView();`);
    await readmeScreenshot(s(), 'reminders-settings');
  });

  test('closing the window with reminders on leaves Daybreak running in the tray, locked', { timeout: 120_000 }, async () => {
    const pids = app.appPids();
    assert.ok(pids.length > 0, 'the app is running');
    const asked = execFileSync('python3', [path.join(repo, 'tests/e2e/lib/close-window.py'), 'Daybreak']).toString().trim();
    assert.equal(asked, '1', 'the close button of the one window was pressed');
    await s().waitFor('unlock-passphrase', { timeoutMs: KDF_TIMEOUT_MS, why: 'closing into the tray locks the journal' });
    await new Promise((r) => setTimeout(r, 2_000));
    assert.deepEqual(app.appPids(), pids, 'the same process is still running');
    const html = String(await s().executeScript('return document.body.innerHTML;'));
    assert.ok(!html.includes(SECRET_WORDS), 'nothing of the journal is left on the page');
    const visible = await s().executeScript('return document.visibilityState;');
    assert.equal(visible, 'hidden', 'the window is hidden');
  });
});
