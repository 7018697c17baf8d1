//! Settings for this computer that are not private and must be readable while the journal is
//! locked: a small plain JSON file, `settings.json`, beside the journal. It holds the country
//! whose crisis lines SOS shows (so the lock screen's SOS can show them), the language the
//! screens speak (so the lock screen speaks it too), the one the window last spoke, and the
//! reminder times; it is the place for anything else the app needs before unlocking. Nothing a
//! person writes, and nothing about their recovery, ever goes here: everything else lives in
//! the encrypted journal.
//!
//! The file is written atomically and readable by its owner only (0600). A missing, damaged
//! or oversized file reads as the defaults, never as an error; fields this version does not
//! know are kept when the file is rewritten, so an older and a newer Daybreak can share it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Deserializer, Serialize};
use specta::Type;

use crate::data_error::{DataError, FileAction, Refusal};
use crate::preferences;
use crate::store::Store;
use crate::words::Language;

/// The file's name in the data folder.
pub const FILE_NAME: &str = "settings.json";

/// Larger than any settings file Daybreak writes; a bigger one is not ours and reads as the
/// defaults.
const MAX_BYTES: u64 = 64 * 1024;

/// What the plain settings file holds. New fields need `#[serde(default)]` semantics (the
/// struct has it), so a file written before them still reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default, rename_all = "camelCase")]
pub struct DeviceSettings {
    /// The country whose crisis lines SOS shows, as an ISO 3166 code ("IE"); `None` follows
    /// the system's locale.
    pub country: Option<String>,
    /// The language the screens speak on this computer; `None` follows the system's.
    #[serde(deserialize_with = "known_language")]
    pub language: Option<Language>,
    /// The language the window last said it speaks when following the system (the first of
    /// its web view's languages that Daybreak has). Until the window says it again, the tray
    /// and reminders speak it where the shell finds no system language it has (Windows,
    /// macOS), and the first screen is drawn in it where the shell cannot tell the web view's
    /// (those, and Linux locale variables that disagree).
    #[serde(deserialize_with = "known_language")]
    pub window_language: Option<Language>,
    /// Reminder times, quiet hours and their on/off switches (`reminders::ReminderSettings`):
    /// read while the journal is locked, so reminders come then too.
    pub reminders: crate::reminders::ReminderSettings,
    /// Fields written by another version of Daybreak, kept as they were.
    #[serde(flatten)]
    #[specta(skip)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// Serializes read-modify-write of the file within this process, so two changes made at the
/// same moment (the country and, say, a reminder) never undo each other.
static WRITING: Mutex<()> = Mutex::new(());

/// Where the file lives in the data folder `dir`.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The settings in `dir`: the defaults when the file is missing, unreadable or damaged.
pub fn load(dir: &Path) -> DeviceSettings {
    read(dir).ok().flatten().unwrap_or_default()
}

/// The settings in `dir`; `Ok(None)` when there is no file, `Err(())` when there is one that
/// does not read as settings (damaged, too large, unreadable).
fn read(dir: &Path) -> Result<Option<DeviceSettings>, ()> {
    let file = match std::fs::File::open(path(dir)) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    let mut bytes = Vec::new();
    if file.take(MAX_BYTES + 1).read_to_end(&mut bytes).is_err() || bytes.len() as u64 > MAX_BYTES {
        return Err(());
    }
    let mut settings: DeviceSettings = serde_json::from_slice(&bytes).map_err(|_| ())?;
    settings.country = settings.country.and_then(|c| normal_country(&c));
    Ok(Some(settings))
}

/// Holds `WRITING` for one read-modify-write.
fn writing() -> std::sync::MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Changes the settings with `change` and writes them atomically (0600), creating the data
/// folder (0700) when needed. Returns the settings as saved. A damaged file is replaced.
pub fn update(
    dir: &Path,
    change: impl FnOnce(&mut DeviceSettings) -> Result<(), DataError>,
) -> Result<DeviceSettings, DataError> {
    let _writing = writing();
    let mut settings = load(dir);
    change(&mut settings)?;
    write(dir, &settings)?;
    Ok(settings)
}

/// Writes `settings` as the file, atomically (0600), creating the data folder (0700) when
/// needed.
fn write(dir: &Path, settings: &DeviceSettings) -> Result<(), DataError> {
    let target = path(dir);
    let mut bytes = serde_json::to_vec_pretty(settings).map_err(|e| {
        DataError::file(FileAction::SaveSettings, &target, &std::io::Error::other(e))
    })?;
    bytes.push(b'\n');
    crate::private_files::create_dir(dir)
        .and_then(|()| crate::vault::atomic::replace_file(&target, &bytes, "settings"))
        .map_err(|e| DataError::file(FileAction::SaveSettings, &target, &e))
}

/// Sets (or, with `None`, clears) the crisis lines' country. Only a country in the crisis
/// table can be chosen.
pub fn set_country(dir: &Path, country: Option<&str>) -> Result<DeviceSettings, DataError> {
    let country = match country {
        None => None,
        Some(code) => Some(
            normal_country(code)
                .filter(|c| crate::sos::crisis_lines::country(c).is_some())
                .ok_or_else(|| DataError::Refused(Refusal::UnknownCountry))?,
        ),
    };
    update(dir, move |s| {
        s.country = country;
        Ok(())
    })
}

/// Sets the language the screens speak (`None`: follow the system's).
pub fn set_language(dir: &Path, language: Option<Language>) -> Result<DeviceSettings, DataError> {
    update(dir, move |s| {
        s.language = language;
        Ok(())
    })
}

/// Remembers the language the window speaks when following the system, for the next start:
/// written only when it changed. Only a hint, so a file that does not read as settings (a
/// newer Daybreak's, one edited by hand) is left as it is, where a person's own change would
/// replace it.
pub fn remember_window_language(dir: &Path, language: Language) -> Result<(), DataError> {
    let _writing = writing();
    let Ok(found) = read(dir) else {
        return Ok(());
    };
    let mut settings = found.unwrap_or_default();
    if settings.window_language == Some(language) {
        return Ok(());
    }
    settings.window_language = Some(language);
    write(dir, &settings)
}

/// A language this version does not have (a newer Daybreak wrote it) reads as "follow the
/// system" rather than making the whole file read as damaged, which would lose the reminders.
fn known_language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Language>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| serde_json::from_value(v).ok()))
}

/// Moves the country chosen before this file existed (kept in the encrypted preferences)
/// into the file, once: when the file has no country yet it takes the preferences' one, and
/// the preferences' copy is then cleared either way, so a later "follow the system" choice is
/// not undone at the next unlock. Run on unlock.
pub fn adopt_country_from_preferences(dir: &Path, store: &mut Store) -> Result<(), DataError> {
    let mut prefs = preferences::get(store)?;
    let Some(old) = prefs.crisis_country.take() else {
        return Ok(());
    };
    if load(dir).country.is_none() {
        // A code the table no longer has is dropped rather than kept.
        if let Err(e @ (DataError::Io { .. } | DataError::DiskFull)) = set_country(dir, Some(&old))
        {
            return Err(e);
        }
    }
    preferences::set(store, &prefs)?;
    Ok(())
}

/// "ie" or " IE " -> "IE"; anything that is not two ASCII letters -> `None`.
fn normal_country(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_normalised_or_refused() {
        assert_eq!(normal_country(" ie "), Some("IE".into()));
        assert_eq!(normal_country("IRL"), None);
        assert_eq!(normal_country("I1"), None);
        assert_eq!(normal_country(""), None);
    }
}
