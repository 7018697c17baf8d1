// End-to-end: axe-core finds nothing on the screens a person meets first and on every area of
// the sidebar, in the app's light and dark styles (issue 14). Dialogs are checked by the suites
// that open them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { launchApp } from './lib/app.mjs';
import { assertAccessible } from './lib/axe.mjs';
import { assertWindowDoesNotScroll, createJournal } from './lib/flows.mjs';
import { waitUntil } from './lib/webdriver.mjs';

const PASSPHRASE = 'quiet river morning';
const AREAS = ['today', 'sobriety', 'mood', 'journal', 'insights', 'library', 'sos', 'settings'];

test('every first screen and every area passes axe-core, light and dark', { timeout: 300_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-a11y-'));
  const app = await launchApp({ dataDir, name: 'a11y' });
  const s = app.session;
  try {
    await s.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
    await assertAccessible(s, 'the Welcome screen');
    await createJournal(s, PASSPHRASE);
    for (const area of AREAS) {
      await openArea(s, area);
      await assertAccessible(s, `the ${area} area`);
      await openLooksOpenUnderThePointer(s, area);
      await assertWindowDoesNotScroll(s, `the ${area} area`);
    }
    await s.click('lock-button');
    await s.waitFor('unlock-passphrase', { why: 'locking shows the unlock screen' });
    await assertAccessible(s, 'the unlock screen');
    await s.click('forgot-passphrase');
    await s.waitFor('recover-key', { why: 'the recovery screen opens' });
    await assertAccessible(s, 'the recovery screen');
    await s.click('recover-back');
    await unlockFromUnlockScreen(s);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// GTK's high-contrast themes (as macOS' "Increase contrast") ask pages for more contrast, and
// WebKitGTK tells the page so (prefers-contrast: more). Then text is at 7:1 at least (WCAG's
// AAA, axe's color-contrast-enhanced) and every field's edge at 4.5:1, light and dark.
test('with a high-contrast theme, text is at AAA contrast and every field shows its edge', { timeout: 300_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daybreak-e2e-contrast-'));
  const app = await launchApp({ dataDir, name: 'a11y-contrast', env: { GTK_THEME: 'HighContrast' } });
  const s = app.session;
  const firmer = { only: ['color-contrast-enhanced'], fieldEdges: 4.5 };
  try {
    await s.waitFor('create-passphrase', { timeoutMs: 60_000, why: 'a first run shows the Welcome screen' });
    assert.equal(
      await s.executeScript("return matchMedia('(prefers-contrast: more)').matches;"),
      true,
      'the high-contrast theme reaches the page',
    );
    await assertAccessible(s, 'the Welcome screen in high contrast', firmer);
    await createJournal(s, PASSPHRASE);
    for (const area of AREAS) {
      await openArea(s, area);
      await assertAccessible(s, `the ${area} area in high contrast`, firmer);
    }
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Opens `area` from the sidebar and waits until it has drawn all it will. */
async function openArea(s, area) {
  await s.click(`nav-${area}`);
  await s.waitFor(`view-${area}`, { why: `the ${area} area opens` });
  await s.waitForAbsent('busy', { why: `the ${area} area finishes loading` });
  await s.waitForAbsent('loading', { why: `the ${area} area has its answers` });
  await s.waitForAbsent('below-pending', { why: `the ${area} area has drawn what is below the window` });
}

/**
 * The pointer rests on the sidebar item just clicked; that item must still show the open area's
 * colour there, not the hover colour of the others (a hover rule once won over it).
 */
async function openLooksOpenUnderThePointer(s, area) {
  const seen = () =>
    s.executeScript(
      `const item = document.querySelector('[data-testid="nav-' + arguments[0] + '"]');
       const probe = document.createElement('div');
       probe.style.background = 'var(--accent-soft)';
       item.append(probe);
       const open = getComputedStyle(probe).backgroundColor;
       probe.remove();
       return { hovered: item.matches(':hover'), background: getComputedStyle(item).backgroundColor, open };`,
      [area],
    );
  let last;
  await waitUntil(
    async () => {
      last = await seen();
      return last.hovered && last.background === last.open;
    },
    { timeoutMs: 3_000, intervalMs: 100, message: `the open ${area} item under the pointer shows the open colour` },
  ).catch((err) => assert.fail(`${err.message}; seen: ${JSON.stringify(last)}`));
}

/** From the unlock screen: the journal opens again with the passphrase. */
async function unlockFromUnlockScreen(s) {
  await s.type('unlock-passphrase', PASSPHRASE);
  await s.click('unlock-submit');
  await s.waitFor('sidebar', { timeoutMs: 60_000, why: 'the passphrase opens the journal again' });
}
