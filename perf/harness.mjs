// Start-up, memory and size of Daybreak against the floor (perf/floor: a bare Tauri 2 window
// with SQLCipher), through the same tauri-driver + WebKitWebDriver the end-to-end suite uses.
// scripts/perf.sh builds both and calls this; see the README's "Performance" section.
//
//   node perf/harness.mjs --app <daybreak> --floor <floor> --journal <dir> --passphrase <p>
//        [--runs 10] [--heavy-runs 3] [--open-ms <n>]
//        [--out perf/results.json] [--floor-field create-passphrase]
//
// With --floor-field create-passphrase, --floor may be another Daybreak build: two builds
// compared start-up by start-up (how docs/performance.md's "The first screens' card shadow" was
// measured, with --heavy-runs 0).
//
// The key derivation is taken away from the unlock's time to report the rest: the app, started
// with DAYBREAK_TRACE_START for the unlocks, prints how long the derivation of each unlock took
// (src-tauri/src/start_trace.rs), read here from its log. Until 2026-12-06 it was timed in
// another process just before each unlock, which could run quicker or slower than the one in
// the app, so a single run's figure was only as good as that subtraction.
//
// Each run gets a fresh HOME and data folder. Floor and Daybreak alternate (and which goes first
// alternates too), so a noisy machine slows both alike; the ratios matter, not the milliseconds.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { markedPids, procFile } from '../tests/e2e/lib/app.mjs';
import { byTestId, pause, waitUntil } from '../tests/e2e/lib/webdriver.mjs';
import { onJournalCopy } from './lib/onJournalCopy.mjs';

const { values: opts } = parseArgs({
  options: {
    app: { type: 'string' },
    floor: { type: 'string' },
    journal: { type: 'string' },
    passphrase: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'heavy-runs': { type: 'string', default: '3' },
    'open-ms': { type: 'string' },
    'ui-dist': { type: 'string', default: path.resolve(import.meta.dirname, '../ui/dist') },
    // Another Daybreak build in the floor's place, to compare two builds: create-passphrase.
    'floor-field': { type: 'string', default: 'floor-field' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'results.json') },
  },
});
for (const required of ['app', 'floor', 'journal', 'passphrase']) {
  if (!opts[required]) throw new Error(`perf/harness.mjs: --${required} is required`);
}

/** The first element a person can use on each app's first screen. */
const FIRST_FIELD = { floor: opts['floor-field'], daybreak: 'create-passphrase' };
/** Every sidebar area, as in ui/src/lib/areas.ts. */
const AREAS = ['today', 'sobriety', 'mood', 'journal', 'insights', 'library', 'sos', 'settings'];
/** The processes that are the app: the app itself and WebKit's helpers, not the drivers. */
const DRIVERS = new Set(['tauri-driver', 'WebKitWebDriver']);

const median = (xs) => {
  // A run without the figure (the floor has no start-up marks) leaves it out.
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

/**
 * PSS and RSS in MB summed over the app's processes (those carrying this launch's marker), and
 * each process's PSS by name, to tell the app's own memory from WebKit's.
 */
function memoryOf(app) {
  let pss = 0;
  let rss = 0;
  const processes = {};
  for (const pid of markedPids(app.marker)) {
    const comm = procFile(pid, 'comm')?.trim();
    const rollup = procFile(pid, 'smaps_rollup');
    if (!comm || rollup === null || DRIVERS.has(comm)) continue; // ended meanwhile, or a driver
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    pss += kb('Pss');
    rss += kb('Rss');
    processes[comm] = round((processes[comm] ?? 0) + kb('Pss') / 1024);
  }
  return { pssMb: round(pss / 1024), rssMb: round(rss / 1024), processes };
}

/** Polls for an element as fast as the driver answers, returning performance.now() when found. */
async function foundAt(session, testId, timeoutMs = 60_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const hits = await session.findAll(testId).catch(() => []);
    if (hits.length > 0) return performance.now();
    if (performance.now() > deadline) throw new Error(`${testId} did not appear within ${timeoutMs} ms`);
    await pause(5);
  }
}

/**
 * When the app's own process started, in epoch ms (from /proc: boot time plus the process's
 * start in clock ticks; 10 ms resolution), so the split "process start to page" can be told.
 */
