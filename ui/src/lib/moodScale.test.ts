import { describe, expect, it } from 'vitest';
import { checkCravingForm, checkMoodForm, cravingWord, moodWord, NO_HALT } from './moodScale';
import { isMoodShortcut, moodShortcut } from './moodShortcut';

const NOW = new Date(2025, 3, 10, 14, 30, 45);

const moodValues = {
  day: '2025-04-10',
  time: '14:30',
  mood: 3 as number | null,
  emotions: [2],
  craving: 0,
  halt: { ...NO_HALT },
  sleep: null as number | null | undefined,
  note: '',
};

const cravingValues = {
  day: '2025-04-10',
  time: '14:00',
  strength: 7,
  triggers: [21],
  place: '  ',
  people: 'Old friends ',
  actions: [],
  outcome: 'used' as const,
  note: '',
  slipClockId: 4 as number | null,
};

describe('moodScale', () => {
  it('names the five moods', () => {
    expect([1, 2, 3, 4, 5].map(moodWord)).toEqual(['awful', 'bad', 'okay', 'good', 'great']);
    expect(moodWord(0)).toBe('');
  });

  it('puts craving strength into words', () => {
    expect([0, 2, 5, 8, 10].map(cravingWord)).toEqual(['none', 'mild', 'moderate', 'strong', 'very strong']);
  });

  it('builds a mood input with nulls for what was left empty', () => {
    expect(checkMoodForm(moodValues, NOW)).toEqual({
      ok: true,
      value: {
        at: new Date(2025, 3, 10, 14, 30).toISOString(),
        mood: 3,
        emotions: [2],
        craving: 0,
        halt: NO_HALT,
        sleepHours: null,
        note: null,
      },
    });
  });

  it.each([
    [{ mood: null }, 'mood', "Please choose how you're feeling, from awful to great."],
    [{ time: '14:31' }, 'when', "A mood can't be in the future."],
    [{ day: '' }, 'when', "That date or time doesn't look right. Please check it."],
    [{ sleep: 25 }, 'sleep', 'Hours of sleep should be a number from 0 to 24.'],
    [{ sleep: Number.NaN }, 'sleep', 'Hours of sleep should be a number from 0 to 24.'],
  ])('refuses a mood form with %o, naming the field', (change, field, error) => {
    expect(checkMoodForm({ ...moodValues, ...change }, NOW)).toEqual({ ok: false, field, error });
  });

  it('sends slipClockId only when someone used and chose a clock', () => {
    const used = checkCravingForm(cravingValues, NOW);
    expect(used).toEqual({
      ok: true,
      value: {
        at: new Date(2025, 3, 10, 14, 0).toISOString(),
        strength: 7,
        triggers: [21],
        place: null,
        people: 'Old friends',
        actions: [],
        outcome: 'used',
        note: null,
        slipClockId: 4,
      },
    });
    const none = checkCravingForm({ ...cravingValues, slipClockId: null }, NOW);
    expect(none.ok && 'slipClockId' in none.value).toBe(false);
    const passed = checkCravingForm({ ...cravingValues, outcome: 'passed' }, NOW);
    expect(passed.ok && 'slipClockId' in passed.value).toBe(false);
  });

  it('asks what happened before a craving is saved', () => {
    expect(checkCravingForm({ ...cravingValues, outcome: null }, NOW)).toEqual({
      ok: false,
      field: 'outcome',
      error: 'Please choose what happened.',
    });
    expect(checkCravingForm({ ...cravingValues, time: '15:00' }, NOW)).toEqual({
      ok: false,
      field: 'when',
      error: "A craving can't be in the future.",
    });
  });
});

describe('moodShortcut', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

  it('is Ctrl+M, or Cmd+M on macOS', () => {
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM', ctrlKey: true }), false)).toBe(true);
    expect(isMoodShortcut(key({ key: 'M', code: 'KeyM', ctrlKey: true }), false)).toBe(true);
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM', metaKey: true }), false)).toBe(false);
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM', metaKey: true }), true)).toBe(true);
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM', ctrlKey: true }), true)).toBe(false);
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isMoodShortcut(key({ key: 'n', code: 'KeyN', ctrlKey: true }), false)).toBe(false);
    expect(isMoodShortcut(key({ key: 'm', code: 'KeyM' }), false)).toBe(false);
  });

  it('follows the letter the layout types, and the key position otherwise', () => {
    expect(isMoodShortcut(key({ key: ',', code: 'KeyM', ctrlKey: true }), false)).toBe(false);
    expect(isMoodShortcut(key({ key: 'ь', code: 'KeyM', ctrlKey: true }), false)).toBe(true);
  });

  it('names the shortcut for people and for assistive technology', () => {
    expect(moodShortcut(false)).toEqual({ aria: 'Control+M', text: 'Ctrl+M' });
    expect(moodShortcut(true)).toEqual({ aria: 'Meta+M', text: '⌘M' });
  });
});
