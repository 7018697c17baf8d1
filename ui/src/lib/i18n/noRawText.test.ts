/// <reference types="vite/client" />
// No words typed straight into the UI: everything a person reads (or hears from a screen reader)
// comes from the message catalogues, so it is there in every language. Each component is parsed
// with svelte/compiler (the modern AST), and each TypeScript module as a component's script, and
// the test fails on:
// - text between tags, and the words in `aria-label`, `title`, `placeholder`, `alt` and the
//   label-like props components take (`label`, `confirmLabel`, `hint`, ...);
// - a string a `{...}` in the markup shows (`{done ? 'Finished' : ''}`);
// - a string in script that reads as words: two words with a space between, a capitalised word
//   (`'Saved'`), or words beside a `${...}` in a template (`${n}% read`).
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const SOURCES = Object.entries(
  import.meta.glob(
    [
      '/src/**/*.svelte',
      '/src/**/*.ts',
      '!/src/**/*.test.ts',
      '!/src/lib/paraglide/**',
      '!/src/lib/ipc/generated.ts',
      '!/src/lib/ipc/__mocks__/**',
      '!/src/testing/**',
    ],
    { query: '?raw', import: 'default', eager: true },
  ) as Record<string, string>,
);

/** Words that are the same in every language: the app's name, the SOS button's, file types. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'Daybreak',
  'SOS',
  'PDF',
  // Each language's name in itself, in the language picker: a person finds their own.
  'English',
  'Español',
]);

/**
 * Strings in code that are not words for a person, each with why. Keys as `KeyboardEvent.key`
 * and shortcut names are what the browser reports; the rest are never shown.
 */
const NOT_FOR_PEOPLE = new Set([
  // KeyboardEvent.key / .code values and the shortcut names aria-keyshortcuts takes.
  'Escape',
  'Enter',
  'Tab',
  'Home',
  'End',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'KeyM',
  'KeyS',
  'Ctrl+Enter',
  'Ctrl+M',
  'Meta+M',
  'Control+M',
  'Ctrl+Shift+S',
  'Meta+Shift+S',
  'Control+Shift+S',
  // An Error's name, for code that catches it.
  'IpcError',
  // The font sample laid out hidden while the key is derived (src/lib/fontWarmup.ts): out of
  // sight and out of the accessibility tree.
  'Aa Bb 0123456789',
  // Stored names the code looks built-ins up by (src/lib/builtinNames.ts shows them translated).
  'Played the delay',
  // IpcError's message for a rejection that is not an AppError: messageForError shows the
  // code's sentence from the catalogue instead, never this.
  'Unknown error from the backend.',
  // A worldwide directory's own name (findahelpline.com), the same in every language.
  'Find A Helpline',
  // A developer's message when index.html lacks #app: the page is blank, nobody reads it.
  'Daybreak: the #app element is missing from index.html.',
]);

/** Attributes and props whose words a person reads or hears. */
const READ_ATTRIBUTE =
  /^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|hint|intro|message|heading|summary|noun|[a-z]+Label|[a-z]+Text)$/;

