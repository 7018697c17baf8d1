// GENERATED from Rust by `cargo test -p daybreak bindings` (ts-rs). Do not edit by hand.
// Run `UPDATE_BINDINGS=1 cargo test -p daybreak bindings` to refresh it.

export type AppError = { code: ErrorCode, message: string, };

export type CreatedJournal = { recoveryKey: string, };

export type ErrorCode = "wrong_passphrase" | "wrong_recovery_key" | "locked" | "not_found" | "already_exists" | "invalid_input" | "corrupt" | "newer_version" | "io" | "internal";

export type JournalState = "none" | "locked" | "unlocked";

export type JournalStatus = { state: JournalState, dataDir: string, journalFile: string, };
