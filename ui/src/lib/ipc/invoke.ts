import { invoke as tauriInvoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import { toIpcError } from './IpcError';

/**
 * Calls a backend command; a rejection is rethrown as an IpcError. `options` (headers) is only
 * for the few commands that take a raw body, such as a file's bytes.
 */
export async function invoke<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await (options === undefined
      ? tauriInvoke<T>(command, args)
      : tauriInvoke<T>(command, args, options));
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/**
 * Calls a command that takes a file: the bytes go as the raw request body (no JSON for
 * megabytes) and the name, percent-encoded, in the `x-file-name` header.
 */
export function invokeWithFile<T>(command: string, fileName: string, bytes: Uint8Array): Promise<T> {
  return invoke<T>(command, bytes, { headers: { 'x-file-name': encodeURIComponent(fileName) } });
}
