//! When the window last asked the journal for something, so work that holds the journal for a
//! while (today's automatic backup: its snapshot takes 0.2-0.4 s on a ten-year journal) waits
//! for a pause instead of landing on a screen being opened. Measured with `scripts/perf.sh`:
//! started at a fixed 3 s after unlocking, it held up Insights for some 250 ms when the person
//! was clicking through the screens then (issue 12). Only times: nothing of what was asked.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static EPOCH: OnceLock<Instant> = OnceLock::new();
static LAST_ASKED_MS: AtomicU64 = AtomicU64::new(0);

fn now_ms() -> u64 {
    u64::try_from(EPOCH.get_or_init(Instant::now).elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// A command is about to use the journal.
pub fn asked() {
    LAST_ASKED_MS.store(now_ms(), Ordering::Relaxed);
}

/// How much longer to wait for `pause` without a call, when the last one was `quiet` ago;
/// `None` when the pause is already there.
fn still_to_wait(quiet: Duration, pause: Duration) -> Option<Duration> {
    pause.checked_sub(quiet).filter(|left| !left.is_zero())
}

/// Blocks until nothing has asked the journal for anything for `pause`, or until `at_most` has
/// passed (someone busy for minutes still gets their backup).
pub fn wait_for_pause(pause: Duration, at_most: Duration) {
    let began = Instant::now();
    while began.elapsed() < at_most {
        let quiet =
            Duration::from_millis(now_ms().saturating_sub(LAST_ASKED_MS.load(Ordering::Relaxed)));
        match still_to_wait(quiet, pause) {
            None => return,
            Some(left) => std::thread::sleep(left.min(at_most.saturating_sub(began.elapsed()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_out_what_is_left_of_the_pause_and_not_when_it_is_there() {
        let pause = Duration::from_millis(1500);
        assert_eq!(
            still_to_wait(Duration::from_millis(400), pause),
            Some(Duration::from_millis(1100))
        );
        assert_eq!(still_to_wait(pause, pause), None);
        assert_eq!(still_to_wait(Duration::from_secs(9), pause), None);
    }

    #[test]
    fn a_call_just_now_holds_the_wait_for_the_whole_pause_but_never_past_the_limit() {
        asked();
        let began = Instant::now();
        wait_for_pause(Duration::from_millis(120), Duration::from_secs(10));
        assert!(
            began.elapsed() >= Duration::from_millis(100),
            "waited for the pause"
        );

        asked();
        let began = Instant::now();
        wait_for_pause(Duration::from_secs(60), Duration::from_millis(150));
        let waited = began.elapsed();
        assert!(
            waited >= Duration::from_millis(150),
            "waited until the limit"
        );
        assert!(
            waited < Duration::from_secs(30),
            "and not for the whole pause"
        );
    }
}
