import { describe, expect, it, vi } from 'vitest';

vi.mock('./ipc/data');

import * as data from './ipc/data';
import type { LockSignal } from './bindings';
import { onLockSignal, watchSystemLockSignals } from './lockSignals';

async function watch(): Promise<(signal: LockSignal) => void> {
  await watchSystemLockSignals();
  expect(data.watchLockSignals).toHaveBeenCalledTimes(1);
  return vi.mocked(data.watchLockSignals).mock.calls[0]![0];
}

describe('lockSignals', () => {
  it('passes each signal to whoever listens, and no longer once they stop', async () => {
    const send = await watch();
    const listener = vi.fn();
    const stop = onLockSignal(listener);
    send('suspend');
    send('screenLocked');
    expect(listener.mock.calls).toEqual([['suspend'], ['screenLocked']]);
    stop();
    send('suspend');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('does nothing when nobody listens (the journal is locked)', async () => {
    const send = await watch();
    expect(() => send('suspend')).not.toThrow();
  });

  it('hands a refusal back to the caller, which ignores it (the sleep check still locks)', async () => {
    vi.mocked(data.watchLockSignals).mockRejectedValue(new Error('not supported'));
    await expect(watchSystemLockSignals()).rejects.toThrow('not supported');
  });
});
