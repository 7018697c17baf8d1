import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, saveStateText } from './autosave';
import { deferred } from '../testing/deferred';

describe('createAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses for the delay', async () => {
    const save = vi.fn(async () => true);
    const autosave = createAutosave(save, 800);
    autosave.changed();
    await vi.advanceTimersByTimeAsync(500);
    autosave.changed();
    await vi.advanceTimersByTimeAsync(799);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.pending).toBe(false);
  });

  it('flushes at once and does nothing when nothing changed', async () => {
    const save = vi.fn(async () => true);
    const autosave = createAutosave(save, 800);
    await autosave.flush();
    expect(save).not.toHaveBeenCalled();
    autosave.changed();
    await autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never runs two saves at once, and saves changes made during a save', async () => {
    const first = deferred<boolean>();
    const save = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(true);
    const autosave = createAutosave(save, 800);
    autosave.changed();
    const flushing = autosave.flush();
    autosave.changed();
    const again = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    first.resolve(true);
    await Promise.all([flushing, again]);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('keeps a failed change pending so the next flush tries again', async () => {
    const save = vi
      .fn()
      .mockResolvedValueOnce(false)
      .mockRejectedValueOnce(new Error('x'))
      .mockResolvedValue(true);
    const autosave = createAutosave(save, 800);
    autosave.changed();
    await autosave.flush();
    expect(autosave.pending).toBe(true);
    await autosave.flush();
    expect(autosave.pending).toBe(true);
    await autosave.flush();
    expect(autosave.pending).toBe(false);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('stops the timer when disposed', async () => {
    const save = vi.fn(async () => true);
    const autosave = createAutosave(save, 800);
    autosave.changed();
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('saveStateText', () => {
  it('words each state', () => {
    expect(saveStateText({ kind: 'saved' })).toBe('Saved');
    expect(saveStateText({ kind: 'saving' })).toBe('Saving…');
    expect(saveStateText({ kind: 'error', reason: 'the disk is full' })).toBe('Not saved: the disk is full');
  });
});