type Node = { type: string; [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && 'type' in v;

function hasWords(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  return words.some((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
}

/** Selectors, media queries and ids are code, even with spaces. */
const looksLikeCode = (text: string) => /[[\]{}=#>]|^\([a-z-]+:\s*[a-z-]+\)$/.test(text);

/** A string in script that reads as words for a person. */
function readsAsWords(text: string, besideExpression: boolean): boolean {
  const t = text.trim();
  if (!t || NOT_FOR_PEOPLE.has(t) || looksLikeCode(t) || !hasWords(t)) return false;
  if (/\p{L}{2,}[,.;:!?'"’)]*\s+["'(“]*\p{L}{2,}/u.test(t)) return true; // two words
  if (/^\p{Lu}\p{Ll}+/u.test(t)) return true; // 'Saved', 'Finished'
  // `${n}% read`, `${n} minutes`: words beside a value.
  return besideExpression && /(^|\s)\p{L}{2,}/u.test(text) && /\s/.test(text);
}

/** The strings an expression evaluates to (not those it only compares or passes along). */
function shownStrings(expression: unknown): string[] {
  if (!isNode(expression)) return [];
  switch (expression.type) {
    case 'Literal':
      return typeof expression.value === 'string' ? [expression.value] : [];
    case 'TemplateLiteral':
      return (expression.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked);
    case 'ConditionalExpression':
      return [...shownStrings(expression.consequent), ...shownStrings(expression.alternate)];
    case 'LogicalExpression':
      return [...shownStrings(expression.left), ...shownStrings(expression.right)];
    case 'BinaryExpression':
      return expression.operator === '+'
        ? [...shownStrings(expression.left), ...shownStrings(expression.right)]
        : [];
    default:
      return [];
  }
}

/** Every string literal and template in a script's syntax tree that reads as words. */
function wordsInScript(program: unknown, found: string[]) {
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return;
    if (
      node.type.startsWith('TS') &&
      node.type !== 'TSAsExpression' &&
      node.type !== 'TSSatisfiesExpression'
    ) {
      return; // types: `'sober' | 'not-sober'` is never shown
    }
    if (node.type === 'Property' && !node.computed) {
      visit(node.value); // a key names a field or a stored name; only the value can be shown
      return;
    }
    if (node.type === 'Literal' && typeof node.value === 'string') {
      if (readsAsWords(node.value, false)) found.push(node.value);
      return;
    }
    if (node.type === 'TemplateLiteral') {
      const quasis = node.quasis as { value: { cooked: string } }[];
      const withExpressions = quasis.length > 1;
      const joined = quasis.map((q) => q.value.cooked).join('${}');
      if (readsAsWords(joined.replace(/\$\{\}/g, '0'), withExpressions)) {
        found.push(joined);
      } else if (withExpressions && quasis.some((q) => readsAsWords(q.value.cooked, true))) {
        found.push(joined);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'loc' && key !== 'start' && key !== 'end') visit(value);
    }
  };
  visit(program);
}

/** Words typed into a component (`kind` 'svelte') or a TypeScript module (`kind` 'ts'). */
export function rawText(source: string, kind: 'svelte' | 'ts'): string[] {
  const found: string[] = [];
  if (kind === 'ts') {
    const ast = parse(`<script lang="ts">${source}</script>`, { modern: true });
    wordsInScript(ast.instance?.content, found);
    return found;
  }
  const ast = parse(source, { modern: true });
  wordsInScript(ast.instance?.content, found);
  wordsInScript(ast.module?.content, found);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if (node.type === 'Text') {
      if (hasWords(node.data as string)) found.push((node.data as string).trim().replace(/\s+/g, ' '));
      return;
    }
    if (node.type === 'ExpressionTag') {
      for (const s of shownStrings(node.expression)) if (hasWords(s)) found.push(s);
      return;
    }
    if (node.type === 'Attribute') {
      if (!READ_ATTRIBUTE.test(node.name as string) || node.value === true) return;
      const parts = (Array.isArray(node.value) ? node.value : [node.value]) as Node[];
      for (const part of parts) {
        if (part.type === 'Text' && hasWords(part.data as string)) found.push(`${node.name}="${part.data}"`);
        if (part.type === 'ExpressionTag') {
          for (const s of shownStrings(part.expression)) if (hasWords(s)) found.push(`${node.name}={'${s}'}`);
        }
      }
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (
        key === 'attributes' ||
        key === 'fragment' ||
        key === 'nodes' ||
        key === 'body' ||
        key === 'fallback'
      ) {
        visit(value);
      } else if (key === 'consequent' || key === 'alternate' || key === 'pending' || key === 'then') {
        visit(value);
      } else if (key === 'catch') {
        visit(value);
      }
    }
  };
  visit(ast.fragment);
  return found;
}

describe('no words typed into the UI', () => {
  it('every word a person reads comes from the message catalogues', () => {
    const offenders: Record<string, string[]> = {};
    for (const [path, text] of SOURCES) {
      const found = rawText(text, path.endsWith('.svelte') ? 'svelte' : 'ts');
      if (found.length > 0) offenders[path] = found;
    }
    expect(offenders, 'move these into messages/en.json and es.json and show them with m.…()').toEqual({});
  });

  it('dates and numbers are written in the interface’s language, not the system’s', () => {
    const offenders: Record<string, string[]> = {};
    for (const [path, text] of SOURCES) {
      // `new Intl.DateTimeFormat(undefined, …)` and `toLocaleString()` follow the system, so a
      // Spanish interface on an English system would say "Monday"; intlLocale() is the choice.
      // Asking the system for its own locale (`Intl.DateTimeFormat().resolvedOptions()`, for
      // the region's first weekday or currency) is what it is for.
      const found = [
        ...text.matchAll(/(?:Intl\.\w+|\.toLocale\w*String)\(\s*(?:undefined\b|\)(?!\.resolvedOptions))/g),
      ].map((m) => m[0]);
      if (found.length > 0) offenders[path] = found;
    }
    expect(offenders, 'pass intlLocale() from lib/i18n').toEqual({});
  });

  it('finds words in markup, attributes, shown expressions and script', () => {
    const component = [
      '<script lang="ts">',
      "  import { m } from '../lib/i18n';",
      "  type Key = 'howAreYou' | 'morning';",
      '  const DAILY = [',
      "    { key: 'morning', label: m.morning(), fallback: '08:00' },",
      "    { key: 'howAreYou', label: 'A daily \"How are you?\"', fallback: '15:00' },",
      '  ];',
      "  let saved = $state('');",
      "  const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') saved = 'Saved.'; };",
      "  const sel = 'a[href], button:not([disabled])';",
      '  const read = (p: number) => `${p}% read`;',
      '</script>',
      '<p title="Close it" class="muted small" data-testid="x-y">Saved {count} days</p>',
      "<b>{m.x()}</b><i>Daybreak · 3</i><span aria-label={done ? 'Finished' : m.y()}></span>",
      '<Dialog confirmLabel="Delete" id="{uid}-title" />',
      '<style>p { color: red; }</style>',
    ].join('\n');
    expect(rawText(component, 'svelte')).toEqual([
      'A daily "How are you?"',
      'Saved.',
      '${}% read',
      'title="Close it"',
      'Saved',
      'days',
      "aria-label={'Finished'}",
      'confirmLabel="Delete"',
    ]);
    expect(rawText("export const WORDS = { sober: 'checked in, sober', none: 'none' };", 'ts')).toEqual([
      'checked in, sober',
    ]);
  });
});
