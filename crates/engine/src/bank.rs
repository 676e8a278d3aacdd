//! The item bank format: the JSON a teacher or publisher writes, read into checked types.
//!
//! Reading and checking is in `bank_check.rs`.

use crate::find_text::has_text;
use serde::{Deserialize, Serialize};

pub use crate::bank_calibration::BankCalibration;
pub use crate::lists::AnswerForm;
use crate::text_rules::parse_number;

/// A bank of practice items for some skills, as published in one JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bank {
    pub id: String,
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub settings: BankSettings,
    pub skills: Vec<Skill>,
    pub items: Vec<Item>,
    /// Parameters of the calibrated learner model fitted from a class's answers
    /// (`bank_calibration.rs`); without it the widget's model uses the difficulties alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<BankCalibration>,
}

/// Settings a bank may set; every field has a default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BankSettings {
    /// The probability of success the item choice aims at.
    pub target_success: f64,
    /// The mastery estimate a skill needs to count as mastered.
    pub mastery_threshold: f64,
    /// How many answers on a skill are needed before it can count as mastered.
    pub min_evidence: u32,
    /// The predicted recall below which a mastered skill is due for review (as FSRS's desired
    /// retention): higher means more frequent reviews. Written only when not the default, so that
    /// banks written before it existed come out unchanged.
    #[serde(skip_serializing_if = "is_default_target_retention")]
    pub target_retention: f64,
    /// When a typed number has two readings (`1,500` in French: 1.5 or 1500), it is right when
    /// either reading is. Off by default: the bank language's reading decides.
    #[serde(skip_serializing_if = "is_false")]
    pub accept_either_number_reading: bool,
}

impl Default for BankSettings {
    fn default() -> Self {
        BankSettings {
            target_success: 0.75,
            mastery_threshold: 0.8,
            min_evidence: 4,
            target_retention: DEFAULT_TARGET_RETENTION,
            accept_either_number_reading: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Skill {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub prerequisites: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub id: String,
    pub skills: Vec<String>,
    /// Difficulty on the logit scale: 0 is medium, -2.5 very easy, +2.5 very hard.
    #[serde(default)]
    pub difficulty: Option<f64>,
    /// Markdown with LaTeX math (`$…$`); in templates, `{{expression}}` is replaced by its value.
    pub prompt: String,
    /// Hints in order; the model counts an answer given after hints as weaker evidence.
    #[serde(default)]
    pub hints: Vec<Hint>,
    /// The worked solution, shown after the answer.
    #[serde(default)]
    pub solution: Option<String>,
    /// Variables that make this item a template (one variant per seed).
    #[serde(default)]
    pub template: Option<Template>,
    #[serde(flatten)]
    pub kind: ItemKind,
}

impl Item {
    /// The bank's prior difficulty, neutral (0) when the bank gives none.
    pub fn prior_difficulty(&self) -> f64 {
        self.difficulty.unwrap_or(0.0)
    }

    /// A short name of the item's type, for variety in item choice and for styling.
    pub fn type_name(&self) -> &'static str {
        self.kind.type_name()
    }

    /// The answerable parts: the steps of a multi-step item, or the item itself.
    pub fn parts(&self) -> Vec<Part<'_>> {
        match &self.kind {
            ItemKind::MultiStep { steps } => {
                // Pushed in a loop: `map` and `collect` compiled adapters for this alone.
                let mut parts = Vec::with_capacity(steps.len());
                for step in steps {
                    parts.push(Part {
                        prompt: &step.prompt,
                        skills: if step.skills.is_empty() {
                            &self.skills
                        } else {
                            &step.skills
                        },
                        kind: &step.kind,
                        hints: &step.hints,
                        solution: step.solution.as_deref(),
                    });
                }
                parts
            }
            kind => vec![Part {
                prompt: &self.prompt,
                skills: &self.skills,
                kind,
                hints: &self.hints,
                solution: self.solution.as_deref(),
            }],
        }
    }
}

/// One answerable part of an item: a step, or the whole item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part<'a> {
    pub prompt: &'a str,
    pub skills: &'a [String],
    pub kind: &'a ItemKind,
    pub hints: &'a [Hint],
    pub solution: Option<&'a str>,
}

