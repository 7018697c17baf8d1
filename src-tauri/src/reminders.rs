//! Reminders while Daybreak runs, in the window or in the tray: a scheduler thread that sleeps
//! until the next reminder (waking at least once a minute, so a resume from sleep, a change of
//! time zone or of the settings is noticed within a minute), shows it as a system notification,
//! and opens the right screen when it is clicked.
//!
//! The schedule itself (DST, travel, quiet hours, no stacking) is the core's
//! (`daybreak_core::reminders`). The settings live in the plain settings file beside the
//! journal, so reminders come while it is locked.
//!
//! Whether today's check-in is done needs the journal. While it is locked nobody can tell, so
//! the reminder is shown, in the words the person chose (neutral by default); while it is
//! unlocked, a check-in already done skips its reminder. Milestone notes need the clocks, so
//! they come only while the journal is unlocked, and name the clock and the milestone only
//! when the person turned that on.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, Utc};
use daybreak_core::reminders::{
    due, next_after, CheckInsToday, Occurrence, ReminderKind, ReminderSettings, Shown, Wording,
};
use daybreak_core::words::Language;
use daybreak_core::zone::Zone;
use daybreak_core::{clock, device_settings, sobriety, DataError, JournalError};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::notifications::Notice;
use crate::{AppError, SharedJournal, MAIN_WINDOW};

/// The longest the scheduler sleeps: a resume from sleep or a new time zone is noticed within
/// this.
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// A screen the shell asks the UI to open: after a reminder is clicked, or from the tray. The
/// names are the UI's areas (ui/src/lib/areas.ts). When the journal is locked the UI opens it
/// after unlocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Screen {
    /// Today, where the morning intention and the evening check-in are.
    Today,
    /// Mood & triggers, to log a mood.
    Mood,
    /// Sobriety, where the clocks and their milestones are.
    Sobriety,
    Sos,
}

impl Screen {
    fn for_reminder(kind: ReminderKind) -> Screen {
        match kind {
            ReminderKind::Morning | ReminderKind::Evening => Screen::Today,
            ReminderKind::HowAreYou => Screen::Mood,
            ReminderKind::Milestone => Screen::Sobriety,
        }
    }
}

/// A milestone reached today or next, read from the unlocked journal.
#[derive(Debug, Clone)]
struct MilestoneFact {
    at: DateTime<Utc>,
    clock: String,
    length: sobriety::MilestoneLength,
}

/// What the scheduler knows from the journal: nothing while it is locked.
#[derive(Debug, Clone)]
struct JournalFacts {
    today: CheckInsToday,
    milestones: Vec<MilestoneFact>,
    unlocked: bool,
}

impl JournalFacts {
    fn locked() -> Self {
        Self {
            today: CheckInsToday::Unknown,
            milestones: Vec::new(),
            unlocked: false,
        }
    }

    fn instants(&self) -> Vec<DateTime<Utc>> {
        self.milestones.iter().map(|m| m.at).collect()
    }
}

#[derive(Default)]
struct Inner {
    settings: ReminderSettings,
    shown: Shown,
    /// Notification ids sent, and the screen each opens when clicked.
    sent: HashMap<u32, Screen>,
    /// The UI's channel for screens to open, once it has registered it.
    ui: Option<Channel<Screen>>,
    /// A screen asked for before the UI registered.
    pending: Option<Screen>,
    /// Bumped by every settings change, so the scheduler recomputes its sleep.
    generation: u64,
    /// What the window speaks when it follows the system, as its page said on starting.
    window_language: Option<Language>,
}

/// The reminders' state, managed by the app.
pub struct Reminders {
    dir: PathBuf,
    inner: Mutex<Inner>,
    wake: Condvar,
}

impl Reminders {
    /// Reads the settings from the plain settings file in the journal's folder `dir`.
    pub fn new(dir: PathBuf) -> Self {
        let settings = device_settings::load(&dir).reminders.tidied();
        Self {
            dir,
            inner: Mutex::new(Inner {
                settings,
                ..Default::default()
            }),
            wake: Condvar::new(),
        }
    }

