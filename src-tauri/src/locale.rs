//! The language and country the shell speaks by itself (reminders, the tray's menu, the SOS
//! screen's crisis lines): the person's choice in Settings, else the system's locale.

use std::path::Path;

use daybreak_core::device_settings;
use daybreak_core::words::Language;

/// The system's locale as POSIX systems set it for a program (LC_ALL, then LC_MESSAGES, then
/// LANG): "C" and "POSIX" count, and name no country. `None` when none is set (Windows, and
/// macOS apps started from the Finder), where the web view's language stands in.
pub fn system_locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
}

/// The language chosen in Settings (the plain settings file in `data_dir`), else the system's,
/// else English. Read each time, so a change in Settings counts from the next use.
pub fn language(data_dir: &Path) -> Language {
    device_settings::load(data_dir)
        .language
        .or_else(|| system_locale().and_then(|tag| Language::from_tag(&tag)))
        .unwrap_or_default()
}
