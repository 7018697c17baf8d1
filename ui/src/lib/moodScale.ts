// Words, checks and input building for the mood and craving forms. Checked before anything is
// sent, so people hear about a mistake straight away; the backend checks again, and what it
// refuses is worded by refusals.ts.
import type { CravingInput, CravingOutcome, Halt, MoodInput } from './bindings';
import { instantFromLocal } from './localTime';
import type { Checked } from './sobrietyRules';
import { localizedList, m } from './i18n';

/** The five moods, 1 to 5, as people say them. */
export const MOOD_WORDS: readonly string[] = localizedList([
  m.mood_awful,
  m.mood_bad,
  m.mood_okay,
  m.mood_good,
  m.mood_great,
]);

export function moodWord(mood: number): string {
  return MOOD_WORDS[mood - 1] ?? '';
}

export const HALT_KEYS = ['hungry', 'angry', 'lonely', 'tired'] as const satisfies readonly (keyof Halt)[];

export const HALT_HELP = m.moodscale_halt_being_hungry_angry_lonely();

/** The HALT boxes' words, read when shown. */
export const HALT_WORDS: Record<keyof Halt, string> = {
  get hungry() {
    return m.halt_hungry();
  },
  get angry() {
    return m.halt_angry();
  },
  get lonely() {
    return m.halt_lonely();
  },
  get tired() {
    return m.halt_tired();
  },
};

export const NO_HALT: Halt = { hungry: false, angry: false, lonely: false, tired: false };

/** Craving strength in words, for the number shown beside a 0-10 slider. */
export function cravingWord(value: number): string {
  if (value <= 0) return m.craving_none();
  if (value <= 3) return m.craving_mild();
  if (value <= 6) return m.craving_moderate();
  if (value <= 8) return m.craving_strong();
  return m.moodscale_very_strong();
}

export const OUTCOMES: readonly { value: CravingOutcome; label: string }[] = [
  { value: 'passed', label: m.moodscale_the_urge_passed() },
  { value: 'used', label: m.moodscale_i_used() },
  { value: 'struggling', label: m.moodscale_still_struggling() },
];

/** Trimmed text, or null when nothing is left. */
export function optionalText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function checkWhen(day: string, time: string, now: Date, what: 'mood' | 'craving'): Checked<string, 'when'> {
  const at = instantFromLocal(day, time);
  if (at === null) return { ok: false, field: 'when', error: m.moodscale_that_date_or_time_doesn() };
  if (Date.parse(at) > now.getTime())
    return {
      ok: false,
      field: 'when',
      error: what === 'mood' ? m.moodscale_mood_future() : m.moodscale_craving_future(),
    };
  return { ok: true, value: at };
}

export type MoodField = 'mood' | 'when' | 'sleep';
export type CravingField = 'when' | 'strength' | 'outcome';

export interface MoodFormValues {
  day: string;
  time: string;
  mood: number | null;
  emotions: number[];
  craving: number;
  halt: Halt;
  /** From a number input: empty is null (or undefined), something unreadable is NaN. */
  sleep: number | null | undefined;
  note: string;
}

/** Turns the mood form into what the backend expects, or says what to fix. */
export function checkMoodForm(values: MoodFormValues, now: Date = new Date()): Checked<MoodInput, MoodField> {
  if (values.mood === null || !Number.isInteger(values.mood) || values.mood < 1 || values.mood > 5) {
    return { ok: false, field: 'mood', error: m.moodscale_please_choose_how_you_re() };
  }
  const when = checkWhen(values.day, values.time, now, 'mood');
  if (!when.ok) return when;
  const sleep = values.sleep ?? null;
  if (sleep !== null && (!Number.isFinite(sleep) || sleep < 0 || sleep > 24)) {
    return { ok: false, field: 'sleep', error: m.moodscale_hours_of_sleep_should_be() };
  }
  return {
    ok: true,
    value: {
      at: when.value,
      mood: values.mood,
      emotions: [...values.emotions],
      craving: values.craving,
      halt: { ...values.halt },
      sleepHours: sleep,
      note: optionalText(values.note),
    },
  };
}

export interface CravingFormValues {
  day: string;
  time: string;
  strength: number;
  triggers: number[];
  place: string;
  people: string;
  actions: number[];
  outcome: CravingOutcome | null;
  note: string;
  /** Only used with outcome "used"; null means "don't record a slip". */
  slipClockId: number | null;
}

/** Turns the craving form into what the backend expects, or says what to fix. */
export function checkCravingForm(
  values: CravingFormValues,
  now: Date = new Date(),
): Checked<CravingInput, CravingField> {
  const when = checkWhen(values.day, values.time, now, 'craving');
  if (!when.ok) return when;
  if (!Number.isInteger(values.strength) || values.strength < 0 || values.strength > 10) {
    return { ok: false, field: 'strength', error: m.moodscale_please_choose_how_strong_the() };
  }
  if (values.outcome === null)
    return { ok: false, field: 'outcome', error: m.moodscale_please_choose_what_happened() };
  const input: CravingInput = {
    at: when.value,
    strength: values.strength,
    triggers: [...values.triggers],
    place: optionalText(values.place),
    people: optionalText(values.people),
    actions: [...values.actions],
    outcome: values.outcome,
    note: optionalText(values.note),
  };
  if (values.outcome === 'used' && values.slipClockId !== null) input.slipClockId = values.slipClockId;
  return { ok: true, value: input };
}
