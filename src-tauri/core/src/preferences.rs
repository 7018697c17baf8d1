//! The person's app preferences, kept (encrypted) in the journal's settings: how soon the
//! journal locks itself when idle, and whether the window uses a neutral title.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::data_error::{DataError, Refusal, Scale};
use crate::store::{settings, Store};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
const AUTO_LOCK_KEY: &str = "auto_lock_minutes";
const NEUTRAL_TITLE_KEY: &str = "neutral_title";
const CRISIS_COUNTRY_KEY: &str = "crisis_country";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// Minutes of inactivity before the journal locks itself (1 to 60); `None` means never.
    pub auto_lock_minutes: Option<u32>,
    /// Show a neutral word ("Notes", `Words::neutral_title`) instead of "Daybreak" as the
    /// window title.
    pub neutral_title: bool,
    /// Where older versions kept the crisis lines' country. It now lives in the plain settings
    /// file (`device_settings`), which the lock screen can read; on unlock a country found here
    /// moves there and this is cleared, so it is normally `None`.
    pub crisis_country: Option<String>,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            auto_lock_minutes: Some(DEFAULT_AUTO_LOCK_MINUTES),
            neutral_title: false,
            crisis_country: None,
        }
    }
}

pub fn get(store: &Store) -> Result<Preferences, DataError> {
    let mut prefs = Preferences::default();
    if let Some(v) = settings::get(store, AUTO_LOCK_KEY)? {
        prefs.auto_lock_minutes = if v == "off" {
            None
        } else {
            v.parse().ok().or(prefs.auto_lock_minutes)
        };
    }
    if let Some(v) = settings::get(store, NEUTRAL_TITLE_KEY)? {
        prefs.neutral_title = v == "true";
    }
    prefs.crisis_country = settings::get(store, CRISIS_COUNTRY_KEY)?.filter(|c| !c.is_empty());
    Ok(prefs)
}

pub fn set(store: &mut Store, prefs: &Preferences) -> Result<Preferences, DataError> {
    if prefs
        .auto_lock_minutes
        .is_some_and(|m| !(1..=60).contains(&m))
    {
        return Err(DataError::Refused(Refusal::OutOfRange {
            what: Scale::AutoLock,
            min: 1,
            max: 60,
        }));
    }
    if let Some(code) = &prefs.crisis_country {
        if !crate::sos::crisis_lines::all()
            .iter()
            .any(|c| &c.code == code)
        {
            return Err(DataError::Refused(Refusal::UnknownCountry));
        }
    }
    let minutes = prefs
        .auto_lock_minutes
        .map_or("off".to_string(), |m| m.to_string());
    let neutral = if prefs.neutral_title { "true" } else { "false" };
    let country = prefs.crisis_country.clone().unwrap_or_default();
    // All three in one transaction: a preference change is never half-saved.
    store.write(|tx| {
        for (key, value) in [
            (AUTO_LOCK_KEY, minutes.as_str()),
            (NEUTRAL_TITLE_KEY, neutral),
            (CRISIS_COUNTRY_KEY, country.as_str()),
        ] {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )?;
        }
        Ok::<_, DataError>(())
    })?;
    get(store)
}
