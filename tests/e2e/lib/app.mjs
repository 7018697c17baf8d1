// Launches the real Daybreak binary under tauri-driver + WebKitWebDriver and
// tears it all down again, even when a test failed.
//
//   const app = await launchApp({ dataDir, name: 'first-run' });
//   ... app.session (a WebDriver Session) ...
//   await app.close();
//
// Environment:
//   DAYBREAK_BIN      required: the app binary (debug or release build)
//   TAURI_DRIVER      optional: tauri-driver (default ~/.cargo/bin/tauri-driver, then PATH)
//   WEBKIT_WEBDRIVER  optional: native driver (default /usr/bin/WebKitWebDriver)
//
// The app gets DAYBREAK_DATA_DIR=<dataDir> through the environment: tauri-driver
// passes its environment to WebKitWebDriver, which passes it to the app. Every
// process of one launch also carries DAYBREAK_E2E_MARKER=<uuid>, so that the
// teardown can find exactly the processes this launch started (by pid) and
// stop them.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { artifactPath } from './artifacts.mjs';
import { WebDriverClient, waitUntil } from './webdriver.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app binary from DAYBREAK_BIN; throws a clear error when unset or unusable. */
export function requireBinary() {
  const bin = process.env.DAYBREAK_BIN;
  if (!bin) {
    throw new Error(
      'DAYBREAK_BIN is not set. Point it at the built app binary, e.g. ' +
        'DAYBREAK_BIN=/root/.cache/daybreak/target/debug/daybreak bash tests/e2e/run.sh',
    );
  }
  const abs = path.resolve(bin);
  let st;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new Error(`DAYBREAK_BIN=${bin}: no such file (${abs}). Build the app first.`);
  }
  if (!st.isFile()) throw new Error(`DAYBREAK_BIN=${bin}: not a regular file (${abs}).`);
  try {
    fs.accessSync(abs, fs.constants.X_OK);
  } catch {
    throw new Error(`DAYBREAK_BIN=${bin}: not executable (${abs}).`);
  }
  return abs;
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function whichSync(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

function findTauriDriver() {
  const candidates = [process.env.TAURI_DRIVER, path.join(os.homedir(), '.cargo', 'bin', 'tauri-driver'), whichSync('tauri-driver')];
  const found = candidates.find((c) => c && isExecutable(c));
  if (!found) {
    throw new Error('tauri-driver not found (set TAURI_DRIVER, or: cargo install tauri-driver --version 2.1.0 --locked).');
  }
  return found;
}

function findNativeDriver() {
  const candidates = [process.env.WEBKIT_WEBDRIVER, '/usr/bin/WebKitWebDriver', whichSync('WebKitWebDriver')];
  const found = candidates.find((c) => c && isExecutable(c));
  if (!found) {
    throw new Error('WebKitWebDriver not found (set WEBKIT_WEBDRIVER, or: apt-get install webkit2gtk-driver).');
  }
  return found;
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
function portOpen(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1_000, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** A /proc file of `pid` as text, or null when the process ended (or is not ours to read). */
export function procFile(pid, name) {
  try {
    return fs.readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return null;
  }
}

/** Pids of live processes whose environment carries DAYBREAK_E2E_MARKER=<marker>. */
export function markedPids(marker) {
  const needle = Buffer.from(`DAYBREAK_E2E_MARKER=${marker}\0`);
  const pids = [];
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`);
      if (env.includes(needle)) pids.push(pid);
    } catch {
      // gone, a zombie, or not ours to read
    }
  }
  return pids;
}

function exeOf(pid) {
  try {
    // A binary rebuilt while its process runs reads as "<path> (deleted)": still the app this
    // launch started (two checkouts sharing one target dir rebuild it under each other).
    return fs.readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
  } catch {
    return null;
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Open launches, so that a hard exit still stops their processes. */
const openApps = new Set();

function emergencyStop() {
  for (const app of openApps) app.killNowSync();
}
process.once('exit', emergencyStop);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    emergencyStop();
    process.exit(128 + (os.constants.signals[sig] ?? 1));
  });
}

class AppHandle {
  constructor({ binary, dataDir, name, marker, child, client, logPath }) {
    this.binary = binary;
    this.dataDir = dataDir;
    this.name = name;
    this.marker = marker;
    this.child = child;
    this.client = client;
    this.logPath = logPath;
    this.session = null;
    this.closed = false;
    this.exit = null; // { code, signal } of tauri-driver once it exited
    child.on('exit', (code, sig) => {
      this.exit = { code, signal: sig };
    });
    child.on('error', (err) => {
      this.exit = { code: null, signal: null, error: err };
    });
    openApps.add(this);
  }

  /** Tail of the tauri-driver/WebKitWebDriver/app log, for error messages. */
  logTail(lines = 30) {
    try {
      return fs.readFileSync(this.logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Pids of the app binary itself (not the drivers, not WebKit helpers). */
  appPids() {
    let real = this.binary;
    try {
      real = fs.realpathSync(this.binary);
    } catch {
      // keep as is
    }
    return markedPids(this.marker).filter((pid) => {
      const exe = exeOf(pid);
      return exe === real || exe === this.binary;
    });
  }

  /**
   * Quit the app the way a WebDriver client does (delete the session, which
   * closes the window), then stop tauri-driver (it stops WebKitWebDriver), then
   * anything of this launch still alive. Idempotent; never throws.
   */
  async close({ graceMs = 10_000 } = {}) {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.session) await this.session.delete();
      // Give the app a moment to exit by itself once its window is gone.
      const deadline = Date.now() + graceMs;
      while (this.appPids().length > 0 && Date.now() < deadline) await sleep(200);
      const left = this.appPids();
      if (left.length > 0) {
        console.error(`note: app (pid ${left.join(', ')}) still running ${graceMs} ms after the session was deleted; stopping it`);
      }
      // tauri-driver kills WebKitWebDriver on SIGTERM and exits.
      if (!this.exit) {
        signal(this.child.pid, 'SIGTERM');
        const until = Date.now() + 5_000;
        while (!this.exit && Date.now() < until) await sleep(100);
      }
      // Whatever of this launch is still alive: TERM, then KILL.
      let pids = markedPids(this.marker);
      for (const pid of pids) signal(pid, 'SIGTERM');
      const until = Date.now() + 5_000;
      while (pids.length > 0 && Date.now() < until) {
        await sleep(100);
        pids = markedPids(this.marker);
      }
      for (const pid of pids) signal(pid, 'SIGKILL');
      if (!this.exit) signal(-this.child.pid, 'SIGKILL'); // tauri-driver's own process group
    } catch (err) {
      console.error(`warning: teardown of ${this.name}: ${err.message}`);
      this.killNowSync();
    } finally {
      openApps.delete(this);
    }
  }

  /** Synchronous last resort (process exit): SIGKILL everything of this launch. */
  killNowSync() {
    for (const pid of markedPids(this.marker)) signal(pid, 'SIGKILL');
    if (!this.exit && this.child.pid) signal(-this.child.pid, 'SIGKILL');
  }
}

/**
 * Start tauri-driver, then the app through a new WebDriver session.
 *
 * `dataDir: null` starts the app without DAYBREAK_DATA_DIR, so it uses the person's own data
 * folder under $HOME, as an installed app does (the package test gives it a throwaway HOME).
 *
 * `sessionRequestedAt` (performance.now() just before the new-session request, when the app is
 * started) and `sessionCreatedAt` (when the driver answered it) are kept on the handle for the
 * start-up harness (perf/harness.mjs).
 *
 * `args` are the app's command-line arguments (tauri-driver passes `tauri:options.args` on), e.g.
 * `['--hidden']`, as autostart launches it.
 *
 * It returns once the page has loaded, unless `untilLoaded` is false (the harness, which times
 * the start itself).
 *
 * @param {{dataDir: string | null, name?: string, readyTimeoutMs?: number, env?: object, args?: string[], untilLoaded?: boolean}} opts
 * @returns {Promise<AppHandle>} with `.session` ready to use; call `.close()`.
 */
export async function launchApp({
  dataDir,
  name = 'app',
  readyTimeoutMs = 20_000,
  env = {},
  args = [],
  untilLoaded = true,
}) {
  const binary = requireBinary();
  if (dataDir !== null && (!dataDir || !fs.statSync(dataDir).isDirectory())) {
    throw new Error(`launchApp: dataDir ${dataDir} must be an existing directory (or null for the app's own folder)`);
  }
  const { DAYBREAK_DATA_DIR: _inherited, ...baseEnv } = process.env;
  const dataEnv = dataDir === null ? {} : { DAYBREAK_DATA_DIR: dataDir };
  const tauriDriver = findTauriDriver();
  const nativeDriver = findNativeDriver();
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();

  const marker = crypto.randomUUID();
  const logPath = artifactPath(`${name}-driver.log`);
  const logFd = fs.openSync(logPath, 'a');
  fs.writeSync(
    logFd,
    `# ${new Date().toISOString()} tauri-driver --port ${port} --native-port ${nativePort}; DAYBREAK_DATA_DIR=${dataDir ?? "(unset: the app's own folder)"}\n`,
  );
  let child;
  try {
    child = spawn(
      tauriDriver,
      ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver],
      {
        env: { ...baseEnv, ...env, ...dataEnv, DAYBREAK_E2E_MARKER: marker },
        detached: true, // own process group, so teardown can reach all of it
        stdio: ['ignore', logFd, logFd],
      },
    );
  } finally {
    fs.closeSync(logFd);
  }

  const client = new WebDriverClient(`http://127.0.0.1:${port}`);
  const app = new AppHandle({ binary, dataDir, name, marker, child, client, logPath });
  try {
    // First the native driver's own port (so tauri-driver is not asked to
    // forward to a port nobody listens on yet), then tauri-driver itself.
    await waitUntil(
      async () => {
        if (app.exit) {
          throw new Error(`tauri-driver exited early (${JSON.stringify(app.exit)}); log ${logPath}:\n${app.logTail()}`);
        }
        return portOpen(nativePort);
      },
      { timeoutMs: readyTimeoutMs, message: `WebKitWebDriver listens on 127.0.0.1:${nativePort} (log ${logPath})` },
    );
    await waitUntil(
      async () => {
        if (app.exit) {
          throw new Error(`tauri-driver exited early (${JSON.stringify(app.exit)}); log ${logPath}:\n${app.logTail()}`);
        }
        try {
          const status = await client.status({ timeoutMs: 2_000 });
          return status?.ready !== false;
        } catch {
          return false;
        }
      },
      { timeoutMs: readyTimeoutMs, message: `tauri-driver answers GET /status on 127.0.0.1:${port} (log ${logPath})` },
    );
    try {
      app.sessionRequestedAt = performance.now();
      app.session = await client.newSession({ alwaysMatch: { 'tauri:options': { application: binary, args } } });
      app.sessionCreatedAt = performance.now();
    } catch (err) {
      throw new Error(`could not start ${binary} through tauri-driver: ${err.message}\nlog ${logPath}:\n${app.logTail()}`, {
        cause: err,
      });
    }
    // The page comes with its first screen already drawn in it (src-tauri/src/first_screen.rs),
    // so its fields can be found before the UI's code has taken them over. Tests start once the
    // page has loaded: the load event waits for that code to have run.
    if (untilLoaded) {
      await waitUntil(async () => (await app.session.executeScript('return document.readyState;')) === 'complete', {
        timeoutMs: readyTimeoutMs,
        intervalMs: 20,
        message: `the page has loaded (log ${logPath})`,
      });
    }
    return app;
  } catch (err) {
    await app.close({ graceMs: 0 });
    throw err;
  }
}
