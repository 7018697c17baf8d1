//! Plain text and Markdown. Plain text saved from a web page has no markup, so structure is
//! recognised: the first line is the title, short lines standing alone are headings, lines
//! starting with "-", "*" or "•" are list items, lines in quotation marks are quotes.

use super::{chrome, Imported};

const MAX_HEADING_CHARS: usize = 70;
const MAX_HEADING_WORDS: usize = 10;

/// Blocks of lines separated by blank lines.
fn blocks(lines: &[&str]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        let line = line.replace('\u{a0}', " ");
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim().to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn bullet(line: &str) -> Option<&str> {
    ["- ", "* ", "• ", "– "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .map(str::trim)
}

fn numbered(line: &str) -> Option<&str> {
    let (n, rest) = line.split_once(". ")?;
    n.chars()
        .all(|c| c.is_ascii_digit())
        .then_some(rest.trim())
        .filter(|_| !n.is_empty())
}

fn is_heading(block: &[String]) -> bool {
    let [line] = block else { return false };
    let words = line.split_whitespace().count();
    line.chars().count() <= MAX_HEADING_CHARS
        && words <= MAX_HEADING_WORDS
        && !line.ends_with(['.', ',', ';'])
        && !line.to_lowercase().starts_with("by ")
        && !line.to_lowercase().starts_with("by:")
        && bullet(line).is_none()
        && line.chars().next().is_some_and(|c| c.is_alphanumeric())
}

/// Escapes what Markdown would read as markup at the start of a plain-text line.
fn plain(line: &str) -> String {
    let mut s = line
        .replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('_', "\\_");
    if s.starts_with('#') || s.starts_with('>') || s.starts_with('+') {
        s.insert(0, '\\');
    }
    s
}

pub fn import_text(text: &str, fallback_title: &str) -> Imported {
    let lines: Vec<&str> = text.lines().collect();
    let kept = chrome::cut(&lines);
    let mut blocks = blocks(&kept);
    let title = if blocks
        .first()
        .is_some_and(|b| b.len() == 1 && b[0].chars().count() <= 120)
    {
        blocks.remove(0).remove(0)
    } else {
        fallback_title.to_string()
    };
    let mut md: Vec<String> = Vec::new();
    for block in blocks {
        if block.iter().all(|l| bullet(l).is_some()) {
            md.push(
                block
                    .iter()
                    .map(|l| format!("- {}", plain(bullet(l).unwrap_or(l))))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        } else if block.iter().all(|l| numbered(l).is_some()) {
            md.push(
                block
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{}. {}", i + 1, plain(numbered(l).unwrap_or(l))))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        } else if is_heading(&block) {
            md.push(format!("## {}", plain(block[0].trim_end_matches(':'))));
        } else if block
            .iter()
            .all(|l| l.starts_with('"') || l.starts_with('“'))
        {
            md.push(
                block
                    .iter()
                    .map(|l| format!("> {}", plain(l)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        } else if block.len() == 1 && block[0].to_lowercase().starts_with("by") {
            md.push(format!("*{}*", plain(&block[0])));
        } else {
            md.push(
                block
                    .iter()
                    .map(|l| plain(l))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    }
    Imported {
        title,
        markdown: join_lists(md),
    }
}

/// Separate single-item lists that were one list with blank lines between items are joined,
/// so "- Grief\n\n- Crime" becomes one list.
fn join_lists(blocks: Vec<String>) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        let is_list = block.starts_with("- ");
        match out.last_mut() {
            Some(prev) if is_list && prev.starts_with("- ") => {
                prev.push('\n');
                prev.push_str(&block);
            }
            _ => out.push(block),
        }
    }
    out.join("\n\n") + "\n"
}

pub fn import_markdown(text: &str, fallback_title: &str) -> Imported {
    let lines: Vec<&str> = text.lines().collect();
    let kept = chrome::cut(&lines);
    let mut title = None;
    let mut body: Vec<&str> = Vec::new();
    for line in kept {
        match line.strip_prefix("# ") {
            Some(t) if title.is_none() && !t.trim().is_empty() => {
                title = Some(t.trim().to_string())
            }
            _ => body.push(line),
        }
    }
    let markdown = body.join("\n").trim().to_string() + "\n";
    Imported {
        title: title.unwrap_or_else(|| fallback_title.to_string()),
        markdown,
    }
}
