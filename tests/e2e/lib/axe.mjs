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

/**
 * Runs axe on the whole page as it is now; returns its violations, shortened. `only`, a list of
 * axe's rule ids, runs those alone (and any among them axe leaves off by default).
 */
export async function axeViolations(session, only = null) {
  await ensureAxe(session);
  const violations = await session.executeScript(`
    const only = arguments[0];
    return window.axe
      .run(document, only ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: only } } : { resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n').slice(1, 2).join('')),
      })));
  `, [only]);
  return violations;
}

/**
 * Fails when axe finds anything on this screen, in the light or the dark styles; with `only`,
 * anything those rules find (see axeViolations), and with `fieldEdges`, any field whose edge has
 * less contrast than that against what is behind it (which axe does not check).
 */
export async function assertAccessible(session, where, { only = null, fieldEdges = null } = {}) {
  const found = [];
  try {
    for (const scheme of ['light', 'dark']) {
      await forceColorScheme(session, scheme);
      // Colours change with a short CSS transition; axe must see the end of it, not the middle.
      await pause(400);
      for (const v of await axeViolations(session, only)) found.push({ scheme, ...v });
      if (fieldEdges) {
        for (const field of await faintFieldEdges(session, fieldEdges)) found.push({ scheme, id: 'field-edge', field });
      }
    }
  } finally {
    await forceColorScheme(session, null);
  }
  for (const label of await hiddenLabelsOutsideTheirPane(session)) found.push({ id: 'hidden-label-pane', label });
  assert.deepEqual(found, [], `axe-core found problems on ${where}:\n${JSON.stringify(found, null, 2)}`);
}

/**
 * Visually hidden labels (position: absolute) whose containing block lies outside the pane
 * that scrolls them: such a label counts against the box around that pane, which can then
 * scroll too, and focusing a control far down lifts the whole screen (Shell.svelte's
 * `.content`). Each as the start of its text. Not axe's: a rule of this app's layout.
 */
function hiddenLabelsOutsideTheirPane(session) {
  return session.executeScript(
    `const positioned = (el) => {
      let at = el.parentElement;
      while (at && getComputedStyle(at).position === 'static') at = at.parentElement;
      return at;
    };
    return [...document.querySelectorAll('.visually-hidden')]
      .filter((label) => {
        if (!label.getClientRects().length) return false; // not rendered
        const block = positioned(label);
        for (let box = label.parentElement; box && box !== document.body; box = box.parentElement) {
          const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowY);
          if (scrolls) return !(block && box.contains(block));
        }
        return false;
      })
      .map((label) => label.textContent.trim().slice(0, 40));`,
  );
}

/**
 * The fields (inputs, lists, text areas, checkboxes) shown whose edge has less than `ratio`
 * contrast against the first opaque background behind the field, by axe's own colour parsing
 * and contrast formula (WCAG's): each as "test id or tag: ratio, edge colour on background".
 * Called after `axeViolations`, which has put axe in the page.
 */
function faintFieldEdges(session, ratio) {
  return session.executeScript(
    `const { Color, getContrast } = window.axe.commons.color;
    const colour = (css) => {
      const c = new Color();
      c.parseString(css);
      return c;
    };
    const behind = (el) => {
      for (let at = el.parentElement; at; at = at.parentElement) {
        const c = colour(getComputedStyle(at).backgroundColor);
        if (c.alpha > 0) return c;
      }
      return colour('rgb(255, 255, 255)');
    };
    const faint = [];
    for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const style = getComputedStyle(field);
      if (field.getClientRects().length === 0 || style.visibility === 'hidden') continue;
      if (parseFloat(style.borderTopWidth) === 0) continue;
      const edge = colour(style.borderTopColor);
      const ground = behind(field);
      const seen = getContrast(ground, edge);
      if (seen < arguments[0]) {
        const name = field.dataset.testid || field.type || field.tagName;
        faint.push(name + ': ' + seen.toFixed(2) + ', ' + edge.toHexString() + ' on ' + ground.toHexString());
      }
    }
    return faint;`,
    [ratio],
  );
}
