#!/usr/bin/env node
// Fails when a shipped string labels a person by their drug use, or calls them a failure. The
// people reading Daybreak are in recovery, sometimes in crisis, sometimes young: the words are
// person-first ("a person in recovery", "days sober", "a slip"). Run by scripts/test.sh; on its
// own:
//   node scripts/check-words.mjs            check the repository
//   node scripts/check-words.mjs FILE...    check only these files (any of the kinds below)
//
// What is read, only the text a person can see:
// - the articles, `src-tauri/core/library/articles/*.md` and their translations in a folder per
//   language (`src-tauri/core/library/articles/es/*.md`): all of it, front matter included;
// - Rust under `src-tauri/core/src/**` and `src-tauri/src/**`: string literals only (not
//   comments or names);
// - the UI, `ui/src/**/*.svelte` and `ui/src/**/*.ts` (not `*.test.ts`, `*.d.ts` or the
//   `ui/src/testing/**` fakes): string and template literals in scripts, and in Svelte markup
//   the text between tags, the quoted values of the attributes a person sees or hears (title,
//   alt, placeholder, aria-label, ...) and the string literals inside `{...}`;
// - message catalogues, any JSON under `ui/messages/**`, `ui/src/**/messages/**`,
//   `ui/src/**/locales/**` or `ui/src/**/i18n/**`: every string value (keys are names);
// - the package's menu entry and store listing, `src-tauri/packaging/**/*.desktop` and `*.xml`.
// A literal with no space made only of lower-case letters, digits and `_-.:/` is a code or a
// key ('failure', 'user-menu'), not a sentence, and is left alone.
//
// The words, each a pattern (see RULES) and the allowed uses in ALLOWED, one place, each with
// its reason.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The words to avoid, and what to say instead. */
export const RULES = [
  { name: 'addict', re: /\baddicts?\b/gi, instead: 'a person with a substance use disorder' },
  { name: 'junkie', re: /\bjunkies?\b/gi, instead: 'a person who uses drugs' },
  { name: 'abuser', re: /\babusers?\b/gi, instead: 'a person who uses drugs' },
  {
    name: 'substance abuse',
    re: /\b(?:substance|drug|alcohol|opioid)\s+abuse\b/gi,
    instead: 'substance use, or a substance use disorder',
  },
  {
    name: 'clean/dirty about a person',
    re: new RegExp(
      [
        // "stay clean", "got clean", "I'm clean", "was dirty"
        String.raw`\b(?:stay(?:s|ed|ing)?|get(?:s|ting)?|got(?:ten)?|keep(?:s|ing)?|kept|remain(?:s|ed|ing)?|be(?:en|ing)?|am|is|are|was|were|i'm|you're|we're|they're|he's|she's|went|go(?:es|ing)?|come|came|coming)\s+(?:clean|dirty)\b`,
        // "clean for 30 days", "clean time", "dirty urine", "clean and sober"
        String.raw`\b(?:clean|dirty)\s+(?:and\s+sober|for|since|time|dates?|days?|weeks?|months?|years?|urine|tests?|screens?|samples?|results?|people|person|folks?|addicts?|users?)\b`,
        // "30 days clean", "two years clean"
        String.raw`\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|few|several|some)\s+(?:days?|weeks?|months?|years?)\s+(?:clean|dirty)\b`,
      ].join('|'),
      'gi',
    ),
    instead: 'sober, in recovery, days sober; a negative or positive test',
  },
  {
    name: 'alcoholic as a noun',
    re: /\b(?:alcoholics|(?:an|the|a|am|fellow|recovering|functioning|of)\s+alcoholic)\b(?!-)/gi,
    instead: 'a person with alcohol use disorder',
  },
  {
    name: 'user as a label for a person',
    re: /\b(?:(?:drug|drugs|opioid|opioids|heroin|substance|alcohol|meth|cocaine|crack|fentanyl|injection|injecting|iv|needle|pill|polysubstance|problem|heavy|chronic|former|ex|active|recreational|current|past|habitual|street)[\s-]+users?|users?\s+of)\b/gi,
    instead: 'a person who uses drugs',
  },
  { name: 'failure', re: /\bfailures?\b/gi, instead: 'a slip, a setback, or "it did not work"' },
  // The same labels in Spanish, for the Spanish catalogue.
  {
    name: 'adicto / yonqui (es)',
    re: /\b(?:drog)?adict[oa]s?\b|\byonquis?\b|\btoxicóman[oa]s?\b/gi,
    instead: 'una persona con un trastorno por consumo de sustancias',
  },
  {
    name: 'abuso de sustancias (es)',
    re: /\babuso\s+de\s+(?:sustancias|drogas|alcohol|opioides)\b/gi,
    instead: 'consumo de sustancias',
  },
  {
    name: 'limpio/sucio about a person (es)',
    re: /\b(?:estoy|estás|estamos|estuve|seguir|sigo|sigue|mantenerse|mantente|mantenerte|mantenerme|días|semanas|meses|años)\s+(?:limpi[oa]s?|suci[oa]s?)\b/gi,
    instead: 'sobrio, en recuperación, días sin consumir',
  },
  {
    name: 'alcohólico as a noun (es)',
    re: /\balcohólic[oa]s\b|\b(?:un|una|el|la|soy|es)\s+alcohólic[oa]\b/gi,
    instead: 'una persona con un trastorno por consumo de alcohol',
  },
  {
    name: 'consumidor as a label (es)',
    re: /\b(?:consumidor(?:a|es|as)?|usuari[oa]s?)\s+de\s+(?:drogas|sustancias|opioides|heroína|alcohol)\b/gi,
    instead: 'una persona que consume drogas',
  },
  { name: 'fracaso (es)', re: /\bfracasos?\b/gi, instead: 'un tropiezo, una recaída' },
];

