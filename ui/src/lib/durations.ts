// How long things are, in the language the interface speaks: a milestone ("24 hours", "1 week",
// "18 months") and a streak's long form ("1 year, 2 months, 3 days"). The core sends only the
// numbers and the unit (`MilestoneLength`, `Span`); the words are the catalogue's.
import type { MilestoneLength, Span, TimeUnit } from './bindings';
import { listFormat, m } from './i18n';

const UNIT_WORDS: Record<TimeUnit, (count: number) => string> = {
  hours: (count) => m.format_hours({ hours: count }),
  days: (count) => m.common_days({ count }),
  weeks: (count) => m.duration_weeks({ count }),
  months: (count) => m.duration_months({ count }),
  years: (count) => m.duration_years({ count }),
};

/** A milestone as people say it: "24 hours", "1 week", "30 days", "2 years". */
export function milestoneText(length: MilestoneLength): string {
  return UNIT_WORDS[length.unit](length.count);
}

/**
 * A span's long form: "1 year, 2 months, 3 days" ("1 año, 2 meses y 3 días"), leaving out the
 * parts that are zero; "0 days" when all are.
 */
export function spanText(span: Span): string {
  const parts = (
    [
      ['years', span.years],
      ['months', span.months],
      ['days', span.days],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([unit, count]) => UNIT_WORDS[unit](count));
  if (parts.length === 0) return UNIT_WORDS.days(0);
  return listFormat({ style: 'long', type: 'unit' }).format(parts);
}
