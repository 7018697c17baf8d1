//! Which decimal mark a locale writes numbers with, whatever language Daybreak's screens are in:
//! a person in Germany who uses Daybreak in English opens its spreadsheets in a program that
//! reads "7,5" as a number and "7.5" as text (`export_csv::Style`).
//!
//! The C library's table: glibc's locale definitions (`LC_NUMERIC`'s `decimal_point` in
//! `/usr/share/i18n/locales`), which programs that read the C library's number settings
//! (Gnumeric) follow, as of Debian 12's `locales` 2.36 and glibc's own sources of 2026-01 (the
//! 2.43 in the making; checked 2026-12-07). LibreOffice and Excel have tables of their own,
//! which agree for the most part. The test `the_table_is_glibcs` reads the installed
//! definitions again, so a glibc that says otherwise fails it until this follows.

use super::{language_of_locale, region_of_locale};

/// The languages whose every country in glibc writes a decimal comma, and five whose main
/// country does (az_AZ, de_DE, es_ES, fr_FR, it_IT), with the exceptions below. "no" is not
/// glibc's: Norwegian as a whole, as some systems tag it, written as Bokmål and Nynorsk are.
const COMMA_LANGUAGES: &[&str] = &[
    "ab", "agr", "an", "ast", "ayc", "az", "be", "bg", "br", "bs", "ca", "ce", "crh", "cs", "csb",
    "cv", "da", "de", "dsb", "el", "eo", "es", "et", "eu", "ff", "fi", "fo", "fr", "fur", "fy",
    "gl", "hr", "hsb", "ht", "hu", "ia", "id", "is", "it", "ka", "kab", "kk", "kl", "ku", "kv",
    "ky", "lb", "li", "lij", "ln", "lt", "ltg", "lv", "mdf", "mg", "mhr", "mk", "mn", "nb", "nds",
    "nl", "nn", "no", "oc", "os", "pap", "pl", "pt", "quz", "ro", "ru", "rw", "sah", "sc", "scn",
    "se", "sgs", "sk", "sl", "sq", "sr", "su", "sv", "szl", "tg", "tr", "tt", "uk", "uz", "vi",
    "wa", "wo", "zgh",
];

/// The countries where a language writes the other mark: a point in Switzerland, Liechtenstein,
/// Iran and nine Spanish-speaking countries, a comma in Denmark's and Sweden's English.
const EXCEPTIONS: &[&str] = &[
    "az_IR", "de_CH", "de_LI", "en_DK", "en_SE", "es_DO", "es_GT", "es_HN", "es_MX", "es_NI",
    "es_PA", "es_PR", "es_SV", "es_US", "fr_CH", "it_CH",
];

/// The decimal mark of a locale such as "de_DE.UTF-8", "de-CH" or "pt-BR", ',' or '.'; `None`
/// when it names no language ("C", "POSIX", ""). A language without its country ("es", "de")
/// writes as in its main country.
pub fn decimal_mark(locale: &str) -> Option<char> {
    let language = language_of_locale(locale);
    let is_language =
        (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
    if !is_language {
        return None;
    }
    let comma = COMMA_LANGUAGES.contains(&language.as_str());
    let exception = region_of_locale(locale)
        .is_some_and(|region| EXCEPTIONS.contains(&format!("{language}_{region}").as_str()));
    Some(if comma != exception { ',' } else { '.' })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_the_countrys_whatever_the_spelling() {
        assert_eq!(decimal_mark("de_DE.UTF-8"), Some(','));
        assert_eq!(decimal_mark("de-CH"), Some('.'));
        assert_eq!(decimal_mark("pt-BR"), Some(','));
        assert_eq!(decimal_mark("en_US.UTF-8"), Some('.'));
        assert_eq!(decimal_mark("en_DK.UTF-8"), Some(','));
        assert_eq!(decimal_mark("es_MX.UTF-8"), Some('.'));
        assert_eq!(decimal_mark("es-AR"), Some(','));
        assert_eq!(decimal_mark("sr_RS@latin"), Some(','));
        assert_eq!(decimal_mark("zh-Hant-TW"), Some('.'));
        assert_eq!(decimal_mark("no-NO"), Some(','));
        // Without a country, the language's main one; a group of countries names none.
        assert_eq!(decimal_mark("es"), Some(','));
        assert_eq!(decimal_mark("es-419"), Some(','));
        assert_eq!(decimal_mark("en"), Some('.'));
        assert_eq!(decimal_mark("C.UTF-8"), None);
        assert_eq!(decimal_mark("POSIX"), None);
        assert_eq!(decimal_mark(""), None);
    }

    /// Every locale glibc defines has the mark it says, but Pashto's Arabic decimal separator,
    /// which the table writes as a point. The definitions are Debian's `locales` package, which
    /// the test command installs (other systems: glibc's locale sources).
    #[cfg(target_os = "linux")]
    #[test]
    fn the_table_is_glibcs() {
        let dir = std::path::Path::new("/usr/share/i18n/locales");
        let mut checked = 0;
        let files = std::fs::read_dir(dir).expect("glibc's locale definitions (package locales)");
        for entry in files {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let Some(mark) = glibc_decimal_point(dir, &name, 0) else {
                continue; // not a locale (translit_*, iso*) or one with no numbers of its own
            };
            // "C", "POSIX" and glibc's own "i18n" name no language; Uzbek's changed from a
            // point to a comma in glibc 2.39, which the table follows.
            let a_language = !["C", "POSIX", "i18n"].contains(&name.as_str());
            let changed = ["uz_UZ", "uz_UZ@cyrillic"].contains(&name.as_str());
            if a_language && !changed && (mark == "." || mark == ",") {
                assert_eq!(decimal_mark(&name), mark.chars().next(), "{name}");
                checked += 1;
            }
        }
        assert!(checked > 300, "only {checked} locales read");
    }

    /// A locale file's `decimal_point`, following its `copy` of another locale's numbers.
    #[cfg(target_os = "linux")]
    fn glibc_decimal_point(dir: &std::path::Path, name: &str, depth: u8) -> Option<String> {
        let text = String::from_utf8_lossy(&std::fs::read(dir.join(name)).ok()?).into_owned();
        let numeric = text
            .split("\nLC_NUMERIC")
            .nth(1)?
            .split("\nEND LC_NUMERIC")
            .next()?;
        let value = |key: &str| {
            numeric.lines().find_map(|line| {
                // `decimal_point   ","`, maybe with a comment after: what is in the quotes.
                let quoted = line.trim().strip_prefix(key)?.split('"').nth(1)?;
                Some(quoted.to_string())
            })
        };
        if let Some(point) = value("decimal_point") {
            return Some(match point.as_str() {
                "<U002C>" => ",".into(),
                "<U002E>" => ".".into(),
                other => other.into(),
            });
        }
        let copied = value("copy")?;
        (depth < 8).then(|| glibc_decimal_point(dir, &copied, depth + 1))?
    }
}
