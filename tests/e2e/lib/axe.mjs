// axe-core (the npm package, from ui/node_modules) run inside the real WebKit window: every
// screen and dialog the suites visit is checked in the app's light and dark styles, and any
// violation fails the test with what and where.

import assert from 'node:assert/strict';
import fs from 'node:fs';

import { forceColorScheme } from './artifacts.mjs';
import { pause } from './webdriver.mjs';

const AXE_SOURCE = fs.readFileSync(new URL('../../../ui/node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Loads axe into the page once (a WebDriver script is not subject to the page's CSP). */
async function ensureAxe(session) {
  const present = await session.executeScript('return typeof window.axe === "object";');
  if (present) return;
  await session.executeScript(`${AXE_SOURCE}\n;window.axe = axe; return true;`);
}

/** Runs axe on the whole page as it is now; returns its violations, shortened. */
export async function axeViolations(session) {
  await ensureAxe(session);
  const violations = await session.executeScript(`
    return window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n').slice(1, 2).join('')),
      })));
  `);
  return violations;
}

/** Fails when axe finds anything on this screen, in the light or the dark styles. */
export async function assertAccessible(session, where) {
  const found = [];
  try {
    for (const scheme of ['light', 'dark']) {
      await forceColorScheme(session, scheme);
      // Colours change with a short CSS transition; axe must see the end of it, not the middle.
      await pause(400);
      for (const v of await axeViolations(session)) found.push({ scheme, ...v });
    }
  } finally {
    await forceColorScheme(session, null);
  }
  assert.deepEqual(found, [], `axe-core found problems on ${where}:\n${JSON.stringify(found, null, 2)}`);
}
