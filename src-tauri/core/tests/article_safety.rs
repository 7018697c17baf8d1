//! Safety wording in the shipped articles: the advice that could hurt someone if it were wrong
//! or missing says the same thing everywhere it appears.

use daybreak_core::library::{self, front_matter};

/// Each shipped article's file name and Markdown body (front matter removed).
fn bodies() -> Vec<(&'static str, &'static str)> {
    library::shipped_sources()
        .iter()
        .map(|(file, text)| {
            let (_, body) = front_matter::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            (*file, body)
        })
        .collect()
}

fn body_of(slug_prefix: &str) -> &'static str {
    bodies()
        .into_iter()
        .find(|(file, _)| file.starts_with(slug_prefix))
        .unwrap_or_else(|| panic!("an article starting {slug_prefix} ships"))
        .1
}

/// The sentences of a text, split after ". ", "! ", "? " and at line ends.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            let end = word.trim_end_matches(['"', '\'', ')', '*', '”', '’']);
            if end.ends_with(['.', '!', '?']) {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

#[test]
fn no_article_says_to_restart_medication_without_the_prescriber() {
    // Restarting methadone at an old dose after a break can be deadly: tolerance drops fast.
    for (file, body) in bodies() {
        for sentence in sentences(body) {
            let lower = sentence.to_lowercase();
            if lower.contains("restart") && !lower.contains("slip") {
                let safe = lower.contains("prescriber")
                    || lower.contains("never restart")
                    || lower.contains("first dose")
                    || lower.contains("ask before you restart");
                assert!(
                    safe,
                    "{file}: a sentence about restarting must send the reader to their prescriber: {sentence:?}"
                );
            }
        }
    }
    for prefix in ["07-", "08-", "11-"] {
        let body = body_of(prefix);
        assert!(
            body.contains("Never restart at your old dose on your own."),
            "{prefix}: says never to restart at the old dose on your own"
        );
        assert!(
            body.contains("prescriber"),
            "{prefix}: says to ask the prescriber"
        );
    }
}

/// Each shipped article's file name, front matter's source URLs and body.
fn with_sources() -> Vec<(&'static str, Vec<String>, &'static str)> {
    library::shipped_sources()
        .iter()
        .map(|(file, text)| {
            let (meta, body) = front_matter::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            let urls = meta.sources.iter().map(|s| s.url.clone()).collect();
            (*file, urls, body)
        })
        .collect()
}

#[test]
fn every_article_points_to_the_helplines_for_where_you_live() {
    for (file, body) in bodies() {
        assert!(
            body.contains("**SOS → Helplines**"),
            "{file}: points to SOS → Helplines, which lists lines for the reader's country"
        );
    }
}

#[test]
fn a_national_line_says_where_it_works_and_names_its_source() {
    for (file, urls, body) in with_sources() {
        let cites = |part: &str| urls.iter().any(|u| u.contains(part));
        for sentence in sentences(body) {
            if sentence.contains("988") {
                assert!(
                    sentence.contains("in the US and Canada")
                        || sentence.contains("In the US and Canada"),
                    "{file}: 988 is named with where it works: {sentence:?}"
                );
                assert!(
                    cites("988lifeline.org") && cites("988.ca"),
                    "{file}: names 988, so it cites the US and the Canadian line"
                );
            }
            if sentence.contains("1-800-662-4357") {
                assert!(
                    sentence.contains("In the US") || sentence.contains("in the US"),
                    "{file}: SAMHSA's line is named as a US line: {sentence:?}"
                );
                assert!(
                    cites("samhsa.gov/find-help/national-helpline"),
                    "{file}: names SAMHSA's National Helpline, so it cites it"
                );
            }
        }
    }
}
