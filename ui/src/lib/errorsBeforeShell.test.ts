// Before the shell's file has loaded (the welcome and unlock screens), refusals.ts and
// backupProblems.ts are not there: a refusal, which only the journal's screens can meet, and a
// backup's problem, which only restoring and the journal's backups can, are still said, with
// their code's sentence.
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, messageForError } from './errors';
import { IpcError } from './ipc/IpcError';

describe('error sentences on the first screen', () => {
  it('says a refusal with the general sentence until refusals.ts has loaded', async () => {
    const taken = new IpcError('invalid_input', 'x', { kind: 'refused', refusal: { kind: 'name_taken' } });
    expect(messageForError(taken)).toBe(ERROR_MESSAGES.invalid_input);
    await import('./refusals');
    expect(messageForError(taken)).toMatch(/trigger/i);
  });

  it("says a backup's problem with the general sentence until backupProblems.ts has loaded", async () => {
    const other = new IpcError('backup_damaged', 'x', { kind: 'backup', problem: 'other_journal' });
    expect(messageForError(other, 'backup')).toBe(ERROR_MESSAGES.backup_damaged);
    await import('./backupProblems');
    expect(messageForError(other, 'backup')).toMatch(/^This backup does not belong to this journal\./);
  });
});
