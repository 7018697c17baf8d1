//! A hybrid logical clock: the stamp every change carries, so "the last writer wins" means
//! the same thing on every computer. A stamp is one `i64`: milliseconds since the Unix epoch
//! in the high 48 bits, a counter in the low 16. It follows the wall clock when the wall clock
//! moves forward, and only counts up when the wall clock stands still or goes back (a clock
//! set back, a new time zone changes nothing: the milliseconds are UTC).
//!
//! Seeing a stamp from another computer (`observe`) moves this clock past it, so an edit made
//! here after a change arrived always wins over that change, even when the other computer's
//! wall clock runs ahead. It lives in the store, not in `sync`, because the store's triggers
//! stamp every write with it (see `capture.rs`) and `sync` imports the store, not the reverse.

/// Bits for the counter below the milliseconds.
const COUNTER_BITS: u32 = 16;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Hlc {
    last: i64,
}

impl Hlc {
    /// The milliseconds part of a stamp.
    pub fn millis(stamp: i64) -> i64 {
        stamp >> COUNTER_BITS
    }

    /// The stamp for a change happening now, given the wall clock in milliseconds since the
    /// Unix epoch (time is passed in). Always greater than every stamp before it.
    pub fn tick(&mut self, wall_ms: i64) -> i64 {
        let physical = wall_ms.max(0) << COUNTER_BITS;
        self.last = if physical > self.last {
            physical
        } else {
            // A full counter carries into the milliseconds: still later than before.
            self.last + 1
        };
        self.last
    }

    /// Takes in a stamp seen elsewhere (or stored before this run), so later ticks come after it.
    pub fn observe(&mut self, stamp: i64) {
        self.last = self.last.max(stamp);
    }

    /// The latest stamp given out or observed.
    pub fn last(&self) -> i64 {
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_always_grow_even_when_the_wall_clock_stands_still_or_goes_back() {
        let mut hlc = Hlc::default();
        let mut previous = 0;
        for wall in [1_000, 1_000, 1_000, 999, 500, 1_001, 1_001, 0, -5, 2_000] {
            let stamp = hlc.tick(wall);
            assert!(
                stamp > previous,
                "stamp {stamp} after {previous} (wall {wall})"
            );
            previous = stamp;
        }
        assert_eq!(
            Hlc::millis(previous),
            2_000,
            "a wall clock moving on is followed"
        );
    }

    #[test]
    fn a_clock_running_ahead_elsewhere_is_overtaken_by_the_next_local_change() {
        let mut here = Hlc::default();
        let mut ahead = Hlc::default();
        let local = here.tick(10_000);
        // The other computer's clock is an hour fast.
        let remote = ahead.tick(10_000 + 3_600_000);
        assert!(remote > local);
        here.observe(remote);
        let edit_after_seeing_it = here.tick(10_001);
        assert!(
            edit_after_seeing_it > remote,
            "an edit made after a change arrived must win over it, whatever the wall clocks say"
        );
        // Once the wall clock catches up, it is followed again.
        assert_eq!(Hlc::millis(here.tick(20_000_000)), 20_000_000);
    }

    #[test]
    fn observing_an_older_stamp_changes_nothing() {
        let mut hlc = Hlc::default();
        let stamp = hlc.tick(5_000);
        hlc.observe(stamp - 100);
        assert_eq!(hlc.last(), stamp);
        assert!(hlc.tick(4_000) > stamp);
    }

    #[test]
    fn a_full_counter_carries_into_the_milliseconds_and_stays_ordered() {
        let mut hlc = Hlc::default();
        let mut previous = hlc.tick(7);
        for _ in 0..70_000 {
            let stamp = hlc.tick(7);
            assert!(stamp > previous);
            previous = stamp;
        }
        assert!(Hlc::millis(previous) > 7);
    }
}
