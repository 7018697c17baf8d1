//! The idle deadline, kept in the shell as well as in the UI. The UI locks after the chosen
//! idle time itself (saving what is being typed first); this is the backstop for a WebView that
//! is suspended or hung. The UI reports activity (`idle_touch`, at most every 15 s and once more
//! after the last burst), and a thread here locks the journal once the person's auto-lock time
//! has passed since the last report, then tells the UI (`LockSignal::Locked`).
//!
//! Because a report arrives after the activity it reports, the shell's deadline is never
//! earlier than the UI's own. The limit is the auto-lock preference, read from the journal when
//! it opens and updated when it is changed. The wall clock is read in one place, the ticker,
//! through `daybreak_core::clock`; it counts time spent asleep, so a laptop that slept past the
//! deadline locks as soon as it wakes. The deadline itself is a pure function of the time
//! passed in.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use daybreak_core::preferences::{self, DEFAULT_AUTO_LOCK_MINUTES};
use daybreak_core::{clock, JournalError};
use tauri::{AppHandle, Manager, Runtime};

use crate::lock_signals::lock_from_shell;
use crate::SharedJournal;

/// How often the ticker looks at the clock: the lock comes at most this late.
const TICK: Duration = Duration::from_secs(1);

/// What the commands hand the ticker between two looks at the clock.
#[derive(Default)]
struct Inbox {
    active: bool,
    minutes: Option<Option<u32>>,
}

/// Shared state: activity and preference changes, picked up by the ticker.
#[derive(Default)]
pub struct IdleWatch(Mutex<Inbox>);

impl IdleWatch {
    /// The person did something in the window.
    pub fn touch(&self) {
        self.inbox().active = true;
    }

    /// The auto-lock preference changed (`None`: never).
    pub fn set_minutes(&self, minutes: Option<u32>) {
        self.inbox().minutes = Some(minutes);
    }

    fn take(&self) -> Inbox {
        std::mem::take(&mut *self.inbox())
    }

    fn inbox(&self) -> std::sync::MutexGuard<'_, Inbox> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// When the open journal is due to lock: the limit and the last activity.
#[derive(Debug)]
pub(crate) struct Deadline {
    limit: Option<TimeDelta>,
    /// `None` while the journal is locked: the count starts when it opens.
    last_activity: Option<DateTime<Utc>>,
}

impl Deadline {
    pub(crate) fn new(minutes: Option<u32>) -> Self {
        Self {
            limit: limit(minutes),
            last_activity: None,
        }
    }

    /// A new limit (`None`: never); counted from the next look at the clock, as the UI does.
    pub(crate) fn set_minutes(&mut self, minutes: Option<u32>) {
        self.limit = limit(minutes);
    }

    /// One look at the clock. `unlocked`: whether the journal is open now; `active`: whether
    /// there was activity (or a new limit) since the last look. True when the journal must be
    /// locked now; true once per stretch of idleness.
    pub(crate) fn tick(&mut self, now: DateTime<Utc>, unlocked: bool, active: bool) -> bool {
        if !unlocked {
            self.last_activity = None;
            return false;
        }
        let last = match self.last_activity {
            // Just opened, just used, or the clock was set back: count from now.
            Some(last) if !active && last <= now => last,
            _ => {
                self.last_activity = Some(now);
                return false;
            }
        };
        match self.limit {
            Some(limit) if now - last > limit => {
                self.last_activity = None;
                true
            }
            _ => false,
        }
    }
}

/// Whether the journal is open, as the idle thread sees it without waiting for what holds it
/// (`Journal::is_unlocked_now`). While it is held, it is still the opening last seen if no
/// lock was asked or done since (every one bumps the lock epoch); otherwise it counts as
/// locked, so the deadline never comes for a journal opened again since.
#[derive(Debug, Default)]
pub(crate) struct SeenOpen {
    /// The lock epoch when the journal was last seen open.
    open_at: Option<u64>,
}

/// What one look saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Look {
    pub(crate) open: bool,
    /// Open, and not the opening the last look saw: opened since, opened again after a lock
    /// (even one within the same second), or still open after a lock was asked (a screen lock
    /// the window has not acted on yet). The person's auto-lock time is then read again.
    pub(crate) newly_open: bool,
}

impl SeenOpen {
    /// One look: `epoch` read just before `answer`.
    pub(crate) fn look(&mut self, epoch: u64, answer: Option<bool>) -> Look {
        let before = self.open_at;
        let open = match answer {
            Some(true) => {
                self.open_at = Some(epoch);
                true
            }
            Some(false) => {
                self.open_at = None;
                false
            }
            None => self.open_at == Some(epoch),
        };
        Look {
            open,
            newly_open: open && before != Some(epoch),
        }
    }
}

fn limit(minutes: Option<u32>) -> Option<TimeDelta> {
    minutes.map(|m| TimeDelta::minutes(i64::from(m)))
}

/// The person's auto-lock time, from the open journal (the default when it cannot be read).
fn auto_lock_minutes<R: Runtime>(app: &AppHandle<R>) -> Option<u32> {
    app.try_state::<SharedJournal>()
        .and_then(|journal| {
            journal
                .with_session(|session| {
                    preferences::get(session.store()).map_err(JournalError::from)
                })
                .ok()
        })
        .map_or(Some(DEFAULT_AUTO_LOCK_MINUTES), |p| p.auto_lock_minutes)
}