function processStartEpochMs(app, names) {
  const btime = Number(/^btime (\d+)/m.exec(fs.readFileSync('/proc/stat', 'utf8'))[1]);
  for (const pid of markedPids(app.marker)) {
    const stat = names.includes(procFile(pid, 'comm')?.trim()) ? procFile(pid, 'stat') : null;
    if (stat === null) continue; // another process, or gone already
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]); // field 22 of stat, counted after "pid (comm)"
    return btime * 1000 + (startTicks * 1000) / 100; // USER_HZ is 100 on Linux
  }
  return null;
}

/** A start-up mark's time in ms, or null when the page did not set it. */
const markMs = (marks, name) => (marks && typeof marks[name] === 'number' ? round(marks[name]) : null);

/** Starts one app on its first screen and measures it. */
function startRun(kind, binary) {
  const untilLoaded = false; // the start is timed here, from the session's request
  return onJournalCopy({ journal: null, name: `perf-${kind}`, binary, untilLoaded }, async (app) => {
    const found = await foundAt(app.session, FIRST_FIELD[kind]);
    // Daybreak's page comes with its first screen drawn in it (src-tauri/src/first_screen.rs),
    // so its field is found before the UI's code has taken it over: its start counts until the
    // code has, its first-screen mark (on the page's clock, brought onto this one). The floor
    // has no marks.
    const daybreak = FIRST_FIELD[kind] === FIRST_FIELD.daybreak;
    if (daybreak) {
      await waitUntil(
        () => app.session.executeScript("return performance.getEntriesByName('daybreak:first-screen').length > 0;"),
        { timeoutMs: 60_000, intervalMs: 20, message: 'the UI has taken over its first screen' },
      );
    }
    const page = await app.session.executeScript(
      `const n = performance.getEntriesByType('navigation')[0];
       // Daybreak's start-up marks (ui/src/lib/bootMarks.ts), on the same clock; none in the floor.
       const marks = Object.fromEntries(performance.getEntriesByType('mark')
         .filter((m) => m.name.startsWith('daybreak:')).map((m) => [m.name.slice(9), m.startTime]));
       // The browser's own first paint of anything: Daybreak's first screen, drawn in the page.
       const fcp = performance.getEntriesByName('first-contentful-paint')[0];
       return { dcl: n ? n.domContentLoadedEventEnd : null, load: n ? n.loadEventEnd : null,
                fcp: fcp ? fcp.startTime : null, now: performance.now(),
                origin: performance.timeOrigin, marks };`,
    );
    const started = processStartEpochMs(app, [path.basename(binary).slice(0, 15)]);
    const settle = app.sessionRequestedAt + 10_000 - performance.now();
    if (settle > 0) await pause(settle);
    return {
      interactiveMs: round(
        (daybreak ? Math.max(found, page.origin + page.marks['first-screen'] - performance.timeOrigin) : found) -
          app.sessionRequestedAt,
      ),
      processStartToPageMs: started === null ? null : round(page.origin - started),
      domContentLoadedMs: round(page.dcl),
      loadMs: round(page.load),
      firstContentfulPaintMs: page.fcp === null ? null : round(page.fcp),
      // The page's clock when it was read: for Daybreak, once the code had taken the screen over.
      firstFieldInPageMs: round(page.now),
      // When the field was first found, on the page's clock: for Daybreak, whether the start's
      // end was the find (the page busy, answering late) or the code's mark.
      fieldFoundInPageMs: round(found + performance.timeOrigin - page.origin),
      // When the driver answered the new-session request, on the same clock: a find is sent
      // only after it, so a late session ends the start whatever the page has done.
      sessionCreatedInPageMs: round(app.sessionCreatedAt + performance.timeOrigin - page.origin),
      // Milliseconds since the navigation started: the UI's code runs, the first screen's state
      // is in hand (handed over as the window was made, else the boot call's answer), the
      // welcome or unlock screen is drawn. Null in the floor, which has no marks.
      bootStartMs: markMs(page.marks, 'boot-start'),
      bootAnsweredMs: markMs(page.marks, 'boot-answered'),
      firstScreenMs: markMs(page.marks, 'first-screen'),
      firstPaintMs: markMs(page.marks, 'first-paint'),
      ...memoryOf(app),
    };
  });
}

/** How long after the last area the settled memory is read. */
const SETTLE_MS = 10_000;

async function settledPss(app) {
  await pause(SETTLE_MS);
  return memoryOf(app).pssMb;
}

/**
 * When the daily backup's file was last written, in ms after `since` (a performance.now() of
 * this process), or null when there is none yet. Only as fine as the file system's mtime.
 * Files being written (renamed away meanwhile) and any older than `since` are left out.
 */
