import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import type { commands } from './generated';
import { toIpcError } from './IpcError';

// Every command has a generated function in ../bindings (`commands.*`, made from the Rust
// definitions by src-tauri/src/bindings.rs). The one call those cannot make is sending a file
// as the raw request body, so that is done here, for the commands that take a `RawFile`.

type Commands = typeof commands;

/** The generated commands that take no JSON arguments: the file commands are among them. */
type NoArgumentCommand = {
  [K in keyof Commands]: Parameters<Commands[K]> extends [] ? K : never;
}[keyof Commands];

/**
 * Calls a command that takes a file (a `RawFile` in Rust): the bytes go as the raw request body
 * (no JSON for megabytes) and the name, percent-encoded, in the `x-file-name` header. The
 * command is named by its generated function (`'importPreview'`), so a renamed or removed
 * command does not compile, and the result has the generated type.
 */
export async function invokeWithFile<K extends NoArgumentCommand>(
  command: K,
  fileName: string,
  bytes: Uint8Array,
): Promise<Awaited<ReturnType<Commands[K]>>> {
  try {
    return await tauriInvoke<Awaited<ReturnType<Commands[K]>>>(ipcName(command), bytes, {
      headers: { 'x-file-name': encodeURIComponent(fileName) },
    });
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/** The name the backend knows a generated function's command by: `importPreview` -> `import_preview`. */
export function ipcName(generated: string): string {
  return generated.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
