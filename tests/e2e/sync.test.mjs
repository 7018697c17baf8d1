// End-to-end: one journal on two computers, over the real sync engine. Two Daybreak windows,
// each with its own data folder and its own D-Bus session bus (the single-instance handover
// goes over the bus, and would otherwise send the second launch to the first window), and two
// Syncthing daemons on 127.0.0.1 keeping one folder in step between them (lib/syncthing.mjs).
//
// A creates a journal and chooses its side of the synced folder in Settings; B joins from the
// welcome screen with the passphrase; a mood logged on A leaves by itself within seconds and
// appears on B, and one logged on B appears on A, each through the folder watch, the "changes
// arrived" notice and the timeline. Then the same mood edited on both ends the same on both (the
// later edit), a mood deleted on B disappears on A, Settings lists both computers, and a
// passphrase changed on A is the one B asks for after locking. Last, a third computer C joins,
// and its screen locks while the key is derived: C is joined and locked, and its next unlock
// rebuilds it before its screens show, so the first look finds the moods and nothing "arrives".

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { createJournal, inSightUnscrolled, KDF_TIMEOUT_MS } from './lib/flows.mjs';
import { KEY, press } from './lib/keyboard.mjs';
import { startSyncthingPair } from './lib/syncthing.mjs';
import { pause, waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'two kitchens, one journal';
const SYNC_TIMEOUT_MS = 60_000;

/** A private D-Bus session bus: `{ address, close() }`. */
async function privateBus() {
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const address = await new Promise((resolve, reject) => {
    child.once('error', reject);
    lines.once('line', (line) => resolve(line.trim()));
  });
  lines.close();
  return {
    address,
    close: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

/** The names of the change files under `folder`'s daybreak-sync, sorted. */
function changeFiles(folder) {
  const root = path.join(folder, 'daybreak-sync');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(root, d.name)).filter((n) => /^\d{12}$/.test(n)).map((n) => `${d.name}/${n}`))
    .sort();
}

/** Logs a mood (4, "good") with `note` through the mood form. */
async function logMood(s, note) {
  await s.click('nav-mood');
  await s.click('log-mood-button');
  await s.waitFor('mood-form', { why: 'the log-mood button opens the mood form' });
  await s.click('mood-4');
  await s.type('mood-note', note);
  await s.click('mood-save');
  await s.waitFor('mood-saved', { why: 'saving a mood confirms it' });
}

/** Waits until `folder` holds more change files than `before`: a change went out. */
async function sent(folder, before, what) {
  await waitUntil(() => changeFiles(folder).length > before, {
    timeoutMs: 20_000,
    message: `${what} is written into a change file`,
  });
}

/**
 * The journal's timeline as text, opened afresh (another area first, so it reloads). The tab
 * is pressed again until it is the one selected: a "changes arrived" notice that shows just as
 * it is clicked moves the area down under the pointer, and the click lands above it.
 */
async function freshTimeline(s) {
  await s.click('nav-today');
  await s.click('nav-journal');
  await waitUntil(
    async () => {
      if (await s.isShown('timeline-error')) throw new Error('the timeline could not load');
      const tab = await s.findDisplayed('journal-tab-timeline');
      if (tab && (await tab.attribute('aria-selected')) !== 'true') await tab.click();
      return s.findDisplayed('timeline-item');
    },
    { timeoutMs: 20_000, message: 'the timeline tab is selected and loads its first page' },
  );
  return String(await s.executeScript('return document.body.innerText;', []));
}

/** Waits until the timeline shows every note of `shown` and none of `gone`. */
async function timelineSettles(s, { shown = [], gone = [] }, who) {
  await waitUntil(
    async () => {
      const text = await freshTimeline(s);
      return shown.every((n) => text.includes(n)) && !gone.some((n) => text.includes(n));
    },
    { timeoutMs: SYNC_TIMEOUT_MS, message: `${who}'s timeline shows ${JSON.stringify(shown)} and not ${JSON.stringify(gone)}` },
  );
}

/** Clicks the button `testId` inside the timeline row whose text holds one of `notes`. */
async function clickInRow(s, notes, testId) {
  await freshTimeline(s);
  const clicked = await s.executeScript(
    `const row = [...document.querySelectorAll('[data-testid="timeline-item"]')]
       .find((r) => arguments[0].some((note) => r.innerText.includes(note)));
     const button = row && row.querySelector('[data-testid="' + arguments[1] + '"]');
     if (button) button.click();
     return !!button;`,
    [notes, testId],
  );
  assert.ok(clicked, `the timeline has a row with one of ${JSON.stringify(notes)} and its ${testId}`);
}

/** Opens the mood with one of `notes` from the timeline and saves it with `newNote` instead. */
async function editMoodNote(s, notes, newNote) {
  await clickInRow(s, notes, 'timeline-open');
  await s.click('entry-edit');
  await s.waitFor('mood-form', { why: 'Edit opens the mood form' });
  await s.type('mood-note', newNote);
  await s.click('mood-save');
  await s.waitForAbsent('mood-form', { why: 'saving the edit closes the form' });
}

/** Where the area showing on `s` sits, in the window. */
function areaTop(s) {
  const area = `document.querySelector('main [data-testid^="view-"]')`;
  return s.executeScript(`return ${area}.getBoundingClientRect().top;`, []);
}

/**
 * Scrolls the area so that a control lies under the notice, with the next one in sight below
 * it, and moves focus up to it with Shift+Tab: the control that has focus then, and how far
 * below the notice's bottom edge its top is, once the frame after the key has run.
 */
async function shiftTabUnderNotice(s) {
  const set = await s.executeScript(
    `const notice = document.querySelector('[data-testid="sync-arrived"]');
     const area = notice.closest('main');
     const offset = (el) =>
       el.getBoundingClientRect().top - area.getBoundingClientRect().top + area.scrollTop;
     const room = area.scrollHeight - area.clientHeight;
     const controls = [...area.querySelectorAll('button, input, textarea, select, a[href]')].filter(
       (el) => !notice.contains(el) && el.tabIndex >= 0 && el.getClientRects().length > 0,
     );
     // Below it, the next control must be in sight under the notice once scrolled.
     const target = controls.find((el, i) => {
       const next = controls[i + 1];
       return offset(el) > 80 && offset(el) - 4 <= room && next && offset(next) - offset(el) > 60;
     });
     if (!target) return 'no control in the area can be scrolled under the notice';
     area.scrollTop = offset(target) - 4;
     const next = controls[controls.indexOf(target) + 1];
     next.focus();
     window.underNotice = target;
     const inSight = next.getBoundingClientRect().top > notice.getBoundingClientRect().bottom;
     return inSight ? 'set' : 'the next control is under the notice too';`,
    [],
  );
  assert.equal(set, 'set', 'a control lies under the notice, the next one below it in sight');
  await pause(100);
  await press(s, KEY.Shift, KEY.Tab);
  return s.executeScript(
    `const notice = document.querySelector('[data-testid="sync-arrived"]');
     return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({
       reached: document.activeElement === window.underNotice,
       below: window.underNotice.getBoundingClientRect().top - notice.getBoundingClientRect().bottom,
     }))));`,
    [],
  );
}

/**
 * Waits for "changes arrived", checks the area is still at `topBefore` (read before the
 * changes were sent, with no notice showing) and that a control reached with Shift+Tab comes
 * out from under the notice, shows them, and finds `note` on the journal's timeline; `shot`
 * names a screenshot of the notice.
 */
async function seesArrived(s, note, who, { topBefore, shot }) {
  await s.waitFor('sync-arrived', { timeoutMs: SYNC_TIMEOUT_MS, why: `${who} is told changes arrived` });
  const moved = `the notice on ${who} floats over the screen: nothing under the pointer moves`;
  assert.equal(await areaTop(s), topBefore, moved);
  if (shot) await screenshot(shot);
  const { reached, below } = await shiftTabUnderNotice(s);
  assert.ok(reached, `Shift+Tab on ${who} reaches the control under the notice`);
  assert.ok(below >= -1, `that control on ${who} comes out from under the notice (${below} px below it)`);
  await s.click('sync-arrived-show');
  await s.waitForAbsent('sync-arrived', { why: '"Show them" reloads the screen and the notice goes' });
  await timelineShows(s, note, who);
}

/** Finds `note` on the journal's timeline. */
async function timelineShows(s, note, who) {
  await s.click('nav-journal');
  await s.click('journal-tab-timeline');
  await waitUntil(
    async () => String(await s.executeScript('return document.body.innerText;', [])).includes(note),
    { timeoutMs: 10_000, message: `${who}'s timeline shows the mood "${note}"` },
  );
}

test('one journal on two computers over Syncthing', { timeout: 300_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-sync-'));
  const dir = (name) => {
    const p = path.join(root, name);
    fs.mkdirSync(p);
    return p;
  };
  const [dataA, dataB, syncA, syncB] = ['data-a', 'data-b', 'sync-a', 'sync-b'].map(dir);
  const pair = await startSyncthingPair({ root: path.join(root, 'syncthing'), folders: [syncA, syncB] });
  const bus = await privateBus();
  const busC = await privateBus();
  let a;
  let b;
  let c;
  try {
    [a, b] = await Promise.all([
      launchApp({ dataDir: dataA, name: 'sync-a' }),
      launchApp({
        dataDir: dataB,
        name: 'sync-b',
        // B's own bus, and its own WebView storage and cache, as on another computer.
        env: {
          DBUS_SESSION_BUS_ADDRESS: bus.address,
          XDG_DATA_HOME: dir('xdg-data-b'),
          XDG_CACHE_HOME: dir('xdg-cache-b'),
        },
      }),
    ]);
    const sa = a.session;
    const sb = b.session;

    // A: a new journal with a mood in it, synced through its side of the folder.
    await createJournal(sa, PASSPHRASE);
    const before = `before B ${randomUUID().slice(0, 8)}`;
    await logMood(sa, before);
    await sa.click('nav-settings');
    await sa.type('sync-folder', syncA);
    await sa.click('sync-start');
    await sa.waitFor('sync-folder-shown', { why: 'choosing the folder starts syncing' });
    await sa.waitForText('sync-status-line', /Files sent: [1-9]/, { why: 'the first round publishes the journal' });
    await screenshot('sync-01-a-settings');
    assert.ok(fs.existsSync(path.join(syncA, 'daybreak-sync', 'header')), "A's folder holds the journal's header");

    // Syncthing carries it to B's side.
    await pair.scan();
    const published = changeFiles(syncA);
    await waitUntil(
      () =>
        fs.existsSync(path.join(syncB, 'daybreak-sync', 'header')) &&
        published.every((f) => changeFiles(syncB).includes(f)),
      { timeoutMs: SYNC_TIMEOUT_MS, message: "A's header and change files arrive in B's folder" },
    );

    // B: first run, "I already use Daybreak on another computer".
    await sb.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'B starts on the welcome screen' });
    await sb.click('join-start');
    await sb.type('join-folder', syncB);
    await sb.type('join-passphrase', 'not the passphrase');
    await sb.click('join-submit');
    await sb.waitFor('join-error', { timeoutMs: KDF_TIMEOUT_MS, why: 'a wrong passphrase does not join' });
    assert.ok(!fs.existsSync(path.join(dataB, 'journal.header')), 'a wrong passphrase creates nothing on B');
    await sb.type('join-passphrase', PASSPHRASE);
    await sb.click('join-submit');
    await sb.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'joining opens the journal on B' });
    await timelineShows(sb, before, 'B, rebuilt from the folder,');
    await screenshot('sync-02-b-joined');

    // A mood logged on A leaves by itself within seconds (no "Sync now") and appears on B.
    const fromA = `from A ${randomUUID().slice(0, 8)}`;
    let files = changeFiles(syncA).length;
    assert.equal(await sb.exists('sync-arrived'), false, 'no notice on B before A sends');
    let topBefore = await areaTop(sb);
    await logMood(sa, fromA);
    await sent(syncA, files, "A's new mood, without Sync now,");
    await pair.scan();
    await seesArrived(sb, fromA, 'B', { topBefore });

    // A mood logged on B appears on A ("Sync now" sends it at once).
    const fromB = `from B ${randomUUID().slice(0, 8)}`;
    files = changeFiles(syncB).length;
    assert.equal(await sa.exists('sync-arrived'), false, 'no notice on A before B sends');
    topBefore = await areaTop(sa);
    await logMood(sb, fromB);
    await sb.click('nav-settings');
    await sb.click('sync-now');
    await sent(syncB, files, "B's new mood");
    await pair.scan();
    // B's window, opened last, covers A's, and nothing here raises a window: B steps off the
    // screen (it still runs), so the screenshots from here show A.
    await sb.cmd('POST', '/window/rect', { x: 1280, y: 0 });
    await seesArrived(sa, fromB, 'A', { topBefore, shot: 'sync-03-a-told' });
    await screenshot('sync-03-a-sees-b');

    // The same mood edited on both computers: both end with the later edit (B's).
    const editedA = `edited on A ${randomUUID().slice(0, 8)}`;
    const editedB = `edited on B ${randomUUID().slice(0, 8)}`;
    await editMoodNote(sa, [fromA], editedA);
    // A's edit may reach B first; B edits the same mood either way.
    await editMoodNote(sb, [fromA, editedA], editedB);
    await pair.scan();
    for (const [s, who] of [
      [sa, 'A'],
      [sb, 'B'],
    ]) {
      await timelineSettles(s, { shown: [editedB], gone: [editedA, fromA] }, `${who}, after both edited one mood,`);
    }

    // A mood deleted on B disappears on A.
    await clickInRow(sb, [fromB], 'timeline-delete');
    await sb.waitFor('undo-toast', { why: 'deleting a row offers Undo' });
    await pair.scan();
    await timelineSettles(sa, { shown: [editedB], gone: [fromB] }, 'A, after B deleted a mood,');

    // Settings lists both computers, this one first.
    await sa.click('nav-settings');
    await waitUntil(async () => (await sa.findAll('sync-computer')).length === 2, {
      timeoutMs: 10_000,
      message: "A's Settings lists this computer and the other one",
    });
    const thisComputer = await sa.waitFor('sync-computer');
    assert.match(await thisComputer.text(), /^This computer/);
    // The list sits below the fold of Settings: brought into view for the screenshot.
    await sa.executeScript('arguments[0].scrollIntoView({ block: "center" });', [thisComputer]);
    await screenshot('sync-04-a-computers');

    // A passphrase changed on A is the one B asks for: after B's next round, and after locking.
    const newPassphrase = 'one journal, new words';
    await sa.type('change-current', PASSPHRASE);
    await sa.type('change-new', newPassphrase);
    await sa.type('change-confirm', newPassphrase);
    await sa.click('change-submit');
    await sa.waitFor('change-success', { timeoutMs: KDF_TIMEOUT_MS, why: 'A changes its passphrase' });
    // B is told wherever it is (on its timeline here), as soon as its round takes the new
    // header, and Settings says it too.
    await pair.scan();
    await sb.waitFor('sync-passphrase-notice', {
      timeoutMs: SYNC_TIMEOUT_MS,
      why: 'B is told at once that the passphrase was changed on another computer',
    });
    await sb.click('sync-passphrase-notice-dismiss');
    await sb.waitForAbsent('sync-passphrase-notice', { why: '"Got it" puts the notice away' });
    await sb.click('nav-settings');
    await sb.waitFor('sync-passphrase-changed', { why: "B's Settings says the passphrase was changed elsewhere" });
    await sb.click('lock-button');
    await sb.type('unlock-passphrase', PASSPHRASE);
    await sb.click('unlock-submit');
    await sb.waitFor('unlock-error', { timeoutMs: KDF_TIMEOUT_MS, why: 'the old passphrase no longer opens B' });
    await sb.type('unlock-passphrase', newPassphrase);
    await sb.click('unlock-submit');
    await sb.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the passphrase chosen on A opens B' });

    // B is done. Closed, with all it sent in A's folder, so nothing new comes to C below.
    await b.close();
    b = undefined;
    await pair.scan();
    await waitUntil(() => changeFiles(syncB).every((f) => changeFiles(syncA).includes(f)), {
      timeoutMs: SYNC_TIMEOUT_MS,
      message: "all B sent arrives in A's folder",
    });

    // C, a third computer, joins through A's folder, and its screen locks while the key is
    // derived (on C's own bus): joined, and left locked. C speaks Spanish, whose longer words
    // make that lock screen taller than the window.
    c = await launchApp({
      dataDir: dir('data-c'),
      name: 'sync-c',
      env: {
        LANG: 'es_ES.UTF-8',
        LC_ALL: 'es_ES.UTF-8',
        LANGUAGE: 'es_ES:es',
        DBUS_SESSION_BUS_ADDRESS: busC.address,
        XDG_DATA_HOME: dir('xdg-data-c'),
        XDG_CACHE_HOME: dir('xdg-cache-c'),
      },
    });
    const sc = c.session;
    await sc.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'C starts on the welcome screen' });
    await sc.click('join-start');
    await sc.type('join-folder', syncA);
    await sc.type('join-passphrase', newPassphrase);
    await sc.click('join-submit');
    execFileSync(
      'dbus-send',
      ['--session', '--type=signal', '/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:true'],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: busC.address } },
    );
    const said = await sc.waitFor('lock-error', { timeoutMs: KDF_TIMEOUT_MS, why: 'C is joined, locked, and says why' });
    assert.match(String(await said.property('textContent')), /^Este ordenador ya se ha unido a tu diario\. Tu diario se ha quedado bloqueado/);
    assert.ok(await inSightUnscrolled(sc, 'lock-sos'), "SOS shows on C's lock screen without scrolling");
    await screenshot('sync-05-c-joined-locked');

    // Its next unlock rebuilds it before the journal's screens show: the first look at the
    // timeline finds the moods, and no "changes arrived" ever shows (watched from before the
    // unlock, so one shown and gone again counts too).
    await sc.executeScript(
      `window.arrivedSeen = false;
       new MutationObserver(() => {
         if (document.querySelector('[data-testid="sync-arrived"]')) window.arrivedSeen = true;
       }).observe(document.body, { childList: true, subtree: true });`,
      [],
    );
    await sc.type('unlock-passphrase', newPassphrase);
    await sc.click('unlock-submit');
    await sc.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the passphrase opens C' });
    await sc.click('nav-journal');
    await sc.click('journal-tab-timeline');
    await sc.waitFor('timeline-item', { why: "C's timeline has moods at the first look" });
    const firstLook = String(await sc.executeScript('return document.body.innerText;', []));
    assert.ok(firstLook.includes(editedB) && firstLook.includes(before), "C's first look shows A's and B's moods");
    await pause(3000); // the worker's round after unlocking starts 0.7 s after it
    assert.equal(await sc.executeScript('return window.arrivedSeen;', []), false, 'nothing arrived: C was whole when it opened');

    // Nothing readable in the folder: no note's text in any file there.
    for (const folder of [syncA, syncB]) {
      for (const file of changeFiles(folder)) {
        const bytes = fs.readFileSync(path.join(folder, 'daybreak-sync', file));
        for (const note of [before, fromA, fromB, editedA, editedB]) {
          assert.ok(!bytes.includes(Buffer.from(note)), `${file} must not hold a note's text`);
        }
      }
    }

    // A's folder goes away (a USB stick pulled out) while A writes on: A is told at once, away
    // from Settings, and "Open Settings" shows why, with "Sync now" and "Stop syncing" there.
    await sc.cmd('POST', '/window/rect', { x: 1280, y: 0 }); // C steps off the screen, as B did
    fs.renameSync(syncA, `${syncA}-away`);
    await logMood(sa, `while the folder is away ${randomUUID().slice(0, 8)}`);
    await sa.waitFor('sync-stopped', { timeoutMs: 20_000, why: "A is told syncing stopped when its folder went away" });
    await screenshot('sync-06-a-stopped');
    await sa.click('sync-stopped-show');
    await sa.waitForText('sync-status-line', /didn't finish.*can't find that folder/s, {
      why: "Settings says the last try failed and why",
    });
    assert.ok(await sa.isShown('sync-now'), '"Sync now" is still offered');
    assert.ok(await sa.isShown('sync-stop'), '"Stop syncing" is still offered');
    assert.ok(await sa.isShown('sync-to-send'), 'the mood written meanwhile waits to go out');
    assert.equal((await sa.findAll('sync-computer')).length, 0, 'no computer listed from a folder away');
    await screenshot('sync-07-a-settings-why');
  } finally {
    await Promise.all([a?.close(), b?.close(), c?.close()]);
    bus.close();
    busC.close();
    await pair.close();
  }
  for (const daemon of pair.daemons) {
    assert.ok(daemon.exit, `syncthing ${daemon.name} must not be left running`);
  }
  fs.rmSync(root, { recursive: true, force: true });
});
