//! The language and country the shell speaks by itself (reminders, the tray's menu, the SOS
//! screen's crisis lines): the person's choice in Settings, else the system's locale, else
//! what the window speaks (before it has said, what it spoke at its last start).

use std::path::Path;

use daybreak_core::device_settings::{self, DeviceSettings};
use daybreak_core::words::{decimal_mark, Language};
use tauri::{AppHandle, Manager, Runtime};

use crate::reminders::Reminders;

/// The language the shell speaks by itself now: the tray's menu, reminders, the neutral window
/// title, the file dialogs. It is the reminders' (`Reminders::language`), which know what the
/// window said it speaks; English before they are set up.
pub fn shell_language<R: Runtime>(app: &AppHandle<R>) -> Language {
    app.try_state::<Reminders>()
        .map(|r| r.language())
        .unwrap_or_default()
}

/// The system's locale as POSIX systems set it for a program (LC_ALL, then LC_MESSAGES, then
/// LANG): "C" and "POSIX" count, and name no country. `None` when none is set (Windows, and
/// macOS apps started from the Finder), where the web view's language stands in.
pub fn system_locale() -> Option<String> {
    locale_category(&["LC_ALL", "LC_MESSAGES", "LANG"], |name| {
        std::env::var(name).ok()
    })
}

/// A locale category's value as POSIX picks it: the first of `variables` set and not empty,
/// read with `var`.
fn locale_category(variables: &[&str], var: impl Fn(&str) -> Option<String>) -> Option<String> {
    variables
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.is_empty())
}

/// The locale whose way of writing numbers the person's programs follow ("de_DE.UTF-8",
/// "es-MX"): the system's numeric locale (as POSIX reads it: LC_ALL, then LC_NUMERIC, then LANG;
/// a desktop's "Formats" setting sets LC_NUMERIC apart from the language) when it names a
/// language, else the window's (`ui_locale`): where the system's is "C" or none is set (Windows,
/// and macOS apps started from the Finder, where the web view's language is the best word
/// there is).
pub fn numbers_locale(ui_locale: &str) -> String {
    numbers_locale_from(|name| std::env::var(name).ok(), ui_locale)
}

fn numbers_locale_from(var: impl Fn(&str) -> Option<String>, ui_locale: &str) -> String {
    locale_category(&["LC_ALL", "LC_NUMERIC", "LANG"], var)
        .filter(|locale| decimal_mark(locale).is_some())
        .unwrap_or_else(|| ui_locale.to_string())
}

/// The language chosen in Settings (the plain settings file in `data_dir`), else the system's,
/// else the window's (`window`: what the page speaks when it follows the system, which it says
/// as it starts), else what the window said at its last start (kept in the same file), else
/// English. Read each time, so a change in Settings counts from the next use.
pub fn language(data_dir: &Path, window: Option<Language>) -> Language {
    first_of(
        &device_settings::load(data_dir),
        system_locale().as_deref(),
        window,
    )
}

/// The chosen language, else the system locale's when Daybreak has it, else the window's, else
/// the one the window spoke last time, else English. The window's counts where the system sets
/// no locale: on Windows, and for macOS apps started from the Finder, the web view takes its
/// language from the system's settings, which the shell does not read, so without it the shell
/// would speak English to a Spanish window. The last time's stands in until the window says.
fn first_of(settings: &DeviceSettings, system: Option<&str>, window: Option<Language>) -> Language {
    settings
        .language
        .or_else(|| system.and_then(Language::from_tag))
        .or(window)
        .or(settings.window_language)
        .unwrap_or_default()
}

