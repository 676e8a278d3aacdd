//! Message catalogs (`src/i18n/catalogs/*.json`): reading a catalog, parsing its messages and
//! checking it against English. Compiled into `build.rs`, which turns the catalogs into Rust
//! constants, and into the native tests; never into the widget (no catalog parsing at run time).
//!
//! A catalog is a JSON object: `"@language": {"tag": "pt-BR", "direction": "ltr"}`, then one
//! string per message key. A message is text with `{name}` placeholders and plurals in the ICU
//! MessageFormat form `{count, plural, one {# problem} other {# problems}}`, where `#` is the
//! number and a form is chosen by an exact value (`=0`) or by the CLDR category of the number
//! (`plural.rs`). Braces are never literal text; apostrophes are plain text.

use std::collections::{BTreeMap, BTreeSet};

use super::plural::{rule_for, PluralCategory, Selector};

/// One piece of a parsed message.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    /// `{name}`: the value given for `name`.
    Value(String),
    /// `#` inside a plural form: the number the plural is chosen by.
    Number,
    Plural {
        on: String,
        forms: Vec<(Selector, Vec<Piece>)>,
    },
}

/// A catalog as read from its file.
#[derive(Debug)]
pub struct Catalog {
    /// The file name (`fr.json`), for messages.
    pub file: String,
    /// BCP 47 tag of the language (`fr`, `pt-BR`).
    pub tag: String,
    pub right_to_left: bool,
    /// Every message that parsed, by key.
    pub messages: BTreeMap<String, Vec<Piece>>,
    /// Messages that did not parse: `key: problem`.
    pub unreadable: Vec<String>,
}

/// Reads a catalog file's text; `Err` when it is not a catalog at all (not JSON, no
/// `@language`). A message that does not parse is listed in `unreadable`, not fatal.
pub fn read_catalog(file: &str, json: &str) -> Result<Catalog, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|error| format!("{file}: not JSON: {error}"))?;
    let object = value
        .as_object()
        .ok_or_else(|| format!("{file}: not a JSON object"))?;
    let language = object
        .get("@language")
        .and_then(|language| language.as_object())
        .ok_or_else(|| format!("{file}: no \"@language\": {{\"tag\": …, \"direction\": …}}"))?;
    let tag = language
        .get("tag")
        .and_then(|tag| tag.as_str())
        .ok_or_else(|| format!("{file}: \"@language\" has no \"tag\""))?
        .to_string();
    let right_to_left = match language.get("direction").and_then(|d| d.as_str()) {
        Some("ltr") => false,
        Some("rtl") => true,
        _ => {
            return Err(format!(
                "{file}: \"direction\" is neither \"ltr\" nor \"rtl\""
            ))
        }
    };
    let mut catalog = Catalog {
        file: file.to_string(),
        tag,
        right_to_left,
        messages: BTreeMap::new(),
        unreadable: Vec::new(),
    };
    for (key, text) in object.iter().filter(|(key, _)| *key != "@language") {
        let parsed = match text.as_str() {
            Some(text) => parse_message(text),
            None => Err("not a string".to_string()),
        };
        match parsed {
            Ok(pieces) => {
                catalog.messages.insert(key.clone(), pieces);
            }
            Err(problem) => catalog.unreadable.push(format!("{key}: {problem}")),
        }
    }
    Ok(catalog)
}

/// Everything wrong with `catalog` next to `english`: unreadable messages, missing and extra
/// keys, placeholders that differ, plurals without every form of the language or with forms it
/// does not have. Empty when the catalog is complete.
pub fn check(english: &Catalog, catalog: &Catalog) -> Vec<String> {
    let file = &catalog.file;
    let mut problems: Vec<String> = catalog
        .unreadable
        .iter()
        .map(|problem| format!("{file}: {problem}"))
        .collect();
    let Some(rule) = rule_for(&catalog.tag) else {
        problems.push(format!(
            "{file}: no plural rule for \"{}\" (add its CLDR rule to src/i18n/plural.rs)",
            catalog.tag
        ));
        return problems;
    };
    for key in english.messages.keys() {
        if !catalog.messages.contains_key(key)
            && !catalog
                .unreadable
                .iter()
                .any(|u| u.starts_with(&format!("{key}:")))
        {
            problems.push(format!("{file}: missing \"{key}\""));
        }
    }
    for (key, pieces) in &catalog.messages {
        let Some(english_pieces) = english.messages.get(key) else {
            problems.push(format!("{file}: \"{key}\" is not an English key"));
            continue;
        };
        let (theirs, ours) = (placeholders(english_pieces), placeholders(pieces));
        if theirs != ours {
            problems.push(format!(
                "{file}: \"{key}\" has the placeholders {ours:?}, English has {theirs:?}"
            ));
        }
        check_plurals(pieces, rule.categories, &mut |problem| {
            problems.push(format!("{file}: \"{key}\": {problem}"))
        });
    }
    problems
}

/// The names of a message's placeholders, plural selectors included.
pub fn placeholders(pieces: &[Piece]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for piece in pieces {
        match piece {
            Piece::Value(name) => {
                names.insert(name.clone());
            }
            Piece::Plural { on, forms } => {
                names.insert(on.clone());
                for (_, form) in forms {
                    names.extend(placeholders(form));
                }
            }
            Piece::Text(_) | Piece::Number => {}
        }
    }
    names
}