/// Starts the ticker. It runs for the life of the app and costs a status check a second.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let _ = std::thread::Builder::new()
        .name("idle-deadline".into())
        .spawn(move || {
            let mut deadline = Deadline::new(Some(DEFAULT_AUTO_LOCK_MINUTES));
            let mut seen = SeenOpen::default();
            loop {
                std::thread::sleep(TICK);
                let Some(watch) = app.try_state::<IdleWatch>() else {
                    continue;
                };
                // Asked without waiting: a long sync round holds the journal, and the deadline
                // must still come on time (the lock asked below stops the round).
                let look = app
                    .try_state::<SharedJournal>()
                    .map(|j| {
                        let epoch = j.lock_epoch();
                        seen.look(epoch, j.is_unlocked_now())
                    })
                    .unwrap_or_default();
                if look.newly_open {
                    deadline.set_minutes(auto_lock_minutes(&app));
                }
                let inbox = watch.take();
                if let Some(minutes) = inbox.minutes {
                    deadline.set_minutes(minutes);
                }
                // A new opening counts from now, even one that came within a tick of a lock,
                // which no look saw locked.
                let active = inbox.active || inbox.minutes.is_some() || look.newly_open;
                if deadline.tick(clock::now_utc(), look.open, active) {
                    // A round under way stops between two files (or inside a snapshot), so the lock
                    // does not wait for all of it. Asked only of the opening seen, so it refuses no
                    // other.
                    if let (Some(journal), Some(epoch)) =
                        (app.try_state::<SharedJournal>(), seen.open_at)
                    {
                        journal.lock_asked_if(epoch);
                    }
                    lock_from_shell(&app);
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeDelta, TimeZone, Utc};

    use super::{Deadline, SeenOpen};

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 6, 0, 0).unwrap() + TimeDelta::seconds(seconds)
    }

    #[test]
    fn locks_once_the_limit_has_passed_since_the_journal_opened() {
        let mut deadline = Deadline::new(Some(1));
        assert!(!deadline.tick(at(0), true, false), "just opened");
        assert!(!deadline.tick(at(30), true, false));
        assert!(
            !deadline.tick(at(60), true, false),
            "exactly the limit is not yet past it"
        );
        assert!(
            deadline.tick(at(61), true, false),
            "a minute and a second without activity locks"
        );
        assert!(
            !deadline.tick(at(62), true, false),
            "one lock per stretch of idleness"
        );
    }

    #[test]
    fn activity_moves_the_deadline() {
        let mut deadline = Deadline::new(Some(1));
        deadline.tick(at(0), true, false);
        assert!(!deadline.tick(at(50), true, true), "activity at 50 s");
        assert!(
            !deadline.tick(at(100), true, false),
            "not idle for a minute yet"
        );
        assert!(deadline.tick(at(111), true, false), "a minute after 50 s");
    }

    #[test]
    fn the_count_starts_when_the_journal_opens_not_before() {
        let mut deadline = Deadline::new(Some(5));
        deadline.tick(at(0), true, false);
        assert!(!deadline.tick(at(10), false, false), "locked by the UI");
        assert!(
            !deadline.tick(at(3600), true, false),
            "opened again an hour later: no lock at once"
        );
        assert!(!deadline.tick(at(3600 + 300), true, false));
        assert!(deadline.tick(at(3600 + 301), true, false));
    }

    #[test]
    fn never_means_never_and_a_new_limit_counts_from_its_change() {
        let mut deadline = Deadline::new(None);
        deadline.tick(at(0), true, false);
        assert!(
            !deadline.tick(at(10 * 3600), true, false),
            "auto-lock off: no idle lock"
        );
        deadline.set_minutes(Some(2));
        assert!(
            !deadline.tick(at(10 * 3600 + 1), true, true),
            "the change counts as activity"
        );
        assert!(!deadline.tick(at(10 * 3600 + 121), true, false));
        assert!(deadline.tick(at(10 * 3600 + 122), true, false));
    }

    #[test]
    fn a_clock_set_back_restarts_the_count_instead_of_locking_late_or_never() {
        let mut deadline = Deadline::new(Some(1));
        deadline.tick(at(1000), true, false);
        assert!(
            !deadline.tick(at(0), true, false),
            "the clock went back 1000 s"
        );
        assert!(
            deadline.tick(at(61), true, false),
            "a minute from the new reading, not 1000 s more"
        );
    }

    #[test]
    fn time_asleep_counts() {
        let mut deadline = Deadline::new(Some(5));
        deadline.tick(at(0), true, false);
        // No tick ran while the computer slept; the first one after waking locks.
        assert!(deadline.tick(at(8 * 3600), true, false));
    }

    #[test]
    fn a_journal_held_is_still_the_one_seen_open_only_if_no_lock_came_since() {
        let mut seen = SeenOpen::default();
        assert!(!seen.look(0, None).open, "never seen open: not open");
        assert!(seen.look(3, Some(true)).open);
        assert!(
            seen.look(3, None).open,
            "held (a sync round), no lock since: still open"
        );
        assert_eq!(seen.open_at, Some(3));
        assert!(
            !seen.look(4, None).open,
            "held after a lock (an unlock opening it again, say): not the one seen"
        );
        assert!(!seen.look(4, Some(false)).open);
        assert!(!seen.look(4, None).open, "seen locked, then held: locked");
    }

    #[test]
    fn an_opening_is_new_once_and_again_after_any_lock() {
        let mut seen = SeenOpen::default();
        assert!(
            seen.look(1, Some(true)).newly_open,
            "the first opening seen"
        );
        assert!(
            !seen.look(1, Some(true)).newly_open,
            "the same opening, a tick later"
        );
        assert!(!seen.look(1, None).newly_open, "the same opening, held");
        assert!(
            seen.look(2, Some(true)).newly_open,
            "locked and opened again between two looks: a new opening"
        );
        assert!(!seen.look(3, Some(false)).newly_open);
        assert!(
            seen.look(4, Some(true)).newly_open,
            "opened after being seen locked"
        );
    }
}
