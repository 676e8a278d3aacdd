//! Hand-written readers from a `Json` tree to the bank types of `bank.rs`, in place of serde on
//! the widget's path. A reader returns the first problem of a value as a message worded as
//! serde's (`missing field `answer``, `unknown variant `essay`, expected one of …`); the caller
//! puts the element's JSON path in front. Fields the format does not know are ignored.
//!
//! A field added to a bank type is a compile error in its reader here (each builds the whole
//! struct): read it with the helpers of `json/read.rs` (`optional(object, "key", read_f64)`);
//! `bank_read/tests.rs` checks every sample bank against serde's derive.

use crate::bank::{
    BankSettings, Blank, Choice, Hint, Item, ItemKind, MatchPair, Misconception, NumericValue,
    Skill, Step, Template, TextMisconception, VariableRange, WrittenForm,
};
use crate::bank_calibration::{
    BankCalibration, CalibrationFitted, CalibrationSettings, ItemCalibration, SkillCalibration,
    CALIBRATION_VERSION,
};
use crate::calibrated_model::{CONTEXT_COUNT, GLOBAL_FEATURE_COUNT, SKILL_FEATURE_COUNT};
use crate::json::path_then;
use crate::json::read::{
    invalid, list, map, missing, object, optional, read_bool, read_f64, read_string, read_u32,
    read_usize, required, strings, Fields, Read,
};
use crate::json::Json;
use crate::lists::AnswerForm;
use crate::sorted_map::SortedMap;

/// The item types, as written in `type`.
const ITEM_TYPES: [&str; 9] = [
    "singleChoice",
    "multipleResponse",
    "numeric",
    "mathExpression",
    "shortText",
    "ordering",
    "fillBlanks",
    "matching",
    "multiStep",
];

pub fn read_settings(value: &Json) -> Read<BankSettings> {
    let mut f = Fields::of(value, "struct BankSettings")?;
    let defaults = BankSettings::default();
    let settings = BankSettings {
        target_success: f.or("targetSuccess", read_f64, defaults.target_success),
        mastery_threshold: f.or("masteryThreshold", read_f64, defaults.mastery_threshold),
        min_evidence: f.or("minEvidence", read_u32, defaults.min_evidence),
        target_retention: f.or("targetRetention", read_f64, defaults.target_retention),
        accept_either_number_reading: f.or(
            "acceptEitherNumberReading",
            read_bool,
            defaults.accept_either_number_reading,
        ),
    };
    f.finish(settings)
}

pub fn read_skill(value: &Json) -> Read<Skill> {
    let mut f = Fields::of(value, "struct Skill")?;
    let skill = Skill {
        id: f.required("id", read_string),
        name: f.required("name", read_string),
        description: f.optional("description", read_string),
        prerequisites: f.or_default("prerequisites", strings),
    };
    f.finish(skill)
}

pub fn read_item(value: &Json) -> Read<Item> {
    let mut f = Fields::of(value, "struct Item")?;
    let id = f.required("id", read_string);
    let skills = f.required("skills", strings);
    let difficulty = f.optional("difficulty", read_f64);
    let prompt = f.required("prompt", read_string);
    let hints = f.or_default("hints", hints);
    let solution = f.optional("solution", read_string);
    let template = f.optional("template", read_template);
    let kind = read_kind(value);
    let fields = f.finish((id, skills, difficulty, prompt, hints, solution, template));
    let (id, skills, difficulty, prompt, hints, solution, template) = fields?;
    Ok(Item {
        id,
        skills,
        difficulty,
        prompt,
        hints,
        solution,
        template,
        kind: kind?,
    })
}

pub fn read_template(value: &Json) -> Read<Template> {
    let mut f = Fields::of(value, "struct Template")?;
    let template = Template {
        variables: f.required("variables", |v| map(v, read_variable_range)),
        derived: f.or_default("derived", |v| map(v, read_string)),
        constraints: f.or_default("constraints", strings),
    };
    f.finish(template)
}

fn read_variable_range(value: &Json) -> Read<VariableRange> {
    let untagged = "data did not match any variant of untagged enum VariableRange";
    let Json::Object(_) = value else {
        return Err(untagged.into());
    };
    if let (Some(min), Some(max)) = (value.get("min"), value.get("max")) {
        if let (Ok(min), Ok(max), Ok(step)) = (
            read_f64(min),
            read_f64(max),
            optional(value, "step", read_f64),
        ) {
            return Ok(VariableRange::Range { min, max, step });
        }
    }
    match value.get("choose").map(|v| list(v, read_f64)) {
        Some(Ok(choose)) => Ok(VariableRange::List { choose }),
        _ => Err(untagged.into()),
    }
}

