// The start the perf tools share: the app launched in a throwaway home on a copy of a journal
// (JOURNAL, a folder the heavy_journal example wrote; scripts/perf.sh says how), and that journal
// unlocked. The copy goes with the app, so a run never changes the journal it measured.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launchApp } from '../../tests/e2e/lib/app.mjs';

/** The harness journals' passphrase, unless PASSPHRASE says otherwise. */
export const PASSPHRASE = process.env.PASSPHRASE ?? 'perf harness passphrase';

/**
 * Launches the app (`binary`, else DAYBREAK_BIN) on a copy of `journal` (on an empty folder, the
 * welcome screen, when there is none) in a fresh HOME, so WebKit starts with empty caches and no
 * run sees another's files, and runs `work(app)`; then closes the app and deletes the home and
 * the copy, even when `work` throws. `untilLoaded` is launchApp's; `env` is added to the app's.
 */
export async function onJournalCopy({ journal = process.env.JOURNAL, name, binary, untilLoaded = true, env: extra = {} }, work) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `daybreak-${name}-`));
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir);
  if (binary) process.env.DAYBREAK_BIN = binary;
  const env = {
    HOME: home,
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    ...extra,
  };
  let app;
  try {
    if (journal) fs.cpSync(journal, dataDir, { recursive: true });
    app = await launchApp({ dataDir, name, env, readyTimeoutMs: 60_000, untilLoaded });
    return await work(app);
  } finally {
    if (app) await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Waits for the lock screen and types the passphrase, leaving the Unlock press to the caller. */
export async function typePassphrase(session) {
  await session.waitFor('unlock-passphrase', { timeoutMs: 60_000, why: 'the journal is locked' });
  await session.type('unlock-passphrase', PASSPHRASE, { verify: false });
}
