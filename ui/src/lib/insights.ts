// The Insights area: which dates a period covers, and the words each chart is read out as.
import type { CountItem, DayValue, Insights } from './bindings';
import { addDays, dayNumber, gridPeak, moodLevel } from './charts';
import { formatDay, plural } from './format';
import { localDay } from './localTime';
import { moodWord } from './journal';
import { m } from './i18n';

export type RangeChoice = '30' | '90' | '365' | 'all';

/** `label` for the picker; `during` finishes "Nothing logged …". */
export const RANGE_CHOICES: ReadonlyArray<{ value: RangeChoice; label: string; during: string }> = [
  { value: '30', label: m.insights_last_30_days(), during: m.insights_in_the_last_30_days() },
  { value: '90', label: m.insights_last_90_days(), during: m.insights_in_the_last_90_days() },
  { value: '365', label: m.insights_last_year(), during: m.insights_in_the_last_year() },
  { value: 'all', label: m.insights_all_time(), during: 'yet' },
];

/** "All time" starts here… */
export const ALL_TIME_FROM = '2000-01-01';
/** …but the backend refuses spans longer than this (src-tauri/core/src/insights/mod.rs: 366 × 60 days). */
export const MAX_SPAN_DAYS = 366 * 60;

/** The local dates a period covers, today included: the last 30 days are today and the 29 before. */
export function rangeFor(choice: RangeChoice, today: Date): { from: string; to: string } {
  const to = localDay(today);
  if (choice === 'all') {
    const earliest = addDays(to, -MAX_SPAN_DAYS);
    return { from: ALL_TIME_FROM > earliest ? ALL_TIME_FROM : earliest, to };
  }
  return { from: addDays(to, -(Number(choice) - 1)), to };
}

/** True when the period has anything to show. */
export function hasData(insights: Insights): boolean {
  return insights.moodDays > 0 || insights.cravingCount > 0;
}

const shortDay = (day: string) => formatDay(day, { month: 'long', day: 'numeric', year: 'numeric' });
const one = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);

function extremes(values: readonly DayValue[]): { low: DayValue; high: DayValue; average: number } | null {
  if (values.length === 0) return null;
  let low = values[0]!;
  let high = values[0]!;
  let sum = 0;
  for (const v of values) {
    if (v.value < low.value) low = v;
    if (v.value > high.value) high = v;
    sum += v.value;
  }
  return { low, high, average: sum / values.length };
}

export function moodSummary(daily: readonly DayValue[], rolling: readonly DayValue[]): string {
  const e = extremes(daily);
  if (!e) return m.insights_no_moods_were_logged_in();
  let text =
    `Mood was logged on ${plural(daily.length, 'day')}, averaging ${one(e.average)} out of 5 (${moodWord(e.average)}). ` +
    `Lowest: ${one(e.low.value)} on ${shortDay(e.low.day)}. Highest: ${one(e.high.value)} on ${shortDay(e.high.day)}.`;
  const last = rolling.at(-1);
  if (last) text += ` The 7-day average at the end was ${one(last.value)}.`;
  return text;
}

export function cravingSummary(daily: readonly DayValue[], count: number): string {
  const e = extremes(daily);
  if (!e) return m.insights_no_cravings_were_logged_in();
  return (
    `${plural(count, 'craving')} logged, on ${plural(daily.length, 'day')}. ` +
    `Strongest each day averaged ${one(e.average)} out of 10; the strongest was ${one(e.high.value)} on ${shortDay(e.high.day)}.`
  );
}

/** "Most often: anxious (5 times), tired (3 times)." */
export function countSummary(items: readonly CountItem[], noun: string): string {
  if (items.length === 0) return `No ${noun} were noted in this period.`;
  const top = items
    .slice(0, 5)
    .map((i) => `${i.label} (${plural(i.count, 'time')})`)
    .join(', ');
  return `${plural(items.length, noun.replace(/s$/, ''), noun)} noted. Most often: ${top}.`;
}

const WEEKDAYS_FROM_MONDAY = Array.from({ length: 7 }, (_, i) =>
  // 1 January 2024 was a Monday.
  new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2024, 0, 1 + i)),
);

export function weekdayName(index: number): string {
  return WEEKDAYS_FROM_MONDAY[index] ?? '';
}

export function hourName(hour: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).format(new Date(2024, 0, 1, hour));
}

export function heatmapSummary(grid: readonly (readonly number[])[]): string {
  const peak = gridPeak(grid);
  if (!peak) return m.insights_no_cravings_were_logged_in_2();
  const byDay = grid.map((row) => row.reduce((a, b) => a + b, 0));
  const busiestDay = byDay.indexOf(Math.max(...byDay));
  return (
    `The most cravings in one hour slot: ${plural(peak.count, 'craving')} on ${weekdayName(peak.weekday)}s at ${hourName(peak.hour)}. ` +
    `The day of the week with the most: ${weekdayName(busiestDay)} (${byDay[busiestDay]}).`
  );
}

export function yearSummary(daily: readonly DayValue[], end: string): string {
  const start = dayNumber(end) - 364;
  const inYear = daily.filter((d) => dayNumber(d.day) >= start && dayNumber(d.day) <= dayNumber(end));
  if (inYear.length === 0) return m.insights_no_moods_were_logged_in_2();
  const counts = [0, 0, 0, 0, 0];
  for (const d of inYear) counts[moodLevel(d.value) - 1]! += 1;
  const parts = counts
    .map((n, i) => (n > 0 ? `${plural(n, `${moodWord(i + 1)} day`)}` : ''))
    .filter(Boolean)
    .join(', ');
  return `In the last 365 days, mood was logged on ${plural(inYear.length, 'day')}: ${parts}.`;
}
