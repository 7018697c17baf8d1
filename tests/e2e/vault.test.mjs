// End-to-end: the journal vault, driven through the real app binary.
//
// One fresh temporary data dir for the whole flow; the steps run in order and
// share the app. Run with tests/e2e/run.sh (needs DAYBREAK_BIN).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { clearOfSosRow } from './lib/flows.mjs';
import { readmeScreenshot, saveText, screenshot } from './lib/artifacts.mjs';
import { SQLITE_HEADER, hashTree, isInside, listFiles } from './lib/files.mjs';
import { waitUntil } from './lib/webdriver.mjs';

// Key derivation takes ~1-3 s per create/unlock in the app; debug builds and a
// busy 2-core machine are slower, so anything behind the KDF gets more room.
const KDF_TIMEOUT_MS = 60_000;
const FIRST_PAINT_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 300_000;

const FIRST_PASSPHRASE = 'correct horse battery';
const SECOND_PASSPHRASE = 'lantern river morning 42';
const THIRD_PASSPHRASE = 'quiet harbor at sunrise 7';
const REKEY_PASSPHRASE = 'new key for a new start 9';
const WRONG_PASSPHRASE = 'correct horse battery staple wrong';
const WRONG_UNLOCK_TEXT = "That passphrase didn't open this journal.";

const AREAS = ['today', 'sobriety', 'mood', 'journal', 'insights', 'library', 'sos', 'settings'];
const RECOVERY_KEY_RE = /^[A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){7}$/;

const state = {
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-')),
  app: null,
  passphrase: null, // the passphrase the app last confirmed as in force
  recoveryKey: null,
  journalFile: null,
  created: false,
  failed: [], // titles of failed steps
};
console.log(`data dir: ${state.dataDir}`);

const s = () => state.app.session;

/**
 * One step of the flow. A step starts in the unlocked shell and ends there.
 * After an earlier failure it runs only if its precondition still holds, and
 * is skipped (not failed again) otherwise.
 */
function step(title, { needs = 'shell', timeout = STEP_TIMEOUT_MS } = {}, fn) {
  test(title, { timeout }, async (t) => {
    // t.signal aborts when the test ends for any reason; only an abort while
    // the step still runs (the step timed out) counts as a failure.
    let finished = false;
    t.signal?.addEventListener('abort', () => {
      if (!finished && !state.failed.includes(title)) state.failed.push(title);
    });
    if (needs === 'shell' && state.failed.length > 0) {
      const shellUp = state.app && !state.app.closed && (await s().isShown('sidebar').catch(() => false));
      if (!shellUp) {
        finished = true;
        t.skip(`the unlocked shell is not showing after the failure of: ${state.failed.join('; ')}`);
        return;
      }
    }
    if (needs === 'created' && !state.created) {
      finished = true;
      t.skip(`no journal was created (failed: ${state.failed.join('; ') || 'nothing'})`);
      return;
    }
    try {
      await fn(t);
      finished = true;
    } catch (err) {
      finished = true;
      if (!state.failed.includes(title)) state.failed.push(title);
      const slug = `FAIL-${title.slice(0, 40)}`;
      await screenshot(slug);
      if (state.app && !state.app.closed) {
        try {
          const file = saveText(`${slug}.html`, await s().source());
          console.log(`page source: ${file}`);
        } catch (e) {
          console.error(`(could not save the page source: ${e.message})`);
        }
      }
      throw err;
    }
  });
}

// ---------------------------------------------------------------- helpers

async function expectShell(why) {
  await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why });
}

async function lock() {
  await s().click('lock-button');
  await s().waitFor('unlock-passphrase', { why: 'the lock button leads to the unlock screen' });
  await s().waitForAbsent('sidebar', { why: 'a locked journal keeps no shell in the DOM' });
  for (const area of AREAS) {
    assert.equal(await s().exists(`view-${area}`), false, `while locked, view-${area} must not be in the DOM`);
  }
}

async function unlock(passphrase, why) {
  await s().type('unlock-passphrase', passphrase);
  await s().click('unlock-submit');
  await expectShell(why);
  await s().waitForAbsent('unlock-passphrase', { why: 'the unlock screen goes away once unlocked' });
}

