import { invoke as tauriInvoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import { toIpcError } from './IpcError';

/**
 * Calls a backend command; a rejection is rethrown as an IpcError. `options` (headers) is only
 * for the few commands that take a raw body, such as a file's bytes.
 */
export async function invoke<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await (options === undefined ? tauriInvoke<T>(command, args) : tauriInvoke<T>(command, args, options));
  } catch (reason) {
    throw toIpcError(reason);
  }
}
