//! The checker's problems as data: a stable code and named parameters, so that a page can word
//! them in its own language (the authoring page does, in French and Arabic). `english()` gives
//! the text the command line and the widget show, the same words as before codes existed.

use serde::Serialize;

/// Declares every code with its English text; `{name}` is a parameter of the problem.
macro_rules! problem_codes {
    ($($variant:ident = $code:literal: $english:literal,)*) => {
        /// What kind of problem the checker found. The code's name is stable: pages translate by it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the checks.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable name pages translate by: `unknownSkill`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The English text, with `{name}` where each parameter goes.
            pub fn english(self) -> &'static str {
                match self {
                    $(Code::$variant => $english,)*
                }
            }
        }
    };
}

problem_codes! {
    NotJson = "notJson": "the file is not valid JSON: {detail}",
    NotAnObject = "notAnObject": "a bank must be a JSON object",
    EmptyHeaderField = "emptyHeaderField": "`{key}` must be a non-empty string",
    MissingHeaderField = "missingHeaderField": "the bank has no `{key}`",
    UnreadableSettings = "unreadableSettings": "{detail}",
    MissingList = "missingList": "the bank has no `{key}` list",
    NotAList = "notAList": "`{key}` must be a list",
    UnreadableElement = "unreadableElement": "{detail}",
    SkillIdUsedTwice = "skillIdUsedTwice": "the skill id {id} is used twice",
    UnknownSkill = "unknownSkill": "unknown skill {skill}",
    PrerequisiteCycle = "prerequisiteCycle": "prerequisites form a cycle: {cycle}",
    ItemIdUsedTwice = "itemIdUsedTwice": "the item id {id} is used twice",
    NoSkill = "noSkill": "an item needs at least one skill",
    EmptyPrompt = "emptyPrompt": "the prompt is empty",
    DifficultyOutOfRange = "difficultyOutOfRange": "difficulty must be between -6 and 6",
    MissingGap = "missingGap": "the prompt has no gap [[{number}]]",
    GapWithoutBlank = "gapWithoutBlank": "the prompt has a gap [[{number}]] but no blank {number}",
    FewItemsForSkill = "fewItemsForSkill":
        "only {count} item(s) practise this skill; mastery needs {needed} answers",
    SettingOutOfRange = "settingOutOfRange": "must be between {min} and {max}",
    InVariant = "inVariant": "in the variant of seed {seed}: {problem}",
    TemplateProblem = "templateProblem": "{detail}",
    HintWithoutText = "hintWithoutText": "a hint needs a text or a scaffold",
    StepWithSteps = "stepWithSteps": "a step cannot itself have steps",
    AnswerProblem = "answerProblem": "{detail}",
    FewChoices = "fewChoices": "a choice item needs at least two choices",
    AnswerChoiceMissing = "answerChoiceMissing":
        "the answer is choice {answer} but there are only {count} choices (counted from 0)",
    NoRightChoice = "noRightChoice": "at least one choice must be correct",
    NoSuchChoice = "noSuchChoice": "there is no choice {answer} (counted from 0)",
    NegativeTolerance = "negativeTolerance": "tolerance must be a number >= 0",
    AnswerNotFinite = "answerNotFinite": "the answer {answer} is not a finite number",
    AnswerOutsideTolerance = "answerOutsideTolerance":
        "the answer does not satisfy its own tolerance",
    WrongAnswerIsRight = "wrongAnswerIsRight": "this wrong answer is equal to the correct answer",
    NoAcceptedAnswer = "noAcceptedAnswer": "a short-text item needs at least one accepted answer",
    FewEntries = "fewEntries": "an ordering item needs at least two entries",
    NoBlanks = "noBlanks": "a fill-in-the-blanks item needs at least one blank",
    EmptyBlank = "emptyBlank": "a blank needs accepted answers or a number",
    FewPairs = "fewPairs": "a matching item needs at least two pairs",
    NoSteps = "noSteps": "a multi-step item needs at least one step",
    MarkupProblem = "markupProblem": "{detail}",
    UnreadableCalibration = "unreadableCalibration": "the calibration cannot be read: {detail}",
    CalibrationUnknownItem = "calibrationUnknownItem":
        "the calibration has parameters for {id}, which is not an item (or step) of the bank: \
         they are ignored",
    CalibrationUnknownSkill = "calibrationUnknownSkill":
        "the calibration has parameters for {id}, which is not a skill of the bank: they are \
         ignored",
    RemoteMedia = "remoteMedia":
        "the media {address} is on another site: the widget loads it only when the page lists \
         its origin in `media-origins`, and loading it tells that site which items a learner sees",
}

/// One problem: its code, its parameters by name, and for `inVariant` the problem found in the
/// variant (its English text is the `{problem}` parameter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub params: Vec<(&'static str, String)>,
    pub inner: Option<Box<Problem>>,
}

impl Problem {
    pub fn new(code: Code) -> Self {
        Self {
            code,
            params: Vec::new(),
            inner: None,
        }
    }

    /// The problem with one more parameter.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// The problem with one more parameter, a count or an index (one function for every integer
    /// type, where `with` compiled `to_string` again for each).
    pub fn with_number(self, name: &'static str, value: u64) -> Self {
        self.with(name, value.to_string())
    }

    /// A problem found in one variant of a template item.
    pub fn in_variant(seed: u64, inner: Problem) -> Self {
        Self {
            inner: Some(Box::new(inner)),
            ..Self::new(Code::InVariant).with_number("seed", seed)
        }
    }

    /// The English words: the code's text with each `{name}` replaced by its parameter.
    pub fn english(&self) -> String {
        let inner = self.inner.as_ref().map(|inner| inner.english());
        let value = |name: &str| -> Option<&str> {
            if name == "problem" {
                if let Some(inner) = &inner {
                    return Some(inner);
                }
            }
            self.params
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.as_str())
        };
        fill(self.code.english(), value)
    }

    /// For a page: `{ code, params, message, inner }`, the parameters as an object.
    pub fn words(&self) -> ProblemWords {
        ProblemWords {
            code: self.code.name(),
            message: self.english(),
            params: self.params.iter().cloned().collect(),
            inner: self.inner.as_ref().map(|inner| Box::new(inner.words())),
        }
    }
}

/// A problem as a page reads it (JSON): the code's name, the parameters by name, and the English
/// words for a page that has no words of its own for the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemWords {
    pub code: &'static str,
    pub message: String,
    pub params: std::collections::BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inner: Option<Box<ProblemWords>>,
}

/// The names of the `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Replaces each `{name}` of `template` in one pass (a value holding braces stays as it is).
fn fill<'a>(template: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').filter(|&close| is_name(&after[..close])) {
            Some(close) => {
                let name = &after[..close];
                match value(name) {
                    Some(filled) => out.push_str(filled),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
