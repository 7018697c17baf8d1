//! The library in more than one language: every article ships in Spanish, whole, safe and
//! plain; the library says which articles exist in which language, lists, opens and searches
//! them in the language asked for. (An article asked for in a language it is not written in
//! comes back in English with a flag the UI shows as a note: every article is in Spanish today,
//! so that rule is tested beside it, in `library::shipped`.)
//!
//! Reading level: Flesch-Kincaid (tests/reading_level.rs) is an English formula and reads only
//! the English articles (`library::shipped_sources`). The Spanish articles are held here to the
//! Fernández-Huerta reading ease, the Flesch formula refitted for Spanish:
//! 206.84 − 0.60 × (syllables per 100 words) − 1.02 × (sentences per 100 words), where 70 and
//! above reads "fairly easy" (about 7th to 8th grade), the same bar as the English grade 8.

mod common;

use std::collections::BTreeSet;

use common::TempJournal;
use daybreak_core::library::{self, front_matter};
use daybreak_core::words::Language;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The lowest Fernández-Huerta reading ease a Spanish article may have.
const MIN_EASE: f64 = 70.0;

fn english(slug: &str) -> &'static library::ShippedArticle {
    library::shipped()
        .iter()
        .find(|a| a.meta.slug == slug)
        .unwrap_or_else(|| panic!("an English article {slug} ships"))
}

fn spanish(slug: &str) -> &'static library::ShippedArticle {
    library::translations()
        .iter()
        .find(|(l, a)| *l == Language::Es && a.meta.slug == slug)
        .map(|(_, a)| a)
        .unwrap_or_else(|| panic!("{slug} ships in Spanish"))
}

#[test]
fn every_spanish_article_is_whole_and_matches_its_english_article() {
    let sources = library::translated_sources();
    assert_eq!(
        library::translations().len(),
        sources.len(),
        "every translated file parses and sits in a language folder Daybreak has"
    );
    let slugs: BTreeSet<&str> = library::shipped()
        .iter()
        .map(|a| a.meta.slug.as_str())
        .collect();
    let mut spanish = BTreeSet::new();
    for (code, file, text) in sources {
        let (meta, body) = front_matter::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let original = english(&meta.slug);
        assert_eq!(
            *file, original.file,
            "{code}/{file}: named as its English article"
        );
        assert_eq!(
            (&meta.topics, &meta.triggers, &meta.related),
            (
                &original.meta.topics,
                &original.meta.triggers,
                &original.meta.related
            ),
            "{code}/{file}: the same topics, triggers and related articles as in English"
        );
        assert_ne!(
            meta.title, original.meta.title,
            "{file}: the title is translated"
        );
        assert!(
            !meta.sources.is_empty() && meta.reviewed.is_some(),
            "{file}"
        );
        assert!(
            meta.summary.chars().count() < 200,
            "{file}: a short summary"
        );
        let words = body.split_whitespace().count();
        assert!(
            (400..=1700).contains(&words),
            "{file} has {words} words; 400 to 1700 expected"
        );
        for link in body.split("](article:").skip(1) {
            let slug = link.split(')').next().unwrap_or("");
            assert!(slugs.contains(slug), "{file}: article:{slug} resolves");
        }
        assert!(
            body.contains("**SOS → Líneas de ayuda**"),
            "{file}: points to the helplines for where the reader lives"
        );
        if *code == "es" {
            spanish.insert(meta.slug.clone());
        }
    }
    for article in library::shipped() {
        let slug = &article.meta.slug;
        assert!(spanish.contains(slug), "{slug} ships in Spanish");
    }
}

