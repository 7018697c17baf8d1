// Two real Syncthing daemons (Debian's `syncthing` package) sharing one folder over 127.0.0.1,
// for the two-computer tests (issue 16). Nothing leaves the machine: global and local
// discovery, relays, NAT traversal, usage reporting and upgrades are off, and each daemon
// listens and is dialled on a loopback port only. Set up through Syncthing's own config file
// (before the first start) and its REST API (devices and the folder); stopped again by
// `close()`, which leaves no daemon running.
//
//   const pair = await startSyncthingPair({ root, folders: [dirA, dirB] });
//   ... files written in dirA appear in dirB ...
//   await pair.close();

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { freePort } from './app.mjs';
import { artifactPath } from './artifacts.mjs';
import { waitUntil } from './webdriver.mjs';

/** The folder's id on both daemons. */
export const FOLDER_ID = 'daybreak-sync';

/** One daemon: its REST API and its process. */
class Daemon {
  constructor({ name, home, guiPort, listenPort, apiKey, child }) {
    Object.assign(this, { name, home, guiPort, listenPort, apiKey, child });
    this.exit = null;
    child.once('exit', (code, signal) => (this.exit = { code, signal }));
  }

  async rest(method, route, body) {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${route}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(`syncthing ${this.name}: ${method} ${route} -> HTTP ${response.status} ${await response.text()}`);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  /** Asks the folder to be scanned now, instead of waiting for the file watcher. */
  scan() {
    return this.rest('POST', `/rest/db/scan?folder=${FOLDER_ID}`);
  }
}

/**
 * Writes a config with `syncthing generate`, then points it at loopback only and turns off
 * everything that would reach the network. These options need a restart when changed over the
 * API, so they are set in the file before the daemon first starts.
 */
function generateConfig(home, listenPort) {
  const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], {
    encoding: 'utf8',
  });
  if (generated.status !== 0) {
    throw new Error(`syncthing generate failed (is the syncthing package installed?): ${generated.stderr}`);
  }
  const file = path.join(home, 'config.xml');
  let xml = fs.readFileSync(file, 'utf8');
  const set = (tag, value) => {
    const re = new RegExp(`<${tag}>[^<]*</${tag}>`, 'g');
    if (!re.test(xml)) throw new Error(`syncthing config has no <${tag}> to set`);
    xml = xml.replace(re, `<${tag}>${value}</${tag}>`);
  };
  set('listenAddress', `tcp://127.0.0.1:${listenPort}`);
  set('globalAnnounceEnabled', 'false');
  set('localAnnounceEnabled', 'false');
  set('relaysEnabled', 'false');
  set('natEnabled', 'false');
  set('urAccepted', '-1');
  set('autoUpgradeIntervalH', '0');
  set('crashReportingEnabled', 'false');
  set('startBrowser', 'false');
  // A connection lost (a pause, a failed Hello) is tried again after this many seconds: 60 by
  // default, as long as a test's whole wait; CI 124 timed out so after a resume.
  set('reconnectionIntervalS', '2');
  // Syncthing refuses to scan when the disk holding its database is 99 % full. A build machine's
  // disk fills with the shared cargo target dir; how full it is is not what these tests check.
  const minFree = /<minHomeDiskFree unit="[^"]*">[^<]*<\/minHomeDiskFree>/;
  if (!minFree.test(xml)) throw new Error('syncthing config has no <minHomeDiskFree> to set');
  xml = xml.replace(minFree, '<minHomeDiskFree unit="%">0</minHomeDiskFree>');
  fs.writeFileSync(file, xml);
}

async function startDaemon(name, root) {
  const home = path.join(root, `syncthing-${name}`);
  fs.mkdirSync(home, { recursive: true });
  const guiPort = await freePort();
  let listenPort = await freePort();
  while (listenPort === guiPort) listenPort = await freePort();
  generateConfig(home, listenPort);
  const apiKey = crypto.randomBytes(16).toString('hex');
  const log = fs.openSync(artifactPath(`syncthing-${name}.log`), 'a');
  const child = spawn(
    'syncthing',
    [
      'serve',
      `--home=${home}`,
      '--no-browser',
      '--no-restart',
      '--no-upgrade',
      '--no-default-folder',
      `--gui-address=http://127.0.0.1:${guiPort}`,
      `--gui-apikey=${apiKey}`,
    ],
    { env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1' }, stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const daemon = new Daemon({ name, home, guiPort, listenPort, apiKey, child });
  await waitUntil(
    async () => {
      if (daemon.exit) throw new Error(`syncthing ${name} exited: ${JSON.stringify(daemon.exit)}`);
      return daemon.rest('GET', '/rest/system/ping').then(
        () => true,
        () => false,
      );
    },
    { timeoutMs: 30_000, message: `syncthing ${name} answers on 127.0.0.1:${guiPort}` },
  );
  daemon.id = (await daemon.rest('GET', '/rest/system/status')).myID;
  return daemon;
}

async function stopDaemon(daemon) {
  if (daemon.exit) return;
  await daemon.rest('POST', '/rest/system/shutdown').catch(() => {});
  const stopped = await waitUntil(async () => daemon.exit !== null, { timeoutMs: 10_000, message: 'syncthing stops' }).then(
    () => true,
    () => false,
  );
  if (!stopped) {
    try {
      process.kill(-daemon.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Starts two daemons that know only each other and share one folder: `folders[0]` on the
 * first, `folders[1]` on the second. Resolves once they are connected.
 */
export async function startSyncthingPair({ root, folders }) {
  const daemons = [];
  try {
    daemons.push(await startDaemon('a', root), await startDaemon('b', root));
    const [a, b] = daemons;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      await self.rest('PUT', `/rest/config/devices/${other.id}`, {
        deviceID: other.id,
        name: `daybreak-test-${other.name}`,
        addresses: [`tcp://127.0.0.1:${other.listenPort}`],
      });
    }
    for (const [i, self] of daemons.entries()) {
      await self.rest('PUT', `/rest/config/folders/${FOLDER_ID}`, {
        id: FOLDER_ID,
        label: 'Daybreak sync',
        path: folders[i],
        type: 'sendreceive',
        devices: daemons.map((d) => ({ deviceID: d.id })),
        fsWatcherEnabled: true,
        fsWatcherDelayS: 1,
        rescanIntervalS: 60,
        minDiskFree: { value: 0, unit: '%' },
      });
    }
    await waitUntil(
      async () => {
        const connections = await a.rest('GET', '/rest/system/connections');
        return connections.connections?.[b.id]?.connected === true;
      },
      { timeoutMs: 60_000, message: 'the two syncthing daemons connect over 127.0.0.1' },
    );
    return {
      daemons,
      /** Scans both sides now, so a test need not wait for the file watcher. */
      scan: () => Promise.all(daemons.map((d) => d.scan())),
      close: () => Promise.all(daemons.map(stopDaemon)),
    };
  } catch (err) {
    await Promise.all(daemons.map(stopDaemon));
    throw err;
  }
}