    fn guarded(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn settings(&self) -> ReminderSettings {
        self.guarded().settings.clone()
    }

    /// Saves new settings to the plain file and wakes the scheduler.
    pub fn save(&self, settings: ReminderSettings) -> Result<ReminderSettings, DataError> {
        let settings = settings.tidied();
        let saved = device_settings::update(&self.dir, |s| {
            s.reminders = settings.clone();
            Ok(())
        })?;
        let mut inner = self.guarded();
        inner.settings = saved.reminders.clone();
        inner.generation += 1;
        self.wake.notify_all();
        Ok(saved.reminders)
    }

    /// The language reminders (and the tray) speak: the one chosen in Settings, else the
    /// system's, else the window's (before it has said, the last start's), else English
    /// (`locale::language`). Read at each reminder, so a change in Settings counts from the next
    /// one.
    pub fn language(&self) -> Language {
        let window = self.guarded().window_language;
        crate::locale::language(&self.dir, window)
    }

    /// Notes what the window speaks when it follows the system. Whether that changed.
    pub fn window_speaks(&self, language: Language) -> bool {
        self.guarded().window_language.replace(language) != Some(language)
    }

    /// Whether closing the window keeps Daybreak in the tray: some reminder is on and the
    /// person did not say no when asked.
    pub fn keep_in_tray(&self) -> bool {
        let inner = self.guarded();
        inner.settings.any_on() && inner.settings.close_to_tray != Some(false)
    }
}

/// What a reminder's notification says, in `language`. Neutral words unless the person chose
/// plain ones; a clock's name and milestone only when they turned that on and the journal is
/// unlocked. Never journal text. The words are the core's (`words::ReminderWords`): these are
/// the only sentences the shell shows by itself.
pub fn notice(
    settings: &ReminderSettings,
    kind: ReminderKind,
    milestone: Option<(&str, sobriety::MilestoneLength)>,
    language: Language,
) -> Notice {
    let words = &language.words().reminders;
    let [summary, body] = match (settings.wording, kind) {
        (Wording::Neutral, _) => ["Daybreak", words.neutral],
        (Wording::Plain, ReminderKind::Morning) => words.morning,
        (Wording::Plain, ReminderKind::Evening) => words.evening,
        (Wording::Plain, ReminderKind::HowAreYou) => words.how_are_you,
        (Wording::Plain, ReminderKind::Milestone) => words.milestone,
    };
    // A clock's name only with the plain words: "Only 'a moment for yourself'" means only that,
    // whatever the details switch was left at.
    let details = settings.details && settings.wording == Wording::Plain;
    let body = match (kind, milestone) {
        (ReminderKind::Milestone, Some((clock, length))) if details => {
            format!(
                "{clock}: {}",
                (words.length)(length.unit, i64::from(length.count))
            )
        }
        _ => body.to_string(),
    };
    Notice {
        summary: summary.to_string(),
        body,
    }
}

/// Today's check-ins and the milestones reached today or next, when the journal is unlocked.
fn journal_facts<R: Runtime>(app: &AppHandle<R>, now: DateTime<Utc>, tz: Zone) -> JournalFacts {
    let Some(journal) = app.try_state::<SharedJournal>() else {
        return JournalFacts::locked();
    };
    let read = journal.with_session(|session| {
        sobriety::today::today(session.store(), now, tz).map_err(JournalError::from)
    });
    let Ok(view) = read else {
        return JournalFacts::locked();
    };
    let check_in = view.check_in.as_ref();
    let milestones = view
        .clocks
        .iter()
        .flat_map(|clock| {
            [clock.last_milestone.as_ref(), clock.next_milestone.as_ref()]
                .into_iter()
                .flatten()
                .map(|m| MilestoneFact {
                    at: m.at,
                    clock: clock.name.clone(),
                    length: m.length,
                })
        })
        .collect();
    JournalFacts {
        today: CheckInsToday::Known {
            day: view.day,
            morning: check_in.is_some_and(|c| c.intention.is_some()),
            evening: check_in.is_some_and(|c| c.sober.is_some()),
        },
        milestones,
        unlocked: true,
    }
}

/// Windows and macOS show reminders through Tauri's notification plugin; Linux talks to the
/// notification service itself (see `notifications.rs`).
pub fn with_notification_plugin<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_notification::init());
    builder
}

