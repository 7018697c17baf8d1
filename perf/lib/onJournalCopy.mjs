// The start the perf tools share: the app launched on a throwaway copy of a journal (JOURNAL, a
// folder the heavy_journal example wrote; scripts/perf.sh says how), and that journal unlocked.
// The copy goes with the app, so a run never changes the journal it measured.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { launchApp } from '../../tests/e2e/lib/app.mjs';

/** The harness journals' passphrase, unless PASSPHRASE says otherwise. */
export const PASSPHRASE = process.env.PASSPHRASE ?? 'perf harness passphrase';

/**
 * Launches the app on a copy of `journal` (on an empty folder, the welcome screen, when there is
 * none) and runs `work(app)`; then closes the app and deletes the copy, even when `work` throws.
 */
export async function onJournalCopy({ journal = process.env.JOURNAL, name }, work) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `daybreak-${name}-`));
  let app;
  try {
    if (journal) fs.cpSync(journal, dataDir, { recursive: true });
    app = await launchApp({ dataDir, name });
    return await work(app);
  } finally {
    if (app) await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits for the lock screen and types the passphrase, leaving the Unlock press to the caller. */
export async function typePassphrase(session) {
  await session.waitFor('unlock-passphrase', { timeoutMs: 60_000, why: 'the journal is locked' });
  await session.type('unlock-passphrase', PASSPHRASE, { verify: false });
}