/// Sentences, split after ". ", "! ", "? " and at line ends; "EE. UU." (the United States)
/// is read as one word, "EEUU", so it ends no sentence.
fn sentences(text: &str) -> Vec<String> {
    let text = text.replace("EE. UU.", "EEUU");
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            if word
                .trim_end_matches(['"', ')', '*', '»'])
                .ends_with(['.', '!', '?'])
            {
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
fn the_safety_advice_says_the_same_in_spanish() {
    // As tests/article_safety.rs asks of the English: each article on coming back to a
    // medication sends the reader to the prescriber and never back to the old dose.
    for slug in [
        "after-a-slip",
        "relapse-prevention-plan",
        "medications-for-opioid-use-disorder",
    ] {
        let body = spanish(slug).body;
        assert!(
            body.contains("Nunca vuelvas a tu dosis de antes por tu cuenta.")
                && body.contains("quien te lo receta"),
            "{slug}: never restart at the old dose; ask the prescriber first"
        );
    }
    let facts: [(&str, &[&str]); 4] = [
        (
            "after-a-slip",
            &["pregúntale a quien te lo receta antes de volver a tomarlo"],
        ),
        (
            "medications-for-opioid-use-disorder",
            &[
                "por lo general durante al menos 7 a 10 días",
                "*No confundas la naltrexona con la naloxona.*",
                "**No lo mezcles**",
                "**Guárdalo bajo llave**",
            ],
        ),
        (
            "withdrawal",
            &[
                "no intentes dejar los opioides a solas sin hablar antes con un médico",
                "dejarlos de golpe **puede poner en peligro la vida**",
                "Pasar por la abstinencia baja rápido tu **tolerancia**.",
            ],
        ),
        (
            "opioid-overdose",
            &[
                "**Si tienes dudas, actúa como si fuera una sobredosis.**",
                "**El efecto de la naloxona dura entre 30 y 90 minutos.**",
                "**un aparato nuevo en la otra fosa nasal**",
                "**No la dejes sola**",
                "**Llama siempre.**",
            ],
        ),
    ];
    for (slug, said) in facts {
        let body = spanish(slug).body;
        for fact in said {
            assert!(body.contains(fact), "{slug} says {fact:?}");
        }
    }
    for (_, article) in library::translations() {
        let file = article.file;
        let urls: Vec<&str> = article
            .meta
            .sources
            .iter()
            .map(|s| s.url.as_str())
            .collect();
        let cites = |part: &str| urls.iter().any(|u| u.contains(part));
        for sentence in sentences(article.body) {
            if sentence.contains("988") {
                assert!(
                    sentence.contains("EEUU y Canadá"),
                    "{file}: 988 is named with where it works: {sentence:?}"
                );
                assert!(cites("988lifeline.org") && cites("988.ca"), "{file}");
            }
            if sentence.contains("1-800-662-4357") {
                assert!(sentence.contains("EEUU"), "{file}: a US line: {sentence:?}");
                assert!(cites("samhsa.gov/find-help/national-helpline"), "{file}");
            }
        }
    }
}

/// Syllables in a Spanish word: vowel groups, where two strong vowels (a, e, o) or a stressed
/// weak one (í, ú) next to another vowel are two syllables (hiatus), and "qu"/"gu" before e or
/// i are silent u's.
fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let strong = |c: char| "aeoáéó".contains(c);
    let stressed_weak = |c: char| "íú".contains(c);
    let mut count = 0;
    let mut previous: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1).is_some_and(|n| "eéií".contains(*n));
        if !vowel(c) || silent_u {
            previous = None;
            continue;
        }
        match previous {
            Some(p) if !((strong(p) && strong(c)) || stressed_weak(p) || stressed_weak(c)) => {}
            _ => count += 1,
        }
        previous = Some(c);
    }
    count.max(1)
}

#[derive(Default)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
}

/// The Fernández-Huerta reading ease of a Markdown body, read as the reading-level test reads
/// English: headings, list items and quotes end a sentence where they end; code is skipped.
fn ease(markdown: &str) -> f64 {
    let mut counts = Counts::default();
    let mut block = String::new();
    let flush = |block: &mut String, counts: &mut Counts| {
        let text = std::mem::take(block);
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '/' || c == '—')
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|t| t.chars().any(char::is_alphabetic) || t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        if words.is_empty() {
            return;
        }
        let inner = text
            .trim_end()
            .trim_end_matches(['.', '!', '?', ':'])
            .matches(". ")
            .count();
        counts.sentences += 1 + inner;
        counts.words += words.len();
        counts.syllables += words.iter().map(|w| spanish_syllables(w)).sum::<usize>();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => block.push_str(&t),
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut block, &mut counts)
            }
            Event::Start(Tag::Item) => flush(&mut block, &mut counts),
            _ => {}
        }
    }
    flush(&mut block, &mut counts);
    let words = counts.words.max(1) as f64;
    206.84
        - 0.60 * (counts.syllables as f64 * 100.0 / words)
        - 1.02 * (counts.sentences as f64 * 100.0 / words)
}