fn read_step(value: &Json) -> Read<Step> {
    let mut f = Fields::of(value, "struct Step")?;
    let id = f.optional("id", read_string);
    let prompt = f.required("prompt", read_string);
    let skills = f.or_default("skills", strings);
    let hints = f.or_default("hints", hints);
    let solution = f.optional("solution", read_string);
    let kind = read_kind(value);
    let (id, prompt, skills, hints, solution) = f.finish((id, prompt, skills, hints, solution))?;
    Ok(Step {
        id,
        prompt,
        skills,
        hints,
        solution,
        kind: kind?,
    })
}

/// A hint: a string, or an object with a `text` and a `scaffold`, both optional.
fn read_hint(value: &Json) -> Read<Hint> {
    match value {
        Json::String(text) => Ok(Hint {
            text: text.clone(),
            scaffold: None,
        }),
        Json::Object(_) => {
            let mut f = Fields::of(value, "")?;
            let hint = Hint {
                text: f.or_default("text", read_string),
                scaffold: f.optional("scaffold", |v| read_step(v).map(Box::new)),
            };
            f.finish(hint)
        }
        _ => Err("data did not match any variant of untagged enum HintInput".into()),
    }
}

/// The `type` of an item or step and the fields that type has.
fn read_kind(object: &Json) -> Read<ItemKind> {
    let kind = match object.get("type") {
        None => return Err(missing("type")),
        Some(Json::String(kind)) => kind.as_str(),
        Some(other) => return Err(invalid(other, "variant identifier")),
    };
    let mut f = Fields::of(object, "")?;
    let kind = match kind {
        "singleChoice" => ItemKind::SingleChoice {
            choices: f.required("choices", choices),
            answer: f.required("answer", read_usize),
            shuffle: f.or_default("shuffle", read_bool),
        },
        "multipleResponse" => ItemKind::MultipleResponse {
            choices: f.required("choices", choices),
            answers: f.required("answers", |v| list(v, read_usize)),
            shuffle: f.or_default("shuffle", read_bool),
        },
        "numeric" => ItemKind::Numeric {
            answer: f.required("answer", read_numeric_value),
            tolerance: f.optional("tolerance", read_f64),
            relative_tolerance: f.optional("relativeTolerance", read_f64),
            misconceptions: f.or_default("misconceptions", |v| list(v, read_misconception)),
            unit: f.optional("unit", read_string),
            convert_units: f.or_default("convertUnits", read_bool),
            form: f.optional("form", read_written_form),
        },
        "mathExpression" => ItemKind::MathExpression {
            answer: f.required("answer", read_string),
            tolerance: f.optional("tolerance", read_f64),
            misconceptions: f.or_default("misconceptions", text_misconceptions),
            answer_form: f.optional("answerForm", read_answer_form),
            solved_for: f.optional("solvedFor", read_string),
            form: f.optional("form", read_written_form),
        },
        "shortText" => ItemKind::ShortText {
            answers: f.required("answers", strings),
            case_sensitive: f.or_default("caseSensitive", read_bool),
            ignore_accents: f.or("ignoreAccents", read_bool, true),
            pattern: f.optional("pattern", read_string),
            misconceptions: f.or_default("misconceptions", text_misconceptions),
        },
        "ordering" => ItemKind::Ordering {
            items: f.required("items", strings),
        },
        "fillBlanks" => ItemKind::FillBlanks {
            blanks: f.required("blanks", |v| list(v, read_blank)),
        },
        "matching" => ItemKind::Matching {
            pairs: f.required("pairs", |v| list(v, read_match_pair)),
            distractors: f.or_default("distractors", strings),
        },
        "multiStep" => ItemKind::MultiStep {
            steps: f.required("steps", |v| list(v, read_step)),
        },
        other => return Err(unknown_variant(other, &ITEM_TYPES)),
    };
    f.finish(kind)
}

// The lists read in more than one place, each a function of its own: a closure at each place
// compiled its reader again there.
fn choices(value: &Json) -> Read<Vec<Choice>> {
    list(value, read_choice)
}

fn text_misconceptions(value: &Json) -> Read<Vec<TextMisconception>> {
    list(value, read_text_misconception)
}

