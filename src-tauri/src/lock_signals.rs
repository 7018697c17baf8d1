//! Locking when the system is about to sleep or the screen locks. The UI does the locking (so
//! it can save what is being typed first); this module only listens to the OS and tells it,
//! through a channel the UI registers at start-up. If the UI has not locked a few seconds
//! later (frozen, or the window was being torn down), the journal is locked from here.
//!
//! Linux: logind's `PrepareForSleep` and session `Lock` on the system bus, and the screen
//! savers' `ActiveChanged` on the session bus (freedesktop, GNOME, MATE, Cinnamon). Matched by
//! interface and member only: a spoofed signal can only lock the journal, which is harmless.
//! On other systems no OS signal is wired; the UI notices a resume from sleep by its clock
//! jumping (see ui/src/lib/wakeLock.ts).

use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::{AppError, SharedJournal};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LockSignal {
    /// The system is about to sleep.
    Suspend,
    /// The session's screen was locked.
    ScreenLocked,
}

/// The UI's channel, once it has registered it.
#[derive(Default)]
pub struct LockSignals(Mutex<Option<Channel<LockSignal>>>);

/// How long the UI gets to lock (saving unsaved text first) before the shell locks itself.
const UI_GRACE: Duration = Duration::from_secs(3);

/// Registers the UI's channel; signals from then on are sent to it.
#[tauri::command]
pub async fn lock_signals_watch(
    signals: State<'_, LockSignals>,
    on_signal: Channel<LockSignal>,
) -> Result<(), AppError> {
    *signals.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(on_signal);
    Ok(())
}

/// Tells the UI, then makes sure the journal ends up locked.
pub fn notify<R: Runtime>(app: &AppHandle<R>, signal: LockSignal) {
    if let Some(signals) = app.try_state::<LockSignals>() {
        if let Some(channel) = signals.0.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
            let _ = channel.send(signal);
        }
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(UI_GRACE);
        if let Some(journal) = app.try_state::<SharedJournal>() {
            let _ = journal.lock();
        }
    });
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
    use super::{notify, LockSignal};
    use tauri::{AppHandle, Runtime};
    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;
    use zbus::MatchRule;

    /// (interface, member, what it means). Each carries a boolean "started/active" except
    /// logind's session `Lock`, which has no arguments.
    const SYSTEM: &[(&str, &str, LockSignal)] = &[
        (
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            LockSignal::Suspend,
        ),
        (
            "org.freedesktop.login1.Session",
            "Lock",
            LockSignal::ScreenLocked,
        ),
    ];
    const SESSION: &[(&str, &str, LockSignal)] = &[
        (
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            LockSignal::ScreenLocked,
        ),
        (
            "org.gnome.ScreenSaver",
            "ActiveChanged",
            LockSignal::ScreenLocked,
        ),
        (
            "org.mate.ScreenSaver",
            "ActiveChanged",
            LockSignal::ScreenLocked,
        ),
        (
            "org.cinnamon.ScreenSaver",
            "ActiveChanged",
            LockSignal::ScreenLocked,
        ),
    ];

    pub fn start<R: Runtime>(app: &AppHandle<R>) {
        for (system, table) in [(true, SYSTEM), (false, SESSION)] {
            for &(interface, member, signal) in table {
                let app = app.clone();
                // One thread per match: they sleep in a blocking read and cost nothing.
                let _ = std::thread::Builder::new()
                    .name(format!("lock-signal-{member}"))
                    .spawn(move || {
                        // No bus (a minimal desktop, a container): nothing to listen to.
                        let _ = listen(system, interface, member, signal, &app);
                    });
            }
        }
    }

    fn listen<R: Runtime>(
        system: bool,
        interface: &'static str,
        member: &'static str,
        signal: LockSignal,
        app: &AppHandle<R>,
    ) -> zbus::Result<()> {
        let connection = if system {
            Connection::system()?
        } else {
            Connection::session()?
        };
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(interface)?
            .member(member)?
            .build();
        for message in MessageIterator::for_match_rule(rule, &connection, None)? {
            let message = message?;
            // "Started"/"active" is true; false means waking up or unlocking.
            let starting = message.body().deserialize::<bool>().unwrap_or(true);
            if starting {
                notify(app, signal);
            }
        }
        Ok(())
    }
}
