import { describe, expect, it } from 'vitest';
import {
  canDelete,
  emptyFilterForm,
  isFilterEmpty,
  moodWord,
  parseTags,
  scoreText,
  toTimelineFilter,
  toggleKind,
} from './journal';

describe('journal helpers', () => {
  it('reads tags from a comma-separated line', () => {
    expect(parseTags(' calm, #Family ,calm,, long   walk ,CALM')).toEqual(['calm', 'family', 'long walk']);
    expect(parseTags('  ,  ')).toEqual([]);
  });

  it('only lets moods, cravings and journal entries be deleted', () => {
    expect(['mood', 'craving', 'journal'].every((k) => canDelete(k as 'mood'))).toBe(true);
    expect(canDelete('slip')).toBe(false);
    expect(canDelete('check_in')).toBe(false);
    expect(canDelete('milestone')).toBe(false);
  });

  it('words moods and strengths', () => {
    expect(moodWord(1)).toBe('awful');
    expect(moodWord(3.6)).toBe('good');
    expect(scoreText({ mood: 2, strength: 7 })).toBe('Mood 2 of 5 (bad), Strength 7 of 10');
    expect(scoreText({ mood: null, strength: null })).toBe('');
  });

  it('builds the backend filter from the form', () => {
    expect(toTimelineFilter(emptyFilterForm())).toEqual({
      kinds: [],
      tag: null,
      triggerId: null,
      from: null,
      to: null,
    });
    expect(
      toTimelineFilter({
        kinds: ['craving', 'journal'],
        tag: 'calm',
        trigger: '4',
        from: '2025-01-01',
        to: '2025-02-01',
      }),
    ).toEqual({
      kinds: ['journal', 'craving'],
      tag: 'calm',
      triggerId: 4,
      from: '2025-01-01',
      to: '2025-02-01',
    });
    expect(isFilterEmpty(emptyFilterForm())).toBe(true);
    expect(isFilterEmpty({ ...emptyFilterForm(), to: '2025-01-01' })).toBe(false);
  });

  it('toggles kinds on and off', () => {
    expect(toggleKind([], 'mood')).toEqual(['mood']);
    expect(toggleKind(['mood', 'slip'], 'mood')).toEqual(['slip']);
  });
});
