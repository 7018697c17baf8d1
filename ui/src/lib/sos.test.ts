import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROMPTS,
  breathAt,
  checkPerson,
  checkPlanItem,
  copyPlan,
  delayCraving,
  delayPrompts,
  emptyPlan,
  formatRemaining,
  planChanged,
  promptAt,
} from './sos';

const label = (id: number, name: string) => ({ id, name, builtin: true });

describe('sos rules', () => {
  it('breathes in for 4, holds for 4, out for 6, then round again', () => {
    expect(breathAt(0)).toMatchObject({ phase: 'in', secondsLeft: 4 });
    expect(breathAt(3999)).toMatchObject({ phase: 'in', secondsLeft: 1 });
    expect(breathAt(4000)).toMatchObject({ phase: 'hold', words: 'Hold…', secondsLeft: 4 });
    expect(breathAt(8000)).toMatchObject({ phase: 'out', secondsLeft: 6 });
    expect(breathAt(13_999)).toMatchObject({ phase: 'out', secondsLeft: 1 });
    expect(breathAt(14_000)).toMatchObject({ phase: 'in', secondsLeft: 4 });
  });

  it('shows the time left in minutes and seconds, rounded up', () => {
    expect(formatRemaining(15 * 60_000)).toBe('15:00');
    expect(formatRemaining(15 * 60_000 - 1)).toBe('15:00');
    expect(formatRemaining(14 * 60_000 + 59_000)).toBe('14:59');
    expect(formatRemaining(9_000)).toBe('0:09');
    expect(formatRemaining(-5)).toBe('0:00');
  });

  it("suggests the person's own coping actions, or built-in ideas", () => {
    expect(delayPrompts([label(1, 'Walked'), label(2, 'played the delay'), label(3, ' ')])).toEqual([
      'Walked',
    ]);
    expect(delayPrompts([])).toEqual(BUILT_IN_PROMPTS);
    expect(delayPrompts(null)).toEqual(BUILT_IN_PROMPTS);
    expect(promptAt(0, ['a', 'b'])).toBe('a');
    expect(promptAt(60_000, ['a', 'b'])).toBe('b');
    expect(promptAt(120_000, ['a', 'b'])).toBe('a');
    expect(promptAt(0, [])).toBe('');
  });

  it('turns the end of the delay into a craving entry', () => {
    const at = new Date('2026-11-27T10:15:00.000Z');
    expect(delayCraving(3, [label(9, 'Played the delay')], at)).toEqual({
      at: '2026-11-27T10:15:00.000Z',
      strength: 3,
      triggers: [],
      place: null,
      people: null,
      actions: [9],
      outcome: 'passed',
      note: null,
    });
    expect(delayCraving(4, [], at)).toMatchObject({
      outcome: 'struggling',
      actions: [],
      note: 'Played the delay for 15 minutes.',
    });
  });

  it('checks a person like the backend does', () => {
    expect(checkPerson({ name: ' Sam ', phone: ' +44 (0) 7700-900.123 ', note: '  ' })).toEqual({
      ok: true,
      value: { name: 'Sam', phone: '+44 (0) 7700-900.123', note: null },
    });
    expect(checkPerson({ name: '', phone: '1', note: '' }).ok).toBe(false);
    expect(checkPerson({ name: 'Sam', phone: '---', note: '' }).ok).toBe(false);
    expect(checkPerson({ name: 'Sam', phone: '555 0100 ext 2', note: '' }).ok).toBe(false);
    expect(checkPerson({ name: 'Sam', phone: '5'.repeat(31), note: '' }).ok).toBe(false);
    expect(checkPerson({ name: 'Sam', phone: '5', note: 'x'.repeat(201) }).ok).toBe(false);
  });

  it('names the field a person needs to fix', () => {
    expect(checkPerson({ name: '', phone: '1', note: '' })).toMatchObject({ field: 'name' });
    expect(checkPerson({ name: 'Sam', phone: '---', note: '' })).toMatchObject({ field: 'phone' });
    expect(checkPerson({ name: 'Sam', phone: '5', note: 'x'.repeat(201) })).toMatchObject({ field: 'note' });
  });

  it('notices changes to the plan, but not to when it was saved', () => {
    const plan = emptyPlan();
    const copy = copyPlan(plan);
    expect(planChanged(plan, copy)).toBe(false);
    copy.updatedAt = '2026-11-27T10:00:00.000Z';
    expect(planChanged(plan, copy)).toBe(false);
    copy.places.push('The park');
    expect(plan.places).toEqual([]);
    expect(planChanged(plan, copy)).toBe(true);
    expect(planChanged(plan, { ...emptyPlan(), ifISlip: 'Call Sam' })).toBe(true);
    expect(planChanged(plan, { ...emptyPlan(), highRiskTriggers: [1] })).toBe(true);
  });

  it('checks a new plan item', () => {
    expect(checkPlanItem('  Walk  ', [])).toEqual({ ok: true, value: 'Walk' });
    expect(checkPlanItem('   ', []).ok).toBe(false);
    expect(checkPlanItem('x'.repeat(301), []).ok).toBe(false);
    expect(
      checkPlanItem(
        'one more',
        Array.from({ length: 30 }, (_, i) => String(i)),
      ).ok,
    ).toBe(false);
  });
});
