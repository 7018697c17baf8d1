import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauri = vi.hoisted(() => {
  class FakeChannel<T> {
    onmessage: (message: T) => void = () => {};
  }
  return { invoke: vi.fn(), Channel: FakeChannel };
});
vi.mock('@tauri-apps/api/core', () => tauri);

import * as system from './system';

describe('ipc/system', () => {
  beforeEach(() => {
    tauri.invoke.mockResolvedValue(undefined);
  });

  it('passes each lock signal from the channel to the listener', async () => {
    const onSignal = vi.fn();
    await system.watchLockSignals(onSignal);
    const [command, args] = tauri.invoke.mock.calls[0]!;
    expect(command).toBe('lock_signals_watch');
    const channel = (args as { onSignal: InstanceType<typeof tauri.Channel> }).onSignal;
    expect(channel).toBeInstanceOf(tauri.Channel);
    channel.onmessage('suspend');
    channel.onmessage('screenLocked');
    expect(onSignal.mock.calls).toEqual([['suspend'], ['screenLocked']]);
  });
});
