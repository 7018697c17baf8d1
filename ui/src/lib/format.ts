// Words and numbers as people read them, in the language the interface speaks: dates and
// numbers through Intl with its locale (`intlLocale()`), words from the message catalogues.
import type { Savings } from './bindings';
import { dateTimeFormat, m, numberFormat } from './i18n';

export function daysText(count: number): string {
  return m.common_days({ count });
}

/** In the first days every hour counts, so the clock also shows hours and minutes. */
export const EARLY_SECONDS = 3 * 24 * 60 * 60;

/** "5 h 12 min", "12 min". Whole minutes only: seconds would just flicker. */
export function formatElapsed(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return hours === 0
    ? m.format_elapsed_minutes({ minutes })
    : m.format_elapsed_hours_minutes({ hours, minutes });
}

/** An RFC 3339 instant as a local date: "March 3, 2025". */
export function formatDate(instant: string): string {
  return dateTimeFormat({ dateStyle: 'long' }).format(new Date(instant));
}

/** An RFC 3339 instant as a local date and time: "March 3, 2025 at 8:00 AM". */
export function formatDateTime(instant: string): string {
  return dateTimeFormat({ dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));
}

/** A local `YYYY-MM-DD` day as a Date at local midnight (never parsed as UTC). */
export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** A local day with the given parts, e.g. { month: 'long', day: 'numeric' } → "November 3". */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return dateTimeFormat(options).format(dayToDate(day));
}

/** Cents in the given ISO currency: "$12.50", "12,50 €". */
export function formatMoney(cents: number, currency: string | null): string {
  const amount = cents / 100;
  if (currency) {
    try {
      return numberFormat({ style: 'currency', currency }).format(amount);
    } catch {
      // An unknown code: still show the amount rather than nothing.
      return `${amount.toFixed(2)} ${currency}`;
    }
  }
  return numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** Minutes shown as time people can picture: "45 minutes", "1 hour", "12.5 hours". */
export function formatHours(minutes: number): string {
  if (minutes < 60) return m.format_minutes({ count: minutes });
  // Rounded as shown, so the plural rule sees what is read: 61 minutes is "1 hour".
  const hours = Math.round(minutes / 6) / 10;
  // The plural rule takes the number; the words show it in the locale's own way ("12,5").
  const number = numberFormat({ maximumFractionDigits: 1 }).format(hours);
  return m.format_hours({ hours }).replace(String(hours), number);
}

/**
 * What a clock gives back, in short lines; empty when the person set no money or time. On a
 * streak's first day (nothing yet, as just after a slip) it says what each day adds, not "0".
 */
export function savingsLines(savings: Savings | null): string[] {
  if (!savings) return [];
  const lines: string[] = [];
  const line = (
    current: number | null,
    total: number | null,
    perDay: number | null,
    words: (n: number) => string,
    thisStreak: (text: string) => string,
    eachDay: (text: string) => string,
  ) => {
    if (current === null || perDay === 0) return;
    let text = current === 0 && perDay !== null ? eachDay(words(perDay)) : thisStreak(words(current));
    if (total !== null && total !== current) text = m.format_in_all({ line: text, total: words(total) });
    lines.push(text);
  };
  const money = (cents: number) => formatMoney(cents, savings.currency);
  line(
    savings.moneyCurrentCents,
    savings.moneyTotalCents,
    savings.moneyPerDayCents,
    money,
    (amount) => m.format_money_this_streak({ amount }),
    (amount) => m.format_money_each_day({ amount }),
  );
  line(
    savings.minutesCurrent,
    savings.minutesTotal,
    savings.minutesPerDay,
    formatHours,
    (time) => m.format_time_this_streak({ time }),
    (time) => m.format_time_each_day({ time }),
  );
  return lines;
}
