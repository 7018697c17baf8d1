// Ready-made backend answers for the library tests. Each call returns a fresh object.
import type { Article, ArticleSummary, LibraryHit } from '../lib/bindings';

export function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    slug: 'after-a-slip',
    title: 'After a slip',
    summary: 'What to do in the first hour and the next day.',
    topics: ['Slips', 'Overdose'],
    triggers: ['depression'],
    imported: false,
    readingMinutes: 6,
    bookmarked: false,
    progress: 0,
    languages: ['en', 'es'],
    ...overrides,
  };
}

/** Three shipped articles and one imported one. */
export function list(): ArticleSummary[] {
  return [
    summary({
      slug: 'cravings-and-triggers',
      title: 'Cravings and triggers',
      topics: ['Cravings', 'Relapse prevention'],
      readingMinutes: 7,
      progress: 0.4,
    }),
    summary({
      slug: 'urge-surfing-and-coping-skills',
      title: 'Urge surfing and coping skills',
      topics: ['Coping skills', 'Cravings'],
      bookmarked: true,
      readingMinutes: 5,
    }),
    summary({ slug: 'after-a-slip', title: 'After a slip', topics: ['Slips', 'Relapse prevention'] }),
    summary({
      slug: 'imported-my-notes',
      title: 'My notes',
      summary: 'Things my counsellor said.',
      topics: ['Imported'],
      triggers: [],
      imported: true,
      readingMinutes: 2,
    }),
  ];
}

export const BODY_HTML = [
  '<p>If you\'ve had a slip, take a breath. See <a href="article:urge-surfing-and-coping-skills">urge surfing</a>',
  ' or <a>a web page</a>.</p>',
  '<h2 id="safety-first">Safety first</h2><p>Tolerance drops fast.</p>',
  '<h3 id="dont-be-alone">Don\'t be alone</h3><p>Tell someone.</p>',
  '<h2 id="what-to-do-next">What to do next</h2><p>Rest.</p>',
].join('');

export function article(overrides: Partial<Article> = {}): Article {
  return {
    ...summary(),
    html: BODY_HTML,
    toc: [
      { id: 'safety-first', text: 'Safety first', level: 2 },
      { id: 'dont-be-alone', text: "Don't be alone", level: 3 },
      { id: 'what-to-do-next', text: 'What to do next', level: 2 },
    ],
    related: [{ slug: 'opioid-overdose', title: 'Opioid overdose' }],
    sources: [
      {
        organisation: 'World Health Organization (WHO)',
        title: 'Opioid overdose',
        url: 'https://www.who.int/news-room/fact-sheets/detail/opioid-overdose',
      },
    ],
    reviewed: '2026-11-27',
    note: null,
    importedAt: null,
    fallback: false,
    ...overrides,
  };
}

export function hit(overrides: Partial<LibraryHit> = {}): LibraryHit {
  return {
    slug: 'urge-surfing-and-coping-skills',
    title: 'Urge surfing and coping skills',
    snippet: [
      { text: 'Notice the ', hit: false },
      { text: 'urge', hit: true },
      { text: ' and let it pass <b>slowly</b>.', hit: false },
    ],
    score: -3.2,
    ...overrides,
  };
}