/// A hint: a sentence, or a scaffold (a smaller question that leads to the answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "HintInput", into = "HintInput")]
pub struct Hint {
    pub text: String,
    pub scaffold: Option<Box<Step>>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum HintInput {
    Text(String),
    Full {
        #[serde(default)]
        text: String,
        #[serde(default)]
        scaffold: Option<Box<Step>>,
    },
}

impl From<HintInput> for Hint {
    fn from(input: HintInput) -> Hint {
        match input {
            HintInput::Text(text) => Hint {
                text,
                scaffold: None,
            },
            HintInput::Full { text, scaffold } => Hint { text, scaffold },
        }
    }
}

impl From<Hint> for HintInput {
    fn from(hint: Hint) -> HintInput {
        match hint.scaffold {
            None => HintInput::Text(hint.text),
            scaffold => HintInput::Full {
                text: hint.text,
                scaffold,
            },
        }
    }
}

/// A step of a multi-step item, or a scaffold question inside a hint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    #[serde(default)]
    pub id: Option<String>,
    pub prompt: String,
    /// The skills this step is evidence for; the item's skills when empty.
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub hints: Vec<Hint>,
    #[serde(default)]
    pub solution: Option<String>,
    #[serde(flatten)]
    pub kind: ItemKind,
}

/// Variables drawn from seeded ranges or lists, derived values, and constraints that must hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    /// Variable name to its range or list, drawn in order.
    pub variables: crate::sorted_map::SortedMap<VariableRange>,
    /// Derived values: name to expression, computed in order of their names.
    #[serde(default)]
    pub derived: crate::sorted_map::SortedMap<String>,
    /// Expressions that must all hold (e.g. `a != b`, `gcd(a, b) == 1`).
    #[serde(default)]
    pub constraints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum VariableRange {
    /// Whole numbers (or multiples of `step`) from `min` to `max`, both included.
    Range {
        min: f64,
        max: f64,
        #[serde(default)]
        step: Option<f64>,
    },
    /// One of these values.
    List { choose: Vec<f64> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ItemKind {
    /// Pick one of several choices; `answer` is the index of the correct one.
    #[serde(rename_all = "camelCase")]
    SingleChoice {
        choices: Vec<Choice>,
        answer: usize,
        #[serde(default)]
        shuffle: bool,
    },
    /// Pick every correct choice; `answers` are their indexes.
    #[serde(rename_all = "camelCase")]
    MultipleResponse {
        choices: Vec<Choice>,
        answers: Vec<usize>,
        #[serde(default)]
        shuffle: bool,
    },
    /// Type a number; any way of writing the same value within the tolerance is correct.
    #[serde(rename_all = "camelCase")]
    Numeric {
        answer: NumericValue,
        /// Absolute tolerance.
        #[serde(default)]
        tolerance: Option<f64>,
        /// Relative tolerance (0.01 = within 1%).
        #[serde(default)]
        relative_tolerance: Option<f64>,
        #[serde(default)]
        misconceptions: Vec<Misconception>,
        /// The unit of the answer (`cm`): the learner may write it or leave it out; another
        /// unit is told as such.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// Whether an answer in another unit of the same dimension counts (`0.12 m` for
        /// `12 cm`); when false it is "right value, give it in cm" (partial).
        #[serde(default, skip_serializing_if = "is_false")]
        convert_units: bool,
        /// The form the number must be written in (`simplest`, `fraction`, `decimal`); an equal
        /// value in another form is partial.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        form: Option<WrittenForm>,
    },
    /// Type a math expression; checked by value (`7/12`, `21/36`, `\frac{7}{12}` are one answer).
    #[serde(rename_all = "camelCase")]
    MathExpression {
        answer: String,
        #[serde(default)]
        tolerance: Option<f64>,
        #[serde(default)]
        misconceptions: Vec<TextMisconception>,
        /// The structure of the answer (`list`, `tuple`, `set`, `interval`, `solutions`); a
        /// single expression or relation when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer_form: Option<AnswerForm>,
        /// For an equation: the variable that must stand alone on one side (`h` in `h = 2A/b`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        solved_for: Option<String>,
        /// The form the answer must be written in (`simplest`, `slope-intercept`, `standard`, …);
        /// an equivalent answer in another form is partial.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        form: Option<WrittenForm>,
    },
    /// Type a word or phrase; compared after normalization.
    #[serde(rename_all = "camelCase")]
    ShortText {
        answers: Vec<String>,
        #[serde(default)]
        case_sensitive: bool,
        /// When true (the default), `é` and `e` are the same.
        #[serde(default = "yes")]
        ignore_accents: bool,
        /// A pattern with `*` (any text) and `?` (one character) that also counts as correct.
        #[serde(default)]
        pattern: Option<String>,
        #[serde(default)]
        misconceptions: Vec<TextMisconception>,
    },
    /// Put these in order; `items` are listed in the correct order and shown shuffled.
    #[serde(rename_all = "camelCase")]
    Ordering { items: Vec<String> },
    /// Fill the gaps: the prompt holds `[[1]]`, `[[2]]`, … one per blank.
    #[serde(rename_all = "camelCase")]
    FillBlanks { blanks: Vec<Blank> },
    /// Match each left entry to its right entry; rights are shown shuffled, with distractors.
    #[serde(rename_all = "camelCase")]
    Matching {
        pairs: Vec<MatchPair>,
        #[serde(default)]
        distractors: Vec<String>,
    },
    /// A problem in steps, each checked and counted for its own skills.
    #[serde(rename_all = "camelCase")]
    MultiStep { steps: Vec<Step> },
}

fn yes() -> bool {
    true
}

/// The default target retention: FSRS's desired retention.
const DEFAULT_TARGET_RETENTION: f64 = 0.9;

fn is_default_target_retention(value: &f64) -> bool {
    *value == DEFAULT_TARGET_RETENTION
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A form an answer may be required in (`form` in the bank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WrittenForm {
    /// Fractions in lowest terms (`7/12`, not `21/36`).
    #[serde(rename = "simplest")]
    Simplest,
    /// A fraction (`3/4`), not a decimal.
    #[serde(rename = "fraction")]
    Fraction,
    /// A decimal (`0.75`), not a fraction.
    #[serde(rename = "decimal")]
    Decimal,
    /// `y = mx + b`.
    #[serde(rename = "slope-intercept")]
    SlopeIntercept,
    /// `Ax + By = C`.
    #[serde(rename = "standard")]
    Standard,
}

impl WrittenForm {
    /// The name used in the bank (`slope-intercept`).
    pub fn name(self) -> &'static str {
        match self {
            WrittenForm::Simplest => "simplest",
            WrittenForm::Fraction => "fraction",
            WrittenForm::Decimal => "decimal",
            WrittenForm::SlopeIntercept => "slope-intercept",
            WrittenForm::Standard => "standard",
        }
    }
}

impl ItemKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            ItemKind::SingleChoice { .. } => "singleChoice",
            ItemKind::MultipleResponse { .. } => "multipleResponse",
            ItemKind::Numeric { .. } => "numeric",
            ItemKind::MathExpression { .. } => "mathExpression",
            ItemKind::ShortText { .. } => "shortText",
            ItemKind::Ordering { .. } => "ordering",
            ItemKind::FillBlanks { .. } => "fillBlanks",
            ItemKind::Matching { .. } => "matching",
            ItemKind::MultiStep { .. } => "multiStep",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub text: String,
    /// Said when this choice is picked (typically: the misconception behind a wrong choice).
    #[serde(default)]
    pub feedback: Option<String>,
}

/// One gap of a fill-in-the-blanks item: accepted words, or a number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Blank {
    #[serde(default)]
    pub answers: Vec<String>,
    #[serde(default)]
    pub numeric: Option<NumericValue>,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// When given, the gap is a drop-down of these options, in this order, instead of a text
    /// field; the option picked is judged as a typed answer would be.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchPair {
    pub left: String,
    pub right: String,
}

/// A typical wrong typed answer (text or expression) and what to say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextMisconception {
    pub answer: String,
    pub feedback: String,
}

