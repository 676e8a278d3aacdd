//! The HTML a GIFT text may hold (`[html]`, or tags in the default `[moodle]` format) to bank
//! Markdown: paragraphs, line breaks, lists, bold, italic, code, links and images are kept;
//! every other tag is dropped with its text kept, and said so. Nothing becomes HTML: the text
//! between tags is escaped Markdown.

use crate::import::escape_markdown;

/// Converts `html` (math already taken out) to Markdown; `changed` hears of every tag dropped.
pub(super) fn html_to_markdown(html: &str, changed: &mut dyn FnMut(String)) -> String {
    let mut out = String::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut list_depth_ordered: Vec<(bool, usize)> = Vec::new();
    let mut link_targets: Vec<Option<String>> = Vec::new();
    let mut skipping_until: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            if skipping_until.is_none() {
                push_text(&mut out, rest);
            }
            break;
        };
        if skipping_until.is_none() {
            push_text(&mut out, &rest[..open]);
        }
        let tag_text = &rest[open..];
        let Some(close) = tag_text.find('>') else {
            push_text(&mut out, tag_text);
            break;
        };
        let tag = Tag::read(&tag_text[1..close]);
        rest = &tag_text[close + 1..];
        if let Some(until) = &skipping_until {
            if tag.closing && &tag.name == until {
                skipping_until = None;
            }
            continue;
        }
        match (tag.name.as_str(), tag.closing) {
            ("br", _) => out.push_str("\\\n"),
            ("p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote", _) => {
                out.push_str("\n\n")
            }
            ("b" | "strong", _) => out.push_str("**"),
            ("i" | "em", _) => out.push('*'),
            ("code", _) => out.push('`'),
            ("ul" | "ol", false) => {
                list_depth_ordered.push((tag.name == "ol", 0));
                out.push_str("\n\n");
            }
            ("ul" | "ol", true) => {
                list_depth_ordered.pop();
                out.push_str("\n\n");
            }
            ("li", false) => {
                let indent = "  ".repeat(list_depth_ordered.len().saturating_sub(1));
                let marker = match list_depth_ordered.last_mut() {
                    Some((true, count)) => {
                        *count += 1;
                        format!("{count}.")
                    }
                    _ => "-".to_string(),
                };
                out.push_str(&format!("\n{indent}{marker} "));
            }
            ("li", true) => {}
            ("a", false) => {
                link_targets.push(tag.attribute("href"));
                out.push('[');
            }
            ("a", true) => match link_targets.pop().flatten() {
                Some(href) => out.push_str(&format!("]({href})")),
                None => out.push(']'),
            },
            ("img", _) => {
                let src = tag.attribute("src").unwrap_or_default();
                let src = src.trim_start_matches("@@PLUGINFILE@@/").to_string();
                let alt = tag.attribute("alt").unwrap_or_default();
                if alt.trim().is_empty() {
                    changed(format!(
                        "the image {src} has no alt text; write one in the bank"
                    ));
                }
                changed(format!(
                    "the image {src} is not inside the GIFT file: copy it next to the bank"
                ));
                out.push_str(&format!(
                    "\n\n![{}]({src})\n\n",
                    escape_markdown(alt.trim())
                ));
            }
            ("script" | "style", false) => {
                changed(format!("a <{}> element is left out", tag.name));
                skipping_until = Some(tag.name.clone());
            }
            ("span" | "font" | "u" | "small" | "big", _) | ("", _) => {}
            (name, false) => {
                if !dropped.iter().any(|seen| seen == name) {
                    dropped.push(name.to_string());
                }
            }
            (_, true) => {}
        }
    }
    for name in dropped {
        changed(format!(
            "the HTML tag <{name}> has no Markdown equivalent; its text is kept"
        ));
    }
    let mut converted = tidy(&out);
    // The text around math keeps its spaces.
    if html.starts_with(char::is_whitespace) && !converted.is_empty() {
        converted.insert(0, ' ');
    }
    if html.ends_with(char::is_whitespace) && !converted.is_empty() {
        converted.push(' ');
    }
    converted
}

/// Text between tags: entities decoded, runs of white space as one space, Markdown escaped.
fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    let mut collapsed = String::new();
    for character in decoded.chars() {
        if character.is_whitespace() && character != '\u{a0}' {
            let after_space = collapsed.ends_with(' ');
            let at_start_of_line = collapsed.is_empty() && ends_with_break(out);
            if !(after_space || at_start_of_line) {
                collapsed.push(' ');
            }
        } else {
            collapsed.push(character);
        }
    }
    out.push_str(&escape_markdown(&collapsed));
}

fn ends_with_break(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n') || out.ends_with(' ')
}

/// `&amp; &lt; &gt; &quot; &apos; &#39; &nbsp;` and numeric references; others stay as written.
pub(super) fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|end| *end <= 10);
        let character = end.and_then(|end| match &after[..end] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            name => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (character, end) {
            (Some(character), Some(end)) => {
                decoded.push(character);
                rest = &after[end + 1..];
            }
            _ => {
                decoded.push('&');
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

struct Tag {
    name: String,
    closing: bool,
    source: String,
}

impl Tag {
    fn read(inside: &str) -> Tag {
        let closing = inside.starts_with('/');
        let body = inside.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        Tag {
            name,
            closing,
            source: body.to_string(),
        }
    }

    /// The value of `name="…"` (or `'…'`), entities decoded.
    fn attribute(&self, name: &str) -> Option<String> {
        let lower = self.source.to_ascii_lowercase();
        let mut search = 0;
        while let Some(found) = lower[search..].find(name) {
            let at = search + found;
            search = at + name.len();
            let before_ok = lower[..at].ends_with(char::is_whitespace);
            let after = lower[search..].trim_start();
            if !before_ok || !after.starts_with('=') {
                continue;
            }
            let value_start = self.source.len() - after.len() + 1;
            let value = self.source[value_start..].trim_start();
            let (quote, body) = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => (Some(quote), &value[1..]),
                _ => (None, value),
            };
            let end = match quote {
                Some(quote) => body.find(quote).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '/')
                    .unwrap_or(body.len()),
            };
            return Some(decode_entities(&body[..end]));
        }
        None
    }
}

/// At most one blank line in a row; no white space at the ends of lines or of the text.
fn tidy(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let line = if line.ends_with("\\") {
            line.trim_start()
        } else {
            line.trim()
        };
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines
        .last()
        .is_some_and(|last| last.is_empty() || *last == "\\")
    {
        lines.pop();
    }
    lines.join("\n")
}
