// End to end: auto-lock. With the shortest idle time set, the journal locks by itself and
// the page keeps none of the journal's text.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { createJournal } from './lib/flows.mjs';

const PASSPHRASE = 'evening tide rising';
const SECRET_WORDS = 'cormorant-unique-entry';

describe('Auto-lock wipes the page, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-autolock-'));
  let app;
  const s = () => app.session;
  const pageText = () => pageTextOf(s());

  before(async () => {
    app = await launchApp({ dataDir, name: 'autolock' });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('after one idle minute the journal locks and its text is gone from the DOM', { timeout: 180_000 }, async () => {
    await s().click('nav-settings');
    const select = await s().waitFor('auto-lock-select', { why: 'Settings offers auto-lock' });
    await s().executeScript(
      `const el = arguments[0]; el.value = '1'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [select],
    );
    await s().waitFor('privacy-saved', { why: 'the new auto-lock time is saved' });

    await s().click('nav-journal');
    await s().click('journal-new');
    await s().type('journal-body', `Tonight I saw a ${SECRET_WORDS} by the pier.`);
    const state = await s().waitFor('journal-save-state', { why: 'the editor saves' });
    const saveDeadline = Date.now() + 20_000;
    while (!/^Saved/.test((await state.text()).trim()) && Date.now() < saveDeadline) await sleep(250);
    assert.ok((await pageText()).includes(SECRET_WORDS), 'the entry is on the page before the lock');

    // No input from here on: the idle minute runs out.
    await s().waitFor('unlock-passphrase', { timeoutMs: 100_000, why: 'the journal locks itself after one idle minute' });
    assert.ok(!(await pageText()).includes(SECRET_WORDS), 'after auto-lock the page (text and fields) holds none of the journal text');
    assert.ok(!String(await s().source()).includes(SECRET_WORDS), 'nor does its HTML');
    assert.equal(await s().exists('sidebar'), false, 'the app shell is gone');
    await screenshot('autolock-01-locked');

    // Nothing readable outside the encrypted database: not in the data dir, nor in the
    // WebView's own storage and cache folders.
    const home = os.homedir();
    const places = [
      dataDir,
      path.join(home, '.local', 'share', 'org.daybreak.journal'),
      path.join(home, '.cache', 'org.daybreak.journal'),
      path.join(home, '.local', 'share', 'webkitgtk'),
      path.join(home, '.cache', 'webkitgtk'),
    ];
    for (const place of places) {
      for (const file of filesUnder(place)) {
        const bytes = fs.readFileSync(file);
        assert.ok(!bytes.includes(Buffer.from(SECRET_WORDS)), `the entry's text must not be readable in ${file}`);
        assert.ok(
          !bytes.includes(Buffer.from(SECRET_WORDS, 'utf16le')),
          `the entry's text must not be readable (UTF-16) in ${file}`,
        );
      }
    }
  });
});

/** Everything a person could read on the page: its text and the values of its fields. */
async function pageTextOf(session) {
  return String(
    await session.executeScript(
      `return document.body.innerText + ' ' + [...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ');`,
    ),
  );
}

/** Every regular file under `dir` (none when it does not exist). */
function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