function backupWrittenAt(dataDir, since) {
  const dir = path.join(dataDir, 'backups');
  const sinceEpoch = performance.timeOrigin + since;
  const times = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith('.') || name.endsWith('.tmp')) continue; // a backup being made
    try {
      const at = fs.statSync(path.join(dir, name)).mtimeMs;
      if (at >= sinceEpoch) times.push(at);
    } catch {
      // renamed or removed between listing and reading
    }
  }
  return times.length === 0 ? null : round(Math.max(...times) - sinceEpoch);
}

/**
 * The shell's own account of an unlock, from what the app wrote to its log (`logPath`) after
 * `from` bytes: how long the unlock's key derivation took, and the unlock command from asked to
 * answered, in ms (the steps src-tauri/src/commands/vault.rs marks).
 */
function unlockInShell(logPath, from) {
  const fd = fs.openSync(logPath, 'r');
  const written = Buffer.alloc(Math.max(0, fs.fstatSync(fd).size - from));
  fs.readSync(fd, written, 0, written.length, from);
  fs.closeSync(fd);
  const text = written.toString('utf8');
  const at = (step) => {
    const line = new RegExp(`daybreak start: +([\\d.]+) ms  ${step}$`, 'm').exec(text);
    return line === null ? null : Number(line[1]);
  };
  const derivation = /unlock: key derivation \(took ([\d.]+) ms\)/.exec(text);
  if (derivation === null) {
    throw new Error(`${logPath} does not say how long the unlock's key derivation took: a build from before 2026-12-07?`);
  }
  const [asked, answered] = [at('unlock asked'), at('unlock answered')];
  return {
    kdfMs: round(Number(derivation[1])),
    unlockInShellMs: asked === null || answered === null ? null : round(answered - asked),
  };
}

/** Unlocks a copy of the heavy journal, then opens every screen once. */
function heavyRun(binary) {
  const env = { DAYBREAK_TRACE_START: '1' }; // the shell's unlock steps, in the app's log
  return onJournalCopy({ journal: opts.journal, name: 'perf-heavy', binary, env }, async (app) => {
    const s = app.session;
    await foundAt(s, 'unlock-passphrase');
    await s.type('unlock-passphrase', opts.passphrase, { verify: false });
    const logFrom = fs.statSync(app.logPath).size; // the log is kept across runs
    const clicked = performance.now();
    await s.click('unlock-submit');
    // The page answers once Today is painted, with its own clock's marks (ui/src/lib/bootMarks.ts):
    // the unlock call's answer (key derivation included) and Today drawn. The driver waits for
    // that answer rather than asking for Today's element every few milliseconds, which took
    // the cores from the key derivation and the page it was timing.
    const unlockMarks = await s.executeAsyncScript(
      `const answer = arguments[arguments.length - 1];
       const at = (n) => performance.getEntriesByName('daybreak:' + n, 'mark')[0]?.startTime ?? null;
       const report = () => answer({ submitted: at('unlock-submitted'), answered: at('unlock-answered'), today: at('today-ready') });
       if (at('today-ready') !== null) report();
       else new PerformanceObserver((list, observer) => {
         if (!list.getEntries().some((mark) => mark.name === 'daybreak:today-ready')) return;
         observer.disconnect();
         report();
       }).observe({ type: 'mark' });`,
    );
    // From outside: until the page's answer is back, Today painted (until 2026-12-04, until
    // Today's element was first found, a frame and a round trip sooner: not comparable).
    const todayReady = performance.now();
    const { kdfMs, unlockInShellMs } = unlockInShell(app.logPath, logFrom);
    const sinceSubmit = (at) => (unlockMarks.submitted === null || at === null ? null : round(at - unlockMarks.submitted));
    const screens = {};
    const screensInPage = {};
    // The app's PSS once Today is ready and after each area, to tell which screen the memory
    // after heavy use comes from.
    // Each process's share too, and when each was read (ms after the unlock click), to tell a
    // step in WebKit's memory from one in the app's (the daily backup, which starts on a pause).
    const after = () => ({ ...memoryOf(app), atMs: round(performance.now() - clicked) });
    const today = after();
    const pssAfter = { today: today.pssMb };
    const processesAfter = { today: { ...today.processes, atMs: today.atMs } };
    for (const area of AREAS) {
      const start = performance.now();
      // Clicked inside the page, which then times itself until the view is there, nothing in it
      // is busy or still loading (Busy and Loading, ui/src/components/common) and it has been
      // painted, and answers the driver then. `screens` keeps the time as seen from outside,
      // round trips included. The driver waits for that answer: asking the page every few
      // milliseconds, as the harness did until 2026-12-04, took the two cores from the page and
      // made the areas' times about a third longer (Mood 115 against 82 ms, Settings 129 / 99).
      const inPage = await s.executeAsyncScript(
        `const answer = arguments[arguments.length - 1];
         const view = '${byTestId(`view-${area}`)}';
         const busy = '${byTestId('busy')}, ${byTestId('loading')}, [aria-busy="true"]';
         const start = performance.now();
         const ready = () => document.querySelector(view) !== null && document.querySelector(busy) === null;
         // Once ready, the time is taken after the next paint (as bootMarks.ts's afterPaint does).
         let seen = false;
         const check = () => {
           if (seen || !ready()) return;
           seen = true;
           watch.disconnect();
           requestAnimationFrame(() => setTimeout(() => answer(performance.now() - start), 0));
         };
         const watch = new MutationObserver(check);
         watch.observe(document.body, { subtree: true, childList: true, attributes: true });
         document.querySelector('${byTestId(`nav-${area}`)}').click();
         check();`,
      );
      screens[area] = round(performance.now() - start);
      screensInPage[area] = round(inPage);
      const now = after();
      pssAfter[area] = now.pssMb;
      processesAfter[area] = { ...now.processes, atMs: now.atMs };
    }
    const last = memoryOf(app);
    const settled = await settledPss(app);
    return {
      unlockToTodayMs: round(todayReady - clicked),
      unlockCallInPageMs: sinceSubmit(unlockMarks.answered),
      unlockToTodayInPageMs: sinceSubmit(unlockMarks.today),
      kdfMs,
      unlockInShellMs,
      screensMs: screens,
      screensInPageMs: screensInPage,
      pssAfterMb: pssAfter,
      processesAfterMb: processesAfter,
      // Read once the settled figure is: the backup may come after the last area.
      backupWrittenAtMs: backupWrittenAt(app.dataDir, clicked),
      ...last,
      // The same a while later, as the app sits open: by then the first unlock of the day has
      // made its automatic backup (3 s after unlocking at the earliest, once nothing has used
      // the journal for 1.5 s), which the figure just after the last area is taken before.
      pssSettledMb: settled,
    };
  });
}

