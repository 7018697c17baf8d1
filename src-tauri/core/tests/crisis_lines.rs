//! The crisis table: every EU and EEA country on its own, the other countries the issue
//! names, each with its emergency number first and a source for every line; and no unknown
//! or missing region ever answered with another country's numbers.

use daybreak_core::sos::crisis_lines::{self, CountryBasis, ELSEWHERE};
use daybreak_core::sos::{Contact, CountryLines, LineKind};

/// The 27 EU member states and the three other EEA countries (Iceland, Liechtenstein, Norway).
const EU_AND_EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// The other countries the table must cover.
const OTHERS: [&str; 14] = [
    "GB", "US", "CA", "AU", "NZ", "IN", "ZA", "JP", "MX", "BR", "AR", "CO", "CL", "PE",
];

fn get(code: &str) -> CountryLines {
    crisis_lines::country(code).unwrap_or_else(|| panic!("{code} must be in the table"))
}

fn has(country: &CountryLines, number: &str) -> bool {
    country.lines.iter().any(|l| l.number == number)
}

#[test]
fn every_eu_and_eea_country_is_there_with_112_first() {
    for code in EU_AND_EEA {
        let c = get(code);
        assert_eq!(c.code, code);
        assert_eq!(
            c.lines[0].number, "112",
            "{code}: 112, the emergency number in every EU and EEA country, comes first"
        );
    }
    assert!(
        crisis_lines::country("EU").is_none(),
        "no Europe-wide stand-in: each country on its own"
    );
}

#[test]
fn every_eu_and_eea_country_has_a_line_to_talk_to_beyond_its_emergency_number() {
    for code in EU_AND_EEA {
        assert!(
            get(code).lines.len() > 1,
            "{code}: someone to talk to, not only 112"
        );
    }
}

#[test]
fn every_entry_is_well_formed() {
    let all = crisis_lines::all();
    for code in EU_AND_EEA.iter().chain(OTHERS.iter()) {
        assert!(
            all.iter().any(|c| &c.code == code),
            "{code} is in the table"
        );
    }
    let mut codes: Vec<_> = all.iter().map(|c| c.code.clone()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), all.len(), "one entry per country");
    for country in &all {
        assert!(
            country.code.len() == 2 && country.code.bytes().all(|b| b.is_ascii_uppercase()),
            "{}: an ISO 3166 code",
            country.code
        );
        assert_eq!(
            country.lines[0].kind,
            LineKind::Emergency,
            "{} lists its emergency number first",
            country.code
        );
        assert_eq!(country.lines[0].contact, Contact::Call);
        assert_eq!(country.checked, crisis_lines::CHECKED);
        // Two lines may share a number (988, and 988 for Spanish); the screen tells them apart
        // by how to reach them (ui/src/components/sos/CrisisLines.svelte keys them so).
        let mut ways: Vec<_> = country
            .lines
            .iter()
            .map(|l| format!("{} {:?} {:?}", l.number, l.contact, l.menu_option))
            .collect();
        ways.sort();
        ways.dedup();
        assert_eq!(
            ways.len(),
            country.lines.len(),
            "{}: a line listed twice",
            country.code
        );
        for line in &country.lines {
            let what = format!("{} {}", country.code, line.number);
            assert!(
                line.number
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '*')),
                "{what}: only digits, spaces, +, - and *"
            );
            assert!(line.number.chars().any(|c| c.is_ascii_digit()), "{what}");
            assert!(
                line.source.starts_with("https://") && line.source.len() > "https://x.xx".len(),
                "{what} names its source"
            );
            assert!(
                line.name.is_some() || line.kind == LineKind::Emergency,
                "{what}: every line but a general emergency number has its service's name"
            );
            assert!(
                line.name.as_deref().is_none_or(|n| !n.trim().is_empty()),
                "{what}: a name is not blank"
            );
        }
    }
}

