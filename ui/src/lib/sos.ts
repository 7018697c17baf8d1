// Rules and words for the SOS panel and the relapse prevention plan. Pure functions, so the
// timers and forms can be tested without a screen.
import type { CravingInput, Label, PersonInput, RelapsePlan } from './bindings';
import type { Checked } from './sobrietyRules';
import { optionalText } from './moodScale';
import { localizedList, m } from './i18n';
import { labelText } from './builtinNames';

// ---- Breathing: in 4 s, hold 4 s, out 6 s ----

export type BreathPhase = 'in' | 'hold' | 'out';

export const BREATH_STEPS: readonly { phase: BreathPhase; seconds: number; words: string }[] = [
  {
    phase: 'in',
    seconds: 4,
    get words() {
      return m.sos_breathe_in();
    },
  },
  {
    phase: 'hold',
    seconds: 4,
    get words() {
      return m.sos_breathe_hold();
    },
  },
  {
    phase: 'out',
    seconds: 6,
    get words() {
      return m.sos_breathe_out();
    },
  },
];

export const BREATH_CYCLE_MS = BREATH_STEPS.reduce((sum, s) => sum + s.seconds * 1000, 0);

/** Where the breathing is after `elapsedMs`: the step, and whole seconds left in it (at least 1). */
export function breathAt(elapsedMs: number): {
  phase: BreathPhase;
  words: string;
  secondsLeft: number;
  seconds: number;
} {
  let t = Math.max(0, elapsedMs) % BREATH_CYCLE_MS;
  for (const step of BREATH_STEPS) {
    const length = step.seconds * 1000;
    if (t < length) {
      return { ...step, secondsLeft: Math.max(1, Math.ceil((length - t) / 1000)) };
    }
    t -= length;
  }
  const last = BREATH_STEPS.at(-1)!;
  return { ...last, secondsLeft: 1 };
}

// ---- Playing the delay: 15 minutes ----

export const DELAY_MS = 15 * 60 * 1000;
export const PROMPT_EVERY_MS = 60 * 1000;
/** The built-in coping action's name as the journal stores it (shown through builtinNames). */
export const DELAY_ACTION = 'Played the delay';

/** Used while locked, or when the person has no coping actions of their own. */
export const BUILT_IN_PROMPTS: readonly string[] = localizedList([
  m.sos_prompt_water,
  m.sos_prompt_outside,
  m.sos_prompt_text,
  m.sos_prompt_breathe,
  m.sos_prompt_eat,
  m.sos_prompt_song,
  m.sos_prompt_face,
  m.sos_prompt_write,
  m.sos_prompt_walk,
  m.sos_prompt_five,
]);

/** "14:59" for what is left; whole seconds, rounded up, so it reads 15:00 at the start. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The person's coping actions as prompts (not the delay itself), or the built-in ones. */
export function delayPrompts(actions: readonly Label[] | null): string[] {
  const own = (actions ?? [])
    .filter((a) => a.name.trim() !== '' && a.name.trim().toLowerCase() !== DELAY_ACTION.toLowerCase())
    .map((a) => labelText({ ...a, name: a.name.trim() }));
  return own.length > 0 ? own : [...BUILT_IN_PROMPTS];
}

/** The prompt to show after `elapsedMs`: a new one each minute, going round. */
export function promptAt(elapsedMs: number, prompts: readonly string[]): string {
  if (prompts.length === 0) return '';
  const index = Math.floor(Math.max(0, elapsedMs) / PROMPT_EVERY_MS) % prompts.length;
  return prompts[index] ?? '';
}

/** A strength this low means the urge passed; anything stronger is still a struggle. */
export const PASSED_AT_MOST = 3;

/** The craving to log after playing the delay. */
export function delayCraving(strength: number, actions: readonly Label[], at: Date): CravingInput {
  const delay = actions.find((a) => a.name.trim().toLowerCase() === DELAY_ACTION.toLowerCase());
  return {
    at: at.toISOString(),
    strength,
    triggers: [],
    place: null,
    people: null,
    actions: delay ? [delay.id] : [],
    outcome: strength <= PASSED_AT_MOST ? 'passed' : 'struggling',
    note: delay ? null : m.sos_delay_note({ minutes: DELAY_MS / 60_000 }),
  };
}

// ---- My people ----

/** The same rules as the backend's, so a mistake is explained before anything is sent. */
export type PersonField = 'name' | 'phone' | 'note';

export function checkPerson(values: {
  name: string;
  phone: string;
  note: string;
}): Checked<PersonInput, PersonField> {
  const name = values.name.trim();
  const phone = values.phone.trim();
  if (name === '' || [...name].length > 80) {
    return { ok: false, field: 'name', error: m.sos_person_name_error() };
  }
  if (!/\d/.test(phone) || [...phone].length > 30 || !/^[\d +\-()./]+$/.test(phone)) {
    return {
      ok: false,
      field: 'phone',
      error: m.sos_person_phone_error(),
    };
  }
  const note = optionalText(values.note);
  if (note !== null && [...note].length > 200) {
    return { ok: false, field: 'note', error: m.sos_person_note_error() };
  }
  return { ok: true, value: { name, phone, note } };
}

// ---- The relapse prevention plan ----

export type PlanListField = 'warningSigns' | 'highRiskSituations' | 'copingStrategies' | 'places';

export const PLAN_MAX_ITEMS = 30;
export const PLAN_MAX_ITEM_CHARS = 300;
export const PLAN_MAX_SLIP_CHARS = 2000;

export function emptyPlan(): RelapsePlan {
  return {
    warningSigns: [],
    highRiskSituations: [],
    highRiskTriggers: [],
    copingStrategies: [],
    places: [],
    ifISlip: '',
    updatedAt: null,
  };
}

/** A deep copy, so an edited plan never shares lists with the saved one. */
export function copyPlan(plan: RelapsePlan): RelapsePlan {
  return {
    warningSigns: [...plan.warningSigns],
    highRiskSituations: [...plan.highRiskSituations],
    highRiskTriggers: [...plan.highRiskTriggers],
    copingStrategies: [...plan.copingStrategies],
    places: [...plan.places],
    ifISlip: plan.ifISlip,
    updatedAt: plan.updatedAt,
  };
}

/** True when the two differ in anything the person wrote (the save time does not count). */
export function planChanged(a: RelapsePlan, b: RelapsePlan): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return !(
    same(a.warningSigns, b.warningSigns) &&
    same(a.highRiskSituations, b.highRiskSituations) &&
    same(a.highRiskTriggers, b.highRiskTriggers) &&
    same(a.copingStrategies, b.copingStrategies) &&
    same(a.places, b.places) &&
    a.ifISlip === b.ifISlip
  );
}

/** Checks one new list item before it is added; returns the trimmed text or what to fix. */
export function checkPlanItem(text: string, list: readonly string[]): Checked<string> {
  const item = text.trim();
  if (item === '') return { ok: false, error: m.sos_plan_item_empty() };
  if ([...item].length > PLAN_MAX_ITEM_CHARS) {
    return { ok: false, error: m.sos_plan_item_too_long({ max: PLAN_MAX_ITEM_CHARS }) };
  }
  if (list.length >= PLAN_MAX_ITEMS)
    return { ok: false, error: m.sos_plan_list_full({ max: PLAN_MAX_ITEMS }) };
  return { ok: true, value: item };
}
