//! The offline library: every shipped article is well-formed, search ranks sensibly, imports
//! of each format work (including the user's own seed document), bad files are refused, and
//! reading state lives in the encrypted journal.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use common::{contains, snapshot, TempJournal, PASSPHRASE};
use daybreak_core::library::{self, front_matter, import};
use daybreak_core::words::Language;
use daybreak_core::{DataError, Passphrase, Refusal};

const TRIGGER_KEYS: [&str; 12] = [
    "grief-loss",
    "legal-trouble",
    "breakup-divorce",
    "illness-pain",
    "family-problems",
    "loneliness-isolation",
    "peer-pressure",
    "easy-access",
    "stress-anxiety",
    "depression",
    "boredom-curiosity",
    "celebrations",
];

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

#[test]
fn every_shipped_article_is_well_formed() {
    let sources = library::shipped_sources();
    assert!(
        sources.len() >= 14,
        "at least 14 articles ship, found {}",
        sources.len()
    );
    assert_eq!(
        library::shipped().len(),
        sources.len(),
        "every shipped file parses"
    );
    let slugs: BTreeSet<&str> = library::shipped()
        .iter()
        .map(|a| a.meta.slug.as_str())
        .collect();
    let mut triggers_seen = BTreeSet::new();
    for (file, text) in sources {
        let (meta, body) = front_matter::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!meta.sources.is_empty(), "{file} lists its sources");
        assert!(
            !meta.summary.is_empty() && meta.summary.chars().count() < 200,
            "{file} has a short summary"
        );
        assert!(!meta.topics.is_empty(), "{file} has a topic");
        assert!(meta.reviewed.is_some(), "{file} has a last-reviewed date");
        let words = body.split_whitespace().count();
        assert!(
            (400..=1500).contains(&words),
            "{file} has {words} words; 400 to 1500 expected"
        );
        for related in &meta.related {
            assert!(
                slugs.contains(related.as_str()),
                "{file}: related slug {related} exists"
            );
        }
        for link in body.split("](article:").skip(1) {
            let slug = link.split(')').next().unwrap_or("");
            assert!(
                slugs.contains(slug),
                "{file}: internal link article:{slug} resolves"
            );
        }
        for key in &meta.triggers {
            assert!(
                TRIGGER_KEYS.contains(&key.as_str()),
                "{file}: {key} is a trigger key"
            );
            triggers_seen.insert(key.clone());
        }
        // Words that label a person ("addict", "clean", "failure", ...) are checked in every
        // shipped string, articles included, by scripts/check-words.mjs: one list, one place.
        let article = library::get(None, &meta.slug, Language::En).unwrap();
        assert!(
            !article.html.contains("<script"),
            "{file}: nothing executable"
        );
        assert!(article.toc.len() >= 3, "{file} has a table of contents");
    }
    assert_eq!(
        triggers_seen.len(),
        TRIGGER_KEYS.len(),
        "every trigger links to an article"
    );
    for slug in [
        "after-a-slip",
        "opioid-overdose",
        "urge-surfing-and-coping-skills",
        "relapse-prevention-plan",
    ] {
        assert!(slugs.contains(slug), "other screens link to {slug}");
    }
}

#[test]
fn search_ranks_the_starter_library_by_relevance() {
    let top = |q: &str| {
        library::search(None, q, 5, Language::En)
            .unwrap()
            .first()
            .map(|h| h.slug.clone())
    };
    assert_eq!(top("naloxone").as_deref(), Some("opioid-overdose"));
    assert_eq!(
        top("urge surfing").as_deref(),
        Some("urge-surfing-and-coping-skills")
    );
    assert_eq!(top("grief").as_deref(), Some("grief-loss-and-recovery"));
    assert_eq!(
        top("buprenorphine methadone").as_deref(),
        Some("medications-for-opioid-use-disorder")
    );
    let hits = library::search(None, "nalox", 5, Language::En).unwrap();
    assert!(!hits.is_empty(), "prefix search while typing");
    assert!(
        hits[0].snippet.iter().any(|p| p.hit),
        "snippets mark the match"
    );
    for weird in ["\"", "NEAR(", "*", ""] {
        assert!(library::search(None, weird, 5, Language::En).is_ok());
    }
    assert!(
        library::for_trigger("loneliness-isolation", Language::En)
            .iter()
            .any(|a| a.slug == "loneliness-and-connection"),
        "the loneliness trigger links to the article on connection"
    );
}

