// The sentences for what the core refused: imports (a Daybreak export, a Daylio export and its
// rows, a library article), and every rule of what people write or choose (names, lengths,
// dates, ranges, ...), with the numbers the core sends. The journal's screens are the
// only ones that can be refused anything, so this file comes with the shell (Shell.svelte
// imports it), not with the first screen's file; it hands its words to errors.ts on loading.
import type { Field, Moment, Named, PlanList, RecordKind, Refusal, RowProblem, Scale } from './bindings';
import { provideWords } from './errors';
import { m, numberFormat } from './i18n';

/** The sentence for what the core refused, in the language spoken now. */
export function refusalText(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'empty_file':
      return m.errors_refused_empty_file();
    case 'file_too_big':
      return m.errors_refused_file_too_big({ maxMb: refusal.maxMb });
    case 'not_text':
      return m.errors_refused_not_text();
    case 'not_utf8':
      return m.errors_refused_not_utf8();
    case 'no_readable_text':
      return m.errors_refused_no_readable_text();
    case 'unknown_import':
      return m.errors_refused_unknown_import();
    case 'name_taken':
      return m.errors_refused_name_taken();
    case 'start_after_slip':
      return m.errors_refused_start_after_slip();
    case 'slip_before_start':
      return m.sobrietyrules_a_slip_can_t_be_2();
    case 'name_missing':
      return nameMissingText(refusal.what);
    case 'too_long':
      return refusal.what === 'entry'
        ? m.errors_refused_entry_too_long()
        : m.errors_refused_too_long({ what: fieldText(refusal.what), max: number(refusal.max) });
    case 'nothing_written':
      if (refusal.what === 'entry') return m.errors_refused_empty_entry();
      return refusal.what === 'reason' ? m.errors_refused_empty_reason() : m.errors_refused_nothing_written();
    case 'in_future':
      return futureText(refusal.what);
    case 'out_of_range':
      return rangeText(refusal.what, refusal.min, refusal.max);
    case 'start_too_far_back':
      return m.errors_refused_start_too_far_back({ maxYears: refusal.maxYears });
    case 'bad_currency':
      return m.errors_refused_bad_currency();
    case 'archived_main':
      return m.errors_refused_archived_main();
    case 'bad_tag':
      return m.errors_refused_bad_tag({ max: refusal.max });
    case 'too_many_tags':
      return m.errors_refused_too_many_tags({ max: refusal.max });
    case 'slip_without_use':
      return m.errors_refused_slip_without_use({ used: m.moodscale_i_used() });
    case 'merge_same':
      return m.errors_refused_merge_same();
    case 'dates_reversed':
      return m.errors_refused_dates_reversed();
    case 'report_too_long':
      return m.errors_refused_report_too_long({ maxYears: refusal.maxYears });
    case 'bad_phone':
      return m.errors_refused_bad_phone();
    case 'plan_list_too_long':
      return m.errors_refused_plan_list_too_long({
        list: planListText(refusal.what),
        items: refusal.items,
        chars: refusal.chars,
      });
    case 'unknown_country':
      return m.errors_refused_unknown_country();
    case 'sync_folder_inside':
      return m.sync_folder_inside_journal();
    case 'sync_change_misfit':
      return m.errors_refused_sync_change_misfit();
    case 'bad_request':
      return m.errors_invalid_input();
    case 'not_a_daybreak_export':
      return m.errors_refused_not_a_daybreak_export();
    case 'newer_export':
      return m.errors_refused_newer_export();
    case 'bad_entry':
      return m.errors_refused_bad_entry();
    case 'export_record':
      // A bad flag or link already says nothing was imported; the rest say what is wrong.
      return refusal.problem.kind === 'bad_entry'
        ? m.errors_refused_export_record_bad({
            record: recordKindText(refusal.what),
            position: number(refusal.position),
          })
        : m.errors_refused_export_record({
            record: recordKindText(refusal.what),
            position: number(refusal.position),
            problem: refusalText(refusal.problem),
          });
    case 'plan_too_long':
      return m.errors_refused_plan_too_long();
    case 'daylio_empty':
      return m.errors_refused_daylio_empty();
    case 'daylio_old':
      return m.errors_refused_daylio_old();
    case 'daylio_column':
      return m.errors_refused_daylio_column({ column: refusal.column });
    case 'daylio_too_wide':
      return m.errors_refused_daylio_too_wide();
    case 'daylio_too_many':
      return m.errors_refused_daylio_too_many({ max: number(refusal.max) });
    case 'daylio_row':
      return m.errors_refused_daylio_row({ row: refusal.row, problem: rowProblemText(refusal.problem) });
  }
}

