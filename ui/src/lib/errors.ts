import type { ErrorCode } from './bindings';
import { toIpcError } from './ipc/IpcError';

/** Where an error happened, for the few codes whose wording depends on it. */
export type ErrorContext = 'general' | 'create' | 'unlock' | 'recover' | 'change' | 'lock' | 'backup';

/** A friendly sentence for every code. `Record` makes the compiler insist on all of them. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  wrong_passphrase: "That passphrase didn't open this journal.",
  wrong_recovery_key: "That recovery key didn't open this journal. Check each group.",
  locked: 'Your journal is locked. Unlock it and try again.',
  not_found:
    "Daybreak couldn't find your journal file. If it was moved or renamed, put it back where it was and try again.",
  already_exists:
    'There is already a journal on this computer, so Daybreak did not make a new one. Restart Daybreak to open it.',
  invalid_input: "Something in this form isn't quite right. Please check it and try again.",
  corrupt: "Daybreak couldn't open this journal file. It may be damaged. Your file has not been changed.",
  newer_version: 'This journal was made by a newer version of Daybreak. Please update Daybreak to open it.',
  io: "Daybreak couldn't read or save the journal file. Check that the disk isn't full and the folder is still there, then try again.",
  internal: 'Something unexpected went wrong inside Daybreak. Please try again.',
  rate_limited: "That's several tries in a row. Please wait a little, then try again.",
  disk_full:
    "Your disk is full, so this wasn't saved. Everything saved before is safe. Free up some space, then try again.",
  backup_damaged:
    "This backup is damaged or incomplete, so it can't be used. Your journal hasn't been changed.",
  cancelled: 'That was stopped before the end. Nothing was written, and your journal is as it was.',
};

const CONTEXT_MESSAGES: Partial<Record<ErrorContext, Partial<Record<ErrorCode, string>>>> = {
  change: {
    wrong_passphrase: "That isn't your current passphrase.",
  },
  backup: {
    wrong_passphrase:
      "That passphrase didn't open this backup. Use the one that was valid when the backup was made.",
    wrong_recovery_key:
      "That recovery key didn't open this backup. Use the one that was valid when the backup was made.",
  },
  // Shown on the lock screen: the journal is locked (the core closes it first), only tidying
  // its file on the way failed. Saved entries are in the file and come back on unlock.
  lock: {
    io: "Your journal is locked, but Daybreak couldn't finish tidying its file. Everything you saved is kept. If this keeps happening, check that the disk isn't full.",
    disk_full:
      "Your journal is locked, but the disk is full, so Daybreak couldn't finish tidying its file. Everything you saved is kept. Free up some space soon.",
    internal:
      'Your journal is locked, but something unexpected went wrong on the way. Everything you saved is kept.',
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
  if (backendWords && error.message.trim() !== '') {
    return error.message;
  }
  return messageForCode(error.code, context);
}
