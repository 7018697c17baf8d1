// The types that cross IPC, for the whole UI. They are generated from Rust with the commands
// into ../ipc/generated.ts (the one folder that talks to Tauri); this file passes on only the
// types, so a view can name `MoodEntry` without reaching the commands themselves.
export type * from '../ipc/generated';
