// Ready-made backend answers for the journal, timeline, search and insights tests. Each call
// returns a fresh object.
import type { Insights, JournalEntry, SearchHit, TimelineItem, TimelinePage } from '../lib/bindings';

export function entry(overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: 7,
    at: '2025-06-01T18:30:00.000Z',
    title: 'A good evening',
    body: 'Went for a **walk** with my sister.',
    tags: ['family', 'walk'],
    html: '<p>Went for a <strong>walk</strong> with my sister.</p>',
    updatedAt: '2025-06-01T18:31:00.000Z',
    ...overrides,
  };
}

export function item(overrides: Partial<TimelineItem> = {}): TimelineItem {
  return {
    kind: 'journal',
    id: 1,
    at: '2025-06-01T18:30:00.000Z',
    title: 'A good evening',
    excerpt: 'Went for a walk with my sister.',
    mood: null,
    strength: null,
    emotions: [],
    outcome: null,
    clock: null,
    milestone: null,
    intention: null,
    sober: null,
    difficulty: null,
    tags: [],
    triggers: [],
    ...overrides,
  };
}

/** A mixed page: a journal entry, a mood, a craving and a slip, newest first. */
export function mixedItems(): TimelineItem[] {
  return [
    item({ kind: 'journal', id: 1, at: '2025-06-04T20:00:00.000Z', title: 'Evening pages', tags: ['calm'] }),
    item({
      kind: 'mood',
      id: 2,
      at: '2025-06-03T08:00:00.000Z',
      title: null,
      excerpt: '',
      emotions: [
        { id: 9, name: 'calm', builtin: true },
        { id: 10, name: 'hopeful', builtin: true },
      ],
      mood: 4,
    }),
    item({
      kind: 'craving',
      id: 3,
      at: '2025-06-02T21:00:00.000Z',
      title: null,
      excerpt: '',
      strength: 7,
      outcome: 'passed',
      triggers: [{ id: 21, name: 'Stress', builtin: false }],
    }),
    item({ kind: 'slip', id: 4, at: '2025-06-01T23:00:00.000Z', title: null, excerpt: '', clock: 'Alcohol' }),
  ];
}

/** `count` journal entries, one a day going back from June 2025, ids 1…count. */
export function manyItems(count: number): TimelineItem[] {
  const start = Date.UTC(2025, 5, 1, 12);
  return Array.from({ length: count }, (_, i) =>
    item({ id: i + 1, at: new Date(start - i * 86_400_000).toISOString(), title: `Entry ${i + 1}` }),
  );
}

export function page(items: TimelineItem[], nextCursor: string | null = null): TimelinePage {
  return { items, nextCursor };
}

export function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'journal',
    id: 7,
    at: '2025-06-01T18:30:00.000Z',
    title: 'A good evening',
    snippet: [
      { text: 'Went for a ', hit: false },
      { text: 'walk', hit: true },
      { text: ' with my sister.', hit: false },
    ],
    ...overrides,
  };
}

function emptyGrid(): number[][] {
  return Array.from({ length: 7 }, () => Array<number>(24).fill(0));
}

export function emptyInsights(overrides: Partial<Insights> = {}): Insights {
  return {
    from: '2025-05-17',
    to: '2025-06-15',
    moodDays: 0,
    cravingCount: 0,
    moodDaily: [],
    moodRolling: [],
    cravingDaily: [],
    emotions: [],
    triggers: [],
    cravingHeatmap: emptyGrid(),
    findings: [],
    ...overrides,
  };
}

export function insights(overrides: Partial<Insights> = {}): Insights {
  const grid = emptyGrid();
  grid[4]![21] = 2; // Friday, 9 PM
  grid[0]![8] = 1; // Monday, 8 AM
  return emptyInsights({
    moodDays: 3,
    cravingCount: 3,
    moodDaily: [
      { day: '2025-06-10', value: 2 },
      { day: '2025-06-11', value: 3.5 },
      { day: '2025-06-14', value: 4 },
    ],
    moodRolling: [
      { day: '2025-06-10', value: 2 },
      { day: '2025-06-11', value: 2.75 },
      { day: '2025-06-14', value: 3.17 },
    ],
    cravingDaily: [
      { day: '2025-06-09', value: 6 },
      { day: '2025-06-13', value: 8 },
    ],
    emotions: [
      { label: 'anxious', count: 3 },
      { label: 'calm', count: 2 },
    ],
    triggers: [{ label: 'Stress', count: 2 }],
    cravingHeatmap: grid,
    findings: [
      {
        kind: 'moodOnMarkedDays',
        mark: { kind: 'halt', name: 'tired' },
        averageWith: 2.5,
        averageWithout: 3.8,
        daysWith: 4,
        daysWithout: 9,
      },
      { kind: 'cravingPeak', fromHour: 21, toHour: 23, count: 5, total: 8 },
    ],
    ...overrides,
  });
}
