// End-to-end: one journal on two computers, over the real sync engine. Two Daybreak windows,
// each with its own data folder and its own D-Bus session bus (the single-instance handover
// goes over the bus, and would otherwise send the second launch to the first window), and two
// Syncthing daemons on 127.0.0.1 keeping one folder in step between them (lib/syncthing.mjs).
//
// A creates a journal and chooses its side of the synced folder in Settings; B joins from the
// welcome screen with the passphrase; a mood logged on A appears on B, and one logged on B
// appears on A, each through the folder watch, the "changes arrived" notice and the timeline.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { createJournal, KDF_TIMEOUT_MS } from './lib/flows.mjs';
import { startSyncthingPair } from './lib/syncthing.mjs';
import { waitUntil } from './lib/webdriver.mjs';

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

/** Runs a round now from Settings → Use on two computers; it writes a new change file. */
async function syncNow(s, folder) {
  const before = changeFiles(folder).length;
  await s.click('nav-settings');
  await s.click('sync-now');
  await waitUntil(() => changeFiles(folder).length > before, {
    timeoutMs: 20_000,
    message: '"Sync now" writes the new mood into a change file',
  });
}

/** Waits for "changes arrived", shows them, and finds `note` on the journal's timeline. */
async function seesArrived(s, note, who) {
  await s.waitFor('sync-arrived', { timeoutMs: SYNC_TIMEOUT_MS, why: `${who} is told changes arrived` });
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
  let a;
  let b;
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

    // A mood logged on A appears on B.
    const fromA = `from A ${randomUUID().slice(0, 8)}`;
    await logMood(sa, fromA);
    await syncNow(sa, syncA);
    await pair.scan();
    await seesArrived(sb, fromA, 'B');

    // A mood logged on B appears on A.
    const fromB = `from B ${randomUUID().slice(0, 8)}`;
    await logMood(sb, fromB);
    await syncNow(sb, syncB);
    await pair.scan();
    await seesArrived(sa, fromB, 'A');
    await screenshot('sync-03-a-sees-b');

    // Nothing readable in the folder: no note's text in any file there.
    for (const folder of [syncA, syncB]) {
      for (const file of changeFiles(folder)) {
        const bytes = fs.readFileSync(path.join(folder, 'daybreak-sync', file));
        for (const note of [before, fromA, fromB]) {
          assert.ok(!bytes.includes(Buffer.from(note)), `${file} must not hold a note's text`);
        }
      }
    }
  } finally {
    await Promise.all([a?.close(), b?.close()]);
    bus.close();
    await pair.close();
  }
  for (const daemon of pair.daemons) {
    assert.ok(daemon.exit, `syncthing ${daemon.name} must not be left running`);
  }
  fs.rmSync(root, { recursive: true, force: true });
});
