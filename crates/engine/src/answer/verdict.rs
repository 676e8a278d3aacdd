//! What a check says: the `Outcome` of a readable answer (its `Verdict` and `VerdictReason`) or
//! why an answer is unreadable (`UnreadableReason`), each in English and as a short machine name.

use serde::{Deserialize, Serialize};

/// The verdict on a readable answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// Whether the answer is right (`verdict` is `Right`).
    pub correct: bool,
    /// Right, wrong, or partial (the right value in another form than asked).
    #[serde(default = "wrong_verdict")]
    pub verdict: Verdict,
    /// Why the answer is wrong or partial, when the checks know more than "not equal".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<VerdictReason>,
    /// Feedback about this very answer (a wrong choice's misconception), when the bank has one.
    pub feedback: Option<String>,
    /// The correct answer, written for display.
    pub correct_answer: String,
}

fn wrong_verdict() -> Verdict {
    Verdict::Wrong
}

/// What a readable answer is worth. A partial answer (the right value, not in the form the item
/// asks for) counts for the learner model as partly right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Right,
    Wrong,
    Partial,
}

impl Verdict {
    /// `right`, `wrong` or `partial`.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Wrong => "wrong",
            Verdict::Partial => "partial",
        }
    }
}

/// Why a readable answer is wrong or partial, for the widget to say in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum VerdictReason {
    /// Wrong: the answer is in another unit than asked, and not an equal amount (`12 m` for
    /// `12 cm`), or in a unit of another kind.
    #[serde(rename_all = "camelCase")]
    WrongUnit { expected: String, given: String },
    /// Partial: an equal amount in another unit, where the item asks for this one.
    UnitAsked { unit: String },
    /// Partial: the right value, not in simplest form (`21/36` for `7/12`).
    SimplestForm,
    /// Partial: the right value or equation in another form than asked (`slope-intercept`,
    /// `standard`, `fraction`, `decimal`; `point`: `x = 4` for the x-intercept `(4, 0)`).
    FormAsked { form: String },
    /// Partial: an equivalent equation, but `variable` is not alone on one side.
    NotSolvedFor { variable: String },
    /// Wrong: not as many elements as expected.
    WrongCount { expected: usize, given: usize },
    /// Wrong: the right elements in another order, where order matters (`(7, 0)` for `(0, 7)`).
    OrderMatters,
    /// Wrong: an interval with the right ends but another bracket.
    IntervalEnds,
    /// Wrong: an inequality with the right boundary in the other direction.
    ReversedInequality,
    /// Partial: right only when the implicit product after `/` is read as the divisor (`-10/3n`
    /// for `-10/(3n)`, where `-10/3n` is `(-10/3)·n`): brackets are needed.
    BracketsNeeded,
}

impl VerdictReason {
    /// A short machine name (`wrongUnit`), as `try-answers` prints it.
    pub fn code(&self) -> &'static str {
        match self {
            VerdictReason::WrongUnit { .. } => "wrongUnit",
            VerdictReason::UnitAsked { .. } => "unitAsked",
            VerdictReason::SimplestForm => "simplestForm",
            VerdictReason::FormAsked { .. } => "formAsked",
            VerdictReason::NotSolvedFor { .. } => "notSolvedFor",
            VerdictReason::WrongCount { .. } => "wrongCount",
            VerdictReason::OrderMatters => "orderMatters",
            VerdictReason::IntervalEnds => "intervalEnds",
            VerdictReason::ReversedInequality => "reversedInequality",
            VerdictReason::BracketsNeeded => "bracketsNeeded",
        }
    }

    /// The reason in English.
    pub fn english(&self) -> String {
        match self {
            VerdictReason::WrongUnit { expected, given } => {
                format!("The unit is wrong: the answer is in {expected}, not {given}.")
            }
            VerdictReason::UnitAsked { unit } => {
                format!("Right amount; give it in {unit}.")
            }
            VerdictReason::SimplestForm => "Right value; give it in simplest form.".into(),
            VerdictReason::FormAsked { form } => format!("Right value; write it in {form} form."),
            VerdictReason::NotSolvedFor { variable } => {
                format!("Right; now write it as {variable} = …")
            }
            VerdictReason::WrongCount { expected, given } => {
                format!("The answer has {expected} parts; yours has {given}.")
            }
            VerdictReason::OrderMatters => "The right values, but the order matters.".into(),
            VerdictReason::IntervalEnds => {
                "The right ends, but check which ends are included.".into()
            }
            VerdictReason::ReversedInequality => "The inequality goes the other way.".into(),
            VerdictReason::BracketsNeeded => {
                "Right if all after the “/” is below it: put it in brackets, as in 1/(2x).".into()
            }
        }
    }
}

