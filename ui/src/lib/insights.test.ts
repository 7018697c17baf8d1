import { afterEach, describe, expect, it } from 'vitest';
import {
  countSummary,
  cravingSummary,
  hasData,
  heatmapSummary,
  moodSummary,
  RANGE_CHOICES,
  rangeFor,
  yearSummary,
} from './insights';
import type { Insights } from './bindings';
import { useLanguage } from './i18n';

afterEach(() => useLanguage(null));

const TODAY = new Date(2025, 5, 15, 10, 0); // 15 June 2025, local

describe('rangeFor', () => {
  it('counts today as the last day of each period', () => {
    expect(rangeFor('30', TODAY)).toEqual({ from: '2025-05-17', to: '2025-06-15' });
    expect(rangeFor('90', TODAY)).toEqual({ from: '2025-03-18', to: '2025-06-15' });
    expect(rangeFor('365', TODAY)).toEqual({ from: '2024-06-16', to: '2025-06-15' });
  });

  it('goes back as far as the backend allows for all time', () => {
    expect(rangeFor('all', new Date(2015, 0, 1))).toEqual({ from: '2000-01-01', to: '2015-01-01' });
    expect(rangeFor('all', TODAY)).toEqual({ from: '2000-01-01', to: '2025-06-15' });
    // 60 years of 366 days is the backend's limit.
    expect(rangeFor('all', new Date(2080, 0, 1))).toEqual({ from: '2019-11-17', to: '2080-01-01' });
  });
});

