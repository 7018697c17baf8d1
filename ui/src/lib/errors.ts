import type { ErrorCode } from './bindings';
import { toIpcError } from './ipc/IpcError';
import { currentLocale, m } from './i18n';

/** Where an error happened, for the few codes whose wording depends on it. */
export type ErrorContext = 'general' | 'create' | 'unlock' | 'recover' | 'change' | 'lock' | 'backup';

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

/**
 * Codes whose backend message says more than a general sentence could: what to fix
 * (invalid_input), how long to wait (rate_limited), what is wrong with a backup
 * (backup_damaged) and what was stopped (cancelled). None of them carries journal text.
 */
const BACKEND_WORDS = new Set<ErrorCode>(['invalid_input', 'rate_limited', 'backup_damaged', 'cancelled']);

/** Where a file problem (io) is about a file the person chose, so the backend's words name it. */
const NAMES_THE_FILE = new Set<ErrorContext>(['backup']);

/** The friendly text for an error code, worded for where it happened. */
export function messageForCode(code: ErrorCode, context: ErrorContext = 'general'): string {
  return CONTEXT_MESSAGES[context]?.[code] ?? ERROR_MESSAGES[code];
}

/**
 * The friendly text for anything caught from an IPC call.
 * For `invalid_input` the backend's own message says exactly what to fix, so it is shown.
 */
export function messageForError(reason: unknown, context: ErrorContext = 'general'): string {
  const error = toIpcError(reason);
  // The backend's own words say exactly what to fix (invalid_input) or how long to wait
  // (rate_limited), so they are shown as they are.
  const contextual = CONTEXT_MESSAGES[context]?.[error.code];
  if (contextual) return contextual;
  const backendWords = BACKEND_WORDS.has(error.code) || (error.code === 'io' && NAMES_THE_FILE.has(context));
  // The backend speaks English only: in another language the general sentence is shown.
  if (backendWords && error.message.trim() !== '' && currentLocale() === 'en') {
    return error.message;
  }
  return messageForCode(error.code, context);
}
