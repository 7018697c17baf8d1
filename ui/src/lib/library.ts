// Pure helpers for the Library area: grouping, reading progress and text sizes.
import type { ArticleSummary } from './bindings';
import { topicName } from './articleTopics';
import { collator, currentLocale, m } from './i18n';

export interface TopicGroup {
  /** The topic as the articles name it: the group's key. */
  topic: string;
  /** The topic as it is shown, in the interface's language. */
  name: string;
  articles: ArticleSummary[];
}

/**
 * Shipped articles grouped under each of their topics (an article can sit in more than one),
 * topics in the alphabetical order of their shown names, articles in the backend's order. Imported articles are left
 * out: they have their own group.
 */
export function groupByTopic(articles: readonly ArticleSummary[]): TopicGroup[] {
  const groups = new Map<string, ArticleSummary[]>();
  for (const article of articles) {
    if (article.imported) continue;
    const topics = article.topics.length > 0 ? article.topics : [m.library_other_readings()];
    for (const topic of new Set(topics)) {
      const list = groups.get(topic) ?? [];
      list.push(article);
      groups.set(topic, list);
    }
  }
  const byTopic = collator({ sensitivity: 'base' });
  return [...groups.entries()]
    .map(([topic, list]) => ({ topic, name: topicName(topic), articles: list }))
    .sort((a, b) => byTopic.compare(a.name, b.name));
}

/**
 * Whether a shipped article comes in English instead of the interface's language: it is not
 * written in it (the backend then sends the English, flagged `fallback` when opened). Its title
 * and summary then carry lang="en", so a screen reader reads them in an English voice.
 * Imported articles, whose language nobody knows, never do.
 */
export function inEnglishInstead(article: Pick<ArticleSummary, 'languages'>): boolean {
  return article.languages.length > 0 && !article.languages.includes(currentLocale());
}

/** How far down a scrolling box is, from 0 to 1; null when there is nothing to scroll. */
export function scrollFraction(scrollTop: number, scrollHeight: number, clientHeight: number): number | null {
  const max = scrollHeight - clientHeight;
  if (!(max > 1)) return null;
  return Math.min(1, Math.max(0, scrollTop / max));
}

/** Reading progress from the backend counts as finished from here (as "continue reading" does). */
export const FINISHED_AT = 0.97;

/** Whether to bring someone back to where they were: started, and not finished. */
export function shouldRestore(progress: number): boolean {
  return progress >= 0.02 && progress < FINISHED_AT;
}

/** "40% read", "Finished". */
export function progressText(progress: number): string {
  if (progress >= FINISHED_AT) return m.library_progress_finished();
  return m.library_progress_read({ percent: Math.max(1, Math.round(progress * 100)) });
}

/** Reading sizes for the article text, as multiples of the normal size. */
export const TEXT_SCALES = [0.9, 1, 1.15, 1.3, 1.5] as const;
export const DEFAULT_TEXT_STEP = 1;

/** A valid index into TEXT_SCALES. */
export function clampTextStep(step: number): number {
  return Math.min(TEXT_SCALES.length - 1, Math.max(0, Math.round(step)));
}

/** "6 min read". */
export function readingTime(minutes: number): string {
  return m.library_min_read({ minutes: Math.max(1, Math.round(minutes)) });
}

/** Search waits this long after the last key press before asking the backend. */
export const SEARCH_DELAY_MS = 120;
