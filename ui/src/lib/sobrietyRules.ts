// Checks done before anything is sent, so people hear about a mistake straight away and in
// plain words. The backend checks again, and what it refuses is worded by refusals.ts.
import type { ClockInput, SlipInput } from './bindings';
import { instantFromLocal } from './localTime';
import { m, numberFormat } from './i18n';

/** A few common currencies for the savings field; a clock's own code is added when editing. */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'INR',
  'JPY',
  'BRL',
  'MXN',
  'ZAR',
] as const;

const EURO_REGIONS = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);

const REGION_CURRENCY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  IN: 'INR',
  JP: 'JPY',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
};

/** A best guess at the person's currency from their locale's region; USD if unsure. */
export function guessCurrency(locale = Intl.NumberFormat().resolvedOptions().locale): string {
  try {
    const region = new Intl.Locale(locale).maximize().region ?? '';
    if (EURO_REGIONS.has(region)) return 'EUR';
    return REGION_CURRENCY[region] ?? 'USD';
  } catch {
    return 'USD';
  }
}

/**
 * A decimal as a person would type it in their language ("12.5", "12,5" in Spanish), for a
 * field's value or example: no grouping, at most two decimals. [parseDecimal] reads it back.
 */
export function decimalForInput(value: number, minimumFractionDigits = 0): string {
  return numberFormat({ useGrouping: false, minimumFractionDigits, maximumFractionDigits: 2 }).format(value);
}

/** A decimal typed by a person ("12.50" or "12,50"); null when empty, NaN when not a number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

export interface ClockFormValues {
  name: string;
  day: string;
  time: string;
  money: string;
  currency: string;
  hours: string;
}

/**
 * A form checked before sending: the value to send, or what to fix. `field` names the one field
 * the problem is about (the form shows the message under it), when there is one.
 */
export type Checked<T, F extends string = string> =
  { ok: true; value: T } | { ok: false; error: string; field?: F };

export type ClockField = 'name' | 'when' | 'money' | 'hours';

/** Turns the clock form into what the backend expects, or says what to fix. */
export function checkClockForm(
  values: ClockFormValues,
  now: Date = new Date(),
): Checked<ClockInput, ClockField> {
  const name = values.name.trim();
  if (name === '') return { ok: false, field: 'name', error: m.sobrietyrules_please_give_this_clock_a() };
  if (values.day === '')
    return { ok: false, field: 'when', error: m.sobrietyrules_please_choose_the_day_you() };
  const startedAt = instantFromLocal(values.day, values.time === '' ? '00:00' : values.time);
  if (startedAt === null)
    return { ok: false, field: 'when', error: m.sobrietyrules_that_date_or_time_doesn() };
  if (Date.parse(startedAt) > now.getTime())
    return { ok: false, field: 'when', error: m.sobrietyrules_the_start_can_t_be() };

  const money = parseDecimal(values.money);
  if (money !== null && (Number.isNaN(money) || money > 1_000_000)) {
    return { ok: false, field: 'money', error: m.sobrietyrules_money_per_day_should_be() };
  }
  const hours = parseDecimal(values.hours);
  if (hours !== null && (Number.isNaN(hours) || hours > 24)) {
    return { ok: false, field: 'hours', error: m.sobrietyrules_hours_per_day_should_be() };
  }
  return {
    ok: true,
    value: {
      name,
      startedAt,
      moneyPerDayCents: money === null ? null : Math.round(money * 100),
      currency: money === null ? null : values.currency,
      minutesPerDay: hours === null ? null : Math.round(hours * 60),
    },
  };
}

export interface SlipFormValues {
  day: string;
  time: string;
  note: string;
}

/** Turns the slip form into a SlipInput; a slip can be earlier than now, but not later. */
export function checkSlipForm(
  values: SlipFormValues,
  clockStartedAt: string,
  now: Date = new Date(),
): Checked<SlipInput, 'when'> {
  if (values.day === '' || values.time === '') {
    return { ok: false, field: 'when', error: m.sobrietyrules_please_choose_the_day_and() };
  }
  const at = instantFromLocal(values.day, values.time);
  if (at === null) return { ok: false, field: 'when', error: m.sobrietyrules_that_date_or_time_doesn() };
  if (Date.parse(at) > now.getTime())
    return { ok: false, field: 'when', error: m.sobrietyrules_a_slip_can_t_be() };
  if (Date.parse(at) < Date.parse(clockStartedAt)) {
    return { ok: false, field: 'when', error: m.sobrietyrules_a_slip_can_t_be_2() };
  }
  const note = values.note.trim();
  return { ok: true, value: { at, note: note === '' ? null : note } };
}