fn hints(value: &Json) -> Read<Vec<Hint>> {
    list(value, read_hint)
}

fn read_choice(value: &Json) -> Read<Choice> {
    let mut f = Fields::of(value, "struct Choice")?;
    let choice = Choice {
        text: f.required("text", read_string),
        feedback: f.optional("feedback", read_string),
    };
    f.finish(choice)
}

fn read_blank(value: &Json) -> Read<Blank> {
    let mut f = Fields::of(value, "struct Blank")?;
    let blank = Blank {
        answers: f.or_default("answers", strings),
        numeric: f.optional("numeric", read_numeric_value),
        tolerance: f.optional("tolerance", read_f64),
        case_sensitive: f.or_default("caseSensitive", read_bool),
        choices: f.or_default("choices", strings),
    };
    f.finish(blank)
}

fn read_match_pair(value: &Json) -> Read<MatchPair> {
    let mut f = Fields::of(value, "struct MatchPair")?;
    let pair = MatchPair {
        left: f.required("left", read_string),
        right: f.required("right", read_string),
    };
    f.finish(pair)
}

fn read_text_misconception(value: &Json) -> Read<TextMisconception> {
    let mut f = Fields::of(value, "struct TextMisconception")?;
    let misconception = TextMisconception {
        answer: f.required("answer", read_string),
        feedback: f.required("feedback", read_string),
    };
    f.finish(misconception)
}

fn read_misconception(value: &Json) -> Read<Misconception> {
    let mut f = Fields::of(value, "struct Misconception")?;
    let misconception = Misconception {
        answer: f.required("answer", read_numeric_value),
        feedback: f.required("feedback", read_string),
    };
    f.finish(misconception)
}

/// A number, or a text read as one (`"3/4"`, or a template's `"{{a + b}}"`).
fn read_numeric_value(value: &Json) -> Read<NumericValue> {
    match value {
        // A whole number below a billion is written as its digits, which is what `from_number`
        // writes for it, without formatting a float: half the bench bank's answers, 0.6 ms of
        // its start-up's read in a CPU profile.
        Json::Number {
            value,
            integer: Some(whole),
        } if whole.magnitude < 1_000_000_000 => {
            let digits = (whole.magnitude as u32).to_string();
            Ok(NumericValue {
                value: *value,
                text: if whole.negative {
                    format!("-{digits}")
                } else {
                    digits
                },
            })
        }
        Json::Number { value, .. } => Ok(NumericValue::from_number(*value)),
        Json::String(text) => NumericValue::from_text(text.clone()),
        _ => Err("data did not match any variant of untagged enum NumberOrText".into()),
    }
}

fn read_written_form(value: &Json) -> Read<WrittenForm> {
    const FORMS: [WrittenForm; 5] = [
        WrittenForm::Simplest,
        WrittenForm::Fraction,
        WrittenForm::Decimal,
        WrittenForm::SlopeIntercept,
        WrittenForm::Standard,
    ];
    let name = variant_name(value)?;
    // Loops, not `find` and the array's `map` (each compiled on its own).
    let mut names = [""; 5];
    for (index, form) in FORMS.iter().enumerate() {
        if form.name() == name {
            return Ok(*form);
        }
        names[index] = form.name();
    }
    Err(unknown_variant(name, &names))
}

fn read_answer_form(value: &Json) -> Read<AnswerForm> {
    Ok(match variant_name(value)? {
        "list" => AnswerForm::List,
        "tuple" | "point" => AnswerForm::Tuple,
        "set" => AnswerForm::Set,
        "interval" => AnswerForm::Interval,
        "solutions" => AnswerForm::Solutions,
        other => {
            let names = ["list", "tuple", "point", "set", "interval", "solutions"];
            return Err(unknown_variant(other, &names));
        }
    })
}

fn variant_name(value: &Json) -> Read<&str> {
    value
        .as_str()
        .ok_or_else(|| invalid(value, "variant identifier"))
}

fn unknown_variant(name: &str, expected: &[&str]) -> String {
    let mut message = format!("unknown variant `{name}`, expected one of ");
    for (index, variant) in expected.iter().enumerate() {
        if index > 0 {
            message.push_str(", ");
        }
        message.push('`');
        message.push_str(variant);
        message.push('`');
    }
    message
}

#[cfg(test)]
mod tests;

