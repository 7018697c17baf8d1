// End to end: restoring the daily automatic backup. The first unlock of the day makes a
// verified backup; a clock created afterwards is gone once that backup is restored, and the
// journal as it was before the restore is kept as another backup. When the journal's file is
// damaged, the lock screen offers the same restore, without unlocking anything first; with no
// journal at all, the welcome screen does.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';
import { KDF_TIMEOUT_MS, createJournal, inSightUnscrolled, lockAndUnlock } from './lib/flows.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'backup by the lighthouse';

describe('Restore from the automatic backup, end to end', { concurrency: 1 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-backup-'));
  const backupsDir = path.join(dataDir, 'backups');
  let app;
  const s = () => app.session;
  const backups = (prefix) =>
    fs.existsSync(backupsDir) ? fs.readdirSync(backupsDir).filter((f) => f.startsWith(prefix)) : [];

  before(async () => {
    app = await launchApp({ dataDir, name: 'backup' });
    await createJournal(s(), PASSPHRASE);
  });

  after(async () => {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** On a restore screen: the daily backup (not a journal kept by a restore, listed first as
   * the newest name) checked with the passphrase, then restored. */
  async function restoreTheDailyBackup(why) {
    await s().waitFor('backup-auto-list', { why: 'the restore screen lists the backups' });
    const paths = await Promise.all((await s().findAll('backup-auto-item')).map((li) => li.attribute('data-path')));
    const daily = paths.findIndex((p) => /[\\/]auto-[^\\/]*$/.test(p));
    assert.ok(daily >= 0, `the daily backup is listed: ${paths.map((p) => path.basename(p)).join(', ')}`);
    await (await s().findAll('backup-auto-restore'))[daily].click();
    await s().type('restore-secret', PASSPHRASE);
    await s().click('restore-inspect');
    await s().waitFor('restore-summary', { timeoutMs: KDF_TIMEOUT_MS, why: 'the backup is checked before anything' });
    await s().click('restore-confirm');
    await s().click('confirm-yes');
    await s().waitFor('restore-done', { timeoutMs: KDF_TIMEOUT_MS, why });
  }

  /** Restored: on to the lock screen, where the journal opens with the backup's passphrase. */
  async function openTheRestoredJournal() {
    await s().click('restore-unlock');
    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: "the restored journal opens with the backup's passphrase" });
  }

  test('the first unlock of the day makes a backup; restoring it brings the journal back', { timeout: 180_000 }, async () => {
    await lockAndUnlock(s(), PASSPHRASE);
    await waitUntil(async () => backups('auto-').length === 1, {
      timeoutMs: 30_000,
      message: `an automatic backup appears in ${backupsDir} after the first unlock`,
    });

    await s().click('nav-sobriety');
    await s().click('new-clock-button');
    await s().type('clock-name', 'Made after the backup');
    await s().click('clock-save');
    await s().waitFor('clock-card', { why: 'the new clock is listed' });

    await s().click('nav-settings');
    await s().click('backup-auto-restore');
    await s().type('restore-secret', PASSPHRASE);
    await s().click('restore-inspect');
    const summary = await s().waitFor('restore-summary', { timeoutMs: KDF_TIMEOUT_MS, why: 'checking shows what the backup holds' });
    assert.match(await summary.text(), /Clocks: 0/, 'the backup is from before the clock was made');
    await screenshot('backup-01-restore-summary');
    await s().click('restore-confirm');
    await s().click('confirm-yes');
    await s().waitFor('unlock-passphrase', { timeoutMs: KDF_TIMEOUT_MS, why: 'restoring locks the journal' });
    assert.equal(backups('before-restore-').length, 1, 'the journal as it was is kept as a backup first');

    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    await s().waitFor('sidebar', { timeoutMs: KDF_TIMEOUT_MS, why: 'the restored journal opens with the same passphrase' });
    await s().click('nav-sobriety');
    await s().waitFor('clocks-empty', { why: 'the clock made after the backup is gone after restoring' });
  });

  test('a damaged journal file: the lock screen offers the backup, which opens in its place', { timeout: 180_000 }, async () => {
    await s().click('new-clock-button');
    await s().type('clock-name', 'Made before the damage');
    await s().click('clock-save');
    await s().waitFor('clock-card', { why: 'the new clock is listed' });
    await s().click('lock-button');
    await s().waitFor('unlock-passphrase', { why: 'locked: the file is closed' });
    // Locking folds the log into the file, so the damage below is all there is to the journal.
    const wal = path.join(dataDir, 'journal.db-wal');
    assert.ok(!fs.existsSync(wal) || fs.statSync(wal).size === 0, 'nothing waits in the log file');
    const file = fs.openSync(path.join(dataDir, 'journal.db'), 'r+');
    fs.writeSync(file, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    fs.closeSync(file);

    await s().type('unlock-passphrase', PASSPHRASE);
    await s().click('unlock-submit');
    const said = await s().waitFor('unlock-error', { timeoutMs: KDF_TIMEOUT_MS, why: 'the damaged file does not open' });
    assert.match(await said.text(), /couldn't open this journal file/);
    assert.ok(await inSightUnscrolled(s(), 'unlock-restore'), 'the offer to restore shows under the message');
    await screenshot('backup-02-damaged-file');

    await s().click('unlock-restore');
    await restoreTheDailyBackup("the backup takes the damaged file's place");
    await screenshot('backup-03-restored-from-lock-screen');
    assert.equal(backups('before-restore-').length, 2, 'the damaged file is kept with the backups, not deleted');

    await openTheRestoredJournal();
    await s().click('nav-sobriety');
    await s().waitFor('clocks-empty', { why: "the journal is the backup's: the clock made since is not in it" });
  });

  test('no journal, only its backups: the welcome screen restores one', { timeout: 180_000 }, async () => {
    await app.close();
    app = null;
    // The journal's own files gone (a new computer given the backups folder, or files deleted
    // by mistake): Daybreak starts on the welcome screen.
    for (const name of fs.readdirSync(dataDir)) {
      if (name.startsWith('journal.')) fs.rmSync(path.join(dataDir, name));
    }
    app = await launchApp({ dataDir, name: 'backup-welcome' });
    await s().click('welcome-restore');
    await s().waitFor('backup-auto-list', { why: 'the restore screen lists the backups in the folder' });
    await screenshot('backup-04-restore-from-welcome');
    await restoreTheDailyBackup('the backup becomes the journal');
    await screenshot('backup-05-restored-from-welcome');
    assert.equal(backups('before-restore-').length, 2, 'with no journal there, none is kept');

    await openTheRestoredJournal();
  });
});
