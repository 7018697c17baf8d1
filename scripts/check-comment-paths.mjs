#!/usr/bin/env node
// Fails when a comment names a repository path that is not there, so a reader who follows a
// comment finds the file it points at. Run by scripts/test.sh; on its own:
//   node scripts/check-comment-paths.mjs
//
// Only comments are read: `//` and `/* */` in Rust, TypeScript, JavaScript, Svelte and CSS,
// `<!-- -->` in Svelte and HTML, `#` in shell, Python, TOML and YAML. What counts as a path,
// to keep false alarms out:
// - a word with a slash whose first part is one of the repository's folders (src-tauri/, ui/,
//   tests/, scripts/, docs/, fuzz/, .github/, .ci/) or a folder inside a package (src/, core/,
//   benches/); it must exist beside the commenting file or in one of the folders above it, up
//   to the repository root (so `src/lib/ipc` in ui/ and `tests/record.rs` in src-tauri/core/
//   both count);
// - a word starting with ./ or ../: it must exist relative to the commenting file's folder and
//   stay inside the repository;
// - a file name with a known extension in backquotes (`wakeLock.ts`): some file in the
//   repository must have that name; with a folder (`notes/plan.md`), it must exist as above.
// Globs and placeholders (*, {, <, $, …), URLs, and anything under node_modules, target, dist
// or build are left alone. Generated and vendored folders are not read.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist', 'build', '.svelte-kit']);
const TOP_FOLDERS = new Set([
  'src-tauri', 'ui', 'tests', 'scripts', 'docs', 'fuzz', '.github', '.ci', 'src', 'core', 'benches',
]);
const NAMED_EXTENSIONS = new Set([
  'rs', 'ts', 'js', 'mjs', 'cjs', 'svelte', 'sh', 'py', 'md', 'json', 'toml', 'css', 'html', 'sql',
  'yml', 'yaml', 'svg',
]);
const SLASH_COMMENTS = new Set(['.rs', '.ts', '.js', '.mjs', '.cjs', '.svelte', '.css']);
const HASH_COMMENTS = new Set(['.sh', '.bash', '.py', '.toml', '.yml', '.yaml']);
const MARKUP_COMMENTS = new Set(['.svelte', '.html']);

/** Every file git knows of or would add (tracked, or new and not ignored). */
function repositoryFiles() {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out
    .split('\0')
    .filter((f) => f && !f.split('/').some((part) => SKIPPED_DIRS.has(part)))
    .filter((f) => existsSync(path.join(ROOT, f)));
}

/** The comments of a file, each with the line it starts on. */
export function comments(text, ext) {
  const found = [];
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  const slash = SLASH_COMMENTS.has(ext);
  const hash = HASH_COMMENTS.has(ext);
  const markup = MARKUP_COMMENTS.has(ext);
  // Strings are skipped so that a URL or a glob in a string is not taken for a comment.
  const pattern = [
    String.raw`"(?:[^"\\\n]|\\.)*"`,
    String.raw`'(?:[^'\\\n]|\\.)*'`,
    slash ? String.raw`(?<=^|[\s;,(){}\[\]])\/\/[^\n]*` : null,
    slash ? String.raw`(?<=^|[\s;,(){}\[\]])\/\*[\s\S]*?\*\/` : null,
    hash ? String.raw`(?<=^|\s)#[^\n]*` : null,
    markup ? String.raw`<!--[\s\S]*?-->` : null,
  ].filter(Boolean);
  const re = new RegExp(pattern.join('|'), 'gm');
  for (const m of text.matchAll(re)) {
    if (m[0].startsWith('"') || m[0].startsWith("'")) continue;
    // A Rust lifetime or char ('a, '"') is not a string; only skip it as written.
    found.push({ line: lineOf(m.index), text: m[0] });
  }
  return found;
}

