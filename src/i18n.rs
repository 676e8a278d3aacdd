//! The interface's words in several languages. Translators edit JSON message catalogs
//! (`i18n/catalogs/*.json`, see docs/translating.md); `build.rs` compiles English into a `Words`
//! constant, included here, and each other language into a file the widget fetches when it
//! speaks it (`fetched.rs`), so the widget never parses catalog syntax at run time.
//! A message with a plural (in any language) is a `Message`; the others are `&'static str`
//! templates with `{name}` placeholders. `fill` fills both. The table goes by one name
//! everywhere: the type `Words`, a value `words`. The language is the element's `lang`
//! attribute, else the bank's `language`, else English.

use adaptive_practice_engine::text_rules::join_texts;
use adaptive_practice_engine::{SkillState, UnreadableReason, VerdictReason};

pub mod fetched;

// build.rs and the tests read the rule table; the widget calls only its catalogs' rules.
#[allow(dead_code)]
pub mod plural;

use plural::{PluralCategory, Selector};

/// One piece of a compiled message.
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    /// Text with `{name}` placeholders.
    Text(&'static str),
    /// `#` in a plural form: the number the plural is chosen by.
    Number,
    /// `{name, plural, …}`: the form chosen by the value of `name`.
    Plural(&'static str, &'static [(Selector, &'static [Piece])]),
}

/// A message with a plural, compiled from a catalog, with its language's plural rule.
#[derive(Clone, Copy)]
pub struct Message {
    pub pieces: &'static [Piece],
    pub rule: fn(u64) -> PluralCategory,
}

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// The English table, the fallback for every language not shipped or not fetched.
pub const ENGLISH: &Words = &EN;

/// The shipped tag for a BCP 47 tag: the exact language and region when shipped (`pt-BR`), else
/// the first of the same language (`pt-PT` and `pt` find `pt-BR`, `es-MX` finds `es`, `fr-CA`
/// finds `fr`); `None` for a language not shipped. Case and `_` for `-` do not matter.
pub fn shipped_tag(tag: Option<&str>) -> Option<&'static str> {
    let wanted: String = tag
        .unwrap_or("en")
        .trim()
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    SHIPPED
        .iter()
        .copied()
        .find(|shipped| shipped.to_ascii_lowercase() == wanted)
        .or_else(|| {
            SHIPPED
                .iter()
                .copied()
                .find(|shipped| primary(shipped) == primary(&wanted))
        })
}

/// The table for a BCP 47 tag (found as `shipped_tag` finds it) once `fetched::fetch_language`
/// has brought it to the page; else English.
pub fn words_for(tag: Option<&str>) -> &'static Words {
    let tag = shipped_tag(tag);
    // The native tests have every table compiled in (the widget fetches them).
    #[cfg(test)]
    if let Some(words) = LANGUAGES
        .iter()
        .copied()
        .find(|words| Some(words.tag) == tag)
    {
        return words;
    }
    tag.and_then(fetched::loaded).unwrap_or(ENGLISH)
}

/// A message `fill` can fill: a compiled `Message`, or a plain template with `{name}`s.
pub trait Template {
    fn fill_in(&self, values: &[(&str, &str)]) -> String;
}

impl Template for &str {
    /// One pass over the template, so a value that holds `{name}` (a learner's answer) is
    /// never filled in turn.
    fn fill_in(&self, values: &[(&str, &str)]) -> String {
        let mut text = String::with_capacity(self.len());
        let mut rest = *self;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|close| open + close) else {
                break;
            };
            text.push_str(&rest[..open]);
            let name = &rest[open + 1..close];
            match values.iter().find(|(given, _)| *given == name) {
                Some((_, value)) => text.push_str(value),
                None => text.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        text
    }
}

impl Template for Message {
    fn fill_in(&self, values: &[(&str, &str)]) -> String {
        let mut text = String::new();
        render(self.pieces, values, None, self.rule, &mut text);
        text
    }
}

/// Fills each placeholder of `template` with its value and picks each plural's form by the
/// number its value holds (a value that is not a whole number takes the `other` form). A
/// placeholder with no value stays as `{name}`.
pub fn fill(template: impl Template, values: &[(&str, &str)]) -> String {
    template.fill_in(values)
}

fn render(
    pieces: &[Piece],
    values: &[(&str, &str)],
    number: Option<&str>,
    rule: fn(u64) -> PluralCategory,
    out: &mut String,
) {
    let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(&text.fill_in(values)),
            Piece::Number => out.push_str(number.unwrap_or("#")),
            Piece::Plural(name, forms) => {
                let given = value(name).unwrap_or("");
                let form = pick_form(forms, given.trim().parse().ok(), rule);
                render(form, values, Some(given), rule, out);
            }
        }
    }
}

