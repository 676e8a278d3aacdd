//! Compiles the message catalogs (`src/i18n/catalogs/*.json`) into Rust: the `Words` struct (one
//! field per English key) and one constant per language, written to `$OUT_DIR/words.rs` and
//! included by `src/i18n.rs`. Only English is compiled into the widget's wasm; the other
//! languages' constants are for the native tests. For the widget, each other language is also
//! written precompiled to `$OUT_DIR/i18n/<tag>.json` (`scripts/build.sh` copies them to
//! `pkg/i18n/`), fetched only when a widget speaks it and read by `src/i18n/fetched.rs`, which
//! fills the table through the generated `message_slot`: no catalog syntax is parsed at run time.
//!
//! The stylesheet is written to `$OUT_DIR/widget.min.css` without comments and needless spaces
//! (`src/css_minify.rs`), for the element module (`scripts/inline-stylesheet.mjs` writes it in).
//!
//! A catalog with problems still builds: each missing or faulty message falls back to English,
//! with a cargo warning; the native test `every_catalog_matches_english` fails on the same
//! problems (`src/i18n/catalog.rs` checks both).

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)] // the selecting functions are for the widget; the build reads the tables
#[path = "src/i18n/plural.rs"]
mod plural;

#[path = "src/i18n/catalog.rs"]
mod catalog;

#[path = "src/css_minify.rs"]
mod css_minify;

use catalog::{Catalog, Piece};
use plural::Selector;

const CATALOGS: &str = "src/i18n/catalogs";

fn main() {
    println!("cargo:rerun-if-changed={CATALOGS}");
    println!("cargo:rerun-if-changed=src/i18n/catalog.rs");
    println!("cargo:rerun-if-changed=src/i18n/plural.rs");
    println!("cargo:rerun-if-changed=src/widget.css");
    println!("cargo:rerun-if-changed=src/css_minify.rs");
    let catalogs = read_catalogs(Path::new(CATALOGS));
    let tables = tables(&catalogs);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("words.rs"), generate(&tables))
        .expect("OUT_DIR is writable");
    let css = std::fs::read_to_string("src/widget.css").expect("src/widget.css is readable");
    std::fs::write(
        Path::new(&out).join("widget.min.css"),
        css_minify::minify_css(&css),
    )
    .expect("OUT_DIR is writable");
    let folder = Path::new(&out).join("i18n");
    std::fs::create_dir_all(&folder).expect("OUT_DIR is writable");
    for (tag, json) in catalog_files(&tables) {
        std::fs::write(folder.join(format!("{tag}.json")), json).expect("OUT_DIR is writable");
    }
}

/// Every catalog, English first, then by file name. A file that is not a catalog stops the build.
fn read_catalogs(folder: &Path) -> Vec<Catalog> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort_by_key(|path| (path.file_name() != Some("en.json".as_ref()), path.clone()));
    files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            catalog::read_catalog(&name, &text).unwrap_or_else(|problem| panic!("{problem}"))
        })
        .collect()
}

/// The catalogs as the widget uses them: English's keys in order, each with whether it is a
/// plural `Message`, and each language's pieces per key (its own when they pass, else English's).
struct Tables<'a> {
    keys: Vec<(&'a str, bool)>,
    languages: Vec<(&'a Catalog, Vec<Vec<Piece>>)>,
}

fn tables(catalogs: &[Catalog]) -> Tables<'_> {
    let english = catalogs
        .first()
        .filter(|catalog| catalog.file == "en.json")
        .unwrap_or_else(|| panic!("{CATALOGS}/en.json is missing"));
    for problem in catalogs
        .iter()
        .flat_map(|catalog| catalog::check(english, catalog))
    {
        println!("cargo:warning=i18n: {problem} (English used instead where it matters)");
    }
    let used = |catalog: &Catalog, key: &str| -> Vec<Piece> {
        let english_pieces = &english.messages[key];
        catalog
            .messages
            .get(key)
            .filter(|pieces| catalog::placeholders(pieces) == catalog::placeholders(english_pieces))
            .unwrap_or(english_pieces)
            .clone()
    };
    let languages: Vec<(&Catalog, Vec<Vec<Piece>>)> = catalogs
        .iter()
        .map(|catalog| {
            let pieces = english.messages.keys().map(|key| used(catalog, key));
            (catalog, pieces.collect())
        })
        .collect();
    // A key is a `Message` when some language gives it a plural; else it is a template string
    // (`{name}` placeholders, filled by `fill`), which costs the widget nothing beyond its text.
    let keys = english
        .messages
        .keys()
        .enumerate()
        .map(|(index, key)| {
            let plural = languages
                .iter()
                .any(|(_, pieces)| has_plural(&pieces[index]));
            (key.as_str(), plural)
        })
        .collect();
    Tables { keys, languages }
}

