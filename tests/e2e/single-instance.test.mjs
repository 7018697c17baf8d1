// End-to-end: a second launch of Daybreak hands over to the open window and exits, so one
// journal is never open in two processes. On Linux this goes through the D-Bus session bus,
// which run.sh provides with dbus-run-session.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { launchApp, requireBinary } from './lib/app.mjs';
import { screenshot } from './lib/artifacts.mjs';

const HANDOVER_TIMEOUT_MS = 30_000;

/** Resolves with the exit code, or null when the process is still running after `ms`. */
function exitWithin(child, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

test('a second launch hands over to the first window and exits', { timeout: 180_000 }, async () => {
  assert.ok(
    process.env.DBUS_SESSION_BUS_ADDRESS,
    'a D-Bus session bus is needed for this test (run it through tests/e2e/run.sh)',
  );
  const binary = requireBinary();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-single-'));
  const app = await launchApp({ dataDir, name: 'single-instance' });
  let second;
  try {
    await app.session.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'the first window is up' });
    second = spawn(binary, [], {
      env: { ...process.env, DAYBREAK_DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const code = await exitWithin(second, HANDOVER_TIMEOUT_MS);
    assert.equal(code, 0, 'the second launch must hand over to the running Daybreak and exit cleanly');
    assert.ok(
      await app.session.isShown('create-passphrase'),
      'the first window must still be there and answering after the second launch',
    );
    await screenshot('single-instance-first-window-kept');
  } finally {
    if (second && second.exitCode === null && second.signalCode === null) second.kill('SIGKILL');
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
