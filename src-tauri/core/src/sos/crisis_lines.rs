//! The built-in table of crisis lines by country. Numbers are facts: each was checked against
//! its official source on `CHECKED` (the sources are listed with each line) and the app shows
//! that date. A country always has its emergency number first.

use serde::Serialize;
use specta::Type;

/// When the table was last checked against the official sources.
pub const CHECKED: &str = "2026-11-27";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Emergency,
    Crisis,
    Drugs,
    Poison,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CrisisLine {
    pub name: String,
    pub number: String,
    pub kind: LineKind,
    pub description: String,
    /// Where the number was checked (shown as text; the app is offline).
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CountryLines {
    /// ISO 3166 code, or "EU".
    pub code: String,
    pub name: String,
    pub lines: Vec<CrisisLine>,
    pub checked: String,
}

struct Row(
    &'static str,
    &'static str,
    LineKind,
    &'static str,
    &'static str,
);

const US: &[Row] = &[
    Row(
        "Emergency services",
        "911",
        LineKind::Emergency,
        "Police, fire, ambulance. Call for an overdose.",
        "https://www.911.gov/",
    ),
    Row(
        "988 Suicide & Crisis Lifeline",
        "988",
        LineKind::Crisis,
        "Call or text, any time. Free and confidential.",
        "https://988lifeline.org/",
    ),
    Row(
        "SAMHSA National Helpline",
        "1-800-662-4357",
        LineKind::Drugs,
        "Free, confidential treatment referral and information, 24/7, English and Spanish.",
        "https://www.samhsa.gov/find-help/national-helpline",
    ),
    Row(
        "Poison Control",
        "1-800-222-1222",
        LineKind::Poison,
        "Poison emergencies and questions, 24/7.",
        "https://www.poison.org/",
    ),
];
const UK: &[Row] = &[
    Row(
        "Emergency services",
        "999",
        LineKind::Emergency,
        "Police, fire, ambulance. Call for an overdose.",
        "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
    ),
    Row(
        "Samaritans",
        "116 123",
        LineKind::Crisis,
        "Free, any time, for anyone who is struggling.",
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
    ),
    Row(
        "FRANK",
        "0300 123 6600",
        LineKind::Drugs,
        "Honest information and advice about drugs, 24/7.",
        "https://www.talktofrank.com/contact-frank",
    ),
];
const CA: &[Row] = &[
    Row(
        "Emergency services",
        "911",
        LineKind::Emergency,
        "Police, fire, ambulance. Call for an overdose.",
        "https://www.canada.ca/en/public-health/services/emergency-preparedness.html",
    ),
    Row(
        "9-8-8 Suicide Crisis Helpline",
        "988",
        LineKind::Crisis,
        "Call or text, any time.",
        "https://988.ca/",
    ),
];
const AU: &[Row] = &[
    Row(
        "Emergency services",
        "000",
        LineKind::Emergency,
        "Police, fire, ambulance. Call for an overdose.",
        "https://www.triplezero.gov.au/",
    ),
    Row(
        "Lifeline",
        "13 11 14",
        LineKind::Crisis,
        "24-hour crisis support.",
        "https://www.lifeline.org.au/",
    ),
];
const EU: &[Row] = &[Row(
    "European emergency number",
    "112",
    LineKind::Emergency,
    "Works across the European Union, free from any phone.",
    "https://digital-strategy.ec.europa.eu/en/policies/112",
)];

const COUNTRIES: &[(&str, &str, &[Row])] = &[
    ("US", "United States", US),
    ("GB", "United Kingdom", UK),
    ("CA", "Canada", CA),
    ("AU", "Australia", AU),
    ("EU", "European Union", EU),
];

fn build(code: &str, name: &str, rows: &[Row]) -> CountryLines {
    CountryLines {
        code: code.into(),
        name: name.into(),
        lines: rows
            .iter()
            .map(|Row(name, number, kind, description, source)| CrisisLine {
                name: (*name).into(),
                number: (*number).into(),
                kind: *kind,
                description: (*description).into(),
                source: (*source).into(),
            })
            .collect(),
        checked: CHECKED.into(),
    }
}

/// Every country in the table.
pub fn all() -> Vec<CountryLines> {
    COUNTRIES
        .iter()
        .map(|(code, name, rows)| build(code, name, rows))
        .collect()
}

/// One country's lines, by its code.
pub fn country(code: &str) -> Option<CountryLines> {
    all().into_iter().find(|c| c.code == code)
}

/// The country for a locale such as "en-GB" or "de_DE.UTF-8": its own table when there is
/// one, the European Union's for EU members, and the United States' otherwise.
pub fn country_for_locale(locale: &str) -> &'static str {
    const EU_MEMBERS: [&str; 27] = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];
    let region = locale
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .split(['-', '_'])
        .nth(1)
        .unwrap_or("")
        .to_uppercase();
    let region = if region == "UK" {
        "GB".to_string()
    } else {
        region
    };
    if let Some((code, _, _)) = COUNTRIES.iter().find(|(code, _, _)| *code == region) {
        code
    } else if EU_MEMBERS.contains(&region.as_str()) {
        "EU"
    } else {
        "US"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_well_formed() {
        let all = all();
        for code in ["US", "GB", "CA", "AU", "EU"] {
            assert!(all.iter().any(|c| c.code == code), "{code} is in the table");
        }
        for country in &all {
            assert_eq!(
                country.lines[0].kind,
                LineKind::Emergency,
                "{} lists its emergency number first",
                country.name
            );
            for line in &country.lines {
                assert!(
                    line.number
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-')),
                    "{}: {} has only digits, spaces, + and -",
                    country.name,
                    line.number
                );
                assert!(line.number.chars().any(|c| c.is_ascii_digit()));
                assert!(
                    line.source.starts_with("https://"),
                    "{} names its source",
                    line.name
                );
            }
        }
        let us = &all[0];
        for number in ["988", "1-800-662-4357", "1-800-222-1222", "911"] {
            assert!(
                us.lines.iter().any(|l| l.number == number),
                "US has {number}"
            );
        }
    }

    #[test]
    fn locales_pick_a_country() {
        assert_eq!(country_for_locale("en-GB"), "GB");
        assert_eq!(country_for_locale("en_AU.UTF-8"), "AU");
        assert_eq!(country_for_locale("fr-CA"), "CA");
        assert_eq!(country_for_locale("de_DE.UTF-8"), "EU");
        assert_eq!(country_for_locale("en-US"), "US");
        assert_eq!(country_for_locale("C"), "US");
        assert_eq!(country_for_locale(""), "US");
    }
}
