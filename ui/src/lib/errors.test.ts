import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, messageForCode, messageForError } from './errors';
import { ERROR_CODES, IpcError } from './ipc/IpcError';

describe('friendly error messages', () => {
  it.each(ERROR_CODES)('%s has its own friendly, non-technical message', (code) => {
    const text = messageForCode(code);
    expect(text).toBe(ERROR_MESSAGES[code]);
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/_|\bcode\b|error/i);
    expect(text).toMatch(/[.!]$/);
  });

  it('gives every code a different message', () => {
    const texts = ERROR_CODES.map((code) => messageForCode(code));
    expect(new Set(texts).size).toBe(ERROR_CODES.length);
  });

  it('covers exactly the codes the backend can send', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('never uses stigmatising words', () => {
    for (const code of ERROR_CODES) {
      expect(messageForCode(code).toLowerCase()).not.toMatch(/\b(addict|clean|dirty|failure|failed)\b/);
    }
  });

  it('uses the exact wording for the unlock errors', () => {
    expect(messageForCode('wrong_passphrase', 'unlock')).toBe("That passphrase didn't open this journal.");
    expect(messageForCode('corrupt', 'unlock')).toBe(
      "Daybreak couldn't open this journal file. It may be damaged. Your file has not been changed.",
    );
    expect(messageForCode('newer_version', 'unlock')).toBe(
      'This journal was made by a newer version of Daybreak. Please update Daybreak to open it.',
    );
    expect(messageForCode('wrong_recovery_key', 'recover')).toBe(
      "That recovery key didn't open this journal. Check each group.",
    );
  });

  it('words a wrong passphrase differently when changing it', () => {
    expect(messageForCode('wrong_passphrase', 'change')).toBe("That isn't your current passphrase.");
    expect(messageForCode('corrupt', 'change')).toBe(ERROR_MESSAGES.corrupt);
  });

  it('shows the backend message for invalid_input, because it says what to fix', () => {
    const error = new IpcError('invalid_input', 'Your passphrase needs at least 8 characters.');
    expect(messageForError(error, 'create')).toBe('Your passphrase needs at least 8 characters.');
    expect(messageForError(new IpcError('invalid_input', '  '))).toBe(ERROR_MESSAGES.invalid_input);
  });

  it('shows how long to wait after too many wrong tries', () => {
    const error = new IpcError('rate_limited', 'Please wait 20 seconds, then try again.');
    expect(messageForError(error, 'unlock')).toBe('Please wait 20 seconds, then try again.');
  });

  it('never shows the backend message for other codes', () => {
    const error = new IpcError('internal', 'database error: no such table: moods');
    expect(messageForError(error)).toBe(ERROR_MESSAGES.internal);
    expect(messageForError(new IpcError('corrupt', 'page 7'))).toBe(ERROR_MESSAGES.corrupt);
  });

  it('shows which file could not be used and why, for backup problems', () => {
    const io = new IpcError(
      'io',
      "Could not write the backup to /media/usb/b.dbk: Daybreak isn't allowed to use it.",
    );
    expect(messageForError(io, 'backup')).toBe(io.message);
    expect(messageForError(io)).toBe(ERROR_MESSAGES.io);
    const damaged = new IpcError('backup_damaged', 'This backup is incomplete or damaged.');
    expect(messageForError(damaged, 'backup')).toBe(damaged.message);
    const stopped = new IpcError('cancelled', 'The backup was stopped before the end. Nothing was written.');
    expect(messageForError(stopped)).toBe(stopped.message);
    expect(messageForError(new IpcError('io', ''), 'backup')).toBe(ERROR_MESSAGES.io);
  });

  it('words a wrong secret for a backup as about the backup, not the journal', () => {
    const wrong = new IpcError('wrong_passphrase', "That passphrase didn't open this journal.");
    expect(messageForError(wrong, 'backup')).toMatch(/didn't open this backup/);
    expect(messageForError(wrong, 'unlock')).toBe(ERROR_MESSAGES.wrong_passphrase);
  });

  it('treats anything that is not an IpcError as internal', () => {
    expect(messageForError(new TypeError('boom'))).toBe(ERROR_MESSAGES.internal);
    expect(messageForError(undefined)).toBe(ERROR_MESSAGES.internal);
  });
});
