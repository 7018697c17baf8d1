// What happens inside the page, on its own clock, from pressing Unlock until Today is painted,
// or from choosing an area until it is: each call to the shell (when it was asked and when its
// answer was read), each frame, and the UI's own marks (ui/src/lib/bootMarks.ts). The tool that
// showed Today's and Settings' answers waiting 40-50 ms behind the painting of their empty
// screens, and the reminders' second question going out only after the first was answered
// (ui/src/lib/ipc/ahead.ts). Run it under Xvfb like the harness, against any build:
//
//   DAYBREAK_BIN=<daybreak> JOURNAL=<dir> NO_AT_BRIDGE=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 \
//     xvfb-run -a -s "-screen 0 1280x800x24" node perf/timeline.mjs [area]
//
// JOURNAL is a journal from the heavy_journal example (scripts/perf.sh says how to write one),
// PASSPHRASE its passphrase. With an area (a sidebar id: settings, sos, ...) it times opening
// that area once Today has settled, else the unlock. Times are milliseconds from the unlock
// button or the sidebar click; a call shows when it was asked and when the page read its answer,
// which is late when the page was busy laying out or painting. Only names and times are read:
// nothing of the journal.

import { onJournalCopy, typePassphrase } from './lib/onJournalCopy.mjs';

const area = process.argv[2];
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
await onJournalCopy({ name: 'timeline' }, async ({ session: s }) => {
  await s.waitFor('unlock-passphrase', { timeoutMs: 60_000, why: 'the journal is locked' });
  await settle(2000);
  // Tauri asks the shell with fetch (its custom protocol), so wrapping fetch sees every call.
  await s.executeScript(
    `window.__timeline = [];
     const log = (name, from, to) => window.__timeline.push([name, from, to]);
     const fetched = window.fetch.bind(window);
     window.fetch = (url, init) => {
       const asked = performance.now();
       const command = String(url).split('/').pop();
       return fetched(url, init).then(
         (answer) => { log(command, asked, performance.now()); return answer; },
         (error) => { log(command + ' (failed)', asked, performance.now()); throw error; },
       );
     };
     let frames = 0;
     const frame = () => { log('frame', performance.now(), null); if (++frames < 3000) requestAnimationFrame(frame); };
     requestAnimationFrame(frame);`,
  );
  await typePassphrase(s);
  await s.executeScript(`window.__timeline.push(['unlock pressed', performance.now(), null]);`);
  await s.click('unlock-submit');
  await s.waitFor('today-checkin-state', { timeoutMs: 60_000, why: 'Today shows' });
  await settle(1500);
  let start = 'unlock pressed';
  if (area) {
    start = `${area} chosen`;
    await s.executeScript(
      `window.__timeline.push([arguments[0], performance.now(), null]);
       document.querySelector('[data-testid="nav-' + arguments[1] + '"]').click();`,
      [start, area],
    );
  }
  await settle(1500);
  const rows = await s.executeScript(
    `const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime, null]);
     return [...marks, ...window.__timeline].sort((a, b) => a[1] - b[1]);`,
  );
  const zero = rows.find(([name]) => name === start)?.[1];
  if (zero === undefined) throw new Error(`the page has no "${start}" mark: nothing to time from`);
  const ms = (t) => (t - zero).toFixed(0).padStart(6);
  // Frames come every ~16 ms while the page is idle; only a late one (the page was busy
  // running code, laying out or painting) is shown, with how long it took to come.
  let lastFrame = null;
  for (const [name, from, to] of rows) {
    if (name === 'frame') {
      const gap = lastFrame === null ? 0 : from - lastFrame;
      lastFrame = from;
      if (gap <= 24 || from < zero) continue;
      console.log(`${ms(from)}         frame, ${gap.toFixed(0)} ms after the one before`);
    } else if (from >= zero - 1 && from <= zero + 1000) {
      console.log(to === null ? `${ms(from)}         ${name}` : `${ms(from)} ${ms(to)}  ${name}`);
    }
  }
});