/// The language WebKitGTK gives a page (`navigator.language`, which the UI speaks when none was
/// chosen in Settings), from the locale variables `var` reads: `LC_ALL`, else `LANG`, English
/// when that names no language Daybreak has (checked with WebKitGTK 2.50 under Xvfb:
/// `LANG=en_US.UTF-8` with `LC_CTYPE`, `LC_MESSAGES` or `LANGUAGE` set to Spanish gave the
/// page English, `LC_ALL` Spanish gave Spanish). `None` when `LC_CTYPE`, `LC_MESSAGES` or
/// `LANGUAGE`'s first entry names another language than that: which of them WebKit reads is
/// its own choice, and could change with its version, so there the page is left to tell.
pub fn web_view_language(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
    let set = |name: &str| var(name).filter(|value| !value.is_empty());
    let of = |tag: &str| Language::from_tag(tag).unwrap_or_default();
    if let Some(all) = set("LC_ALL") {
        return Some(of(&all));
    }
    let language = set("LANG").map_or(Language::default(), |lang| of(&lang));
    let agree = ["LC_CTYPE", "LC_MESSAGES", "LANGUAGE"]
        .into_iter()
        .filter_map(set)
        .all(|value| of(value.split(':').next().unwrap_or_default()) == language);
    agree.then_some(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Settings with `chosen` chosen, and `last` the window's language at the last start.
    fn settings(chosen: Option<Language>, last: Option<Language>) -> DeviceSettings {
        DeviceSettings {
            language: chosen,
            window_language: last,
            ..DeviceSettings::default()
        }
    }

    /// Numbers follow the numeric locale, not the language's variable; where the system's
    /// names no language, the window's does.
    #[test]
    fn numbers_follow_the_numeric_locale_else_the_windows() {
        let system = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let german_formats = system(&[("LANG", "en_US.UTF-8"), ("LC_NUMERIC", "de_DE.UTF-8")]);
        assert_eq!(numbers_locale_from(german_formats, "en-US"), "de_DE.UTF-8");
        let messages_only = system(&[("LANG", "es_ES.UTF-8"), ("LC_MESSAGES", "es_MX.UTF-8")]);
        assert_eq!(numbers_locale_from(messages_only, "es-MX"), "es_ES.UTF-8");
        let all = system(&[("LC_ALL", "es_AR.UTF-8"), ("LC_NUMERIC", "es_MX.UTF-8")]);
        assert_eq!(numbers_locale_from(all, ""), "es_AR.UTF-8");
        let c = system(&[("LANG", "C.UTF-8")]);
        assert_eq!(numbers_locale_from(c, "es-MX"), "es-MX");
        let posix = system(&[("LC_NUMERIC", "POSIX"), ("LANG", "de_DE.UTF-8")]);
        assert_eq!(numbers_locale_from(posix, "en-US"), "en-US");
        assert_eq!(numbers_locale_from(system(&[]), "es-CO"), "es-CO");
    }

    #[test]
    fn the_shell_speaks_the_chosen_language_else_the_systems_else_the_windows() {
        use Language::{En, Es};
        let none = settings(None, None);
        assert_eq!(
            first_of(&settings(Some(En), None), Some("es_ES.UTF-8"), Some(Es)),
            En
        );
        assert_eq!(first_of(&none, Some("es_ES.UTF-8"), Some(En)), Es);
        // No locale set (Windows, a macOS app started from the Finder), or one Daybreak does
        // not have ("C", French): what the window speaks.
        assert_eq!(first_of(&none, None, Some(Es)), Es);
        assert_eq!(first_of(&none, Some("C.UTF-8"), Some(Es)), Es);
        assert_eq!(first_of(&none, Some("fr_FR.UTF-8"), Some(Es)), Es);
        // Before the window has said: what it said at the last start, else English.
        assert_eq!(first_of(&settings(None, Some(Es)), None, None), Es);
        assert_eq!(
            first_of(&settings(None, Some(Es)), Some("C.UTF-8"), None),
            Es
        );
        assert_eq!(first_of(&none, None, None), En);
        // Once it has, what it says now.
        assert_eq!(first_of(&settings(None, Some(Es)), None, Some(En)), En);
        // The chosen language and the system's still come first.
        assert_eq!(first_of(&settings(Some(En), Some(Es)), None, None), En);
        assert_eq!(
            first_of(&settings(None, Some(Es)), Some("en_GB.UTF-8"), None),
            En
        );
    }

    /// The language WebKitGTK would give the page under these locale variables.
    fn page(vars: &[(&str, &str)]) -> Option<Language> {
        web_view_language(|name| {
            vars.iter()
                .find(|(set, _)| *set == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn the_page_speaks_lc_all_else_lang_else_english() {
        assert_eq!(page(&[("LANG", "es_ES.UTF-8")]), Some(Language::Es));
        assert_eq!(page(&[("LANG", "es_MX.UTF-8")]), Some(Language::Es));
        assert_eq!(
            page(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "es_ES.UTF-8")]),
            Some(Language::Es)
        );
        assert_eq!(
            page(&[("LANG", "es_ES.UTF-8"), ("LC_ALL", "")]),
            Some(Language::Es)
        );
        assert_eq!(page(&[("LANG", "C.UTF-8")]), Some(Language::En));
        assert_eq!(page(&[("LANG", "de_DE.UTF-8")]), Some(Language::En));
        assert_eq!(page(&[]), Some(Language::En));
    }

    #[test]
    fn other_locale_variables_agreeing_change_nothing() {
        let spanish = [
            ("LANG", "es_ES.UTF-8"),
            ("LC_MESSAGES", "es_ES.UTF-8"),
            ("LC_CTYPE", "es_MX.UTF-8"),
            ("LANGUAGE", "es_ES:es"),
        ];
        assert_eq!(page(&spanish), Some(Language::Es));
        // Under LC_ALL the others do not count.
        let under_lc_all = [
            ("LC_ALL", "es_ES.UTF-8"),
            ("LANG", "en_US.UTF-8"),
            ("LANGUAGE", "en"),
        ];
        assert_eq!(page(&under_lc_all), Some(Language::Es));
    }

    #[test]
    fn a_disagreeing_locale_variable_leaves_the_language_unknown() {
        for other in ["LC_CTYPE", "LC_MESSAGES", "LANGUAGE"] {
            assert_eq!(
                page(&[("LANG", "es_ES.UTF-8"), (other, "en_US.UTF-8")]),
                None,
                "{other}"
            );
            assert_eq!(
                page(&[("LANG", "en_US.UTF-8"), (other, "es")]),
                None,
                "{other}"
            );
        }
        assert_eq!(
            page(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "es:en")]),
            None
        );
    }
}