/** Phrases that contain a word above but say nothing about a person: masked before matching. */
export const ALLOWED = [
  { phrase: 'Alcoholics Anonymous', reason: "the fellowship's own name" },
  { phrase: 'Alcohólicos Anónimos', reason: "the fellowship's own name, in Spanish" },
  { phrase: 'Substance Abuse and Mental Health Services Administration', reason: "a US agency's name, cited as a source" },
  { phrase: 'National Institute on Drug Abuse', reason: "a US agency's name, cited as a source" },
  { phrase: 'National Institute on Alcohol Abuse and Alcoholism', reason: "a US agency's name, cited as a source" },
  { phrase: 'SADAG Substance Abuse Helpline', reason: "a South African helpline's own name, as a caller would look for it" },
];

/** Attributes whose quoted value a person reads or hears. */
const HUMAN_ATTRIBUTES = new Set([
  'title', 'alt', 'placeholder', 'label', 'aria-label', 'aria-description', 'aria-roledescription',
  'aria-valuetext', 'aria-placeholder',
]);

const CODE_LIKE = /^[a-z0-9_\-.:/]*$/;
const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist', 'build', '.svelte-kit']);

/** Rust string literals (normal, byte and raw), each as { at, text }; comments are skipped. */
export function rustStrings(src) {
  const out = [];
  const ident = (c) => c !== undefined && /[\w]/.test(c);
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === '/' && src[i + 1] === '*') (depth++, (i += 2));
        else if (src[i] === '*' && src[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
    } else if ((c === 'r' || (c === 'b' && src[i + 1] === 'r')) && !ident(src[i - 1])) {
      let j = c === 'b' ? i + 2 : i + 1;
      let hashes = 0;
      while (src[j] === '#') (hashes++, j++);
      if (src[j] === '"') {
        const close = '"' + '#'.repeat(hashes);
        const end = src.indexOf(close, j + 1);
        const stop = end === -1 ? src.length : end;
        out.push({ at: j + 1, text: src.slice(j + 1, stop) });
        i = stop + close.length;
      } else {
        i = j;
      }
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out.push({ at: i + 1, text: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === "'") {
      // A char literal ('a', '\n', '\'', '"') or a lifetime ('a): skip either.
      if (src[i + 1] === '\\') {
        let j = i + 2;
        while (j < src.length && src[j] !== "'") j++;
        i = j + 1;
      } else {
        const next = String.fromCodePoint(src.codePointAt(i + 1) ?? 32);
        i += src[i + 1 + next.length] === "'" ? 2 + next.length : 1;
      }
    } else {
      i++;
    }
  }
  return out;
}

/**
 * String and template literals of TypeScript or JavaScript, each as { at, text }; comments and
 * regular expression literals are skipped; a template's `${...}` parts are read as code.
 */
export function scriptStrings(src, base = 0) {
  const out = [];
  let i = 0;
  let last = ''; // the last significant character, to tell a regex from a division
  const regexCanStart = () => last === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(last);
  while (i < src.length) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
    } else if (c === '/' && regexCanStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        if (src[j] === '\\') j += 2;
        else if (src[j] === '[') (inClass = true, j++);
        else if (src[j] === ']') (inClass = false, j++);
        else if (src[j] === '/' && !inClass) break;
        else j++;
      }
      i = j + 1;
      last = '/';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out.push({ at: base + i + 1, text: src.slice(i + 1, j) });
      i = j + 1;
      last = 'a';
    } else if (c === '`') {
      let j = i + 1;
      let start = j;
      let text = '';
      while (j < src.length && src[j] !== '`') {
        if (src[j] === '\\') j += 2;
        else if (src[j] === '$' && src[j + 1] === '{') {
          text += src.slice(start, j) + ' ';
          const end = matchingBrace(src, j + 1);
          out.push(...scriptStrings(src.slice(j + 2, end), base + j + 2));
          j = end + 1;
          start = j;
        } else j++;
      }
      text += src.slice(start, j);
      out.push({ at: base + i + 1, text });
      i = j + 1;
      last = 'a';
    } else {
      if (!/\s/.test(c)) last = /[\w$)\]]/.test(c) ? 'a' : c;
      // A keyword before a regex: `return /x/`.
      if (/\w/.test(c)) {
        const word = /^\w+/.exec(src.slice(i))[0];
        if (['return', 'typeof', 'case', 'in', 'of', 'void', 'delete'].includes(word)) last = '(';
        i += word.length;
        continue;
      }
      i++;
    }
  }
  return out;
}

