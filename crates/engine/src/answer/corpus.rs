//! The judging corpus: how learners really type answers (spaces, separators, signs, forms,
//! units, invisible characters, equations, lists, intervals), in English, French and Arabic
//! banks, for every item type, with the verdict and reason each must get. The cases are tables
//! in `corpus/*.tsv`, read by one test; each line is one case, judged exactly as `try-answers`
//! and the widget judge (`response_from_line`, `check_response_with`).
//!
//! Table lines, tab-separated (`#` starts a comment line):
//! - `bank  LANGUAGE  [either]`: the bank of the following items (`either`: an ambiguous
//!   number is right when either reading is);
//! - `item  NAME  JSON`: an item's kind, as in a bank;
//! - `NAME[#STEP]  INPUT  VERDICT  REASON`: a case. In INPUT, `\u{200B}` stands for that
//!   character, so that invisible ones can be seen.

use std::collections::BTreeMap;

use crate::answer::{check_response_with, response_from_line, verdict_names, Reading};
use crate::bank::ItemKind;

const TABLES: &[(&str, &str)] = &[
    ("en.tsv", include_str!("corpus/en.tsv")),
    ("fr.tsv", include_str!("corpus/fr.tsv")),
    ("ar.tsv", include_str!("corpus/ar.tsv")),
];

/// Replaces `\u{XXXX}` by the character.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\\u{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let end = after.find('}').expect("an escape is closed with }");
        let code = u32::from_str_radix(&after[..end], 16).expect("an escape is hexadecimal");
        out.push(char::from_u32(code).expect("an escape is a character"));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

struct CorpusItem {
    kind: ItemKind,
    reading: Reading,
    language: String,
}

#[test]
fn every_case_of_the_judging_corpus_holds() {
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut per_language: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_type: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut per_verdict: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (file, table) in TABLES {
        let mut items: BTreeMap<String, CorpusItem> = BTreeMap::new();
        let (mut language, mut reading) = ("en".to_string(), Reading::default());
        for (number, line) in table.lines().enumerate() {
            let place = format!("{file}:{}", number + 1);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["bank", code, options @ ..] => {
                    language = code.to_string();
                    reading = Reading {
                        either_number_reading: options.contains(&"either"),
                        ..Reading::of_language(Some(code))
                    };
                }
                ["item", name, json] => {
                    let kind: ItemKind = serde_json::from_str(json)
                        .unwrap_or_else(|e| panic!("{place}: the item does not parse: {e}"));
                    let item = CorpusItem {
                        kind,
                        reading,
                        language: language.clone(),
                    };
                    assert!(
                        items.insert(name.to_string(), item).is_none(),
                        "{place}: {name} is defined twice"
                    );
                }
                [name, input, verdict, reason] => {
                    let (item_name, step) = match name.split_once('#') {
                        Some((item, step)) => (item, Some(step.parse::<usize>().unwrap())),
                        None => (*name, None),
                    };
                    let item = items
                        .get(item_name)
                        .unwrap_or_else(|| panic!("{place}: no item {item_name}"));
                    let kind = match (&item.kind, step) {
                        (ItemKind::MultiStep { steps }, Some(step)) => &steps[step - 1].kind,
                        (kind, _) => kind,
                    };
                    let input = unescape(input);
                    let response = response_from_line(kind, &input);
                    let result = check_response_with(kind, &response, &item.reading);
                    let (got_verdict, got_reason) = verdict_names(&result);
                    cases += 1;
                    *per_language.entry(item.language.clone()).or_default() += 1;
                    *per_type.entry(item.kind.type_name()).or_default() += 1;
                    *per_verdict.entry(got_verdict).or_default() += 1;
                    if (got_verdict, got_reason) != (*verdict, *reason) {
                        failures.push(format!(
                            "{place}: {name} {input:?}: expected {verdict} {reason}, got {got_verdict} {got_reason}"
                        ));
                    }
                }
                _ => panic!("{place}: a line has 3 or 4 tab-separated fields: {line:?}"),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cases >= 600, "the corpus has {cases} cases, fewer than 600");
    assert_eq!(per_type.len(), 9, "every item type has cases: {per_type:?}");
    for language in ["en", "fr", "ar"] {
        assert!(
            per_language.get(language).is_some_and(|&n| n >= 100),
            "{language} has too few cases: {per_language:?}"
        );
    }
    for verdict in ["right", "wrong", "partial", "unreadable"] {
        assert!(per_verdict.contains_key(verdict), "no {verdict} case");
    }
}
