//! Every shipped article reads at grade 8 or below (Flesch-Kincaid grade level), so a teenager
//! in recovery, or anyone reading in a hard moment, can follow it.
//!
//! The grade is 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59, over the
//! article's body with the front matter and the Markdown removed. Headings, list items, table
//! cells and quotes end a sentence where they end, as a reader takes them. Syllables are
//! counted by a small rule set (vowel groups, less a silent final "e" and the "-ed"/"-es"
//! endings that add no sound), which is within a syllable of a dictionary for the words these
//! articles use. Print the figures with
//! `cargo test -p daybreak-core --test reading_level -- --nocapture`.

use daybreak_core::library::{self, front_matter};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The highest grade a shipped article may read at.
const MAX_GRADE: f64 = 8.0;

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Counts {
    fn grade(&self) -> f64 {
        let sentences = self.sentences.max(1) as f64;
        let words = self.words.max(1) as f64;
        0.39 * (words / sentences) + 11.8 * (self.syllables as f64 / words) - 15.59
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Syllables in one word of letters (lower case ASCII; other letters count as consonants).
fn syllables_in(word: &str) -> usize {
    let w: Vec<char> = word.chars().collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let mut count = 0;
    let mut previous_vowel = false;
    for (i, &c) in w.iter().enumerate() {
        // A "y" that starts a word is a consonant ("you", "year").
        let vowel = is_vowel(c) && !(c == 'y' && i == 0);
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
    }
    let n = w.len();
    let consonant = |c: char| !is_vowel(c);
    let ends = |s: &str| word.ends_with(s);
    if ends("e") && !ends("le") && !ends("ee") && !ends("ie") && consonant(w[n - 2]) {
        // A silent final "e": "hope", "space", "naloxone".
        count -= 1;
    } else if ends("le") && n >= 3 && consonant(w[n - 3]) {
        // "people", "possible": the "e" is silent but "-le" is its own syllable; the vowel
        // count above did not see it, and did count the "e": nothing to change.
    } else if ends("ed") && !ends("ted") && !ends("ded") && !ends("eed") && consonant(w[n - 3]) {
        // "used", "helped", "stopped": one syllable fewer than the vowel groups say.
        count -= 1;
    } else if ends("es")
        && consonant(w[n - 3])
        && !["ses", "xes", "zes", "ches", "shes", "ges", "ces"]
            .iter()
            .any(|e| ends(e))
    {
        // "hopes", "times": the "e" is silent.
        count -= 1;
    }
    count.max(1)
}

/// Syllables in one token as written: "long-lasting" counts both parts; a number counts one.
fn syllables_in_token(token: &str) -> usize {
    let lower = token.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .map(|p| p.trim_matches('\''))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return 1;
    }
    parts
        .iter()
        .map(|p| syllables_in(&p.replace('\'', "")))
        .sum()
}

/// Counts one block of plain text into `counts`; the block's end ends a sentence.
fn count_block(text: &str, counts: &mut Counts) {
    let mut words_in_sentence = 0;
    for token in text.split_whitespace() {
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        counts.words += 1;
        counts.syllables += syllables_in_token(token);
        words_in_sentence += 1;
        let end = token.trim_end_matches(['"', '\'', ')', '”', '’', '*', '_']);
        if end.ends_with(['.', '!', '?']) {
            counts.sentences += 1;
            words_in_sentence = 0;
        }
    }
    if words_in_sentence > 0 {
        counts.sentences += 1;
    }
}

/// The counts for an article's Markdown body.
fn counts_of(markdown: &str) -> Counts {
    let mut counts = Counts::default();
    let mut block = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => block.push_str(&t),
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            // A list inside an item starts after the item's own words.
            Event::Start(Tag::List(_))
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => {
                count_block(&block, &mut counts);
                block.clear();
            }
            _ => {}
        }
    }
    count_block(&block, &mut counts);
    counts
}

#[test]
fn syllables_are_counted_close_to_a_dictionary() {
    for (word, expected) in [
        ("a", 1),
        ("the", 1),
        ("hope", 1),
        ("used", 1),
        ("helped", 1),
        ("wanted", 2),
        ("people", 2),
        ("naloxone", 3),
        ("recovery", 4),
        ("medication", 4),
        ("tolerance", 3),
        ("times", 1),
        ("places", 2),
        ("you", 1),
        ("yourself", 2),
        ("fentanyl", 3),
    ] {
        assert_eq!(syllables_in(word), expected, "syllables in {word:?}");
    }
    assert_eq!(syllables_in_token("long-lasting"), 3);
    assert_eq!(syllables_in_token("988"), 1);
}

#[test]
fn the_grade_follows_the_flesch_kincaid_formula() {
    let simple = counts_of("The cat sat on the mat. It was warm.");
    assert_eq!(
        simple,
        Counts {
            sentences: 2,
            words: 9,
            syllables: 9
        }
    );
    // Headings, list items and Markdown markup: a heading and each item end a sentence, and
    // links, emphasis and markers add no words.
    let md =
        counts_of("## Safety first\n\n- **Stay** near [people](article:finding-support)\n- Rest\n");
    assert_eq!(md.sentences, 3);
    assert_eq!(md.words, 6);
    // Long sentences of long words read at a higher grade than short ones of short words.
    let hard = counts_of(
        "Pharmacological interventions substantially ameliorate physiological dependence, \
         particularly when administered concomitantly with psychosocial rehabilitation.",
    );
    assert!(
        hard.grade() > 12.0,
        "hard text grades high: {}",
        hard.grade()
    );
    assert!(
        simple.grade() < 3.0,
        "easy text grades low: {}",
        simple.grade()
    );
}

#[test]
fn every_shipped_article_reads_at_grade_8_or_below() {
    let mut too_hard = Vec::new();
    for (file, text) in library::shipped_sources() {
        let (_, body) = front_matter::parse(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let counts = counts_of(body);
        let grade = counts.grade();
        println!(
            "{file}: grade {grade:.1} ({} words, {} sentences, {:.1} words a sentence, {:.2} syllables a word)",
            counts.words,
            counts.sentences,
            counts.words as f64 / counts.sentences as f64,
            counts.syllables as f64 / counts.words as f64,
        );
        if grade > MAX_GRADE {
            too_hard.push(format!("{file} ({grade:.1})"));
        }
    }
    assert!(
        too_hard.is_empty(),
        "articles must read at Flesch-Kincaid grade {MAX_GRADE} or below: {}",
        too_hard.join(", ")
    );
}
