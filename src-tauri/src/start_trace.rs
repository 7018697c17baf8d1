//! Where start-up time goes in the shell, for the start-up work (`docs/performance.md`, "The
//! tools"): with `DAYBREAK_TRACE_START=1`, each step of setup and the page's load events are
//! printed to stderr with the milliseconds since `run()` began (the unlock command's steps too).
//! Names of steps only: nothing of the journal. Off (and costing one env lookup) otherwise.

use std::fmt::Display;
use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static BEGAN: OnceLock<Option<Instant>> = OnceLock::new();

/// Starts the clock (first thing in `run()`), when tracing is asked for.
pub fn begin() {
    BEGAN.get_or_init(|| std::env::var_os("DAYBREAK_TRACE_START").map(|_| Instant::now()));
}

/// Notes that `step` is done. Words put together with `format_args!` are only put together
/// when tracing: nothing is allocated on a start that is not traced.
pub fn mark(step: impl Display) {
    if let Some(Some(began)) = BEGAN.get() {
        // One write, not eprintln!'s several: WebKit's processes write to the same stderr, and
        // the harness reads whole lines.
        let line = format!("daybreak start: {:>8.1} ms  {step}\n", ms(began.elapsed()));
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}

/// Notes that `step` is done and how long it took by itself: a part timed inside a step, such
/// as the unlock's key derivation, which `perf/harness.mjs` takes away from the unlock's time.
pub fn took(step: &str, elapsed: Duration) {
    mark(format_args!("{step} (took {:.1} ms)", ms(elapsed)));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
