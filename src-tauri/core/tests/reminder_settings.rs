//! Reminder settings live in the plain settings file beside the journal, so they can be read
//! while the journal is locked; they hold times and switches only.

use chrono::NaiveTime;
use daybreak_core::device_settings;
use daybreak_core::reminders::{QuietHours, ReminderSettings, Wording};

#[test]
fn reminder_settings_are_saved_beside_the_journal_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        device_settings::load(dir.path()).reminders,
        ReminderSettings::default(),
        "no file: every reminder is off"
    );
    let chosen = ReminderSettings {
        morning: NaiveTime::from_hms_opt(8, 0, 0),
        evening: NaiveTime::from_hms_opt(21, 30, 0),
        quiet_hours: Some(QuietHours {
            from: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            to: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
        }),
        wording: Wording::Plain,
        close_to_tray: Some(true),
        ..Default::default()
    };
    device_settings::update(dir.path(), |s| {
        s.reminders = chosen.clone();
        Ok(())
    })
    .unwrap();
    assert_eq!(device_settings::load(dir.path()).reminders, chosen);

    let text = std::fs::read_to_string(device_settings::path(dir.path())).unwrap();
    assert!(text.contains("\"evening\": \"21:30:00\""), "{text}");
    // Setting the country keeps the reminders, and the other way round.
    device_settings::set_country(dir.path(), Some("GB")).unwrap();
    let both = device_settings::load(dir.path());
    assert_eq!(
        (both.country.as_deref(), both.reminders),
        (Some("GB"), chosen)
    );
}

#[test]
fn a_file_written_before_reminders_existed_reads_with_them_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(device_settings::path(dir.path()), r#"{"country":"GB"}"#).unwrap();
    let settings = device_settings::load(dir.path());
    assert_eq!(settings.country.as_deref(), Some("GB"));
    assert!(!settings.reminders.any_on());
}
