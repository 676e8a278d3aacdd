//! Plural rules: which CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`) a
//! whole number falls in, for each language a catalog may be written in.
//!
//! Compiled twice: into the widget, which picks a message's form at run time, and into
//! `build.rs`, which checks that every plural in a catalog has the forms of its language.
//! The rules are CLDR's for whole numbers (the widget's counts are never fractions); CLDR's
//! `many` for exact millions in compact notation (French, Spanish, Portuguese, Italian) is not
//! used: a million takes the `other` form.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category's CLDR keyword, as catalogs write it.
    pub fn keyword(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category named by a CLDR keyword.
    pub fn from_keyword(keyword: &str) -> Option<PluralCategory> {
        [
            PluralCategory::Zero,
            PluralCategory::One,
            PluralCategory::Two,
            PluralCategory::Few,
            PluralCategory::Many,
            PluralCategory::Other,
        ]
        .into_iter()
        .find(|category| category.keyword() == keyword)
    }
}

/// What picks one form of a plural: an exact number (`=0`) or a category (`one`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    Exact(u64),
    Category(PluralCategory),
}

/// One language family's rule: the categories its plurals must have, and the selection.
pub struct PluralRule {
    /// The name of the selecting function in this file (build.rs writes it into the catalogs).
    pub function: &'static str,
    pub categories: &'static [PluralCategory],
    pub select: fn(u64) -> PluralCategory,
}

use PluralCategory::{Few, Many, One, Other, Two, Zero};

/// The rule of a BCP 47 tag, by its primary language subtag (`pt-BR` and `pt` are Portuguese);
/// `None` for a language with no rule here yet (add its CLDR rule to `RULES`).
pub fn rule_for(tag: &str) -> Option<&'static PluralRule> {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    RULES
        .iter()
        .find(|(languages, _)| languages.contains(&primary.as_str()))
        .map(|(_, rule)| rule)
}

/// Primary language subtags and their rule (CLDR plural rules, whole numbers).
pub const RULES: &[(&[&str], PluralRule)] = &[
    (
        &[
            "en", "es", "de", "nl", "it", "sv", "da", "nb", "nn", "no", "fi", "et", "el", "hu",
            "tr", "bg", "ca", "eu", "gl",
        ],
        PluralRule {
            function: "one_is_one",
            categories: &[One, Other],
            select: one_is_one,
        },
    ),
    (
        &["fr", "pt"],
        PluralRule {
            function: "zero_and_one_are_one",
            categories: &[One, Other],
            select: zero_and_one_are_one,
        },
    ),
    (
        &["ar"],
        PluralRule {
            function: "arabic",
            categories: &[Zero, One, Two, Few, Many, Other],
            select: arabic,
        },
    ),
    (
        &["ru", "uk"],
        PluralRule {
            function: "east_slavic",
            categories: &[One, Few, Many, Other],
            select: east_slavic,
        },
    ),
    (
        &["pl"],
        PluralRule {
            function: "polish",
            categories: &[One, Few, Many, Other],
            select: polish,
        },
    ),
    (
        &["zh", "ja", "ko", "vi", "th", "id", "ms"],
        PluralRule {
            function: "no_plural",
            categories: &[Other],
            select: no_plural,
        },
    ),
];

/// English, Spanish, German…: `one` for 1, else `other`.
pub fn one_is_one(n: u64) -> PluralCategory {
    if n == 1 {
        One
    } else {
        Other
    }
}

/// French, Portuguese (Brazil): `one` for 0 and 1, else `other`.
pub fn zero_and_one_are_one(n: u64) -> PluralCategory {
    if n <= 1 {
        One
    } else {
        Other
    }
}

/// Arabic: 0 `zero`, 1 `one`, 2 `two`, 3–10 `few`, 11–99 `many` (by the last two digits), else
/// `other` (100, 101, 102…).
pub fn arabic(n: u64) -> PluralCategory {
    match (n, n % 100) {
        (0, _) => Zero,
        (1, _) => One,
        (2, _) => Two,
        (_, 3..=10) => Few,
        (_, 11..=99) => Many,
        _ => Other,
    }
}

/// Russian, Ukrainian: 1, 21, 31… `one`; 2–4, 22–24… `few`; the rest of the whole numbers `many`.
pub fn east_slavic(n: u64) -> PluralCategory {
    match (n % 10, n % 100) {
        (1, last_two) if last_two != 11 => One,
        (2..=4, last_two) if !(12..=14).contains(&last_two) => Few,
        _ => Many,
    }
}

/// Polish: 1 `one`; 2–4, 22–24… `few`; the rest of the whole numbers `many`.
pub fn polish(n: u64) -> PluralCategory {
    match (n, n % 10, n % 100) {
        (1, _, _) => One,
        (_, 2..=4, last_two) if !(12..=14).contains(&last_two) => Few,
        _ => Many,
    }
}

/// Chinese, Japanese, Korean…: one form.
pub fn no_plural(_n: u64) -> PluralCategory {
    Other
}
