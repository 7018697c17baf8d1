// Words for what the core finds in the person's own moods and cravings. The core returns facts
// (a kind, names, averages and day counts); the sentences come from the message catalogues, in
// the language the interface speaks.
import type { DayMark, Finding, Insights } from './bindings';
import { currentLocale, m, numberFormat } from './i18n';
import { labelName } from './builtinNames';
import { daysWithACraving } from './insights';

/** "2.1" / "2,1": an average with one decimal, as the language writes it. */
function average(value: number): string {
  return numberFormat({
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** What marked the days: "logged loneliness", "felt sad", "were hungry". */
function marked(mark: DayMark): string {
  switch (mark.kind) {
    case 'trigger':
      return m.insights_finding_when_trigger({ name: labelName(mark.name).toLowerCase() });
    case 'emotion':
      return m.insights_finding_when_emotion({ name: labelName(mark.name) });
    case 'halt':
      switch (mark.name) {
        case 'hungry':
          return m.insights_finding_when_hungry();
        case 'angry':
          return m.insights_finding_when_angry();
        case 'lonely':
          return m.insights_finding_when_lonely();
        default:
          return m.insights_finding_when_tired();
      }
  }
}

/**
 * Two hours of the day: "9 and 11 pm", "11 pm and 1 am", "midnight and 2 am" in English;
 * "las 21:00 y las 23:00" in Spanish, which says hours on the 24-hour clock.
 */
export function hourSpan(from: number, to: number): string {
  if (currentLocale() === 'es') {
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    return m.insights_hour_span({ from: hh(from), to: hh(to) });
  }
  const name = (h: number): [string, string] =>
    h === 0
      ? [m.insights_hour_midnight(), '']
      : h === 12
        ? [m.insights_hour_noon(), '']
        : h < 12
          ? [String(h), 'am']
          : [String(h - 12), 'pm'];
  const [[a, am], [b, bm]] = [name(from), name(to)];
  const pad = (suffix: string) => (suffix ? ` ${suffix}` : '');
  // "9 and 11 pm": one "pm" when both hours have it.
  return m.insights_hour_span({ from: am && am === bm ? a : `${a}${pad(am)}`, to: `${b}${pad(bm)}` });
}

/** One finding as a sentence. */
export function findingText(finding: Finding): string {
  switch (finding.kind) {
    case 'moodOnMarkedDays':
      return m.insights_finding_mood({
        when: marked(finding.mark),
        averageWith: average(finding.averageWith),
        averageWithout: average(finding.averageWithout),
        daysWith: finding.daysWith,
        daysWithout: finding.daysWithout,
      });
    case 'cravingPeak':
      return m.insights_finding_peak({
        span: hourSpan(finding.fromHour, finding.toHour),
        count: finding.count,
        total: finding.total,
      });
    case 'copingWorked':
      // Reported for every way tried often enough, so it may never have helped.
      if (finding.passed === 0) {
        return m.insights_finding_coping_never({
          action: labelName(finding.action).toLowerCase(),
          tries: finding.tries,
        });
      }
      return m.insights_finding_coping({
        action: labelName(finding.action).toLowerCase(),
        passed: finding.passed,
        tries: finding.tries,
      });
  }
}

/**
 * How many cravings, in words. None logged on their own may still be some a mood noted (the
 * craving chart below shows those days), so "no cravings" is said only when there were none.
 */
function cravingsInWords(insights: Insights): string {
  if (insights.cravingCount > 0) return m.insights_summary_cravings({ count: insights.cravingCount });
  const noted = daysWithACraving(insights.cravingDaily).length;
  return noted === 0
    ? m.insights_summary_no_cravings()
    : m.insights_summary_cravings_from_moods({ days: m.common_days({ count: noted }) });
}

/**
 * The paragraph above the findings: what was logged and the top trigger. The findings are the
 * list under it (Insights.svelte), so they are not said twice.
 */
export function insightsSummary(insights: Insights): string {
  const moods = insights.moodDaily;
  if (moods.length === 0 && insights.cravingCount === 0) return m.insights_summary_nothing();
  const mean = moods.reduce((sum, d) => sum + d.value, 0) / Math.max(moods.length, 1);
  // Each half says plainly when there is nothing of its kind: not "0 cravings", nor an average
  // of no moods at all.
  const parts = [
    moods.length === 0
      ? m.insights_summary_no_moods()
      : m.insights_summary_moods({
          days: m.common_days({ count: moods.length }),
          average: average(mean),
        }),
    cravingsInWords(insights),
  ];
  // The most frequent trigger; among equals, the first by name, as the list is ordered.
  const top = insights.triggers[0];
  if (top) {
    parts.push(
      m.insights_summary_top_trigger({
        name: labelName(top.label),
        times: m.insights_summary_times({ count: top.count }),
      }),
    );
  }
  return parts.join(' ');
}