#[test]
fn spanish_syllables_are_counted_close_to_a_dictionary() {
    for (word, n) in [
        ("sobredosis", 4),
        ("naloxona", 4),
        ("respiración", 4),
        ("cuidado", 3),
        ("poeta", 3),
        ("día", 2),
        ("que", 1),
        ("guerra", 2),
        ("ayuda", 3),
        ("recuperación", 5),
    ] {
        assert_eq!(spanish_syllables(word), n, "{word}");
    }
}

#[test]
fn every_spanish_article_reads_fairly_easily() {
    let mut hard = Vec::new();
    for (language, article) in library::translations() {
        let score = ease(article.body);
        println!(
            "{}/{}: Fernández-Huerta {score:.1}",
            language.tag(),
            article.file
        );
        if score < MIN_EASE {
            hard.push(format!("{} ({score:.1})", article.file));
        }
    }
    assert!(
        hard.is_empty(),
        "Spanish articles must have a Fernández-Huerta reading ease of {MIN_EASE} or more: {}",
        hard.join(", ")
    );
}

/// A thing the app names in Spanish, as its own screens say it, and the other words for it that
/// the articles must not use: a reader told to log their "desencadenantes" looks for them on
/// screens that say "Detonantes".
const SPANISH_TERMS: &[(&str, &str, &[&str])] = &[(
    "record_entry_detail_triggers",
    "detonante",
    &["desencadenante", "disparador"],
)];

#[test]
fn the_spanish_articles_name_things_as_the_app_does() {
    let messages_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/messages/es.json");
    let messages: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&messages_path).unwrap()).unwrap();
    for (key, word, others) in SPANISH_TERMS {
        let shown = messages[key]
            .as_str()
            .unwrap_or_else(|| panic!("{key} in es.json"));
        assert!(
            shown.to_lowercase().contains(word),
            "the app says {shown:?} ({key}), not {word:?}: update SPANISH_TERMS and the articles"
        );
        for (_, article) in library::translations() {
            let text = format!("{}\n{}", article.meta.title, article.body).to_lowercase();
            for other in *others {
                assert!(
                    !text.contains(other),
                    "{} says {other:?} where the app says {word:?}",
                    article.file
                );
            }
        }
    }
}

/// Replacing one word with another can leave a list naming the same word twice ("señales,
/// detonantes o detonantes"): no Spanish article offers a word as its own alternative.
#[test]
fn no_spanish_article_offers_a_word_as_its_own_alternative() {
    for (_, article) in library::translations() {
        let words: Vec<String> = article
            .body
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for three in words.windows(3) {
            assert!(
                !(three[1] == "o" && three[0] == three[2]),
                "{} says {:?} or itself",
                article.file,
                three[0]
            );
        }
    }
}

#[test]
fn the_library_says_which_languages_each_article_is_in() {
    let list = library::list(None, Language::Es).unwrap();
    let find = |slug: &str| list.iter().find(|a| a.slug == slug).unwrap();
    let overdose = find("opioid-overdose");
    assert_eq!(overdose.languages, [Language::En, Language::Es]);
    assert_eq!(
        overdose.title, "Sobredosis de opioides: cómo reconocerla y qué hacer",
        "listed in Spanish when asked in Spanish"
    );
    assert!(
        list.iter()
            .all(|a| a.languages == [Language::En, Language::Es]),
        "every article is in both"
    );
    let in_english = library::list(None, Language::En).unwrap();
    assert_eq!(
        in_english
            .iter()
            .find(|a| a.slug == "opioid-overdose")
            .unwrap()
            .title,
        english("opioid-overdose").meta.title,
        "the English list is unchanged"
    );
    assert_eq!(
        list.len(),
        in_english.len(),
        "one entry per article, whatever the language"
    );
    let for_trigger = library::for_trigger("loneliness-isolation", Language::Es);
    assert!(for_trigger
        .iter()
        .any(|a| a.title == "Cómo encontrar apoyo"));
}

