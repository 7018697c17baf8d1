// Looking at the journal's files on disk, from Node, byte by byte.

import crypto from 'node:crypto';
import fs from 'node:fs';
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
