//! Where start-up time goes in the shell, for the start-up work (`docs/performance.md`, "The
//! tools"): with `DAYBREAK_TRACE_START=1`, each step of setup and the page's load events are
//! printed to stderr with the milliseconds since `run()` began (the unlock command's steps too).
//! Names of steps only: nothing of the journal. Off (and costing one env lookup) otherwise.

use std::sync::OnceLock;
use std::time::Instant;

static BEGAN: OnceLock<Option<Instant>> = OnceLock::new();

/// Starts the clock (first thing in `run()`), when tracing is asked for.
pub fn begin() {
    BEGAN.get_or_init(|| std::env::var_os("DAYBREAK_TRACE_START").map(|_| Instant::now()));
}

/// Notes that `step` is done.
pub fn mark(step: &str) {
    if let Some(Some(began)) = BEGAN.get() {
        eprintln!(
            "daybreak start: {:>8.1} ms  {step}",
            began.elapsed().as_secs_f64() * 1000.0
        );
    }
}