describe('chart summaries', () => {
  const daily = [
    { day: '2025-06-01', value: 2 },
    { day: '2025-06-02', value: 4 },
    { day: '2025-06-03', value: 4.5 },
  ];

  it('describes mood over time in words', () => {
    expect(moodSummary(daily, [{ day: '2025-06-03', value: 3.5 }])).toBe(
      'Mood was logged on 3 days, averaging 3.5 out of 5 (good). Lowest: 2 on June 1, 2025. ' +
        'Highest: 4.5 on June 3, 2025. The 7-day average at the end was 3.5.',
    );
    expect(moodSummary([], [])).toBe('No moods were logged in this period.');
    const oneDay = [{ day: '2025-06-03', value: 4 }];
    expect(moodSummary(oneDay, oneDay)).toBe('Mood was logged on one day, June 3, 2025: 4 out of 5 (good).');
  });

  it('describes cravings', () => {
    expect(
      cravingSummary(
        [
          { day: '2025-06-02', value: 7 },
          { day: '2025-06-04', value: 3 },
        ],
        4,
      ),
    ).toBe(
      '4 cravings logged. Cravings came on 2 days; strongest each day averaged 5 out of 10; the strongest was 7 on June 2, 2025.',
    );
    expect(cravingSummary([], 0)).toMatch(/No cravings/);
  });

  it('counts only days with a craving: moods that noted none are not "0 cravings"', () => {
    const moodsOnly = [
      { day: '2025-06-02', value: 0 },
      { day: '2025-06-03', value: 0 },
    ];
    expect(cravingSummary(moodsOnly, 0)).toBe('No cravings were logged in this period.');
    expect(cravingSummary(moodsOnly, 2)).toBe('2 cravings were logged.');
    expect(cravingSummary([...moodsOnly, { day: '2025-06-04', value: 6 }], 0)).toBe(
      'No cravings were logged on their own, but your moods noted one on 1 day. ' +
        'Strongest each day averaged 6 out of 10; the strongest was 6 on June 4, 2025.',
    );
    expect(cravingSummary([...moodsOnly, { day: '2025-06-04', value: 6 }], 2)).toBe(
      '2 cravings logged. Cravings came on 1 day; strongest each day averaged 6 out of 10; the strongest was 6 on June 4, 2025.',
    );
    // Two cravings on one day, and moods that noted one on two other days: not "2 on 3 days".
    expect(
      cravingSummary(
        [
          { day: '2025-06-04', value: 6 },
          { day: '2025-06-05', value: 3 },
          { day: '2025-06-06', value: 3 },
        ],
        2,
      ),
    ).toMatch(/^2 cravings logged\. Cravings came on 3 days;/);
    useLanguage('es');
    expect(cravingSummary([{ day: '2025-06-04', value: 6 }], 2)).toBe(
      'Anotaste ganas de consumir 2 veces. Hubo ganas en 1 día; de media, el pico de cada día fue 6 de 10; el más alto, 6, el 4 de junio de 2025.',
    );
  });

  it('lists the most frequent labels', () => {
    expect(
      countSummary(
        [
          { label: 'anxious', count: 5 },
          { label: 'tired', count: 1 },
        ],
        'emotions',
      ),
    ).toBe('2 emotions noted. Most often: anxious (5 times), tired (1 time).');
    expect(countSummary([{ label: 'stress', count: 2 }], 'triggers')).toBe(
      '1 trigger noted. Most often: stress (2 times).',
    );
    expect(countSummary([], 'triggers')).toBe('No triggers were noted in this period.');
  });

  it('names the busiest day and hour of the heatmap', () => {
    const grid = Array.from({ length: 7 }, () => Array(24).fill(0) as number[]);
    expect(heatmapSummary(grid)).toMatch(/No cravings/);
    grid[4]![21] = 3;
    grid[0]![9] = 1;
    grid[0]![10] = 1;
    grid[0]![11] = 2;
    expect(heatmapSummary(grid)).toBe(
      'The most cravings in one hour slot: 3 cravings on Fridays at 9:00 PM. The day of the week with the most: Monday (4).',
    );
    useLanguage('es');
    expect(heatmapSummary(grid)).toBe(
      'La franja horaria con más ganas de consumir: viernes, 21:00 (3 veces). El día de la semana con más: lunes (4).',
    );
  });

  it('counts the year in words by mood', () => {
    expect(yearSummary(daily, '2025-06-15', '2020-01-01')).toBe(
      'In the last 365 days, mood was logged on 3 days: 1 bad day, 1 good day, 1 great day.',
    );
    expect(yearSummary([{ day: '2020-01-01', value: 3 }], '2025-06-15', '2020-01-01')).toBe(
      'No moods were logged in the last 365 days.',
    );
  });

  it('counts the year chart over the chosen period when that is shorter than a year', () => {
    const month = [{ day: '2025-06-10', value: 4 }];
    expect(yearSummary(month, '2025-06-15', '2025-05-17')).toBe(
      'In the chosen period, mood was logged on 1 day: 1 good day.',
    );
    expect(yearSummary([], '2025-06-15', '2025-05-17')).toBe('No moods were logged in the chosen period.');
    expect(yearSummary(month, '2025-06-15', '2020-01-01')).toBe(
      'In the last 365 days, mood was logged on 1 day: 1 good day.',
    );
  });

  it('knows when a period is empty', () => {
    const empty = { moodDays: 0, cravingCount: 0 } as Insights;
    expect(hasData(empty)).toBe(false);
    expect(hasData({ ...empty, cravingCount: 1 })).toBe(true);
  });
});

describe('in Spanish', () => {
  it('the periods and the chart summaries follow the language chosen after the module loaded', () => {
    expect(RANGE_CHOICES[3]?.during).toBe('yet');
    useLanguage('es');
    expect(RANGE_CHOICES.map((c) => c.label)).toEqual([
      'Últimos 30 días',
      'Últimos 90 días',
      'Último año',
      'Desde el principio',
    ]);
    expect(RANGE_CHOICES[3]?.during).toBe('todavía');
    expect(countSummary([], 'emotions')).toBe('No se anotó ninguna emoción en este periodo.');
    expect(
      moodSummary(
        [
          { day: '2025-06-01', value: 2 },
          { day: '2025-06-02', value: 4.5 },
        ],
        [],
      ),
    ).toBe(
      'El ánimo se anotó en 2 días, con una media de 3,3 de 5 (regular). El más bajo: 2, el 1 de junio de 2025. El más alto: 4,5, el 2 de junio de 2025.',
    );
  });
});