/** The first chunk (what index.html loads) and the whole bundle, in KB. */
function bundleSizes(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const size = (f) => fs.statSync(path.join(dist, f)).size;
  const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  return {
    firstChunkKb: round(first.reduce((n, f) => n + size(f), 0) / 1024),
    firstChunkFiles: first,
    allKb: round(all.reduce((n, f) => n + size(path.join('assets', f)), 0) / 1024),
  };
}

const runs = Number(opts.runs);
const results = { floor: [], daybreak: [] };
for (let i = 0; i < runs; i++) {
  const order = i % 2 === 0 ? ['floor', 'daybreak'] : ['daybreak', 'floor'];
  for (const kind of order) {
    const r = await startRun(kind, kind === 'floor' ? opts.floor : opts.app);
    results[kind].push(r);
    console.log(`run ${i + 1}/${runs} ${kind}: interactive ${r.interactiveMs} ms, DCL ${r.domContentLoadedMs} ms, FCP ${r.firstContentfulPaintMs ?? '-'} ms, found ${r.fieldFoundInPageMs} ms, session ${r.sessionCreatedInPageMs} ms, boot ${r.bootStartMs ?? '-'} / ${r.bootAnsweredMs ?? '-'} / ${r.firstScreenMs ?? '-'} / ${r.firstPaintMs ?? '-'} ms, PSS ${r.pssMb} MB`);
  }
}
const heavy = [];
for (let i = 0; i < Number(opts['heavy-runs']); i++) {
  const r = await heavyRun(opts.app);
  heavy.push(r);
  console.log(`heavy ${i + 1}: unlock to Today ${r.unlockToTodayMs} ms (in the page: call ${r.unlockCallInPageMs}, Today ${r.unlockToTodayInPageMs} ms; in the shell ${r.unlockInShellMs} ms, of which the key derivation ${r.kdfMs} ms), PSS ${r.pssMb} MB (${r.pssSettledMb} MB ${SETTLE_MS / 1000} s later), backup written at ${r.backupWrittenAtMs ?? '-'} ms, screens ${JSON.stringify(r.screensMs)}`);
}

