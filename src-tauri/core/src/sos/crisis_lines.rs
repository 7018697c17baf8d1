//! Crisis lines by country, built in so SOS works offline and while the journal is locked.
//! The numbers themselves are in `crisis_lines/table.rs`, one entry per country, each line with its
//! source; this module turns them into what the UI shows. The core hands over facts (kinds,
//! numbers, names, sources); the UI says what each kind of line is for.
//!
//! A country we do not know, or no country at all, gets no country's numbers: SOS then asks
//! the person to call their local emergency number, offers the country list and points to a
//! worldwide directory (`ELSEWHERE`). Showing another country's number would be worse than
//! nothing in a crisis.

use serde::Serialize;
use specta::Type;

mod table;

use table::{Line, TABLE};

/// When the table was last checked against its sources.
pub const CHECKED: &str = "2026-12-02";

/// A worldwide directory of helplines, for everyone whose country is not in the table.
pub const ELSEWHERE: &str = "https://findahelpline.com";

/// What a line is for. The UI words each kind; a line for young people also has `youth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Ambulance, police, fire: the number to call for an overdose.
    Emergency,
    /// Someone to talk to in a crisis, or about suicide.
    Crisis,
    /// Help and advice about alcohol and drugs.
    Drugs,
    /// Someone who stays on the line while you use, and sends help if you stop answering.
    Overdose,
    /// Poison information.
    Poison,
    /// Urgent health advice that is not an emergency (the UK's NHS 111, Germany's 116 117).
    Health,
}

/// How to reach a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    Call,
    Text,
    CallOrText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CrisisLine {
    /// The service's own name ("Samaritans", "TelefonSeelsorge"); `None` for the country's
    /// general emergency number, which the UI names.
    pub name: Option<String>,
    pub number: String,
    pub kind: LineKind,
    pub contact: Contact,
    /// For children and young people.
    pub youth: bool,
    /// The option to choose in the line's menu after calling, when it serves other needs too.
    pub menu_option: Option<u8>,
    /// Where the number was checked (shown as text; the app is offline).
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CountryLines {
    /// ISO 3166-1 alpha-2 code ("IE").
    pub code: String,
    /// The country's name in English (the UI may show its own language's name instead).
    pub name: String,
    /// The emergency number always comes first.
    pub lines: Vec<CrisisLine>,
    /// When these numbers were checked (YYYY-MM-DD).
    pub checked: String,
}

/// Why SOS shows the lines it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CountryBasis {
    /// The person chose the country (Settings, or SOS's own list).
    Chosen,
    /// The computer's language and region settings name a country in the table.
    Locale,
    /// No country is known: call your local emergency number.
    Unknown,
}

/// What SOS shows: one country's lines, or none, with the worldwide directory either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CrisisHere {
    pub basis: CountryBasis,
    /// `None` exactly when `basis` is `Unknown`.
    pub country: Option<CountryLines>,
    /// For anyone not in the table, or travelling: `ELSEWHERE`.
    pub elsewhere: String,
    /// When the table was checked (YYYY-MM-DD).
    pub checked: String,
}

fn line(l: &Line) -> CrisisLine {
    CrisisLine {
        name: l.name.map(String::from),
        number: l.number.into(),
        kind: l.kind,
        contact: l.contact,
        youth: l.youth,
        menu_option: l.menu_option,
        source: l.source.into(),
    }
}

/// Every country in the table, in the table's order (by English name).
pub fn all() -> Vec<CountryLines> {
    TABLE
        .iter()
        .map(|c| CountryLines {
            code: c.code.into(),
            name: c.name.into(),
            lines: c.lines.iter().map(line).collect(),
            checked: CHECKED.into(),
        })
        .collect()
}

/// One country's lines, by its code ("IE"); `None` when the table does not have it.
pub fn country(code: &str) -> Option<CountryLines> {
    all().into_iter().find(|c| c.code == code)
}

/// The table's country for a locale such as "en-IE", "de_AT.UTF-8" or "zh-Hant-TW", or `None`
/// when the locale names no region ("C", "POSIX", "en", "") or one the table does not have.
pub fn country_for_locale(locale: &str) -> Option<&'static str> {
    let region = crate::words::region_of_locale(locale)?;
    let region = match region.as_str() {
        "UK" => "GB",
        other => other,
    };
    TABLE.iter().find(|c| c.code == region).map(|c| c.code)
}

/// What SOS shows: the chosen country when it is in the table, else the locale's, else none.
pub fn here(chosen: Option<&str>, locale: &str) -> CrisisHere {
    let (basis, country) = match chosen.and_then(country) {
        Some(c) => (CountryBasis::Chosen, Some(c)),
        None => match country_for_locale(locale).and_then(country) {
            Some(c) => (CountryBasis::Locale, Some(c)),
            None => (CountryBasis::Unknown, None),
        },
    };
    CrisisHere {
        basis,
        country,
        elsewhere: ELSEWHERE.into(),
        checked: CHECKED.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_a_country_only_when_they_have_one() {
        assert_eq!(country_for_locale("en-GB"), Some("GB"));
        assert_eq!(country_for_locale("en_UK"), Some("GB"));
        assert_eq!(country_for_locale("en_AU.UTF-8"), Some("AU"));
        assert_eq!(country_for_locale("fr-CA"), Some("CA"));
        assert_eq!(country_for_locale("de_DE.UTF-8"), Some("DE"));
        assert_eq!(
            country_for_locale("sr_RS@latin"),
            None,
            "Serbia: not in the table"
        );
        assert_eq!(country_for_locale("pt-BR"), Some("BR"));
        assert_eq!(country_for_locale("zh-Hant-TW"), None);
        assert_eq!(
            country_for_locale("es-419"),
            None,
            "Latin America is no one country"
        );
        assert_eq!(country_for_locale("ga_IE.utf8"), Some("IE"));
        assert_eq!(country_for_locale("en"), None);
    }
}