fn check_plurals(pieces: &[Piece], categories: &[PluralCategory], report: &mut dyn FnMut(String)) {
    for piece in pieces {
        let Piece::Plural { on, forms } = piece else {
            continue;
        };
        let given: Vec<PluralCategory> = forms
            .iter()
            .filter_map(|(selector, _)| match selector {
                Selector::Category(category) => Some(*category),
                Selector::Exact(_) => None,
            })
            .collect();
        // A loop, not `join`: this file is also compiled into the widget, where std's generic
        // `join` would be compiled for this list alone.
        let keywords = |list: &mut dyn Iterator<Item = &PluralCategory>| {
            let mut joined = String::new();
            for category in list {
                if !joined.is_empty() {
                    joined.push_str(", ");
                }
                joined.push_str(category.keyword());
            }
            joined
        };
        let missing: Vec<PluralCategory> = categories
            .iter()
            .copied()
            .filter(|c| !given.contains(c))
            .collect();
        if !missing.is_empty() {
            report(format!(
                "the plural on {{{on}}} lacks the form(s) {} (this language has {})",
                keywords(&mut missing.iter()),
                keywords(&mut categories.iter())
            ));
        }
        let foreign: Vec<PluralCategory> = given
            .iter()
            .copied()
            .filter(|c| !categories.contains(c))
            .collect();
        if !foreign.is_empty() {
            report(format!(
                "the plural on {{{on}}} has the form(s) {}, which this language does not use (it has {})",
                keywords(&mut foreign.iter()),
                keywords(&mut categories.iter())
            ));
        }
        let mut seen = Vec::new();
        for (selector, form) in forms {
            if seen.contains(selector) {
                report(format!("the plural on {{{on}}} has {selector:?} twice"));
            }
            seen.push(*selector);
            check_plurals(form, categories, report);
        }
    }
}

/// Parses one message.
pub fn parse_message(text: &str) -> Result<Vec<Piece>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut position = 0;
    let pieces = parse_pieces(&chars, &mut position, false)?;
    match chars.get(position) {
        None => Ok(pieces),
        Some(_) => Err(format!("an unmatched '}}' at character {}", position + 1)),
    }
}

/// Pieces up to the end of the text or a closing brace (left unread); `#` is the number inside
/// a plural form.
fn parse_pieces(
    chars: &[char],
    position: &mut usize,
    in_plural: bool,
) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    while let Some(&c) = chars.get(*position) {
        match c {
            '}' => break,
            '{' => {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                *position += 1;
                pieces.push(parse_argument(chars, position)?);
            }
            '#' if in_plural => {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Number);
                *position += 1;
            }
            _ => {
                text.push(c);
                *position += 1;
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// After a `{`: `name}` or `name, plural, selector {form} … }`.
fn parse_argument(chars: &[char], position: &mut usize) -> Result<Piece, String> {
    let name = read_until(chars, position, &[',', '}'])?;
    let name = name.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!(
            "\"{{{name}\" is not a placeholder (lowercase letters, digits, _)"
        ));
    }
    if chars[*position] == '}' {
        *position += 1;
        return Ok(Piece::Value(name.to_string()));
    }
    *position += 1;
    let kind = read_until(chars, position, &[','])?;
    if kind.trim() != "plural" {
        return Err(format!(
            "{{{name}, {}…}}: only \"plural\" is known",
            kind.trim()
        ));
    }
    *position += 1;
    let mut forms = Vec::new();
    loop {
        skip_spaces(chars, position);
        match chars.get(*position) {
            None => return Err(format!("the plural on {{{name}}} has no closing '}}'")),
            Some('}') => {
                *position += 1;
                break;
            }
            Some(_) => {}
        }
        let keyword = read_until(chars, position, &['{', '}'])?;
        let keyword = keyword.trim();
        if chars[*position] == '}' {
            return Err(format!(
                "the plural on {{{name}}}: \"{keyword}\" has no {{form}}"
            ));
        }
        let selector = match keyword.strip_prefix('=') {
            Some(number) => Selector::Exact(number.parse().map_err(|_| {
                format!("the plural on {{{name}}}: \"{keyword}\" is not =number")
            })?),
            None => Selector::Category(PluralCategory::from_keyword(keyword).ok_or_else(|| {
                format!(
                    "the plural on {{{name}}}: \"{keyword}\" is not zero, one, two, few, many, other or =number"
                )
            })?),
        };
        *position += 1;
        let form = parse_pieces(chars, position, true)?;
        if chars.get(*position) != Some(&'}') {
            return Err(format!(
                "a form of the plural on {{{name}}} has no closing '}}'"
            ));
        }
        *position += 1;
        forms.push((selector, form));
    }
    if !forms
        .iter()
        .any(|(selector, _)| *selector == Selector::Category(PluralCategory::Other))
    {
        return Err(format!("the plural on {{{name}}} has no \"other\" form"));
    }
    Ok(Piece::Plural {
        on: name.to_string(),
        forms,
    })
}

/// The text up to (not including) one of `stops`; an error at the end of the message.
fn read_until(chars: &[char], position: &mut usize, stops: &[char]) -> Result<String, String> {
    let start = *position;
    while let Some(c) = chars.get(*position) {
        if stops.contains(c) {
            return Ok(chars[start..*position].iter().collect());
        }
        if *c == '{' || *c == '}' {
            break;
        }
        *position += 1;
    }
    let seen: String = chars[start..*position].iter().collect();
    Err(format!("\"{{{seen}\" is not closed"))
}

fn skip_spaces(chars: &[char], position: &mut usize) {
    while chars.get(*position).is_some_and(|c| c.is_whitespace()) {
        *position += 1;
    }
}
