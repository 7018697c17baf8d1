//! The starter library compiled into the binary (see build.rs), parsed once: the English
//! articles, and the ones written in other languages, each under its English article's slug.

use std::sync::OnceLock;

use super::front_matter::{self, FrontMatter};
use super::render::{render, TocEntry};
use super::{reading_minutes, Article, ArticleLink, ArticleSummary};
use crate::words::Language;

include!(concat!(env!("OUT_DIR"), "/shipped_articles.rs"));
include!(concat!(env!("OUT_DIR"), "/translated_articles.rs"));

/// A shipped article: its front matter, Markdown body and rendered HTML.
#[derive(Debug)]
pub struct ShippedArticle {
    pub file: &'static str,
    pub meta: FrontMatter,
    pub body: &'static str,
    pub html: String,
    pub toc: Vec<TocEntry>,
}

/// All shipped articles. A malformed article is a build mistake caught by the library tests;
/// here it is skipped rather than taking the app down.
pub fn shipped() -> &'static [ShippedArticle] {
    static ARTICLES: OnceLock<Vec<ShippedArticle>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        SHIPPED
            .iter()
            .filter_map(|(file, text)| {
                let (meta, body) = front_matter::parse(text).ok()?;
                let (html, toc) = render(body);
                Some(ShippedArticle {
                    file,
                    meta,
                    body,
                    html,
                    toc,
                })
            })
            .collect()
    })
}

/// Every shipped file, parsed or not, for the tests that check them all.
pub fn shipped_sources() -> &'static [(&'static str, &'static str)] {
    SHIPPED
}

/// The shipped articles written in other languages than English, with their language. A file
/// in a folder that is not a language Daybreak has is skipped (the library tests catch it).
pub fn translations() -> &'static [(Language, ShippedArticle)] {
    static ARTICLES: OnceLock<Vec<(Language, ShippedArticle)>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        TRANSLATED
            .iter()
            .filter_map(|(code, file, text)| {
                let language = Language::ALL.into_iter().find(|l| l.tag() == *code)?;
                let (meta, body) = front_matter::parse(text).ok()?;
                let (html, toc) = render(body);
                Some((
                    language,
                    ShippedArticle {
                        file,
                        meta,
                        body,
                        html,
                        toc,
                    },
                ))
            })
            .collect()
    })
}

/// Every file in another language, parsed or not: (language code, file name, text).
pub fn translated_sources() -> &'static [(&'static str, &'static str, &'static str)] {
    TRANSLATED
}

/// The shipped article `slug` in `language` when it is written in it.
fn in_language(slug: &str, language: Language) -> Option<&'static ShippedArticle> {
    match language {
        Language::En => shipped().iter().find(|a| a.meta.slug == slug),
        other => translations()
            .iter()
            .find(|(l, a)| *l == other && a.meta.slug == slug)
            .map(|(_, a)| a),
    }
}

/// The shipped article `slug` as someone reading in `language` gets it: in that language where
/// it is written in it, else in English; with whether it fell back to English.
pub(super) fn for_reader(
    slug: &str,
    language: Language,
) -> Option<(&'static ShippedArticle, bool)> {
    choose(slug, language, in_language)
}

/// The version of a shipped (English) article someone reading in `language` gets.
pub(super) fn as_read(
    english: &'static ShippedArticle,
    language: Language,
) -> &'static ShippedArticle {
    for_reader(&english.meta.slug, language).map_or(english, |(article, _)| article)
}

/// The one rule for an article not written in a language: the English one, flagged. `find`
/// looks an article up in one language.
fn choose<'a>(
    slug: &str,
    language: Language,
    find: impl Fn(&str, Language) -> Option<&'a ShippedArticle>,
) -> Option<(&'a ShippedArticle, bool)> {
    match find(slug, language) {
        Some(article) => Some((article, false)),
        None => find(slug, Language::En).map(|article| (article, true)),
    }
}

/// The languages the shipped article `slug` is written in, English first.
pub(super) fn languages_of(slug: &str) -> Vec<Language> {
    Language::ALL
        .into_iter()
        .filter(|l| in_language(slug, *l).is_some())
        .collect()
}

impl ShippedArticle {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            languages: languages_of(&self.meta.slug),
            slug: self.meta.slug.clone(),
            title: self.meta.title.clone(),
            summary: self.meta.summary.clone(),
            topics: self.meta.topics.clone(),
            triggers: self.meta.triggers.clone(),
            imported: false,
            reading_minutes: reading_minutes(self.body),
            bookmarked: false,
            progress: 0.0,
        }
    }

    /// The whole article; the titles of related articles in `language` where they are
    /// written in it.
    pub fn article(&self, language: Language) -> Article {
        let related = self
            .meta
            .related
            .iter()
            .filter_map(|slug| for_reader(slug, language))
            .map(|(a, _)| ArticleLink {
                slug: a.meta.slug.clone(),
                title: a.meta.title.clone(),
            })
            .collect();
        Article {
            summary: self.summary(),
            related,
            reviewed: self.meta.reviewed,
            sources: self.meta.sources.clone(),
            html: self.html.clone(),
            toc: self.toc.clone(),
            note: None,
            imported_at: None,
            fallback: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped article is written in Spanish today, so the library's own answers never
    /// fall back; the rule is held here, with a lookup that has no Spanish, for the next
    /// article or language.
    #[test]
    fn an_article_missing_in_a_language_is_the_english_one_flagged() {
        let english_only = |slug: &str, language| match language {
            Language::En => in_language(slug, Language::En),
            _ => None,
        };
        let (article, fell_back) = choose("withdrawal", Language::Es, english_only).unwrap();
        assert!(fell_back);
        assert!(std::ptr::eq(
            article,
            in_language("withdrawal", Language::En).unwrap()
        ));
        let (article, fell_back) = choose("withdrawal", Language::En, english_only).unwrap();
        assert!(!fell_back, "English asked for, English given");
        assert_eq!(article.meta.slug, "withdrawal");
        assert!(choose("no-such-article", Language::Es, english_only).is_none());

        let (article, fell_back) = for_reader("withdrawal", Language::Es).unwrap();
        assert!(!fell_back, "written in Spanish");
        assert!(std::ptr::eq(
            article,
            in_language("withdrawal", Language::Es).unwrap()
        ));
        assert!(std::ptr::eq(
            as_read(
                in_language("withdrawal", Language::En).unwrap(),
                Language::Es
            ),
            article
        ));
    }
}
