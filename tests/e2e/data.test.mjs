// End to end: owning the data. Export as spreadsheets (zip), make the counsellor report (HTML
// and PDF), import Daybreak's own export (everything already there) and a Daylio export
// (preview, then import), and lock when the session's screen locks or the system is about to
// sleep (signals sent on real D-Bus buses). Finally, the app's own output holds no journal text.

import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { readmeScreenshot, screenshot } from './lib/artifacts.mjs';
import { filesHolding } from './lib/files.mjs';
import { createJournal, KDF_TIMEOUT_MS } from './lib/flows.mjs';

const PASSPHRASE = 'harbour lights at dusk';
const CANARY = 'sandpiper-e2e-data-note';
const DAYLIO = fs.readFileSync(new URL('../../src-tauri/core/tests/fixtures/daylio_export.csv', import.meta.url), 'utf8');

describe('Your data: exports, report, import; lock on sleep and screen lock', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-data-'));
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-exports-'));
  let app;
  let systemBus;
  let systemBusAddress;
  const s = () => app.session;

  before(async () => {
    // A private bus standing in for the system bus, where logind would announce sleep.
    systemBus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    systemBusAddress = await new Promise((resolve, reject) => {
      systemBus.stdout.once('data', (d) => resolve(String(d).trim().split('\n')[0]));
      systemBus.once('error', reject);
    });
    app = await launchApp({
      dataDir,
      name: 'data',
      // Numbers written as in Germany, the screens in English (a desktop's "Formats" setting):
      // the spreadsheets follow the numbers' locale, not the language.
      env: { DAYBREAK_EXPORT_DIR: exportDir, DBUS_SYSTEM_BUS_ADDRESS: systemBusAddress, LC_ALL: '', LC_NUMERIC: 'de_DE.UTF-8' },
    });
    await createJournal(s(), PASSPHRASE);
    await s().click('nav-mood');
    await s().click('log-mood-button');
    await s().waitFor('mood-form', { why: 'the log-mood button opens the mood form' });
    await s().click('mood-4');
    await s().type('mood-note', `A quiet walk, saw a ${CANARY}.`);
    await s().click('mood-save');
    await s().waitFor('mood-saved', { why: 'saving a mood confirms it' });
  });

  after(async () => {
    if (app) {
      await app.close();
      // The app's own output (and the drivers') never holds journal text.
      const log = fs.readFileSync(app.logPath);
      assert.ok(!log.includes(Buffer.from(CANARY)), `the app's log ${app.logPath} must not contain journal text`);
      // Nor does any file outside the encrypted journal: the data folder (database, WAL,
      // header, backups) and the WebView's own profile and cache folders. (The exports, which
      // are readable on purpose, went to their own folder.)
      assert.deepEqual(filesHolding(CANARY, dataDir), [], 'the mood note must not be readable in any file');
    }
    if (systemBus) systemBus.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  test('export as spreadsheets: a zip with one CSV per kind', { timeout: 120_000 }, async () => {
    await s().click('nav-settings');
    await s().click('export-csv');
    const shown = await s().waitFor('export-csv-path', { timeoutMs: 30_000, why: 'the export says where it went' });
    const zips = fs.readdirSync(exportDir).filter((f) => f.endsWith('.zip'));
    assert.equal(zips.length, 1, 'one zip in the export folder');
    assert.match(await shown.text(), new RegExp(zips[0].replace(/\./g, '\\.')));
    const bytes = fs.readFileSync(path.join(exportDir, zips[0]));
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip file');
    for (const name of ['moods.csv', 'clocks.csv', 'journal.csv', 'README.txt']) {
      assert.ok(bytes.includes(Buffer.from(name)), `the zip holds ${name}`);
    }
    const moods = execFileSync(
      'python3',
      ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("moods.csv").decode("utf-8-sig"))', path.join(exportDir, zips[0])],
      { encoding: 'utf8' },
    );
    assert.match(moods, /^"time \(local\)";"mood \(1-5\)";/, 'English columns, apart with semicolons as Germany\'s spreadsheets split them');
    await screenshot('data-01-exported');
  });

  test('the counsellor report is saved as HTML and PDF', { timeout: 120_000 }, async () => {
    await s().click('report-make');
    await s().waitFor('report-result', { timeoutMs: 30_000, why: 'the report says where it went' });
    const html = fs.readdirSync(exportDir).find((f) => /^daybreak-report-.*\.html$/.test(f));
    const pdf = fs.readdirSync(exportDir).find((f) => /^daybreak-report-.*\.pdf$/.test(f));
    assert.ok(html && pdf, `both files are in the export folder: ${fs.readdirSync(exportDir)}`);
    const page = fs.readFileSync(path.join(exportDir, html), 'utf8');
    assert.match(page, /Daybreak report/);
    assert.match(page, /not encrypted/);
    assert.ok(!page.includes(CANARY), 'mood notes are not in the report');
    assert.match(fs.readFileSync(path.join(exportDir, pdf)).subarray(0, 8).toString(), /^%PDF-1\.\d$/, 'a PDF file');
    const text = execFileSync('pdftotext', [path.join(exportDir, pdf), '-'], { encoding: 'utf8' });
    assert.match(text, /Daybreak report/, 'the PDF reads back as text');
  });

  test('importing our own export finds everything already there', { timeout: 120_000 }, async () => {
    await s().click('export-json');
    await s().waitFor('export-json-path', { timeoutMs: 30_000, why: 'the JSON export says where it went' });
    const json = fs.readdirSync(exportDir).find((f) => f.endsWith('.json'));
    await chooseFile(json, fs.readFileSync(path.join(exportDir, json), 'utf8'), 'application/json');
    const preview = await s().waitFor('import-preview', { timeoutMs: 30_000, why: 'choosing a file shows a preview' });
    assert.equal(await preview.attribute('data-format'), 'daybreak');
    assert.match(await preview.text(), /already in your journal/i);
    const confirm = await s().find('import-confirm');
    assert.equal(await confirm.isEnabled(), false, 'nothing new: nothing to import');
    await s().click('import-cancel');
    await s().waitForAbsent('import-preview', { why: 'cancel closes the preview' });
  });

  test('a Daylio export: preview, then import adds its moods once', { timeout: 120_000 }, async () => {
    // One entry per line that starts with its date (quoted notes can span lines).
    const rows = DAYLIO.split('\n').filter((line) => /^\uFEFF?\d{4}-\d{2}-\d{2},/.test(line)).length;
    await chooseFile('daylio_export.csv', DAYLIO, 'text/csv');
    const preview = await s().waitFor('import-preview', { timeoutMs: 30_000, why: 'choosing a file shows a preview' });
    assert.equal(await preview.attribute('data-format'), 'daylio');
    assert.match(await preview.text(), /new/i);
    await screenshot('data-02-import-preview');
    await readmeScreenshot(s(), 'your-data');
    await s().click('import-confirm');
    const result = await s().waitFor('import-result', { timeoutMs: 30_000, why: 'importing reports what it added' });
    assert.match(await result.text(), /\d/);
    assert.match(await result.text(), new RegExp(`Moods: ${rows} added`), `all ${rows} rows were added`);
    // Importing the same file again adds nothing.
    await chooseFile('daylio_export.csv', DAYLIO, 'text/csv');
    const again = await s().waitFor('import-preview', { timeoutMs: 30_000, why: 'the second preview' });
    assert.match(await again.text(), /already in your journal/i);
    await s().click('import-cancel');
  });

  test('the journal locks when the screen locks, and when the system is about to sleep', { timeout: 180_000 }, async () => {
    // The session bus (dbus-run-session in run.sh): a screen saver says it became active.
    execFileSync('dbus-send', ['--session', '--type=signal', '/org/freedesktop/ScreenSaver', 'org.freedesktop.ScreenSaver.ActiveChanged', 'boolean:true']);
    await s().waitFor('unlock-passphrase', { timeoutMs: 20_000, why: 'a screen lock locks the journal' });
    assert.ok(!String(await s().source()).includes(CANARY), 'nothing of the journal is left on the page');
    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'unlocking again' });

    // The stand-in system bus: logind says the system is about to sleep.
    execFileSync('dbus-send', [`--bus=${systemBusAddress}`, '--type=signal', '/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep', 'boolean:true']);
    await s().waitFor('unlock-passphrase', { timeoutMs: 20_000, why: 'going to sleep locks the journal' });
    await screenshot('data-03-locked-on-sleep');
  });

  /** Hands the import input a file, as a choice in the file dialog would. */
  async function chooseFile(name, text, type) {
    const ok = await s().executeScript(
      `const input = document.querySelector('[data-testid="import-file"]');
       const dt = new DataTransfer();
       dt.items.add(new File([arguments[0]], arguments[1], { type: arguments[2] }));
       input.files = dt.files;
       input.dispatchEvent(new Event('change', { bubbles: true }));
       return input.files.length;`,
      [text, name, type],
    );
    assert.equal(ok, 1, 'the file input accepted the file');
  }
});
