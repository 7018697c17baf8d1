// Before the shell's file has loaded (the welcome and unlock screens), refusals.ts is not there:
// a refusal, which only the journal's screens can meet, is still said, with its code's sentence.
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
});