/// The form for `number`: an exact `=n` first, then its category, then `other`.
fn pick_form(
    forms: &'static [(Selector, &'static [Piece])],
    number: Option<u64>,
    rule: fn(u64) -> PluralCategory,
) -> &'static [Piece] {
    let find = |wanted: Selector| {
        forms
            .iter()
            .find(|(selector, _)| *selector == wanted)
            .map(|(_, form)| *form)
    };
    number
        .and_then(|n| find(Selector::Exact(n)).or_else(|| find(Selector::Category(rule(n)))))
        .or_else(|| find(Selector::Category(PluralCategory::Other)))
        .unwrap_or(&[])
}

impl Words {
    /// "The answer is …" with the bank's answer. On a right-to-left screen the answer is set apart
    /// as left to right (Unicode's isolate marks), so that `2(x + 1)` or `-6` is not shown
    /// reordered as `(x + 1)2` or `6-` inside the sentence.
    pub fn correct_answer_sentence(&self, answer: &str) -> String {
        let isolated;
        let answer = if self.right_to_left {
            // Pushed, not `concat`: std's `join_generic_copy` stays out of the wasm.
            isolated = join_texts(&["\u{2066}", answer, "\u{2069}"], "");
            isolated.as_str()
        } else {
            answer
        };
        fill(self.correct_answer_is(), &[("answer", answer)])
    }

    pub fn state(&self, state: SkillState) -> &'static str {
        match state {
            SkillState::NotStarted => self.state_not_started(),
            SkillState::Learning => self.state_learning(),
            SkillState::Mastered => self.state_mastered(),
            SkillState::DueForReview => self.state_review(),
        }
    }

    /// A whole percentage the way this language writes it (`72%`, `72 %`).
    pub fn percentage(&self, fraction: f64) -> String {
        fill(
            self.percent(),
            &[(
                "value",
                &adaptive_practice_engine::display_float::fixed_float(fraction * 100.0, 0),
            )],
        )
    }

    /// Why an answer could not be read, in this language.
    pub fn unreadable(&self, reason: &UnreadableReason) -> String {
        match reason {
            UnreadableReason::Empty => self.unreadable_empty().into(),
            UnreadableReason::TooLong { limit } => {
                fill(self.unreadable_too_long(), &[("limit", &limit.to_string())])
            }
            UnreadableReason::PickOne => self.unreadable_pick_one().into(),
            UnreadableReason::PickAtLeastOne => self.unreadable_pick_at_least_one().into(),
            UnreadableReason::NotANumber { text } => {
                fill(self.unreadable_not_a_number(), &[("text", text)])
            }
            UnreadableReason::NotMath { text, problem } => fill(
                self.unreadable_not_math(),
                &[("text", text), ("problem", problem)],
            ),
            UnreadableReason::Equation => self.unreadable_equation().into(),
            UnreadableReason::AuthorError => self.unreadable_author_error().into(),
            UnreadableReason::PlaceEvery => self.unreadable_place_every().into(),
            UnreadableReason::MatchEvery => self.unreadable_match_every().into(),
            UnreadableReason::FillEveryGap => self.unreadable_fill_every_gap().into(),
            UnreadableReason::WrongShape => self.unreadable_wrong_shape().into(),
            UnreadableReason::StepByStep => self.unreadable_step_by_step().into(),
            UnreadableReason::PartGone => self.unreadable_part_gone().into(),
            UnreadableReason::NotStructured { text, problem } => fill(
                self.unreadable_not_structured(),
                &[("text", text), ("problem", problem)],
            ),
        }
    }

    /// Why a readable answer is wrong or partial (a unit, a form, an order), in this language.
    pub fn verdict_reason(&self, reason: &VerdictReason) -> String {
        match reason {
            VerdictReason::WrongUnit { expected, given } => fill(
                self.reason_wrong_unit(),
                &[("expected", expected), ("given", given)],
            ),
            VerdictReason::UnitAsked { unit } => fill(self.reason_unit_asked(), &[("unit", unit)]),
            VerdictReason::SimplestForm => self.reason_simplest_form().into(),
            VerdictReason::FormAsked { form } => {
                let name = match form.as_str() {
                    "slope-intercept" => self.form_slope_intercept(),
                    "standard" => self.form_standard(),
                    "fraction" => self.form_fraction(),
                    "decimal" => self.form_decimal(),
                    "point" => self.form_point(),
                    other => other,
                };
                fill(self.reason_form_asked(), &[("form", name)])
            }
            VerdictReason::NotSolvedFor { variable } => {
                fill(self.reason_not_solved_for(), &[("variable", variable)])
            }
            VerdictReason::WrongCount { expected, given } => fill(
                self.reason_wrong_count(),
                &[
                    ("expected", &expected.to_string()),
                    ("given", &given.to_string()),
                ],
            ),
            VerdictReason::OrderMatters => self.reason_order_matters().into(),
            VerdictReason::IntervalEnds => self.reason_interval_ends().into(),
            VerdictReason::ReversedInequality => self.reason_reversed_inequality().into(),
            VerdictReason::BracketsNeeded => self.reason_brackets_needed().into(),
        }
    }
}

/// Two tables are equal when they are the same table (components compare props and contexts).
impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.tag)
    }
}

#[cfg(test)]
mod catalog;
#[cfg(test)]
mod tests;
