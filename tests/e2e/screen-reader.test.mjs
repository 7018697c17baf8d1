// End to end: what a screen reader is given. Daybreak runs with the accessibility bridge on,
// and tests/e2e/lib/atspi.py reads its window over the run's private session bus (AT-SPI, the
// tree Orca reads and speaks from) and types and presses as a person would. The welcome screen,
// the recovery key's, the lock screen and Today must each say what every control is, by its
// name and its kind, with focus where the screen says to start. axe (lib/axe.mjs) checks the
// page's own markup; this checks what WebKitGTK makes of it for the desktop.
//
// Orca itself (its speech) is not run here: the tree is what it would be told.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { requireBinary } from './lib/app.mjs';
import { artifactPath } from './lib/artifacts.mjs';

const ATSPI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'atspi.py');
const PASSPHRASE = 'heron over the quiet bay';

/** Runs lib/atspi.py with `args` (Debian's pyatspi is the system Python's); it gives up after 30 s. */
const atspi = (...args) =>
  execFileSync('/usr/bin/python3', [ATSPI, ...args.map(String)], { encoding: 'utf8', timeout: 90_000 });

/**
 * `app`'s window once a node is named `words`: [{ role, name, description, focused, current }].
 * Whatever the screen, no control is said to be a combo box: WebKitGTK says so of a button
 * with aria-haspopup, which is not what a person pressing it gets.
 */
function treeOnce(app, words) {
  const tree = JSON.parse(atspi('tree', app.pid, words));
  const combos = tree.filter((n) => n.role === 'combo box').map((n) => n.name);
  assert.deepEqual(combos, [], `no combo box on the screen with '${words}'`);
  return tree;
}

/**
 * Daybreak on `dataDir` with the accessibility bridge on (run.sh turns it off for the rest),
 * once the accessibility bus is up for it to join; in a process group of its own, its output in
 * the artifacts.
 */
function launch(dataDir) {
  atspi('ready');
  const env = { ...process.env, DAYBREAK_DATA_DIR: dataDir };
  delete env.NO_AT_BRIDGE;
  const log = fs.openSync(artifactPath('screen-reader-app.log'), 'a');
  const child = spawn(requireBinary(), [], { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  return child;
}

/** Ends the app and everything it started (WebKit's processes): asked first, then made to. */
async function quit(child) {
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  if (ended()) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const group = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  group('SIGTERM');
  const timer = setTimeout(() => group('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The one node with this role and name; fails listing what there is. */
function one(tree, role, name) {
  const found = tree.filter((n) => n.role === role && n.name === name);
  const seen = tree.filter((n) => n.name).map((n) => `${n.role} '${n.name}'`);
  assert.equal(found.length, 1, `one ${role} named '${name}' among: ${seen.join(', ')}`);
  return found[0];
}

test('the first screens and Today tell a screen reader what each control is', { timeout: 240_000 }, async () => {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'run it through tests/e2e/run.sh (a private session bus)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-screen-reader-'));
  let app = launch(dataDir);
  try {
    const welcome = treeOnce(app, 'Welcome to Daybreak');
    assert.ok(one(welcome, 'heading', 'Welcome to Daybreak').focused, 'the screen starts at its heading');
    const choose = one(welcome, 'password text', 'Choose a passphrase');
    assert.match(choose.description, /^At least 8 characters/, 'the field carries its rule');
    one(welcome, 'password text', 'Type it again');
    one(welcome, 'check box', 'Show what I type');
    one(welcome, 'push button', 'Create my journal');
    one(welcome, 'push button', 'Restore from a backup');
    one(welcome, 'push button', 'SOS: help now');

    atspi('type', app.pid, 'Choose a passphrase', PASSPHRASE);
    atspi('type', app.pid, 'Type it again', PASSPHRASE);
    atspi('press', app.pid, 'Create my journal');
    const key = treeOnce(app, 'Your recovery key');
    assert.ok(one(key, 'heading', 'Your recovery key').focused, 'the key screen starts at its heading');
    assert.ok(
      key.some((n) => n.role === 'entry' && /^Type group \d+ of your recovery key$/.test(n.name)),
      'the check asks for one group by its number',
    );
    one(key, 'push button', "I've saved it — continue");

    // Made: the next start opens on the lock screen.
    await quit(app);
    app = launch(dataDir);
    const lock = treeOnce(app, 'Welcome back');
    assert.ok(one(lock, 'password text', 'Passphrase').focused, 'the lock screen starts in its field');
    one(lock, 'push button', 'Unlock');
    one(lock, 'push button', 'I forgot my passphrase');
    one(lock, 'push button', 'SOS: help now');

    atspi('type', app.pid, 'Passphrase', PASSPHRASE);
    atspi('press', app.pid, 'Unlock');
    const today = treeOnce(app, "Today's check-in");
    const areas = ['Today', 'Sobriety', 'Mood & triggers', 'Journal', 'Insights', 'Library', 'SOS', 'Settings'];
    for (const area of areas) one(today, 'push button', area);
    assert.equal(one(today, 'push button', 'Today').current, 'page', 'the sidebar says which area is open');
    assert.equal(one(today, 'push button', 'SOS').description, 'SOS (Ctrl+Shift+S)', 'with its shortcut');
    one(today, 'landmark', 'Today');
    assert.ok(
      today.some((n) => n.role === 'heading' && n.focused),
      'Today starts at its greeting, a heading',
    );
  } finally {
    await quit(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