/// Starts the scheduler thread, and on Linux the listener for clicks.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let scheduler = app.clone();
    let _ = std::thread::Builder::new()
        .name("reminders".into())
        .spawn(move || run(&scheduler));
    #[cfg(target_os = "linux")]
    linux::listen(app.clone());
}

fn run<R: Runtime>(app: &AppHandle<R>) {
    let Some(reminders) = app.try_state::<Reminders>() else {
        return;
    };
    let mut since = clock::now_utc();
    loop {
        reminders.sleep_until_next(journal_facts(app, since, clock::current_zone()), since);
        let now = clock::now_utc();
        if now <= since {
            continue;
        }
        let tz = clock::current_zone();
        let facts = journal_facts(app, now, tz);
        let shown = reminders.tick(since, now, tz, &facts, |notice| show(app, notice));
        if let Some(Err(())) = shown {
            // Only that it failed: a notice's words never go to a log.
            eprintln!("Daybreak: a reminder could not be shown");
        }
        since = now;
    }
}

impl Reminders {
    /// Sleeps until the next reminder after `since`, a minute at most, or a settings change.
    fn sleep_until_next(&self, facts: JournalFacts, since: DateTime<Utc>) {
        let tz = clock::current_zone();
        let inner = self.guarded();
        let generation = inner.generation;
        let sleep = next_after(&inner.settings, since, tz, &facts.instants())
            .map(|o| (o.at - clock::now_utc()).to_std().unwrap_or(Duration::ZERO))
            .unwrap_or(MAX_SLEEP)
            .clamp(Duration::from_millis(200), MAX_SLEEP);
        let _ = self
            .wake
            .wait_timeout_while(inner, sleep, |i| i.generation == generation);
    }

    /// One wake of the scheduler: shows the reminder due in `(since, now]`, if any, through
    /// `show`, and remembers which screen its notification opens. `None` when nothing was due.
    fn tick(
        &self,
        since: DateTime<Utc>,
        now: DateTime<Utc>,
        tz: Zone,
        facts: &JournalFacts,
        show: impl FnOnce(&Notice) -> Result<Option<u32>, ()>,
    ) -> Option<Result<(Occurrence, Notice), ()>> {
        let (occurrence, settings) = {
            let mut inner = self.guarded();
            let two_days_ago = daybreak_core::time::local(now, tz).date() - chrono::Days::new(2);
            inner.shown.forget_before(two_days_ago);
            let occurrence = due(
                &inner.settings,
                since,
                now,
                tz,
                &facts.instants(),
                facts.today,
                &inner.shown,
            )?;
            inner.shown.record(&occurrence);
            (occurrence, inner.settings.clone())
        };
        let milestone = occurrence
            .milestone
            .and_then(|i| facts.milestones.get(i))
            .filter(|_| facts.unlocked)
            .map(|m| (m.clock.as_str(), m.length));
        let notice = notice(&settings, occurrence.kind, milestone, self.language());
        match show(&notice) {
            Ok(id) => {
                if let Some(id) = id {
                    let screen = Screen::for_reminder(occurrence.kind);
                    self.guarded().sent.insert(id, screen);
                }
                Some(Ok((occurrence, notice)))
            }
            Err(()) => Some(Err(())),
        }
    }

    /// The screen notification `id` opens, once: `None` for an id Daybreak did not send. Only
    /// Linux's notifications report clicks (the plugin used elsewhere gives no id).
    #[cfg(target_os = "linux")]
    fn take_click(&self, id: u32) -> Option<Screen> {
        self.guarded().sent.remove(&id)
    }
}

#[cfg(target_os = "linux")]
fn show<R: Runtime>(_app: &AppHandle<R>, notice: &Notice) -> Result<Option<u32>, ()> {
    let connection = zbus::blocking::Connection::session().map_err(|_| ())?;
    crate::notifications::show(&connection, notice)
        .map(Some)
        .map_err(|_| ())
}

