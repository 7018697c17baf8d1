// The real sync engine the two-computer tests stand on (issue 16): two Syncthing daemons on
// 127.0.0.1, set up through their config and REST API, carry a file written on one side to the
// other and a deletion back, and leave nothing running. No Daybreak window is needed for this
// part; the app's own sync is tested over this same pair.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { startSyncthingPair } from './lib/syncthing.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const SYNC_TIMEOUT_MS = 60_000;

test('two Syncthing daemons on loopback keep one folder in step', { timeout: 180_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-syncthing-'));
  const [a, b] = ['computer-a', 'computer-b'].map((name) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    return dir;
  });
  const pair = await startSyncthingPair({ root, folders: [a, b] });
  try {
    fs.writeFileSync(path.join(a, 'change-1'), 'written on A');
    await pair.scan();
    await waitUntil(() => fs.existsSync(path.join(b, 'change-1')), {
      timeoutMs: SYNC_TIMEOUT_MS,
      message: 'a file written on A arrives on B',
    });
    assert.equal(fs.readFileSync(path.join(b, 'change-1'), 'utf8'), 'written on A');

    fs.rmSync(path.join(b, 'change-1'));
    await pair.scan();
    await waitUntil(() => !fs.existsSync(path.join(a, 'change-1')), {
      timeoutMs: SYNC_TIMEOUT_MS,
      message: 'a file deleted on B disappears from A',
    });
  } finally {
    await pair.close();
  }
  for (const daemon of pair.daemons) {
    assert.ok(daemon.exit, `syncthing ${daemon.name} must not be left running`);
  }
  fs.rmSync(root, { recursive: true, force: true });
});
