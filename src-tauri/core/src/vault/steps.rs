//! Named points inside the vault's multi-step file operations (replacing the header, re-keying,
//! restoring, checking a new backup). Production code only passes through them; the crash
//! tests' helper process (`src/bin/daybreak-fault-child.rs`) installs a hook that stops at one
//! of them so the test can SIGKILL it there, deterministically, instead of at random moments
//! that mostly land in Argon2.

use std::sync::OnceLock;

static HOOK: OnceLock<fn(&str)> = OnceLock::new();

/// Installs the hook called at every step. For the crash tests only; the app never calls it.
/// Only the first hook installed counts.
pub fn set_hook(hook: fn(&str)) {
    let _ = HOOK.set(hook);
}

/// Marks that `step` has just been completed.
pub(crate) fn reached(step: &str) {
    if let Some(hook) = HOOK.get() {
        hook(step);
    }
}