/// Reads the `calibration` block (`bank_calibration.rs`). A problem comes with the JSON path of
/// the value it is about, under `$.calibration`; numbers lists must have their model's length.
pub fn read_calibration(value: &Json) -> Result<BankCalibration, (String, String)> {
    fn at(path: &'static str) -> impl Fn(String) -> (String, String) {
        move |message| (path_then("$.calibration", path), message)
    }
    let object = object(value, "struct BankCalibration").map_err(at(""))?;
    let version = required(object, "version", read_u32).map_err(at(""))?;
    if !(1..=CALIBRATION_VERSION).contains(&version) {
        return Err((
            "$.calibration.version".into(),
            format!("unknown calibration version {version}, expected 1 to {CALIBRATION_VERSION}"),
        ));
    }
    let fitted = required(object, "fitted", |v| {
        let mut f = Fields::of(v, "struct CalibrationFitted")?;
        let fitted = CalibrationFitted {
            learners: f.required("learners", read_u32),
            answers: f.required("answers", read_u32),
        };
        f.finish(fitted)
    })
    .map_err(at(".fitted"))?;
    let settings = required(object, "settings", |v| {
        let mut f = Fields::of(v, "struct CalibrationSettings")?;
        let settings = CalibrationSettings {
            ability_step: f.required("abilityStep", read_f64),
            ability_step_decay: f.required("abilityStepDecay", read_f64),
            recent_ability_step: f.required("recentAbilityStep", read_f64),
        };
        f.finish(settings)
    })
    .map_err(at(".settings"))?;
    let weights = required(object, "weights", |v| numbers(v, GLOBAL_FEATURE_COUNT))
        .map_err(at(".weights"))?;
    let mut skills = SortedMap::new();
    for (id, value) in entries(object, "skills")? {
        let skill = read_skill_calibration(value).map_err(|message| {
            (
                format!("$.calibration.skills[{}]", crate::quoted::quoted(id)),
                message,
            )
        })?;
        skills.insert(id.clone(), skill);
    }
    let mut items = SortedMap::new();
    for (id, value) in entries(object, "items")? {
        // 3 numbers, or 3, the context slopes and any loadings (`ItemCalibration`).
        let numbers = finite_numbers(value)
            .and_then(|all| {
                if all.len() < 3 + CONTEXT_COUNT {
                    numbers(value, 3)
                } else {
                    Ok(all)
                }
            })
            .map_err(|message| {
                (
                    format!("$.calibration.items[{}]", crate::quoted::quoted(id)),
                    message,
                )
            })?;
        let item = ItemCalibration {
            easiness: numbers[0],
            ability_slope: numbers[1],
            ability_reference: numbers[2],
            context_slopes: std::array::from_fn(|slope| {
                numbers.get(3 + slope).copied().unwrap_or(0.0)
            }),
            loadings: numbers.get(3 + CONTEXT_COUNT..).unwrap_or(&[]).to_vec(),
        };
        items.insert(id.clone(), item);
    }
    Ok(BankCalibration {
        version,
        fitted,
        settings,
        weights,
        skills,
        items,
    })
}

/// The entries of the block's map `key` (`skills` or `items`).
fn entries<'a>(object: &'a Json, key: &str) -> Result<&'a [(String, Json)], (String, String)> {
    match object.get(key) {
        None => Err(("$.calibration".into(), missing(key))),
        Some(value) => value
            .as_object()
            .ok_or_else(|| (path_then("$.calibration.", key), invalid(value, "a map"))),
    }
}

fn read_skill_calibration(value: &Json) -> Read<SkillCalibration> {
    let mut f = Fields::of(value, "struct SkillCalibration")?;
    let skill = SkillCalibration {
        easiness: f.required("easiness", read_f64),
        ability_reference: f.required("abilityReference", read_f64),
        weights: f.required("weights", |v| numbers(v, SKILL_FEATURE_COUNT)),
    };
    f.finish(skill)
}

/// A list of exactly `count` finite numbers.
fn numbers(value: &Json, count: usize) -> Read<Vec<f64>> {
    let numbers = finite_numbers(value)?;
    if numbers.len() != count {
        return Err(format!(
            "invalid length {}, expected {count} numbers",
            numbers.len()
        ));
    }
    Ok(numbers)
}

/// A list of finite numbers.
fn finite_numbers(value: &Json) -> Read<Vec<f64>> {
    let numbers = list(value, read_f64)?;
    if numbers.iter().any(|number| !number.is_finite()) {
        return Err("every number must be finite".into());
    }
    Ok(numbers)
}