#[test]
fn the_lines_the_issue_names_are_there() {
    let expect = [
        ("IE", "116 123"),
        ("DE", "0800 111 0 111"),
        ("DE", "0800 111 0 222"),
        ("FR", "3114"),
        ("ES", "024"),
        ("NL", "113"),
        ("NL", "0800-0113"),
        ("GB", "111"),
        ("GB", "0800 1111"),
        ("CA", "1-800-668-6868"),
        ("CA", "686868"),
        ("CA", "1-888-688-6677"),
        ("AU", "1800 250 015"),
        ("AU", "13 11 26"),
        ("AU", "1800 55 1800"),
        ("US", "988"),
    ];
    for (code, number) in expect {
        assert!(has(&get(code), number), "{code} has {number}");
    }
    let youth = |code: &str, number: &str| {
        get(code)
            .lines
            .into_iter()
            .find(|l| l.number == number)
            .unwrap_or_else(|| panic!("{code} {number}"))
            .youth
    };
    assert!(
        youth("GB", "0800 1111"),
        "Childline is marked for young people"
    );
    assert!(youth("CA", "1-800-668-6868"), "Kids Help Phone too");
    assert!(youth("AU", "1800 55 1800"), "and Kids Helpline");
    assert!(!youth("GB", "116 123"), "Samaritans is for everyone");
    let text = get("CA")
        .lines
        .into_iter()
        .find(|l| l.number == "686868")
        .unwrap();
    assert_eq!(text.contact, Contact::Text, "686868 is a number to text");
    let overdose = get("CA")
        .lines
        .into_iter()
        .find(|l| l.number == "1-888-688-6677")
        .unwrap();
    assert_eq!(overdose.kind, LineKind::Overdose);
    let spanish = get("US")
        .lines
        .into_iter()
        .find(|l| l.number == "988" && l.menu_option.is_some())
        .expect("988's Spanish-language line, reached through its menu");
    assert_eq!(
        (spanish.menu_option, spanish.contact),
        (Some(2), Contact::Call),
        "988, then 2, for Spanish (https://988lifeline.org/get-help/what-to-expect)"
    );
}

#[test]
fn an_unknown_or_missing_region_gets_no_countrys_numbers() {
    for locale in [
        "C",
        "POSIX",
        "",
        "C.UTF-8",
        "en",
        "en.UTF-8",
        "sr_RS.UTF-8",
        "es-419",
        "xx-ZZ",
        "und",
    ] {
        assert_eq!(
            crisis_lines::country_for_locale(locale),
            None,
            "{locale:?} names no country in the table"
        );
        let here = crisis_lines::here(None, locale);
        assert_eq!(here.basis, CountryBasis::Unknown, "{locale:?}");
        assert!(
            here.country.is_none(),
            "{locale:?} must not get another country's lines"
        );
        assert_eq!(here.elsewhere, ELSEWHERE);
        assert_eq!(here.elsewhere, "https://findahelpline.com");
    }
    // A chosen code the table does not have falls back the same way, never to the US.
    let here = crisis_lines::here(Some("ZZ"), "C");
    assert_eq!(here.basis, CountryBasis::Unknown);
    assert!(here.country.is_none());
    for code in ["ZZ", "EU", "", "us", "USA"] {
        assert!(crisis_lines::country(code).is_none(), "{code:?}");
    }
}

#[test]
fn a_chosen_country_wins_over_the_locale() {
    let here = crisis_lines::here(Some("IE"), "en_US.UTF-8");
    assert_eq!(here.basis, CountryBasis::Chosen);
    assert_eq!(here.country.unwrap().code, "IE");
    let here = crisis_lines::here(None, "de_AT.UTF-8");
    assert_eq!(here.basis, CountryBasis::Locale);
    let at = here.country.unwrap();
    assert_eq!(at.code, "AT");
    assert!(has(&at, "142"), "Austria's TelefonSeelsorge");
    assert!(!has(&at, "911"), "no US number for Austria");
}
