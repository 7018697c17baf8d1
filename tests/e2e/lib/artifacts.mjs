// Screenshots and other failure evidence, kept in tests/e2e/artifacts/ (git-ignored).
//
// Screenshots are taken of the whole X display with ImageMagick's
// `import -window root`: the WebDriver screenshot command hangs under Xvfb here.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Write a text artifact (e.g. page source on failure); returns its path. */
export function saveText(fileName, text) {
  const file = artifactPath(fileName);
  fs.writeFileSync(file, text);
  return file;
}
