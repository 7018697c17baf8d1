import { describe, expect, it } from 'vitest';
import {
  clampTextStep,
  groupByTopic,
  progressText,
  readingTime,
  scrollFraction,
  shouldRestore,
} from './library';
import { list, summary } from '../testing/library';

describe('library helpers', () => {
  it('groups shipped articles under each topic, alphabetically, leaving imported ones out', () => {
    const groups = groupByTopic(list());
    expect(groups.map((g) => g.topic)).toEqual(['Coping skills', 'Cravings', 'Relapse prevention', 'Slips']);
    expect(groups.find((g) => g.topic === 'Cravings')?.articles.map((a) => a.slug)).toEqual([
      'cravings-and-triggers',
      'urge-surfing-and-coping-skills',
    ]);
    expect(groups.flatMap((g) => g.articles).some((a) => a.imported)).toBe(false);
  });

  it('puts an article without topics under "Other readings" and lists a repeated topic once', () => {
    const groups = groupByTopic([summary({ topics: [] }), summary({ slug: 'x', topics: ['Risk', 'Risk'] })]);
    expect(groups.map((g) => [g.topic, g.articles.length])).toEqual([
      ['Other readings', 1],
      ['Risk', 1],
    ]);
  });

  it('measures the scroll position as a fraction, or null when nothing scrolls', () => {
    expect(scrollFraction(250, 1500, 500)).toBe(0.25);
    expect(scrollFraction(2000, 1500, 500)).toBe(1);
    expect(scrollFraction(-5, 1500, 500)).toBe(0);
    expect(scrollFraction(0, 500, 500)).toBeNull();
    expect(scrollFraction(0, 0, 0)).toBeNull();
  });

  it('restores only a started, unfinished article', () => {
    expect(shouldRestore(0)).toBe(false);
    expect(shouldRestore(0.5)).toBe(true);
    expect(shouldRestore(0.98)).toBe(false);
  });

  it('words progress, reading time and text steps', () => {
    expect(progressText(0.4)).toBe('40% read');
    expect(progressText(0.001)).toBe('1% read');
    expect(progressText(1)).toBe('Finished');
    expect(readingTime(6)).toBe('6 min read');
    expect(readingTime(0)).toBe('1 min read');
    expect(clampTextStep(9)).toBe(4);
    expect(clampTextStep(-1)).toBe(0);
  });
});