#[cfg(not(target_os = "linux"))]
fn show<R: Runtime>(app: &AppHandle<R>, notice: &Notice) -> Result<Option<u32>, ()> {
    use tauri_plugin_notification::NotificationExt;
    app.notification()
        .builder()
        .title(&notice.summary)
        .body(&notice.body)
        .show()
        .map(|()| None)
        .map_err(|_| ())
}

/// Shows the window and asks the UI to open `screen` (after unlocking, when locked).
pub fn open<R: Runtime>(app: &AppHandle<R>, screen: Screen) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let Some(reminders) = app.try_state::<Reminders>() else {
        return;
    };
    let mut inner = reminders.guarded();
    let sent = inner.ui.as_ref().is_some_and(|ui| ui.send(screen).is_ok());
    if !sent {
        inner.pending = Some(screen);
    }
}

/// The reminder settings.
#[tauri::command]
#[specta::specta]
pub async fn reminders_get(reminders: State<'_, Reminders>) -> Result<ReminderSettings, AppError> {
    Ok(reminders.settings())
}

/// Saves the reminder settings to the plain settings file.
#[tauri::command]
#[specta::specta]
pub async fn reminders_set(
    reminders: State<'_, Reminders>,
    settings: ReminderSettings,
) -> Result<ReminderSettings, AppError> {
    reminders
        .save(settings)
        .map_err(|e| AppError::from(JournalError::from(e)))
}

