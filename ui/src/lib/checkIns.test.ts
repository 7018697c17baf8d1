import { describe, expect, it } from 'vitest';
import { checkInStreakText, dayState, todayCheckInText } from './checkIns';
import { checkIn } from '../testing/sobriety';

describe('checkIns', () => {
  it('gives each day a state', () => {
    expect(dayState(undefined)).toBe('none');
    expect(dayState(checkIn())).toBe('none');
    expect(dayState(checkIn({ intention: 'Stay close to friends' }))).toBe('intention');
    expect(dayState(checkIn({ intention: 'x', sober: true, difficulty: 2 }))).toBe('sober');
    expect(dayState(checkIn({ sober: false, difficulty: 5 }))).toBe('not-sober');
  });

  it("words today's check-in", () => {
    expect(todayCheckInText(null)).toBe('Not checked in yet');
    expect(todayCheckInText(checkIn({ intention: 'Walk' }))).toBe('Morning intention set');
    expect(todayCheckInText(checkIn({ sober: false, difficulty: 4 }))).toBe('Checked in');
  });

  it('counts the check-in streak with the right plural', () => {
    expect(checkInStreakText(1)).toBe('1 day of check-ins in a row');
    expect(checkInStreakText(3)).toBe('3 days of check-ins in a row');
    expect(checkInStreakText(0)).toMatch(/first/);
  });
});