/// An answer that cannot be judged (not a number, no choice picked). It is not counted.
/// Serialized with its `message` too (`{"reason": …, "message": …}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct UnreadableAnswer {
    /// Why, for the widget to say in the learner's language.
    pub reason: UnreadableReason,
}

impl UnreadableAnswer {
    /// Why, in English (for tools and logs). A method, not a field: the widget says the reason
    /// in the learner's language and so leaves the English texts out of its wasm.
    pub fn message(&self) -> String {
        self.reason.english()
    }
}

impl Serialize for UnreadableAnswer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = serializer.serialize_struct("UnreadableAnswer", 2)?;
        fields.serialize_field("reason", &self.reason)?;
        fields.serialize_field("message", &self.message())?;
        fields.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum UnreadableReason {
    Empty,
    TooLong {
        limit: usize,
    },
    PickOne,
    PickAtLeastOne,
    NotANumber {
        text: String,
    },
    NotMath {
        text: String,
        problem: String,
    },
    Equation,
    AuthorError,
    PlaceEvery,
    MatchEvery,
    FillEveryGap,
    WrongShape,
    StepByStep,
    PartGone,
    /// A list, set, tuple or interval answer whose structure cannot be read.
    NotStructured {
        text: String,
        problem: String,
    },
}

impl UnreadableReason {
    /// The reason in English.
    pub fn english(&self) -> String {
        match self {
            UnreadableReason::Empty => "Type an answer first.".into(),
            UnreadableReason::TooLong { limit } => {
                format!("That answer is too long (more than {limit} characters).")
            }
            UnreadableReason::PickOne => "Pick one of the choices.".into(),
            UnreadableReason::PickAtLeastOne => "Pick at least one choice.".into(),
            UnreadableReason::NotANumber { text } => {
                format!("“{text}” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2.")
            }
            UnreadableReason::NotMath { text, problem } => {
                format!("I cannot read “{text}” as math: {problem}.")
            }
            UnreadableReason::Equation => {
                "Write only the value or the expression, without “=” or “<”.".into()
            }
            UnreadableReason::AuthorError => {
                "This item's answer cannot be computed; please tell the author.".into()
            }
            UnreadableReason::PlaceEvery => "Put every entry in a place.".into(),
            UnreadableReason::MatchEvery => "Match every entry.".into(),
            UnreadableReason::FillEveryGap => "Fill every gap.".into(),
            UnreadableReason::WrongShape => "This kind of answer does not fit this item.".into(),
            UnreadableReason::StepByStep => "Answer the steps one by one.".into(),
            UnreadableReason::PartGone => "This step is no longer in the item.".into(),
            UnreadableReason::NotStructured { text, problem } => {
                format!("I cannot read “{text}” as the list this item asks for: {problem}.")
            }
        }
    }

    /// A short machine name (`notANumber`), as `try-answers` prints it.
    pub fn code(&self) -> &'static str {
        match self {
            UnreadableReason::Empty => "empty",
            UnreadableReason::TooLong { .. } => "tooLong",
            UnreadableReason::PickOne => "pickOne",
            UnreadableReason::PickAtLeastOne => "pickAtLeastOne",
            UnreadableReason::NotANumber { .. } => "notANumber",
            UnreadableReason::NotMath { .. } => "notMath",
            UnreadableReason::Equation => "equation",
            UnreadableReason::AuthorError => "authorError",
            UnreadableReason::PlaceEvery => "placeEvery",
            UnreadableReason::MatchEvery => "matchEvery",
            UnreadableReason::FillEveryGap => "fillEveryGap",
            UnreadableReason::WrongShape => "wrongShape",
            UnreadableReason::StepByStep => "stepByStep",
            UnreadableReason::PartGone => "partGone",
            UnreadableReason::NotStructured { .. } => "notStructured",
        }
    }
}

impl From<UnreadableReason> for UnreadableAnswer {
    fn from(reason: UnreadableReason) -> Self {
        UnreadableAnswer { reason }
    }
}

pub(crate) fn unreadable<T>(reason: UnreadableReason) -> Result<T, UnreadableAnswer> {
    Err(reason.into())
}