/// Registers the UI's channel for screens to open; one asked for before is sent at once.
#[tauri::command]
#[specta::specta]
pub async fn screens_watch(
    reminders: State<'_, Reminders>,
    on_open: Channel<Screen>,
) -> Result<(), AppError> {
    let mut inner = reminders.guarded();
    if let Some(screen) = inner.pending.take() {
        let _ = on_open.send(screen);
    }
    inner.ui = Some(on_open);
    Ok(())
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{open, Reminders};
    use tauri::{AppHandle, Manager, Runtime};

    /// Listens for clicks on the session bus, on its own thread. Without a session bus there
    /// are no notifications to click either.
    pub fn listen<R: Runtime>(app: AppHandle<R>) {
        let _ = std::thread::Builder::new()
            .name("reminder-clicks".into())
            .spawn(move || {
                if let Ok(connection) = zbus::blocking::Connection::session() {
                    let _ = crate::notifications::listen_for_clicks(&connection, |id| {
                        clicked(&app, id)
                    });
                }
            });
    }

    /// A notification was clicked: brings the window forward and opens its screen.
    fn clicked<R: Runtime>(app: &AppHandle<R>, id: u32) {
        let Some(reminders) = app.try_state::<Reminders>() else {
            return;
        };
        let Some(screen) = reminders.take_click(id) else {
            return;
        };
        open(app, screen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    const THIRTY_DAYS: sobriety::MilestoneLength = sobriety::MilestoneLength {
        unit: sobriety::TimeUnit::Days,
        count: 30,
    };

    fn plain() -> ReminderSettings {
        ReminderSettings {
            evening: NaiveTime::from_hms_opt(21, 0, 0),
            wording: Wording::Plain,
            ..Default::default()
        }
    }

    #[test]
    fn the_default_words_are_neutral_whatever_the_reminder() {
        let settings = ReminderSettings::default();
        for kind in [
            ReminderKind::Morning,
            ReminderKind::Evening,
            ReminderKind::HowAreYou,
            ReminderKind::Milestone,
        ] {
            let n = notice(
                &settings,
                kind,
                Some(("Alcohol", THIRTY_DAYS)),
                Language::En,
            );
            assert_eq!(
                (n.summary.as_str(), n.body.as_str()),
                ("Daybreak", "A moment for yourself"),
                "{kind:?}: nothing says what it is for, no clock name, no day count"
            );
        }
    }

    #[test]
    fn plain_words_say_what_it_is_for_but_name_no_clock_unless_asked() {
        let mut settings = plain();
        assert_eq!(
            notice(&settings, ReminderKind::Evening, None, Language::En).summary,
            "Evening check-in"
        );
        let note = notice(
            &settings,
            ReminderKind::Milestone,
            Some(("Alcohol", THIRTY_DAYS)),
            Language::En,
        );
        assert!(!note.body.contains("Alcohol") && !note.body.contains("30"));
        settings.details = true;
        let note = notice(
            &settings,
            ReminderKind::Milestone,
            Some(("Alcohol", THIRTY_DAYS)),
            Language::En,
        );
        assert_eq!(note.body, "Alcohol: 30 days");
    }

    #[test]
    fn neutral_words_name_no_clock_even_with_details_left_on() {
        let mut settings = plain();
        settings.details = true;
        settings.wording = Wording::Neutral;
        let note = notice(
            &settings,
            ReminderKind::Milestone,
            Some(("Alcohol", THIRTY_DAYS)),
            Language::En,
        );
        assert_eq!(
            (note.summary.as_str(), note.body.as_str()),
            ("Daybreak", "A moment for yourself")
        );
    }

    #[test]
    fn a_reminder_speaks_the_language_chosen_in_settings() {
        let dir = tempfile::tempdir().unwrap();
        let reminders = Reminders::new(dir.path().to_path_buf());
        device_settings::set_language(dir.path(), Some(Language::Es)).unwrap();
        let mut settings = plain();
        let language = reminders.language();
        assert_eq!(language, Language::Es);
        assert_eq!(
            notice(
                &ReminderSettings::default(),
                ReminderKind::Evening,
                None,
                language
            )
            .body,
            "Un momento para ti"
        );
        assert_eq!(
            notice(&settings, ReminderKind::Evening, None, language).summary,
            "Registro de la noche"
        );
        settings.details = true;
        let note = notice(
            &settings,
            ReminderKind::Milestone,
            Some(("Alcohol", THIRTY_DAYS)),
            language,
        );
        assert_eq!(note.body, "Alcohol: 30 días");
        device_settings::set_language(dir.path(), Some(Language::En)).unwrap();
        assert_eq!(
            reminders.language(),
            Language::En,
            "a change counts at the next reminder"
        );
        assert!(reminders.window_speaks(Language::Es));
        assert_eq!(
            reminders.language(),
            Language::En,
            "the language chosen in Settings wins over the window's"
        );
    }

    #[test]
    fn the_window_saying_what_it_speaks_counts_once_per_change() {
        let dir = tempfile::tempdir().unwrap();
        let reminders = Reminders::new(dir.path().to_path_buf());
        assert!(reminders.window_speaks(Language::Es), "the first time");
        assert!(!reminders.window_speaks(Language::Es), "again, the same");
        assert!(reminders.window_speaks(Language::En), "another language");
    }

    #[test]
    fn each_reminder_opens_its_screen() {
        assert_eq!(Screen::for_reminder(ReminderKind::Evening), Screen::Today);
        assert_eq!(Screen::for_reminder(ReminderKind::Morning), Screen::Today);
        assert_eq!(Screen::for_reminder(ReminderKind::HowAreYou), Screen::Mood);
        assert_eq!(
            Screen::for_reminder(ReminderKind::Milestone),
            Screen::Sobriety
        );
    }

    /// The whole way on a private bus: settings saved to the plain file, the scheduler's tick
    /// sends the notification to a stand-in `org.freedesktop.Notifications`, and its click
    /// (`ActionInvoked`) comes back as the screen to open.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_due_reminder_reaches_the_notification_service_and_its_click_opens_its_screen() {
        use crate::notifications::stand_in::{click, private_bus, serve};
        use crate::notifications::{listen_for_clicks, show};
        use chrono::Duration as Span;
        use daybreak_core::time::instant_at;
        use std::sync::Arc;
        use zbus::blocking::connection::Builder;
        let berlin =
            Zone::named("Europe/Berlin").expect("tzdata, the time zone database, has this zone");

        let bus = private_bus();
        let (service, inbox) = serve(&bus.1);
        let app = Builder::address(bus.1.as_str()).unwrap().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let reminders = Arc::new(Reminders::new(dir.path().to_path_buf()));
        // English whatever LANG the test runs under: the words below are checked.
        device_settings::set_language(dir.path(), Some(Language::En)).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let at = |h, m| instant_at(day.and_hms_opt(h, m, 0).unwrap(), berlin);
        reminders
            .save(ReminderSettings {
                morning: NaiveTime::from_hms_opt(8, 0, 0),
                evening: NaiveTime::from_hms_opt(21, 0, 0),
                how_are_you: NaiveTime::from_hms_opt(15, 0, 0),
                milestones: true,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            Reminders::new(dir.path().to_path_buf()).settings().evening,
            NaiveTime::from_hms_opt(21, 0, 0),
            "saved in the plain file beside the journal"
        );
        // Unlocked, with a clock whose name and milestone must not appear by default.
        let facts = JournalFacts {
            today: CheckInsToday::Known {
                day,
                morning: false,
                evening: false,
            },
            milestones: vec![MilestoneFact {
                at: at(18, 30),
                clock: "Alcohol".into(),
                length: THIRTY_DAYS,
            }],
            unlocked: true,
        };
        let listener = app.clone();
        let clicks = Arc::clone(&reminders);
        let opened: Arc<Mutex<Vec<Screen>>> = Arc::default();
        let opened_by_click = Arc::clone(&opened);
        std::thread::spawn(move || {
            let _ = listen_for_clicks(&listener, |id| {
                if let Some(screen) = clicks.take_click(id) {
                    opened_by_click.lock().unwrap().push(screen);
                }
            });
        });

        // A day, minute by minute, as the scheduler wakes.
        let mut since = at(7, 0);
        while since < at(22, 0) {
            let now = since + Span::minutes(1);
            reminders.tick(since, now, berlin, &facts, |n| {
                show(&app, n).map(Some).map_err(|_| ())
            });
            since = now;
        }
        let received = inbox.0.lock().unwrap().clone();
        assert_eq!(
            received.len(),
            4,
            "morning, how are you, milestone, evening: {received:?}"
        );
        for r in &received {
            assert_eq!(
                (r.summary.as_str(), r.body.as_str()),
                ("Daybreak", "A moment for yourself"),
                "neutral words by default"
            );
            for secret in ["Alcohol", "30", "check-in", "sober"] {
                assert!(!r.summary.contains(secret) && !r.body.contains(secret));
            }
        }

        // The evening reminder (the last one) is clicked; a stray id opens nothing.
        let evening = received.last().unwrap().id;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while opened.lock().unwrap().is_empty() {
            assert!(std::time::Instant::now() < deadline, "the click came back");
            click(&service, 999, "default");
            click(&service, evening, "default");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(
            *opened.lock().unwrap(),
            [Screen::Today],
            "the evening reminder opens the check-in, once; an id Daybreak did not send opens nothing"
        );
    }

    #[test]
    fn a_done_check_in_sends_nothing() {
        use daybreak_core::time::instant_at;
        let berlin =
            Zone::named("Europe/Berlin").expect("tzdata, the time zone database, has this zone");
        let dir = tempfile::tempdir().unwrap();
        let reminders = Reminders::new(dir.path().to_path_buf());
        reminders.save(plain()).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let at = |h, m| instant_at(day.and_hms_opt(h, m, 0).unwrap(), berlin);
        let done = JournalFacts {
            today: CheckInsToday::Known {
                day,
                morning: false,
                evening: true,
            },
            milestones: vec![],
            unlocked: true,
        };
        let sent = reminders.tick(at(20, 59), at(21, 0), berlin, &done, |_| {
            panic!("nothing is shown for a check-in already done")
        });
        assert!(sent.is_none());
        let locked = JournalFacts::locked();
        let sent = reminders
            .tick(at(20, 59), at(21, 0), berlin, &locked, |_| Ok(Some(7)))
            .expect("while locked the reminder comes")
            .unwrap();
        assert_eq!(
            sent.1.summary, "Evening check-in",
            "in the plain words chosen"
        );
        // Only Linux's notifications report clicks.
        #[cfg(target_os = "linux")]
        {
            assert_eq!(reminders.take_click(7), Some(Screen::Today));
            assert_eq!(
                reminders.take_click(7),
                None,
                "a click opens its screen once"
            );
        }
    }
}
