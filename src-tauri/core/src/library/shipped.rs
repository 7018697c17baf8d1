//! The starter library compiled into the binary (see build.rs), parsed once.

use std::sync::OnceLock;

use super::front_matter::{self, FrontMatter};
use super::render::{render, TocEntry};
use super::{reading_minutes, Article, ArticleLink, ArticleSummary};

include!(concat!(env!("OUT_DIR"), "/shipped_articles.rs"));

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

impl ShippedArticle {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
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

    pub fn article(&self) -> Article {
        let related = self
            .meta
            .related
            .iter()
            .filter_map(|slug| shipped().iter().find(|a| &a.meta.slug == slug))
            .map(|a| ArticleLink {
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
        }
    }
}
