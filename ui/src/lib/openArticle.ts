import { getContext, setContext } from 'svelte';

// Opening a library article from anywhere in the unlocked app. The Shell provides the opener
// through Svelte context (no module-level state): any screen inside it can ask for the
// Library to show an article. Outside the Shell (e.g. a component alone in a test) there is
// no opener, and links to articles are simply not shown.

export type OpenArticle = (slug: string) => void;

/** The context key; tests pass `context: new Map([[OPEN_ARTICLE, fn]])` to `render`. */
export const OPEN_ARTICLE = Symbol('open-article');

/** Articles other screens link to, by slug. */
export const ARTICLE_SLUGS = {
  afterASlip: 'after-a-slip',
  urgeSurfing: 'urge-surfing-and-coping-skills',
  opioidOverdose: 'opioid-overdose',
} as const;

/** Call during component setup (the Shell does). */
export function provideOpenArticle(open: OpenArticle): void {
  setContext(OPEN_ARTICLE, open);
}

/** Call during component setup. `null` when nothing can open articles here. */
export function useOpenArticle(): OpenArticle | null {
  return getContext<OpenArticle | undefined>(OPEN_ARTICLE) ?? null;
}

/** A link inside an article's HTML: the slug of `article:<slug>`, or null for anything else. */
export function articleSlugFromHref(href: string | null): string | null {
  if (!href?.startsWith('article:')) return null;
  const slug = href.slice('article:'.length).trim();
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : null;
}

/** What the Shell hands the Library: which article to open. `seq` makes each request new. */
export interface ArticleRequest {
  slug: string;
  seq: number;
}
