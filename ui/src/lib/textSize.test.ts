/// <reference types="vite/client" />
// Text follows the size the person chose: a font size in px (or an SVG font size in bare user
// units, which are px) stays small when someone sets text to 200%, so sizes are in rem or em.
// Borders, shadows and gaps may stay in px: only font sizes are checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HERE = path.dirname(decodeURIComponent(new globalThis.URL(import.meta.url).pathname));

const SOURCES: [string, string][] = [
  ...Object.entries(
    import.meta.glob('/src/**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<
      string,
      string
    >,
  ),
  // Vitest hands CSS imports over empty, so the style sheets are read from disk.
  ['/src/app.css', readFileSync(path.join(HERE, '../app.css'), 'utf8')],
  ['/src/journal.css', readFileSync(path.join(HERE, '../journal.css'), 'utf8')],
];

/** Every font size in `source` that does not grow with the person's text size. */
export function fixedFontSizes(source: string): string[] {
  const found: string[] = [];
  // CSS: `font-size: 14px`, `font: 600 14px/1.2 …`, `style:font-size="14px"`, `style="font-size:14px"`.
  for (const match of source.matchAll(/font(?:-size)?\s*:\s*([^;"}\n]*)/g)) {
    if (/\d(?:\.\d+)?px\b/.test(match[1] ?? '')) found.push(match[0].trim());
  }
  // Svelte style directive and SVG presentation attribute: a bare number is px.
  for (const match of source.matchAll(/(?:style:)?font-size=["{']?\s*([\d.]+(?:px)?)\s*["}']/g)) {
    found.push(match[0]);
  }
  return found;
}

describe('text size', () => {
  it('no font size is in px, so text grows when the person enlarges it', () => {
    const offenders: Record<string, string[]> = {};
    for (const [path, text] of SOURCES) {
      const fixed = fixedFontSizes(text);
      if (fixed.length > 0) offenders[path] = fixed;
    }
    expect(offenders, 'use rem (or em) for font sizes').toEqual({});
  });

  it('the check finds px font sizes and leaves rem, em and px borders alone', () => {
    expect(
      fixedFontSizes(
        [
          'body { font-size: 16px; border: 1px solid; }',
          '.a { font: 600 13px/1.2 sans-serif; }',
          '.b { font-size: 0.9rem; box-shadow: 0 1px 2px #000; }',
          '.c { font-size: calc(1.0625rem * var(--article-scale, 1)); }',
          '<text font-size="13">x</text><text font-size="0.8125rem">y</text>',
          '<p style="font-size:12px">z</p><p style:font-size="1em">w</p>',
        ].join('\n'),
      ),
    ).toEqual(['font-size: 16px', 'font: 600 13px/1.2 sans-serif', 'font-size:12px', 'font-size="13"']);
  });
});