/** The words of a comment that it presents as repository paths. */
export function namedPaths(comment) {
  const named = [];
  const words = comment.matchAll(
    /(?<![\w:/.@-])(`[\w.-]+(?:\/[\w.-]+)*\.[a-z]+`|\.{0,2}\/?[\w.@-]+(?:\/[\w.@-]*)+)/g,
  );
  for (const [, raw] of words) {
    const following = comment.slice(comment.indexOf(raw) + raw.length)[0] ?? '';
    if (/[*{<$…%]/.test(following)) continue;
    if (raw.startsWith('`')) {
      const name = raw.slice(1, -1);
      const ext = name.split('.').pop();
      if (!NAMED_EXTENSIONS.has(ext) || name.startsWith('.')) continue;
      if (name.split('/').some((part) => SKIPPED_DIRS.has(part))) continue;
      // `shared/notes.md` names a path even when its first folder is not one of ours.
      named.push({ kind: name.includes('/') ? 'folder' : 'name', path: name });
      continue;
    }
    const word = raw.replace(/[.,:;]+$/, '');
    const parts = word.split('/');
    if (parts.some((part) => SKIPPED_DIRS.has(part))) continue;
    if (word.startsWith('./') || word.startsWith('../')) {
      named.push({ kind: 'relative', path: word });
    } else if (TOP_FOLDERS.has(parts[0]) && parts.length > 1 && parts[1] !== '') {
      named.push({ kind: 'folder', path: word });
    }
  }
  return named;
}

/**
 * Whether `relative` (to the repository) names something a fresh clone has: a file git knows,
 * a folder holding one, or a path .gitignore reserves for what the project makes at run time
 * (e.g. tests/e2e/artifacts/). The working tree's leftovers do not count, so the check gives the
 * same answer here as in CI's fresh clone.
 */
function presentIn(files, folders) {
  return (relative) => {
    const p = path.normalize(relative).replace(/\/$/, '');
    if (files.has(p) || folders.has(p)) return true;
    // As a file or as a folder: a folder-only pattern (`/tests/e2e/artifacts/`) matches only
    // with the slash when the folder does not exist yet.
    return [p, `${p}/`].some((candidate) => {
      try {
        execFileSync('git', ['check-ignore', '-q', '--no-index', candidate], { cwd: ROOT });
        return true;
      } catch {
        return false;
      }
    });
  };
}

function check() {
  const files = repositoryFiles();
  const names = new Set(files.map((f) => path.basename(f)));
  const folders = new Set();
  for (const f of files) {
    for (let d = path.dirname(f); d !== '.' && !folders.has(d); d = path.dirname(d)) folders.add(d);
  }
  const present = presentIn(new Set(files), folders);
  const problems = [];
  for (const file of files) {
    // This file's own comments describe made-up paths.
    if (file === 'scripts/check-comment-paths.mjs') continue;
    const ext = path.extname(file);
    if (!SLASH_COMMENTS.has(ext) && !HASH_COMMENTS.has(ext) && !MARKUP_COMMENTS.has(ext)) continue;
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const dir = path.dirname(file);
    for (const comment of comments(text, ext)) {
      for (const named of namedPaths(comment.text)) {
        let problem = null;
        if (named.kind === 'name') {
          if (!names.has(named.path)) problem = 'no file of that name in the repository';
        } else if (named.kind === 'relative') {
          const target = path.normalize(path.join(dir, named.path));
          if (target.startsWith('..')) problem = 'outside the repository';
          else if (!present(target)) problem = `no ${target}`;
        } else {
          let found = false;
          for (let at = dir; ; at = path.dirname(at)) {
            if (present(path.join(at, named.path))) found = true;
            if (found || at === '.' || at === '') break;
          }
          if (!found) problem = 'not in the repository';
        }
        if (problem) problems.push(`${file}:${comment.line}: ${named.path} (${problem})`);
      }
    }
  }
  return problems;
}

const problems = check();
if (problems.length > 0) {
  console.error('Comments that name a path that is not there:');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
