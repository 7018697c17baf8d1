// What one full repaint of a screen costs, and what it costs with parts of the screen hidden:
// the tool that found the card shadow WebKitGTK blurred the slow way (ui/src/app.css, --shadow).
// Run under Xvfb like the harness, against any build:
//
//   DAYBREAK_BIN=<daybreak> NO_AT_BRIDGE=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 \
//     xvfb-run -a -s "-screen 0 1280x800x24" node perf/repaint.mjs [selector ...]
//
// Without JOURNAL it measures the welcome screen; with JOURNAL=<dir> (a journal from the
// heavy_journal example, PASSPHRASE its passphrase) it unlocks it and measures Today, or the
// area named by AREA (a sidebar id: mood, settings, ...). Each selector is a variant in which the
// elements it matches are hidden (visibility: hidden, so nothing moves); the screen as it is
// always comes first. Variants alternate, 25 rounds; it prints each one's median.
//
// A repaint is timed inside the page, from a change that touches the whole window to the frame
// after the one that paints it, so two frames (about 33 ms) is the least it can show.

import { onJournalCopy, typePassphrase } from './lib/onJournalCopy.mjs';

const ROUNDS = 25;
const variants = [null, ...process.argv.slice(2)];
await onJournalCopy({ name: 'repaint' }, async ({ session: s }) => {
  if (process.env.JOURNAL) {
    await typePassphrase(s);
    await s.click('unlock-submit');
    await s.waitFor('today-checkin-state', { timeoutMs: 60_000, why: 'Today shows' });
    if (process.env.AREA) await s.click(`nav-${process.env.AREA}`);
  } else {
    await s.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'the welcome screen shows' });
  }
  await new Promise((settle) => setTimeout(settle, 3000));
  const times = variants.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, hide] of variants.entries()) {
      times[i].push(
        await s.executeScript(
          `const hide = arguments[0];
           for (const el of document.querySelectorAll('[data-repaint-hidden]')) {
             el.style.visibility = '';
             el.removeAttribute('data-repaint-hidden');
           }
           if (hide) for (const el of document.querySelectorAll(hide)) {
             el.style.visibility = 'hidden';
             el.setAttribute('data-repaint-hidden', '');
           }
           const root = document.documentElement.style;
           // Let the variant's own change paint first, then time a change to the whole window.
           return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
             const started = performance.now();
             root.backgroundColor = root.backgroundColor === 'rgb(1, 2, 3)' ? 'rgb(3, 2, 1)' : 'rgb(1, 2, 3)';
             requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
           })));`,
          [hide],
        ),
      );
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [i, hide] of variants.entries()) {
    console.log(`${hide ? `without ${hide}` : 'as it is'}: ${median(times[i]).toFixed(1)} ms`);
  }
});
