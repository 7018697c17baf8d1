// The installed package, driven like a person would use it. scripts/package.sh --test runs
// this twice through tests/e2e/run.sh (Xvfb, a private D-Bus session, tauri-driver):
//
//   DAYBREAK_PACKAGE_PHASE=first   after `apt-get install ./Daybreak_….deb`: a first run makes
//                                   a journal in the person's own data folder, locks, unlocks
//   DAYBREAK_PACKAGE_PHASE=reopen  after `apt-get remove daybreak` and a reinstall: the same
//                                   journal opens with the same passphrase
//
// DAYBREAK_BIN is the installed binary (/usr/bin/daybreak) and HOME a throwaway folder, so the
// journal lands where an installed Daybreak really keeps it: ~/.local/share/org.daybreak.journal.
// DAYBREAK_DATA_DIR is deliberately not set.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { launchApp, requireBinary } from '../e2e/lib/app.mjs';
import { screenshot } from '../e2e/lib/artifacts.mjs';
import { KDF_TIMEOUT_MS, createJournal, firstScreenCameDrawn, lockAndUnlock } from '../e2e/lib/flows.mjs';

const PHASE = process.env.DAYBREAK_PACKAGE_PHASE;
const EXPECTED_VERSION = process.env.DAYBREAK_PACKAGE_VERSION;
// A test passphrase for a throwaway journal in a throwaway HOME.
const PASSPHRASE = 'porch light at first morning 9';
const DATA_DIR = path.join(os.homedir(), '.local', 'share', 'org.daybreak.journal');

let app = null;
after(async () => {
  if (app) await app.close();
});

test(`the installed app (${PHASE})`, { timeout: 300_000 }, async () => {
  assert.ok(PHASE === 'first' || PHASE === 'reopen', 'DAYBREAK_PACKAGE_PHASE must be first or reopen');
  assert.ok(EXPECTED_VERSION, 'DAYBREAK_PACKAGE_VERSION must say which version was installed');
  const binary = requireBinary();
  assert.equal(binary, '/usr/bin/daybreak', 'the test must drive the binary the package installed');
  assert.equal(process.env.DAYBREAK_DATA_DIR, undefined, 'the installed app must choose its own data folder');
  assert.equal(process.env.XDG_DATA_HOME, undefined, 'the data folder must follow HOME alone');
  assert.ok(os.homedir().startsWith(os.tmpdir()), `HOME must be a throwaway folder, not ${os.homedir()}`);

  const header = path.join(DATA_DIR, 'journal.header');
  if (PHASE === 'first') {
    assert.equal(fs.existsSync(header), false, 'a first run starts with no journal in the data folder');
  } else {
    assert.equal(fs.existsSync(header), true, 'the journal made before the uninstall must still be there');
  }

  app = await launchApp({ dataDir: null, name: `installed-${PHASE}` });
  const s = app.session;
  if (PHASE === 'first') {
    await createJournal(s, PASSPHRASE);
    assert.equal(fs.existsSync(header), true, `the new journal's header must be in ${DATA_DIR}`);
    assert.equal(fs.statSync(DATA_DIR).mode & 0o777, 0o700, 'the data folder must be private (0700)');

    // The menu entry's StartupWMClass must name the window's class, so desktops group the
    // window under the entry (and its icon) rather than showing a second, unnamed app.
    const wmClass = execFileSync('xprop', ['-name', 'Daybreak', 'WM_CLASS'], { encoding: 'utf8' });
    const entry = fs.readFileSync('/usr/share/applications/Daybreak.desktop', 'utf8');
    const startupClass = /^StartupWMClass=(.+)$/m.exec(entry)?.[1];
    assert.ok(startupClass, 'the installed menu entry names the window class');
    assert.ok(wmClass.includes(`"${startupClass}"`), `the window's ${wmClass.trim()} must include "${startupClass}"`);

    await s.click('nav-settings');
    const file = await s.textContent('journal-file', { why: 'Settings shows where the journal lives' });
    assert.equal(file.trim(), path.join(DATA_DIR, 'journal.db'), 'Settings must show the real data folder');
    const version = await s.textContent('about-version', { why: 'Settings ends with About' });
    assert.equal(version.trim(), `Version ${EXPECTED_VERSION}`, 'About must show the installed version');
    await s.waitFor('about-source', { why: "About lists the articles' sources" });
    await s.executeScript(`document.querySelector('[data-testid="about"]').scrollIntoView();`);
    await screenshot('installed-about');

    await lockAndUnlock(s, PASSPHRASE);
  } else {
    await s.waitFor('unlock-passphrase', { timeoutMs: 60_000, why: 'a reinstalled app finds the journal and asks to unlock it' });
    assert.equal(await s.exists('create-passphrase'), false, 'the reinstalled app must not offer to make a new journal');
    // The package's build draws the first screens too (its beforeBuildCommand is npm run build).
    assert.ok(await firstScreenCameDrawn(s), "the installed app's lock screen came drawn in the page");
    await s.type('unlock-passphrase', PASSPHRASE);
    await s.click('unlock-submit');
    await s.waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the same passphrase opens the journal after a reinstall' });
    await s.click('lock-button');
    await s.waitFor('unlock-passphrase', { why: 'and it locks again' });
  }
  await app.close();
  app = null;
});
