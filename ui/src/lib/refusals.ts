// The sentences for what the core refused: imports (a Daybreak export, a Daylio export and its
// rows, a library article), a trigger's name, the plan's length. The journal's screens are the
// only ones that can be refused anything, so this file comes with the shell (Shell.svelte
// imports it), not with the first screen's file; it hands its words to errors.ts on loading.
import type { Refusal, RowProblem } from './bindings';
import { provideRefusalWords } from './errors';
import { intlLocale, m } from './i18n';

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
    case 'not_a_daybreak_export':
      return m.errors_refused_not_a_daybreak_export();
    case 'newer_export':
      return m.errors_refused_newer_export();
    case 'bad_entry':
      return m.errors_refused_bad_entry();
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
      return m.errors_refused_daylio_too_many({
        max: new Intl.NumberFormat(intlLocale()).format(refusal.max),
      });
    case 'daylio_row':
      return m.errors_refused_daylio_row({ row: refusal.row, problem: rowProblemText(refusal.problem) });
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

provideRefusalWords(refusalText);
