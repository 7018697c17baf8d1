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
  assert.deepEqual(found, [], `axe-core found problems on ${where}:\n${JSON.stringify(found, null, 2)}`);
}

/**
 * The fields (inputs, lists, text areas, checkboxes) shown whose edge has less than `ratio`
 * contrast (WCAG's formula) against the first opaque background behind the field: each as
 * "test id or tag: ratio, edge colour on background colour".
 */
function faintFieldEdges(session, ratio) {
  return session.executeScript(
    String.raw`
    const rgb = (colour) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const linear = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const behind = (el) => {
      for (let at = el.parentElement; at; at = at.parentElement) {
        const colour = rgb(getComputedStyle(at).backgroundColor);
        if (colour.length === 3 || colour[3] > 0) return colour.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const faint = [];
    for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const style = getComputedStyle(field);
      if (field.getClientRects().length === 0 || style.visibility === 'hidden') continue;
      if (parseFloat(style.borderTopWidth) === 0) continue;
      const edge = rgb(style.borderTopColor).slice(0, 3);
      const ground = behind(field);
      const seen = contrast(edge, ground);
      if (seen < arguments[0]) {
        const name = field.dataset.testid || field.type || field.tagName;
        faint.push(name + ': ' + seen.toFixed(2) + ', rgb(' + edge + ') on rgb(' + ground + ')');
      }
    }
    return faint;`,
    [ratio],
  );
}