/// A typical wrong numeric answer and what to say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Misconception {
    pub answer: NumericValue,
    pub feedback: String,
}

/// A number as the author wrote it (`0.75`, `"3/4"`, `"1 1/2"`) and its value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NumberOrText", into = "NumberOrText")]
pub struct NumericValue {
    pub value: f64,
    pub text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum NumberOrText {
    Number(f64),
    Text(String),
}

impl TryFrom<NumberOrText> for NumericValue {
    type Error = String;
    fn try_from(raw: NumberOrText) -> Result<Self, String> {
        match raw {
            NumberOrText::Number(value) => Ok(NumericValue::from_number(value)),
            NumberOrText::Text(text) => NumericValue::from_text(text),
        }
    }
}

impl NumericValue {
    /// A number written as a JSON number.
    pub fn from_number(value: f64) -> NumericValue {
        NumericValue {
            value,
            text: format_number(value),
        }
    }

    /// A number written as a text (`"3/4"`); a template's answer (`"{{a + b}}"`) gets its value
    /// when the item is instantiated.
    pub fn from_text(text: String) -> Result<NumericValue, String> {
        if has_text(&text, "{{") {
            return Ok(NumericValue {
                value: f64::NAN,
                text,
            });
        }
        match parse_number(&text) {
            Some(value) => Ok(NumericValue { value, text }),
            None => Err(format!(
                "cannot read {} as a number",
                crate::quoted::quoted(&text)
            )),
        }
    }
}

impl From<NumericValue> for NumberOrText {
    fn from(value: NumericValue) -> Self {
        NumberOrText::Text(value.text)
    }
}

fn format_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    crate::display_float::display_float(rounded)
}