#[test]
fn searching_in_spanish_finds_the_spanish_words_with_or_without_accents() {
    let slugs = |typed: &str, language| -> Vec<String> {
        library::search(None, typed, 5, language)
            .unwrap()
            .into_iter()
            .map(|h| h.slug)
            .collect()
    };
    let hits = library::search(None, "abstinencia", 5, Language::Es).unwrap();
    let withdrawal = hits
        .iter()
        .find(|h| h.slug == "withdrawal")
        .expect("the Spanish withdrawal article is found by its own word");
    assert_eq!(
        withdrawal.title,
        spanish("withdrawal").meta.title,
        "and titled in Spanish"
    );
    assert!(
        slugs("naltrexona", Language::Es).contains(&"medications-for-opioid-use-disorder".into())
    );
    assert_eq!(
        slugs("adiccion", Language::Es),
        slugs("adicción", Language::Es),
        "an accent left out finds the same"
    );
    assert!(!slugs("adiccion", Language::Es).is_empty());
    assert!(
        slugs("abstinencia", Language::En).is_empty(),
        "English search reads the English articles"
    );
    assert!(
        slugs("receptores", Language::Es).contains(&"how-opioids-change-the-brain".into()),
        "the brain's receptors, in Spanish"
    );
}

#[test]
fn searching_in_spanish_finds_other_forms_of_the_words_typed() {
    let hits = |typed: &str| library::search(None, typed, 20, Language::Es).unwrap();
    // The cravings article says "antojo" once and "antojos" nowhere; no article says
    // "recaída", and seven say "recaídas". A quoted word is matched only as written.
    assert!(hits("\"antojos\"").is_empty());
    assert!(hits("\"recaída\"").is_empty());

    let found = hits("antojos");
    let cravings = found
        .iter()
        .find(|h| h.slug == "cravings-and-triggers")
        .expect("\"antojos\" finds the article that says \"antojo\"");
    assert!(
        cravings
            .snippet
            .iter()
            .any(|p| p.hit && p.text.to_lowercase() == "antojo"),
        "and marks the word it found: {:?}",
        cravings.snippet
    );
    assert_eq!(
        hits("recaída ").len(),
        7,
        "a finished word in the singular finds every article with its plural"
    );
    assert_eq!(
        hits("recaida ").len(),
        7,
        "and so does the word typed without its accent"
    );
    // Eight articles say "desliz", two of them "deslices" too: the plural, where the z is
    // written c, finds the singular.
    assert_eq!(hits("\"deslices\"").len(), 2);
    assert_eq!(hits("deslices ").len(), 8);
    assert!(
        hits("ayuda medica ").iter().any(|h| h.slug == "withdrawal"),
        "two words, each widened, find the article with both"
    );
}

#[test]
fn a_spanish_search_of_imported_articles_is_not_widened() {
    // Imported articles are indexed with Porter (English), which would stem a widened Spanish
    // start again: "ansiedad" widened to "ansied" would become "ansi", and find "ansioso".
    let j = TempJournal::new();
    let (mut s, _) = j.create();
    let page = "# Mis notas\n\nHoy me sentí ansioso por la tarde.\n";
    let slug = library::import(
        s.store_mut(),
        "notas.md",
        page.as_bytes(),
        daybreak_core::clock::now_utc(),
    )
    .unwrap()
    .slug;
    let finds = |typed: &str| {
        library::search(Some(s.store()), typed, 20, Language::Es)
            .unwrap()
            .iter()
            .any(|h| h.slug == slug)
    };
    assert!(
        finds("ansioso"),
        "the imported article is searched in Spanish"
    );
    assert!(!finds("ansiedad "), "and only by the words as typed");
}

#[test]
fn an_article_asked_for_in_spanish_comes_in_spanish_with_its_related_readings() {
    let j = TempJournal::new();
    let (s, _) = j.create();
    for store in [None, Some(s.store())] {
        let slip = library::get(store, "after-a-slip", Language::Es).unwrap();
        assert!(!slip.fallback, "after a slip is written in Spanish");
        assert_eq!(slip.summary.title, "Después de un desliz");
        assert!(
            slip.html.contains("Primero, tu seguridad"),
            "the Spanish text"
        );
        let related: Vec<&str> = slip.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            related,
            [
                "Sobredosis de opioides: cómo reconocerla y qué hacer",
                spanish("relapse-prevention-plan").meta.title.as_str(),
                spanish("medications-for-opioid-use-disorder")
                    .meta
                    .title
                    .as_str(),
                "Cómo encontrar apoyo",
            ],
            "related articles are titled in Spanish"
        );

        let english_slip = library::get(store, "after-a-slip", Language::En).unwrap();
        assert!(!english_slip.fallback);
        assert_eq!(english_slip.html, english("after-a-slip").html);
    }
}

