import type { ErrorCode } from './bindings';
import { toIpcError } from './ipc/IpcError';

/** Where an error happened, for the few codes whose wording depends on it. */
export type ErrorContext = 'general' | 'create' | 'unlock' | 'recover' | 'change' | 'lock';

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
  corrupt:
    "Daybreak couldn't open this journal file. It may be damaged. Your file has not been changed.",
  newer_version:
    'This journal was made by a newer version of Daybreak. Please update Daybreak to open it.',
  io: "Daybreak couldn't read or save the journal file. Check that the disk isn't full and the folder is still there, then try again.",
  internal: 'Something unexpected went wrong inside Daybreak. Please try again.',
  rate_limited: "That's several tries in a row. Please wait a little, then try again.",
  disk_full:
    "Your disk is full, so this wasn't saved. Everything saved before is safe. Free up some space, then try again.",
};

const CONTEXT_MESSAGES: Partial<Record<ErrorContext, Partial<Record<ErrorCode, string>>>> = {
  change: {
    wrong_passphrase: "That isn't your current passphrase.",
  },
  lock: {
    io: "Daybreak couldn't lock your journal. Please try again.",
    internal: "Daybreak couldn't lock your journal. Please try again.",
  },
};

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
  if ((error.code === 'invalid_input' || error.code === 'rate_limited') && error.message.trim() !== '') {
    return error.message;
  }
  return messageForCode(error.code, context);
}