async function expectUnlockRejected(passphrase, why) {
  assert.equal(await s().isShown('unlock-error'), false, 'a freshly shown unlock screen must not show an error yet');
  await s().type('unlock-passphrase', passphrase);
  await s().click('unlock-submit');
  const err = await s().waitFor('unlock-error', { timeoutMs: KDF_TIMEOUT_MS, why });
  assert.equal((await err.text()).trim(), WRONG_UNLOCK_TEXT, 'the wrong-passphrase message must be exactly the agreed text');
  assert.equal(await s().exists('sidebar'), false, `${why}: the shell must not appear`);
  assert.equal(await s().isShown('unlock-passphrase'), true, 'the unlock screen must stay up after a wrong passphrase');
}

/** Hashes of the data dir once they stop changing (bounded). */
async function stableHashes() {
  // The first look only records the files; each later one (every 500 ms) compares.
  let prev = null;
  return waitUntil(
    () => {
      const now = hashTree(state.dataDir);
      const same = prev !== null && JSON.stringify(now) === JSON.stringify(prev);
      prev = now;
      return same ? now : null;
    },
    { timeoutMs: 15_000, intervalMs: 500, message: `the files in ${state.dataDir} stop changing while the journal is locked` },
  );
}

/** The first absolute path in an element's text. */
async function pathIn(testId) {
  const text = String(await s().textContent(testId)).trim();
  const m = text.match(/\/[^\s"'<>]+/);
  assert.ok(m, `${testId} must show an absolute path, got ${JSON.stringify(text)}`);
  return m[0];
}

/** A well-formed recovery key that is not the real one. */
function wrongKeyFor(key) {
  const groups = key.split('-');
  for (let shift = 1; shift < groups.length; shift++) {
    const candidate = [...groups.slice(shift), ...groups.slice(0, shift)].join('-');
    if (candidate !== key) return candidate;
  }
  const flipped = groups[0] === '2222' ? '3333' : '2222';
  return [flipped, ...groups.slice(1)].join('-');
}

// ---------------------------------------------------------------- the flow

describe('Daybreak vault, end to end', { concurrency: 1 }, () => {
  after(async () => {
    if (state.app) await state.app.close();
    if (state.failed.length === 0) {
      fs.rmSync(state.dataDir, { recursive: true, force: true });
    } else {
      console.log(`kept the data dir for inspection: ${state.dataDir}`);
    }
  });

  step('1. first run: create a journal and confirm the recovery key', { needs: 'nothing' }, async () => {
    state.app = await launchApp({ dataDir: state.dataDir, name: '1-first-run' });

    await s().waitFor('create-passphrase', { timeoutMs: FIRST_PAINT_TIMEOUT_MS, why: 'a first run shows the Welcome screen' });
    assert.equal(await s().exists('unlock-passphrase'), false, 'with an empty data dir the app must not show the unlock screen');
    // What the first screen asks for is done without scrolling: the Create button is whole,
    // above the SOS row that keeps to the window's bottom edge.
    assert.ok(await clearOfSosRow(s(), 'create-submit'), 'the Create button shows whole, clear of the SOS row, without scrolling');
    await screenshot('01-welcome');
    await readmeScreenshot(s(), 'welcome');

    await s().type('create-passphrase', FIRST_PASSPHRASE);
    await s().type('create-confirm', FIRST_PASSPHRASE);
    await s().click('create-submit');

    const keyEl = await s().waitFor('recovery-key', { timeoutMs: KDF_TIMEOUT_MS, why: 'creating a journal shows its recovery key' });
    const key = String(await keyEl.property('textContent')).trim();
    assert.match(key, RECOVERY_KEY_RE, 'the recovery key must be 8 groups of 4 characters joined by "-"');
    state.recoveryKey = key;
    state.passphrase = FIRST_PASSPHRASE;
    state.created = true;
    assert.equal(await s().exists('sidebar'), false, 'the shell must not open before the recovery key is confirmed');

    const idxAttr = await s().attribute('recovery-confirm-input', 'data-group-index');
    assert.match(String(idxAttr), /^[0-7]$/, `recovery-confirm-input must carry data-group-index 0..7, got ${JSON.stringify(idxAttr)}`);
    const group = key.split('-')[Number(idxAttr)];
    await screenshot('01-recovery-key');

    const wrongGroup = group === '0000' ? '1111' : '0000';
    await s().type('recovery-confirm-input', wrongGroup, { verify: false });
    await s().click('recovery-confirm-submit');
    await s().waitFor('recovery-confirm-error', { why: `typing back a wrong group (${wrongGroup}) is refused` });
    assert.equal(await s().exists('sidebar'), false, 'a wrong recovery group must not open the shell');
    assert.equal(await s().isShown('recovery-key'), true, 'after a wrong group the recovery key stays on screen');

    await s().type('recovery-confirm-input', group, { verify: false });
    await s().click('recovery-confirm-submit');
    await expectShell(`typing back group ${idxAttr} of the recovery key correctly opens the shell`);
    await s().waitForAbsent('recovery-key', { why: 'the recovery key is no longer shown once confirmed' });
    await screenshot('01-shell');
  });

  step('2. every area opens from the sidebar', {}, async () => {
    for (const area of AREAS) {
      await s().click(`nav-${area}`);
      await s().waitFor(`view-${area}`, { why: `clicking nav-${area} shows that area` });
      await screenshot(`02-view-${area}`);
    }
  });

  step('3. the journal lives in DAYBREAK_DATA_DIR, and nothing there is plaintext', {}, async () => {
    await s().click('nav-settings');
    await s().waitFor('view-settings');
    const journalFile = await pathIn('journal-file');
    const dataDirShown = await pathIn('data-dir');
    await s().executeScript('arguments[0].scrollIntoView({ block: "center" });', [await s().find('journal-file')]);
    await screenshot('03-settings-paths');
    await readmeScreenshot(s(), 'settings');
    await s().executeScript('arguments[0].scrollIntoView({ block: "start" });', [await s().find('about')]);
    // Where the shipped articles' facts come from, read from the articles in the core in one call.
    const sources = await s().textContent('about-sources', { why: "About lists the articles' sources" });
    assert.match(sources, /samhsa\.gov/, "About lists the shipped articles' sources");
    await readmeScreenshot(s(), 'settings-about');

    assert.ok(isInside(state.dataDir, dataDirShown), `Settings' data-dir (${dataDirShown}) must be DAYBREAK_DATA_DIR (${state.dataDir})`);
    assert.ok(
      isInside(state.dataDir, journalFile) && path.resolve(journalFile) !== path.resolve(state.dataDir),
      `Settings' journal-file (${journalFile}) must lie inside DAYBREAK_DATA_DIR (${state.dataDir})`,
    );
    assert.ok(fs.existsSync(journalFile) && fs.statSync(journalFile).isFile(), `the journal file ${journalFile} must exist on disk`);
    assert.ok(fs.statSync(journalFile).size > 0, `the journal file ${journalFile} must not be empty`);
    state.journalFile = journalFile;

    const files = listFiles(state.dataDir);
    assert.ok(files.length > 0, `the data dir ${state.dataDir} must hold the journal's files`);
    const secrets = [
      ['the passphrase', Buffer.from(FIRST_PASSPHRASE, 'utf8')],
      ['the passphrase (UTF-16)', Buffer.from(FIRST_PASSPHRASE, 'utf16le')],
      ['the recovery key', Buffer.from(state.recoveryKey, 'utf8')],
      ['the recovery key without dashes', Buffer.from(state.recoveryKey.replaceAll('-', ''), 'utf8')],
    ];
    console.log(`files in the data dir: ${files.map((f) => `${path.relative(state.dataDir, f)} (${fs.statSync(f).size} B)`).join(', ')}`);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const rel = path.relative(state.dataDir, file);
      assert.equal(
        bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER),
        false,
        `${rel} must not be a plaintext SQLite database (it starts with "SQLite format 3")`,
      );
      for (const [what, needle] of secrets) {
        assert.equal(bytes.includes(needle), false, `${rel} must not contain ${what} in the clear`);
      }
    }
  });

  step('4. lock, a wrong passphrase changes nothing, the right one unlocks', {}, async () => {
    await lock();
    await screenshot('04-locked');
    const before = await stableHashes();
    assert.ok(Object.keys(before).length > 0, 'the data dir must hold the journal files while locked');

    await expectUnlockRejected(WRONG_PASSPHRASE, 'a wrong passphrase is refused');
    await screenshot('04-unlock-error');
    const afterWrong = hashTree(state.dataDir);
    assert.deepEqual(afterWrong, before, 'a failed unlock must not change, add or remove any file in the data dir');

    await unlock(state.passphrase, 'the right passphrase opens the journal after a wrong one');
  });

  step('5. change the passphrase in Settings; only the new one opens the journal', {}, async () => {
    await s().click('nav-settings');
    await s().waitFor('view-settings');
    await s().type('change-current', state.passphrase);
    await s().type('change-new', SECOND_PASSPHRASE);
    await s().type('change-confirm', SECOND_PASSPHRASE);
    await s().click('change-submit');
    await s().waitFor('change-success', { timeoutMs: KDF_TIMEOUT_MS, why: 'changing the passphrase reports success' });
    assert.equal(await s().isShown('change-error'), false, 'a successful change must not show change-error');
    await screenshot('05-change-success');
    const old = state.passphrase;
    state.passphrase = SECOND_PASSPHRASE;

    await lock();
    await expectUnlockRejected(old, 'the old passphrase no longer opens the journal after a change');
    await unlock(SECOND_PASSPHRASE, 'the new passphrase opens the journal');
  });

  step('5b. "Also lock out old copies": a new key and recovery key; only the new passphrase opens anything', {}, async () => {
    await s().click('nav-settings');
    await s().waitFor('view-settings');
    await s().type('change-current', state.passphrase);
    await s().type('change-new', REKEY_PASSPHRASE);
    await s().type('change-confirm', REKEY_PASSPHRASE);
    await s().click('change-rekey');
    await s().click('change-submit');
    const shown = await s().waitFor('rekey-recovery-key', { timeoutMs: KDF_TIMEOUT_MS * 3, why: 'the re-key shows the new recovery key' });
    const newKey = (await shown.text()).trim();
    assert.match(newKey, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, 'the new recovery key is shown in groups');
    assert.notEqual(newKey, state.recoveryKey, 'a re-key gives a new recovery key');
    assert.match(await (await s().waitFor('rekey-older-note')).text(), /still open with the passphrase you had/);
    await screenshot('05b-rekey-done');
    await s().click('rekey-done-button');
    const old = state.passphrase;
    state.passphrase = REKEY_PASSPHRASE;
    state.recoveryKey = newKey;
    assert.ok(
      !fs.readdirSync(state.dataDir).some((f) => /\.prev$|\.staged$|\.swap$/.test(f)),
      'no old header copy and nothing staged is left in the data folder',
    );

    await lock();
    await expectUnlockRejected(old, 'the passphrase from before the re-key no longer opens the journal');
    await unlock(REKEY_PASSPHRASE, 'the new passphrase opens the re-keyed journal');
  });

  step('6. forgot passphrase: a wrong recovery key is refused, the real one sets a new passphrase', {}, async () => {
    await lock();
    await s().click('forgot-passphrase');
    await s().waitFor('recover-key', { why: '"I forgot my passphrase" leads to the recover-with-key screen' });

    const wrongKey = wrongKeyFor(state.recoveryKey);
    await s().type('recover-key', wrongKey, { verify: false });
    await s().type('recover-new', THIRD_PASSPHRASE);
    await s().type('recover-confirm', THIRD_PASSPHRASE);
    await s().click('recover-submit');
    await s().waitFor('recover-error', { timeoutMs: KDF_TIMEOUT_MS, why: `a wrong recovery key (${wrongKey}) is refused` });
    assert.equal(await s().exists('sidebar'), false, 'a wrong recovery key must not open the shell');
    await screenshot('06-recover-error');

    await s().type('recover-key', state.recoveryKey, { verify: false });
    await s().type('recover-new', THIRD_PASSPHRASE);
    await s().type('recover-confirm', THIRD_PASSPHRASE);
    await s().click('recover-submit');
    await expectShell('the real recovery key and a new passphrase open the journal');
    const previous = state.passphrase;
    state.passphrase = THIRD_PASSPHRASE;
    await screenshot('06-recovered');

    await lock();
    await expectUnlockRejected(previous, 'the passphrase from before the recovery no longer opens the journal');
    await unlock(THIRD_PASSPHRASE, 'the passphrase set during recovery opens the journal');
  });

  step('7. after quitting and restarting, the same journal asks to be unlocked', { needs: 'created' }, async () => {
    await state.app.close();
    assert.equal(state.app.appPids().length, 0, 'the app must be gone after quitting');
    state.app = await launchApp({ dataDir: state.dataDir, name: '7-restart' });

    await s().waitFor('unlock-passphrase', { timeoutMs: FIRST_PAINT_TIMEOUT_MS, why: 'an existing journal shows the unlock screen on start' });
    assert.equal(await s().exists('create-passphrase'), false, 'an existing journal must not show the Welcome screen again');
    await screenshot('07-restart-unlock');
    await unlock(state.passphrase, 'the latest passphrase opens the journal after a restart');

    await s().click('nav-settings');
    await s().waitFor('view-settings');
    if (state.journalFile) {
      assert.equal(await pathIn('journal-file'), state.journalFile, 'after a restart Settings shows the same journal file');
    }
    await screenshot('07-unlocked-after-restart');
  });
});