#[test]
fn languages_and_the_flag_keep_their_ipc_shape() {
    let article = library::get(None, "withdrawal", Language::Es).unwrap();
    let json = serde_json::to_value(&article).unwrap();
    assert_eq!(json["languages"], serde_json::json!(["en", "es"]));
    assert_eq!(json["fallback"], serde_json::json!(false));
    let list = library::list(None, Language::En).unwrap();
    let json = serde_json::to_value(&list).unwrap();
    let overdose = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "opioid-overdose")
        .unwrap();
    assert_eq!(overdose["languages"], serde_json::json!(["en", "es"]));
}

/// Settings → About lists where the facts come from with one call: each shipped article's
/// sources, from the version in the language asked for, the same as reading every article.
/// (Imported articles cannot be among them: the list is made without the journal.)
#[test]
fn the_sources_are_every_shipped_articles_own_in_the_language_asked() {
    for language in Language::ALL {
        let read_one_by_one: Vec<_> = library::list(None, language)
            .unwrap()
            .iter()
            .flat_map(|a| library::get(None, &a.slug, language).unwrap().sources)
            .collect();
        assert!(!read_one_by_one.is_empty());
        assert_eq!(library::sources(language), read_one_by_one, "{language:?}");
    }
}

/// The screens' messages in language `tag` (`ui/messages/{tag}.json`).
fn screen_messages(tag: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../ui/messages/{tag}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The files the core writes (the plan page, the report, the spreadsheets) name the built-in
/// emotions, triggers and coping actions with the screens' words: every `builtin_*` message, in
/// every language, is the core's name for the English one stored in the journal. The table is
/// made from the same messages by build.rs; this holds its pairing (the key, not the order) and
/// that every language the core speaks has one.
#[test]
fn the_files_name_the_built_ins_as_the_screens_do() {
    let messages = screen_messages;
    let english = messages("en");
    let builtins: Vec<(&String, &str)> = english
        .iter()
        .filter(|(key, _)| key.starts_with("builtin_"))
        .map(|(key, value)| (key, value.as_str().unwrap()))
        .collect();
    assert!(builtins.len() >= 30, "the seeded names have messages");
    for language in Language::ALL {
        let here = messages(language.tag());
        let words = language.words();
        for (key, stored) in &builtins {
            assert_eq!(
                words.name(stored),
                here[key.as_str()].as_str().unwrap(),
                "{language:?}: {key}"
            );
        }
    }
}

/// The plan page's headings are the printed plan's on screen, and the report's five moods the
/// mood picker's: a person reading both in Spanish meets one set of words.
#[test]
fn the_plan_page_and_the_report_use_the_screens_words() {
    for language in Language::ALL {
        let here = screen_messages(language.tag());
        let w = language.words();
        let said = |key: &str| here[key].as_str().unwrap_or_else(|| panic!("{key}"));
        let pairs = [
            (w.plan_title, "sos_plan_print_my_relapse_prevention_plan"),
            (w.plan_warning_signs, "sos_plan_print_my_warning_signs"),
            (w.plan_high_risk, "sos_plan_print_my_high_risk_situations"),
            (w.plan_coping, "sos_plan_print_my_coping_strategies"),
            (w.plan_people, "sos_plan_print_people_i_can_call"),
            (w.plan_places, "sos_plan_print_places_i_can_go"),
            (w.plan_reasons, "sos_plan_print_my_reasons"),
            (w.plan_if_i_slip, "sos_plan_print_if_i_slip"),
        ];
        for (file, key) in pairs {
            assert_eq!(file, said(key), "{language:?}: {key}");
        }
        let moods = ["awful", "bad", "okay", "good", "great"].map(|m| said(&format!("mood_{m}")));
        assert_eq!(w.moods, moods, "{language:?}: the five moods");
    }
}
