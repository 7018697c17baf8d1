//! The idle deadline, kept in the shell as well as in the UI. The UI locks after the chosen
//! idle time itself (saving what is being typed first); this is the backstop for a WebView that
//! is suspended or hung. The UI reports activity (`idle_touch`, at most every 15 s and once more
//! after the last burst), and a thread here locks the journal once the person's auto-lock time,
//! and a margin, have passed since the last report, then tells the UI (`LockSignal::Locked`).
//!
//! The margin keeps the backstop behind the UI, which looks at its own deadline every 5 s: a
//! report can reach the shell at once, and a lock from here would take the screen away before
//! the UI saved. The limit is the auto-lock preference, read from the journal when it opens and
//! updated when it is changed. The wall clock is read in one place, the ticker, through
//! `daybreak_core::clock`; it counts time spent asleep, so a computer that slept (a gap between
//! two looks, as the UI notices one) locks as soon as it wakes, whatever the limit, even
//! "Never", as the UI promises, on systems that do not say they are going to sleep. The
//! deadline itself is a pure function of the times passed in.

use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use daybreak_core::preferences::{self, DEFAULT_AUTO_LOCK_MINUTES};
use daybreak_core::{clock, JournalError};
use tauri::{AppHandle, Manager, Runtime};

use crate::lock_signals::{self, lock_from_shell, LockSignal};
use crate::SharedJournal;

/// How often the ticker looks at the clock: the lock comes at most this late.
const TICK: Duration = Duration::from_secs(1);

/// How long past the person's limit the shell waits before locking by itself: more than the
/// UI's 5 s between looks at its own deadline and the save it does before locking.
const BACKSTOP_MARGIN: TimeDelta = TimeDelta::seconds(30);

/// A gap this long between two looks at the clock means the computer slept (or the app was
/// frozen): the same as the UI's `SLEPT_AFTER_MS` (ui/src/lib/idleLock.ts).
const SLEPT_AFTER: TimeDelta = TimeDelta::seconds(90);

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
    /// The last look at the clock, and whether the journal was open then.
    last_look: Option<(DateTime<Utc>, bool)>,
}

/// What one look at the clock found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// Nothing to do.
    Not,
    /// The limit and the margin have passed without activity: lock.
    Idle,
    /// The journal was open before a sleep (or a freeze) and still is: lock, whatever the limit
    /// and any activity reported just before it.
    Slept,
}

impl Deadline {
    pub(crate) fn new(minutes: Option<u32>) -> Self {
        Self {
            limit: limit(minutes),
            last_activity: None,
            last_look: None,
        }
    }

    /// A new limit (`None`: never); counted from the next look at the clock, as the UI does.
    pub(crate) fn set_minutes(&mut self, minutes: Option<u32>) {
        self.limit = limit(minutes);
    }

    /// One look at the clock. `unlocked`: whether the journal is open now; `active`: whether
    /// there was activity (or a new limit) since the last look. Says once per stretch of
    /// idleness, and once per sleep, that the journal must be locked now.
    pub(crate) fn tick(&mut self, now: DateTime<Utc>, unlocked: bool, active: bool) -> Due {
        let slept = matches!(
            self.last_look.replace((now, unlocked)),
            Some((then, true)) if now - then > SLEPT_AFTER
        );
        if !unlocked {
            self.last_activity = None;
            return Due::Not;
        }
        if slept {
            self.last_activity = None;
            return Due::Slept;
        }
        let last = match self.last_activity {
            // Just opened, just used, or the clock was set back: count from now.
            Some(last) if !active && last <= now => last,
            _ => {
                self.last_activity = Some(now);
                return Due::Not;
            }
        };
        match self.limit {
            Some(limit) if now - last > limit + BACKSTOP_MARGIN => {
                self.last_activity = None;
                Due::Idle
            }
            _ => Due::Not,
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
                match deadline.tick(clock::now_utc(), look.open, active) {
                    Due::Not => {}
                    // A round under way stops between two files (or inside a snapshot), so the
                    // lock does not wait for all of it. Asked only of the opening seen: when a
                    // lock came since (the UI's own), there is nothing left to lock here, and a
                    // journal opened again since is the person's.
                    Due::Idle => {
                        if let (Some(journal), Some(epoch)) =
                            (app.try_state::<SharedJournal>(), seen.open_at)
                        {
                            if journal.lock_asked_if(epoch) {
                                lock_from_shell(&app);
                            }
                        }
                    }
                    // As before a sleep the system announces: the UI locks, saving first, and
                    // the shell locks a second later if it has not.
                    Due::Slept => lock_signals::notify(&app, LockSignal::Suspend),
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeDelta, TimeZone, Utc};

    use super::{Deadline, Due, SeenOpen};

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 6, 0, 0).unwrap() + TimeDelta::seconds(seconds)
    }