/** A number as the person's language writes it (10,000 or 10.000). */
function number(n: number): string {
  return numberFormat().format(n);
}

/** "Please give … a name", for what has none. */
function nameMissingText(what: Named): string {
  switch (what) {
    case 'clock':
      return m.sobrietyrules_please_give_this_clock_a();
    case 'trigger':
      return m.errors_refused_name_missing_trigger();
    case 'person':
      return m.errors_refused_name_missing_person();
    case 'emotion':
      return m.errors_refused_name_missing_emotion();
    case 'coping_action':
      return m.errors_refused_name_missing_coping_action();
  }
}

/** A piece of text, as the middle of "Please keep … under 60 characters". */
function fieldText(what: Field): string {
  switch (what) {
    case 'name':
      return m.errors_field_name();
    case 'note':
      return m.errors_field_note();
    case 'title':
      return m.errors_field_title();
    case 'entry':
      return m.errors_field_entry();
    case 'intention':
      return m.errors_field_intention();
    case 'place':
      return m.errors_field_place();
    case 'people':
      return m.errors_field_people();
    case 'reason':
      return m.errors_field_reason();
    case 'if_i_slip':
      return m.errors_field_if_i_slip();
  }
}

/** "… can't be in the future", for what was dated later than now. */
function futureText(what: Moment): string {
  switch (what) {
    case 'clock_start':
      return m.sobrietyrules_the_start_can_t_be();
    case 'slip':
      return m.sobrietyrules_a_slip_can_t_be();
    case 'entry':
      return m.errors_refused_entry_in_future();
    case 'craving':
      return m.errors_refused_craving_in_future();
    case 'mood':
      return m.errors_refused_mood_in_future();
  }
}

/** The sentence for a number outside its range. */
function rangeText(what: Scale, min: number, max: number): string {
  switch (what) {
    case 'mood':
      return m.errors_refused_mood_range({ min, max });
    case 'craving':
      return m.errors_refused_craving_range({ min, max });
    case 'difficulty':
      return m.errors_refused_difficulty_range({ min, max });
    case 'sleep':
      return m.errors_refused_sleep_range({ min, max });
    case 'money_per_day':
      return m.errors_refused_money_range({ min: number(min), max: number(max) });
    case 'hours_per_day':
      return m.sobrietyrules_hours_per_day_should_be();
    case 'auto_lock':
      return m.errors_refused_auto_lock_range({ min, max });
  }
}

/** A list of the relapse plan, by its heading. */
function planListText(what: PlanList): string {
  switch (what) {
    case 'warning_signs':
      return m.sos_relapse_plan_my_warning_signs();
    case 'high_risk_situations':
      return m.sos_relapse_plan_my_high_risk_situations();
    case 'coping_strategies':
      return m.sos_relapse_plan_my_coping_strategies();
    case 'places':
      return m.sos_relapse_plan_places_i_can_go();
  }
}

/** The kind of a record in an export, as in "Entry 3 among the moods in this export …". */
function recordKindText(what: RecordKind): string {
  switch (what) {
    case 'clock':
      return m.errors_record_clocks();
    case 'slip':
      return m.errors_record_slips();
    case 'check_in':
      return m.errors_record_check_ins();
    case 'trigger':
      return m.errors_record_triggers();
    case 'mood':
      return m.errors_record_moods();
    case 'craving':
      return m.errors_record_cravings();
    case 'journal_entry':
      return m.errors_record_journal_entries();
    case 'person':
      return m.errors_record_people();
    case 'reason':
      return m.errors_record_reasons();
    case 'library_article':
      return m.errors_record_library_articles();
    case 'reading':
      return m.errors_record_reading();
  }
}

/** What is wrong with a row of a Daylio export, as the end of "Row 9 of this Daylio export …". */
function rowProblemText(problem: RowProblem): string {
  switch (problem.kind) {
    case 'fields':
      return m.errors_row_fields({ fields: problem.fields, expected: problem.expected });
    case 'not_utf8':
      return m.errors_row_not_utf8();
    case 'date':
      return m.errors_row_date();
    case 'time':
      return m.errors_row_time();
    case 'mood':
      return m.errors_row_mood();
    case 'note_too_long':
      return m.errors_row_note_too_long({ max: problem.max });
    case 'future':
      return m.errors_row_future();
    case 'unclosed_quote':
      return m.errors_row_unclosed_quote();
    case 'text_after_quote':
      return m.errors_row_text_after_quote();
  }
}

provideWords({ refused: refusalText });
