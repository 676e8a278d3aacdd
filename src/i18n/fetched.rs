//! The languages other than English, fetched when a widget first speaks one. `build.rs` writes
//! each as `pkg/i18n/<tag>.json` (its messages already compiled: runs of text, numbers and
//! plural forms), so the wasm carries English alone. A file is fetched and read once per page;
//! its table then lives as long as the page's module does (leaked on purpose, one per language).
//! A file that cannot be fetched or read leaves the widget in English; a page in its place (a
//! single-page-app server's fallback) is also said in the console.

use std::cell::RefCell;

use adaptive_practice_engine::json::{self, Json};

use super::plural::{self, PluralCategory, Selector};
use super::{message_slot, shipped_tag, Message, Piece, Words, CATALOG_FORMAT, MESSAGE_COUNT};

thread_local! {
    static LOADED: RefCell<Vec<&'static Words>> = const { RefCell::new(Vec::new()) };
}

/// The table of a shipped tag, when its file has been read on this page.
pub fn loaded(tag: &str) -> Option<&'static Words> {
    LOADED.with(|loaded| {
        loaded
            .borrow()
            .iter()
            .copied()
            .find(|words| words.tag == tag)
    })
}

/// Makes the table of `tag` (resolved as `words_for` resolves it) available to `words_for`,
/// fetching `{folder}{tag}.json` when it is not yet: nothing to do for English or a language not
/// shipped. Without a folder (a host that called `mountWidget` itself) the widget stays in English.
pub async fn fetch_language(tag: Option<&str>, folder: Option<&str>) {
    let (Some(tag), Some(folder)) = (shipped_tag(tag), folder) else {
        return;
    };
    if tag == super::ENGLISH.tag || loaded(tag).is_some() {
        return;
    }
    let url = format!("{folder}{tag}.json");
    let Ok(text) = crate::bank_source::fetch_text(&url).await else {
        return;
    };
    // Another widget of the page may have read it meanwhile.
    if loaded(tag).is_none() {
        match read_catalog_file(tag, &text) {
            Some(words) => {
                LOADED.with(|loaded| loaded.borrow_mut().push(Box::leak(Box::new(words))))
            }
            // A page where the file should be: a single-page-app server (Vite's dev server)
            // answers a missing file with its index.html. A failed fetch the browser reports.
            None if text.trim_start().starts_with('<') => crate::browser::warn(&format!(
                "adaptive-practice: {url} is a page, not a language file (a dev server's \
                 index.html fallback?): copy the package's i18n/ folder beside its wasm file. \
                 English meanwhile."
            )),
            None => {}
        }
    }
}

/// The table in a catalog file `build.rs` wrote for `tag`; `None` when the text is not one, or
/// was written for another version's keys (a copy left in a cache).
pub fn read_catalog_file(tag: &'static str, text: &str) -> Option<Words> {
    let file = json::parse(text).ok()?;
    if file.get("format")?.as_str()? != CATALOG_FORMAT || file.get("tag")?.as_str()? != tag {
        return None;
    }
    let right_to_left = matches!(file.get("rtl")?, Json::Bool(true));
    let rule = plural::rule_for(tag)
        .map_or(plural::no_plural as fn(u64) -> PluralCategory, |rule| {
            rule.select
        });
    let messages = file.get("messages")?.as_array()?;
    if messages.len() != MESSAGE_COUNT {
        return None;
    }
    // English's table copied whole (one copy of memory), then every message replaced.
    let mut words = *super::ENGLISH;
    words.tag = tag;
    words.right_to_left = right_to_left;
    for (position, message) in messages.iter().enumerate() {
        match message_slot(&mut words, position)? {
            Slot::Text(text) => *text = leak(message.as_str()?),
            Slot::Plural(plural) => {
                *plural = Message {
                    pieces: pieces(message)?,
                    rule,
                }
            }
        }
    }
    Some(words)
}

/// Where a message of a catalog file goes: a template's field or a plural message's.
pub(super) enum Slot<'a> {
    Text(&'a mut &'static str),
    Plural(&'a mut Message),
}

// The lists below are read in loops: a `collect` into an `Option` is compiled for each one.
fn pieces(value: &Json) -> Option<&'static [Piece]> {
    let mut pieces = Vec::new();
    for value in value.as_array()? {
        pieces.push(piece(value)?);
    }
    Some(pieces.leak())
}

/// A string of text, `0` for the number, or `[name, [[selector, pieces], …]]`.
fn piece(value: &Json) -> Option<Piece> {
    match value {
        Json::String(text) => Some(Piece::Text(leak(text))),
        Json::Number { .. } => Some(Piece::Number),
        Json::Array(parts) => {
            let [name, forms] = parts.as_slice() else {
                return None;
            };
            let name = name.as_str()?;
            let mut read = Vec::new();
            for value in forms.as_array()? {
                read.push(form(value)?);
            }
            Some(Piece::Plural(leak(name), read.leak()))
        }
        _ => None,
    }
}

/// `[selector, pieces]`: a selector is a number (`=n`) or a category keyword.
fn form(value: &Json) -> Option<(Selector, &'static [Piece])> {
    let [selector, form] = value.as_array()? else {
        return None;
    };
    let selector = match selector.as_u64() {
        Some(n) => Selector::Exact(n),
        None => Selector::Category(PluralCategory::from_keyword(selector.as_str()?)?),
    };
    Some((selector, pieces(form)?))
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.into())
}
