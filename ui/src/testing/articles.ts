import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Tests that hold a screen to what a shipped article says read the article's source, the file
// the core compiles in (src-tauri/core/library/articles/).

const here = path.dirname(decodeURIComponent(new globalThis.URL(import.meta.url).pathname));
const ARTICLES = path.resolve(here, '../../../src-tauri/core/library/articles');
const UI_SRC = path.resolve(here, '..');

/**
 * Every shipped article's file name: the English ones, or with `language` those written in it,
 * as paths `shippedArticle` reads: the language's folder, a slash, the file name.
 */
export function shippedArticleFiles(language?: string): string[] {
  return readdirSync(language ? path.join(ARTICLES, language) : ARTICLES, { withFileTypes: true })
    .map((entry) => entry.name)
    .filter((name) => name.endsWith('.md'))
    .map((name) => (language ? `${language}/${name}` : name))
    .sort();
}

/** The Markdown of a shipped article, by file name (`08-after-a-slip.md`). */
export function shippedArticle(file: string): string {
  return readFileSync(path.join(ARTICLES, file), 'utf8');
}

/** The message catalogues, `ui/messages/*.json`, as [file name, text]; none when there are none. */
export function uiCatalogues(): [string, string][] {
  const dir = path.resolve(UI_SRC, '../messages');
  try {
    return readdirSync(dir, { withFileTypes: true })
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]);
  } catch {
    return [];
  }
}

/** The UI's own source files under `ui/src/` (not tests), as [path from ui/src, text]. */
export function uiSources(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        out.push([path.relative(UI_SRC, full), readFileSync(full, 'utf8')]);
      }
    }
  };
  walk(UI_SRC);
  return out;
}