/// A fingerprint of the keys and their kinds: a catalog file is read only by the build that
/// wrote it (a file left in a cache from another version is not taken for this one).
fn format_of(keys: &[(&str, bool)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (key, plural) in keys {
        for byte in key.bytes().chain([u8::from(*plural), b';']) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Where the plural messages start in `MESSAGE_PLACES` (the templates before them).
const PLURAL_PLACE: usize = 192;

/// How many templates and plural messages a table has.
fn slots(keys: &[(&str, bool)]) -> (usize, usize) {
    let plurals = keys.iter().filter(|(_, plural)| *plural).count();
    (keys.len() - plurals, plurals)
}

fn generate(Tables { keys, languages }: &Tables) -> String {
    // The messages sit in two arrays, templates and plural messages, each read by a method named
    // after its key: a catalog file's messages are put in place through a table of positions
    // (`message_slot`), where a `match` over a field per key cost 1.3 KB gzipped of wasm.
    let (texts, plurals) = slots(keys);
    let mut code = format!(
        "/// Every sentence the widget shows, in one language (generated by build.rs from\n\
         /// src/i18n/catalogs/*.json): each read by the method named after its key.\n\
         #[derive(Clone, Copy)]\npub struct Words {{\n\
         \x20   /// BCP 47 tag of this table, and its writing direction.\n\
         \x20   pub tag: &'static str,\n    pub right_to_left: bool,\n\
         \x20   /// The templates, in key order.\n    texts: [&'static str; {texts}],\n\
         \x20   /// The plural messages, in key order.\n    plurals: [Message; {plurals}],\n}}\n\n\
         impl Words {{\n"
    );
    let mut text_index = 0;
    let mut plural_index = 0;
    for (key, plural) in keys {
        if *plural {
            writeln!(
                code,
                "    pub const fn {key}(&self) -> Message {{\n        self.plurals[{plural_index}]\n    }}"
            )
            .unwrap();
            plural_index += 1;
        } else {
            writeln!(
                code,
                "    pub const fn {key}(&self) -> &'static str {{\n        self.texts[{text_index}]\n    }}"
            )
            .unwrap();
            text_index += 1;
        }
    }
    code.push_str("}\n\n");
    for (catalog, pieces) in languages {
        let rule = plural::rule_for(&catalog.tag).map_or("no_plural", |rule| rule.function);
        // English is the widget's own; the others reach it as files, and the tests as constants.
        if catalog.file != "en.json" {
            code.push_str("#[cfg(test)]\n");
        }
        writeln!(code, "/// {} ({}).", catalog.tag, catalog.file).unwrap();
        writeln!(
            code,
            "pub const {}: Words = Words {{",
            constant_name(&catalog.tag)
        )
        .unwrap();
        writeln!(code, "    tag: {:?},", catalog.tag).unwrap();
        writeln!(code, "    right_to_left: {},", catalog.right_to_left).unwrap();
        for kind_is_plural in [false, true] {
            code.push_str(if kind_is_plural {
                "    plurals: [\n"
            } else {
                "    texts: [\n"
            });
            for ((key, plural), pieces) in keys.iter().zip(pieces) {
                if *plural != kind_is_plural {
                    continue;
                }
                let value = if *plural {
                    format!(
                        "Message {{ pieces: {}, rule: plural::{rule} }}",
                        pieces_code(pieces)
                    )
                } else {
                    format!("{:?}", template(pieces))
                };
                writeln!(code, "        // {key}\n        {value},").unwrap();
            }
            code.push_str("    ],\n");
        }
        code.push_str("};\n\n");
    }
    let tags: Vec<String> = languages
        .iter()
        .map(|(catalog, _)| format!("{:?}", catalog.tag))
        .collect();
    writeln!(
        code,
        "/// The languages shipped, English first: the widget has English, fetches the others.\n\
         pub const SHIPPED: [&str; {}] = [{}];\n",
        tags.len(),
        tags.join(", ")
    )
    .unwrap();
    writeln!(
        code,
        "/// Every table, English first (the tests').\n#[cfg(test)]\n\
         pub const LANGUAGES: [&Words; {}] = [{}];\n",
        languages.len(),
        languages
            .iter()
            .map(|(catalog, _)| format!("&{}", constant_name(&catalog.tag)))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(
        code,
        "/// The fingerprint of the keys a catalog file must have been written for.\n\
         pub const CATALOG_FORMAT: &str = {:?};\n",
        format_of(keys)
    )
    .unwrap();
    // Where each message of a catalog file goes, by its position (key order): a table of places in
    // the two arrays, so filling a table costs one loop (a struct literal of the messages cost
    // kilobytes of wasm, a `match` returning each field 1.3 KB gzipped).
    writeln!(
        code,
        "/// How many messages a table has (a catalog file has them in key order).\n\
         pub const MESSAGE_COUNT: usize = {};\n",
        keys.len()
    )
    .unwrap();
    let mut places = Vec::new();
    let (mut text_index, mut plural_index) = (0, PLURAL_PLACE);
    for (_, plural) in keys {
        let index = if *plural {
            &mut plural_index
        } else {
            &mut text_index
        };
        places.push(index.to_string());
        *index += 1;
    }
    assert!(
        texts <= PLURAL_PLACE && plurals <= 256 - PLURAL_PLACE,
        "{texts} templates and {plurals} plural messages: move PLURAL_PLACE or widen MESSAGE_PLACES"
    );
    writeln!(
        code,
        "/// Each message's place in key order: its index in `texts`, or {PLURAL_PLACE} + its index in\n\
         /// `plurals`.\nconst MESSAGE_PLACES: [u8; {}] = [{}];\n\n\
         /// The field of the message at `position` in key order (`fetched.rs` fills them).\n\
         fn message_slot(words: &mut Words, position: usize) -> Option<fetched::Slot<'_>> {{\n    \
         let place = usize::from(*MESSAGE_PLACES.get(position)?);\n    \
         Some(match place.checked_sub({PLURAL_PLACE}) {{\n        \
         None => fetched::Slot::Text(words.texts.get_mut(place)?),\n        \
         Some(index) => fetched::Slot::Plural(words.plurals.get_mut(index)?),\n    \
         }})\n}}\n",
        keys.len(),
        places.join(", ")
    )
    .unwrap();
    // For the tests: every field of a table as text, to compare a fetched table with its constant.
    code.push_str(
        "/// Every field of a table as text: templates as they are, messages as their pieces and\n\
         /// the plural category their rule gives 0 to 200.\n#[cfg(test)]\n\
         pub fn fields_as_text(words: &Words) -> Vec<String> {\n    \
         let message = |m: &Message| format!(\"{:?} {:?}\", m.pieces, (0..=200).map(m.rule).collect::<Vec<_>>());\n    \
         vec![\n        words.tag.to_string(),\n        words.right_to_left.to_string(),\n",
    );
    for (key, plural) in keys {
        if *plural {
            writeln!(code, "        message(&words.{key}()),").unwrap();
        } else {
            writeln!(code, "        words.{key}().to_string(),").unwrap();
        }
    }
    code.push_str("    ]\n}\n");
    code
}

/// Each language but English as the JSON file the widget fetches: `format`, `tag`, `rtl` and
/// `messages`, one per key in order: a template is a string, a plural message an array of
/// pieces (a string of text, `0` for the number, `[name, [[selector, pieces], …]]` for a plural,
/// where a selector is a number for `=n` or a category keyword).
fn catalog_files(Tables { keys, languages }: &Tables) -> Vec<(String, String)> {
    let format = format_of(keys);
    languages
        .iter()
        .filter(|(catalog, _)| catalog.file != "en.json")
        .map(|(catalog, pieces)| {
            let messages: Vec<serde_json::Value> = keys
                .iter()
                .zip(pieces)
                .map(|((_, plural), pieces)| {
                    if *plural {
                        pieces_json(pieces)
                    } else {
                        serde_json::Value::String(template(pieces))
                    }
                })
                .collect();
            let file = serde_json::json!({
                "format": format,
                "tag": catalog.tag,
                "rtl": catalog.right_to_left,
                "messages": messages,
            });
            (catalog.tag.clone(), file.to_string())
        })
        .collect()
}

/// A plural message's pieces as JSON (`catalog_files`): runs of text and placeholders as strings.
fn pieces_json(pieces: &[Piece]) -> serde_json::Value {
    let mut parts: Vec<serde_json::Value> = Vec::new();
    let mut run: Vec<Piece> = Vec::new();
    let flush = |run: &mut Vec<Piece>, parts: &mut Vec<serde_json::Value>| {
        if !run.is_empty() {
            parts.push(serde_json::Value::String(template(run)));
            run.clear();
        }
    };
    for piece in pieces {
        match piece {
            Piece::Text(_) | Piece::Value(_) => run.push(piece.clone()),
            Piece::Number => {
                flush(&mut run, &mut parts);
                parts.push(serde_json::json!(0));
            }
            Piece::Plural { on, forms } => {
                flush(&mut run, &mut parts);
                let forms: Vec<serde_json::Value> = forms
                    .iter()
                    .map(|(selector, form)| {
                        let selector = match selector {
                            Selector::Exact(n) => serde_json::json!(n),
                            Selector::Category(category) => serde_json::json!(category.keyword()),
                        };
                        serde_json::json!([selector, pieces_json(form)])
                    })
                    .collect();
                parts.push(serde_json::json!([on, forms]));
            }
        }
    }
    flush(&mut run, &mut parts);
    serde_json::Value::Array(parts)
}

/// `pt-BR` → `PT_BR`.
fn constant_name(tag: &str) -> String {
    tag.to_ascii_uppercase().replace('-', "_")
}

fn has_plural(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .any(|piece| matches!(piece, Piece::Plural { .. }))
}

/// Text and placeholders as one template string (`Hello {name}`): braces are never text.
fn template(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.clone(),
            Piece::Value(name) => format!("{{{name}}}"),
            Piece::Number | Piece::Plural { .. } => unreachable!("only runs of text are templates"),
        })
        .collect()
}

/// The Rust of a plural message's pieces: each run of text and placeholders is one template.
fn pieces_code(pieces: &[Piece]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<Piece> = Vec::new();
    let flush = |run: &mut Vec<Piece>, parts: &mut Vec<String>| {
        if !run.is_empty() {
            parts.push(format!("Piece::Text({:?})", template(run)));
            run.clear();
        }
    };
    for piece in pieces {
        match piece {
            Piece::Text(_) | Piece::Value(_) => run.push(piece.clone()),
            Piece::Number => {
                flush(&mut run, &mut parts);
                parts.push("Piece::Number".to_string());
            }
            Piece::Plural { on, forms } => {
                flush(&mut run, &mut parts);
                let forms: Vec<String> = forms
                    .iter()
                    .map(|(selector, form)| {
                        let selector = match selector {
                            Selector::Exact(n) => format!("Selector::Exact({n})"),
                            Selector::Category(category) => {
                                format!("Selector::Category(PluralCategory::{category:?})")
                            }
                        };
                        format!("({selector}, {})", pieces_code(form))
                    })
                    .collect();
                parts.push(format!("Piece::Plural({on:?}, &[{}])", forms.join(", ")));
            }
        }
    }
    flush(&mut run, &mut parts);
    format!("&[{}]", parts.join(", "))
}
