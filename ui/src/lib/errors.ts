import type { BackupProblem, ErrorCode, ErrorDetail, FileAction, IoReason, Refusal, Task } from './bindings';
import { toIpcError } from './ipc/IpcError';
import { m } from './i18n';

/** Where an error happened, for the few codes whose wording depends on it. */
export type ErrorContext =
  'general' | 'create' | 'unlock' | 'recover' | 'join' | 'change' | 'lock' | 'backup' | 'sync';

/**
 * A friendly sentence for every code, in the language spoken now (each is a getter, so a change
 * of language is read at once). `Record` makes the compiler insist on all of them.
 */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  get wrong_passphrase() {
    return m.errors_wrong_passphrase();
  },
  get wrong_recovery_key() {
    return m.errors_wrong_recovery_key();
  },
  get locked() {
    return m.errors_locked();
  },
  get locked_while_opening() {
    return m.errors_locked_while_opening();
  },
  get not_found() {
    return m.errors_not_found();
  },
  get already_exists() {
    return m.errors_already_exists();
  },
  get invalid_input() {
    return m.errors_invalid_input();
  },
  get corrupt() {
    return m.errors_corrupt();
  },
  get newer_version() {
    return m.errors_newer_version();
  },
  get io() {
    return m.errors_io();
  },
  get internal() {
    return m.errors_internal();
  },
  get rate_limited() {
    return m.errors_rate_limited();
  },
  get disk_full() {
    return m.errors_disk_full();
  },
  get backup_damaged() {
    return m.errors_backup_damaged();
  },
  get cancelled() {
    return m.errors_cancelled();
  },
};

const CONTEXT_MESSAGES: Partial<Record<ErrorContext, Partial<Record<ErrorCode, string>>>> = {
  // The system asked for a lock while the journal was opening: it is locked, and what the
  // opening did is kept. Said on the lock screen, which comes next (see `lockedWhileOpening`).
  recover: {
    get locked_while_opening() {
      return m.errors_recover_locked_while_opening();
    },
  },
  join: {
    get locked_while_opening() {
      return m.errors_join_locked_while_opening();
    },
  },
  change: {
    get wrong_passphrase() {
      return m.errors_change_wrong_passphrase();
    },
  },
  backup: {
    get wrong_passphrase() {
      return m.errors_backup_wrong_passphrase();
    },
    get wrong_recovery_key() {
      return m.errors_backup_wrong_recovery_key();
    },
  },
  // Settings' syncing: choosing a folder, a round now, and the last round. A folder that is
  // not there: mistyped, or a stick, network or cloud folder away. (A folder inside the
  // journal's own is said from the refusal's facts, not its code, which other refusals share.)
  sync: {
    get not_found() {
      return m.sync_folder_missing();
    },
  },
  // Shown on the lock screen: the journal is locked (the core closes it first), only tidying
  // its file on the way failed. Saved entries are in the file and come back on unlock.
  lock: {
    get io() {
      return m.errors_lock_io();
    },
    get disk_full() {
      return m.errors_lock_disk_full();
    },
    get internal() {
      return m.errors_lock_internal();
    },
  },
};

const FILE_ACTIONS: Record<FileAction, (path: string) => string> = {
  use: () => m.errors_file_use(),
  read: (path) => m.errors_file_read({ path }),
  write: (path) => m.errors_file_write({ path }),
  create_folder: (path) => m.errors_file_create_folder({ path }),
  delete: (path) => m.errors_file_delete({ path }),
  write_backup: (path) => m.errors_file_write_backup({ path }),
  restore_journal: (path) => m.errors_file_restore_journal({ path }),
  save_export: (path) => m.errors_file_save_export({ path }),
  save_report: (path) => m.errors_file_save_report({ path }),
  save_plan: (path) => m.errors_file_save_plan({ path }),
  save_settings: (path) => m.errors_file_save_settings({ path }),
  make_pdf: () => m.errors_file_make_pdf(),
};

const IO_REASONS: Record<IoReason, () => string> = {
  not_found: () => m.errors_why_not_found(),
  not_allowed: () => m.errors_why_not_allowed(),
  already_exists: () => m.errors_why_already_exists(),
  read_only: () => m.errors_why_read_only(),
  too_many_files: () => m.errors_why_too_many_files(),
  no_font: () => m.errors_why_no_font(),
  other: () => m.errors_why_other(),
};

const TASKS: Record<Task, () => string> = {
  backup: () => m.errors_cancelled_backup(),
};

/**
 * Sentences that only screens in files of their own can meet come with those files, not with
 * the first screen's (issue 12): what the core refused (`refusals.ts`; only the journal's
 * screens can be refused anything) and what is wrong with a backup (`backupProblems.ts`; only
 * restoring and the journal's backups read one). Each file hands its words over as it loads;
 * until then the code's own sentence is said.
 */
const laterWords: {
  refused?: (refusal: Refusal) => string;
  backup?: (problem: BackupProblem) => string;
} = {};

/** Called once by `refusals.ts` and `backupProblems.ts` when their files load. */
export function provideWords(words: typeof laterWords): void {
  Object.assign(laterWords, words);
}

/** The sentence for an error's facts: how long to wait, which file and why, what was refused. */
export function detailText(detail: ErrorDetail): string {
  switch (detail.kind) {
    case 'wait':
      return m.errors_wait({ seconds: detail.seconds });
    case 'file':
      return m.errors_file({
        what: FILE_ACTIONS[detail.action](detail.path),
        why: IO_REASONS[detail.reason](),
      });
    case 'backup':
      return laterWords.backup?.(detail.problem) ?? ERROR_MESSAGES.backup_damaged;
    case 'cancelled':
      return TASKS[detail.task]();
    case 'passphrase':
      if (detail.problem === 'empty') return m.errors_passphrase_empty();
      return detail.problem === 'too_short'
        ? m.errors_passphrase_too_short({ min: detail.min })
        : m.errors_passphrase_too_long({ max: detail.max });
    case 'refused':
      return laterWords.refused?.(detail.refusal) ?? ERROR_MESSAGES.invalid_input;
    case 'gone':
      return m.errors_gone();
  }
}

/** The friendly text for an error code, worded for where it happened. */
export function messageForCode(code: ErrorCode, context: ErrorContext = 'general'): string {
  return CONTEXT_MESSAGES[context]?.[code] ?? ERROR_MESSAGES[code];
}

/**
 * Why the lock screen shows when an opening (unlocking, recovering, joining) was asked to lock
 * while its key was derived, worded for where it happened; null for any other failure.
 */
export function lockedWhileOpening(reason: unknown, context: ErrorContext): string | null {
  return toIpcError(reason).code === 'locked_while_opening'
    ? messageForCode('locked_while_opening', context)
    : null;
}

/**
 * The friendly text for anything caught from an IPC call, in the language spoken now: worded
 * for where it happened, else from the error's facts (`detail`), else from its code.
 */
export function messageForError(reason: unknown, context: ErrorContext = 'general'): string {
  const error = toIpcError(reason);
  const contextual = CONTEXT_MESSAGES[context]?.[error.code];
  if (contextual) return contextual;
  if (error.detail) return detailText(error.detail);
  // The message is English for logs: every rule the core judges comes with its facts (a
  // refusal, a passphrase rule, ...), so without them the code's general sentence is shown.
  return messageForCode(error.code, context);
}
