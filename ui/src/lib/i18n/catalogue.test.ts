/// <reference types="vite/client" />
// The message catalogues stay whole: every message in every language, with the same
// placeholders; no message nobody uses; and no English typed straight into a component's markup.
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import es from '../../../messages/es.json';
import { m } from '.';

type Catalogue = Record<string, unknown>;
const CATALOGUES: Record<string, Catalogue> = { en, es };

const keys = (c: Catalogue) => Object.keys(c).filter((k) => k !== '$schema');

/** Every `{name}` a message fills in (any variant of a plural message). */
function placeholders(message: unknown): string[] {
  const found = new Set<string>();
  for (const match of JSON.stringify(message).matchAll(/\{(\w+)\}/g)) found.add(match[1] ?? '');
  return [...found].sort();
}

// The UI's own source, tests and generated code left out.
const SOURCES = Object.entries(
  import.meta.glob(['/src/**/*.svelte', '/src/**/*.ts', '!/src/**/*.test.ts', '!/src/lib/paraglide/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>,
);

/**
 * Components whose words are not in the catalogues yet. This list only shrinks: a file that
 * has no English left must leave it (the test says so).
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

/** Words that are the same in every language. */
const ALLOWED = new Set([
  'Daybreak',
  'SOS',
  'HALT',
  'Markdown',
  'JSON',
  'CSV',
  'PDF',
  'Daylio',
  'Ctrl',
  'Shift',
  'Esc',
  'Enter',
]);

/** Text a person reads in a component's markup that is typed there in English. */
export function englishInMarkup(source: string): string[] {
  let markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  // Expressions (nested braces included) are code, not words typed in.
  let previous = '';
  while (previous !== markup) {
    previous = markup;
    markup = markup.replace(/\{[^{}]*\}/g, ' ');
  }
  const found: string[] = [];
  const words = (text: string) =>
    text.split(/[^A-Za-z'’]+/).filter((w) => /[A-Za-z]{2,}/.test(w) && !ALLOWED.has(w));
  // Attributes people read (or hear, from a screen reader), and components' label-like props.
  const attributes =
    /\s(aria-label|title|placeholder|alt|label|hint|confirmLabel|cancelLabel|intro|message|heading)="([^"]*)"/g;
  for (const match of markup.matchAll(attributes)) {
    if (words(match[2] ?? '').length > 0) found.push(`${match[1]}="${match[2]}"`);
  }
  // Text between tags.
  const tagless = markup.replace(/<[^<>]*>/g, '\u0000');
  for (const text of tagless.split('\u0000')) {
    const t = text.trim();
    if (t && words(t).length > 0) found.push(t.replace(/\s+/g, ' '));
  }
  return found;
}

describe('message catalogues', () => {
  it('every language has every message, with the same placeholders', () => {
    const english = keys(en);
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      expect(keys(catalogue).sort(), `${language}.json must have exactly the messages en.json has`).toEqual(
        [...english].sort(),
      );
      for (const key of english) {
        expect(placeholders(catalogue[key]), `${language}.json ${key} fills in what en.json's does`).toEqual(
          placeholders((en as Catalogue)[key]),
        );
        expect(JSON.stringify(catalogue[key]).trim(), `${language}.json ${key} is not empty`).not.toBe('""');
      }
    }
  });

  it('a message that counts says something for any count, in every language', () => {
    // A message names the plural forms its language has words for; CLDR may pick another (in
    // Spanish, "many" for exact millions), and with no variant for any count left, paraglide
    // shows the message's key. Each input a message counts by gets the count.
    const counted = (message: unknown) =>
      [...JSON.stringify(message).matchAll(/input (\w+)/g)].map((x) => x[1] ?? '');
    const counting = keys(en).filter((key) => counted((en as Catalogue)[key]).length > 0);
    expect(counting.length).toBeGreaterThan(20);
    const say = m as unknown as Record<string, (inputs: object, options: { locale: string }) => string>;
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      for (const key of counting) {
        for (const count of [0, 1, 2, 1.5, 21, 1_000_000, 2_000_000]) {
          const inputs = Object.fromEntries(counted(catalogue[key]).map((name) => [name, count]));
          const message = say[key];
          expect(message, `${key} is compiled`).toBeTypeOf('function');
          const said = message?.(inputs, { locale: language });
          expect(said, `${language} ${key} for ${count}`).not.toBe(key);
        }
      }
    }
  });

  it('every message is used somewhere in the UI', () => {
    const all = SOURCES.map(([, text]) => text).join('\n');
    const unused = keys(en).filter(
      (key) => !new RegExp(`\\bm\\.${key}\\b|\\bm\\[['"]${key}['"]\\]`).test(all),
    );
    expect(unused, 'messages no component uses: remove them from every catalogue').toEqual([]);
  });

  it('no English is typed into a component’s markup', () => {
    const offenders: Record<string, string[]> = {};
    const doneNow: string[] = [];
    for (const [path, text] of SOURCES) {
      if (!path.endsWith('.svelte')) continue;
      const english = englishInMarkup(text);
      if (NOT_YET_TRANSLATED.has(path)) {
        if (english.length === 0) doneNow.push(path);
      } else if (english.length > 0) {
        offenders[path] = english;
      }
    }
    // Words in markup go into messages/*.json and come from `m`; a file translated now leaves
    // NOT_YET_TRANSLATED.
    expect({ englishInMarkup: offenders, translatedButStillListed: doneNow }).toEqual({
      englishInMarkup: {},
      translatedButStillListed: [],
    });
  });

  it('the scan finds English in markup and leaves code, names and symbols alone', () => {
    expect(
      englishInMarkup(
        '<script>const a = "Hello";</script><p title="Close it">Saved {count} days</p><b>{m.x()}</b><i>Daybreak · 3</i><style>p{}</style>',
      ),
    ).toEqual(['title="Close it"', 'Saved days']);
  });
});
