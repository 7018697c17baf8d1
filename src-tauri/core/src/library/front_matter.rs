//! The restricted front matter of a shipped article: `key: value` lines between two `---`
//! lines, lists comma-separated, and one `source:` line per source, `Organisation | Title | URL`.
//! Deliberately tiny, so it can be read (and fuzzed) without a YAML library.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub organisation: String,
    pub title: String,
    /// Shown as text: the app is offline and never opens it.
    pub url: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub topics: Vec<String>,
    pub triggers: Vec<String>,
    pub related: Vec<String>,
    pub reviewed: Option<NaiveDate>,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    #[error("the article does not start with a front matter block (---)")]
    Missing,
    #[error("line {0} of the front matter is not `key: value`")]
    BadLine(usize),
    #[error("unknown front matter key `{0}`")]
    UnknownKey(String),
    #[error("a source must be `Organisation | Title | https://...`")]
    BadSource,
    #[error("`reviewed` must be a date like 2026-11-27")]
    BadDate,
    #[error("`{0}` is required")]
    Required(&'static str),
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .collect()
}

/// Splits an article into its front matter and its Markdown body.
pub fn parse(text: &str) -> Result<(FrontMatter, &str), FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .ok_or(FrontMatterError::Missing)?;
    let end = rest.find("\n---\n").ok_or(FrontMatterError::Missing)?;
    let (head, body) = (&rest[..end], &rest[end + 5..]);
    let mut fm = FrontMatter::default();
    for (i, line) in head.lines().enumerate() {
        let (key, value) = line
            .split_once(':')
            .ok_or(FrontMatterError::BadLine(i + 1))?;
        let value = value.trim();
        match key.trim() {
            "title" => fm.title = value.to_string(),
            "slug" => fm.slug = value.to_string(),
            "summary" => fm.summary = value.to_string(),
            "topics" => fm.topics = list(value),
            "triggers" => fm.triggers = list(value),
            "related" => fm.related = list(value),
            "reviewed" => {
                fm.reviewed = Some(value.parse().map_err(|_| FrontMatterError::BadDate)?);
            }
            "source" => {
                let parts: Vec<&str> = value.split('|').map(str::trim).collect();
                match parts[..] {
                    [organisation, title, url]
                        if url.starts_with("https://") && !organisation.is_empty() =>
                    {
                        fm.sources.push(Source {
                            organisation: organisation.into(),
                            title: title.into(),
                            url: url.into(),
                        })
                    }
                    _ => return Err(FrontMatterError::BadSource),
                }
            }
            other => return Err(FrontMatterError::UnknownKey(other.to_string())),
        }
    }
    for (value, name) in [
        (&fm.title, "title"),
        (&fm.slug, "slug"),
        (&fm.summary, "summary"),
    ] {
        if value.is_empty() {
            return Err(FrontMatterError::Required(name));
        }
    }
    Ok((fm, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\ntitle: T\nslug: t\nsummary: S\ntopics: A, B\ntriggers:\nrelated: x\nreviewed: 2026-11-27\nsource: NIDA | Page | https://nida.nih.gov/\n---\nBody\n";

    #[test]
    fn parses_the_restricted_format() {
        let (fm, body) = parse(GOOD).unwrap();
        assert_eq!(fm.topics, ["A", "B"]);
        assert!(fm.triggers.is_empty(), "an empty list is allowed");
        assert_eq!(fm.sources[0].organisation, "NIDA");
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert_eq!(parse("Body only"), Err(FrontMatterError::Missing));
        assert_eq!(
            parse(&GOOD.replace("topics:", "colour:")),
            Err(FrontMatterError::UnknownKey("colour".into()))
        );
        assert_eq!(
            parse(&GOOD.replace("https://nida", "http://nida")),
            Err(FrontMatterError::BadSource)
        );
        assert_eq!(
            parse(&GOOD.replace("2026-11-27", "soon")),
            Err(FrontMatterError::BadDate)
        );
        assert_eq!(
            parse(&GOOD.replace("title: T", "title:")),
            Err(FrontMatterError::Required("title"))
        );
        assert_eq!(
            parse(&GOOD.replace("summary: S", "just words")),
            Err(FrontMatterError::BadLine(3))
        );
    }
}
