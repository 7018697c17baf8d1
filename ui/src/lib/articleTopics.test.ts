import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_TOPICS, topicName } from './articleTopics';
import { groupByTopic } from './library';
import { useLanguage } from './i18n';
import { summary } from '../testing/library';

afterEach(() => useLanguage(null));

const here = path.dirname(decodeURIComponent(new globalThis.URL(import.meta.url).pathname));
const ARTICLES = path.resolve(here, '../../../src-tauri/core/library/articles');

/** Every topic the shipped articles name, in English and in Spanish, read from their front matter. */
function shippedTopics(): string[] {
  const topics = new Set<string>();
  for (const dir of [ARTICLES, path.join(ARTICLES, 'es')]) {
    const files = readdirSync(dir, { withFileTypes: true }).map((entry) => entry.name);
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const line = readFileSync(path.join(dir, file), 'utf8').match(/^topics:(.*)$/m)?.[1] ?? '';
      for (const topic of line.split(',')) if (topic.trim()) topics.add(topic.trim());
    }
  }
  return [...topics].sort();
}

describe('article topics', () => {
  it('every topic a shipped article names has words in the catalogue', () => {
    const topics = shippedTopics();
    expect(topics.length).toBeGreaterThan(10);
    expect(topics.filter((topic) => !ARTICLE_TOPICS.has(topic))).toEqual([]);
  });

  it('are shown in the interface’s language, and grouped in the order of what is shown', () => {
    useLanguage('es');
    expect(topicName('Overdose')).toBe('Sobredosis');
    expect(topicName('The brain')).toBe('El cerebro');
    const groups = groupByTopic([
      summary({ slug: 'a', topics: ['The brain'] }),
      summary({ slug: 'b', topics: ['Overdose'] }),
      summary({ slug: 'c', topics: ['Cravings'] }),
    ]);
    expect(groups.map((g) => [g.topic, g.name])).toEqual([
      ['The brain', 'El cerebro'],
      ['Cravings', 'Ganas de consumir'],
      ['Overdose', 'Sobredosis'],
    ]);
    useLanguage('en');
    expect(topicName('The brain')).toBe('The brain');
  });

  it('leaves a topic it does not know as written', () => {
    useLanguage('es');
    expect(topicName('Poetry')).toBe('Poetry');
    expect(topicName('constructor')).toBe('constructor');
  });
});
