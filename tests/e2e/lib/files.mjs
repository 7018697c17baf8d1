// Looking at the journal's files on disk, from Node, byte by byte.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every regular file under `dir`, recursively, as absolute paths (sorted). */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** { relativePath: sha256 hex } for every file under `dir`. */
export function hashTree(dir) {
  const result = {};
  for (const file of listFiles(dir)) {
    result[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return result;
}

/** True when `child` is `parent` itself or lies inside it (after resolving symlinks where possible). */
export function isInside(parent, child) {
  const real = (p) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const rel = path.relative(real(parent), real(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The 16-byte header every plaintext SQLite database starts with. */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The files that hold `text` (as UTF-8 or UTF-16) anywhere outside the encrypted database: in
 * the journal's data folder (database, WAL, header, backups) and in the WebView's own profile
 * and cache folders. A journal's text must be in none of them.
 */
export function filesHolding(text, dataDir) {
  const home = os.homedir();
  const places = [
    dataDir,
    path.join(home, '.local', 'share', 'org.daybreak.journal'),
    path.join(home, '.cache', 'org.daybreak.journal'),
    path.join(home, '.local', 'share', 'webkitgtk'),
    path.join(home, '.cache', 'webkitgtk'),
  ];
  const forms = [Buffer.from(text), Buffer.from(text, 'utf16le')];
  return places
    .filter((place) => fs.existsSync(place))
    .flatMap((place) => listFiles(place))
    .filter((file) => {
      const bytes = fs.readFileSync(file);
      return forms.some((form) => bytes.includes(form));
    });
}
