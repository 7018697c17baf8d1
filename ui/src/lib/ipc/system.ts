import { Channel } from '@tauri-apps/api/core';
import { commands, type LockSignal } from './generated';

// What the system tells the journal: its reasons to lock. Used from the first screen on, so
// this module stays apart from the person's own data going in and out (data.ts), which only
// the journal's screens need.

/**
 * Asks the shell to report when the computer is about to sleep ("suspend") or the screen locks
 * ("screenLocked"). Call once, when the app starts.
 */
export function watchLockSignals(onSignal: (signal: LockSignal) => void): Promise<void> {
  const channel = new Channel<LockSignal>();
  channel.onmessage = onSignal;
  return commands.lockSignalsWatch(channel);
}