/** The index of the `}` that closes the `{` at `open`, skipping strings and templates. */
function matchingBrace(src, open) {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') j++;
        else if (c === '`' && src[j] === '$' && src[j + 1] === '{') j = matchingBrace(src, j + 1);
        j++;
      }
      i = j;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return src.length;
}

/** The human text of a Svelte component: script strings, markup text, human attributes. */
export function svelteStrings(src) {
  const out = [];
  let i = 0;
  let textStart = 0;
  const flushText = (end) => {
    if (end > textStart) out.push({ at: textStart, text: src.slice(textStart, end) });
  };
  while (i < src.length) {
    if (src.startsWith('<!--', i)) {
      flushText(i);
      const end = src.indexOf('-->', i + 4);
      i = end === -1 ? src.length : end + 3;
      textStart = i;
    } else if (/^<(script|style)\b/.test(src.slice(i, i + 8))) {
      flushText(i);
      const tag = /^<(script|style)/.exec(src.slice(i))[1];
      const open = src.indexOf('>', i);
      const close = src.indexOf(`</${tag}>`, open);
      const end = close === -1 ? src.length : close;
      if (tag === 'script') out.push(...scriptStrings(src.slice(open + 1, end), open + 1));
      i = close === -1 ? src.length : close + tag.length + 3;
      textStart = i;
    } else if (src[i] === '<' && /[a-zA-Z/!]/.test(src[i + 1] ?? '')) {
      flushText(i);
      i = readTag(src, i, out);
      textStart = i;
    } else if (src[i] === '{') {
      flushText(i);
      const end = matchingBrace(src, i);
      out.push(...scriptStrings(src.slice(i + 1, end), i + 1));
      i = end + 1;
      textStart = i;
    } else {
      i++;
    }
  }
  flushText(src.length);
  return out;
}

/** Reads one tag from `<` and returns the index after its `>`; human attribute values to `out`. */
function readTag(src, i, out) {
  let j = i + 1;
  while (j < src.length && !/[\s>/]/.test(src[j])) j++;
  while (j < src.length && src[j] !== '>') {
    if (src[j] === '{') {
      const end = matchingBrace(src, j);
      out.push(...scriptStrings(src.slice(j + 1, end), j + 1));
      j = end + 1;
      continue;
    }
    const name = /^[^\s=>/{}]+/.exec(src.slice(j));
    if (!name) {
      j++;
      continue;
    }
    j += name[0].length;
    if (src[j] !== '=') continue;
    j++;
    const quote = src[j];
    if (quote === '"' || quote === "'") {
      const end = src.indexOf(quote, j + 1);
      const stop = end === -1 ? src.length : end;
      const value = src.slice(j + 1, stop);
      // Expressions inside a quoted value: their strings count wherever they are.
      for (let k = value.indexOf('{'); k !== -1; k = value.indexOf('{', k + 1)) {
        const close = matchingBrace(value, k);
        out.push(...scriptStrings(value.slice(k + 1, close), j + 1 + k + 1));
        k = close;
      }
      if (HUMAN_ATTRIBUTES.has(name[0].toLowerCase())) {
        out.push({ at: j + 1, text: value.replace(/\{[^}]*\}/g, ' ') });
      }
      j = stop + 1;
    } else if (quote === '{') {
      const end = matchingBrace(src, j);
      out.push(...scriptStrings(src.slice(j + 1, end), j + 1));
      j = end + 1;
    }
  }
  return j + 1;
}