#[test]
fn the_seed_document_imports_as_a_readable_article() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/000_12b373f466c0693e.txt");
    let Ok(bytes) = std::fs::read(&seed) else {
        eprintln!("SKIPPED the seed fixture test: {} is absent (it lives in shared/, beside the repository)", seed.display());
        return;
    };
    let a = import::import("000_12b373f466c0693e.txt", &bytes).expect("the seed imports");
    assert_eq!(a.title, "Heroin Addiction Causes");
    let md = &a.markdown;
    for heading in [
        "What Are The Risk Factors?",
        "Peer Pressure/Social",
        "Easy Access",
        "Race, Ethnicity",
        "Loneliness, Depression",
    ] {
        assert!(
            md.contains(&format!("## {heading}\n")),
            "{heading} becomes a heading:\n{md}"
        );
    }
    let list = "- Grief and loss\n- Crime\n- Divorce\n- Major illness\n- Family issues\n- Loneliness and isolation\n";
    assert!(md.contains(list), "the six causes become one list:\n{md}");
    assert!(
        md.contains("I'm only 13 and I'm scared!"),
        "the reader's question stays"
    );
    assert!(md.contains("Dear Christi,"), "the answer stays");
    for chrome in [
        "Subscribe to our",
        "Recent Articles",
        "Read More",
        "Follow us on Twitter",
        "Sep 27, 19",
    ] {
        assert!(
            !md.contains(chrome),
            "site chrome {chrome:?} is not in the article"
        );
    }
}

#[test]
fn markdown_and_html_imports_keep_their_structure() {
    let md = import::import("coping.md", b"# My coping notes\n\nSome words about **breathing** slowly.\n\n## Steps\n\n- one\n- two\n").unwrap();
    assert_eq!(md.title, "My coping notes");
    assert!(md.markdown.contains("## Steps") && md.markdown.contains("- one\n- two"));
    let html = import::import(
        "page.html",
        b"<html><head><title>Saved</title></head><body><h1>Walking helps</h1><p>A walk of ten minutes can ease a craving.</p><script>x()</script></body></html>",
    )
    .unwrap();
    assert_eq!(html.title, "Walking helps");
    assert!(html.markdown.contains("A walk of ten minutes") && !html.markdown.contains("x()"));
}

#[test]
fn imported_articles_and_reading_state_live_in_the_encrypted_journal() {
    let canary = "CANARYlibraryquokka";
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let st = s.store_mut();
    let body = format!(
        "# Saved {canary}\n\nA page about the {canary} and about walking in the evening.\n"
    );
    let a = library::import(st, "saved.md", body.as_bytes(), now()).unwrap();
    assert!(a.imported && a.slug.starts_with("imported-"));
    assert_eq!(
        library::search(Some(st), canary, 5, Language::En).unwrap()[0].slug,
        a.slug,
        "imported articles are searchable"
    );
    assert!(
        library::search(None, canary, 5, Language::En)
            .unwrap()
            .is_empty(),
        "but not while locked"
    );

    library::set_bookmark(st, "opioid-overdose", true, now()).unwrap();
    library::save_progress(st, "after-a-slip", 0.4, now()).unwrap();
    library::save_note(
        st,
        "after-a-slip",
        Some(&format!("my {canary} note")),
        now(),
    )
    .unwrap();
    assert!(matches!(
        library::set_bookmark(st, "no-such-article", true, now()),
        Err(DataError::NotFound(_))
    ));
    assert!(matches!(
        library::save_progress(st, "after-a-slip", 1.5, now()),
        Err(DataError::Refused(Refusal::BadRequest))
    ));
    let before_bad = library::list(Some(st), Language::En).unwrap().len();
    assert!(library::import(st, "empty.txt", b"   ", now()).is_err());
    assert_eq!(
        library::list(Some(st), Language::En).unwrap().len(),
        before_bad,
        "a refused file imports nothing"
    );

    s.lock().unwrap();
    for (path, bytes) in snapshot(j.paths().dir()) {
        assert!(
            !contains(&bytes, canary.as_bytes()),
            "readable in {}",
            path.display()
        );
        assert!(
            !contains(&bytes, canary.to_lowercase().as_bytes()),
            "index term readable in {}",
            path.display()
        );
    }
    let s = j.vault.unlock(&Passphrase::new(PASSPHRASE)).unwrap();
    let list = library::list(Some(s.store()), Language::En).unwrap();
    assert!(
        list.iter()
            .any(|a| a.slug == "opioid-overdose" && a.bookmarked),
        "bookmark kept"
    );
    assert_eq!(
        library::continue_reading(s.store(), Language::En)
            .unwrap()
            .unwrap()
            .slug,
        "after-a-slip"
    );
    let article = library::get(Some(s.store()), "after-a-slip", Language::En).unwrap();
    assert_eq!(
        article.note.as_deref(),
        Some(format!("my {canary} note").as_str())
    );
    assert!((article.summary.progress - 0.4).abs() < 1e-9);
    assert!(
        library::get(None, &a.slug, Language::En).is_err(),
        "an imported article needs the journal open"
    );
    let locked_view = library::get(None, "opioid-overdose", Language::En).unwrap();
    assert!(
        !locked_view.summary.bookmarked && locked_view.note.is_none(),
        "no private state while locked"
    );
}
