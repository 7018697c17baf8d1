// The real sync engine the two-computer tests stand on (issue 16): two Syncthing daemons on
// 127.0.0.1, set up through their config and REST API, carry a file written on one side to the
// other and a deletion back, and leave nothing running; and a name written on both sides
// before either travels ends as the pair Daybreak reads (`src-tauri/core/src/sync/folder.rs`;
// the core test `two_copies_under_one_id_that_write_one_number_read_the_file_the_engine_set_aside`
// plays the rest). No Daybreak window is needed for this part; the app's own sync is tested over
// this same pair.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { startSyncthingPair } from './lib/syncthing.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const SYNC_TIMEOUT_MS = 60_000;

function computers(prefix) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = ['computer-a', 'computer-b'].map((name) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    return dir;
  });
  return { root, dirs };
}

test('two Syncthing daemons on loopback keep one folder in step', { timeout: 180_000 }, async () => {
  const {
    root,
    dirs: [a, b],
  } = computers('daybreak-e2e-syncthing-');
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

// Two copies of one journal under one device id (a data folder copied by hand before journals
// noted their place) can each write their next change file before the other's arrives. What
// Daybreak does about it rests on what Syncthing then does: both versions are kept on both
// sides, the later under the name and the earlier beside it, named
// `<name>.sync-conflict-<date>-<time>-<device>`.
test('one change file written on both sides before either travels is kept twice on both', { timeout: 180_000 }, async () => {
  const { root, dirs } = computers('daybreak-e2e-syncthing-conflict-');
  const device = 'ab'.repeat(16);
  const number = '000000000002';
  const pair = await startSyncthingPair({ root, folders: dirs });
  const [da, db] = pair.daemons;
  try {
    // Apart, each side writes the file and indexes it.
    await da.rest('POST', `/rest/system/pause?device=${db.id}`);
    await db.rest('POST', `/rest/system/pause?device=${da.id}`);
    const [inA, inB] = dirs.map((dir) => path.join(dir, 'daybreak-sync', device));
    for (const [dir, text, ageS] of [
      [inA, 'sealed on A', 120],
      [inB, 'sealed on B', 0],
    ]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, number), text);
      const when = new Date(Date.now() - ageS * 1000);
      fs.utimesSync(path.join(dir, number), when, when);
    }
    await pair.scan();
    for (const daemon of pair.daemons) {
      await waitUntil(
        async () => {
          const file = `daybreak-sync/${device}/${number}`;
          const found = await daemon.rest('GET', `/rest/db/file?folder=daybreak-sync&file=${encodeURIComponent(file)}`).catch(() => null);
          return Boolean(found?.local);
        },
        { timeoutMs: SYNC_TIMEOUT_MS, message: `syncthing ${daemon.name} indexes its own file` },
      );
    }
    await da.rest('POST', `/rest/system/resume?device=${db.id}`);
    await db.rest('POST', `/rest/system/resume?device=${da.id}`);

    const copyName = new RegExp(`^${number}\\.sync-conflict-\\d{8}-\\d{6}-[A-Z0-9]{7}$`);
    const settled = (dir) => {
      try {
        const names = fs.readdirSync(dir).filter((name) => !name.startsWith('.syncthing.'));
        const copies = names.filter((name) => name !== number);
        return (
          fs.readFileSync(path.join(dir, number), 'utf8') === 'sealed on B' &&
          copies.some((name) => fs.readFileSync(path.join(dir, name), 'utf8') === 'sealed on A')
        );
      } catch (err) {
        // Caught mid-move: the engine sets the loser aside before it puts the winner in place.
        if (err.code === 'ENOENT') return false;
        throw err;
      }
    };
    await waitUntil(() => settled(inA) && settled(inB), {
      timeoutMs: SYNC_TIMEOUT_MS,
      message: "both sides hold B's file under the number and A's beside it",
    });
    for (const dir of [inA, inB]) {
      const copies = fs.readdirSync(dir).filter((name) => name !== number && !name.startsWith('.syncthing.'));
      assert.ok(copies.length >= 1, `${dir}: ${copies}`);
      for (const name of copies) assert.match(name, copyName, 'named as Daybreak reads a conflict copy');
    }
  } finally {
    await pair.close();
  }
  fs.rmSync(root, { recursive: true, force: true });
});