    /// Looks at the clock once a second from `from` to `to`, the journal open and nobody
    /// active, as the ticker does: the first second something came due, and what.
    fn first_due(deadline: &mut Deadline, from: i64, to: i64) -> Option<(i64, Due)> {
        (from..=to).find_map(|s| match deadline.tick(at(s), true, false) {
            Due::Not => None,
            due => Some((s, due)),
        })
    }

    #[test]
    fn locks_once_the_limit_and_the_margin_have_passed_since_the_journal_opened() {
        let mut deadline = Deadline::new(Some(1));
        assert_eq!(deadline.tick(at(0), true, false), Due::Not, "just opened");
        // A minute, then the 30 s the UI is given to lock first (saving what is typed).
        assert_eq!(first_due(&mut deadline, 1, 200), Some((91, Due::Idle)));
        assert_eq!(
            first_due(&mut deadline, 92, 182),
            None,
            "one lock per stretch of idleness"
        );
    }

    #[test]
    fn activity_moves_the_deadline() {
        let mut deadline = Deadline::new(Some(1));
        deadline.tick(at(0), true, false);
        assert_eq!(first_due(&mut deadline, 1, 49), None);
        assert_eq!(
            deadline.tick(at(50), true, true),
            Due::Not,
            "activity at 50 s"
        );
        assert_eq!(first_due(&mut deadline, 51, 300), Some((141, Due::Idle)));
    }

    #[test]
    fn the_count_starts_when_the_journal_opens_not_before() {
        let mut deadline = Deadline::new(Some(5));
        deadline.tick(at(0), true, false);
        assert_eq!(
            deadline.tick(at(10), false, false),
            Due::Not,
            "locked by the UI"
        );
        assert_eq!(
            deadline.tick(at(3600), true, false),
            Due::Not,
            "opened again an hour later: no lock at once"
        );
        assert_eq!(
            first_due(&mut deadline, 3601, 4000),
            Some((3600 + 331, Due::Idle))
        );
    }

    #[test]
    fn never_means_never_and_a_new_limit_counts_from_its_change() {
        let mut deadline = Deadline::new(None);
        deadline.tick(at(0), true, false);
        assert_eq!(
            first_due(&mut deadline, 1, 3600),
            None,
            "auto-lock off: no idle lock"
        );
        deadline.set_minutes(Some(2));
        assert_eq!(
            deadline.tick(at(3601), true, true),
            Due::Not,
            "the change counts as activity"
        );
        assert_eq!(
            first_due(&mut deadline, 3602, 4000),
            Some((3601 + 151, Due::Idle))
        );
    }

    #[test]
    fn a_clock_set_back_restarts_the_count_instead_of_locking_late_or_never() {
        let mut deadline = Deadline::new(Some(1));
        deadline.tick(at(1000), true, false);
        assert_eq!(
            deadline.tick(at(0), true, false),
            Due::Not,
            "the clock went back 1000 s"
        );
        assert_eq!(
            first_due(&mut deadline, 1, 200),
            Some((91, Due::Idle)),
            "counted from the new reading, not 1000 s more"
        );
    }

    #[test]
    fn a_sleep_locks_whatever_the_limit_and_any_activity_just_before_it() {
        for minutes in [Some(5), None] {
            let mut deadline = Deadline::new(minutes);
            deadline.tick(at(0), true, false);
            // The last report came just before the lid was shut; no look ran while the
            // computer slept, so the first one after waking sees both.
            assert_eq!(
                deadline.tick(at(8 * 3600), true, true),
                Due::Slept,
                "auto-lock after {minutes:?} minutes"
            );
            assert_eq!(
                deadline.tick(at(8 * 3600 + 1), true, false),
                Due::Not,
                "once per sleep"
            );
        }
    }

    #[test]
    fn a_short_pause_or_a_journal_locked_before_the_sleep_is_no_sleep_lock() {
        let mut deadline = Deadline::new(None);
        deadline.tick(at(0), true, false);
        assert_eq!(
            deadline.tick(at(90), true, false),
            Due::Not,
            "90 s between two looks: a busy machine, not a sleep"
        );
        deadline.tick(at(100), false, false);
        assert_eq!(
            deadline.tick(at(8 * 3600), true, false),
            Due::Not,
            "locked before the sleep, opened after it"
        );
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