/** Every string value of a JSON document (keys are names, not text). */
export function jsonStrings(src) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push({ at: 0, text: v });
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(src));
  // Point at the line where each value is written, when it is written once as is.
  for (const s of out) {
    const at = src.indexOf(JSON.stringify(s.text).slice(1, -1));
    s.at = at === -1 ? 0 : at;
  }
  return out;
}

/** The kind of a repository file for this check, or null when it is not read. */
export function kindOf(file) {
  const f = file.split(path.sep).join('/');
  if (f.split('/').some((p) => SKIPPED_DIRS.has(p))) return null;
  if (/^src-tauri\/core\/library\/articles\/(?:[a-z]{2}(?:-[A-Za-z]+)?\/)?[^/]+\.md$/.test(f)) return 'text';
  if (/^src-tauri\/(?:core\/)?src\/.*\.rs$/.test(f)) return 'rust';
  if (/^src-tauri\/packaging\/.*\.(?:desktop|xml)$/.test(f)) return 'text';
  if (/^ui\/(?:messages\/|src\/(?:.*\/)?(?:messages|locales|i18n)\/).*\.json$/.test(f)) return 'json';
  if (!f.startsWith('ui/src/') || f.startsWith('ui/src/testing/')) return null;
  if (/\.(?:test|spec)\.ts$/.test(f) || f.endsWith('.d.ts')) return null;
  if (f.endsWith('.svelte')) return 'svelte';
  if (f.endsWith('.ts')) return 'script';
  return null;
}

/** The human strings of one file's text, by kind. */
export function stringsOf(kind, text) {
  switch (kind) {
    case 'text':
      return [{ at: 0, text }];
    case 'rust':
      return rustStrings(text);
    case 'script':
      return scriptStrings(text);
    case 'svelte':
      return svelteStrings(text);
    case 'json':
      return jsonStrings(text);
    default:
      return [];
  }
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALLOWED_RE = new RegExp(
  ALLOWED.map((a) => `\\b${escapeRe(a.phrase).replace(/ /g, '\\s+')}\\b`).join('|'),
  'gi',
);

/** The words in one piece of human text that break the rules: [{ rule, word, index }]. */
export function findWords(text) {
  if (!/\s/.test(text.trim()) && CODE_LIKE.test(text.trim())) return [];
  // Escapes such as \n end words; allowed phrases are blanked, keeping every index in place.
  const clean = text
    .replace(/\\[nrt]/g, (m) => ' '.repeat(m.length))
    .replace(ALLOWED_RE, (m) => m.replace(/\S/g, ' '));
  const found = [];
  for (const rule of RULES) {
    for (const m of clean.matchAll(rule.re)) found.push({ rule, word: m[0], index: m.index });
  }
  return found;
}

/** Every problem in one file: "file:line: "word" (rule; say instead ...)". */
export function checkFile(file, text, kind = kindOf(file)) {
  const problems = [];
  for (const piece of stringsOf(kind, text)) {
    for (const hit of findWords(piece.text)) {
      const at = piece.at + hit.index;
      const line = text.slice(0, at).split('\n').length;
      problems.push(
        `${file}:${line}: "${hit.word.replace(/\s+/g, ' ')}" (${hit.rule.name}; say ${hit.rule.instead})`,
      );
    }
  }
  return problems;
}

/** Every file git knows of or would add (tracked, or new and not ignored). */
function repositoryFiles() {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => f && existsSync(path.join(ROOT, f)));
}

function main(args) {
  const named = args.length > 0;
  const files = named ? args.map((a) => path.relative(ROOT, path.resolve(a))) : repositoryFiles();
  const problems = [];
  let read = 0;
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) {
      if (named) problems.push(`${file}: not a kind of file this check reads`);
      continue;
    }
    read++;
    problems.push(...checkFile(file, readFileSync(path.join(ROOT, file), 'utf8'), kind));
  }
  if (problems.length > 0) {
    console.error('Words that label a person by their drug use, or call them a failure:');
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`check-words: ${read} files, no labelling words`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
