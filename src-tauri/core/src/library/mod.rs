//! The offline library: educational articles compiled into the app, articles people import,
//! search over both, and private reading state (bookmarks, where they left off, notes).
//!
//! The shipped articles are public and readable even while the journal is locked (the SOS
//! panel links to the overdose article from the lock screen); everything that says what a
//! person read or wrote lives in the encrypted journal and needs it unlocked.

pub mod front_matter;
pub mod import;
pub mod render;
mod search;
mod shipped;
pub(crate) mod state;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

pub use front_matter::Source;
pub use render::TocEntry;
pub use search::{search, LibraryHit};
pub use shipped::{shipped, shipped_sources, translated_sources, translations, ShippedArticle};
pub use state::{
    continue_reading, delete_imported, import, save_note, save_progress, set_bookmark,
};

use crate::data_error::DataError;
use crate::store::Store;
use crate::words::Language;

/// Reading speed used for "5 min read".
const WORDS_PER_MINUTE: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topics: Vec<String>,
    /// Trigger catalogue keys the article is about.
    pub triggers: Vec<String>,
    pub imported: bool,
    pub reading_minutes: u32,
    pub bookmarked: bool,
    /// 0 to 1: how far the person has read.
    pub progress: f64,
    /// The languages a shipped article is written in, English first; empty for an imported
    /// one. The title and summary are in the language asked for when it is one of these.
    pub languages: Vec<Language>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ArticleLink {
    pub slug: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub related: Vec<ArticleLink>,
    pub reviewed: Option<NaiveDate>,
    pub sources: Vec<Source>,
    /// Sanitized HTML; links to other articles use `article:<slug>`.
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// The person's private note on this article (only when unlocked).
    pub note: Option<String>,
    pub imported_at: Option<DateTime<Utc>>,
    /// True when the article was asked for in a language it is not written in: it is the
    /// English article, and the UI says so.
    pub fallback: bool,
}

pub(crate) fn reading_minutes(markdown: &str) -> u32 {
    (markdown
        .split_whitespace()
        .count()
        .div_ceil(WORDS_PER_MINUTE))
    .max(1) as u32
}

/// A shipped article's summary, its title and summary in `language` when it is written in it.
fn summary_in(article: &'static ShippedArticle, language: Language) -> ArticleSummary {
    shipped::as_read(article, language).summary()
}

/// Every article: shipped ones (in `language` where they are written in it, else in English),
/// then (when the journal is open) imported ones, with reading state.
pub fn list(store: Option<&Store>, language: Language) -> Result<Vec<ArticleSummary>, DataError> {
    let mut out: Vec<ArticleSummary> = shipped().iter().map(|a| summary_in(a, language)).collect();
    if let Some(store) = store {
        out.extend(state::imported_summaries(store)?);
        state::apply_state(store, &mut out)?;
    }
    Ok(out)
}

/// Where the shipped articles' facts come from (Settings → About): each shipped article's
/// sources in turn, from its version in `language` where it is written in it (a translation
/// cites its own), without rendering any article. Imported articles are the person's own and
/// are not among them.
pub fn sources(language: Language) -> Vec<Source> {
    shipped()
        .iter()
        .flat_map(|a| shipped::as_read(a, language).meta.sources.iter().cloned())
        .collect()
}

/// Shipped articles about a trigger (by its catalogue key), in `language` where they are
/// written in it.
pub fn for_trigger(key: &str, language: Language) -> Vec<ArticleSummary> {
    shipped()
        .iter()
        .filter(|a| a.meta.triggers.iter().any(|t| t == key))
        .map(|a| summary_in(a, language))
        .collect()
}

/// One article, rendered, with the person's state when the journal is open. Asked for in a
/// language it is not written in, the English article comes back with `fallback` set.
pub fn get(store: Option<&Store>, slug: &str, language: Language) -> Result<Article, DataError> {
    let mut article = match shipped::for_reader(slug, language) {
        Some((a, fell_back)) => {
            let mut article = a.article(language);
            article.fallback = fell_back;
            article
        }
        None => match store {
            Some(store) => state::imported_article(store, slug)?,
            None => return Err(DataError::NotFound("article")),
        },
    };
    if let Some(store) = store {
        let mut one = [article.summary.clone()];
        state::apply_state(store, &mut one)?;
        let [summary] = one;
        article.summary = summary;
        article.note = state::note(store, slug)?;
    }
    Ok(article)
}
