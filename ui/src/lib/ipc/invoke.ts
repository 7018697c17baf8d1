import { invoke as tauriInvoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toIpcError } from './IpcError';

/** Calls a backend command; a rejection is rethrown as an IpcError. */
export async function invoke<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await tauriInvoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}
