//! Locking when the system is about to sleep or the screen locks. The UI does the locking (so
//! it can save what is being typed first); this module only listens to the OS and tells it,
//! through a channel the UI registers at start-up. If the UI has not locked a second later
//! (frozen, or the window was being torn down), the journal is locked from here, and every
//! lock the shell does by itself (this one, before sleep, quick hide's, the idle deadline in
//! `idle.rs`) is reported on the same channel as `Locked`, so the UI tears down and shows the
//! lock screen even though it did not ask for the lock.
//!
//! Linux: logind's `PrepareForSleep` and session `Lock` on the system bus, and the screen
//! savers' `ActiveChanged` on the session bus (freedesktop, GNOME, MATE, Cinnamon). Matched by
//! interface and member only: a spoofed signal can only lock the journal, which is harmless.
//! Before sleep, a logind "delay" inhibitor makes the system wait until the journal is locked
//! (logind waits up to its InhibitDelayMaxSec, 5 s by default).
//! On other systems no OS signal is wired; the UI notices a resume from sleep by its clock
//! jumping (see ui/src/lib/idleLock.ts).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use daybreak_core::Journal;

use crate::{AppError, SharedJournal};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum LockSignal {
    /// The system is about to sleep.
    Suspend,
    /// The session's screen was locked.
    ScreenLocked,
    /// The shell has locked the journal by itself: the UI clears its data and shows the lock
    /// screen, without locking (or saving) again.
    Locked,
}

/// The UI's channel, once it has registered it.
#[derive(Default)]
pub struct LockSignals(Mutex<Option<Channel<LockSignal>>>);

/// How long the UI gets to lock (saving unsaved text first) before the shell locks itself; the
/// same before sleep, well within the 5 s logind waits for all inhibitors together.
pub(crate) const UI_GRACE: Duration = Duration::from_secs(1);

/// Registers the UI's channel; signals from then on are sent to it.
#[tauri::command]
#[specta::specta]
pub async fn lock_signals_watch(
    signals: State<'_, LockSignals>,
    on_signal: Channel<LockSignal>,
) -> Result<(), AppError> {
    *signals.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(on_signal);
    Ok(())
}

fn tell_ui<R: Runtime>(app: &AppHandle<R>, signal: LockSignal) {
    if let Some(signals) = app.try_state::<LockSignals>() {
        if let Some(channel) = signals.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            let _ = channel.send(signal);
        }
    }
}

/// Locks the journal from the shell if it is still open, and tells the UI, which tears down
/// (the UI's own lock, when it gets there, finds the journal locked and tears down as well).
/// The core drops the session before it checkpoints, so the journal is locked even when the
/// checkpoint fails; that failure is logged by its code only. A journal still opening was kept
/// from opening when the lock was asked (`keep_from_opening`), not here: as a signal's backstop
/// this comes a second later, when an unlock may have begun after the lock.
pub(crate) fn lock_from_shell<R: Runtime>(app: &AppHandle<R>) {
    if !unlocked(app) {
        return;
    }
    let Some(journal) = app.try_state::<SharedJournal>() else {
        return;
    };
    if let Err(e) = journal.lock() {
        eprintln!(
            "Daybreak: the journal was locked, but closing its file reported {:?}",
            AppError::from(e).code
        );
    }
    tell_ui(app, LockSignal::Locked);
}

pub(crate) fn unlocked<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<SharedJournal>()
        .and_then(|j| j.status().ok())
        .is_some_and(|s| s.state == daybreak_core::JournalState::Unlocked)
}

/// Gives the UI `UI_GRACE` to lock (saving what is being typed first), then locks from here if
/// it has not. The backstop is for the journal that was open when the lock was asked: once the
/// UI has locked, or once the journal has been opened since the ask (an opening under way was
/// refused by `keep_from_opening`, so this one began after: the person back at once, or
/// creating a journal on the welcome screen), it stands down rather than lock theirs.
pub(crate) fn lock_after_grace<R: Runtime>(app: &AppHandle<R>) {
    let Some(journal) = app.try_state::<SharedJournal>().map(|j| Arc::clone(&j)) else {
        return;
    };
    let asked = Moment::of(&journal);
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(UI_GRACE);
        if Moment::of(&journal) == asked {
            lock_from_shell(&app);
        }
    });
}

/// Where the journal stood: how many locks were asked or done, how many openings reached
/// their last step. Read in that order (see `Journal::may_open`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Moment {
    locks: u64,
    openings: u64,
}

impl Moment {
    fn of(journal: &Journal) -> Self {
        Self {
            locks: journal.lock_epoch(),
            openings: journal.openings(),
        }
    }
}

/// An opening under way (its key being derived) must not open the journal after the system
/// asked for a lock: there is nothing open to lock yet, so the ask is noted at once. Called
/// when a lock is asked (a signal, the tray's Lock, quick hide), never by the backstop.
pub(crate) fn keep_from_opening<R: Runtime>(app: &AppHandle<R>) {
    if let Some(journal) = app.try_state::<SharedJournal>() {
        journal.lock_asked();
    }
}

