// Screenshots and other failure evidence, kept in tests/e2e/artifacts/ (git-ignored), and the
// README's screenshots, kept in docs/screenshots/ (committed, rewritten by every run).
//
// Screenshots are taken of the whole X display with ImageMagick's
// `import -window root`: the WebDriver screenshot command hangs under Xvfb here.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { pause } from './webdriver.mjs';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

function safeName(name) {
  return String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}

/** Absolute path for an artifact file (the directory is created). */
export function artifactPath(fileName) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, safeName(fileName));
}

/**
 * Capture the whole X display into artifacts/NAME.png. Never throws: returns
 * the file path, or null (with a warning) when the capture failed.
 */
export function screenshot(name) {
  const file = artifactPath(`${safeName(name)}.png`);
  if (!process.env.DISPLAY) {
    console.error(`warning: no DISPLAY, screenshot ${name} skipped`);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    execFile('import', ['-window', 'root', file], { timeout: 20_000 }, (err, _stdout, stderr) => {
      if (err) {
        console.error(`warning: screenshot ${name} failed: ${err.message} ${String(stderr).trim()}`);
        resolve(null);
      } else {
        console.log(`screenshot: ${file}`);
        resolve(file);
      }
    });
  });
}

/** The README's screenshots, rewritten by every end-to-end run. */
export const README_SCREENSHOTS_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

// Shows the app's own light or dark styles whatever the system theme is: each media rule on
// `prefers-color-scheme` is rewritten to always or never apply (the CSSOM, which the app's
// content security policy allows), and `color-scheme` is set for the page's form controls.
// `null` puts every rule back. Returns the window's place on the screen, for cropping.
const SCHEME_SCRIPT = String.raw`
  const scheme = arguments[0];
  const saved = (window.__daybreakSchemeRules ??= []);
  if (saved.length === 0) {
    const walk = (rules) => {
      for (const rule of rules) {
        if (!(rule instanceof CSSMediaRule)) continue;
        if (/prefers-color-scheme/.test(rule.media.mediaText)) saved.push([rule, rule.media.mediaText]);
        walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      try { walk(sheet.cssRules); } catch (e) { /* a sheet that cannot be read has no rules of ours */ }
    }
  }
  const always = '(min-width: 0px)';
  const never = '(max-width: 0px)';
  for (const [rule, text] of saved) {
    rule.media.mediaText = scheme === null ? text : text.replace(
      /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/g,
      (_, which) => (which === scheme ? always : never),
    );
  }
  document.documentElement.style.colorScheme = scheme ?? '';
  return [window.screenX, window.screenY, window.outerWidth, window.outerHeight];
`;

/** Shows the app's light or dark styles (or, with null, follows the system again). */
export function forceColorScheme(session, scheme) {
  return session.executeScript(SCHEME_SCRIPT, [scheme]);
}

function capture(file, crop) {
  const args = ['-window', 'root'];
  if (crop) args.push('-crop', crop, '+repage');
  args.push(file);
  return new Promise((resolve, reject) => {
    execFile('import', args, { timeout: 20_000 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`screenshot ${file} failed: ${err.message} ${String(stderr).trim()}`));
      else resolve(file);
    });
  });
}

/**
 * One of the README's screenshots: the app window as it is now, once in its light and once in
 * its dark styles, written into docs/screenshots/ as NAME-light.png and NAME-dark.png (so every run
 * shows what the app shows today). Unlike `screenshot`, a failed capture fails the test.
 */
export async function readmeScreenshot(session, name) {
  if (!process.env.DISPLAY) {
    console.error(`warning: no DISPLAY, README screenshot ${name} skipped`);
    return;
  }
  fs.mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
  try {
    for (const scheme of ['light', 'dark']) {
      const [x, y, width, height] = await session.executeScript(SCHEME_SCRIPT, [scheme]);
      const crop = width > 0 && height > 0 ? `${width}x${height}+${Math.max(0, x)}+${Math.max(0, y)}` : null;
      // Nothing to poll for: colours change with a short CSS transition, then stay.
      await pause(400);
      const file = await capture(path.join(README_SCREENSHOTS_DIR, `${safeName(name)}-${scheme}.png`), crop);
      console.log(`README screenshot: ${file}`);
    }
  } finally {
    await session.executeScript(SCHEME_SCRIPT, [null]);
  }
}

/**
 * The colour the screen shows at the middle of an element, in the light or the dark styles: what
 * a person sees there, which a computed style cannot say for a control the system draws. Read
 * from a capture of the display (the window has no frame under Xvfb: its page starts at its
 * corner). Returns [red, green, blue], 0-255.
 */
export async function colourOnScreen(session, testId, scheme) {
  // No skipping as readmeScreenshot does: a colour check that did not look must not pass.
  if (!process.env.DISPLAY) throw new Error(`colourOnScreen(${testId}) needs a display (run.sh starts Xvfb)`);
  const [x, y] = (await session.executeScript(SCHEME_SCRIPT, [scheme])).map((v) => Math.max(0, v));
  try {
    await pause(400); // the colours' short transition
    const rect = await session.executeScript(
      `const r = document.querySelector('[data-testid="' + arguments[0] + '"]').getBoundingClientRect();
       return [r.left + r.width / 2, r.top + r.height / 2, window.outerHeight - window.innerHeight];`,
      [testId],
    );
    const [cx, cy, top] = rect.map(Math.round);
    const file = await capture(artifactPath(`colour-${safeName(testId)}-${scheme}.png`), `1x1+${x + cx}+${y + top + cy}`);
    const text = await new Promise((resolve, reject) =>
      execFile('convert', [file, '-format', '%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]', 'info:'], (err, stdout) =>
        err ? reject(err) : resolve(String(stdout)),
      ),
    );
    return text.trim().split(',').map(Number);
  } finally {
    await session.executeScript(SCHEME_SCRIPT, [null]);
  }
}

/** Write a text artifact (e.g. page source on failure); returns its path. */
export function saveText(fileName, text) {
  const file = artifactPath(fileName);
  fs.writeFileSync(file, text);
  return file;
}