const summary = (rs, key) => median(rs.map((r) => r[key]));
const m = {};
for (const kind of ['floor', 'daybreak']) {
  m[kind] = Object.fromEntries(
    ['interactiveMs', 'processStartToPageMs', 'domContentLoadedMs', 'loadMs', 'firstContentfulPaintMs', 'firstFieldInPageMs', 'fieldFoundInPageMs', 'sessionCreatedInPageMs', 'bootStartMs', 'bootAnsweredMs', 'firstScreenMs', 'firstPaintMs', 'pssMb', 'rssMb'].map((k) => [k, summary(results[kind], k)]),
  );
  m[kind].binaryMb = round(fs.statSync(kind === 'floor' ? opts.floor : opts.app).size / 1024 / 1024);
}
const medianRounded = (xs) => {
  const mid = median(xs);
  return mid === null ? null : round(mid);
};
// Each unlock less its own key derivation.
const withoutKdf = (r, key) => (r[key] === null ? null : round(r[key] - r.kdfMs));
const heavyMedian = heavy.length
  ? {
      unlockToTodayMs: median(heavy.map((r) => r.unlockToTodayMs)),
      // Medians of each run's own difference, so not the two medians above subtracted.
      unlockToTodayWithoutKdfMs: medianRounded(heavy.map((r) => withoutKdf(r, 'unlockToTodayMs'))),
      kdfMs: medianRounded(heavy.map((r) => r.kdfMs)),
      // The unlock command inside the shell, asked to answered (the derivation included).
      unlockInShellMs: medianRounded(heavy.map((r) => r.unlockInShellMs)),
      // Opening the journal with the raw key, timed by the example that wrote it.
      openJournalMs: opts['open-ms'] ? Number(opts['open-ms']) : null,
      unlockCallInPageMs: median(heavy.map((r) => r.unlockCallInPageMs)),
      unlockToTodayInPageMs: median(heavy.map((r) => r.unlockToTodayInPageMs)),
      unlockToTodayInPageWithoutKdfMs: medianRounded(heavy.map((r) => withoutKdf(r, 'unlockToTodayInPageMs'))),
      pssMb: median(heavy.map((r) => r.pssMb)),
      pssSettledMb: median(heavy.map((r) => r.pssSettledMb)),
      screensMs: Object.fromEntries(AREAS.map((a) => [a, median(heavy.map((r) => r.screensMs[a]))])),
      screensInPageMs: Object.fromEntries(AREAS.map((a) => [a, median(heavy.map((r) => r.screensInPageMs[a]))])),
    }
  : null;
/**
 * Whether the loopback acknowledges at once (scripts/perf.sh's network namespace, `quickack` on
 * the loopback's routes), so no driver command waited for a delayed ACK: read from 127.0.0.1's own
 * route, the one the driver's connections take. False on a usual loopback (a harness started by
 * hand, or perf.sh without root); null when `ip` cannot tell.
 */
function loopbackQuickack() {
  try {
    const routes = execFileSync('ip', ['route', 'show', 'table', 'local'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const loopback = routes.split('\n').find((line) => /^local 127\.0\.0\.1 /.test(line));
    return loopback === undefined ? null : /\bquickack 1\b/.test(loopback);
  } catch {
    return null;
  }
}

const ratio = (k) => round((m.daybreak[k] / m.floor[k]) * 100) / 100;
const report = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGb: round(os.totalmem() / 2 ** 30), kernel: os.release(), loopbackQuickack: loopbackQuickack() },
  date: new Date().toISOString(),
  runs,
  medians: m,
  ratios: {
    interactive: ratio('interactiveMs'),
    pssAfterStart: ratio('pssMb'),
    binary: ratio('binaryMb'),
    pssAfterHeavyUse: heavyMedian ? round((heavyMedian.pssMb / m.floor.pssMb) * 100) / 100 : null,
    pssAfterHeavyUseSettled: heavyMedian ? round((heavyMedian.pssSettledMb / m.floor.pssMb) * 100) / 100 : null,
  },
  heavy: heavyMedian,
  bundle: bundleSizes(opts['ui-dist']),
  raw: { ...results, heavy },
};
fs.writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
console.log(JSON.stringify({ medians: m, ratios: report.ratios, heavy: heavyMedian, bundle: report.bundle }, null, 2));
console.log(`written to ${opts.out}`);
