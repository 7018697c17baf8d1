// The Insights area: which dates a period covers, and the words each chart is read out as.
import type { CountItem, DayValue, Insights } from './bindings';
import { addDays, dayNumber, gridPeak, moodLevel } from './charts';
import { formatDay } from './format';
import { localDay } from './localTime';
import { moodWord } from './journal';
import { dateTimeFormat, m, numberFormat } from './i18n';
import { labelName } from './builtinNames';

export type RangeChoice = '30' | '90' | '365' | 'all';

/** A period the picker offers, in the language spoken when it is read. */
function range(value: RangeChoice, label: () => string, during: () => string) {
  return {
    value,
    get label() {
      return label();
    },
    get during() {
      return during();
    },
  };
}

/** `label` for the picker; `during` finishes "Nothing logged …". */
export const RANGE_CHOICES: ReadonlyArray<{ value: RangeChoice; label: string; during: string }> = [
  range('30', m.insights_last_30_days, m.insights_in_the_last_30_days),
  range('90', m.insights_last_90_days, m.insights_in_the_last_90_days),
  range('365', m.insights_last_year, m.insights_in_the_last_year),
  range('all', m.insights_all_time, m.insights_yet),
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
const one = (n: number) => numberFormat({ maximumFractionDigits: 1 }).format(n);

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
  // One day is its own lowest and highest: say it once.
  if (daily.length === 1) {
    return m.insights_mood_summary_one_day({
      day: shortDay(e.high.day),
      average: one(e.average),
      word: moodWord(e.average),
    });
  }
  let text: string = m.insights_mood_summary({
    days: m.common_days({ count: daily.length }),
    average: one(e.average),
    word: moodWord(e.average),
    low: one(e.low.value),
    lowDay: shortDay(e.low.day),
    high: one(e.high.value),
    highDay: shortDay(e.high.day),
  });
  const last = rolling.at(-1);
  if (last) text += ` ${m.insights_mood_summary_rolling({ average: one(last.value) })}`;
  return text;
}

/**
 * The days a craving came: each day's strongest craving, from cravings logged on their own and
 * from the craving a mood noted, is 0 on a day a mood noted none.
 */
export function daysWithACraving(daily: readonly DayValue[]): DayValue[] {
  return daily.filter((d) => d.value > 0);
}

/**
 * The craving chart in words. Only days with a craving count (`daysWithACraving`), so moods
 * alone never read as "0 cravings on 5 days".
 */
export function cravingSummary(daily: readonly DayValue[], count: number): string {
  const felt = daysWithACraving(daily);
  const e = extremes(felt);
  if (!e) {
    // Cravings logged at strength 0, if any: say how many, with no strongest of nothing.
    return count === 0 ? m.insights_no_cravings_were_logged_in() : m.insights_summary_cravings({ count });
  }
  const detail = {
    days: m.common_days({ count: felt.length }),
    average: one(e.average),
    high: one(e.high.value),
    highDay: shortDay(e.high.day),
  };
  return count === 0
    ? m.insights_craving_summary_with_moods(detail)
    : m.insights_craving_summary({ cravings: m.insights_cravings_count({ count }), ...detail });
}

/** What a bar chart counts. */
export type CountKind = 'emotions' | 'triggers';

/** "Most often: anxious (5 times), tired (3 times)." Built-in names in the person's language. */
export function countSummary(items: readonly CountItem[], kind: CountKind): string {
  if (items.length === 0) {
    return kind === 'emotions' ? m.insights_count_none_emotions() : m.insights_count_none_triggers();
  }
  const top = items
    .slice(0, 5)
    .map((i) => `${labelName(i.label)} (${m.insights_summary_times({ count: i.count })})`)
    .join(', ');
  const count = items.length;
  return kind === 'emotions'
    ? m.insights_count_emotions({ count, top })
    : m.insights_count_triggers({ count, top });
}

export function weekdayName(index: number): string {
  // 1 January 2024 was a Monday.
  return dateTimeFormat({ weekday: 'long' }).format(new Date(2024, 0, 1 + index));
}

export function hourName(hour: number): string {
  return dateTimeFormat({ hour: 'numeric' }).format(new Date(2024, 0, 1, hour));
}

/**
 * An hour as a time of day, for a sentence: "9:00 PM", "21:00". The bare hour the chart's axis
 * shows reads well after "at" in English, not in every language ("hacia las 1" in Spanish).
 */
function hourTime(hour: number): string {
  return dateTimeFormat({ hour: 'numeric', minute: '2-digit' }).format(new Date(2024, 0, 1, hour));
}

export function heatmapSummary(grid: readonly (readonly number[])[]): string {
  const peak = gridPeak(grid);
  if (!peak) return m.insights_no_cravings_were_logged_in_2();
  const byDay = grid.map((row) => row.reduce((a, b) => a + b, 0));
  const busiestDay = byDay.indexOf(Math.max(...byDay));
  return m.insights_heatmap_summary({
    cravings: m.insights_cravings_count({ count: peak.count }),
    weekday: weekdayName(peak.weekday),
    hour: hourTime(peak.hour),
    busiest: weekdayName(busiestDay),
    count: byDay[busiestDay] ?? 0,
  });
}

/**
 * The year chart in words: the last 365 days up to `end`, or, when the chosen period starts
 * later (`from`), that period, which is all `daily` holds: the chart shows the days before it
 * as outside the period, so the words must not count them as days with no mood.
 */
export function yearSummary(daily: readonly DayValue[], end: string, from: string): string {
  const yearStart = dayNumber(end) - 364;
  const shorter = dayNumber(from) > yearStart;
  const start = shorter ? dayNumber(from) : yearStart;
  const inYear = daily.filter((d) => dayNumber(d.day) >= start && dayNumber(d.day) <= dayNumber(end));
  if (inYear.length === 0)
    return shorter ? m.insights_no_moods_in_period() : m.insights_no_moods_were_logged_in_2();
  const counts = [0, 0, 0, 0, 0];
  for (const d of inYear) counts[moodLevel(d.value) - 1]! += 1;
  const parts = counts
    .map((n, i) => (n > 0 ? m.insights_year_mood_days({ count: n, word: moodWord(i + 1) }) : ''))
    .filter(Boolean)
    .join(', ');
  const days = m.common_days({ count: inYear.length });
  return shorter ? m.insights_year_summary_period({ days, parts }) : m.insights_year_summary({ days, parts });
}