/// Tells the UI, then makes sure the journal ends up locked.
pub fn notify<R: Runtime>(app: &AppHandle<R>, signal: LockSignal) {
    keep_from_opening(app);
    tell_ui(app, signal);
    lock_after_grace(app);
}

/// Before sleep: tells the UI and waits (while the system waits for our inhibitor) until the
/// journal is locked, locking it from here when the UI has not done so in time. Only logind
/// (Linux) lets an app hold sleep back like this.
#[cfg(target_os = "linux")]
pub fn lock_before_sleep<R: Runtime>(app: &AppHandle<R>) {
    keep_from_opening(app);
    tell_ui(app, LockSignal::Suspend);
    let deadline = std::time::Instant::now() + UI_GRACE;
    while unlocked(app) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    lock_from_shell(app);
}

/// Starts listening to the OS (where there is something to listen to).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    #[cfg(target_os = "linux")]
    linux::start(app);
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{lock_before_sleep, notify, LockSignal};
    use tauri::{AppHandle, Runtime};
    use zbus::blocking::{Connection, MessageIterator, Proxy};
    use zbus::message::Type;
    use zbus::zvariant::OwnedFd;
    use zbus::MatchRule;

    /// Signals that mean "the screen is locked": a member, the interfaces that send it.
    /// Each carries a boolean "active" except logind's session `Lock`, which has none.
    struct Watch {
        member: &'static str,
        interfaces: &'static [&'static str],
    }

    const SESSION_LOCK: Watch = Watch {
        member: "Lock",
        interfaces: &["org.freedesktop.login1.Session"],
    };
    const SCREEN_SAVERS: Watch = Watch {
        member: "ActiveChanged",
        interfaces: &[
            "org.freedesktop.ScreenSaver",
            "org.gnome.ScreenSaver",
            "org.mate.ScreenSaver",
            "org.cinnamon.ScreenSaver",
        ],
    };

    fn spawn(name: &str, work: impl FnOnce() + Send + 'static) {
        // These threads sleep in a blocking read and cost nothing while they wait.
        let _ = std::thread::Builder::new().name(name.into()).spawn(work);
    }

    /// One connection per bus. Without a bus (a minimal desktop, a container) there is
    /// nothing to listen to, and the UI's clock-jump check still locks after sleep.
    pub fn start<R: Runtime>(app: &AppHandle<R>) {
        let app_system = app.clone();
        spawn("lock-signal-system", move || {
            let Ok(system) = Connection::system() else {
                return;
            };
            let (locker, connection) = (app_system.clone(), system.clone());
            spawn("lock-signal-session-lock", move || {
                let _ = listen(&connection, &SESSION_LOCK, &locker);
            });
            let _ = watch_sleep(&system, || lock_before_sleep(&app_system));
        });
        let app_session = app.clone();
        spawn("lock-signal-screen-saver", move || {
            if let Ok(session) = Connection::session() {
                let _ = listen(&session, &SCREEN_SAVERS, &app_session);
            }
        });
    }

    /// Watches logind on `connection` for the system going to sleep. Holds a "delay" sleep
    /// inhibitor so the system waits while `before_sleep` runs, releases it then, and takes a
    /// new one on waking. Without logind (no inhibitor granted) `before_sleep` still runs, as
    /// far as the system lets it before sleeping.
    pub(crate) fn watch_sleep(
        connection: &Connection,
        before_sleep: impl Fn(),
    ) -> zbus::Result<()> {
        let manager = Proxy::new(
            connection,
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
        )?;
        let inhibit = || -> Option<OwnedFd> {
            manager
                .call(
                    "Inhibit",
                    &(
                        "sleep",
                        "Daybreak",
                        "Locking the journal before sleep",
                        "delay",
                    ),
                )
                .ok()
        };
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface("org.freedesktop.login1.Manager")?
            .member("PrepareForSleep")?
            .build();
        // Subscribed before the inhibitor is taken, so no announcement is missed.
        let messages = MessageIterator::for_match_rule(rule, connection, None)?;
        let mut inhibitor = inhibit();
        for message in messages {
            let going_to_sleep = message?.body().deserialize::<bool>().unwrap_or(true);
            if going_to_sleep {
                before_sleep();
                drop(inhibitor.take());
            } else if inhibitor.is_none() {
                inhibitor = inhibit();
            }
        }
        Ok(())
    }

    fn listen<R: Runtime>(
        connection: &Connection,
        watch: &Watch,
        app: &AppHandle<R>,
    ) -> zbus::Result<()> {
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .member(watch.member)?
            .build();
        for message in MessageIterator::for_match_rule(rule, connection, None)? {
            let message = message?;
            let header = message.header();
            let known = header
                .interface()
                .is_some_and(|i| watch.interfaces.contains(&i.as_str()));
            // "Active" is true; false means unlocking.
            if known && message.body().deserialize::<bool>().unwrap_or(true) {
                notify(app, LockSignal::ScreenLocked);
            }
        }
        Ok(())
    }

    /// A stand-in logind on a private bus: it grants "delay" inhibitors (a pipe whose other end
    /// it watches, as logind does) and announces sleep and waking.
    #[cfg(test)]
    mod tests {
        use std::io::Read;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::{Arc, Mutex};
        use std::time::{Duration, Instant};

        use zbus::blocking::connection::Builder;

        use super::watch_sleep;
        use crate::test_bus::{private_bus, wait_for};

        #[derive(Default, Clone)]
        struct Seen {
            inhibitors: Arc<AtomicUsize>,
            released: Arc<Mutex<Vec<Instant>>>,
        }

        struct FakeLogind(Seen);

        #[zbus::interface(name = "org.freedesktop.login1.Manager")]
        impl FakeLogind {
            fn inhibit(
                &self,
                what: &str,
                _who: &str,
                _why: &str,
                mode: &str,
            ) -> zbus::fdo::Result<zbus::zvariant::OwnedFd> {
                assert_eq!((what, mode), ("sleep", "delay"));
                let (mut reader, writer) = std::io::pipe().expect("pipe");
                self.0.inhibitors.fetch_add(1, Ordering::SeqCst);
                let released = Arc::clone(&self.0.released);
                std::thread::spawn(move || {
                    // Returns once every copy of the write end is closed: the inhibitor's release.
                    let _ = reader.read(&mut [0u8; 1]);
                    released.lock().unwrap().push(Instant::now());
                });
                Ok(std::os::fd::OwnedFd::from(writer).into())
            }
        }

        #[test]
        fn sleep_waits_for_the_lock_and_the_inhibitor_comes_back_on_waking() {
            let bus = private_bus();
            let address = bus.1.clone();
            let seen = Seen::default();
            let logind = Builder::address(address.as_str())
                .unwrap()
                .name("org.freedesktop.login1")
                .unwrap()
                .serve_at("/org/freedesktop/login1", FakeLogind(seen.clone()))
                .unwrap()
                .build()
                .unwrap();
            let locked_at: Arc<Mutex<Option<Instant>>> = Arc::default();
            let app = Builder::address(address.as_str()).unwrap().build().unwrap();
            let locked = Arc::clone(&locked_at);
            std::thread::spawn(move || {
                let _ = watch_sleep(&app, || {
                    // Locking takes a moment; the system must wait for it.
                    std::thread::sleep(Duration::from_millis(300));
                    *locked.lock().unwrap() = Some(Instant::now());
                });
            });
            wait_for("the inhibitor", || {
                seen.inhibitors.load(Ordering::SeqCst) == 1
            });
            assert!(seen.released.lock().unwrap().is_empty());

            let announce = |sleeping: bool| {
                logind
                    .emit_signal(
                        None::<&str>,
                        "/org/freedesktop/login1",
                        "org.freedesktop.login1.Manager",
                        "PrepareForSleep",
                        &(sleeping,),
                    )
                    .unwrap();
            };
            announce(true);
            wait_for("the release", || !seen.released.lock().unwrap().is_empty());
            let locked = locked_at.lock().unwrap().expect("locked before sleep");
            let released = seen.released.lock().unwrap()[0];
            assert!(
                locked <= released,
                "the inhibitor is released only once the journal is locked"
            );

            announce(false);
            wait_for("a new inhibitor after waking", || {
                seen.inhibitors.load(Ordering::SeqCst) == 2
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use daybreak_core::Passphrase;

    use super::Moment;
    use crate::test_journal::{locked_journal, unlock, PASSPHRASE};

    #[test]
    fn the_backstop_locks_the_journal_left_open_when_the_lock_was_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        journal.lock_asked();
        let asked = Moment::of(&journal);
        // The UI is stuck and never locks: the backstop is due.
        assert_eq!(Moment::of(&journal), asked);
    }

    #[test]
    fn the_backstop_stands_down_once_the_window_has_locked_and_the_person_is_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        journal.lock_asked();
        let asked = Moment::of(&journal);
        journal.lock().expect("the UI locks");
        unlock(&journal);
        assert_ne!(Moment::of(&journal), asked);
    }

    #[test]
    fn a_new_key_made_within_the_second_is_no_lock_and_the_backstop_still_locks() {
        // A frozen window whose passphrase change (with a new key) was running when the lock
        // was asked: the journal is still open when the second is up, under its new key.
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        unlock(&journal);
        journal.lock_asked();
        let asked = Moment::of(&journal);
        journal
            .rekey(
                &Passphrase::new(PASSPHRASE),
                &Passphrase::new("tide coming in slowly"),
                daybreak_core::clock::now_utc(),
            )
            .expect("rekey");
        assert!(journal.is_unlocked());
        assert_eq!(
            Moment::of(&journal),
            asked,
            "the backstop must lock the journal still open"
        );
    }

    #[test]
    fn an_opening_begun_after_the_ask_is_not_the_backstops_to_lock() {
        // The tray's Lock on the lock screen (or the welcome screen): nothing is open, so the
        // window has nothing to lock; the person then opens the journal within the second.
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = locked_journal(&dir);
        journal.lock_asked();
        let asked = Moment::of(&journal);
        unlock(&journal);
        assert!(journal.is_unlocked());
        assert_ne!(
            Moment::of(&journal),
            asked,
            "the backstop must not lock a journal opened after the ask"
        );
    }
}
