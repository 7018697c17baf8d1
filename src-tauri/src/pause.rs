//! When the window last used the journal, so work that holds the journal for a while (today's
//! automatic backup: its snapshot takes 0.2-0.4 s on a ten-year journal) waits for a pause
//! instead of landing on a screen being opened. Measured with `scripts/perf.sh`: started at a
//! fixed 3 s after unlocking, it held up Insights for some 250 ms when the person was clicking
//! through the screens then (issue 12). Only times: nothing of what was asked.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static EPOCH: OnceLock<Instant> = OnceLock::new();
/// When a command last began or ended its use of the journal.
static LAST_USE_MS: AtomicU64 = AtomicU64::new(0);
/// How many commands are using the journal now: while any is, there is no pause.
static IN_USE: AtomicUsize = AtomicUsize::new(0);

fn now_ms() -> u64 {
    u64::try_from(EPOCH.get_or_init(Instant::now).elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// A command using the journal, from when it is asked until it has answered (dropped).
pub struct InUse(());

/// A command is about to use the journal; keep the result until it is done.
pub fn in_use() -> InUse {
    IN_USE.fetch_add(1, Ordering::SeqCst);
    LAST_USE_MS.store(now_ms(), Ordering::SeqCst);
    InUse(())
}

impl Drop for InUse {
    fn drop(&mut self) {
        LAST_USE_MS.store(now_ms(), Ordering::SeqCst);
        IN_USE.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How long nothing has used the journal (zero while something does).
fn quiet_for() -> Duration {
    if IN_USE.load(Ordering::SeqCst) > 0 {
        return Duration::ZERO;
    }
    Duration::from_millis(now_ms().saturating_sub(LAST_USE_MS.load(Ordering::SeqCst)))
}

/// How much longer to wait for `pause` without a call, when the last one was `quiet` ago;
/// `None` when the pause is already there.
fn still_to_wait(quiet: Duration, pause: Duration) -> Option<Duration> {
    pause.checked_sub(quiet).filter(|left| !left.is_zero())
}

/// Blocks until nothing has used the journal for `pause`, or until `at_most` has passed
/// (someone busy for minutes still gets their backup).
pub fn wait_for_pause(pause: Duration, at_most: Duration) {
    let began = Instant::now();
    while began.elapsed() < at_most {
        match still_to_wait(quiet_for(), pause) {
            None => return,
            Some(left) => std::thread::sleep(left.min(at_most.saturating_sub(began.elapsed()))),
        }
    }
}

/// One at a time: `take` gives a turn while nobody else holds one, and the turn ends when it
/// is dropped. Two unlocks within the minute the backup may wait must not make it twice.
pub struct Turns(AtomicBool);

/// A turn taken from `Turns`.
pub struct Turn<'a>(&'a AtomicBool);

impl Turns {
    pub const fn new() -> Self {
        Self(AtomicBool::new(false))
    }

    pub fn take(&self) -> Option<Turn<'_>> {
        (!self.0.swap(true, Ordering::SeqCst)).then_some(Turn(&self.0))
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    // The use count is one per process: tests that touch it take turns.
    static SERIAL: Mutex<()> = Mutex::new(());

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
    fn a_use_just_ended_holds_the_wait_for_the_whole_pause_but_never_past_the_limit() {
        let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        drop(in_use());
        let began = Instant::now();
        wait_for_pause(Duration::from_millis(120), Duration::from_secs(10));
        assert!(
            began.elapsed() >= Duration::from_millis(100),
            "waited for the pause"
        );

        drop(in_use());
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

    #[test]
    fn a_use_still_going_is_no_pause_however_long_it_has_run() {
        let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        let using = in_use();
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(quiet_for(), Duration::ZERO);
        drop(using);
        std::thread::sleep(Duration::from_millis(60));
        assert!(quiet_for() >= Duration::from_millis(50));
    }

    #[test]
    fn turns_are_one_at_a_time() {
        let turns = Turns::new();
        let first = turns.take();
        assert!(first.is_some());
        assert!(turns.take().is_none(), "a second while the first is held");
        drop(first);
        assert!(turns.take().is_some(), "free again once the first ended");
    }
}
