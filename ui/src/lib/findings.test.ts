import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from './bindings';
import { findingText, hourSpan, insightsSummary } from './findings';
import { useLanguage } from './i18n';
import { emptyInsights } from '../testing/journal';

const lonely: Finding = {
  kind: 'moodOnMarkedDays',
  mark: { kind: 'trigger', name: 'Loneliness and isolation' },
  averageWith: 2,
  averageWithout: 4,
  daysWith: 15,
  daysWithout: 25,
};
const peak: Finding = { kind: 'cravingPeak', fromHour: 21, toHour: 23, count: 15, total: 15 };
const called: Finding = { kind: 'copingWorked', action: 'Called someone', passed: 11, tries: 15 };

describe('findings in words', () => {
  afterEach(() => useLanguage('en'));

  it('says each finding as the core used to, in English', () => {
    expect([lonely, peak, called].map(findingText)).toEqual([
      'On days you logged loneliness and isolation your mood averaged 2.0, against 4.0 on other days (15 vs 25 days).',
      'Your cravings peak between 9 and 11 pm (15 of 15 cravings).',
      'When you chose “called someone”, the urge passed 11 times out of 15.',
    ]);
    expect(findingText({ ...lonely, mark: { kind: 'halt', name: 'hungry' } })).toMatch(
      /^On days you were hungry /,
    );
    expect(findingText({ ...lonely, mark: { kind: 'emotion', name: 'anxious' } })).toMatch(
      /^On days you felt anxious /,
    );
  });

  it('says them in Spanish when the interface speaks Spanish', () => {
    useLanguage('es');
    expect([lonely, peak, called].map(findingText)).toEqual([
      'Los días en que anotaste «soledad y aislamiento», tu ánimo medio fue 2,0, frente a 4,0 los demás días (15 frente a 25 días).',
      'Tus ganas de consumir son más frecuentes entre las 21:00 y las 23:00 (15 de 15 veces).',
      'Cuando elegiste «llamé a alguien», las ganas pasaron 11 de 15 veces.',
    ]);
  });

  it('says a way that helped once, or never, in plain words', () => {
    const once = { ...called, passed: 1, tries: 5 };
    const never = { ...called, passed: 0, tries: 5 };
    expect(findingText(once)).toBe('When you chose “called someone”, the urge passed once in 5 tries.');
    expect(findingText(never)).toBe(
      'You chose “called someone” 5 times, and the urge stayed each time. Another way may suit you better.',
    );
    useLanguage('es');
    expect(findingText(once)).toBe('Cuando elegiste «llamé a alguien», las ganas pasaron 1 de 5 veces.');
    expect(findingText(never)).toBe(
      'Elegiste «llamé a alguien» 5 veces y las ganas no pasaron en ninguna. Quizá otra forma te vaya mejor.',
    );
  });

  it('names two hours naturally', () => {
    expect(hourSpan(23, 1)).toBe('11 pm and 1 am');
    expect(hourSpan(0, 2)).toBe('midnight and 2 am');
    expect(hourSpan(12, 14)).toBe('noon and 2 pm');
  });

  it('sums up a period, or says nothing was logged', () => {
    expect(insightsSummary(emptyInsights())).toBe('Nothing logged in this period yet.');
    const one = emptyInsights({
      moodDays: 1,
      cravingCount: 1,
      moodDaily: [{ day: '2026-11-02', value: 3 }],
      triggers: [{ label: 'Payday', count: 1 }],
      findings: [peak],
    });
    expect(insightsSummary(one)).toBe(
      'Moods were logged on 1 day, averaging 3.0 out of 5. One craving was logged. ' +
        'The most frequent trigger was Payday (1 time).',
    );
  });

  it('says "no moods" or "no cravings" when only one kind was logged, never an average of none', () => {
    const moodsOnly = emptyInsights({ moodDays: 1, moodDaily: [{ day: '2026-11-02', value: 4 }] });
    expect(insightsSummary(moodsOnly)).toBe(
      'Moods were logged on 1 day, averaging 4.0 out of 5. No cravings were logged.',
    );
    const cravingsOnly = emptyInsights({ cravingCount: 2 });
    // No craving logged on its own, but a mood noted one: not "No cravings were logged".
    const notedByMoods = emptyInsights({
      moodDays: 1,
      moodDaily: [{ day: '2026-11-02', value: 3 }],
      cravingDaily: [{ day: '2026-11-02', value: 4 }],
    });
    expect(insightsSummary(notedByMoods)).toBe(
      'Moods were logged on 1 day, averaging 3.0 out of 5. ' +
        'No cravings were logged on their own; your moods noted one on 1 day.',
    );
    expect(insightsSummary(cravingsOnly)).toBe('No moods were logged. 2 cravings were logged.');
    useLanguage('es');
    expect(insightsSummary(moodsOnly)).toBe(
      'El ánimo se anotó en 1 día, con una media de 4,0 de 5. No se anotaron ganas de consumir.',
    );
    expect(insightsSummary(cravingsOnly)).toBe(
      'No se anotó el ánimo. Se anotaron ganas de consumir 2 veces.',
    );
  });
});
