//! The person's app preferences, kept (encrypted) in the journal's settings: how soon the
//! journal locks itself when idle, and whether the window uses a neutral title.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::data_error::DataError;
use crate::store::{settings, Store};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
const AUTO_LOCK_KEY: &str = "auto_lock_minutes";
const NEUTRAL_TITLE_KEY: &str = "neutral_title";
/// The window title used when a neutral one is wanted: nothing about recovery.
pub const NEUTRAL_TITLE: &str = "Notes";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// Minutes of inactivity before the journal locks itself (1 to 60); `None` means never.
    pub auto_lock_minutes: Option<u32>,
    /// Show "Notes" instead of "Daybreak" as the window title.
    pub neutral_title: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            auto_lock_minutes: Some(DEFAULT_AUTO_LOCK_MINUTES),
            neutral_title: false,
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
    Ok(prefs)
}

pub fn set(store: &mut Store, prefs: &Preferences) -> Result<Preferences, DataError> {
    if prefs
        .auto_lock_minutes
        .is_some_and(|m| !(1..=60).contains(&m))
    {
        return Err(DataError::invalid(
            "Auto-lock can be set from 1 to 60 minutes, or turned off.",
        ));
    }
    let minutes = prefs
        .auto_lock_minutes
        .map_or("off".to_string(), |m| m.to_string());
    settings::set(store, AUTO_LOCK_KEY, &minutes)?;
    settings::set(
        store,
        NEUTRAL_TITLE_KEY,
        if prefs.neutral_title { "true" } else { "false" },
    )?;
    get(store)
}
